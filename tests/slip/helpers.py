"""Reading a slip back: page texts through pdfium, and page images."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
from PIL import Image

from inspector_app.slip.preview import render_pages_png


def page_texts(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def squash(text: str) -> str:
    """Text without whitespace: wrapped lines and spacing do not matter to the assertions."""
    return re.sub(r"\s+", "", text)


def page_image(pdf: bytes, page: int, dpi: float) -> Image.Image:
    return Image.open(io.BytesIO(render_pages_png(pdf, dpi, pages=[page])[0])).convert("L")


def printed_sizes(pdf: bytes, page: int = 0) -> list[tuple[str, float]]:
    """(character, size in points as printed) of every visible character on `page`: the font
    size times the scale of the text matrix, so a copy shrunk to fit its page counts as shrunk."""
    import ctypes
    import math

    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(pdf)
    try:
        text = doc[page].get_textpage()
        out = []
        for i in range(raw.FPDFText_CountChars(text)):
            ch = chr(raw.FPDFText_GetUnicode(text, i))
            if ch.isspace() or not ch.isprintable():
                continue
            m = raw.FS_MATRIX()
            raw.FPDFText_GetMatrix(text, i, ctypes.byref(m))
            scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
            out.append((ch, raw.FPDFText_GetFontSize(text, i) * scale))
        return out
    finally:
        doc.close()
