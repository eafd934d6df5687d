"""Log one step of a dispatched ticket: a contact, a failed attempt, an agreed visit time, or
the resident unreachable.

The time is the moment it happened, "now" by default and editable (the inspector often writes
it down after the call). A refusal from the store (the core's rule, in the UI's language) stays
in the dialog under the fields, so the inspector can correct the time or give up; the dialog
closes only once the event is stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from inspector_app.core.tickets import CONTACT_METHODS, iso
from inspector_app.ui import i18n
from inspector_app.ui.qt import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.details_page import from_qt, to_qt

KINDS = ("contacted", "contact_attempt", "visit_agreed", "unreachable")
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def _time_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qt(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(TIME_FORMAT)
    return edit


class TicketEventDialog(QDialog):
    """Asks for what one kind of event needs; `submitted(kind, at, data, note)` on OK."""

    submitted = Signal(str, str, dict, str)

    def __init__(self, parent: QWidget, kind: str, assignment: Any, now: datetime) -> None:
        super().__init__(parent)
        assert kind in KINDS, kind
        self.kind = kind
        self.setWindowModality(Qt.WindowModality.WindowModal)
        item = assignment.item
        data = item.get("data") or {}
        layout = QVBoxLayout(self)
        who = QLabel(f"{item.get('key', '')} · {data.get('resident_name', '')} · "
                     f"{data.get('resident_phone', '')}")
        who.setObjectName("ticketLabel")
        who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(who)
        form = QFormLayout()
        layout.addLayout(form)
        self.method = QComboBox()
        self.method.setObjectName("methodCombo")
        for key, (zh, en) in CONTACT_METHODS.items():
            self.method.addItem(i18n.pick(zh, en), key)
        self.at = _time_edit(now)
        self.at.setObjectName("atEdit")
        self.visit_at = _time_edit(self._suggested_visit(now))
        self.visit_at.setObjectName("visitAtEdit")
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        if kind in ("contacted", "contact_attempt"):
            form.addRow(self.tr("Method"), self.method)
        form.addRow(self._time_label(), self.at)
        if kind == "visit_agreed":
            form.addRow(self.tr("Agreed visit time"), self.visit_at)
        if kind == "unreachable":
            attempts = assignment.status.attempts
            form.addRow(self.tr("Reason"), self.reason)
            form.addRow("", QLabel(self.tr("Failed contact attempts logged: %1")
                                   .replace("%1", str(attempts))))
        form.addRow(self.tr("Note"), self.note)
        self.message = QLabel()
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("&Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("recordButton")
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowTitle(self._title())
        self.setMinimumWidth(560)

    @staticmethod
    def _suggested_visit(now: datetime) -> datetime:
        """The next full hour after an hour from now: a time people actually agree on."""
        later = now + timedelta(hours=1)
        return later.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)

    def _title(self) -> str:
        return {"contacted": self.tr("Resident contacted"),
                "contact_attempt": self.tr("Failed contact attempt"),
                "visit_agreed": self.tr("Visit time agreed"),
                "unreachable": self.tr("Resident unreachable")}[self.kind]

    def _time_label(self) -> str:
        return {"contacted": self.tr("Contacted at"),
                "contact_attempt": self.tr("Tried at"),
                "visit_agreed": self.tr("Agreed at"),
                "unreachable": self.tr("Given up at")}[self.kind]

    def values(self) -> tuple[str, dict[str, Any], str]:
        """(at as RFC 3339 with the laptop's zone, the event's data, the note)."""
        data: dict[str, Any] = {}
        if self.kind in ("contacted", "contact_attempt"):
            data["method"] = self.method.currentData()
        elif self.kind == "visit_agreed":
            data["visit_at"] = iso(from_qt(self.visit_at.dateTime()))
        elif self.kind == "unreachable":
            data["reason"] = self.reason.text().strip()
        return iso(from_qt(self.at.dateTime())), data, self.note.text().strip()

    def _submit(self) -> None:
        at, data, note = self.values()
        self.ok_button.setEnabled(False)  # until the store answers (a worker thread)
        self.submitted.emit(self.kind, at, data, note)

    def refused(self, text: str) -> None:
        """The store said no: say why here, and let the inspector change something."""
        self.message.setText(text)
        self.message.setStyleSheet(message_style("bad"))
        self.message.show()
        self.ok_button.setEnabled(True)
