"""Heating seasons by name ("2025-2026"): October to the following spring."""

from __future__ import annotations

from datetime import date


def season_of(day: date) -> str:
    """The heating season a day belongs to: October–December start it, January–September end."""
    first = day.year if day.month >= 10 else day.year - 1
    return f"{first}-{first + 1}"
