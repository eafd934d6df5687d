"""Errors a user can act on, worded in Chinese first with an English twin.

The core has no Qt, so it cannot use Qt Linguist; each message carries both languages and the
front end (CLI or UI) picks one.
"""

from __future__ import annotations


class InspectionError(Exception):
    """Base of every refusal the domain makes. `field` names what was wrong, when one thing was."""

    def __init__(self, message_zh: str, message_en: str, field: str | None = None) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        self.field = field

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


class ValidationError(InspectionError):
    """Input that cannot be stored: an impossible area, a reading out of range, a bad phone."""


class ProfileError(InspectionError):
    """A jurisdiction profile that is missing or does not validate."""


class ProcedureError(InspectionError):
    """A step taken out of order, or one the profile forbids (e.g. an expired certificate)."""
