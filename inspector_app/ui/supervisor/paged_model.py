"""A table model over one of the office's keyset-paged lists (cases, monitoring points).

The office orders a list and pages it by cursor, so the model only appends pages as the view
scrolls to them (`canFetchMore`/`fetchMore`), each fetched off the GUI thread; an answer to a
query since replaced is dropped (`generation`), and a row already shown (by `KEY`) is not
added twice. Subclasses give `KEY` and the columns (`columnCount`, `data`, headers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import QAbstractTableModel, QModelIndex, QObject, Signal

# page(filters, after) -> {"items": [...], "next": cursor | None}
PageFetcher = Callable[[dict[str, Any], str | None], dict[str, Any]]


class KeysetPagedModel(QAbstractTableModel):
    loaded = Signal()            # a page arrived
    failed = Signal(object)      # the exception of a failed fetch
    KEY = "id"                   # the field that names a row

    def __init__(self, fetch: PageFetcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.rows: list[dict[str, Any]] = []
        self.filters: dict[str, Any] = {}
        self.cursor: str | None = None
        self.more = False
        self.loading = False
        self.generation = 0
        self.ops: list[Any] = []

    def set_query(self, filters: dict[str, Any]) -> None:
        """Forget the rows and read the first page of a new query."""
        self.generation += 1
        self.beginResetModel()
        self.rows, self.cursor, self.more = [], None, True
        self.filters = dict(filters)
        self.endResetModel()
        self._request()

    def reload(self) -> None:
        self.set_query(self.filters)

    def _request(self) -> None:
        self.loading = True
        generation, cursor, filters = self.generation, self.cursor, dict(self.filters)
        op = run_in_background(lambda _p: self.fetch(filters, cursor),
                               on_success=lambda page: self._arrived(generation, page),
                               on_failure=lambda exc: self._failed(generation, exc))
        self.ops = [o for o in self.ops if not o.done] + [op]

    def _arrived(self, generation: int, page: dict[str, Any]) -> None:
        if generation != self.generation:
            return   # the answer to a query since replaced
        self.loading = False
        seen = {r[self.KEY] for r in self.rows}
        items = [i for i in page.get("items", []) if i.get(self.KEY) not in seen]
        if items:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
            self.rows.extend(items)
            self.endInsertRows()
        self.cursor = page.get("next")
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

    def item(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)
