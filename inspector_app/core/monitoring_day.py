"""One monitoring point's day: aggregates from its valid readings, and whether it complied.

A day (local, in the profile's zone) is judged on its valid readings only (`core.monitoring_
quality`): the mean of their values (with the point's calibration correction), the minutes
below the standard and the coverage. A valid reading holds its value until the next valid
reading when that comes within `gap_minutes`; those stretches, cut to the day, are the covered
time, and the ones whose value is below the standard are the minutes below. A day whose
coverage is under the profile's `min_coverage` is `insufficient` (never compliant); otherwise it
is `compliant` when its mean, shown as the profile rounds, meets the standard and it spent no
more than `max_minutes_below` below it, else `non_compliant`.

The digest (SHA-256 over one line per valid reading used: point id, UTC time, value as sent)
lets a ruling name exactly which readings it rested on, and anyone recompute it later.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import ROUND_DOWN, Decimal

from inspector_app.core.decimal_math import round_to
from inspector_app.core.monitoring_quality import MonitoringRule, Reading

COMPLIANT, NON_COMPLIANT, INSUFFICIENT = "compliant", "non_compliant", "insufficient"
STATUSES = (COMPLIANT, NON_COMPLIANT, INSUFFICIENT)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayAggregate:
    day: date
    readings: int                 # every reading of the day, flagged or not
    valid: int
    min_c: Decimal | None         # of the valid readings, corrected
    mean_c: Decimal | None
    max_c: Decimal | None
    minutes_below: int
    coverage: Decimal             # 0..1, cut down to 4 places
    status: str
    flags: dict[str, int]         # flag -> readings of the day carrying it
    digest: str


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), zone)
    return start, start + DAY


def context_window(day: date, zone: tzinfo, rule: MonitoringRule) -> tuple[datetime, datetime]:
    """The readings a day's flags and coverage depend on: a flat run reaching into it, a gap
    ending in it, a spike falling back after midnight."""
    start, end = day_bounds(day, zone)
    before = timedelta(minutes=max(rule.flat_minutes, rule.gap_minutes) + 60)
    after = timedelta(minutes=rule.gap_minutes * (rule.spike_max_samples + 1) + 60)
    return start - before, end + after


def utc_text(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def readings_digest(point_id: str, readings: Iterable[tuple[datetime, Decimal | str]]) -> str:
    """SHA-256 (hex) over 'point_id TAB UTC time TAB value' lines, in time order."""
    h = hashlib.sha256()
    for t, value in sorted(readings, key=lambda r: r[0]):
        h.update(f"{point_id}\t{utc_text(t)}\t{value}\n".encode())
    return h.hexdigest()


def aggregate_day(point_id: str, day: date, zone: tzinfo, window: Sequence[Reading],
                  flags: Sequence[frozenset[str]], rule: MonitoringRule, standard_c: Decimal,
                  *, correction_c: Decimal = Decimal(0), decimals: int = 1,
                  rounding: str = "half_even") -> DayAggregate:
    """The day's aggregate from `window` (sorted readings around the day, see
    `context_window`) and their `flags` (`monitoring_quality.flag_series` over the window)."""
    start, end = day_bounds(day, zone)
    inside = [(r, f) for r, f in zip(window, flags, strict=True) if start <= r.t < end]
    counted: Counter[str] = Counter(flag for _, f in inside for flag in f)
    used = [r for r, f in inside if not f]
    values = [r.value_c + correction_c for r in used]
    covered, below = _covered(window, flags, start, end, rule, standard_c - correction_c)
    coverage = (Decimal(covered) / Decimal(DAY.total_seconds())).quantize(
        Decimal("0.0001"), rounding=ROUND_DOWN)
    minutes_below = int(below // 60)
    if values:
        mean = sum(values, Decimal(0)) / len(values)
        low, high = min(values), max(values)
    else:
        mean = low = high = None
    if mean is None or coverage < rule.min_coverage:
        status = INSUFFICIENT
    elif (round_to(mean, decimals, rounding) >= standard_c
          and minutes_below <= rule.max_minutes_below):
        status = COMPLIANT
    else:
        status = NON_COMPLIANT
    return DayAggregate(
        day=day, readings=len(inside), valid=len(used), min_c=low,
        mean_c=None if mean is None else mean.quantize(Decimal("0.001")), max_c=high,
        minutes_below=minutes_below, coverage=coverage, status=status,
        flags=dict(sorted(counted.items())),
        digest=readings_digest(point_id, ((r.t, r.value_c) for r in used)))


def _covered(window: Sequence[Reading], flags: Sequence[frozenset[str]], start: datetime,
             end: datetime, rule: MonitoringRule, below_c: Decimal) -> tuple[float, float]:
    """Seconds of [start, end) covered by valid readings, and of those below `below_c`."""
    gap = timedelta(minutes=rule.gap_minutes)
    valid = [r for r, f in zip(window, flags, strict=True) if not f]
    covered = below = 0.0
    for a, b in zip(valid, valid[1:], strict=False):
        if b.t - a.t > gap or b.t <= start or a.t >= end:
            continue
        seconds = (min(b.t, end) - max(a.t, start)).total_seconds()
        covered += seconds
        if a.value_c < below_c:
            below += seconds
    return covered, below
