"""Step 2: the complaint, the home and the resident, and whether the response limit was met.

A visit started from a dispatched ticket (`Visit.ticket_ref`) shows the ticket's channel, number,
complaint time, address, resident and company read-only, and never writes them back: they are
the office's, signed, and the seal refuses a record whose ticket fields differ from its ticket.
A line above the fields says where they come from; a visit without a ticket says it was typed at
the door and keeps every field editable.
"""

from __future__ import annotations

from datetime import datetime

from inspector_app.core.completeness import details_missing
from inspector_app.core.errors import ValidationError
from inspector_app.core.model import CHANNELS, POSITION_FLAGS, Visit
from inspector_app.core.procedure import response_check
from inspector_app.ui.generated.page_details import Ui_DetailsPage
from inspector_app.ui.qt import QDateTime, QLabel
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage


def to_qt(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()


class DetailsPage(StepPage):
    FIELDS = {"ticket": "ticketEdit", "channel": "channelCombo", "address.street": "streetEdit",
              "address.building": "buildingEdit", "address.flat": "flatEdit",
              "resident_name": "residentEdit", "resident_phone": "phoneEdit",
              "heated_area_m2": "areaSpin", "company": "companyEdit",
              "complaint_at": "complaintEdit", "contact_at": "contactEdit",
              "arrival_at": "arrivalEdit", "outdoor_temp_c": "outdoorSpin",
              "inspector": "inspectorEdit"}
    REQUIRED_LABELS = ("ticketLabel", "complaintLabel", "contactLabel", "arrivalLabel",
                       "outdoorLabel", "inspectorLabel", "streetLabel", "buildingLabel",
                       "flatLabel", "residentLabel", "phoneLabel", "areaLabel", "companyLabel")

    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_DetailsPage()
        self.ui.setupUi(self)
        self.mark_required()
        self.times = {"complaint_at": self.ui.complaintEdit, "contact_at": self.ui.contactEdit,
                      "arrival_at": self.ui.arrivalEdit}
        for edit, button in ((self.ui.complaintEdit, self.ui.complaintNowButton),
                             (self.ui.contactEdit, self.ui.contactNowButton),
                             (self.ui.arrivalEdit, self.ui.arrivalNowButton)):
            button.clicked.connect(lambda _=False, e=edit: e.setDateTime(QDateTime.currentDateTime()))
            edit.dateTimeChanged.connect(self.update_response)
        self.positions = {"edge": self.ui.edgeCheck, "top": self.ui.topCheck,
                          "bottom": self.ui.bottomCheck, "overhang": self.ui.overhangCheck}
        assert set(self.positions) == set(POSITION_FLAGS)
        self.fill_channels()
        self.source_label = QLabel()
        self.source_label.setObjectName("ticketSourceLabel")
        self.source_label.setWordWrap(True)
        self.ui.complaintForm.insertRow(0, self.source_label)
        self.from_ticket = False

    # the widgets holding what a dispatched ticket decides
    TICKET_WIDGETS = ("ticketEdit", "channelCombo", "complaintEdit", "cityEdit",
                      "districtEdit", "streetEdit", "communityEdit", "buildingEdit",
                      "unitEdit", "flatEdit", "residentEdit", "phoneEdit", "companyEdit")

    def ticket_ref(self) -> dict | None:
        return getattr(self.visit, "ticket_ref", None)

    def show_source(self) -> None:
        """Lock the ticket's fields (or unlock them for a walk-in) and say which it is."""
        ref = self.ticket_ref()
        self.from_ticket = ref is not None
        for name in self.TICKET_WIDGETS:
            widget = getattr(self.ui, name)
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(self.from_ticket)
            else:
                widget.setEnabled(not self.from_ticket)
            widget.setStyleSheet("background: #ececec; color: #333;" if self.from_ticket else "")
        self.ui.complaintNowButton.setVisible(not self.from_ticket)
        if ref is not None:
            key = f"{ref.get('channel', '')}/{ref.get('ticket', '')}"
            self.source_label.setText(
                self.tr("From the office's dispatched ticket %1: the ticket, complaint time, "
                        "address, resident and company are the office's and cannot be changed "
                        "here.").replace("%1", key))
            self.source_label.setStyleSheet(message_style("info"))
        else:
            self.source_label.setText(
                self.tr("Typed at the door (no dispatched ticket): enter the complaint as the "
                        "resident or the hotline gives it."))
            self.source_label.setStyleSheet(message_style("warn"))

    def title(self) -> str:
        return self.tr("Visit details")

    def channel_labels(self) -> dict[str, str]:
        return {"12345": self.tr("12345 hotline"), "12319": self.tr("12319 hotline"),
                "96118": self.tr("96118 hotline"), "company": self.tr("Heating company"),
                "monitoring": self.tr("Fixed monitoring point"), "walk_in": self.tr("Reported on site"), "other": self.tr("Other")}

    def fill_channels(self) -> None:
        current = self.ui.channelCombo.currentData()
        self.ui.channelCombo.clear()
        labels = self.channel_labels()
        for key in CHANNELS:
            self.ui.channelCombo.addItem(labels.get(key, key), key)
        if current:
            self.ui.channelCombo.setCurrentIndex(self.ui.channelCombo.findData(current))

    def enter(self) -> None:
        v = self.visit
        u = self.ui
        self.show_source()
        u.ticketEdit.setText(v.ticket)
        u.channelCombo.setCurrentIndex(max(0, u.channelCombo.findData(v.channel)))
        now = datetime.now().astimezone()
        for name, edit in self.times.items():
            edit.setDateTime(to_qt(getattr(v, name) or now))
        u.outdoorSpin.setValue(v.outdoor_temp_c if v.outdoor_temp_c is not None else 0.0)
        u.inspectorEdit.setText(v.inspector)
        u.orgEdit.setText(v.inspector_org)
        a = v.address
        for edit, value in ((u.cityEdit, a.city), (u.districtEdit, a.district),
                            (u.streetEdit, a.street), (u.communityEdit, a.community),
                            (u.buildingEdit, a.building), (u.unitEdit, a.unit),
                            (u.flatEdit, a.flat), (u.residentEdit, v.resident_name),
                            (u.phoneEdit, v.resident_phone), (u.companyEdit, v.company)):
            edit.setText(value)
        u.areaSpin.setValue(v.heated_area_m2)
        for key, box in self.positions.items():
            box.setChecked(key in v.position)
        self.update_response()

    def write(self, visit: Visit | None = None) -> None:
        """The widgets into `visit` (the wizard's by default; a preview copy for the rail)."""
        v = visit or self.visit
        u = self.ui
        from_ticket = getattr(v, "ticket_ref", None) is not None
        for name, edit in self.times.items():
            if not (from_ticket and name == "complaint_at"):
                setattr(v, name, from_qt(edit.dateTime()))
        v.outdoor_temp_c = round(u.outdoorSpin.value(), 1)
        v.inspector = u.inspectorEdit.text().strip()
        v.inspector_org = u.orgEdit.text().strip()
        v.heated_area_m2 = round(u.areaSpin.value(), 1)
        v.position = [k for k, box in self.positions.items() if box.isChecked()]
        if from_ticket:
            return  # the ticket's fields are the office's: never written from the widgets
        v.ticket = u.ticketEdit.text().strip()
        v.channel = u.channelCombo.currentData() or "other"
        a = v.address
        a.city, a.district = u.cityEdit.text().strip(), u.districtEdit.text().strip()
        a.street, a.community = u.streetEdit.text().strip(), u.communityEdit.text().strip()
        a.building, a.unit = u.buildingEdit.text().strip(), u.unitEdit.text().strip()
        a.flat = u.flatEdit.text().strip()
        v.resident_name = u.residentEdit.text().strip()
        v.resident_phone = u.phoneEdit.text().strip()
        v.company = u.companyEdit.text().strip()

    def update_response(self) -> None:
        """The profile's contact limit after the complaint, met or missed (core computes it)."""
        complaint = from_qt(self.ui.complaintEdit.dateTime())
        contact = from_qt(self.ui.contactEdit.dateTime())
        probe = type(self.visit)(profile_name=self.visit.profile_name,
                                 profile_version=self.visit.profile_version,
                                 complaint_at=complaint, contact_at=contact)
        check = response_check(self.wizard.profile, probe)
        limit = str(check.limit_min)
        if check.met is None:
            text, kind = self.tr("Contact limit: %1 min after the complaint").replace("%1", limit), "info"
        elif check.met:
            text = self.tr("Contact limit %1 min: met (%2 min)").replace("%1", limit) \
                .replace("%2", f"{check.contact_min:.0f}")
            kind = "ok"
        else:
            text = self.tr("Contact limit %1 min: MISSED (%2 min)").replace("%1", limit) \
                .replace("%2", f"{check.contact_min:.0f}")
            kind = "bad"
        self.ui.responseLabel.setText(text)
        self.ui.responseLabel.setStyleSheet(message_style(kind))

    def leave(self, forward: bool) -> None:
        self.write()
        if forward:
            self.check_stored()
        else:
            self.wizard.ensure_stored()

    def check_stored(self) -> None:
        """A formal visit goes on only with its details complete (the seal's own rule)."""
        if not self.visit.training:
            self.visit.validate_details()
            missing = [m for m in details_missing(self.visit, self.session.wall())
                       if m.step == "details"]
            if missing:
                raise ValidationError(missing[0].message_zh, missing[0].message_en,
                                      field=missing[0].field)
        self.wizard.ensure_stored()

    def retranslate(self) -> None:
        self.fill_channels()
        self.show_source()
        self.update_response()
