"""Slip pages as PNG images, for the app's preview and printing without QtPdf (Qt-free).

pdfium renders exactly the PDF that is saved or sent to the printer, so what the inspector sees
is what the resident gets. pdfium is not thread-safe: calls are serialised by a lock, so the UI
may render off its GUI thread.
"""

from __future__ import annotations

import io
import threading

import pypdfium2 as pdfium

_lock = threading.Lock()


def render_pages_png(pdf_bytes: bytes, dpi: float = 100.0,
                     pages: list[int] | None = None) -> list[bytes]:
    """PNG bytes of each page (or of the 0-based `pages`) at `dpi`, on a white background."""
    if dpi <= 0:
        raise ValueError("dpi must be positive")
    out = []
    with _lock:
        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            for i in pages if pages is not None else range(len(doc)):
                page = doc[i]
                image = page.render(scale=dpi / 72.0, may_draw_forms=False).to_pil()
                buf = io.BytesIO()
                image.save(buf, format="PNG", optimize=False)
                out.append(buf.getvalue())
                page.close()
        finally:
            doc.close()
    return out


def page_count(pdf_bytes: bytes) -> int:
    with _lock:
        doc = pdfium.PdfDocument(pdf_bytes)
        try:
            return len(doc)
        finally:
            doc.close()
