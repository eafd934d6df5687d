"""One temperature (or humidity) value as a thermometer reported it.

A `Reading` keeps what the device said (raw value and unit) beside what the procedure may use
(`value_c`), so that a refused reading can still be shown and stored with its reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

HOLD = "hold"
LOW_BATTERY = "low_battery"
OVERLOAD = "overload"
NO_PROBE = "no_probe"
REL = "rel"
MIN = "min"
MAX = "max"
AVG = "avg"
STORED = "stored"
UNKNOWN_UNIT = "unknown_unit"

ALL_FLAGS: frozenset[str] = frozenset(
    {HOLD, LOW_BATTERY, OVERLOAD, NO_PROBE, REL, MIN, MAX, AVG, STORED, UNKNOWN_UNIT}
)
# A reading carrying any of these is not a live measurement of the air: the procedure refuses it.
# LOW_BATTERY is only a warning and is deliberately absent.
BLOCKING_FLAGS: frozenset[str] = ALL_FLAGS - {LOW_BATTERY}

KNOWN_UNITS = ("C", "F", "K", "%RH")


@dataclass(frozen=True)
class Reading:
    """A decoded value with its unit, channel, timestamps and the device's status flags."""

    value_c: float | None
    raw_value: float | None
    unit: str
    channel: int
    t_wall: float
    t_mono: float
    flags: frozenset[str] = field(default_factory=frozenset)
    device_time: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.flags, frozenset):
            object.__setattr__(self, "flags", frozenset(self.flags))
        unknown = self.flags - ALL_FLAGS
        if unknown:
            raise ValueError(f"unknown reading flag(s): {sorted(unknown)}")
        if self.channel < 1:
            raise ValueError(f"channels are numbered from 1 (T1 = 1), got {self.channel}")
        if self.unit not in KNOWN_UNITS and not self.unit.startswith("?"):
            raise ValueError(f"unit must be one of {KNOWN_UNITS} or '?XX', got {self.unit!r}")
        if self.value_c is not None and not math.isfinite(self.value_c):
            raise ValueError("value_c must be finite or None")

    @property
    def usable(self) -> bool:
        """True for a live °C value the procedure may record (no hold, min/max, overload...)."""
        return self.value_c is not None and not (self.flags & BLOCKING_FLAGS)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; flags as a sorted list so output is stable."""
        return {
            "value_c": self.value_c,
            "raw_value": self.raw_value,
            "unit": self.unit,
            "channel": self.channel,
            "flags": sorted(self.flags),
            "t_wall": self.t_wall,
            "t_mono": self.t_mono,
            "device_time": self.device_time,
        }
