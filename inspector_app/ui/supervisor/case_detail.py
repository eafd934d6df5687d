"""One case laid out for a supervisor ruling on a dispute: what happened to the household, in
order, and what each day counts for.

The timeline puts every piece of evidence on one time line: the complaints and the contacts
from the tickets, the tests (the first, the re-tests, and corrections beside the record they
replace, which is shown struck through: both are listed, only the correction counts), the
company's stops and failures, the rulings and the withdrawal. Every record row opens that
record's full detail (`open_record(ref)`, the window's record path). Beside it: the office's
day-by-day count for today, the fixed monitoring points' daily means when the household has
any (also noted on the test of the same day), and the household with its merges.

Everything shown is the office's detail (`GET /api/v1/cases/{id}`); values from the office are
escaped before going into rich text (addresses and reasons are outside input).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from inspector_app.ui.qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.style import BAD, INFO, OK, WARN
from inspector_app.ui.supervisor.cases_labels import case_label
from inspector_app.ui.supervisor.cases_model import estimate_amount, local_day, local_time, money
from inspector_app.ui.supervisor.labels import NONE, decision_label, verdict_label

ENTRY_COLOURS = {"complaint": INFO, "stop": BAD, "company_failed_to_test": BAD,
                 "company_failed_to_sign": BAD, "ruling": OK, "withdrawn": "#666666"}
DAY_COLOURS = {"fail": BAD, "stop": BAD, "company_failure": BAD, "monitor_fail": BAD,
               "pass": OK, "monitor_pass": OK, "refused": WARN}
HISTORY_SHOWN = ("withdrawn", "merge", "split")   # the rest has its own rows


@dataclass(frozen=True)
class Entry:
    """One row of the timeline. `ref` names a record (openable); `struck` marks a record a
    correction replaced."""

    at: str
    kind: str
    text: str
    ref: str = ""
    verdict: str = ""
    struck: bool = False


def short_ref(ref: Any) -> str:
    """A record named for reading: its record id (without the laptop's part), 8 characters;
    the full ref is in the row's tooltip."""
    record_id = str(ref or "").split(".", 1)[-1]
    return record_id if len(record_id) <= 9 else record_id[:8] + "…"


def undone_merges(changes: list[dict[str, Any]]) -> set[Any]:
    """The ids of the merges a split has undone (a split change names it in `undoes`)."""
    return {c.get("undoes") for c in changes if c.get("kind") == "split" and c.get("undoes")}


def merges_in_force(household: dict[str, Any]) -> list[dict[str, Any]]:
    """The household's merges no split has undone (the ones a split may undo)."""
    changes = household.get("changes") or []
    undone = undone_merges(changes)
    return [c for c in changes if c.get("kind") == "merge" and c.get("id") not in undone]


def _sort_key(at: str) -> tuple[float, str]:
    """Order by the moment (a bare day counts from its start); unreadable times go last."""
    try:
        return datetime.fromisoformat(str(at).replace("Z", "+00:00")).timestamp(), at
    except ValueError:
        return float("inf"), at


def _means_by_day(monitor_days: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """The lowest daily mean of the household's points per day: (mean, point)."""
    out: dict[str, tuple[str, str]] = {}
    for m in monitor_days:
        day, mean = str(m.get("day", ""))[:10], m.get("mean_c")
        if mean is None:
            continue
        if day not in out or float(mean) < float(out[day][0]):
            out[day] = (str(mean), str(m.get("point_id", "")))
    return out


def read_only_table(table: QTableWidget, name: str) -> QTableWidget:
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class DaysTable(QTableWidget):
    """The day-by-day count (the office's CaseDay dicts): what each day counts as and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        read_only_table(self, "caseDays")
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Counts as"), self.tr("Share"), self.tr("Amount (yuan)")])

    def show_days(self, days: list[dict[str, Any]]) -> None:
        self.setRowCount(len(days))
        for row, day in enumerate(days):
            status = str(day.get("status", ""))
            share = day.get("share")
            try:
                share_text = f"{float(share) * 100:g} %" if share not in (None, "") else NONE
            except (TypeError, ValueError):
                share_text = str(share)
            cells = (str(day.get("day", "")), case_label("day", status), share_text,
                     money(day.get("amount")))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1 and status in DAY_COLOURS:
                    item.setForeground(QColor(DAY_COLOURS[status]))
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(day.get("basis", "")))
                self.setItem(row, col, item)
        self.resizeColumnsToContents()


class CaseDetail(QWidget):
    """Build once, then `show_case(detail)`; `show_case(None)` empties it.

    Widgets the tests read: `header`, `timeline` (QTableWidget), `entries` (its rows),
    `days_table`, `monitor_table`, `household_text`, `side` (the tabs beside the timeline).
    """

    open_record = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: dict[str, Any] | None = None
        self.entries: list[Entry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self)
        self.header.setObjectName("caseHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.timeline = self._table(4, "caseTimeline")
        self.timeline.cellDoubleClicked.connect(self._double_clicked)
        self.splitter.addWidget(self.timeline)
        self.side = QTabWidget(self.splitter)
        self.days_table = DaysTable()
        self.monitor_table = self._table(4, "caseMonitor")
        self.household_text = QLabel()
        self.household_text.setObjectName("caseHousehold")
        self.household_text.setTextFormat(Qt.TextFormat.RichText)
        self.household_text.setWordWrap(True)
        self.household_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.household_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(self.household_text)
        for widget in (self.days_table, self.monitor_table, area):
            self.side.addTab(widget, "")
        self.splitter.addWidget(self.side)
        self.splitter.setSizes([760, 560])
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    @staticmethod
    def _table(columns: int, name: str) -> QTableWidget:
        return read_only_table(QTableWidget(0, columns), name)

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("What"), self.tr("Result"), self.tr("Details")])
        self.days_table.retranslate()
        self.monitor_table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Point"), self.tr("Daily mean °C"), self.tr("Samples")])
        self.side.setTabText(0, self.tr("Failing days"))
        count = len((self.detail or {}).get("monitor_days") or [])
        self.side.setTabText(1, self.tr("Monitoring (%1)").replace("%1", str(count)))
        self.side.setTabText(2, self.tr("Household"))
        self.show_case(self.detail)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content -------------------------------------------------------------------------------
    def show_case(self, detail: dict[str, Any] | None) -> None:
        self.detail = detail
        if detail is None:
            self.header.setText(escape(self.tr("Choose a case in the list.")))
            self.entries = []
            for table in (self.timeline, self.days_table, self.monitor_table):
                table.setRowCount(0)
            self.household_text.setText("")
            return
        self.header.setText(self.header_html(detail))
        self.entries = self.timeline_entries(detail)
        self._fill_timeline()
        self.days_table.show_days(detail.get("timeline") or [])
        self._fill_monitor(detail.get("monitor_days") or [])
        self.household_text.setText(self.household_html(detail.get("household") or {}))
        count = len(detail.get("monitor_days") or [])
        self.side.setTabText(1, self.tr("Monitoring (%1)").replace("%1", str(count)))

    def header_html(self, d: dict[str, Any]) -> str:
        case = d.get("case") or {}
        estimate = d.get("estimate") or {}
        days = estimate.get("failing_days", case.get("failing_days"))
        amount = estimate.get("amount", estimate_amount(case))
        state = case_label("state", case.get("state"))
        if case.get("ruling_no"):
            state += " " + str(case["ruling_no"])
        lines = [
            f"<b>{escape(str(case.get('address') or NONE))}</b>"
            f" · {escape(str(case.get('district') or ''))}"
            f" · {escape(str(case.get('company') or ''))}",
            escape(self.tr("Case %1 · season %2 · %3").replace("%1", str(case.get("case_id", "")))
                   .replace("%2", str(case.get("season", ""))).replace("%3", state)),
            escape(self.tr("Opened %1 by a %2 · records: %3, tickets: %4")
                   .replace("%1", local_time(case.get("opened_at")))
                   .replace("%2", case_label("opened_kind", case.get("opened_kind")))
                   .replace("%3", str(case.get("records", len(d.get("records") or []))))
                   .replace("%4", str(case.get("tickets", len(d.get("tickets") or []))))),
        ]
        if case.get("state") == "open":
            lines.append(f"<span style='color:{BAD}'><b>" + escape(
                self.tr("Failing days so far: %1 · estimated refund %2 yuan")
                .replace("%1", NONE if days is None else str(days))
                .replace("%2", money(amount))) + "</b></span>")
        if case.get("evidence_after_ruling"):
            lines.append(f"<span style='color:{WARN}'>⚠ "
                         + escape(case_label("note", "evidence_after_ruling")) + "</span>")
        return "<br>".join(lines)

    def timeline_entries(self, d: dict[str, Any]) -> list[Entry]:
        """Every event of the case, oldest first (a stable order for equal times)."""
        means = _means_by_day(d.get("monitor_days") or [])
        out: list[Entry] = []
        for t in d.get("tickets") or []:
            out.append(Entry(str(t.get("complaint_at") or ""), "complaint",
                             self.tr("Ticket %1").replace("%1", str(t.get("key", "")))))
            if t.get("contacted_at"):
                out.append(Entry(str(t["contacted_at"]), "contact",
                                 self.tr("Ticket %1").replace("%1", str(t.get("key", "")))))
        seen_test = False
        for r in sorted(d.get("records") or [], key=lambda r: _sort_key(str(r.get("test_at")))):
            kind = "correction" if r.get("supersedes") else "retest" if seen_test else "test"
            seen_test = seen_test or not r.get("supersedes")
            out.append(Entry(str(r.get("test_at") or ""), kind, self._record_text(r, means),
                             ref=str(r.get("ref") or r.get("record_id") or ""),
                             verdict=str(r.get("verdict") or ""),
                             struck=bool(r.get("superseded_by"))))
        for s in d.get("stops") or []:
            text = self.tr("%1 to %2: %3").replace("%1", local_time(s.get("start_at"))).replace(
                "%2", local_time(s.get("end_at"))).replace("%3", str(s.get("cause") or ""))
            if s.get("withdrawn_at"):
                text += " · " + self.tr("withdrawn")
            out.append(Entry(str(s.get("start_at") or ""), "stop", text,
                             struck=bool(s.get("withdrawn_at"))))
        for f in d.get("failures") or []:
            kind = str(f.get("kind") or "")
            kind = kind if kind.startswith("company_") else f"company_{kind}"
            out.append(Entry(str(f.get("day") or f.get("at") or ""), kind,
                             str(f.get("note") or "")))
        for ruling in d.get("rulings") or []:
            out.append(Entry(str(ruling.get("issued_at") or ""), "ruling",
                             self._ruling_text(ruling), struck=bool(ruling.get("superseded_by"))))
        for h in d.get("history") or []:
            if h.get("kind") in HISTORY_SHOWN:
                words = [str(h.get(k)) for k in ("reason", "note", "by") if h.get(k)]
                out.append(Entry(str(h.get("at") or ""), str(h["kind"]), " · ".join(words)))
        return sorted(out, key=lambda e: _sort_key(e.at))

    def _record_text(self, r: dict[str, Any], means: dict[str, tuple[str, str]]) -> str:
        parts = [self.tr("record %1 (laptop %2, no. %3 of its chain)")
                 .replace("%1", short_ref(str(r.get("record_id") or r.get("ref") or ""))).replace("%2", str(r.get("device_id") or "")[:8])
                 .replace("%3", str(r.get("seq", "")))]
        if r.get("inspector"):
            parts.append(str(r["inspector"]))
        if r.get("supersedes"):
            parts.append(self.tr("corrects %1").replace("%1", short_ref(r["supersedes"])))
        if r.get("superseded_by"):
            parts.append(self.tr("replaced by %1, not counted").replace(
                "%1", short_ref(r["superseded_by"])))
        elif r.get("used") is False and r.get("why_not"):
            parts.append(self.tr("not counted: %1").replace(
                "%1", case_label("why_not", r["why_not"])))
        if r.get("refused"):
            parts.append(case_label("day", "refused"))
        day = local_day(r.get("test_at"))
        if day in means:
            parts.append(self.tr("monitoring point %1: daily mean %2 °C").replace(
                "%1", means[day][1]).replace("%2", means[day][0]))
        return " · ".join(parts)

    def _ruling_text(self, ruling: dict[str, Any]) -> str:
        body = ruling.get("ruling") or {}
        text = self.tr("%1 · %2 · %3 failing days · %4 yuan · %5").replace(
            "%1", str(ruling.get("ruling_no", ""))).replace(
            "%2", decision_label(body.get("decision", ""))).replace(
            "%3", str(body.get("failing_days", NONE))).replace(
            "%4", money(body.get("amount_total"))).replace("%5", str(ruling.get("issued_by", "")))
        if ruling.get("superseded_by"):
            text += " · " + self.tr("superseded by %1").replace("%1", str(ruling["superseded_by"]))
        return text

    def _fill_timeline(self) -> None:
        table = self.timeline
        table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            result = verdict_label(e.verdict) if e.verdict else ""
            cells = (local_time(e.at), case_label("entry", e.kind), result, e.text)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                colour = (ENTRY_COLOURS.get(e.kind) if col == 1 else
                          {"pass": OK, "fail": BAD}.get(e.verdict) if col == 2 else None)
                if colour:
                    item.setForeground(QColor(colour))
                if e.struck:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QColor("#777777"))
                if e.ref:
                    item.setToolTip(self.tr("Double-click to open record %1").replace(
                        "%1", e.ref))
                elif col == 3:
                    item.setToolTip(e.text)
                table.setItem(row, col, item)
        for col in range(3):   # the details column takes the rest (its full text is a tooltip)
            table.resizeColumnToContents(col)

    def _fill_monitor(self, monitor_days: list[dict[str, Any]]) -> None:
        table = self.monitor_table
        rows = sorted(monitor_days, key=lambda m: (str(m.get("day")), str(m.get("point_id"))))
        table.setRowCount(len(rows))
        for row, m in enumerate(rows):
            cells = (str(m.get("day", "")), str(m.get("point_id", "")),
                     str(m.get("mean_c") or NONE), str(m.get("samples", NONE)))
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def household_html(self, h: dict[str, Any]) -> str:
        rows = [(self.tr("Household"), escape(str(h.get("household_id") or NONE))),
                (self.tr("Address"), escape(str(h.get("address") or NONE))),
                (self.tr("Normalised key"), escape(str(h.get("key") or NONE))),
                (self.tr("District"), escape(str(h.get("district") or NONE)))]
        merged = h.get("merged") or []
        rows.append((self.tr("Merged into it"), escape(", ".join(map(str, merged)) or NONE)))
        out = ["<table cellspacing='2'>"]
        out += [f"<tr><td><b>{k}</b>\u00a0\u00a0</td><td>{v}</td></tr>" for k, v in rows]
        out.append("</table>")
        changes = h.get("changes") or []
        if changes:
            heading = escape(self.tr("Changes"))
            out.append(f"<h4>{heading}</h4><ul>")
            for c in changes:
                out.append("<li>" + escape(self.change_text(c, changes)) + "</li>")
            out.append("</ul>")
        return "".join(out)

    def change_text(self, c: dict[str, Any], changes: list[dict[str, Any]]) -> str:
        """'#3 merge: h… → h… · reason · by · time' (and whether a split undid it)."""
        kind = case_label("entry", c.get("kind"))
        text = self.tr("#%1 %2: %3 → %4").replace("%1", str(c.get("id", ""))).replace(
            "%2", kind).replace("%3", str(c.get("household_id", ""))).replace(
            "%4", str(c.get("into_id") or ""))
        extra = [str(c[k]) for k in ("reason", "by") if c.get(k)]
        extra.append(local_time(c.get("at")))
        if c.get("undoes"):
            extra.append(self.tr("undoes #%1").replace("%1", str(c["undoes"])))
        elif c.get("id") in undone_merges(changes):
            extra.append(self.tr("undone"))
        return text + " · " + " · ".join(extra)

    def _double_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.entries) and self.entries[row].ref:
            self.open_record.emit(self.entries[row].ref)

    def chosen_ref(self) -> str:
        """The record of the chosen timeline row, '' if the row is not a record."""
        row = self.timeline.currentRow()
        return self.entries[row].ref if 0 <= row < len(self.entries) else ""
