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
