"""The last ten minutes of readings at the current point, painted with QPainter.

x is the visit's own clock (seconds since the visit started, labelled in minutes), so an
accelerated demo clock and a real one draw the same picture. The band of ± tolerance around the
latest value shows at a glance whether the air is settling; captured readings are green squares.

Painted by hand rather than with pyqtgraph: pyqtgraph 0.14 on PySide6 6.12 crashes the
interpreter at exit after repeated range changes (seen in the test suite), and this chart needs
only a line, a band, a grid and a few marks.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

from inspector_app.ui.qt import QColor, QFont, QPainter, QPen, QPointF, QRectF, Qt, QWidget

WINDOW_S = 600.0
LINE = QColor(0, 70, 160)
BAND = QColor(0, 120, 215, 45)
CAPTURED = QColor(0, 140, 60)
GRID = QColor(210, 210, 210)


def nice_step(span: float, target: int = 5) -> float:
    """A round grid step (1, 2 or 5 × 10^n) giving about `target` lines over `span`."""
    raw = max(span / target, 1e-9)
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def draw_grid(p: QPainter, plot: QRectF, ranges: tuple[float, float, float, float],
              label_w: float, x_target: int = 5,
              ) -> tuple[Callable[[float], float], Callable[[float], float]]:
    """Grid lines at nice °C steps (labelled left) and nice whole minutes (labelled below) for
    x in seconds; returns the (seconds → px, °C → px) mappings the caller draws data with."""
    x0, x1, y0, y1 = ranges
    metrics = p.fontMetrics()

    def px(t: float) -> float:
        return plot.left() + (t - x0) / (x1 - x0) * plot.width()

    def py(v: float) -> float:
        return plot.bottom() - (v - y0) / (y1 - y0) * plot.height()

    step_y = nice_step(y1 - y0)
    v = math.ceil(y0 / step_y) * step_y
    while v <= y1:
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(plot.left(), py(v)), QPointF(plot.right(), py(v)))
        p.setPen(QColor("black"))
        p.drawText(QRectF(0, py(v) - 10, label_w - 6, 20),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:.1f}")
        v += step_y
    step_x = 60.0 * max(1.0, nice_step((x1 - x0) / 60.0, target=x_target))
    t = math.ceil(x0 / step_x) * step_x
    while t <= x1:
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(px(t), plot.top()), QPointF(px(t), plot.bottom()))
        p.setPen(QColor("black"))
        p.drawText(QRectF(px(t) - 30, plot.bottom() + 2, 60, metrics.height()),
                   Qt.AlignmentFlag.AlignHCenter, f"{t / 60:.0f}")
        t += step_x
    return px, py


class LiveChart(QWidget):
    """(t, °C) points trimmed to the trailing `window_s`, with the tolerance band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_s = WINDOW_S
        self.tolerance_c = 0.2
        self.x_label = ""
        self._points: deque[tuple[float, float]] = deque()
        self._captured: list[tuple[float, float]] = []
        self.setMinimumHeight(160)

    def set_rule(self, window_s: float, tolerance_c: float) -> None:
        self.window_s, self.tolerance_c = window_s, tolerance_c

    def set_x_label(self, text: str) -> None:
        self.x_label = text
        self.update()

    def clear(self) -> None:
        self._points.clear()
        self._captured = []
        self.update()

    def add(self, t_s: float, value_c: float) -> None:
        self._points.append((t_s, value_c))
        while self._points and self._points[0][0] < t_s - self.window_s:
            self._points.popleft()
        self.update()

    def set_captured(self, points: list[tuple[float, float]]) -> None:
        self._captured = list(points)
        self.update()

    def values(self) -> list[tuple[float, float]]:
        return list(self._points)

    # -- painting ----------------------------------------------------------------------------
    def ranges(self) -> tuple[float, float, float, float]:
        """x0, x1 (seconds) and y0, y1 (°C) of the visible area."""
        if not self._points:
            return 0.0, self.window_s, 17.0, 19.0
        end = self._points[-1][0]
        x1 = max(end, self.window_s)
        x0 = x1 - self.window_s
        ys = [v for _, v in self._points]
        last = ys[-1]
        lo = min(min(ys), last - self.tolerance_c)
        hi = max(max(ys), last + self.tolerance_c)
        pad = max(0.3, (hi - lo) * 0.15)
        return x0, x1, lo - pad, hi + pad

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSize(max(9, self.font().pointSize() - 2))
        p.setFont(font)
        metrics = p.fontMetrics()
        left, bottom = metrics.horizontalAdvance("−00.0") + 14, metrics.height() * 2 + 10
        plot = QRectF(left, 10, self.width() - left - 12, self.height() - bottom - 10)
        if plot.width() < 20 or plot.height() < 20:
            return
        x0, x1, y0, y1 = self.ranges()

        px, py = draw_grid(p, plot, (x0, x1, y0, y1), left)
        p.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 4, plot.width(),
                          metrics.height()), Qt.AlignmentFlag.AlignHCenter, self.x_label)
        p.drawText(QRectF(2, 0, left, 12 + metrics.height()), Qt.AlignmentFlag.AlignLeft, "°C")
        p.setPen(QPen(QColor("black"), 2))
        p.drawRect(plot)
        if not self._points:
            p.end()
            return
        p.setClipRect(plot)
        last = self._points[-1][1]
        band = QRectF(QPointF(plot.left(), py(last + self.tolerance_c)),
                      QPointF(plot.right(), py(last - self.tolerance_c)))
        p.fillRect(band, BAND)
        p.setPen(QPen(LINE, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        pts = [QPointF(px(t), py(v)) for t, v in self._points]
        for a, b in zip(pts, pts[1:], strict=False):
            p.drawLine(a, b)
        p.setBrush(LINE)
        for q in pts[-1:]:
            p.drawEllipse(q, 5, 5)
        p.setPen(QPen(QColor("black"), 1))
        p.setBrush(CAPTURED)
        for t, v in self._captured:
            if x0 <= t <= x1:
                p.drawRect(QRectF(px(t) - 7, py(v) - 7, 14, 14))
        p.end()
