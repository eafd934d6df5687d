"""Checks on what a user types, each refusing with a message in both languages."""

from __future__ import annotations

import re
from datetime import datetime

from inspector_app.core.errors import ValidationError

MIN_AREA_M2, MAX_AREA_M2 = 0.0, 500.0
MIN_READING_C, MAX_READING_C = -40.0, 60.0

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")


def check_area(area_m2: float, field: str = "area_m2") -> float:
    """A room or home area must be a real floor: above 0 and at most 500 m²."""
    try:
        value = float(area_m2)
    except (TypeError, ValueError):
        value = float("nan")
    if not (MIN_AREA_M2 < value <= MAX_AREA_M2):
        raise ValidationError(
            f"面积 {area_m2} m² 不合理：应大于 0 且不超过 {MAX_AREA_M2:g} m²",
            f"area {area_m2} m² is impossible: it must be above 0 and at most {MAX_AREA_M2:g} m²",
            field=field,
        )
    return value


def check_reading(value_c: float, field: str = "value_c") -> float:
    """An indoor air reading outside −40..+60 °C is an instrument fault, not a temperature."""
    try:
        value = float(value_c)
    except (TypeError, ValueError):
        value = float("nan")
    if not (MIN_READING_C <= value <= MAX_READING_C):
        raise ValidationError(
            f"读数 {value_c} °C 超出 −40～60 °C 的范围，不能作为室温",
            f"reading {value_c} °C is outside −40..60 °C and cannot be a room temperature",
            field=field,
        )
    return value


def normalise_phone(text: str, field: str = "resident_phone") -> str:
    """Accept a mainland mobile (11 digits, 1[3-9]…) or a landline with area code."""
    compact = re.sub(r"[\s()（）]", "", text or "")
    if _MOBILE.match(compact):
        return compact[-11:]
    if _LANDLINE.match(compact):
        return compact
    raise ValidationError(
        f"电话号码“{text}”无效：请输入11位手机号或带区号的固定电话",
        f"phone number {text!r} is not valid: give an 11-digit mobile or a landline with area code",
        field=field,
    )


def check_after(later: datetime | None, earlier: datetime | None, later_field: str,
                later_zh: str, earlier_zh: str) -> None:
    """Refuse an event recorded before the event that caused it (e.g. a test before the complaint)."""
    if later is None or earlier is None:
        return
    if later < earlier:
        raise ValidationError(
            f"{later_zh}（{later:%Y-%m-%d %H:%M}）早于{earlier_zh}（{earlier:%Y-%m-%d %H:%M}）",
            f"{later_field} ({later:%Y-%m-%d %H:%M}) is before {earlier_zh} ({earlier:%Y-%m-%d %H:%M})",
            field=later_field,
        )


def require_text(value: str | None, field: str, zh: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{zh}", f"{field} is required", field=field)
    return text
