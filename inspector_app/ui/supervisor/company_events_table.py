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
    QColor,
    Qt,
    QTableWidgetItem,
    QWidget,
)
from inspector_app.ui.style import BAD
from inspector_app.ui.supervisor.figure_table import FigureTable

COLUMNS = ("company", "district", "stops", "stop_hours", "late_start_days", "early_stop_days",
           "heating_periods", "penalty_notices")
BAD_WHEN_ABOVE_ZERO = ("stops", "late_start_days", "early_stop_days", "penalty_notices")


class CompanyEventsTable(FigureTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "companyEvents", COLUMNS)
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
        self.set_headers()
        if self.events is not None:
            self.show_events(self.events)
        else:
            self.note.setText("")

    def show_events(self, events: list[dict[str, Any]]) -> None:
        """The office's rows, in its order (most stop hours first)."""
        self.events = list(events)
        self.fill(self.events)
        late = sum(int(e.get("late_start_days") or 0) for e in self.events)
        early = sum(int(e.get("early_stop_days") or 0) for e in self.events)
        stops = sum(int(e.get("stops") or 0) for e in self.events)
        self.note.setText(
            self.tr("No heating stop, heating period or penalty notice entered for this "
                    "season.") if not self.events else
            self.tr("%1 stops; %2 days started late and %3 days stopped early.")
            .replace("%1", str(stops)).replace("%2", str(late)).replace("%3", str(early)))

    def item(self, key: str, row: dict[str, Any]) -> QTableWidgetItem:
        item = super().item(key, row)
        value = row.get(key)
        if key not in ("company", "district") and value is not None:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key in BAD_WHEN_ABOVE_ZERO and value:
                item.setForeground(QColor(BAD))
        return item
