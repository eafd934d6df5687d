"""The refund ruling (退费 / 不退费裁定) of one record: edit, preview, issue, print.

The supervisor edits the daily fee and the failing days; the room-by-room figures are computed
here as they type (core.ruling, pure and instant) so the effect of each number is visible. Issuing
sends only those two inputs: the office recomputes, numbers and keeps the ruling, and the PDF is
made from the office's answer, so the printed ruling is the one on file. Earlier rulings of the
record can be printed again from what the office stored.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.ruling import Ruling, RulingInput, compute_ruling, default_inputs
from inspector_app.review.client import ReviewSession
from inspector_app.slip.content import profile_for, record_zone
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QImage,
    QLabel,
    QLineEdit,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.style import SUPERVISOR_STYLE, message_style
from inspector_app.ui.supervisor.labels import decision_label, verdict_label
from inspector_app.ui.supervisor.pdf_file import print_pdf_pages, save_pdf_as
from inspector_app.ui.supervisor.record_detail import office_time

PREVIEW_DPI = 60.0


def ruling_pdf(envelope: dict, issued: dict[str, Any], lang: str,
               dpi: float = PREVIEW_DPI, office_url: str | None = None
               ) -> tuple[bytes, list[bytes]]:
    """The ruling PDF from the office's stored ruling, and its pages as PNG (worker thread)."""
    from inspector_app.slip.preview import render_pages_png
    from inspector_app.slip.ruling_pdf import render_ruling

    pdf = render_ruling(envelope, Ruling.from_dict(issued["ruling"]),
                        ruling_no=issued["ruling_no"], issued_by=issued["issued_by"],
                        issued_at=issued["issued_at"], lang=lang, office_url=office_url)
    return pdf, render_pages_png(pdf, dpi)


