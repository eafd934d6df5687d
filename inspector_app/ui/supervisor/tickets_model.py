"""The district's tickets as a table model: overdue ones first, then the rest, each by oldest
complaint; the minutes since the complaint keep counting while the list is on screen.

Why it is shaped this way: the office lists tickets oldest complaint first with a keyset cursor
and filters by `overdue`, so "overdue first" is two listings read one after the other (every
page of the overdue ones, then the others), each page asked for only as the view scrolls to it,
off the GUI thread. The clock is the office's: each item carries `minutes_since_complaint` at
the moment the office answered, and the model adds the time elapsed since on this machine's
monotonic clock, so a laptop whose clock is wrong still shows the right minutes. A ticket that
passes its limit while on screen turns red at once; it moves up on the next refresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.supervisor.labels import label

COLUMNS = ("waiting", "key", "complaint_at", "state", "inspector", "delivery", "district",
           "company", "address")
CLOCK_STATES = ("received", "assigned")   # the contact clock runs only in these
# page(filters, after) -> {"items": [...], "next": cursor | None}
PageFetcher = Callable[[dict[str, Any], str | None], dict[str, Any]]


def waiting_minutes(item: dict[str, Any], fetched: float, now: float) -> float:
    """Minutes since the complaint now: the office's figure plus the time since it answered."""
    return float(item.get("minutes_since_complaint") or 0.0) + max(0.0, now - fetched) / 60


def is_overdue(item: dict[str, Any], minutes: float) -> bool:
    """Not contacted, still waiting for contact, and past its profile's limit."""
    if item.get("contacted_at") or item.get("state") not in CLOCK_STATES:
        return False
    limit = item.get("contact_limit_min")
    return bool(item.get("overdue")) or (limit is not None and minutes > float(limit))


def minutes_text(minutes: float) -> str:
    """'12 min' below an hour, '3 h 05 min' up to two days, then days and hours."""
    return WaitingTime().minutes(int(minutes))


def short_time(text: str, zone_of: Any = None) -> str:
    """'MM-DD HH:MM' of an office time, in the zone of `zone_of` (the complaint's) if given."""
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
        if zone_of:
            moment = moment.astimezone(datetime.fromisoformat(str(zone_of)).tzinfo)
    except ValueError:
        return str(text)[:16]
    return moment.strftime("%m-%d %H:%M")


