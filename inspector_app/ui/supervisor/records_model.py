"""The office's records as a table model that fetches pages only as the view scrolls to them.

With a million records at the office the model never asks for more than a page at a time: Qt's
`canFetchMore`/`fetchMore` pair asks for the next page when the view nears the end of what it
has, the office pages by keyset cursor (constant time however deep), and sorting or filtering is
a new query to the office, never a sort of the rows held here. Fetches run off the GUI thread;
an answer to a query that has since been replaced is dropped (the `generation` counter).
"""

from __future__ import annotations

from collections.abc import Callable
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
from inspector_app.ui.supervisor.labels import chain_label, review_label, verdict_label

# (office field, sortable by the office)
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("test_at", True), ("district", True), ("company", True), ("inspector", True),
    ("address", True), ("verdict", True), ("review_state", True), ("chain_state", False),
    ("record_id", False),
)
# page(filters, sort, order, cursor) -> {"total", "total_exact", "items", "next_cursor"}
PageFetcher = Callable[[dict[str, Any], str, str, str | None], dict[str, Any]]


class RecordsModel(QAbstractTableModel):
    loaded = Signal()              # a page arrived (rows inserted)
    failed = Signal(object)        # the exception of a failed fetch
    total_changed = Signal(int, bool)

    def __init__(self, fetch: PageFetcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.rows: list[dict[str, Any]] = []
        self.filters: dict[str, Any] = {}
        self.sort_key, self.order = "test_at", "desc"
        self.cursor: str | None = None
        self.total, self.total_exact = 0, True
        self.loading = False
        self.generation = 0
        self.ops: list[Any] = []

    # -- queries -------------------------------------------------------------------------------
    def set_query(self, filters: dict[str, Any], sort_key: str | None = None,
                  order: str | None = None) -> None:
        """Forget the rows held and ask the office for the first page of a new query."""
        self.generation += 1
        self.beginResetModel()
        self.rows, self.cursor, self.loading = [], None, False
        self.filters = dict(filters)
        if sort_key:
            self.sort_key = sort_key
        if order:
            self.order = order
        self.endResetModel()
        self._request(first=True)

    def reload(self) -> None:
        self.set_query(self.filters)

    def _request(self, first: bool = False) -> None:
        self.loading = True
        generation, cursor = self.generation, None if first else self.cursor
        filters, sort_key, order = dict(self.filters), self.sort_key, self.order
        op = run_in_background(
            lambda _p: self.fetch(filters, sort_key, order, cursor),
            on_success=lambda page: self._arrived(generation, page),
            on_failure=lambda exc: self._failed(generation, exc))
        self.ops = [o for o in self.ops if not o.done] + [op]

    def _arrived(self, generation: int, page: dict[str, Any]) -> None:
        if generation != self.generation:
            return  # an answer to a query the user has since replaced
        self.loading = False
        items = page.get("items", [])
        if items:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
            self.rows.extend(items)
            self.endInsertRows()
        self.cursor = page.get("next_cursor")
        self.total, self.total_exact = int(page.get("total", 0)), bool(page.get("total_exact"))
        self.total_changed.emit(self.total, self.total_exact)
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.loading = False
        self.failed.emit(exc)

    def busy(self) -> bool:
        return any(not op.done for op in self.ops)

    # -- Qt's lazy loading --------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self.cursor is not None and not self.loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self._request()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, sortable = COLUMNS[column]
        if not sortable:
            return
        wanted = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
        if (key, wanted) != (self.sort_key, self.order):
            self.set_query(self.filters, key, wanted)

    def sort_column(self) -> int:
        return [c for c, _ in COLUMNS].index(self.sort_key)

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
            "test_at": self.tr("Test time"), "district": self.tr("District"),
            "company": self.tr("Company"), "inspector": self.tr("Inspector"),
            "address": self.tr("Address"), "verdict": self.tr("Result"),
            "review_state": self.tr("Review"), "chain_state": self.tr("Chain"),
            "record_id": self.tr("Record"),
        }[COLUMNS[section][0]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        value = row.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(key, value, row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "verdict":
                return QColor({"pass": OK, "fail": BAD}.get(value, WARN))
            if key == "chain_state" and value != "ok":
                return QColor(BAD)
        if role == Qt.ItemDataRole.UserRole:
            return row.get("record_id")
        if role == Qt.ItemDataRole.ToolTipRole and key == "record_id":
            return value
        return None

    def _text(self, key: str, value: Any, row: dict[str, Any]) -> str:
        if value is None:
            return ""
        if key == "test_at":
            text = str(value).replace("T", " ")[:16]
            return text + (" " + self.tr("[training]") if row.get("training") else "")
        if key == "verdict":
            return verdict_label(value)
        if key == "review_state":
            return review_label(value)
        if key == "chain_state":
            return chain_label(value)
        if key == "record_id":
            return str(value)[:8]
        return str(value)

    def record_id(self, row: int) -> str | None:
        return self.rows[row]["record_id"] if 0 <= row < len(self.rows) else None

    def ref(self, row: int) -> str | None:
        """The office's name for the row's record (device.record id), for every request."""
        return self.rows[row]["ref"] if 0 <= row < len(self.rows) else None
