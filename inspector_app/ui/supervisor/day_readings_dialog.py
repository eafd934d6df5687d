"""One monitoring point's raw readings of one day, each with its quality flags, and the gaps.

Why: a day the season chart calls "too few readings" or marks as flagged is judged on readings
the office kept exactly as they came; the supervisor sees them here before trusting (or not)
the day's figure. Flagged readings are the ones the day's aggregates left out, so they are shown
in the warning colour.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import (
    QColor,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import WARN
from inspector_app.ui.supervisor.cases_model import local_time
from inspector_app.ui.supervisor.monitoring_labels import monitoring_label


class DayReadingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, point_id: str, day: str,
                 answer: dict[str, Any]) -> None:
        super().__init__(parent)
        self.point_id, self.day, self.answer = point_id, day, answer
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(self)
        self.table.setObjectName("dayReadingsTable")
        self.table.setColumnCount(3)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.gaps = QLabel(self)
        self.gaps.setWordWrap(True)
        layout.addWidget(self.gaps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate()

    def items(self) -> list[dict[str, Any]]:
        return list(self.answer.get("items") or [])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Readings of %1 on %2").replace("%1", self.point_id)
                            .replace("%2", self.day))
        flagged = sum(1 for i in self.items() if i.get("flags"))
        self.summary.setText(self.tr("%1 readings, %2 of them flagged and left out of the "
                                     "day's figures.").replace("%1", str(len(self.items())))
                             .replace("%2", str(flagged)))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("°C"),
                                              self.tr("Flags")])
        self.table.setRowCount(len(self.items()))
        for r, item in enumerate(self.items()):
            flags = [monitoring_label("flag", f) for f in item.get("flags") or []]
            cells = (local_time(item.get("t")), str(item.get("value_c") or ""),
                     self.tr(", ").join(flags))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if flags:
                    cell.setForeground(QColor(WARN))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        gaps = self.answer.get("gaps") or []
        self.gaps.setText(self.tr("Gaps: %1").replace("%1", self.tr(", ").join(
            self.tr("%1 to %2").replace("%1", local_time(g.get("from")))
            .replace("%2", local_time(g.get("to"))) for g in gaps)) if gaps else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
