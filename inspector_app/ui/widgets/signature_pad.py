"""A box to sign in with a mouse, a pen (with pressure) or a finger.

Strokes are kept as vectors, not pixels: each point is (x, y, t_ms, pressure) with t_ms counted
from the first touch, as docs/record-format.md requires; the sealed record carries them and the
slip redraws them. Whether a signature is acceptable is decided by seal.signature, not here.
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QColor,
    QElapsedTimer,
    QEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPointF,
    QSizePolicy,
    Qt,
    QWidget,
    Signal,
)

Stroke = list[list[float]]


class SignaturePad(QWidget):
    """Collects strokes; `changed` fires after every stroke, undo or clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._clock = QElapsedTimer()
        self.placeholder = ""
        self.read_only = False

    # -- data --------------------------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return [[list(p) for p in s] for s in self._strokes]

    def box(self) -> tuple[int, int]:
        return (self.width(), self.height())

    def is_empty(self) -> bool:
        return not self._strokes

    def set_strokes(self, strokes: list[Stroke]) -> None:
        """Show stored strokes (a sealed visit's signature); the pad becomes read-only."""
        self._strokes = [[list(p) for p in s] for s in strokes]
        self.read_only = True
        self.update()

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self._clock.invalidate()
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            if not self._strokes:
                self._clock.invalidate()
            self.update()
            self.changed.emit()

    # -- input -------------------------------------------------------------------------------
    def _t_ms(self) -> float:
        if not self._clock.isValid():
            self._clock.start()
        return float(self._clock.elapsed())

    def _begin(self, pos: QPointF, pressure: float) -> None:
        if self.read_only:
            return
        self._current = [self._point(pos, pressure)]
        self._strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is not None:
            self._current.append(self._point(pos, pressure))
            self.update()

    def _end(self, pos: QPointF | None, pressure: float) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._current.append(self._point(pos, pressure))
        self._current = None
        self.update()
        self.changed.emit()

    def _point(self, pos: QPointF, pressure: float) -> list[float]:
        x = min(max(pos.x(), 0.0), float(self.width()))
        y = min(max(pos.y(), 0.0), float(self.height()))
        return [round(x, 1), round(y, 1), self._t_ms(), round(min(max(pressure, 0.0), 1.0), 3)]

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 1.0)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 1.0)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position(), 1.0)

    def tabletEvent(self, event) -> None:  # noqa: N802, ANN001 - pen with pressure
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and self._current is not None:
            self._extend(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position(), event.pressure())
        event.accept()  # no synthesized mouse events: the pen's pressure is kept

    def event(self, event) -> bool:  # noqa: ANN001 - touch arrives through event()
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pt = points[0]
                pressure = pt.pressure() if pt.pressure() > 0 else 1.0
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pt.position(), pressure)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pt.position(), pressure)
                else:
                    self._end(pt.position(), pressure)
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)

    # -- drawing -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        frame = QColor(0, 90, 180) if self.hasFocus() else QColor(90, 90, 90)
        p.setPen(QPen(frame, 3 if self.hasFocus() else 2))
        p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        base_y = self.height() * 0.78
        p.setPen(QPen(QColor(150, 150, 150), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(16, base_y), QPointF(self.width() - 16, base_y))
        if not self._strokes and self.placeholder:
            p.setPen(QColor(120, 120, 120))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
        for stroke in self._strokes:
            for a, b in zip(stroke, stroke[1:], strict=False):
                p.setPen(QPen(QColor(10, 10, 60), 1.5 + 3.0 * b[3], Qt.PenStyle.SolidLine,
                              Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                p.drawLine(QPointF(a[0], a[1]), QPointF(b[0], b[1]))
            if len(stroke) == 1:
                x, y = stroke[0][0], stroke[0][1]
                p.setPen(QPen(QColor(10, 10, 60), 4, Qt.PenStyle.SolidLine,
                              Qt.PenCapStyle.RoundCap))
                p.drawPoint(QPointF(x, y))
        p.end()
