"""Entering a company's events at the office from the supervisor window: a heating stop, its
withdrawal, a heating period, its actual start and stop days, and a penalty notice draft.

Each form is one request on a worker thread. Nothing is checked here that the office checks
(an overlapping stop, an end before the start, a time in the future, a multiple outside the
district's range): the office refuses with its own words, shown in the screen's language (again
in the other one after a change), and the dialog stays open with everything typed kept, so the
supervisor corrects and sends again. Times are typed in China time and sent with their +08:00.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QDateTime,
    QDateTimeEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QImage,
    QLabel,
    QLineEdit,
    QPixmap,
    QPushButton,
    QScrollArea,
    Qt,
    QWidget,
    Signal,
)
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.supervisor.cases_model import money
from inspector_app.ui.supervisor.office_form import OfficeForm
from inspector_app.ui.supervisor.pdf_file import save_pdf_as

CHINA = "+08:00"   # the district offices' zone: stops are typed and sent in China time
CHINA_ZONE = timezone(timedelta(hours=8))
PREVIEW_DPI = 60.0
SEPARATORS = re.compile(r"[,，;；、\n]+")


def names(text: str) -> list[str]:
    """Communities typed one after another ('幸福小区，和平小区')."""
    return [part.strip() for part in SEPARATORS.split(text) if part.strip()]


def building_pairs(text: str) -> list[tuple[str, str]] | None:
    """Buildings typed as community/building pairs ('和平小区/3号楼；和平小区/4号楼'); None when
    one of them lacks its community."""
    out = []
    for part in names(text):
        community, slash, building = part.replace("／", "/").partition("/")
        if not slash or not community.strip() or not building.strip():
            return None
        out.append((community.strip(), building.strip()))
    return out


def china_time(edit: QDateTimeEdit) -> str:
    """The time typed, as RFC 3339 in China time."""
    return edit.dateTime().toString("yyyy-MM-ddTHH:mm:00") + CHINA


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class EventDialog(OfficeForm):
    """A company event's form: its rows labelled in order (`row`)."""

    def __init__(self, parent: QWidget | None, session: ReviewSession) -> None:
        super().__init__(parent, session, 560)
        self.labels: list[QLabel] = []
        self.status.setObjectName("eventStatus")

    def row(self, field: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(field)
        self.form.addRow(label, field)
        self.labels.append(label)
        return label

    def finish_layout(self) -> None:
        super().finish_layout()
        self.retranslate()


class StopDialog(EventDialog):
    """A heating stop that has ended: company, district, where (communities, buildings; none
    for the whole district), from and to in China time, cause and evidence."""

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 now: datetime | None = None) -> None:
        super().__init__(parent, session)
        self.setObjectName("stopDialog")
        self.setMinimumWidth(660)   # the buildings' example is read whole
        self.companyEdit = QLineEdit(self)
        self.companyEdit.setObjectName("stopCompanyEdit")
        self.companyEdit.setMaxLength(200)
        self.districtEdit = QLineEdit(self)
        self.districtEdit.setObjectName("stopDistrictEdit")
        self.districtEdit.setMaxLength(200)
        if session.user.district:
            self.districtEdit.setText(session.user.district)
            self.districtEdit.setReadOnly(True)
        self.communitiesEdit = QLineEdit(self)
        self.communitiesEdit.setObjectName("stopCommunitiesEdit")
        self.buildingsEdit = QLineEdit(self)
        self.buildingsEdit.setObjectName("stopBuildingsEdit")
        # the last full hour in China time, whatever zone this computer runs in
        now = (now or datetime.now(UTC)).astimezone(CHINA_ZONE)
        end = QDateTime.fromString(now.strftime("%Y-%m-%d %H:00"), "yyyy-MM-dd HH:mm")
        self.startEdit = QDateTimeEdit(end.addDays(-1), self)
        self.startEdit.setObjectName("stopStartEdit")
        self.endEdit = QDateTimeEdit(end, self)
        self.endEdit.setObjectName("stopEndEdit")
        for edit in (self.startEdit, self.endEdit):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.causeEdit = QLineEdit(self)
        self.causeEdit.setObjectName("stopCauseEdit")
        self.causeEdit.setMaxLength(1000)
        self.evidenceEdit = QLineEdit(self)
        self.evidenceEdit.setObjectName("stopEvidenceEdit")
        self.evidenceEdit.setMaxLength(4000)
        for field in (self.companyEdit, self.districtEdit, self.communitiesEdit,
                      self.buildingsEdit, self.startEdit, self.endEdit, self.causeEdit,
                      self.evidenceEdit):
            self.row(field)
        self.finish_layout()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter a heating stop"))
        self.intro.setText(self.tr(
            "A stop is entered once it has ended. Leave communities and buildings empty for "
            "the company's whole district. A wrong stop is withdrawn, never edited. Times are "
            "China time (UTC+8)."))
        for label, text in zip(self.labels, (
                self.tr("Heating &company"), self.tr("&District"), self.tr("Co&mmunities"),
                self.tr("&Buildings"), self.tr("&Start"), self.tr("&End"),
                self.tr("Ca&use"), self.tr("E&vidence")), strict=True):
            label.setText(text)
        self.communitiesEdit.setPlaceholderText(self.tr("communities, separated by commas"))
        self.buildingsEdit.setPlaceholderText(self.tr("community/building, separated by "
                                                      "semicolons"))
        self.causeEdit.setPlaceholderText(self.tr("e.g. a burst main"))
        self.evidenceEdit.setPlaceholderText(self.tr("e.g. the company's repair order number"))
        self.ok.setText(self.tr("Enter stop"))
        super().retranslate()

    def problem(self) -> Callable[[], str] | None:
        if not self.companyEdit.text().strip():
            return lambda: self.tr("Give the heating company.")
        if not self.districtEdit.text().strip():
            return lambda: self.tr("Give the district.")
        if building_pairs(self.buildingsEdit.text()) is None:
            return lambda: self.tr("Write each building with its community: community/building.")
        if not self.causeEdit.text().strip():
            return lambda: self.tr("Give the cause of the stop.")
        return None

    def request(self) -> Callable[[], dict[str, Any]]:
        session = self.session
        body = {"company": self.companyEdit.text().strip(),
                "district": self.districtEdit.text().strip(),
                "communities": names(self.communitiesEdit.text()),
                "buildings": building_pairs(self.buildingsEdit.text()) or [],
                "start_at": china_time(self.startEdit), "end_at": china_time(self.endEdit),
                "cause": self.causeEdit.text().strip(),
                "evidence": self.evidenceEdit.text().strip()}
        return lambda: session.add_stop(**body)


