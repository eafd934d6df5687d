"""Heating seasons by name ("2025-2026"): one definition for numbering, figures and filters.

Heat runs from about October to April, so the year is cut in summer: a season runs from 1 July
to the next 1 July. Ruling numbers, company figures and the window's season list all use this,
so a record is always counted in the season its ruling is numbered in.
"""

from __future__ import annotations

from datetime import date


def season_of(day: date | str) -> str:
    """The season of a date or an ISO time: '2025-11-03…' and '2026-02-01…' → '2025-2026'."""
    text = day.isoformat() if isinstance(day, date) else str(day)
    year, month = int(text[:4]), int(text[5:7])
    first = year if month >= 7 else year - 1
    return f"{first}-{first + 1}"


def season_bounds(season: str) -> tuple[str, str]:
    """'2025-2026' → test_at range ['2025-07-01', '2026-07-01'): one heating season."""
    try:
        first, second = (int(x) for x in season.split("-"))
    except ValueError as exc:
        raise ValueError(f"season must look like 2025-2026, not {season!r}") from exc
    if second != first + 1:
        raise ValueError(f"season must be two consecutive years, not {season!r}")
    return f"{first}-07-01", f"{second}-07-01"