class RulingDialog(QDialog):
    issued = Signal(str)   # the new ruling's number

    def __init__(self, parent: QWidget, session: ReviewSession, detail: dict[str, Any],
                 data_dir: Path, today: date | None = None) -> None:
        super().__init__(parent)
        self.session, self.detail, self.data_dir = session, detail, Path(data_dir)
        self.envelope: dict = detail["envelope"]
        self.zone = record_zone(profile_for(self.envelope.get("record") or {}))
        self.record_id: str = detail["record_id"]
        self.ref: str = detail["ref"]
        self.pdf: bytes | None = None
        self.ruling: Ruling | None = None
        self.shown_ruling: dict[str, Any] | None = None
        self.request: tuple[str, tuple[str, int, str]] | None = None  # key, inputs sent with it
        self.op = None
        self.setWindowTitle(self.tr("Refund ruling"))
        self.setStyleSheet(SUPERVISOR_STYLE)
        self.profile: Profile | None = None
        self._build()
        fit_to_screen(self, 1100, 820)
        try:
            self.profile = load_profile(self.envelope["record"]["profile"]["name"])
        except (InspectionError, KeyError, TypeError) as exc:
            self._status(i18n.error_text(exc) if isinstance(exc, InspectionError)
                         else self.tr("The record names no profile."), "bad")
            self.issueButton.setEnabled(False)
            return
        start = default_inputs(self.envelope, self.profile, today or date.today())
        self.feeSpin.setValue(float(start.daily_fee_per_m2))
        self.daysSpin.setMaximum(self.profile.season_days)
        self.daysSpin.setValue(start.failing_days)
        self.feeSpin.valueChanged.connect(self.recompute)
        self.daysSpin.valueChanged.connect(self.recompute)
        self._fill_earlier()
        self.recompute()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        record = self.envelope.get("record", {})
        visit = record.get("visit", {})
        address = visit.get("address", {})
        where = address.get("full") if isinstance(address, dict) else str(address)
        layout = QVBoxLayout(self)
        head = QLabel(self)
        head.setWordWrap(True)
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.setText(self.tr("Record %1 · %2 · %3\nSHA-256 %4")
                     .replace("%1", self.record_id)
                     .replace("%2", str(where or self.detail.get("address", "")))
                     .replace("%3", office_time(visit.get("test_at")
                                               or self.detail.get("test_at"), self.zone))
                     .replace("%4", str(self.detail.get("sha256", ""))))
        layout.addWidget(head)
        form = QFormLayout()
        self.feeSpin = QDoubleSpinBox(self)
        self.feeSpin.setDecimals(4)
        self.feeSpin.setRange(0.0001, 100.0)
        self.feeSpin.setSingleStep(0.01)
        self.feeSpin.setSuffix(self.tr(" yuan per m² per day"))
        self.daysSpin = QSpinBox(self)
        self.daysSpin.setRange(0, 366)
        self.daysSpin.setSuffix(self.tr(" days"))
        self.commentEdit = QLineEdit(self)
        self.commentEdit.setPlaceholderText(self.tr("Grounds, e.g. complaint date and re-test"))
        form.addRow(self.tr("&Daily fee"), self.feeSpin)
        form.addRow(self.tr("&Failing days"), self.daysSpin)
        form.addRow(self.tr("Co&mment"), self.commentEdit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 8, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels([
            self.tr("Room"), self.tr("Area m²"), self.tr("Mean °C"), self.tr("Result"),
            self.tr("Band"), self.tr("Share"), self.tr("Per day (yuan)"),
            self.tr("Amount (yuan)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.totalLabel = QLabel(self)
        self.totalLabel.setObjectName("overallLabel")
        self.totalLabel.setWordWrap(True)
        layout.addWidget(self.totalLabel)
        self.statusLabel = QLabel(self)
        self.statusLabel.setWordWrap(True)
        layout.addWidget(self.statusLabel)
        self.pagesArea = QScrollArea(self)
        self.pagesArea.setWidgetResizable(True)
        self.pageLabel = QLabel(self.pagesArea)
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pagesArea.setWidget(self.pageLabel)
        self.pagesArea.setMinimumHeight(220)
        self.pagesArea.hide()
        layout.addWidget(self.pagesArea, 2)
        row = QHBoxLayout()
        self.earlierCombo = QComboBox(self)
        self.earlierButton = QPushButton(self.tr("&Open earlier ruling"), self)
        self.earlierButton.clicked.connect(self.open_earlier)
        row.addWidget(self.earlierCombo, 1)
        row.addWidget(self.earlierButton)
        self.issueButton = QPushButton(self.tr("&Issue ruling"), self)
        self.issueButton.setAutoDefault(False)  # Enter never issues: issuing asks first
        self.issueButton.clicked.connect(self.issue)
        self.confirm_box = None
        self.saveButton = QPushButton(self.tr("&Save PDF…"), self)
        self.saveButton.clicked.connect(lambda: self.save_pdf())  # not clicked(bool)
        self.printButton = QPushButton(self.tr("&Print…"), self)
        self.printButton.clicked.connect(self.print_pdf)
        close = self.closeButton = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for button in (self.issueButton, self.saveButton, self.printButton, close):
            row.addWidget(button)
        layout.addLayout(row)
        self.saveButton.setEnabled(False)
        self.printButton.setEnabled(False)

    def _status(self, text: str, kind: str = "info") -> None:
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet(message_style(kind) if text else "")

    def _fill_earlier(self) -> None:
        rulings = self.detail.get("rulings") or []
        self.earlierCombo.clear()
        for item in reversed(rulings):
            ruling = item.get("ruling", {})
            text = (f"{item.get('ruling_no')} · {decision_label(ruling.get('decision', ''))} · "
                    f"{ruling.get('amount_total', '')} · {item.get('issued_by', '')} · "
                    f"{office_time(item.get('issued_at'), self.zone)}")
            if item.get("superseded_by"):
                text += " · " + self.tr("superseded by %1").replace("%1", item["superseded_by"])
            self.earlierCombo.addItem(text, item)
        has = bool(rulings)
        self.earlierCombo.setEnabled(has)
        self.earlierButton.setEnabled(has)
        if not has:
            self.earlierCombo.addItem(self.tr("No ruling issued for this record yet"))

    # -- figures -------------------------------------------------------------------------------
    def inputs(self) -> RulingInput:
        fee = Decimal(str(round(self.feeSpin.value(), 4)))
        return RulingInput(fee, self.daysSpin.value())

    def recompute(self) -> None:
        """The room-by-room figures for the inputs as they stand (pure, instant)."""
        if self.profile is None:
            return
        try:
            self.ruling = compute_ruling(self.envelope, self.profile, self.inputs(),
                                         training_office=self.session.training_office)
        except InspectionError as exc:
            self.ruling = None
            self.table.setRowCount(0)
            self.totalLabel.setText("")
            self._status(i18n.error_text(exc), "bad")
            self.issueButton.setEnabled(False)
            return
        self.issueButton.setEnabled(True)
        self._show_ruling(self.ruling)
        self._status("")

    def _show_ruling(self, ruling: Ruling) -> None:
        self.table.setRowCount(len(ruling.rooms))
        for r, room in enumerate(ruling.rooms):
            cells = (room.name, f"{room.area_m2}", "—" if room.mean_c is None else f"{room.mean_c}",
                     verdict_label(room.verdict), room.band or "—",
                     f"{(room.share * 100).normalize():f} %", f"{room.per_day}", f"{room.amount}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        text = (self.tr("%1: %2 yuan per day × %3 days = %4 yuan")
                .replace("%1", decision_label(ruling.decision))
                .replace("%2", f"{ruling.per_day_total}")
                .replace("%3", str(ruling.failing_days))
                .replace("%4", f"{ruling.amount_total}"))
        self.totalLabel.setText(text)

    # -- issue, reopen, print ------------------------------------------------------------------
    def issue(self) -> None:
        """Ask first (an issued ruling stays at the office), then issue it."""
        if self.ruling is None:
            return
        from inspector_app.ui.dialogs import confirm

        text = (self.totalLabel.text() + "\n\n"
                + self.tr("An issued ruling is kept at the office and cannot be withdrawn; "
                          "only a later ruling can supersede it."))
        self.confirm_box = confirm(self, self.tr("Issue this ruling?"), text,
                                   self.tr("&Issue"), self.tr("&Cancel"), self.issue_now)

    def issue_now(self) -> None:
        """Ask the office to issue the ruling. The request key stays the same until the office
        has answered, so pressing again after a lost answer returns that ruling instead of
        issuing a second one that would supersede it."""
        if self.ruling is None:
            return
        inputs, comment = self.inputs(), self.commentEdit.text().strip()
        asked = (str(inputs.daily_fee_per_m2), inputs.failing_days, comment)
        if self.request is None or self.request[1] != asked:
            self.request = (uuid.uuid4().hex, asked)
        key = self.request[0]
        self.issueButton.setEnabled(False)
        self._status(self.tr("Issuing the ruling at the office…"))
        ref = self.ref
        self.op = run_in_background(
            lambda _p: self.session.issue_ruling(ref, *asked, request_key=key),
            on_success=self._issued, on_failure=self._failed)

    def _issued(self, issued: dict[str, Any]) -> None:
        self.request = None
        self.detail.setdefault("rulings", [])
        if all(r.get("ruling_no") != issued["ruling_no"] for r in self.detail["rulings"]):
            self.detail["rulings"].append(issued)
        self._fill_earlier()
        self.issued.emit(issued["ruling_no"])
        self._render(issued, self.tr("Ruling %1 issued and kept at the office.")
                     .replace("%1", issued["ruling_no"]))

    def _render(self, issued: dict[str, Any], done: str) -> None:
        """The PDF of a ruling the office holds; a failure here leaves the ruling issued."""
        self._status(self.tr("Preparing the ruling…"))
        envelope, lang = self.envelope, i18n.current()
        office_url = self.session.public_url
        self.op = run_in_background(
            lambda _p: ruling_pdf(envelope, issued, lang, office_url=office_url),
            on_success=lambda result: self._show_pdf(issued, *result, done=done),
            on_failure=self._failed)

    def open_earlier(self) -> None:
        item = self.earlierCombo.currentData()
        if item:
            self._render(item, self.tr("Ruling %1").replace("%1", item["ruling_no"]))

    def _show_pdf(self, issued: dict[str, Any], pdf: bytes, pages: list[bytes], *,
                  done: str) -> None:
        self.pdf, self.shown_ruling = pdf, issued
        self._show_ruling(Ruling.from_dict(issued["ruling"]))
        if pages:
            self.pageLabel.setPixmap(QPixmap.fromImage(QImage.fromData(pages[0], "PNG")))
        self.pagesArea.show()
        self.saveButton.setEnabled(True)
        self.printButton.setEnabled(True)
        self.issueButton.setEnabled(True)
        self._status(done, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.issueButton.setEnabled(self.ruling is not None)
        self._status(i18n.error_text(exc), "bad")

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if self.pdf is None or self.shown_ruling is None:
            return None
        number = self.shown_ruling["ruling_no"]
        saved = save_pdf_as(self, self.pdf, self.data_dir / f"ruling-{number}.pdf",
                            self.tr("Save ruling as PDF"), path)
        if saved is not None:
            self._status(self.tr("Saved: %1").replace("%1", str(saved)), "ok")
            self.closeButton.setFocus()   # never left on the irreversible Issue button
        return saved

    def print_pdf(self) -> None:
        if self.pdf is None:
            return
        op = print_pdf_pages(self, self.pdf, self._failed)
        if op is not None:
            self.closeButton.setFocus()   # after printing, Enter must not issue another ruling
            self.op = op
