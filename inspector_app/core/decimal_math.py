"""Exact arithmetic for means and rounding, so 17.95 is judged the same on every machine.

Readings are kept as Decimal built from their printed form; means are exact to 28 digits and
rounded only for display and judgement, by the profile's rounding rule (GB/T 8170 half-even by
default: 17.95 -> 18.0, 17.85 -> 17.8).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

ROUNDING_MODES = {"half_even": ROUND_HALF_EVEN, "half_up": ROUND_HALF_UP}


def dec(value: float | int | str | Decimal) -> Decimal:
    """A Decimal from the value's shortest printed form (0.1 stays 0.1, not 0.1000000000000000055)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def mean(values: Iterable[Decimal]) -> Decimal:
    items = list(values)
    if not items:
        raise ValueError("mean of nothing")
    return sum(items, Decimal(0)) / Decimal(len(items))


def round_to(value: Decimal, decimals: int = 1, mode: str = "half_even") -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return value.quantize(quantum, rounding=ROUNDING_MODES[mode])
