"""One sealed record laid out for a supervisor deciding on a refund.

Everything shown comes from the detail the office returns (`OfficeStore.record()`): the sealed
envelope exactly as received, plus the office's own columns (review state, chain state, review
history, rulings). The envelope is re-verified here with `seal.verify.verify_envelope` rather
than trusting the office's flag, because the supervisor's decision rests on these very bytes.
Values are formatted with the slip's helpers so the screen and the paper slip never disagree.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.core.decimal_math import round_to
from inspector_app.core.model import Address
from inspector_app.core.profile import Profile
from inspector_app.core.record_time import DEFAULT_ZONE, shown_time
from inspector_app.core.visit_from_ticket import ticket_source
from inspector_app.seal.problems import Problem
from inspector_app.seal.verify import verify_envelope
from inspector_app.slip.content import (
    NONE,
    fmt_num,
    fmt_temp,
    hash_groups,
    profile_for,
    record_zone,
)
from inspector_app.ui import i18n
from inspector_app.ui.qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QFont,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.style import BAD, INFO, OK, WARN, message_style
from inspector_app.ui.supervisor.labels import label as coded_label
from inspector_app.ui.supervisor.photo_strip import PhotoStrip
from inspector_app.ui.supervisor.readings_chart import ReadingsChart, Series
from inspector_app.ui.supervisor.signature_view import SignatureCard

MARK_OK, MARK_BAD, MARK_INFO = "✓", "✗", "•"
VERDICT_COLOURS = {"pass": OK, "fail": BAD, "incomplete": WARN}
REVIEW_COLOURS = {"approved": OK, "rejected": BAD, "has_issues": WARN, "resubmitted": WARN}
TAB_OVERVIEW, TAB_ROOMS, TAB_SIGNATURES, TAB_VERIFICATION, TAB_REVIEW, TAB_PHOTOS = range(6)


def mono_font() -> QFont:
    """Fixed pitch for hashes and keys: groups of 8 line up and are easy to read aloud."""
    font = QFont()
    font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New"])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    return font


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def office_time(value: Any, zone: timezone = DEFAULT_ZONE) -> str:
    """An office timestamp (UTC) in the record's zone, like the visit's own times, whatever
    zone this computer runs in: "received 10:06" beside "sealed 10:05", never "04:06"."""
    return shown_time(value, zone, missing=NONE)


def _minutes_between(start: Any, end: Any) -> int | None:
    try:
        delta = datetime.fromisoformat(str(end)) - datetime.fromisoformat(str(start))
    except (TypeError, ValueError):
        return None
    return math.ceil(delta.total_seconds() / 60 - 1e-9)


def _float(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def pill_style(colour: str) -> str:
    return (f"background: {colour}; color: white; font-weight: bold; padding: 2px 10px;"
            " border-radius: 4px;")


@dataclass
class Check:
    """One line of the verification tab: ok True/False (a mark), or None (information)."""

    key: str
    ok: bool | None
    title: str
    detail: str = ""
    mono: str = ""


class CheckRow(QFrame):
    """A verification line: a green ✓ or red ✗, what was checked, and the evidence."""

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        colour = INFO if check.ok is None else OK if check.ok else BAD
        self.setObjectName(f"check_{check.key}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.mark = QLabel(MARK_INFO if check.ok is None else MARK_OK if check.ok else MARK_BAD)
        self.mark.setStyleSheet(f"color: {colour}; font-size: 18pt; font-weight: bold;")
        self.mark.setFixedWidth(34)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.mark)
        text = QVBoxLayout()
        self.title = QLabel(check.title)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"font-weight: bold; color: {colour if check.ok is False else '#111'};")
        text.addWidget(self.title)
        self.detail = QLabel(check.detail)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(check.detail))
        if check.ok is False:
            self.detail.setStyleSheet(f"color: {BAD};")
        text.addWidget(self.detail)
        self.mono = QLabel(check.mono)
        self.mono.setFont(mono_font())
        self.mono.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mono.setVisible(bool(check.mono))
        text.addWidget(self.mono)
        layout.addLayout(text, 1)
        if check.ok is False:
            self.setStyleSheet(f"QFrame#check_{check.key} {{ background: #fde7ea;"
                               f" border: 2px solid {BAD}; border-radius: 6px; }}")

    @property
    def ok(self) -> bool | None:
        return self.check.ok


def _scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    return table


def _item(text: str, colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if colour:
        item.setForeground(QColor(colour))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class RecordDetail(QWidget):
    """Build once, then `show_detail(detail)` for each record and `clear()` between them.

    `open_record(ref)` asks the host to show another record (the one this corrects, or the
    one that corrects it). Widgets the tests read are attributes: `fields` (key → value label),
    `precondition_labels`, `rooms_table`, `points_table`, `chart`, `cards`, `checks` (key → CheckRow), `history_table`,
    `rulings_table`, `link_buttons`.
    """

    open_record = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: dict[str, Any] | None = None
        self._rooms: list[dict[str, Any]] = []
        self._visit_rooms: dict[str, dict[str, Any]] = {}
        self._min_temp: float | None = None
        self.fields: dict[str, QLabel] = {}
        self.checks: dict[str, CheckRow] = {}
        self.link_buttons: list[QPushButton] = []
        self.problems: list[Problem] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), "")
        self.tabs.addTab(self._build_rooms(), "")
        self.tabs.addTab(self._build_signatures(), "")
        self.tabs.addTab(self._build_verification(), "")
        self.tabs.addTab(self._build_review(), "")
        self.photos = PhotoStrip()  # its `loader` is set by the host that has the session
        self.tabs.addTab(self.photos, "")
        outer.addWidget(self.tabs, 1)
        self._retranslate()
        self.clear()

    # -- words -------------------------------------------------------------------------------
    def label(self, group: str, code: Any) -> str:
        """The words for a coded value (verdict, review state, room kind, chain state, ...)."""
        return coded_label(group, code)

    def _fmt(self, template: str, *values: Any) -> str:
        """Fill %1, %2 ... in a translated template (Qt's arg() is not in Python's tr)."""
        for i in range(len(values), 0, -1):
            template = template.replace(f"%{i}", str(values[i - 1]))
        return template

    def _retranslate(self) -> None:
        for index, text in ((TAB_OVERVIEW, self.tr("Visit")),
                            (TAB_ROOMS, self.tr("Rooms and readings")),
                            (TAB_SIGNATURES, self.tr("Signatures")),
                            (TAB_VERIFICATION, self.tr("Verification")),
                            (TAB_REVIEW, self.tr("Review history")),
                            (TAB_PHOTOS, self.tr("Photos"))):
            self.tabs.setTabText(index, text)
        self.visit_box.setTitle(self.tr("Visit"))
        self.times_box.setTitle(self.tr("Times"))
        self.conditions_box.setTitle(self.tr("Test conditions"))
        self.result_box.setTitle(self.tr("Result"))
        self.instrument_box.setTitle(self.tr("Instrument"))
        self.rooms_box.setTitle(self.tr("Rooms (select one to see its points)"))
        self.points_box.setTitle(self.tr("Points of the selected room"))
        self.chart_box.setTitle(self.tr("Readings of the selected room"))
        self.checks_box.setTitle(self.tr("Is this the record as sealed?"))
        self.links_box.setTitle(self.tr("Corrections"))
        self.history_box.setTitle(self.tr("Review history"))
        self.rulings_box.setTitle(self.tr("Refund rulings"))
        self.cards["inspector"].setTitle(self.tr("Inspector"))
        self.cards["resident"].setTitle(self.tr("Resident"))
        self.cards["witness"].setTitle(self.tr("Witness"))
        self.rooms_table.setHorizontalHeaderLabels([
            self.tr("Type"), self.tr("Name"), self.tr("Area (m²)"), self.tr("Points required"),
            self.tr("Room mean"), self.tr("Result")])
        self.points_table.setHorizontalHeaderLabels([
            self.tr("Point"), self.tr("Readings (°C)"), self.tr("Mean"), self.tr("Entry")])
        self.history_table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("State"),
            self.tr("Comment")])
        self.rulings_table.setHorizontalHeaderLabels([
            self.tr("Ruling no."), self.tr("Decision"), self.tr("Amount"), self.tr("Issued by"),
            self.tr("Issued at"), self.tr("Status")])
        self.training_banner.setText(self.tr(
            "TRAINING / DEMO record: not evidence of a test, never to be used to decide a "
            "refund"))

    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._detail is not None:
                self.show_detail(self._detail)
        super().changeEvent(event)

    # -- building ----------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("detailHeader")
        layout = QVBoxLayout(header)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(4)
        self.training_banner = QLabel()
        self.training_banner.setObjectName("trainingBadge")
        self.training_banner.setWordWrap(True)
        layout.addWidget(self.training_banner)
        self.title_label = QLabel()
        self.title_label.setObjectName("titleLabel")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title_label)
        row = QHBoxLayout()
        self.test_time_label = QLabel()
        self.verdict_label = QLabel()
        self.review_label = QLabel()
        self.record_id_label = QLabel()
        self.record_id_label.setStyleSheet("color: #555; font-size: 11pt;")
        self.record_id_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.test_time_label, self.verdict_label, self.review_label):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.record_id_label)
        layout.addLayout(row)
        self.alert_label = QLabel()
        self.alert_label.setObjectName("messageLabel")
        self.alert_label.setWordWrap(True)
        layout.addWidget(self.alert_label)
        return header

    @staticmethod
    def _form_box() -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(4)
        return box, form

    def _build_overview(self) -> QWidget:
        """Three columns: the result and who/where; when and with what; the conditions."""
        page = QWidget()
        layout = QHBoxLayout(page)
        self.result_box, self.result_form = self._form_box()
        self.visit_box, self.visit_form = self._form_box()
        self.times_box, self.times_form = self._form_box()
        self.instrument_box, self.instrument_form = self._form_box()
        self.conditions_box = QGroupBox()
        self.conditions_layout = QVBoxLayout(self.conditions_box)
        self.conditions_layout.setSpacing(6)
        for boxes in ((self.result_box, self.visit_box), (self.times_box, self.instrument_box),
                      (self.conditions_box,)):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            layout.addLayout(column, 1)
        return _scrolled(page)

    def _build_rooms(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rooms_box = QGroupBox()
        self.rooms_table = _table(6)
        QVBoxLayout(self.rooms_box).addWidget(self.rooms_table)
        header = self.rooms_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rooms_table.itemSelectionChanged.connect(self._room_selected)
        layout.addWidget(self.rooms_box)

        lower = QSplitter(Qt.Orientation.Horizontal)
        self.points_box = QGroupBox()
        self.points_table = _table(4)
        QVBoxLayout(self.points_box).addWidget(self.points_table)
        header = self.points_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.points_table.itemSelectionChanged.connect(self._point_selected)
        self.chart_box = QGroupBox()
        self.chart = ReadingsChart()
        QVBoxLayout(self.chart_box).addWidget(self.chart)
        lower.addWidget(self.points_box)
        lower.addWidget(self.chart_box)
        lower.setStretchFactor(0, 4)
        lower.setStretchFactor(1, 5)
        layout.addWidget(lower, 1)
        return page

    def _build_signatures(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        self.cards = {role: SignatureCard() for role in ("inspector", "resident", "witness")}
        for card in self.cards.values():
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            layout.addWidget(card, 1, Qt.AlignmentFlag.AlignTop)
        return _scrolled(page)

    def _build_verification(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.checks_box = QGroupBox()
        self.checks_layout = QVBoxLayout(self.checks_box)
        self.checks_layout.setSpacing(2)
        layout.addWidget(self.checks_box)
        self.links_box = QGroupBox()
        self.links_layout = QVBoxLayout(self.links_box)
        layout.addWidget(self.links_box)
        layout.addStretch(1)
        return _scrolled(page)

    def _build_review(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.history_box = QGroupBox()
        self.history_table = _table(5)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history_empty = QLabel()
        box = QVBoxLayout(self.history_box)
        box.addWidget(self.history_empty)
        box.addWidget(self.history_table)
        self.rulings_box = QGroupBox()
        self.rulings_table = _table(6)
        header = self.rulings_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.rulings_empty = QLabel()
        box = QVBoxLayout(self.rulings_box)
        box.addWidget(self.rulings_empty)
        box.addWidget(self.rulings_table)
        layout.addWidget(self.history_box, 3)
        layout.addWidget(self.rulings_box, 2)
        return page

    # -- filling -----------------------------------------------------------------------------
    def clear(self) -> None:
        """Show nothing (no record selected)."""
        self._detail = None
        self._rooms, self._visit_rooms, self._min_temp = [], {}, None
        self._profile: Profile | None = None
        self.problems = []
        self.training_banner.hide()
        self.alert_label.hide()
        self.title_label.setText(self.tr("No record selected"))
        for label in (self.test_time_label, self.verdict_label, self.review_label,
                      self.record_id_label):
            label.clear()
            label.hide()
        self.fields.clear()
        self.precondition_labels: list[QLabel] = []
        for form in (self.visit_form, self.times_form, self.result_form, self.instrument_form):
            while form.rowCount():
                form.removeRow(0)
        for table in (self.rooms_table, self.points_table, self.history_table,
                      self.rulings_table):
            table.setRowCount(0)
        self.chart.clear()
        for card in self.cards.values():
            card.clear()
        self._clear_layout(self.checks_layout)
        self._clear_layout(self.links_layout)
        self._clear_layout(self.conditions_layout)
        self.checks.clear()
        self.link_buttons = []
        self.photos.clear()
        self.tabs.setEnabled(False)

    @staticmethod
    def _clear_layout(layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()

    def _time(self, value: Any) -> str:
        """A time of this record, in the record's zone (its profile's)."""
        return office_time(value, record_zone(self._profile))

    def show_detail(self, detail: dict[str, Any]) -> None:
        """Fill every tab from one office detail (`OfficeStore.record()` shape)."""
        selected_room = self.rooms_table.currentRow() if self._detail is detail else 0
        self.clear()
        self._detail = detail
        self.tabs.setEnabled(True)
        envelope = detail.get("envelope") if isinstance(detail.get("envelope"), dict) else {}
        record = envelope.get("record") if isinstance(envelope.get("record"), dict) else {}
        visit = record.get("visit") if isinstance(record.get("visit"), dict) else {}
        result = record.get("result") if isinstance(record.get("result"), dict) else {}
        prof = record.get("profile") if isinstance(record.get("profile"), dict) else {}
        self._min_temp = _float(prof.get("min_temp_c"))
        self._profile = profile_for(record) if record else None
        self.problems = verify_envelope(envelope)

        self._fill_header(detail, record, visit, result)
        self._fill_visit(record, visit, detail.get("ticket_source"))
        self._fill_result(record, visit, result, prof)
        self._fill_instrument(visit)
        self._fill_rooms(visit, result, selected_room)
        self._fill_signatures(record)
        self._fill_verification(detail, envelope, record)
        self._fill_review(detail)
        self.photos.show_record(record, detail.get("evidence"))

    def _fill_header(self, detail: dict[str, Any], record: dict[str, Any],
                     visit: dict[str, Any], result: dict[str, Any]) -> None:
        training = bool(record.get("training") or visit.get("training") or detail.get("training"))
        self.training_banner.setVisible(training)
        address = Address(**{k: str(v or "") for k, v in (visit.get("address") or {}).items()
                             if k in Address.__dataclass_fields__}).one_line()
        self.title_label.setText(address or str(detail.get("address") or NONE))
        self.test_time_label.setText(self._fmt(self.tr("Tested %1"),
                                               self._time(visit.get("test_at")
                                                        or detail.get("test_at"))))
        verdict = str(result.get("verdict") or detail.get("verdict") or "incomplete")
        self.verdict_label.setText(self.label("verdict", verdict))
        self.verdict_label.setStyleSheet(pill_style(VERDICT_COLOURS.get(verdict, WARN)))
        review = str(detail.get("review_state") or "received")
        self.review_label.setText(self._fmt(self.tr("Review: %1"), self.label("review", review)))
        self.review_label.setStyleSheet(pill_style(REVIEW_COLOURS.get(review, INFO)))
        self.record_id_label.setText(self._fmt(self.tr("Record %1"),
                                               record.get("record_id")
                                               or detail.get("record_id") or NONE))
        for label in (self.test_time_label, self.verdict_label, self.review_label,
                      self.record_id_label):
            label.show()
        alerts: list[tuple[str, str]] = []
        if self.problems:
            alerts.append(("bad", self._fmt(self.tr("Verification failed: %1"), "; ".join(
                i18n.pick(p.message_zh, p.message_en) for p in self.problems))))
        chain = str(detail.get("chain_state") or "ok")
        if chain != "ok":
            alerts.append(("bad", self.label("chain", chain)))
        if detail.get("superseded_by"):
            alerts.append(("warn", self.tr("A later record corrects this one: see Verification "
                                           "→ Corrections")))
        missing = (detail.get("evidence") or {}).get("photos_missing")
        if missing:
            alerts.append(("bad", self._fmt(self.tr("Evidence incomplete: %1 cited photos not "
                                                    "received yet (see Photos)"), len(missing))))
        others = [str(o.get("device_id")) for o in detail.get("same_id_elsewhere") or []
                  if isinstance(o, dict)]
        if others:  # the office keeps each device's record apart; say that the id was reused
            alerts.append(("warn", self._fmt(self.tr(
                "Another device also sent a record under this record id (device %1). It is "
                "kept apart and changes nothing here; this record is from device %2."),
                ", ".join(others), str(detail.get("device_id") or NONE))))
        if alerts:
            kind = "bad" if any(k == "bad" for k, _ in alerts) else "warn"
            self.alert_label.setStyleSheet(message_style(kind))
            self.alert_label.setText("\n".join(text for _, text in alerts))
            self.alert_label.show()
        mark = f" {MARK_BAD}" if self.problems or chain != "ok" else ""
        self.tabs.setTabText(TAB_VERIFICATION, self.tr("Verification") + mark)

    def _add(self, form: QFormLayout, key: str, label: str, value: str,
             colour: str | None = None) -> QLabel:
        name = QLabel(label)
        name.setStyleSheet("color: #444;")
        shown = QLabel(value)
        shown.setObjectName(f"field_{key}")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if colour:
            shown.setStyleSheet(f"color: {colour}; font-weight: bold;")
        form.addRow(name, shown)
        self.fields[key] = shown
        return shown

    def _fill_visit(self, record: dict[str, Any], visit: dict[str, Any],
                    source: dict[str, Any] | None = None) -> None:
        f = self.visit_form
        self._add(f, "ticket", self.tr("Ticket no."), fmt_num(visit.get("ticket")))
        source = source if isinstance(source, dict) else ticket_source(visit)
        self._add(f, "ticket_source", self.tr("Ticket source"),
                  i18n.pick(str(source.get("label_zh", "")), str(source.get("label_en", ""))),
                  None if source.get("dispatched") else "#8a5a00")
        self._add(f, "channel", self.tr("Channel"), self.label("channel", visit.get("channel")))
        self._add(f, "resident_name", self.tr("Resident"), fmt_num(visit.get("resident_name")))
        self._add(f, "resident_phone", self.tr("Phone"), fmt_num(visit.get("resident_phone")))
        self._add(f, "heated_area", self.tr("Heated area"),
                  fmt_num(visit.get("heated_area_m2"), "m²"))
        self._add(f, "company", self.tr("Heating company"), fmt_num(visit.get("company")))
        positions = [self.label("position", p) for p in visit.get("position") or []]
        self._add(f, "position", self.tr("Position in building"),
                  i18n.pick("、", ", ").join(positions) if positions
                  else self.tr("None (an ordinary flat)"))
        self._add(f, "outdoor", self.tr("Outdoor temperature"),
                  fmt_temp(visit.get("outdoor_temp_c")))
        inspector = fmt_num(visit.get("inspector"))
        if visit.get("inspector_org"):
            inspector += i18n.pick(f"（{visit['inspector_org']}）", f" ({visit['inspector_org']})")
        self._add(f, "inspector", self.tr("Inspector"), inspector)
        if visit.get("notes"):
            self._add(f, "notes", self.tr("Notes"), str(visit["notes"]))

    def _fill_result(self, record: dict[str, Any], visit: dict[str, Any],
                     result: dict[str, Any], prof: dict[str, Any]) -> None:
        t = self.times_form
        complaint = visit.get("complaint_at")
        self._add(t, "complaint_at", self.tr("Complaint"), self._time(complaint))
        profile = self._profile
        limit = profile.contact_within_min if profile else None
        for key, label in (("contact_at", self.tr("Contacted")),
                           ("arrival_at", self.tr("Arrived")), ("test_at", self.tr("Tested"))):
            text = self._time(visit.get(key))
            minutes = _minutes_between(complaint, visit.get(key))
            late = key == "contact_at" and limit is not None and minutes is not None \
                and minutes > limit
            if minutes is not None:
                text += self._fmt(self.tr(" (%1 min after the complaint)"), minutes)
            if late:
                text += self._fmt(self.tr(", later than the %1 min allowed"), limit)
            self._add(t, key, label, text, BAD if late else None)
        closed = self._time(visit.get("closed_since"))
        if profile and closed != NONE:
            closed += self._fmt(self.tr(" (at least %1 min required)"),
                                profile.min_closed_minutes)
        self._add(t, "closed_since", self.tr("Closed since"), closed)
        self._fill_conditions(visit, profile)

        r = self.result_form
        verdict = str(result.get("verdict") or "incomplete")
        self._add(r, "verdict", self.tr("Result"), self.label("verdict", verdict),
                  VERDICT_COLOURS.get(verdict, WARN))
        if self._min_temp is not None:
            self._add(r, "criterion", self.tr("Standard"), self._fmt(
                self.tr("each room at least %1 °C (%2 rules, version %3)"),
                prof.get("min_temp_c"), prof.get("title_zh") or prof.get("name") or NONE,
                prof.get("version") or NONE))
        lowest = next((room for room in result.get("rooms") or []
                       if room.get("room_id") == result.get("lowest_room_id")), None)
        if lowest is not None:
            kind = self.label("kind", lowest.get("kind"))
            self._add(r, "lowest", self.tr("Coldest room"),
                      f"{lowest.get('name', '')}{i18n.pick(f'（{kind}）', f' ({kind}) ')}"
                      f"{fmt_temp(lowest.get('mean'))}")
        self._add(r, "failing_area", self.tr("Area below standard"),
                  fmt_num(result.get("failing_area_m2"), "m²"))
        per_day = result.get("refund_per_day")
        self._add(r, "refund_per_day", self.tr("Refund per day"),
                  self._fmt(self.tr("%1 yuan"), per_day) if per_day not in (None, "") else NONE,
                  BAD if (_float(per_day) or 0) > 0 else None)
        names = {room.get("room_id"): room.get("name", "") for room in result.get("rooms") or []}
        notes = []
        for note in result.get("notes") or []:
            kind, _, arg = str(note).partition(":")
            if kind == "missing_room":
                notes.append(self._fmt(self.tr("Not tested: %1"), self.label("kind", arg)))
            elif kind == "no_band":
                notes.append(self._fmt(self.tr("No refund band for %1"), names.get(arg, arg)))
            else:
                notes.append(str(note))
        if notes:
            self._add(r, "result_notes", self.tr("Notes"), "\n".join(notes), WARN)

    def _fill_conditions(self, visit: dict[str, Any], profile: Profile | None) -> None:
        """Each precondition on its own line with a green ✓ or a red ✗, then the exemptions."""
        lang = i18n.current()
        names = {c.key: c.label(lang) for c in profile.preconditions} if profile else {}
        pre = visit.get("preconditions") or {}
        lines = []
        for key in [k for k in names if k in pre] + [k for k in pre if k not in names]:
            met = bool(pre[key])
            colour, mark = (OK, MARK_OK) if met else (BAD, MARK_BAD)
            state = self.tr("met") if met else self.tr("NOT met")
            lines.append(f'<span style="color:{colour}; font-weight:bold">{mark} {state}</span>'
                         f"　{html.escape(names.get(key, key))}")
        heading = QLabel(self.tr("Preconditions"))
        heading.setStyleSheet("color: #444;")
        self.conditions_layout.addWidget(heading)
        if not lines:
            lines = [html.escape(NONE)]
        for i, line in enumerate(lines):
            label = QLabel(line)
            label.setObjectName(f"precondition_{i}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            self.conditions_layout.addWidget(label)
            self.precondition_labels.append(label)
        ex_names = {c.key: c.label(lang) for c in profile.exemptions} if profile else {}
        exemptions = [ex_names.get(k, k) for k in visit.get("exemptions") or []]
        heading = QLabel(self.tr("Exemptions"))
        heading.setStyleSheet("color: #444; margin-top: 8px;")
        self.conditions_layout.addWidget(heading)
        shown = QLabel(i18n.pick("；", "; ").join(exemptions) if exemptions else self.tr("None"))
        shown.setWordWrap(True)
        if exemptions:
            shown.setStyleSheet(f"color: {WARN}; font-weight: bold;")
        self.conditions_layout.addWidget(shown)
        self.fields["exemptions"] = shown

    def _fill_instrument(self, visit: dict[str, Any]) -> None:
        f = self.instrument_form
        inst = visit.get("instrument") or {}
        self._add(f, "instrument_model", self.tr("Model"), fmt_num(inst.get("model")))
        self._add(f, "instrument_serial", self.tr("Serial no."), fmt_num(inst.get("serial")))
        self._add(f, "certificate_no", self.tr("Calibration certificate"),
                  fmt_num(inst.get("certificate_no")))
        expiry, tested = _date(inst.get("certificate_expiry")), _date(visit.get("test_at"))
        if expiry is None:
            self._add(f, "certificate_expiry", self.tr("Certificate valid until"),
                      self.tr("not recorded"), BAD)
        elif tested is not None and expiry < tested:
            self._add(f, "certificate_expiry", self.tr("Certificate valid until"),
                      self._fmt(self.tr("%1, EXPIRED on the test day"), expiry.isoformat()), BAD)
        else:
            self._add(f, "certificate_expiry", self.tr("Certificate valid until"),
                      self._fmt(self.tr("%1 (valid on the test day)"), expiry.isoformat()))
        correction = _float(inst.get("correction_c"))
        self._add(f, "correction", self.tr("Correction"),
                  NONE if correction is None else f"{correction:+.1f} °C")

    # -- rooms -------------------------------------------------------------------------------
    def _fill_rooms(self, visit: dict[str, Any], result: dict[str, Any], selected: int) -> None:
        self._visit_rooms = {str(r.get("id")): r for r in visit.get("rooms") or []
                             if isinstance(r, dict)}
        self._rooms = [r for r in result.get("rooms") or [] if isinstance(r, dict)]
        lowest = result.get("lowest_room_id")
        self.rooms_table.setRowCount(len(self._rooms))
        for row, room in enumerate(self._rooms):
            verdict = str(room.get("verdict") or "incomplete")
            name = str(room.get("name") or NONE)
            if lowest and room.get("room_id") == lowest:
                name += self.tr(" (coldest)")
            cells = [_item(self.label("kind", room.get("kind"))), _item(name),
                     _item(fmt_num(room.get("area_m2"))),
                     _item(str(room.get("points_required") or len(room.get("points") or []))),
                     _item(fmt_temp(room.get("mean")), bold=True),
                     _item(self.label("verdict", verdict), VERDICT_COLOURS.get(verdict), True)]
            for col, cell in enumerate(cells):
                if col in (2, 3, 4):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.rooms_table.setItem(row, col, cell)
        self.rooms_table.resizeRowsToContents()
        self._fit_rows(self.rooms_table, 5)
        if self._rooms:
            self.rooms_table.selectRow(min(max(selected, 0), len(self._rooms) - 1))

    @staticmethod
    def _fit_rows(table: QTableWidget, most: int) -> None:
        """As tall as its rows (up to `most`, then it scrolls): no empty band, no hidden row."""
        rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), most)))
        if table.rowCount() == 0:
            rows = 40
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows
                             + 2 * table.frameWidth() + 2)

    def _room_selected(self) -> None:
        row = self.rooms_table.currentRow()
        self.points_table.setRowCount(0)
        self.chart.clear()
        if not 0 <= row < len(self._rooms):
            return
        room = self._rooms[row]
        stored = self._visit_rooms.get(str(room.get("room_id")), {})
        stored_points = {p.get("index"): p for p in stored.get("points") or []}
        points = room.get("points") or []
        self.points_table.setRowCount(len(points))
        series = []
        for i, point in enumerate(points):
            samples = (stored_points.get(point.get("index")) or {}).get("samples") or []
            reasons = sorted({str(s.get("reason")) for s in samples
                              if s.get("manual") and s.get("captured") and s.get("reason")})
            manual = bool(point.get("manual"))
            entry = self.tr("Instrument")
            if manual:
                entry = self.tr("Typed in by hand")
                if reasons:
                    entry += f"：{'；'.join(reasons)}"
            readings = "  ".join(str(x) for x in point.get("readings") or []) or NONE
            cells = [_item(self._fmt(self.tr("Point %1"), point.get("index"))),
                     _item(readings), self._mean_item(point.get("mean")),
                     _item(entry, WARN if manual else None, manual)]
            for col, cell in enumerate(cells):
                self.points_table.setItem(i, col, cell)
            series.append(self._series(point, samples))
        self.points_table.resizeRowsToContents()
        self.chart.set_data(series, self._min_temp)

    def _mean_item(self, value: Any) -> QTableWidgetItem:
        """A point mean rounded as the profile shows room means (as on the slip); the exact
        value the record holds is in the tooltip."""
        try:
            exact = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return _item(NONE)
        places = self._profile.display_decimals if self._profile else 1
        mode = self._profile.rounding if self._profile else "half_even"
        item = _item(fmt_temp(str(round_to(exact, places, mode))), bold=True)
        item.setToolTip(str(value))
        return item

    def _series(self, point: dict[str, Any], samples: list[dict[str, Any]]) -> Series:
        s = Series(label=self._fmt(self.tr("Point %1"), point.get("index")))
        for sample in samples:
            t, v = _float(sample.get("t_offset_s")), _float(sample.get("value_c"))
            if t is None or v is None:
                continue
            s.samples.append((t, v))
            if sample.get("captured"):
                s.captured.append((t, v))
                if sample.get("manual"):
                    s.manual.append((t, v))
        return s

    def _point_selected(self) -> None:
        row = self.points_table.currentRow()
        self.chart.set_highlight(row if row >= 0 else None)

    # -- signatures --------------------------------------------------------------------------
    def _signer_line(self, sig: dict[str, Any], extra: str = "") -> str:
        name = str(sig.get("signer_name") or NONE) + extra
        return self._fmt(self.tr("%1, signed %2"), name, self._time(sig.get("signed_at")))

    def _fill_signatures(self, record: dict[str, Any]) -> None:
        sigs = record.get("signatures") if isinstance(record.get("signatures"), dict) else {}
        inspector, resident, refusal = (sigs.get("inspector"), sigs.get("resident"),
                                        sigs.get("refusal"))
        card = self.cards["inspector"]
        if isinstance(inspector, dict):
            card.show_signature(inspector, self._signer_line(inspector))
        else:
            card.show_signature(None, "", self.tr("The inspector's signature is missing"))
        card = self.cards["resident"]
        witness_card = self.cards["witness"]
        witness_card.setVisible(isinstance(refusal, dict))
        if isinstance(resident, dict):
            card.show_signature(resident, self._signer_line(resident))
        elif isinstance(refusal, dict):
            reason = str(refusal.get("reason") or NONE)
            card.show_signature(None, "", self._fmt(self.tr("Refused to sign. Reason: %1"),
                                                    reason))
            witness = refusal.get("witness")
            role = str(refusal.get("witness_role") or "")
            if role and self._profile is not None:
                role = self._profile.witness_role_label(role, i18n.current())
            if isinstance(witness, dict):
                witness_card.show_signature(witness, self._signer_line(
                    witness, self._fmt(self.tr(" (%1)"), role) if role else ""))
            else:
                named = str(refusal.get("witness_name") or "")
                witness_card.show_signature(None, named, self.tr("No witness signature"))
        else:
            card.show_signature(None, "", self.tr("Neither a resident signature nor a "
                                                  "recorded refusal"))

    # -- verification ------------------------------------------------------------------------
    def _problem_text(self, kinds: tuple[str, ...]) -> str:
        return "\n".join(i18n.pick(p.message_zh, p.message_en) for p in self.problems
                         if p.kind in kinds)

    def verification(self, detail: dict[str, Any], envelope: dict[str, Any],
                     record: dict[str, Any]) -> list[Check]:
        """The checks in the order a supervisor reads them; each says what was compared."""
        kinds = {p.kind for p in self.problems}
        sha = str(envelope.get("sha256") or "")
        checks = []
        if "bad_format" in kinds:
            checks.append(Check("format", False, self.tr("The record is damaged or incomplete"),
                                self._problem_text(("bad_format",))))
        content_ok = not kinds & {"content_changed", "bad_format"}
        checks.append(Check(
            "content", content_ok,
            self.tr("Content unchanged since sealing") if content_ok
            else self.tr("Content CHANGED after sealing"),
            self.tr("The fingerprint (SHA-256) of the record was worked out again here and is "
                    "the one sealed on the laptop.") if content_ok
            else self._problem_text(("content_changed", "bad_format"))))
        signature_ok = not kinds & {"signature_invalid", "bad_format"}
        checks.append(Check(
            "signature", signature_ok,
            self.tr("Device signature valid") if signature_ok
            else self.tr("Device signature NOT valid"),
            self.tr("The fingerprint is signed with the key of the laptop named below.")
            if signature_ok else self._problem_text(("signature_invalid", "bad_format"))))
        if detail.get("sha256") and sha and detail["sha256"] != sha:
            checks.append(Check("index", False,
                                self.tr("The office's index names another fingerprint"),
                                self._fmt(self.tr("Index: %1"), detail["sha256"])))
        office = str(detail.get("verification") or "")
        if office:
            checks.append(Check("office", office == "verified",
                                self._fmt(self.tr("Checked by the office on receipt: %1"),
                                          self.label("verification", office)),
                                self._fmt(self.tr("Received %1 by %2"),
                                          self._time(detail.get("received_at")),
                                          self.label("via", detail.get("received_via")))))
        device = record.get("device") if isinstance(record.get("device"), dict) else {}
        checks.append(Check("device", None,
                            self._fmt(self.tr("Sealed by laptop %1 at %2"),
                                      device.get("device_id") or NONE,
                                      self._time(record.get("sealed_at"))),
                            self.tr("Device public key:"),
                            str(device.get("public_key") or NONE)))
        chain = record.get("chain") if isinstance(record.get("chain"), dict) else {}
        state = str(detail.get("chain_state") or "ok")
        problems = [p for p in detail.get("chain_problems") or [] if isinstance(p, dict)]
        open_problems = [p for p in problems if not p.get("closed_at")]
        lines = []
        for p in problems:
            line = f"{self.label('gap', p.get('kind'))}: {p.get('detail') or ''}"
            if p.get("closed_at"):
                line += self._fmt(self.tr(" (resolved %1 by %2)"),
                                  self._time(p.get("closed_at")), p.get("closed_by") or NONE)
            lines.append(line)
        prev = chain.get("prev_sha256")
        prev_text = (self.tr("Previous record's fingerprint:") if prev
                     else self.tr("First record of this laptop (no previous record)."))
        chain_ok = state == "ok" and not open_problems
        checks.append(Check("chain", chain_ok,
                            self._fmt(self.tr("Position %1 in this laptop's chain: %2"),
                                      chain.get("seq", NONE), self.label("chain", state)),
                            "\n".join([*lines, prev_text]),
                            "\n".join(hash_groups(str(prev))) if prev else ""))
        checks.append(Check("hash", None, self.tr("Fingerprint of this record (SHA-256)"),
                            self.tr("Compare it with the one printed on the resident's slip."),
                            "\n".join(hash_groups(sha)) if sha else NONE))
        return checks

    def _fill_verification(self, detail: dict[str, Any], envelope: dict[str, Any],
                           record: dict[str, Any]) -> None:
        for check in self.verification(detail, envelope, record):
            row = CheckRow(check)
            self.checks[check.key] = row
            self.checks_layout.addWidget(row)
        supersedes = record.get("supersedes") if isinstance(record.get("supersedes"),
                                                            dict) else None
        target = (supersedes or {}).get("record_id") or detail.get("supersedes")
        if target:
            reason = (supersedes or {}).get("reason") or NONE
            self._link_line(self._fmt(self.tr("This record corrects an earlier one. Reason: %1"),
                                      reason), [str(target)], detail)
        later = [str(r) for r in detail.get("superseded_by") or []]
        if later:
            self._link_line(self.tr("A later record corrects this one:"), later, detail)
        if not target and not later:
            none = QLabel(self.tr("This record neither corrects nor is corrected by another."))
            none.setStyleSheet("color: #555;")
            self.links_layout.addWidget(none)

    def _link_line(self, text: str, record_ids: list[str], detail: dict[str, Any]) -> None:
        """Links to records of the same device (a laptop corrects only its own records), so
        each opens by its ref, device.record id: another device may use the same id."""
        device_id = detail.get("device_id")
        label = QLabel(text)
        label.setWordWrap(True)
        self.links_layout.addWidget(label)
        for record_id in record_ids:
            button = QPushButton(record_id)
            button.setObjectName("recordLink")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFont(mono_font())
            button.setStyleSheet(f"QPushButton {{ color: {INFO}; text-decoration: underline;"
                                 " border: none; background: transparent; text-align: left;"
                                 " min-height: 32px; }")
            ref = f"{device_id}.{record_id}" if device_id else record_id
            button.clicked.connect(lambda _=False, ref=ref: self.open_record.emit(ref))
            self.links_layout.addWidget(button)
            self.link_buttons.append(button)

    # -- review ------------------------------------------------------------------------------
    def _fill_review(self, detail: dict[str, Any]) -> None:
        history = [h for h in detail.get("review_history") or [] if isinstance(h, dict)]
        self.history_table.setRowCount(len(history))
        for row, h in enumerate(history):
            before, after = h.get("from_state"), h.get("state")
            change = self.label("review", after)
            if before and before != after:
                change = f"{self.label('review', before)} → {change}"
            cells = [_item(self._time(h.get("at"))), _item(str(h.get("by") or NONE)),
                     _item(self.label("event", h.get("kind"))),
                     _item(change, REVIEW_COLOURS.get(str(after))),
                     _item(str(h.get("comment") or ""))]
            for col, cell in enumerate(cells):
                self.history_table.setItem(row, col, cell)
        self.history_table.resizeRowsToContents()
        self.history_table.setVisible(bool(history))
        self.history_empty.setText(self.tr("Not reviewed yet."))
        self.history_empty.setVisible(not history)

        rulings = [r for r in detail.get("rulings") or [] if isinstance(r, dict)]
        self.rulings_table.setRowCount(len(rulings))
        for row, r in enumerate(rulings):
            body = r.get("ruling") if isinstance(r.get("ruling"), dict) else {}
            decision = str(r.get("decision") or body.get("decision") or "")
            amount = r.get("amount_total") or body.get("amount_total")
            superseded = r.get("superseded_by")
            status = (self._fmt(self.tr("replaced by %1"), superseded) if superseded
                      else self.tr("in force"))
            cells = [_item(str(r.get("ruling_no") or NONE), bold=True),
                     _item(self.label("decision", decision), bold=True),
                     _item(self._fmt(self.tr("%1 yuan"), amount) if amount not in (None, "")
                           else NONE),
                     _item(str(r.get("issued_by") or NONE)),
                     _item(self._time(r.get("issued_at"))),
                     _item(status, "#777" if superseded else OK)]
            for col, cell in enumerate(cells):
                self.rulings_table.setItem(row, col, cell)
        self.rulings_table.resizeRowsToContents()
        self.rulings_table.setVisible(bool(rulings))
        self.rulings_empty.setText(self.tr("No ruling issued yet."))
        self.rulings_empty.setVisible(not rulings)
