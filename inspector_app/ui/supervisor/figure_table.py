"""A titled table of a season's figures per heating company and district, with a line under it
(the Companies tab's response to tickets and company events): the office's rows shown as they
come, read-only, columns fitted to their contents; nothing is computed here."""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class FigureTable(QGroupBox):
    """`columns`: the row keys shown, in order; a subclass gives `headers` and words `note`."""

    def __init__(self, parent: QWidget | None, name: str, columns: tuple[str, ...]) -> None:
        super().__init__(parent)
        self.columns = columns
        self.setObjectName(f"{name}Group")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.table = QTableWidget(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.note = QLabel(self)
        self.note.setObjectName(f"{name}Note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_headers(self) -> None:
        self.table.setColumnCount(len(self.columns))
        self.table.setHorizontalHeaderLabels(self.headers())

    def fill(self, rows: list[dict[str, Any]], *, sortable: bool = True) -> None:
        """The rows, one a company and district, in the office's order (`sortable`: False
        where a total row must stay last)."""
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(self.columns):
                self.table.setItem(r, c, self.item(key, row))
        self.table.resizeColumnsToContents()
        self.table.setSortingEnabled(sortable)

    def item(self, key: str, row: dict[str, Any]) -> QTableWidgetItem:
        """A cell: names as text, a missing figure as a dash, a number sortable as a number."""
        value = row.get(key)
        item = QTableWidgetItem()
        if key in ("company", "district"):
            item.setText(str(value or ""))
        elif value is None:
            item.setText("—")
        else:
            item.setData(Qt.ItemDataRole.DisplayRole, value)
        return item
