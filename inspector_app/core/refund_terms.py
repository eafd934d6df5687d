"""The refund estimate as a sum the reader can check: area × daily fee × band share = per day.

"每日 0.58 元（不合格面积 12.0 m²，日单价 0.1607）" does not add up (12 × 0.1607 = 1.93): the
band's share was missing. Each failing room with a band gives one term, worked out in the same
numbers the record keeps (`VisitResult.to_dict()` or a sealed record's `result`), so the
result page and the slip show the same arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.core.decimal_math import dec

UNITS = {"zh": ("元/(m²·日)", "元/日"), "en": ("yuan/(m²·day)", "yuan/day")}


@dataclass(frozen=True)
class RefundTerm:
    """One failing room's share of the daily refund, each figure as printed."""

    room: str
    area_m2: str
    fee: str
    share_pct: str
    per_day: str

    def text(self, lang: str = "zh") -> str:
        """`12.0 m² × 0.1607 元/(m²·日) × 30 % = 0.58 元/日`."""
        fee_unit, day_unit = UNITS["en" if lang == "en" else "zh"]
        return (f"{self.area_m2} m² × {self.fee} {fee_unit} × {self.share_pct} % "
                f"= {self.per_day} {day_unit}")


def _decimal(value: Any) -> Decimal | None:
    try:
        return None if value in (None, "") else dec(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _area(value: Decimal) -> str:
    """At least one decimal (12.0, 12.5, 12.25): the record's area as the inspector measured."""
    return f"{value:.1f}" if value == value.quantize(Decimal("0.1")) else f"{value.normalize():f}"


def refund_terms(result: dict[str, Any]) -> list[RefundTerm]:
    """The terms of the daily refund: failing rooms that fall in a refund band."""
    fee = _decimal(result.get("daily_fee_per_m2"))
    if fee is None:
        return []
    terms = []
    for room in result.get("rooms") or []:
        share = _decimal(room.get("band_share"))
        area = _decimal(room.get("area_m2"))
        per_day = _decimal(room.get("refund_per_day"))
        if room.get("verdict") != "fail" or not share or area is None or per_day is None:
            continue
        terms.append(RefundTerm(room=str(room.get("name") or ""), area_m2=_area(area),
                                fee=f"{fee.quantize(Decimal('0.0001'))}",
                                share_pct=f"{(share * 100).normalize():f}",
                                per_day=f"{per_day.quantize(Decimal('0.01'))}"))
    return terms