class WithdrawStopDialog(EventDialog):
    """The reason a stop is withdrawn (kept with it, with who and when)."""

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 stop: dict[str, Any]) -> None:
        super().__init__(parent, session)
        self.setObjectName("withdrawStopDialog")
        self.stop = stop
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setObjectName("reasonEdit")
        self.reasonEdit.setMaxLength(1000)
        self.row(self.reasonEdit)
        self.finish_layout()

    def retranslate(self) -> None:
        stop = self.stop
        self.setWindowTitle(self.tr("Withdraw stop %1").replace("%1", str(stop["stop_id"])))
        self.intro.setText(self.tr("Stop %1 of %2 in %3 is withdrawn: it stays on file with "
                                   "who withdrew it, when and why, and the open cases it "
                                   "reached are recomputed.")
                           .replace("%1", str(stop["stop_id"]))
                           .replace("%2", str(stop.get("company", "")))
                           .replace("%3", str(stop.get("district", ""))))
        self.labels[0].setText(self.tr("&Reason"))
        self.ok.setText(self.tr("Withdraw"))
        super().retranslate()

    def problem(self) -> Callable[[], str] | None:
        if not self.reasonEdit.text().strip():
            return lambda: self.tr("Give the reason: it stays with the stop.")
        return None

    def request(self) -> Callable[[], dict[str, Any]]:
        session, stop_id = self.session, str(self.stop["stop_id"])
        reason = self.reasonEdit.text().strip()
        return lambda: session.withdraw_stop(stop_id, reason)


