"""Every sample of a room's points over the visit's clock, against the standard's minimum.

A supervisor asks two things of a reading: did the air settle before it was taken, and how far
below the minimum was it. So the whole series is drawn (not just the three official readings),
captured readings are marked, typed-in (manual) readings stand out, and the profile's minimum is
a red dashed line. The x axis is the visit's own monotonic clock in minutes, as on the
measuring page (`widgets.chart.LiveChart`), so a changed wall clock cannot bend the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector_app.ui.qt import QColor, QFont, QPainter, QPen, QPointF, QRectF, Qt, QWidget
from inspector_app.ui.style import BAD, WARN
from inspector_app.ui.widgets.chart import CAPTURED, draw_grid

PALETTE = (QColor(0, 70, 160), QColor(150, 60, 150), QColor(0, 130, 130), QColor(170, 90, 0),
           QColor(90, 90, 90), QColor(40, 110, 40))


@dataclass
class Series:
    """One point's samples: (t_offset_s, value_c); `captured` and `manual` are subsets."""

    label: str
    samples: list[tuple[float, float]] = field(default_factory=list)
    captured: list[tuple[float, float]] = field(default_factory=list)
    manual: list[tuple[float, float]] = field(default_factory=list)


class ReadingsChart(QWidget):
    """Painted by hand like LiveChart: a few lines, marks and one limit need no chart library."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Series] = []
        self._highlight: int | None = None
        self._minimum: float | None = None
        self.setMinimumSize(320, 200)

    # -- data --------------------------------------------------------------------------------
    def set_data(self, series: list[Series], minimum_c: float | None) -> None:
        self._series = list(series)
        self._minimum = minimum_c
        self._highlight = None
        self.update()

    def set_highlight(self, index: int | None) -> None:
        """Draw series `index` bold and the others faint (None: all alike)."""
        self._highlight = index
        self.update()

    def clear(self) -> None:
        self.set_data([], None)

    def series(self) -> list[Series]:
        return list(self._series)

    def minimum(self) -> float | None:
        return self._minimum

    def highlight(self) -> int | None:
        return self._highlight

    def ranges(self) -> tuple[float, float, float, float]:
        """x0, x1 (seconds) and y0, y1 (°C): all samples, and the minimum line, in view."""
        ts = [t for s in self._series for t, _ in s.samples]
        vs = [v for s in self._series for _, v in s.samples]
        if self._minimum is not None:
            vs.append(self._minimum)
        if not ts:
            lo, hi = (min(vs), max(vs)) if vs else (17.0, 19.0)
            return 0.0, 600.0, lo - 1.0, hi + 1.0
        x0, x1 = min(ts), max(ts)
        if x1 - x0 < 60.0:
            x0, x1 = x0 - 30.0, x1 + 30.0
        pad_x = (x1 - x0) * 0.03
        lo, hi = min(vs), max(vs)
        pad = max(0.3, (hi - lo) * 0.12)
        return x0 - pad_x, x1 + pad_x, lo - pad, hi + pad

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSize(max(9, self.font().pointSize() - 3))
        p.setFont(font)
        m = p.fontMetrics()
        left, top = m.horizontalAdvance("−00.0") + 14, m.height() + 12
        bottom = m.height() * 2 + 8
        plot = QRectF(left, top, self.width() - left - 14, self.height() - top - bottom)
        if plot.width() < 40 or plot.height() < 40:
            p.end()
            return
        x0, x1, y0, y1 = self.ranges()

        px, py = draw_grid(p, plot, (x0, x1, y0, y1), left, x_target=6)
        p.drawText(QRectF(plot.left(), plot.bottom() + m.height() + 4, plot.width(), m.height()),
                   Qt.AlignmentFlag.AlignHCenter,
                   self.tr("minutes since the visit started"))
        p.drawText(QRectF(2, top - m.height() - 4, left, m.height()),
                   Qt.AlignmentFlag.AlignLeft, "°C")
        p.setPen(QPen(QColor("black"), 1.5))
        p.drawRect(plot)
        self._legend(p, plot, top)
        if not self._series:
            p.setPen(QColor(120, 120, 120))
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No readings"))
            p.end()
            return
        p.setClipRect(plot.adjusted(-8, -8, 8, 8))
        if self._minimum is not None:
            p.setPen(QPen(QColor(BAD), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), py(self._minimum)),
                       QPointF(plot.right(), py(self._minimum)))
            p.drawText(QRectF(plot.left() + 4, py(self._minimum) - m.height() - 2,
                              plot.width() - 8, m.height()), Qt.AlignmentFlag.AlignRight,
                       self.tr("Minimum %1 °C").replace("%1", f"{self._minimum:.1f}"))
        order = [i for i in range(len(self._series)) if i != self._highlight]
        if self._highlight is not None and self._highlight < len(self._series):
            order.append(self._highlight)    # the selected point on top
        for i in order:
            self._draw_series(p, i, px, py)
        p.end()

    def _colour(self, i: int) -> QColor:
        colour = QColor(PALETTE[i % len(PALETTE)])
        if self._highlight is not None and i != self._highlight:
            colour.setAlpha(70)
        return colour

    def _draw_series(self, p: QPainter, i: int, px, py) -> None:  # noqa: ANN001
        s = self._series[i]
        colour = self._colour(i)
        width = 3.0 if i == self._highlight else 1.8
        p.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        pts = [QPointF(px(t), py(v)) for t, v in sorted(s.samples)]
        for a, b in zip(pts, pts[1:], strict=False):
            p.drawLine(a, b)
        faint = self._highlight is not None and i != self._highlight
        p.setPen(QPen(QColor("black"), 1))
        mark = QColor(CAPTURED)
        if faint:
            mark.setAlpha(90)
        p.setBrush(mark)
        for t, v in s.captured:
            p.drawRect(QRectF(px(t) - 5, py(v) - 5, 10, 10))
        manual = QColor(WARN)
        if faint:
            manual.setAlpha(90)
        p.setPen(QPen(manual, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for t, v in s.manual:
            p.drawEllipse(QPointF(px(t), py(v)), 9, 9)

    def _legend(self, p: QPainter, plot: QRectF, top: float) -> None:
        """Point names in their colours, then the captured and manual marks, above the plot."""
        m = p.fontMetrics()
        x, y = plot.left(), top - m.height() - 4
        for i, s in enumerate(self._series):
            p.setPen(QPen(self._colour(i), 3))
            p.drawLine(QPointF(x, y + m.height() / 2), QPointF(x + 16, y + m.height() / 2))
            p.setPen(QColor("black"))
            w = m.horizontalAdvance(s.label)
            p.drawText(QRectF(x + 20, y, w + 4, m.height()), Qt.AlignmentFlag.AlignLeft, s.label)
            x += w + 34
        if not self._series:
            return
        p.setPen(QPen(QColor("black"), 1))
        p.setBrush(CAPTURED)
        p.drawRect(QRectF(x, y + m.height() / 2 - 5, 10, 10))
        text = self.tr("official reading")
        p.drawText(QRectF(x + 14, y, m.horizontalAdvance(text) + 4, m.height()),
                   Qt.AlignmentFlag.AlignLeft, text)
        x += m.horizontalAdvance(text) + 30
        if any(s.manual for s in self._series):
            p.setPen(QPen(QColor(WARN), 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x + 6, y + m.height() / 2), 6, 6)
            p.setPen(QColor("black"))
            text = self.tr("typed in by hand")
            p.drawText(QRectF(x + 16, y, m.horizontalAdvance(text) + 4, m.height()),
                       Qt.AlignmentFlag.AlignLeft, text)
