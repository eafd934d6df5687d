"""The PDF's creation date: the moment the document is about, not the moment it was drawn.

reportlab's `invariant` mode writes 2000-01-01 so that the same input gives the same bytes. A
slip's date is its record's sealing time and a ruling's its issuing time: both are stored, so the
bytes stay deterministic and the date in a viewer's document properties is true.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas


def pdf_date(iso: str | None) -> str | None:
    """`D:YYYYMMDDHHmmSS+HH'mm'` (PDF 32000 §7.9.4) of an ISO time with its own offset, or None
    when the time is missing or unreadable (then reportlab's fixed date stays)."""
    try:
        at = datetime.fromisoformat(str(iso))
    except (TypeError, ValueError):
        return None
    text = (f"D:{at.year:04d}{at.month:02d}{at.day:02d}"
            f"{at.hour:02d}{at.minute:02d}{at.second:02d}")
    offset = at.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{text}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def dated(iso: str | None) -> Callable[[Canvas], None]:
    """A page hook that sets the document's CreationDate and ModDate to `iso`."""
    stamp = pdf_date(iso)

    def apply(canvas: Canvas) -> None:
        if stamp is not None:
            canvas.setDateFormatter(lambda *_ymdhms: stamp)
    return apply
