"""A plan of the room showing where the stand goes: distances from walls and the height.

Not to scale on purpose: it explains the rule (≥ outer-wall distance from the window wall,
≥ inner-wall distance from the others, points spread in that zone) rather than the flat's shape.
"""

from __future__ import annotations

from inspector_app.ui.qt import QColor, QFont, QPainter, QPen, QPointF, QRectF, Qt, QWidget

# Where n points sit in the allowed zone, as fractions of its width and depth.
LAYOUTS = {
    1: [(0.5, 0.5)],
    5: [(0.5, 0.5), (0.15, 0.15), (0.85, 0.15), (0.15, 0.85), (0.85, 0.85)],
}


def point_layout(n: int) -> list[tuple[float, float]]:
    if n in LAYOUTS:
        return LAYOUTS[n]
    return [((i + 1) / (n + 1), 0.5) for i in range(n)]


class PlacementView(QWidget):
    """Draws one room: outer wall with a window at the top, the zone, numbered points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = 0
        self.outer_m = 1.5
        self.inner_m = 1.0
        self.height_m = 1.4
        self.labels = {"outer": "outer wall", "inner": "inner wall", "height": "height",
                       "window": "window"}
        self.current: int | None = None

    def show_room(self, points: int, outer_m: float, inner_m: float, height_m: float,
                  current: int | None = None) -> None:
        self.points, self.outer_m, self.inner_m, self.height_m = points, outer_m, inner_m, height_m
        self.current = current
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.points:
            return
        w, h = self.width(), self.height()
        room = QRectF(40, 40, w - 80, h - 90)
        p.setPen(QPen(QColor("black"), 6))
        p.drawRect(room)
        # outer wall with a window on top
        p.setPen(QPen(QColor(0, 110, 200), 8))
        p.drawLine(QPointF(room.left() + room.width() * 0.3, room.top()),
                   QPointF(room.left() + room.width() * 0.7, room.top()))
        font = QFont(self.font())
        font.setPointSize(max(9, self.font().pointSize() - 1))
        p.setFont(font)
        p.setPen(QColor("black"))
        p.drawText(QRectF(room.left(), 4, room.width(), 30), Qt.AlignmentFlag.AlignCenter,
                   f"{self.labels['outer']} ({self.labels['window']})")
        outer_px = room.height() * 0.3
        inner_px = room.width() * 0.12
        zone = QRectF(room.left() + inner_px, room.top() + outer_px,
                      room.width() - 2 * inner_px, room.height() - outer_px - room.height() * 0.15)
        p.setPen(QPen(QColor(0, 130, 60), 2, Qt.PenStyle.DashLine))
        p.setBrush(QColor(0, 160, 80, 30))
        p.drawRect(zone)
        # dimension marks
        p.setPen(QPen(QColor(180, 0, 0), 2))
        x = zone.center().x() + zone.width() * 0.25
        p.drawLine(QPointF(x, room.top()), QPointF(x, zone.top()))
        p.drawText(QRectF(x + 4, room.top(), 200, outer_px), Qt.AlignmentFlag.AlignVCenter,
                   f"≥ {self.outer_m:g} m")
        y = zone.bottom() - 12
        p.drawLine(QPointF(room.left(), y), QPointF(zone.left(), y))
        p.drawText(QRectF(room.left(), y - 28, inner_px + 60, 24), Qt.AlignmentFlag.AlignLeft,
                   f"≥ {self.inner_m:g} m")
        for i, (fx, fy) in enumerate(point_layout(self.points), start=1):
            cx = zone.left() + fx * zone.width()
            cy = zone.top() + fy * zone.height()
            active = self.current == i
            p.setPen(QPen(QColor("black"), 2))
            p.setBrush(QColor(230, 120, 0) if active else QColor(0, 90, 180))
            p.drawEllipse(QRectF(cx - 16, cy - 16, 32, 32))
            p.setPen(QColor("white"))
            p.drawText(QRectF(cx - 16, cy - 16, 32, 32), Qt.AlignmentFlag.AlignCenter, str(i))
        p.setPen(QColor("black"))
        p.drawText(QRectF(0, h - 44, w, 40), Qt.AlignmentFlag.AlignCenter,
                   f"{self.labels['inner']} ≥ {self.inner_m:g} m · "
                   f"{self.labels['height']} {self.height_m:g} m")
        p.end()
