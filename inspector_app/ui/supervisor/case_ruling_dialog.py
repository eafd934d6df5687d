"""The refund ruling on a case (a household's complaint, tests, re-tests and stops): the
supervisor sets the daily fee, the ruling date and whether the fixed monitoring points count,
and the office computes the failing days and the amount over what it stored.

The dialog shows the office's estimate for today before issuing and the office's answer after
(number, decision, period, failing days, stop days, amount, notes and the day-by-day count):
nothing is computed here, so the screen and the ruling on file cannot differ. The PDF is the
office's (`GET …/rulings/{no}/pdf`), shown as a page preview, saved or printed as received.
A lost answer is retried under the same request key, so it never issues a second ruling.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.core.decimal_math import round_to
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, load_profile
from inspector_app.review.client import ReviewSession
from inspector_app.slip.case_ruling_labels import CaseRulingLabels, note_text
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QImage,
    QLabel,
    QLineEdit,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.style import SUPERVISOR_STYLE, message_style
from inspector_app.ui.supervisor.case_detail import DaysTable
from inspector_app.ui.supervisor.cases_labels import case_label
from inspector_app.ui.supervisor.cases_model import local_time, money
from inspector_app.ui.supervisor.labels import NONE, decision_label
from inspector_app.ui.supervisor.pdf_file import print_pdf_pages, save_pdf_as

PREVIEW_DPI = 60.0


def profile_today(profile: Profile | None, now: datetime | None = None) -> date:
    """Today where the case was tested (the profile's zone, Changchun +08:00), the day the
    office's 'not after today' check reads: a laptop on another clock would otherwise offer
    yesterday as the ruling date before 08:00 UTC and lose the last day unseen."""
    moment = now or datetime.now(UTC)
    return moment.astimezone(profile.zone).date() if profile else moment.astimezone().date()


def case_profile(detail: dict[str, Any]) -> Profile | None:
    """The profile the case's records were tested under (the newest record's), if named."""
    case = detail.get("case") or {}
    names = [case.get("profile_name"), detail.get("profile_name")]
    records = sorted(detail.get("records") or [], key=lambda r: str(r.get("test_at")),
                     reverse=True)
    names += [r.get("profile_name") or r.get("profile") for r in records]
    for name in names:
        if isinstance(name, str) and name:
            try:
                return load_profile(name)
            except InspectionError:
                continue
    return None


def pdf_and_preview(session: ReviewSession, case_id: str, ruling_no: str, lang: str
                    ) -> tuple[bytes, list[bytes]]:
    """The office's PDF of a ruling and its first page as PNG (worker thread)."""
    from inspector_app.slip.preview import render_pages_png

    pdf = session.case_ruling_pdf(case_id, ruling_no, lang)
    return pdf, render_pages_png(pdf, PREVIEW_DPI, pages=[0])


