"""A household's monitoring points over a heating season, day by day, against the standard.

What a supervisor asks of a point's season: on which days was the room below the standard, on
which days do the readings not say (too few of them), which days rest on readings the office
flagged (a spike, a flat line, a drifting clock), and do the door tests agree. So each point's
daily mean is a line inside its min–max band, the standard is a labelled dashed line, every
day's status is a cell in the point's strip under the plot (red below standard, grey hatch too
few readings, green compliant), a flagged day carries a small triangle over its mean and says in
its tooltip which flags on how many readings and how many readings the day left out, and each
test is a diamond at its lowest room value on its day with a dotted tick through the plot.

Painted by hand like `readings_chart`: the layout (`ChartLayout`) is computed apart from the
painting so a test can check where things are (the standard's height, the red cells) without
reading pixels. Double-clicking a day asks for that day's raw readings (`day_activated`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inspector_app.ui.qt import (
    QBrush,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QSize,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)
from inspector_app.ui.style import BAD, OK
from inspector_app.ui.supervisor.monitoring_labels import monitoring_label, room_text
from inspector_app.ui.widgets.chart import nice_step

PALETTE = (QColor(0, 70, 160), QColor(150, 60, 150), QColor(0, 130, 130), QColor(170, 90, 0),
           QColor(90, 90, 90), QColor(40, 110, 40))
STATUS_COLOURS = {"compliant": QColor(OK), "non_compliant": QColor(BAD),
                  "insufficient": QColor(130, 130, 130)}
FLAG_COLOUR = QColor(230, 120, 0)
TEST_COLOUR = QColor(20, 20, 20)
GRID = QColor(225, 225, 225)
STRIP_H, STRIP_GAP = 10, 3
SPAN_PAD_DAYS = 2


def one_place(text: Any) -> str:
    """An office decimal shown to 0.1 °C ('—' when absent)."""
    value = number(text)
    return "—" if value is None else f"{value:.1f}"


def number(text: Any) -> float | None:
    """The office's decimal string as a float for drawing (None when absent or not a number)."""
    try:
        return None if text in (None, "") else float(text)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ChartLayout:
    """Where everything goes for one size: the plot, the legend's items, the strips, the scales."""

    plot: QRectF
    strips: list[QRectF]            # one per point, under the plot
    legend: list[tuple[QRectF, str]]   # each item's box and its key
    start: date
    days: int
    y0: float
    y1: float

    def px(self, day: date) -> float:
        """The x of the middle of `day`'s column."""
        return self.plot.left() + ((day - self.start).days + 0.5) * self.day_w()

    def day_w(self) -> float:
        return self.plot.width() / max(self.days, 1)

    def py(self, value: float) -> float:
        return self.plot.bottom() - (value - self.y0) / (self.y1 - self.y0) * self.plot.height()

    def day_at(self, x: float) -> date | None:
        if not self.plot.left() <= x <= self.plot.right():
            return None
        index = min(int((x - self.plot.left()) / self.day_w()), self.days - 1)
        return self.start + timedelta(days=index)

    def cell(self, strip: int, day: date) -> QRectF:
        rect = self.strips[strip]
        return QRectF(self.px(day) - self.day_w() / 2, rect.top(), self.day_w(), rect.height())