class PeriodDialog(EventDialog):
    """A company's announced heating period for an area of a district, with the heated area
    and the season's fee per m² (what a penalty notice's fee of the days not heated rests on)."""

    def __init__(self, parent: QWidget | None, session: ReviewSession, season: str) -> None:
        super().__init__(parent, session)
        self.setObjectName("periodDialog")
        self.season = season
        first = int(season[:4])
        self.companyEdit = QLineEdit(self)
        self.companyEdit.setObjectName("periodCompanyEdit")
        self.companyEdit.setMaxLength(200)
        self.districtEdit = QLineEdit(self)
        self.districtEdit.setObjectName("periodDistrictEdit")
        self.districtEdit.setMaxLength(200)
        if session.user.district:
            self.districtEdit.setText(session.user.district)
            self.districtEdit.setReadOnly(True)
        self.areaEdit = QLineEdit(self)
        self.areaEdit.setObjectName("periodAreaEdit")
        self.areaEdit.setMaxLength(500)
        self.heatedEdit = QLineEdit(self)
        self.heatedEdit.setObjectName("periodHeatedEdit")
        self.heatedEdit.setMaxLength(40)
        self.feeEdit = QLineEdit(self)
        self.feeEdit.setObjectName("periodFeeEdit")
        self.feeEdit.setMaxLength(40)
        self.startEdit = QDateEdit(qdate(date(first, 10, 20)), self)
        self.startEdit.setObjectName("periodStartEdit")
        self.endEdit = QDateEdit(qdate(date(first + 1, 4, 10)), self)
        self.endEdit.setObjectName("periodEndEdit")
        for edit in (self.startEdit, self.endEdit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        for field in (self.companyEdit, self.districtEdit, self.areaEdit, self.heatedEdit,
                      self.feeEdit, self.startEdit, self.endEdit):
            self.row(field)
        self.finish_layout()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Enter a heating period, season %1")
                            .replace("%1", self.season))
        self.intro.setText(self.tr(
            "The start and end of heating the company announced for the season, one per area. "
            "The actual days are entered once they have come."))
        for label, text in zip(self.labels, (
                self.tr("Heating &company"), self.tr("&District"), self.tr("&Area heated"),
                self.tr("Heated area (&m²)"), self.tr("&Fee per m² for the season (yuan)"),
                self.tr("Announced &start"), self.tr("Announced &end")), strict=True):
            label.setText(text)
        self.areaEdit.setPlaceholderText(self.tr("in words, or a community"))
        self.heatedEdit.setPlaceholderText("12000")
        self.feeEdit.setPlaceholderText("27")
        self.ok.setText(self.tr("Enter period"))
        super().retranslate()

    def problem(self) -> Callable[[], str] | None:
        for edit, words in ((self.companyEdit, lambda: self.tr("Give the heating company.")),
                            (self.districtEdit, lambda: self.tr("Give the district.")),
                            (self.areaEdit, lambda: self.tr("Give the area heated.")),
                            (self.heatedEdit, lambda: self.tr("Give the heated area in m².")),
                            (self.feeEdit, lambda: self.tr("Give the fee per m².")),):
            if not edit.text().strip():
                return words
        return None

    def request(self) -> Callable[[], dict[str, Any]]:
        session = self.session
        body = {"season": self.season, "company": self.companyEdit.text().strip(),
                "district": self.districtEdit.text().strip(),
                "area": self.areaEdit.text().strip(),
                "heated_area_m2": self.heatedEdit.text().strip(),
                "fee_per_m2": self.feeEdit.text().strip(),
                "announced_start": self.startEdit.date().toString("yyyy-MM-dd"),
                "announced_end": self.endEdit.date().toString("yyyy-MM-dd")}
        return lambda: session.add_heating_period(**body)


class ActualDaysDialog(EventDialog):
    """The day heating actually started and/or stopped (each only once it has come)."""

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 period: dict[str, Any]) -> None:
        super().__init__(parent, session)
        self.setObjectName("actualDaysDialog")
        self.period = period
        self.startEdit = QDateEdit(self)
        self.startEdit.setObjectName("actualStartEdit")
        self.endEdit = QDateEdit(self)
        self.endEdit.setObjectName("actualEndEdit")
        for edit, key, fallback in ((self.startEdit, "actual_start", "announced_start"),
                                    (self.endEdit, "actual_end", "announced_end")):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(qdate(date.fromisoformat(period.get(key) or period[fallback])))
        self.startCheck = QComboBox(self)
        self.startCheck.setObjectName("actualWhichCombo")
        self.row(self.startCheck)
        self.row(self.startEdit)
        self.row(self.endEdit)
        self.startCheck.currentIndexChanged.connect(lambda _i: self._enable())
        self.finish_layout()
        if period.get("actual_start"):
            self.startCheck.setCurrentIndex(2 if period.get("actual_end") else 1)
        self._enable()

    def _enable(self) -> None:
        which = self.startCheck.currentData() or "start"
        self.startEdit.setEnabled(which in ("start", "both"))
        self.endEdit.setEnabled(which in ("end", "both"))

    def retranslate(self) -> None:
        period = self.period
        self.setWindowTitle(self.tr("Actual days of heating period %1")
                            .replace("%1", str(period["period_id"])))
        self.intro.setText(self.tr("%1, %2, %3: announced %4 to %5.")
                           .replace("%1", str(period.get("company", "")))
                           .replace("%2", str(period.get("district", "")))
                           .replace("%3", str(period.get("area", "")))
                           .replace("%4", str(period.get("announced_start", "")))
                           .replace("%5", str(period.get("announced_end", ""))))
        for label, text in zip(self.labels, (self.tr("&Which days"), self.tr("Actual &start"),
                                             self.tr("Actual &end")), strict=True):
            label.setText(text)
        chosen = max(0, self.startCheck.currentIndex())
        self.startCheck.blockSignals(True)
        self.startCheck.clear()
        self.startCheck.addItem(self.tr("the actual start"), "start")
        self.startCheck.addItem(self.tr("the actual end"), "end")
        self.startCheck.addItem(self.tr("both"), "both")
        self.startCheck.setCurrentIndex(chosen)
        self.startCheck.blockSignals(False)
        self.ok.setText(self.tr("Save days"))
        super().retranslate()

    def request(self) -> Callable[[], dict[str, Any]]:
        session, period_id = self.session, str(self.period["period_id"])
        which = self.startCheck.currentData() or "start"
        start = (self.startEdit.date().toString("yyyy-MM-dd")
                 if which in ("start", "both") else None)
        end = self.endEdit.date().toString("yyyy-MM-dd") if which in ("end", "both") else None
        return lambda: session.set_actual_days(period_id, actual_start=start, actual_end=end)


