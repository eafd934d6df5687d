"""Vector pieces of the slip: pen signatures from their strokes, and the verification QR code.

Signatures are redrawn as paths from the sealed strokes rather than pasted as images, so the
slip shows exactly what the record holds, sharp at any printer resolution. The QR code comes from
reportlab's own encoder (no extra dependency) and records where it was drawn, so a test can
read its modules back off a rendered page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.platypus import Flowable

from inspector_app.slip.content import Signature

Stroke = tuple[tuple[float, float, float], ...]


def pen_width(pressure: float, nominal: float) -> float:
    """Line width for a pressure 0..1: light touches stay visible, firm ones get bolder.

    Rounded to 0.1 pt (finer is invisible in print) so runs of segments share one path.
    """
    return round(nominal * (0.45 + 0.9 * pressure), 1)


class SignatureFlowable(Flowable):
    """The strokes scaled (aspect kept) into a width × height box, y flipped to PDF's upward y.

    The ink is drawn once per document as a form XObject and placed on every copy: the four
    copies carry the same signature, so they share one set of paths.
    """

    def __init__(self, signature: Signature | None, width: float, height: float,
                 nominal_pen: float = 1.1, frame: bool = True) -> None:
        super().__init__()
        self.signature = signature
        self.width, self.height = width, height
        self.nominal_pen = nominal_pen
        self.frame = frame

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if self.frame:
            c.saveState()
            c.setStrokeGray(0.6)
            c.setLineWidth(0.4)
            c.setDash(2, 2)
            c.line(0, 2, self.width, 2)
            c.restoreState()
        strokes = self.signature.strokes if self.signature else ()
        if not strokes:
            return
        key = repr((strokes, round(self.width, 3), round(self.height, 3), self.nominal_pen))
        name = "SlipInk" + hashlib.sha256(key.encode()).hexdigest()[:16]
        if not c.hasForm(name):
            c.beginForm(name, lowerx=0, lowery=0, upperx=self.width, uppery=self.height)
            self._draw_ink(strokes)
            c.endForm()
        c.doForm(name)

    def _draw_ink(self, strokes: tuple[Stroke, ...]) -> None:
        c = self.canv
        xs = [p[0] for s in strokes for p in s]
        ys = [p[1] for s in strokes for p in s]
        x0, y0 = min(xs), min(ys)
        span_w, span_h = max(xs) - x0, max(ys) - y0
        pad = 3.0
        inner_w, inner_h = self.width - 2 * pad, self.height - 2 * pad
        scale = min(inner_w / span_w if span_w else float("inf"),
                    inner_h / span_h if span_h else float("inf"))
        if scale == float("inf"):       # a single dot
            scale = 1.0
        off_x = pad + (inner_w - span_w * scale) / 2
        off_y = pad + (inner_h - span_h * scale) / 2

        def at(x: float, y: float) -> tuple[float, float]:
            return off_x + (x - x0) * scale, self.height - off_y - (y - y0) * scale

        c.saveState()
        c.setLineCap(1)
        c.setLineJoin(1)
        c.setStrokeGray(0)
        c.setFillGray(0)
        for stroke in strokes:
            self._draw_stroke(stroke, at)
        c.restoreState()

    def _draw_stroke(self, stroke: Stroke, at) -> None:  # noqa: ANN001
        """Consecutive segments of equal (rounded) width go into one path: small PDFs."""
        c = self.canv
        if len(stroke) == 1:
            x, y = at(stroke[0][0], stroke[0][1])
            c.circle(x, y, pen_width(stroke[0][2], self.nominal_pen) / 2, stroke=0, fill=1)
            return
        path, width = None, None
        for a, b in zip(stroke, stroke[1:], strict=False):
            w = pen_width((a[2] + b[2]) / 2, self.nominal_pen)
            if w != width:
                if path is not None:
                    c.setLineWidth(width)
                    c.drawPath(path, stroke=1, fill=0)
                path, width = c.beginPath(), w
                path.moveTo(*at(a[0], a[1]))
            path.lineTo(*at(b[0], b[1]))
        if path is not None:
            c.setLineWidth(width)
            c.drawPath(path, stroke=1, fill=0)


@dataclass(frozen=True)
class QrBox:
    """Where a QR code landed: page number (1-based) and its square in points, quiet zone included."""

    page: int
    x: float
    y: float
    size: float
    modules: int        # modules across, quiet zone included


QUIET_ZONE = 4         # modules of white around the code, as ISO/IEC 18004 asks


@lru_cache(maxsize=32)
def qr_matrix(payload: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The QR modules of `payload` (True = dark), without the quiet zone: reportlab's encoder.

    Encoding picks the best of eight masks and costs tens of milliseconds, so it is done once
    per payload, not once per copy.
    """
    qr = QRCode(None, getattr(QRErrorCorrectLevel, level))
    qr.addData(payload)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


class QrFlowable(Flowable):
    """A QR code of modules `module` points wide, quiet zone included, drawn once per document
    as a form XObject and placed on every copy (identical copies cost one set of rectangles).

    Sized by its module, not its square: what a phone camera or a 100 dpi scan must resolve is
    one module (about 3 pixels at 0.8 mm and 100 dpi), whatever the length of the link."""

    def __init__(self, payload: str, module: float, sink: list[QrBox] | None = None,
                 level: str = "M") -> None:
        super().__init__()
        self.payload = payload
        self.sink = sink
        self.matrix = qr_matrix(payload, level)
        self.modules = len(self.matrix) + 2 * QUIET_ZONE
        self.size = module * self.modules
        key = f"{payload}|{self.size:.3f}" + ("" if level == "M" else f"|{level}")
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        self.form_name = f"SlipQR{digest}"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def _define_form(self) -> None:
        c = self.canv
        c.beginForm(self.form_name, lowerx=0, lowery=0, upperx=self.size, uppery=self.size)
        c.setFillGray(1)
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        c.setFillGray(0)
        unit = self.size / self.modules
        path = c.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - (r + QUIET_ZONE + 1) * unit
            col = 0
            for dark, run in groupby(row):
                n = len(list(run))
                if dark:
                    path.rect((col + QUIET_ZONE) * unit, y, n * unit, unit)
                col += n
        c.drawPath(path, stroke=0, fill=1)
        c.endForm()

    def draw(self) -> None:
        c = self.canv
        if not c.hasForm(self.form_name):
            self._define_form()
        c.doForm(self.form_name)
        if self.sink is not None:
            x0, y0 = c.absolutePosition(0, 0)
            x1, _ = c.absolutePosition(self.size, self.size)
            self.sink.append(QrBox(c.getPageNumber(), x0, y0, x1 - x0, self.modules))
