"""The company events of the season beside the companies' test figures: heating stops, late
starts and early stops, and the penalty notice drafts they produced.

One row per heating company and district, as the office sums them (`events` of
`GET /companies/stats`): the stops in force that started in the season and their hours, the days
heating started late and stopped early over the company's heating periods (《吉林省城市供热条例》
Art. 33), how many periods were entered, and the notice drafts in force. Nothing is computed
here; a supervisor sees at a glance which company the season's fines and stop refunds concern.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import (
    QAbstractItemView,
    QColor,
    QGroupBox,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import BAD

COLUMNS = ("company", "district", "stops", "stop_hours", "late_start_days", "early_stop_days",
           "heating_periods", "penalty_notices")
BAD_WHEN_ABOVE_ZERO = ("stops", "late_start_days", "early_stop_days", "penalty_notices")


class CompanyEventsTable(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyEventsGroup")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.table = QTableWidget(self)
        self.table.setObjectName("companyEventsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.note = QLabel(self)
        self.note.setObjectName("companyEventsNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.events: list[dict[str, Any]] | None = None
        self.retranslate()

    def headers(self) -> list[str]:
        return [self.tr("Heating company"), self.tr("District"), self.tr("Heating stops"),
                self.tr("Stop hours"), self.tr("Days started late"),
                self.tr("Days stopped early"), self.tr("Heating periods entered"),
                self.tr("Penalty notice drafts")]

    def retranslate(self) -> None:
        self.setTitle(self.tr("Company events: heating stops, late starts and early stops "
                              "(Art. 33 of the Jilin urban heating regulation)"))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels(self.headers())
        if self.events is not None:
            self.show_events(self.events)
        else:
            self.note.setText("")

    def show_events(self, events: list[dict[str, Any]]) -> None:
        """The office's rows, in its order (most stop hours first)."""
        self.events = list(events)
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self.events))
        for r, row in enumerate(self.events):
            for c, key in enumerate(COLUMNS):
                self.table.setItem(r, c, self._item(key, row))
        self.table.resizeColumnsToContents()
        self.table.setSortingEnabled(True)
        late = sum(int(e.get("late_start_days") or 0) for e in self.events)
        early = sum(int(e.get("early_stop_days") or 0) for e in self.events)
        stops = sum(int(e.get("stops") or 0) for e in self.events)
        self.note.setText(
            self.tr("No heating stop, heating period or penalty notice entered for this "
                    "season.") if not self.events else
            self.tr("%1 stops; %2 days started late and %3 days stopped early.")
            .replace("%1", str(stops)).replace("%2", str(late)).replace("%3", str(early)))

    def _item(self, key: str, row: dict[str, Any]) -> QTableWidgetItem:
        value = row.get(key)
        item = QTableWidgetItem()
        if key in ("company", "district"):
            item.setText(str(value or ""))
        elif value is None:
            item.setText("—")
        else:
            item.setData(Qt.ItemDataRole.DisplayRole, value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key in BAD_WHEN_ABOVE_ZERO and value:
                item.setForeground(QColor(BAD))
        return item
