"""A household's season as `GET /households/{id}/monitoring` answers it, made up but realistic:
two points (a top-floor bedroom that runs cold in the deep winter and a living room), 150 days,
a few days with too few readings, flagged readings on some days, and three door tests."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

START = date(2026, 11, 1)
DAYS = 150


def day_row(day: date, mean: float | None, status: str, *, readings: int = 72,
            valid: int = 72, flags: dict[str, int] | None = None) -> dict[str, Any]:
    if mean is None:
        low = high = None
    else:
        low, high = mean - 0.9, mean + 1.1
    text = (lambda v: None if v is None else f"{v:.1f}")  # noqa: E731 - decimals as strings
    return {"day": day.isoformat(), "readings": readings, "valid": valid,
            "min_c": text(low), "mean_c": text(mean), "max_c": text(high),
            "minutes_below": 0 if status == "compliant" else 600,
            "coverage": f"{valid / 72:.4f}", "status": status, "flags": flags or {},
            "digest": "ab" * 32}


def season(bedroom_cold: range = range(60, 75)) -> dict[str, Any]:
    """The bedroom is below 18 °C on the days of `bedroom_cold` (15 by default), has too few
    readings on days 20 and 21 (a radio gap) and a spike on day 30; the living room is warm,
    with a flat line flagged on day 90 and one day missing (101)."""
    bedroom, living = [], []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        wave = math.sin(i / 9.0) * 0.6
        if i in (20, 21):
            bedroom.append(day_row(day, None, "insufficient", readings=30, valid=30))
        elif i in bedroom_cold:
            bedroom.append(day_row(day, 16.6 + wave, "non_compliant"))
        elif i == 30:
            bedroom.append(day_row(day, 19.4 + wave, "compliant", readings=72, valid=70,
                                   flags={"spike": 2}))
        else:
            bedroom.append(day_row(day, 19.2 + wave, "compliant"))
        if i == 101:
            continue
        if i == 90:
            living.append(day_row(day, 21.0 + wave, "insufficient", readings=72, valid=20,
                                  flags={"flat": 52}))
        else:
            living.append(day_row(day, 21.0 + wave, "compliant"))
    return {
        "household": "h" + "1" * 20, "season": "2026-2027", "standard_c": "18.0",
        "from": START.isoformat(), "to": (START + timedelta(days=DAYS - 1)).isoformat(),
        "points": [
            {"point_id": "WF-0001", "room_kind": "bedroom", "room_name": "",
             "position": ["top", "end"], "days": bedroom},
            {"point_id": "WF-0002", "room_kind": "living_room", "room_name": "",
             "position": ["top"], "days": living},
        ],
        "tests": [
            {"ref": "dev1.r1", "test_at": "2027-01-05T02:10:00Z", "day": "2027-01-05",
             "lowest_c": "16.4", "verdict": "fail"},
            {"ref": "dev1.r2", "test_at": "2027-01-12T03:00:00Z", "day": "2027-01-12",
             "lowest_c": "16.9", "verdict": "fail"},
            {"ref": "dev1.r3", "test_at": "2026-12-01T06:30:00Z", "day": "2026-12-01",
             "lowest_c": "19.1", "verdict": "pass"},
        ],
    }