def notice_pdf_and_preview(session: ReviewSession, notice_no: str, lang: str
                           ) -> tuple[bytes, list[bytes]]:
    """The office's PDF of a notice draft and its first page as PNG (worker thread)."""
    from inspector_app.slip.preview import render_pages_png

    pdf = session.penalty_notice_pdf(notice_no, lang)
    return pdf, render_pages_png(pdf, PREVIEW_DPI, pages=[0])


def rule_range(period: dict[str, Any]) -> tuple[str, str] | None:
    """The range of multiples the office applied to this period's latest draft, if any."""
    for notice in reversed(period.get("notices") or []):
        penalty = (notice.get("data") or {}).get("penalty") or {}
        if penalty.get("multiple_min") and penalty.get("multiple_max"):
            return str(penalty["multiple_min"]), str(penalty["multiple_max"])
    return None


class NoticeDialog(EventDialog):
    """A penalty notice draft (《吉林省城市供热条例》 Art. 33) on a period: the kind, the multiple
    within the district's range and the reason; the office computes, numbers and renders it.
    The dialog stays open on the draft's figures and its PDF (preview, Save)."""

    drafted = Signal(dict)

    def __init__(self, parent: QWidget | None, session: ReviewSession, period: dict[str, Any],
                 data_dir: Path) -> None:
        super().__init__(parent, session)
        self.setObjectName("noticeDialog")
        # a copy: a draft made here is added to its notices (the tab reads them again)
        self.period = {**period, "notices": [dict(n) for n in period.get("notices") or []]}
        self.data_dir = Path(data_dir)
        self.notice: dict[str, Any] | None = None
        self.pdf: bytes | None = None
        self.pdf_lang: str | None = None
        self.saved: Path | None = None
        self.kindCombo = QComboBox(self)
        self.kindCombo.setObjectName("noticeKindCombo")
        self.multipleEdit = QLineEdit(self)
        self.multipleEdit.setObjectName("noticeMultipleEdit")
        self.multipleEdit.setMaxLength(40)
        self.rangeLabel = QLabel(self)
        self.rangeLabel.setObjectName("noticeRange")
        self.rangeLabel.setWordWrap(True)
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setObjectName("noticeReasonEdit")
        self.reasonEdit.setMaxLength(2000)
        self.row(self.kindCombo)
        self.row(self.multipleEdit)
        self.form.addRow("", self.rangeLabel)
        self.row(self.reasonEdit)
        self.earlierCombo = QComboBox(self)
        self.earlierCombo.setObjectName("noticeEarlierCombo")
        self.earlierButton = QPushButton(self)
        self.earlierButton.setObjectName("noticeEarlierButton")
        self.earlierButton.setAutoDefault(False)
        self.earlierButton.clicked.connect(self.open_earlier)
        earlier = QHBoxLayout()
        earlier.addWidget(self.earlierCombo, 1)
        earlier.addWidget(self.earlierButton)
        self.earlierLabel = QLabel(self)
        self.earlierLabel.setBuddy(self.earlierCombo)
        self.form.addRow(self.earlierLabel, earlier)
        self.answerLabel = QLabel(self)
        self.answerLabel.setObjectName("noticeAnswer")
        self.answerLabel.setWordWrap(True)
        self.answerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.answerLabel)
        self.pagesArea = QScrollArea(self)
        self.pagesArea.setWidgetResizable(True)
        self.pageLabel = QLabel(self.pagesArea)
        self.pageLabel.setObjectName("noticePage")
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pagesArea.setWidget(self.pageLabel)
        self.layout_.addWidget(self.pagesArea, 1)
        self.saveButton = QPushButton(self)
        self.saveButton.setObjectName("noticeSaveButton")
        self.saveButton.setAutoDefault(False)
        self.saveButton.setEnabled(False)
        self.saveButton.clicked.connect(lambda: self.save_pdf())   # not clicked(bool)
        self.buttons.addButton(self.saveButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok.setAutoDefault(False)   # Enter never drafts
        self.finish_layout()
        if not period.get("late_start_days") and period.get("early_stop_days"):
            self.kindCombo.setCurrentIndex(1)
        fit_to_screen(self, 760, 700)

    def retranslate(self) -> None:
        period = self.period
        self.setWindowTitle(self.tr("Penalty notice draft on heating period %1")
                            .replace("%1", str(period["period_id"])))
        self.intro.setText(self.tr(
            "%1, %2, %3: %4 days started late, %5 days stopped early. The office computes the "
            "heat fee of the days not heated and the fine (Art. 33 of the Jilin urban heating "
            "regulation), numbers the draft and keeps it; a new draft of the same kind "
            "supersedes the earlier one.")
            .replace("%1", str(period.get("company", "")))
            .replace("%2", str(period.get("district", "")))
            .replace("%3", str(period.get("area", "")))
            .replace("%4", str(period.get("late_start_days", 0)))
            .replace("%5", str(period.get("early_stop_days", 0))))
        for label, text in zip(self.labels, (self.tr("&Kind"), self.tr("&Multiple"),
                                             self.tr("&Reason")), strict=True):
            label.setText(text)
        chosen = max(0, self.kindCombo.currentIndex())
        self.kindCombo.clear()
        self.kindCombo.addItem(self.tr("late start of heating"), "late_start")
        self.kindCombo.addItem(self.tr("early stop of heating"), "early_stop")
        self.kindCombo.setCurrentIndex(chosen)
        self.multipleEdit.setPlaceholderText(self.tr("e.g. 3 or 2.5"))
        self.reasonEdit.setPlaceholderText(self.tr("why this multiple"))
        known = rule_range(self.notice and {"notices": [self.notice]} or period)
        self.rangeLabel.setText(
            self.tr("The district's rules allow %1 to %2 times the fee of the days not heated.")
            .replace("%1", known[0]).replace("%2", known[1]) if known else
            self.tr("The range of multiples is the district's rules' (Changchun: 2 to 10 times "
                    "the fee of the days not heated); the office refuses one outside it, "
                    "naming the range."))
        self.earlierLabel.setText(self.tr("&Drafts"))
        self.earlierButton.setText(self.tr("&Open draft"))
        self._fill_earlier()
        self.ok.setText(self.tr("Draft notice"))
        self.saveButton.setText(self.tr("&Save PDF…"))
        self.back.setText(self.tr("Close"))
        self.show_answer()
        self.show_message()
        if self.notice is not None and self.pdf_lang not in (None, i18n.current()) \
                and not self.busy():
            self.fetch_pdf()   # the preview and the PDF saved are in the screen's language

    def _fill_earlier(self) -> None:
        """The period's drafts, newest first (a superseded one says by which)."""
        chosen = self.earlierCombo.currentIndex()
        self.earlierCombo.clear()
        kinds = {"late_start": self.tr("late start of heating"),
                 "early_stop": self.tr("early stop of heating")}
        for notice in reversed(self.period.get("notices") or []):
            penalty = (notice.get("data") or {}).get("penalty") or {}
            text = (f"{notice.get('notice_no')} · {kinds.get(notice.get('kind'), '')} · "
                    f"{penalty.get('multiple', '')} × · {money(penalty.get('fine'))}")
            if notice.get("superseded_by"):
                text += " · " + self.tr("superseded by %1").replace("%1",
                                                                     notice["superseded_by"])
            self.earlierCombo.addItem(text, notice)
        has = self.earlierCombo.count() > 0
        if not has:
            self.earlierCombo.addItem(self.tr("No draft on this period yet"))
        elif 0 <= chosen < self.earlierCombo.count():
            self.earlierCombo.setCurrentIndex(chosen)
        self.earlierCombo.setEnabled(has)
        self.earlierButton.setEnabled(has)

    def open_earlier(self) -> None:
        """Show a draft already made, with the office's PDF of it."""
        notice = self.earlierCombo.currentData()
        if notice:
            self.notice = notice
            self.refusal, self.local = None, None
            self.show_answer()
            self.show_message()
            self.fetch_pdf()

    def problem(self) -> Callable[[], str] | None:
        if not self.multipleEdit.text().strip():
            return lambda: self.tr("Give the multiple.")
        if not self.reasonEdit.text().strip():
            return lambda: self.tr("Give the reason for the multiple: it is written on the "
                                   "notice.")
        return None

    def request(self) -> Callable[[], dict[str, Any]]:
        session, period_id = self.session, str(self.period["period_id"])
        kind = self.kindCombo.currentData()
        multiple, reason = self.multipleEdit.text().strip(), self.reasonEdit.text().strip()
        return lambda: session.draft_penalty_notice(period_id, kind, multiple, reason)

    def _answered(self, answer: dict[str, Any]) -> None:
        """Kept open: the draft's figures and its PDF are shown here."""
        self.ok.setEnabled(True)
        self.notice = answer
        notices = self.period.setdefault("notices", [])
        for earlier in notices:
            if earlier.get("kind") == answer.get("kind") and not earlier.get("superseded_by"):
                earlier["superseded_by"] = answer.get("notice_no")
        notices.append(answer)
        self.earlierCombo.setCurrentIndex(-1)
        self.drafted.emit(answer)
        self.done.emit(answer)
        self.retranslate()
        self.fetch_pdf()

    def show_answer(self) -> None:
        if self.notice is None:
            self.answerLabel.setText("")
            return
        penalty = (self.notice.get("data") or {}).get("penalty") or {}
        self.answerLabel.setText(
            self.tr("Draft %1: %2 days not heated; heat fee of those days %3 yuan; range %4 to "
                    "%5 yuan; at %6 times the fine is %7 yuan.")
            .replace("%1", str(self.notice.get("notice_no", "")))
            .replace("%2", str(penalty.get("days", "")))
            .replace("%3", money(penalty.get("fee")))
            .replace("%4", money(penalty.get("fine_min")))
            .replace("%5", money(penalty.get("fine_max")))
            .replace("%6", str(penalty.get("multiple", "")))
            .replace("%7", money(penalty.get("fine"))))

    def fetch_pdf(self) -> None:
        if self.notice is None:
            return
        self.pdf = None
        self.saveButton.setEnabled(False)
        session, number, lang = self.session, str(self.notice["notice_no"]), i18n.current()
        self.op = run_in_background(
            lambda _p: notice_pdf_and_preview(session, number, lang),
            on_success=lambda result: self._show_pdf(number, *result, lang=lang),
            on_failure=self._refused)

    def _show_pdf(self, number: str, pdf: bytes, pages: list[bytes], *, lang: str) -> None:
        if self.notice is None or self.notice.get("notice_no") != number:
            return
        self.pdf, self.pdf_lang = pdf, lang
        if self.local is None or self.local[1] != "ok":
            self.refusal = None
            self.local = (lambda: self.tr("Draft %1 kept at the office.").replace("%1", number),
                          "ok")
            self.show_message()
        if pages:
            self.pageLabel.setPixmap(QPixmap.fromImage(QImage.fromData(pages[0], "PNG")))
        self.saveButton.setEnabled(True)
        if lang != i18n.current():   # the language changed while it was on its way
            self.fetch_pdf()

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if self.pdf is None or self.notice is None:
            return None
        number = self.notice["notice_no"]
        saved = save_pdf_as(self, self.pdf, self.data_dir / f"penalty-notice-{number}.pdf",
                            self.tr("Save penalty notice draft as PDF"), path)
        if saved is not None:
            self.saved = saved
            self.refusal = None
            self.local = (lambda: self.tr("Saved: %1").replace("%1", str(saved)), "ok")
            self.show_message()
        return saved


def scope_text(scope: dict[str, Any] | None, whole: str) -> str:
    """A stop's communities and buildings in a cell; `whole` when it names none."""
    scope = scope or {}
    parts = [str(c) for c in scope.get("communities") or []]
    parts += [f"{c}/{b}" for c, b in scope.get("buildings") or []]
    return "、".join(parts) if parts else whole
