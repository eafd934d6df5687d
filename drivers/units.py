"""Unit conversion shared by every protocol, so °F and K are converted in one place."""

from __future__ import annotations

from .reading import UNKNOWN_UNIT

_DECIMALS = 3  # enough for 0.1 °F steps (0.056 °C) without float noise like 23.450000000000017


def to_celsius(value: float, unit: str) -> float | None:
    """Convert a temperature to °C; None for a unit that is not a temperature."""
    if unit == "C":
        return round(value, _DECIMALS)
    if unit == "F":
        return round((value - 32.0) * 5.0 / 9.0, _DECIMALS)
    if unit == "K":
        return round(value - 273.15, _DECIMALS)
    return None


def from_celsius(value_c: float, unit: str) -> float:
    """Inverse of `to_celsius`, used by emulators to display a °C curve in °F or K."""
    if unit == "C":
        return value_c
    if unit == "F":
        return value_c * 9.0 / 5.0 + 32.0
    if unit == "K":
        return value_c + 273.15
    raise ValueError(f"not a temperature unit: {unit!r}")


def unknown_unit(code: str) -> str:
    """The `Reading.unit` text for a unit code the driver does not know, e.g. '?B2'."""
    return "?" + code


def unit_flags(unit: str) -> frozenset[str]:
    """Flags implied by the unit alone (an unknown unit must never pass as °C)."""
    return frozenset({UNKNOWN_UNIT}) if unit.startswith("?") else frozenset()