class CaseRulingDialog(QDialog):
    issued = Signal(dict)   # the office's ruling row

    def __init__(self, parent: QWidget | None, session: ReviewSession, detail: dict[str, Any],
                 data_dir: Path, today: date | None = None) -> None:
        super().__init__(parent)
        self.session, self.detail, self.data_dir = session, detail, Path(data_dir)
        self.case: dict[str, Any] = detail.get("case") or {}
        self.case_id: str = str(self.case.get("case_id", ""))
        self.profile = case_profile(detail)
        self.today = today or profile_today(self.profile)
        self.request: tuple[str, tuple[Any, ...]] | None = None   # key, inputs sent with it
        self.answer: dict[str, Any] | None = None     # the ruling shown (issued or earlier)
        self.pdf: bytes | None = None
        self.op = None
        self.confirm_box = None
        self.message: tuple[str, str] = ("", "info")
        self.message_words: Callable[[], str] | None = None   # the message, in the language now
        self.pdf_lang: str | None = None
        self.pdf_done: Callable[[], str] = lambda: ""   # what its arrival said, for a refetch
        self.setObjectName("caseRulingDialog")
        self.setStyleSheet(SUPERVISOR_STYLE)
        self._build()
        fit_to_screen(self, 1200, 720)
        if self.profile is not None:
            self.feeSpin.setValue(float(round_to(self.profile.daily_fee_per_m2, 4, "half_up")))
        self.retranslate()
        self._fill_earlier()
        self.show_answer(None)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.head = QLabel(self)
        self.head.setWordWrap(True)
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.head)
        self.form = QFormLayout()
        self.feeSpin = QDoubleSpinBox(self)
        self.feeSpin.setObjectName("caseFeeSpin")
        self.feeSpin.setDecimals(4)
        self.feeSpin.setRange(0.0001, 100.0)
        self.feeSpin.setSingleStep(0.01)
        self.feeSpin.setMaximumWidth(320)
        self.untilEdit = QDateEdit(self)
        self.untilEdit.setObjectName("caseUntilEdit")
        self.untilEdit.setCalendarPopup(True)
        self.untilEdit.setDisplayFormat("yyyy-MM-dd")
        self.untilEdit.setMaximumWidth(320)
        self.untilEdit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.monitorCheck = QCheckBox(self)
        self.monitorCheck.setObjectName("caseMonitorCheck")
        self.commentEdit = QLineEdit(self)
        self.commentEdit.setObjectName("caseCommentEdit")
        self.commentEdit.setMaxLength(1000)
        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self.labels, (self.feeSpin, self.untilEdit, self.monitorCheck,
                                              self.commentEdit), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout.addLayout(self.form)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget(self.splitter)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        self.answerLabel = QLabel(left)
        self.answerLabel.setObjectName("caseAnswer")
        self.answerLabel.setWordWrap(True)
        self.answerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.answerLabel)
        self.days_table = DaysTable(left)
        side.addWidget(self.days_table, 1)
        self.pagesArea = QScrollArea(self.splitter)
        self.pagesArea.setWidgetResizable(True)
        self.pageLabel = QLabel(self.pagesArea)
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pagesArea.setWidget(self.pageLabel)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pagesArea)
        self.splitter.setSizes([560, 560])
        layout.addWidget(self.splitter, 1)
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("caseRulingStatus")
        self.statusLabel.setWordWrap(True)
        layout.addWidget(self.statusLabel)
        row = QHBoxLayout()
        self.earlierCombo = QComboBox(self)
        self.earlierButton = QPushButton(self)
        self.earlierButton.setAutoDefault(False)
        self.earlierButton.clicked.connect(self.open_earlier)
        row.addWidget(self.earlierCombo, 1)
        row.addWidget(self.earlierButton)
        self.issueButton = QPushButton(self)
        self.issueButton.setObjectName("caseIssueButton")
        self.issueButton.setAutoDefault(False)   # Enter never issues: issuing asks first
        self.issueButton.clicked.connect(self.issue)
        self.saveButton = QPushButton(self)
        self.saveButton.clicked.connect(lambda: self.save_pdf())   # not clicked(bool)
        self.printButton = QPushButton(self)
        self.printButton.clicked.connect(self.print_pdf)
        self.closeButton = QPushButton(self)
        self.closeButton.clicked.connect(self.reject)
        for button in (self.issueButton, self.saveButton, self.printButton, self.closeButton):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.issueButton.setEnabled(self.case.get("state") != "withdrawn")
        self.monitorCheck.setEnabled(bool(self.detail.get("monitor_days")))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund ruling on case %1").replace("%1", self.case_id))
        case = self.case
        self.head.setText(self.tr("Case %1 · %2 · records: %3, tickets: %4 · opened %5")
                          .replace("%1", self.case_id)
                          .replace("%2", str(case.get("address") or NONE))
                          .replace("%3", str(case.get("records", NONE)))
                          .replace("%4", str(case.get("tickets", NONE)))
                          .replace("%5", local_time(case.get("opened_at"))))
        self.feeSpin.setSuffix(self.tr(" yuan per m² per day"))
        self.labels[0].setText(self.tr("&Daily fee"))
        self.labels[1].setText(self.tr("Ruling da&te"))
        self.labels[2].setText(self.tr("Mo&nitoring"))
        self.labels[3].setText(self.tr("Co&mment"))
        count = len(self.detail.get("monitor_days") or [])
        self.monitorCheck.setText(self.tr("Count failing days from the fixed monitoring points "
                                          "(%1 daily means)").replace("%1", str(count)))
        self.commentEdit.setPlaceholderText(self.tr("Grounds, e.g. the re-test that passed"))
        self.earlierButton.setText(self.tr("&Open earlier ruling"))
        self.issueButton.setText(self.tr("&Issue ruling"))
        self.saveButton.setText(self.tr("&Save PDF…"))
        self.printButton.setText(self.tr("&Print…"))
        self.closeButton.setText(self.tr("Close"))
        self.days_table.retranslate()
        self._fill_earlier()
        self.show_answer(self.answer)
        if self.profile is None:
            self._status(self.tr("The case's records name no profile this laptop knows: type "
                                 "the daily fee."), "warn")
        elif self.message_words is not None:
            self._status(self.message_words(), self.message[1], self.message_words)
        else:
            self._status(*self.message)
        if self.pdf is not None and self.answer is not None and self.pdf_lang is not None \
                and self.pdf_lang != i18n.current() and not self.busy():
            # the preview and the PDF saved or printed are in the screen's language
            self._fetch_pdf(self.answer, self.pdf_done)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _status(self, text: str, kind: str = "info",
                words: Callable[[], str] | None = None) -> None:
        """Show a message; `words` gives it again in another language after a change."""
        self.message = (text, kind)
        self.message_words = words
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet(message_style(kind) if text else "")

    def busy(self) -> bool:
        return self.op is not None and not self.op.done

    # -- what is shown -------------------------------------------------------------------------
    def _fill_earlier(self) -> None:
        rulings = self.detail.get("rulings") or []
        chosen = self.earlierCombo.currentIndex()
        self.earlierCombo.clear()
        for item in reversed(rulings):
            body = item.get("ruling") or {}
            text = (f"{item.get('ruling_no')} · {decision_label(body.get('decision', ''))} · "
                    f"{money(body.get('amount_total'))} · {item.get('issued_by', '')} · "
                    f"{local_time(item.get('issued_at'))}")
            if item.get("superseded_by"):
                text += " · " + self.tr("superseded by %1").replace("%1", item["superseded_by"])
            self.earlierCombo.addItem(text, item)
        has = bool(rulings)
        self.earlierCombo.setEnabled(has)
        self.earlierButton.setEnabled(has)
        if not has:
            self.earlierCombo.addItem(self.tr("No ruling issued on this case yet"))
        elif 0 <= chosen < self.earlierCombo.count():
            self.earlierCombo.setCurrentIndex(chosen)

    def _notes(self, body: dict[str, Any]) -> list[str]:
        """The ruling's notes in the window's language, worded as its PDF words them."""
        if self.profile is None:
            return [case_label("note", n) for n in body.get("notes") or []]
        words = CaseRulingLabels(i18n.current())
        ids = {str(x.get("ref")): str(x.get("record_id")) for x in body.get("tests") or []}
        return [note_text(str(n), ids, self.profile, words) for n in body.get("notes") or []]

    def show_answer(self, issued: dict[str, Any] | None) -> None:
        """The office's ruling (or, before one, its estimate for today) and its days."""
        self.answer = issued
        if issued is None:
            estimate = self.detail.get("estimate") or {}
            self.answerLabel.setText(self.tr(
                "The office's estimate for today: %1 failing days, %2 yuan. Issuing asks the "
                "office to compute the ruling over every record, ticket and stop of the case.")
                .replace("%1", str(estimate.get("failing_days", NONE)))
                .replace("%2", money(estimate.get("amount"))))
            self.days_table.show_days(self.detail.get("timeline") or [])
            self.saveButton.setEnabled(False)
            self.printButton.setEnabled(False)
            return
        body = issued.get("ruling") or {}
        notes = self._notes(body)
        text = (self.tr("Ruling %1: %2 · %3 failing days and %4 stop days, %5 to %6 · %7 yuan")
                .replace("%1", str(issued.get("ruling_no", "")))
                .replace("%2", decision_label(body.get("decision", "")))
                .replace("%3", str(body.get("failing_days", NONE)))
                .replace("%4", str(body.get("stop_days", 0)))
                .replace("%5", str(body.get("start") or NONE))
                .replace("%6", str(body.get("end") or NONE))
                .replace("%7", money(body.get("amount_total"))))
        if notes:
            text += "\n" + self.tr("Notes: %1").replace("%1", "; ".join(notes))
        if issued.get("superseded_by"):
            text += "\n" + self.tr("superseded by %1").replace("%1", issued["superseded_by"])
        self.answerLabel.setText(text)
        self.days_table.show_days(body.get("days") or [])

    # -- issue ---------------------------------------------------------------------------------
    def inputs(self) -> tuple[str, str, bool, str]:
        fee = Decimal(str(round(self.feeSpin.value(), 4))).quantize(Decimal("0.0001"))
        until = self.untilEdit.date().toString("yyyy-MM-dd")
        return str(fee), until, self.monitorCheck.isChecked(), self.commentEdit.text().strip()

    def issue(self) -> None:
        """Ask first (an issued ruling stays at the office), then issue it."""
        from inspector_app.ui.dialogs import confirm

        fee, until, monitoring, _comment = self.inputs()
        text = (self.tr("Daily fee %1 yuan per m², failing days counted up to %2%3.")
                .replace("%1", fee).replace("%2", until)
                .replace("%3", self.tr(", with the monitoring points") if monitoring else "")
                + "\n\n" + self.tr("An issued ruling is kept at the office and cannot be "
                                   "withdrawn; only a later ruling can supersede it."))
        self.confirm_box = confirm(self, self.tr("Issue this ruling?"), text,
                                   self.tr("&Issue"), self.tr("&Cancel"), self.issue_now)

    def issue_now(self) -> None:
        """Send the inputs; the request key stays the same until the office has answered."""
        asked = self.inputs()
        if self.request is None or self.request[1] != asked:
            self.request = (uuid.uuid4().hex, asked)
        key, (fee, until, monitoring, comment) = self.request[0], asked
        session, case_id = self.session, self.case_id
        self.issueButton.setEnabled(False)
        self._status(self.tr("Issuing the ruling at the office…"), "info",
                     lambda: self.tr("Issuing the ruling at the office…"))
        self.op = run_in_background(
            lambda _p: session.issue_case_ruling(case_id, fee, until, use_monitoring=monitoring,
                                                 comment=comment, request_key=key),
            on_success=self._issued, on_failure=self._failed)

    def _issued(self, issued: dict[str, Any]) -> None:
        self.request = None
        rulings = self.detail.setdefault("rulings", [])
        for earlier in rulings:
            if earlier.get("ruling_no") != issued.get("ruling_no") \
                    and not earlier.get("superseded_by"):
                earlier["superseded_by"] = issued.get("ruling_no")
        if all(r.get("ruling_no") != issued.get("ruling_no") for r in rulings):
            rulings.append(issued)
        self.issueButton.setEnabled(True)
        self._fill_earlier()
        self.show_answer(issued)
        self.issued.emit(issued)
        number = str(issued.get("ruling_no"))
        self._fetch_pdf(issued, lambda: self.tr("Ruling %1 issued and kept at the office.")
                        .replace("%1", number))

    def _failed(self, exc: BaseException) -> None:
        self.issueButton.setEnabled(self.case.get("state") != "withdrawn")
        self._status(i18n.error_text(exc), "bad", lambda: i18n.error_text(exc))

    # -- PDF -----------------------------------------------------------------------------------
    def open_earlier(self) -> None:
        item = self.earlierCombo.currentData()
        if item:
            self.show_answer(item)
            number = str(item["ruling_no"])
            self._fetch_pdf(item, lambda: self.tr("Ruling %1").replace("%1", number))

    def _fetch_pdf(self, issued: dict[str, Any], done: Callable[[], str]) -> None:
        """The office's PDF of the ruling; a failure here leaves the ruling issued."""
        self.pdf = None
        self.saveButton.setEnabled(False)
        self.printButton.setEnabled(False)
        self._status(self.tr("Fetching the ruling's PDF from the office…"), "info",
                     lambda: self.tr("Fetching the ruling's PDF from the office…"))
        session, case_id, number = self.session, self.case_id, str(issued["ruling_no"])
        lang = i18n.current()
        self.op = run_in_background(
            lambda _p: pdf_and_preview(session, case_id, number, lang),
            on_success=lambda result: self._show_pdf(issued, *result, done=done, lang=lang),
            on_failure=self._failed)

    def _show_pdf(self, issued: dict[str, Any], pdf: bytes, pages: list[bytes], *,
                  done: Callable[[], str], lang: str) -> None:
        if issued is not self.answer:
            return   # another ruling was chosen meanwhile
        self.pdf, self.pdf_lang, self.pdf_done = pdf, lang, done
        if pages:
            self.pageLabel.setPixmap(QPixmap.fromImage(QImage.fromData(pages[0], "PNG")))
        self.saveButton.setEnabled(True)
        self.printButton.setEnabled(True)
        self._status(done(), "ok", done)
        if lang != i18n.current():    # the language changed while it was on its way
            self._fetch_pdf(issued, done)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if self.pdf is None or self.answer is None:
            return None
        number = self.answer["ruling_no"]
        saved = save_pdf_as(self, self.pdf, self.data_dir / f"ruling-{number}.pdf",
                            self.tr("Save ruling as PDF"), path)
        if saved is not None:
            self._status(self.tr("Saved: %1").replace("%1", str(saved)), "ok",
                         lambda: self.tr("Saved: %1").replace("%1", str(saved)))
            self.closeButton.setFocus()   # never left on the irreversible Issue button
        return saved

    def print_pdf(self) -> None:
        if self.pdf is None:
            return
        op = print_pdf_pages(self, self.pdf, self._failed)
        if op is not None:
            self.closeButton.setFocus()   # after printing, Enter must not issue another ruling
            self.op = op
