"""Failure rate per heating company as horizontal bars, painted with QPainter.

Horizontal because company names are long Chinese strings; each bar carries its rate and the
number of tests behind it (a 60 % rate from 5 tests is not a 60 % rate from 5,000). The mean
over all companies is drawn as a line so an outlier is seen at a glance.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QColor, QFontMetrics, QPainter, QPen, QRectF, QSize, Qt, QWidget
from inspector_app.ui.style import BAD, INFO, WARN

ROW_H = 28


class CompanyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.setMinimumHeight(160)

    def set_companies(self, rows: list[dict[str, Any]]) -> None:
        self.rows = sorted(rows, key=lambda r: -float(r.get("failure_rate") or 0))
        self.setMinimumHeight(max(160, 40 + ROW_H * len(self.rows)))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 40 + ROW_H * max(len(self.rows), 4))

    def mean_rate(self) -> float:
        tests = sum(int(r.get("tests") or 0) for r in self.rows)
        fails = sum(int(r.get("failures") or 0) for r in self.rows)
        return fails / tests if tests else 0.0

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No tests in this season."))
            return
        fm = QFontMetrics(self.font())
        label_w = min(max(fm.horizontalAdvance(str(r["company"])) for r in self.rows) + 16,
                      self.width() // 3)
        right_pad = fm.horizontalAdvance("100.0 %  (00000)") + 12
        left, top = label_w, 28
        width = max(self.width() - left - right_pad, 40)
        p.setPen(QColor("#111"))
        p.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                   self.tr("Failure rate by company (tests in brackets)"))
        for i, row in enumerate(self.rows):
            y = top + i * ROW_H
            rate = float(row.get("failure_rate") or 0)
            p.setPen(QColor("#111"))
            name = fm.elidedText(str(row["company"]), Qt.TextElideMode.ElideRight, label_w - 12)
            p.drawText(QRectF(4, y, label_w - 8, ROW_H - 4),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            colour = BAD if rate >= 0.35 else WARN if rate >= 0.2 else INFO
            p.fillRect(QRectF(left, y + 4, width * min(rate, 1.0), ROW_H - 10), QColor(colour))
            p.drawText(QRectF(left + width * min(rate, 1.0) + 6, y, right_pad, ROW_H - 4),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       f"{rate * 100:.1f} %  ({row.get('tests', 0)})")
        mean_x = left + width * self.mean_rate()
        pen = QPen(QColor("#333"))
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        bottom = top + len(self.rows) * ROW_H
        p.drawLine(int(mean_x), top, int(mean_x), bottom)
        p.drawText(QRectF(mean_x + 4, bottom, 200, 18), Qt.AlignmentFlag.AlignLeft,
                   self.tr("mean %1 %").replace("%1", f"{self.mean_rate() * 100:.1f}"))
