"""The district's monitoring points as a table model, paged by the office's cursor.

The office orders the points and pages them by keyset cursor, so the model only appends pages as
the view scrolls to them (`canFetchMore`/`fetchMore`), each fetched off the GUI thread; an answer
to a query since replaced is dropped (`generation`). A point's state (reporting, silent, flagged,
removed) and its latest day are the office's figures at the time it answered.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QColor, QModelIndex, Qt
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.supervisor.cases_model import local_time
from inspector_app.ui.supervisor.monitoring_labels import (
    monitoring_label,
    positions_text,
    room_text,
)
from inspector_app.ui.supervisor.paged_model import KeysetPagedModel
from inspector_app.ui.supervisor.season_chart import one_place

COLUMNS = ("point_id", "state", "latest_day", "address", "room", "position", "company",
           "last_t")
STATE_COLOURS = {"reporting": OK, "silent": WARN, "flagged": WARN, "removed": "#666666"}
DAY_COLOURS = {"compliant": OK, "non_compliant": BAD, "insufficient": "#666666"}


class PointsModel(KeysetPagedModel):
    KEY = "point_id"

    # -- table ---------------------------------------------------------------------------------
    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "point_id": self.tr("Point"), "state": self.tr("State"),
            "latest_day": self.tr("Latest day"), "address": self.tr("Address"),
            "room": self.tr("Room"), "position": self.tr("Position"),
            "company": self.tr("Company"), "last_t": self.tr("Last reading"),
        }[COLUMNS[section]]

    def latest_text(self, row: dict[str, Any]) -> str:
        """'Below standard 16.8 °C' of the point's newest judged day; '—' without one."""
        day = row.get("latest_day")
        if not day:
            return "—"
        mean = f" {one_place(day['mean_c'])} °C" if day.get("mean_c") is not None else ""
        return monitoring_label("status", day.get("status")) + mean

    def latest_tip(self, row: dict[str, Any]) -> str:
        day = row.get("latest_day") or {}
        flags = {k: v for k, v in (day.get("flags") or {}).items() if v}
        if not day:
            return ""
        text = self.tr("%1, coverage %2 %").replace("%1", str(day.get("day"))).replace(
            "%2", f"{float(day.get('coverage') or 0) * 100:.0f}")
        if flags:
            text += "\n" + self.tr("flags: %1").replace("%1", self.tr(", ").join(
                f"{monitoring_label('flag', k)} ×{v}" for k, v in sorted(flags.items())))
        return text

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(key, row)
        if role == Qt.ItemDataRole.ForegroundRole and key == "state":
            colour = STATE_COLOURS.get(row.get("state"))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "latest_day":
            colour = DAY_COLOURS.get((row.get("latest_day") or {}).get("status"))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "latest_day":
                return self.latest_tip(row) or None
            if key == "address":
                return row.get("address")
            if key == "last_t" and row.get("last_received_at"):
                return self.tr("arrived %1").replace("%1", local_time(row["last_received_at"]))
        return None

    def _text(self, key: str, row: dict[str, Any]) -> str:
        if key == "state":
            return monitoring_label("state", row.get("state"))
        if key == "latest_day":
            return self.latest_text(row)
        if key == "room":
            return room_text(row)
        if key == "position":
            return positions_text(row.get("position"))
        if key == "last_t":
            return local_time(row.get("last_t")) if row.get("last_t") else "—"
        return str(row.get(key) or "")
