"""The district's cases as a table model, open cases first, paged by the office's cursor.

The office orders the list (open first, then the newest opening) and pages it by keyset cursor,
so the model only appends pages as the view scrolls to them (`canFetchMore`/`fetchMore`), each
fetched off the GUI thread; an answer to a query since replaced is dropped (`generation`).
The failing days so far and the estimated refund are the office's figures for today.
"""

from __future__ import annotations

from typing import Any

from inspector_app.core.record_time import DEFAULT_ZONE, in_zone, shown_time
from inspector_app.ui.qt import (
    QColor,
    QFont,
    QModelIndex,
    Qt,
)
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.supervisor.cases_labels import case_label
from inspector_app.ui.supervisor.paged_model import KeysetPagedModel

COLUMNS = ("address", "district", "company", "state", "opened_at", "records", "tickets",
           "failing_days", "estimate")
NUMERIC = ("records", "tickets", "failing_days", "estimate")
STATE_COLOURS = {"open": WARN, "ruled": OK, "withdrawn": "#666666"}


def local_time(text: Any) -> str:
    """An office time (often UTC) as 'YYYY-MM-DD HH:MM' in the profiles' zone (China's, as
    the records show their own times), whatever zone this computer runs in; a bare day as
    given."""
    return shown_time(text, DEFAULT_ZONE)


def local_day(text: Any) -> str:
    """The local day 'YYYY-MM-DD' of an office time (a bare day as given)."""
    when = in_zone(text, DEFAULT_ZONE)
    return when.date().isoformat() if when is not None else str(text or "")[:10]


def money(value: Any) -> str:
    """'1,234.56' from the office's decimal string; '—' when there is none."""
    if value in (None, ""):
        return "—"
    try:
        return f"{float(value):,.2f}"
    except (TypeError, ValueError):
        return str(value)


def estimate_amount(row: dict[str, Any]) -> Any:
    """The list's estimate: a decimal string, or {failing_days, amount} as the detail has it."""
    value = row.get("estimate")
    return value.get("amount") if isinstance(value, dict) else value


class CasesModel(KeysetPagedModel):
    KEY = "case_id"

    def row_of(self, case_id: str) -> int:
        return next((r for r, item in enumerate(self.rows) if item["case_id"] == case_id), -1)

    def replace(self, row_dict: dict[str, Any]) -> None:
        """A case the office answered after an action: its row shows it at once."""
        row = self.row_of(row_dict.get("case_id", ""))
        if row >= 0:
            self.rows[row] = dict(row_dict)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- table ---------------------------------------------------------------------------------
    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "address": self.tr("Address"), "district": self.tr("District"),
            "company": self.tr("Company"), "state": self.tr("State"),
            "opened_at": self.tr("Opened"), "records": self.tr("Records"),
            "tickets": self.tr("Tickets"), "failing_days": self.tr("Failing days so far"),
            "estimate": self.tr("Estimated refund (yuan)"),
        }[COLUMNS[section]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "state":
                return QColor(STATE_COLOURS.get(row.get("state"), "#111111"))
            if key in ("failing_days", "estimate") and row.get("state") == "open" \
                    and (row.get("failing_days") or 0) > 0:
                return QColor(BAD)
        if role == Qt.ItemDataRole.FontRole and row.get("state") == "open" and key == "address":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "address":
                return f"{row.get('address') or ''}\n{row.get('case_id', '')}"
            if key == "state" and row.get("evidence_after_ruling"):
                return case_label("note", "evidence_after_ruling")
        return None

    def text(self, row: dict[str, Any], key: str) -> str:
        if key == "state":
            words = case_label("state", row.get("state"))
            if row.get("ruling_no"):
                words += f" {row['ruling_no']}"
            return ("⚠ " + words) if row.get("evidence_after_ruling") else words
        if key == "opened_at":
            return local_time(row.get("opened_at"))
        if key == "estimate":
            return money(estimate_amount(row))
        if key in ("records", "tickets", "failing_days"):
            value = row.get(key)
            return "—" if value is None else str(value)
        return str(row.get(key) or "")
