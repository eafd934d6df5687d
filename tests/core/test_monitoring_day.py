"""A monitoring point's day: coverage, minutes below, status and digest from crafted series."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from inspector_app.core.monitoring_day import aggregate_day, readings_digest
from inspector_app.core.monitoring_quality import MonitoringRule, Reading, flag_series

ZONE = timezone(timedelta(hours=8))
DAY = date(2026, 12, 2)
RULE = MonitoringRule()
STANDARD = Decimal("18.0")


def day_series(value_at, step_min: int = 20, start_h: float = -13, end_h: float = 31,
               skip: tuple[float, float] | None = None) -> list[Reading]:
    start = datetime(2026, 12, 2, tzinfo=ZONE) + timedelta(hours=start_h)
    out, t = [], start
    while t < datetime(2026, 12, 2, tzinfo=ZONE) + timedelta(hours=end_h):
        hours = (t - datetime(2026, 12, 2, tzinfo=ZONE)).total_seconds() / 3600
        if not (skip and skip[0] <= hours < skip[1]):
            out.append(Reading(t, Decimal(str(value_at(hours))), t + timedelta(minutes=30)))
        t += timedelta(minutes=step_min)
    return out


def aggregate(readings, **kw):
    return aggregate_day("P-1", DAY, ZONE, readings, flag_series(readings, RULE), RULE,
                         STANDARD, **kw)


def warm(hours: float) -> float:
    return round(20.0 + 0.1 * (int(hours * 3) % 4), 1)


def test_a_warm_fully_covered_day_complies():
    a = aggregate(day_series(warm))
    assert (a.readings, a.valid, a.coverage, a.minutes_below) == (72, 72, Decimal("1"), 0)
    assert a.status == "compliant" and a.mean_c >= Decimal("20.0") and a.flags == {}


def test_a_cold_day_does_not_comply_and_counts_its_minutes_below():
    a = aggregate(day_series(lambda h: warm(h) if h < 18 else warm(h) - 3.5))
    assert a.minutes_below == 6 * 60 and a.status == "non_compliant"
    assert a.mean_c > STANDARD      # the mean alone would pass: the hours below decide


def test_two_hours_below_are_tolerated_three_are_not():
    two = aggregate(day_series(lambda h: 16.0 if 10 <= h < 12 else warm(h)))
    three = aggregate(day_series(lambda h: 16.0 if 10 <= h < 13 else warm(h)))
    assert (two.minutes_below, two.status) == (120, "compliant")
    assert (three.minutes_below, three.status) == (180, "non_compliant")


def test_a_day_with_too_little_valid_data_is_insufficient_never_compliant():
    a = aggregate(day_series(warm, skip=(4, 12)))      # 8 hours missing
    assert a.coverage < RULE.min_coverage and a.status == "insufficient"
    nothing = aggregate([])
    assert (nothing.status, nothing.mean_c, nothing.coverage) == ("insufficient", None, 0)


def test_a_gap_of_exactly_two_hours_still_covers():
    a = aggregate(day_series(warm, step_min=60, skip=(7.5, 8.5)))   # 07:00 then 09:00
    assert a.coverage == Decimal("1")


def test_flagged_readings_are_left_out_and_counted():
    readings = day_series(warm)
    i = next(k for k, r in enumerate(readings) if r.t == datetime(2026, 12, 2, 9, tzinfo=ZONE))
    readings[i] = Reading(readings[i].t, Decimal("60"), readings[i].received_at)
    a = aggregate(readings)
    assert a.valid == 71 and a.flags == {"out_of_range": 1} and a.max_c < 21


def test_the_correction_is_applied_to_the_values_judged_not_to_the_digest():
    readings = day_series(lambda h: warm(h) - 2.2)     # 17.8 … 18.1, mean 17.95
    plain, corrected = aggregate(readings), aggregate(readings, correction_c=Decimal("0.2"))
    assert plain.status == "non_compliant" and corrected.status == "compliant"
    assert plain.digest == corrected.digest


def test_the_digest_names_exactly_the_valid_readings_used():
    readings = day_series(warm)
    a = aggregate(readings)
    inside = [r for r in readings
              if datetime(2026, 12, 2, tzinfo=ZONE) <= r.t < datetime(2026, 12, 3, tzinfo=ZONE)]
    assert a.digest == readings_digest("P-1", [(r.t, r.value_c) for r in inside])
    changed = list(readings)
    k = readings.index(inside[10])
    changed[k] = Reading(inside[10].t, inside[10].value_c + Decimal("0.1"),
                         inside[10].received_at)
    assert aggregate(changed).digest != a.digest