class SeasonChart(QWidget):
    day_activated = Signal(str, str)   # point id, day: its raw readings are wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.highlight: str | None = None
        self.message = ""
        self.setMouseTracking(True)
        self.setMinimumSize(480, 240)

    # -- data --------------------------------------------------------------------------------
    def set_season(self, data: dict[str, Any] | None, highlight: str | None = None) -> None:
        """The household's season as the office answered it (None: nothing chosen)."""
        self.data, self.highlight, self.message = data, highlight, ""
        self.update()

    def set_message(self, text: str) -> None:
        """A word in place of the chart (loading, failed), keeping no old picture."""
        self.data, self.message = None, text
        self.update()

    def set_highlight(self, point_id: str | None) -> None:
        self.highlight = point_id
        self.update()

    def points(self) -> list[dict[str, Any]]:
        return list((self.data or {}).get("points") or [])

    def standard(self) -> float | None:
        return number((self.data or {}).get("standard_c"))

    def point_label(self, point: dict[str, Any]) -> str:
        return f"{room_text(point)} {point.get('point_id', '')}"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(900, 300)

    # -- layout ------------------------------------------------------------------------------
    def chart_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSize(max(9, self.font().pointSize() - 2))
        return font

    def span(self) -> tuple[date, int]:
        """The first day shown and the number of days: the days holding data or tests, a few
        days either side, within the season's bounds (the office's `from`/`to` are the whole
        season year; a heating period is about half of it)."""
        data = self.data or {}
        days = sorted([d["day"][:10] for p in self.points() for d in p.get("days") or []]
                      + [str(t["day"])[:10] for t in data.get("tests") or [] if t.get("day")])
        if not days:
            return date(2000, 1, 1), 1
        start = date.fromisoformat(days[0]) - timedelta(days=SPAN_PAD_DAYS)
        end = date.fromisoformat(days[-1]) + timedelta(days=SPAN_PAD_DAYS)
        if data.get("from"):
            start = max(start, date.fromisoformat(data["from"][:10]))
        if data.get("to"):
            end = min(end, date.fromisoformat(data["to"][:10]))
        return start, max((end - start).days + 1, 1)

    def value_range(self) -> tuple[float, float]:
        """°C shown: every min, mean and max, the standard and the tests' lowest values."""
        values = [v for p in self.points() for d in p.get("days") or []
                  for v in (number(d.get("min_c")), number(d.get("mean_c")),
                            number(d.get("max_c"))) if v is not None]
        values += [v for t in (self.data or {}).get("tests") or []
                   if (v := number(t.get("lowest_c"))) is not None]
        if self.standard() is not None:
            values.append(self.standard())
        if not values:
            return 14.0, 24.0
        lo, hi = min(values), max(values)
        pad = max(0.5, (hi - lo) * 0.08)
        return lo - pad, hi + pad

    def legend_items(self) -> list[tuple[str, str]]:
        """(key, words) of the legend: the points, then the marks the chart uses."""
        items = [(f"point:{i}", self.point_label(p)) for i, p in enumerate(self.points())]
        items += [("band", self.tr("daily min–max")),
                  ("compliant", monitoring_label("status", "compliant")),
                  ("non_compliant", monitoring_label("status", "non_compliant")),
                  ("insufficient", monitoring_label("status", "insufficient")),
                  ("flag", self.tr("flagged readings")),
                  ("test", self.tr("door test (lowest room)"))]
        return items

    def layout_for(self, width: int, height: int) -> ChartLayout:
        m = QFontMetrics(self.chart_font())
        left, right = m.horizontalAdvance("00.0") + 14, 12
        # the legend flows in rows over the plot
        legend: list[tuple[QRectF, str]] = []
        x, y, row_h = float(left), 4.0, m.height() + 4
        for key, words in self.legend_items():
            w = 22 + m.horizontalAdvance(words) + 14
            if x + w > width - right and x > left:
                x, y = float(left), y + row_h
            legend.append((QRectF(x, y, w, row_h), key))
            x += w
        top = y + row_h + 6
        strips_h = len(self.points()) * (STRIP_H + STRIP_GAP)
        bottom = m.height() + 8 + strips_h + 4
        plot = QRectF(left, top, max(width - left - right, 10), max(height - top - bottom, 10))
        strip_top = plot.bottom() + m.height() + 8
        strips = [QRectF(plot.left(), strip_top + i * (STRIP_H + STRIP_GAP), plot.width(),
                         STRIP_H) for i in range(len(self.points()))]
        start, days = self.span()
        y0, y1 = self.value_range()
        return ChartLayout(plot, strips, legend, start, days, y0, y1)

    def current_layout(self) -> ChartLayout:
        return self.layout_for(self.width(), self.height())

    # -- what a test or a tooltip asks -------------------------------------------------------
    def standard_y(self) -> float | None:
        value = self.standard()
        return None if value is None else self.current_layout().py(value)

    def status_cells(self, status: str) -> list[tuple[str, str, QRectF]]:
        """(point id, day, cell) of every day of `status` in the points' strips."""
        lay = self.current_layout()
        return [(p["point_id"], d["day"], lay.cell(i, date.fromisoformat(d["day"])))
                for i, p in enumerate(self.points()) for d in p.get("days") or []
                if d.get("status") == status]

    def flag_marks(self) -> list[tuple[str, str, QPointF]]:
        """(point id, day, where its triangle points) of every day with flagged readings."""
        lay = self.current_layout()
        out = []
        for p in self.points():
            for d in p.get("days") or []:
                if any((d.get("flags") or {}).values()):
                    mean = number(d.get("mean_c"))
                    y = lay.plot.top() + 10 if mean is None else lay.py(mean) - 8
                    out.append((p["point_id"], d["day"],
                                QPointF(lay.px(date.fromisoformat(d["day"])), y)))
        return out

    def test_marks(self) -> list[tuple[str, QPointF]]:
        """(test ref, the diamond's centre) of every test on a day of the season."""
        lay = self.current_layout()
        out = []
        for t in (self.data or {}).get("tests") or []:
            value, day = number(t.get("lowest_c")), t.get("day")
            if value is None or not day:
                continue
            when = date.fromisoformat(day[:10])
            if 0 <= (when - lay.start).days < lay.days:
                out.append((str(t.get("ref")), QPointF(lay.px(when), lay.py(value))))
        return out

    def painted_texts(self) -> list[str]:
        """The words painted on the chart (legend, standard), for a language check."""
        words = [w for _k, w in self.legend_items()]
        if self.standard() is not None:
            words.append(self.standard_text(self.standard()))
        return words if self.points() else [self.message or self.empty_text()]

    def standard_text(self, value: float) -> str:
        return self.tr("Standard %1 °C").replace("%1", f"{value:.1f}")

    def empty_text(self) -> str:
        return self.tr("Choose a point or a household to see its season.")

    def point_near(self, day: date, y: float) -> str | None:
        """The point whose mean on `day` is nearest to height `y` (the highlighted one first)."""
        lay = self.current_layout()
        best: tuple[float, str] | None = None
        for p in self.points():
            for d in p.get("days") or []:
                if d["day"] == day.isoformat():
                    mean = number(d.get("mean_c"))
                    gap = abs(lay.py(mean) - y) if mean is not None else 1e9
                    if p["point_id"] == self.highlight:
                        gap -= 0.5
                    if best is None or gap < best[0]:
                        best = (gap, p["point_id"])
        if best is None and self.points():
            return self.highlight or self.points()[0]["point_id"]
        return best[1] if best else None

    def tooltip_at(self, x: float) -> str:
        """The day under `x`: each point's status, figures and flags, and the tests of the day."""
        lay = self.current_layout()
        day = lay.day_at(x)
        if day is None or self.data is None:
            return ""
        lines = [day.isoformat()]
        for p in self.points():
            d = next((d for d in p.get("days") or [] if d["day"] == day.isoformat()), None)
            if d is None:
                lines.append(self.tr("%1: no readings").replace("%1", self.point_label(p)))
                continue
            lines.append(self.tr("%1: %2, mean %3 °C (%4 to %5), coverage %6 %").replace(
                "%1", self.point_label(p)).replace(
                "%2", monitoring_label("status", d.get("status"))).replace(
                "%3", one_place(d.get("mean_c"))).replace(
                "%4", one_place(d.get("min_c"))).replace(
                "%5", one_place(d.get("max_c"))).replace(
                "%6", f"{(number(d.get('coverage')) or 0) * 100:.0f}"))
            flags = {k: v for k, v in (d.get("flags") or {}).items() if v}
            if flags:
                lines.append("  " + self.tr("flags: %1").replace("%1", self.tr(", ").join(
                    self.tr("%1 on %2 readings").replace("%1", monitoring_label("flag", k))
                    .replace("%2", str(v)) for k, v in sorted(flags.items()))))
            excluded = int(d.get("readings") or 0) - int(d.get("valid") or 0)
            if excluded:
                lines.append("  " + self.tr("%1 of %2 readings left out").replace(
                    "%1", str(excluded)).replace("%2", str(d.get("readings"))))
        for t in (self.data or {}).get("tests") or []:
            if str(t.get("day") or "")[:10] == day.isoformat():
                lines.append(self.tr("Door test %1: lowest room %2 °C").replace(
                    "%1", str(t.get("ref"))).replace("%2", str(t.get("lowest_c"))))
        return "\n".join(lines)

    # -- events ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.position().x() if hasattr(event, "position")
                                   else event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        pos = event.position()
        day = self.current_layout().day_at(pos.x())
        point = self.point_near(day, pos.y()) if day else None
        if day and point:
            self.day_activated.emit(point, day.isoformat())

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        p.setFont(self.chart_font())
        if not self.points():
            p.setPen(QColor(110, 110, 110))
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                       self.message or self.empty_text())
            p.end()
            return
        lay = self.current_layout()
        self._grid(p, lay)
        self._legend(p, lay)
        p.save()
        p.setClipRect(lay.plot)
        order = [i for i, pt in enumerate(self.points()) if pt["point_id"] != self.highlight]
        order += [i for i, pt in enumerate(self.points()) if pt["point_id"] == self.highlight]
        for i in order:
            self._band(p, lay, i)
        for i in order:
            self._mean(p, lay, i)
        self._standard(p, lay)
        self._tests(p, lay)
        self._flags(p, lay)
        p.restore()
        p.setPen(QPen(QColor("black"), 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(lay.plot)
        self._strips(p, lay)
        p.end()

    def colour(self, i: int, alpha: int = 255) -> QColor:
        colour = QColor(PALETTE[i % len(PALETTE)])
        faint = self.highlight is not None and self.points()[i]["point_id"] != self.highlight
        colour.setAlpha(alpha // 3 if faint else alpha)
        return colour

    def _grid(self, p: QPainter, lay: ChartLayout) -> None:
        m = p.fontMetrics()
        step = nice_step(lay.y1 - lay.y0)
        v = math.ceil(lay.y0 / step) * step
        while v <= lay.y1:
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(lay.plot.left(), lay.py(v)), QPointF(lay.plot.right(), lay.py(v)))
            p.setPen(QColor("black"))
            p.drawText(QRectF(0, lay.py(v) - 10, lay.plot.left() - 6, 20),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:.0f}")
            v += step
        p.drawText(QRectF(0, lay.plot.top() - m.height() - 2, lay.plot.left() - 4, m.height()),
                   Qt.AlignmentFlag.AlignRight, "°C")
        # a line and its date below: the first of each month, or every few days when short
        step = 0 if lay.days > 62 else 1 if lay.days <= 14 else 7
        day = lay.start
        for i in range(lay.days):
            if (day.day == 1 or i == 0) if step == 0 else i % step == 0:
                x = lay.plot.left() + (day - lay.start).days * lay.day_w()
                p.setPen(QPen(GRID, 1))
                p.drawLine(QPointF(x, lay.plot.top()), QPointF(x, lay.plot.bottom()))
                p.setPen(QColor("black"))
                p.drawText(QRectF(x + 2, lay.plot.bottom() + 2, 60, m.height()),
                           Qt.AlignmentFlag.AlignLeft, day.strftime("%m-%d"))
            day += timedelta(days=1)

    def _legend(self, p: QPainter, lay: ChartLayout) -> None:
        words = dict(self.legend_items())
        for rect, key in lay.legend:
            mid = QPointF(rect.left() + 9, rect.center().y())
            if key.startswith("point:"):
                i = int(key.split(":")[1])
                p.setPen(QPen(self.colour(i), 3))
                p.drawLine(mid - QPointF(8, 0), mid + QPointF(8, 0))
            elif key == "band":
                p.fillRect(QRectF(mid.x() - 8, mid.y() - 5, 16, 10), self.colour(0, 60))
            elif key in STATUS_COLOURS:
                self._cell(p, QRectF(mid.x() - 6, mid.y() - 5, 12, 10), key)
            elif key == "flag":
                self._triangle(p, mid + QPointF(0, 3))
            elif key == "test":
                self._diamond(p, mid)
            p.setPen(QColor("black"))
            p.drawText(QRectF(rect.left() + 22, rect.top(), rect.width() - 22, rect.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words[key])

    def _days(self, i: int) -> list[dict[str, Any]]:
        return sorted(self.points()[i].get("days") or [], key=lambda d: d["day"])

    def _runs(self, lay: ChartLayout, i: int, keys: tuple[str, ...]
              ) -> list[list[tuple[float, list[float]]]]:
        """Runs of consecutive days holding all of `keys`: a missing day breaks the line."""
        runs: list[list[tuple[float, list[float]]]] = []
        last: date | None = None
        for d in self._days(i):
            values = [number(d.get(k)) for k in keys]
            day = date.fromisoformat(d["day"])
            if any(v is None for v in values):
                last = None
                continue
            if last is None or (day - last).days != 1:
                runs.append([])
            runs[-1].append((lay.px(day), values))
            last = day
        return runs

    def _band(self, p: QPainter, lay: ChartLayout, i: int) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.colour(i, 55))
        half = lay.day_w() / 2
        for run in self._runs(lay, i, ("min_c", "max_c")):
            upper = [QPointF(x, lay.py(v[1])) for x, v in run]
            lower = [QPointF(x, lay.py(v[0])) for x, v in reversed(run)]
            if len(run) == 1:   # one day alone: a bar as wide as its column
                x = run[0][0]
                upper = [QPointF(x - half, upper[0].y()), QPointF(x + half, upper[0].y())]
                lower = [QPointF(x + half, lower[0].y()), QPointF(x - half, lower[0].y())]
            p.drawPolygon(QPolygonF(upper + lower))

    def _mean(self, p: QPainter, lay: ChartLayout, i: int) -> None:
        bold = self.points()[i]["point_id"] == self.highlight
        p.setPen(QPen(self.colour(i), 2.6 if bold else 1.6, Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for run in self._runs(lay, i, ("mean_c",)):
            path = QPainterPath(QPointF(run[0][0], lay.py(run[0][1][0])))
            for x, v in run[1:]:
                path.lineTo(x, lay.py(v[0]))
            p.drawPath(path)
        radius = max(1.5, min(3.0, lay.day_w() / 3))
        for d in self._days(i):
            mean, status = number(d.get("mean_c")), d.get("status")
            if mean is None or status not in ("compliant", "non_compliant"):
                continue
            colour = QColor(STATUS_COLOURS[status])
            colour.setAlpha(self.colour(i).alpha())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawEllipse(QPointF(lay.px(date.fromisoformat(d["day"])), lay.py(mean)),
                          radius, radius)

    def _standard(self, p: QPainter, lay: ChartLayout) -> None:
        value = self.standard()
        if value is None:
            return
        y = lay.py(value)
        p.setPen(QPen(QColor(BAD), 1.8, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(lay.plot.left(), y), QPointF(lay.plot.right(), y))
        text = self.standard_text(value)
        m = p.fontMetrics()
        box = QRectF(lay.plot.right() - m.horizontalAdvance(text) - 10, y - m.height() - 1,
                     m.horizontalAdvance(text) + 6, m.height())
        p.fillRect(box, QColor(255, 255, 255, 200))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _tests(self, p: QPainter, lay: ChartLayout) -> None:
        for _ref, centre in self.test_marks():
            p.setPen(QPen(TEST_COLOUR, 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(centre.x(), lay.plot.top()), QPointF(centre.x(), lay.plot.bottom()))
            self._diamond(p, centre)

    def _flags(self, p: QPainter, lay: ChartLayout) -> None:
        for _point, _day, tip in self.flag_marks():
            self._triangle(p, tip)

    def _strips(self, p: QPainter, lay: ChartLayout) -> None:
        for i, rect in enumerate(lay.strips):
            p.fillRect(QRectF(rect.left() - 10, rect.top(), 6, rect.height()), self.colour(i))
            p.fillRect(rect, QColor(245, 245, 245))
            for d in self._days(i):
                status = d.get("status")
                if status in STATUS_COLOURS:
                    self._cell(p, lay.cell(i, date.fromisoformat(d["day"])), status)

    # -- marks ---------------------------------------------------------------------------------
    def _cell(self, p: QPainter, rect: QRectF, status: str) -> None:
        colour = STATUS_COLOURS[status]
        if status == "insufficient":
            p.fillRect(rect, QColor(225, 225, 225))
            p.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
        else:
            p.fillRect(rect, colour)

    def _triangle(self, p: QPainter, tip: QPointF) -> None:
        """A small downward triangle whose tip points at the flagged day's mean."""
        p.setPen(QPen(QColor(120, 60, 0), 0.8))
        p.setBrush(FLAG_COLOUR)
        p.drawPolygon(QPolygonF([tip, tip + QPointF(-4, -6), tip + QPointF(4, -6)]))

    def _diamond(self, p: QPainter, centre: QPointF) -> None:
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(TEST_COLOUR)
        r = 5.5
        p.drawPolygon(QPolygonF([centre + QPointF(0, -r), centre + QPointF(r, 0),
                                 centre + QPointF(0, r), centre + QPointF(-r, 0)]))