class WaitingTime(QObject):
    """The translation context of the waiting time."""

    def minutes(self, whole: int) -> str:
        if whole < 60:
            return self.tr("%1 min").replace("%1", str(whole))
        if whole < 48 * 60:
            return (self.tr("%1 h %2 min").replace("%1", str(whole // 60))
                    .replace("%2", f"{whole % 60:02d}"))
        return (self.tr("%1 d %2 h").replace("%1", str(whole // 1440))
                .replace("%2", str(whole % 1440 // 60)))


class TicketsModel(QAbstractTableModel):
    loaded = Signal()            # a page arrived
    failed = Signal(object)      # the exception of a failed fetch

    def __init__(self, fetch: PageFetcher, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.fetch, self.clock = fetch, clock
        self.rows: list[dict[str, Any]] = []
        self.fetched: list[float] = []
        self.filters: dict[str, Any] = {}
        self.part = "overdue"             # which listing the next page comes from
        self.cursor: str | None = None
        self.more = False
        self.loading = False
        self.generation = 0
        self.ops: list[Any] = []

    # -- queries -------------------------------------------------------------------------------
    def set_query(self, filters: dict[str, Any]) -> None:
        """Forget the rows and read the overdue tickets, then the others."""
        self.generation += 1
        self.beginResetModel()
        self.rows, self.fetched = [], []
        self.filters = dict(filters)
        self.part, self.cursor, self.more, self.loading = "overdue", None, True, False
        self.endResetModel()
        self._request()

    def reload(self) -> None:
        self.set_query(self.filters)

    def _request(self) -> None:
        self.loading = True
        generation, cursor, part = self.generation, self.cursor, self.part
        filters = {**self.filters, "overdue": part == "overdue"}
        op = run_in_background(lambda _p: self.fetch(filters, cursor),
                               on_success=lambda page: self._arrived(generation, part, page),
                               on_failure=lambda exc: self._failed(generation, exc))
        self.ops = [o for o in self.ops if not o.done] + [op]

    def _arrived(self, generation: int, part: str, page: dict[str, Any]) -> None:
        if generation != self.generation:
            return   # the answer to a query since replaced
        self.loading = False
        now = self.clock()
        seen = {r["key"] for r in self.rows}
        items = [i for i in page.get("items", []) if i.get("key") not in seen]
        if items:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
            self.rows.extend(items)
            self.fetched.extend([now] * len(items))
            self.endInsertRows()
        self.cursor = page.get("next")
        if self.cursor is None and part == "overdue":
            self.part, self.more = "others", True
            self._request()   # the overdue ones are all here: the others follow at once
            return
        self.more = self.cursor is not None
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.loading = False
        self.more = False
        self.failed.emit(exc)

    def busy(self) -> bool:
        return any(not op.done for op in self.ops)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self._request()

    # -- live clock and single rows -----------------------------------------------------------
    def tick(self) -> None:
        """Repaint the minutes and the overdue colour (no request: the clock is local)."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0),
                                  [Qt.ItemDataRole.DisplayRole,
                                   Qt.ItemDataRole.ForegroundRole])
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.rows) - 1, 3),
                                  [Qt.ItemDataRole.ForegroundRole])

    def minutes(self, row: int) -> float:
        return waiting_minutes(self.rows[row], self.fetched[row], self.clock())

    def overdue(self, row: int) -> bool:
        return is_overdue(self.rows[row], self.minutes(row))

    def replace(self, item: dict[str, Any]) -> None:
        """A ticket the office answered after an action: its row shows it at once."""
        for row, held in enumerate(self.rows):
            if held["key"] == item.get("key"):
                self.rows[row] = {k: item[k] for k in item if k not in ("revisions", "events")}
                self.fetched[row] = self.clock()
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(COLUMNS) - 1))
                return

    def item(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- table ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "waiting": self.tr("Since complaint"), "key": self.tr("Ticket"),
            "complaint_at": self.tr("Complaint time"), "state": self.tr("State"),
            "inspector": self.tr("Inspector"), "delivery": self.tr("On the laptop"),
            "district": self.tr("District"),
            "company": self.tr("Company"), "address": self.tr("Address"),
        }[COLUMNS[section]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(key, index.row())
        if role == Qt.ItemDataRole.ForegroundRole and key in ("waiting", "state"):
            if self.overdue(index.row()):
                return QColor(BAD)
            if row.get("contacted_within_limit") is True:
                return QColor(OK)
            if row.get("contacted_within_limit") is False:
                return QColor(WARN)
        if role == Qt.ItemDataRole.ToolTipRole and key == "waiting":
            if self.overdue(index.row()):
                return self.tr("Not contacted within %1 minutes of the complaint").replace(
                    "%1", str(row.get("contact_limit_min")))
            if row.get("minutes_to_contact") is not None:
                return self.tr("Contacted %1 minutes after the complaint").replace(
                    "%1", f"{row['minutes_to_contact']:g}")
        if role == Qt.ItemDataRole.ForegroundRole and key == "delivery" and row.get("inspector"):
            return QColor(OK if row.get("delivered_at") else WARN)
        if role == Qt.ItemDataRole.ToolTipRole and key == "delivery" and row.get("inspector") \
                and not row.get("delivered_at"):
            return self.tr("The inspector's laptop has not received this ticket yet: it gets it"
                           " on its next sync.")
        if role == Qt.ItemDataRole.ToolTipRole and key == "address":
            return row.get("address")
        return None

    def delivery_text(self, row: dict[str, Any]) -> str:
        """'delivered 12-02 14:03' once the holder's laptop has the ticket, 'not yet' before;
        empty while nobody holds it."""
        if not row.get("inspector"):
            return ""
        if not row.get("delivered_at"):
            return self.tr("not yet delivered")
        return self.tr("delivered %1").replace("%1", short_time(row["delivered_at"],
                                                                row.get("complaint_at")))

    def _text(self, key: str, r: int) -> str:
        row = self.rows[r]
        if key == "waiting":
            text = minutes_text(self.minutes(r))
            return ("⚠ " + text) if self.overdue(r) else text
        if key == "complaint_at":
            return str(row.get("complaint_at") or "").replace("T", " ")[:16]
        if key == "state":
            return label("ticket_state", row.get("state"))
        if key == "inspector":
            return row.get("inspector") or self.tr("not assigned")
        if key == "delivery":
            return self.delivery_text(row)
        return str(row.get(key) or "")
