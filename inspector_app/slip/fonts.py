"""Fonts for the slip: the bundled CJK TrueType plus a Latin TrueType for what it lacks.

Droid Sans Fallback covers Chinese but has no digits, Latin letters or symbols (°, ², ×), so
each string is split into runs: Chinese in Droid, the rest in Bitstream Vera (shipped inside
reportlab itself, permissive licence). Both are TrueType, so reportlab embeds a subset of each
and the PDF prints the same on a machine with no CJK font at all. Registration parses a 4 MB
font, so it happens once per process.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector_app.paths import resource

CJK_FONT = "DroidSansFallback"
LATIN_FONT = "SlipVera"
CJK_FILE = ("fonts", "DroidSansFallbackFull.ttf")
LATIN_PATH = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")

_lock = threading.Lock()
_cjk_chars: frozenset[int] = frozenset()


def ensure_fonts() -> None:
    """Register both fonts with reportlab once (thread-safe; later calls cost nothing)."""
    global _cjk_chars
    if _cjk_chars:
        return
    with _lock:
        if _cjk_chars:
            return
        cjk = TTFont(CJK_FONT, str(resource(*CJK_FILE)))
        pdfmetrics.registerFont(cjk)
        pdfmetrics.registerFont(TTFont(LATIN_FONT, LATIN_PATH))
        # Space and no-break space exist in both: leave them to whichever run they fall in.
        _cjk_chars = frozenset(c for c in cjk.face.charToGlyph if c > 0xFF)


def _is_cjk(ch: str) -> bool:
    return ord(ch) in _cjk_chars


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[tuple[str, str], ...]:
    """Split `text` into (font name, text) runs: CJK glyphs in Droid, everything else in Vera."""
    ensure_fonts()
    out: list[tuple[str, str]] = []
    current, buf = "", []
    for ch in text:
        if ch in " \u00a0" and current:
            buf.append(ch)
            continue
        font = CJK_FONT if _is_cjk(ch) else LATIN_FONT
        if font != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        out.append((current or LATIN_FONT, "".join(buf)))
    return tuple(out)


def markup(text: str) -> str:
    """Paragraph markup for plain `text` (escaped) in a CJK-based style: Latin runs get Vera."""
    parts = []
    for font, chunk in runs(text):
        if font == CJK_FONT:
            parts.append(escape(chunk))
        else:
            parts.append(f'<font name="{LATIN_FONT}">{escape(chunk)}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text))


def draw_string(canvas, x: float, y: float, text: str, size: float,  # noqa: ANN001
                align: str = "left") -> None:
    """Draw one line of mixed text on a canvas (footers, watermark): no wrapping."""
    width = string_width(text, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for font, chunk in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, font, size)
