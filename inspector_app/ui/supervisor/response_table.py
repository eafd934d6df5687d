"""The response figures from the hotline tickets, beside the heating companies' season figures.

One row per heating company and district (`GET /tickets/stats`), and a total: how many tickets,
how many residents were contacted and how many within the limit (with the share), the median
minutes from the complaint to the contact and to the agreed visit, how many were tested, found
unreachable or cancelled. These come from the tickets' own clocks (the hotline's complaint time,
the contact logged against the ticket), not from what was typed at the door.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import (
    QTableWidgetItem,
    QWidget,
)
from inspector_app.ui.supervisor.figure_table import FigureTable

COLUMNS = ("company", "district", "tickets", "contacted", "contacted_within_limit",
           "median_minutes_to_contact", "median_minutes_to_visit", "tested", "unreachable",
           "cancelled")


class ResponseTable(FigureTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "response", COLUMNS)
        self.stats: dict[str, Any] | None = None
        self.retranslate()

    def headers(self) -> list[str]:
        return [self.tr("Heating company"), self.tr("District"), self.tr("Tickets"),
                self.tr("Contacted"), self.tr("Within the limit"),
                self.tr("Median minutes to contact"), self.tr("Median minutes to agreed visit"),
                self.tr("Tested"), self.tr("Unreachable"), self.tr("Cancelled")]

    def retranslate(self) -> None:
        self.setTitle(self.tr("Response to hotline tickets (times from the tickets)"))
        self.set_headers()
        if self.stats is not None:
            self.show_stats(self.stats)
        else:
            self.note.setText("")

    def show_stats(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        groups = list(stats.get("groups") or [])
        total = stats.get("total") or {}
        self.fill(groups + ([{"company": self.tr("All"), "district": "", **total}]
                            if len(groups) > 1 else []), sortable=False)
        self.note.setText(self.tr("No tickets in this season.") if not groups else
                          self.tr("%1 tickets; contacted within the limit: %2").replace(
                              "%1", str(total.get("tickets", 0))).replace(
                              "%2", _share(total)))

    def item(self, key: str, row: dict[str, Any]) -> QTableWidgetItem:
        if key == "contacted_within_limit" and row.get(key) is not None:
            return QTableWidgetItem(f"{row[key]} ({_share(row)})")
        return super().item(key, row)


def _share(row: dict[str, Any]) -> str:
    tickets = row.get("tickets") or 0
    return f"{100 * (row.get('contacted_within_limit') or 0) / tickets:.0f} %" if tickets else "—"
