"""A sealed signature redrawn read-only from its pen strokes, scaled to fit whatever room it gets.

The record keeps strokes in the signing box's own pixels; the supervisor's panel is smaller than
the laptop's signing box, so the ink is scaled uniformly (never stretched) and centred. Nothing
here judges a signature: it only shows what was sealed.
"""

from __future__ import annotations

from typing import Any

from inspector_app.slip.content import signature_ink
from inspector_app.ui.qt import (
    QColor,
    QGroupBox,
    QLabel,
    QPainter,
    QPen,
    QPointF,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import BAD

INK = QColor(10, 10, 60)
Stroke = list[tuple[float, float, float]]   # (x, y, pressure)


def parse_strokes(signature: dict[str, Any] | None) -> tuple[list[Stroke], tuple[float, float]]:
    """Strokes as (x, y, pressure) and the signing box, read as the slip reads them."""
    strokes, box = signature_ink(signature)
    return [list(stroke) for stroke in strokes], box


class SignatureView(QWidget):
    """Paints one signature's strokes; read-only, no input handling at all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._box = (0.0, 0.0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 70)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 120)

    def set_signature(self, signature: dict[str, Any] | None) -> None:
        self._strokes, self._box = parse_strokes(signature)
        self.update()

    def clear(self) -> None:
        self.set_signature(None)

    def stroke_count(self) -> int:
        return len(self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def _extent(self) -> tuple[float, float, float, float]:
        """The area to fit: the signing box when known, else the ink's own bounds."""
        if self._box[0] > 0 and self._box[1] > 0:
            return 0.0, 0.0, self._box[0], self._box[1]
        xs = [p[0] for s in self._strokes for p in s]
        ys = [p[1] for s in self._strokes for p in s]
        return min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QPen(QColor(150, 150, 150), 1))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if not self._strokes:
            p.setPen(QColor(120, 120, 120))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No signature"))
            p.end()
            return
        x0, y0, bw, bh = self._extent()
        margin = 6.0
        scale = min((self.width() - 2 * margin) / bw, (self.height() - 2 * margin) / bh)
        ox = (self.width() - bw * scale) / 2 - x0 * scale
        oy = (self.height() - bh * scale) / 2 - y0 * scale
        base = max(0.6, min(scale, 1.5))   # thin ink when shrunk a lot, never a hairline
        for stroke in self._strokes:
            if len(stroke) == 1:
                x, y, _ = stroke[0]
                p.setPen(QPen(INK, 3.5 * base, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                p.drawPoint(QPointF(ox + x * scale, oy + y * scale))
                continue
            for a, b in zip(stroke, stroke[1:], strict=False):
                p.setPen(QPen(INK, (1.0 + 2.5 * b[2]) * base, Qt.PenStyle.SolidLine,
                              Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                p.drawLine(QPointF(ox + a[0] * scale, oy + a[1] * scale),
                           QPointF(ox + b[0] * scale, oy + b[1] * scale))
        p.end()


class SignatureCard(QGroupBox):
    """A titled panel: the drawn signature, who signed and when, and the statement they signed
    (or, instead of ink, a note such as the resident's refusal and its reason)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = SignatureView()
        self.signer = QLabel()
        self.signer.setWordWrap(True)
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("color: #444; font-size: 11pt;")
        for w in (self.note, self.view, self.signer, self.statement):
            layout.addWidget(w)
        layout.setStretch(1, 1)
        self.clear()

    def clear(self) -> None:
        self.view.clear()
        for label in (self.note, self.signer, self.statement):
            label.clear()
            label.hide()

    def show_signature(self, signature: dict[str, Any] | None, signer_line: str,
                       note: str = "", note_style: str = "") -> None:
        """Draw `signature`; `signer_line` names who and when; `note` (e.g. a refusal) above."""
        self.view.set_signature(signature)
        self.view.setVisible(signature is not None)
        self.signer.setText(signer_line)
        self.signer.setVisible(bool(signer_line))
        statement = str((signature or {}).get("statement_zh") or "")
        self.statement.setText(statement)
        self.statement.setVisible(bool(statement))
        self.note.setText(note)
        self.note.setStyleSheet(note_style or f"color: {BAD}; font-weight: bold;")
        self.note.setVisible(bool(note))
