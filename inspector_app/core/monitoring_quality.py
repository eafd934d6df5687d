"""Quality flags on a fixed monitoring point's readings: flagged, never hidden, never altered.

Collectors drop out (battery, radio), platforms upload twice, clocks drift, a heater or the sun
makes a spike and a dead sensor repeats one value. Each reading gets the flags that apply; a
flagged reading is left out of the evidence with its reason, and a gap is a stretch of time with
no valid reading. The thresholds are profile data (`[monitoring]`, `MonitoringRule`):

- `out_of_range`: a value outside `valid_min_c`…`valid_max_c` (−20…45 °C);
- `clock_drift`: a time more than `future_minutes` after it arrived, more than `past_days`
  before it arrived, or before the point was installed;
- `duplicate`: the point sent another value for the same time (the first is kept, both shown);
- `spike`: up to `spike_max_samples` successive samples that jump more than `spike_c` from the
  sample before them, in one direction, and fall back to within `spike_c` of it;
- `flat`: identical values for more than `flat_minutes` (a dead sensor);
- gaps: more than `gap_minutes` between two valid readings.

Spikes and flat lines are judged on the readings left after the first three flags, so a bad
clock or a 99 °C code cannot hide or make one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

FLAGS = ("out_of_range", "clock_drift", "duplicate", "spike", "flat")
NO_FLAGS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MonitoringRule:
    """The profile's `[monitoring]` values (see resources/profiles/_base-db11t745.toml)."""

    gap_minutes: int = 120
    spike_c: Decimal = Decimal(3)
    spike_max_samples: int = 3
    flat_minutes: int = 720
    valid_min_c: Decimal = Decimal(-20)
    valid_max_c: Decimal = Decimal(45)
    future_minutes: int = 10
    past_days: int = 30
    min_coverage: Decimal = Decimal("0.75")
    max_minutes_below: int = 120


@dataclass(frozen=True)
class Reading:
    """One stored reading: `t` aware; `value_c` exact as sent; `received_at` when it arrived
    (None: unknown, no drift check); `conflict`: another value came for the same time."""

    t: datetime
    value_c: Decimal
    received_at: datetime | None = None
    conflict: bool = False


def flag_series(readings: Sequence[Reading], rule: MonitoringRule,
                installed_from: datetime | None = None) -> list[frozenset[str]]:
    """The flags of each reading of one point (`readings` sorted by time, one per time)."""
    flags: list[set[str]] = [set() for _ in readings]
    for i, r in enumerate(readings):
        if not rule.valid_min_c <= r.value_c <= rule.valid_max_c:
            flags[i].add("out_of_range")
        if _drifted(r, rule, installed_from):
            flags[i].add("clock_drift")
        if r.conflict:
            flags[i].add("duplicate")
    kept = [i for i in range(len(readings)) if not flags[i]]
    for i in _spikes(readings, kept, rule):
        flags[i].add("spike")
    for i in _flat(readings, [i for i in kept if not flags[i]], rule):
        flags[i].add("flat")
    return [frozenset(f) if f else NO_FLAGS for f in flags]


def _drifted(r: Reading, rule: MonitoringRule, installed_from: datetime | None) -> bool:
    if installed_from is not None and r.t < installed_from:
        return True
    if r.received_at is None:
        return False
    return (r.t > r.received_at + timedelta(minutes=rule.future_minutes)
            or r.t < r.received_at - timedelta(days=rule.past_days))


def _spikes(readings: Sequence[Reading], kept: list[int], rule: MonitoringRule) -> set[int]:
    """Indexes (into `readings`) of spike samples among `kept`: a short excursion that returns.

    Samples more than a gap apart are not compared: a change across a gap is no spike."""
    found: set[int] = set()
    gap = timedelta(minutes=rule.gap_minutes)
    k = 1
    while k < len(kept):
        base = readings[kept[k - 1]]
        first = readings[kept[k]]
        jump = first.value_c - base.value_c
        if abs(jump) <= rule.spike_c or first.t - base.t > gap:
            k += 1
            continue
        sign = 1 if jump > 0 else -1
        end = None
        for j in range(k, min(k + rule.spike_max_samples, len(kept))):
            cur, prev = readings[kept[j]], readings[kept[j - 1]]
            if cur.t - prev.t > gap or sign * (cur.value_c - base.value_c) <= rule.spike_c:
                break
            if j + 1 < len(kept):
                after = readings[kept[j + 1]]
                if (after.t - cur.t <= gap
                        and abs(after.value_c - base.value_c) <= rule.spike_c):
                    end = j
                    break
        if end is None:
            k += 1      # a step that stays is a change, not a spike
            continue
        found.update(kept[k:end + 1])
        k = end + 2
    return found


def _flat(readings: Sequence[Reading], kept: list[int], rule: MonitoringRule) -> set[int]:
    """Indexes of samples in runs of one identical value lasting more than `flat_minutes`."""
    found: set[int] = set()
    limit = timedelta(minutes=rule.flat_minutes)
    start = 0
    for k in range(1, len(kept) + 1):
        if k < len(kept) and readings[kept[k]].value_c == readings[kept[start]].value_c:
            continue
        if readings[kept[k - 1]].t - readings[kept[start]].t > limit:
            found.update(kept[start:k])
        start = k
    return found


def gaps(times: Sequence[datetime], rule: MonitoringRule, start: datetime | None = None,
         end: datetime | None = None) -> list[tuple[datetime, datetime]]:
    """The stretches longer than `gap_minutes` without a valid reading (`times`: the valid
    readings' times, sorted), counting from `start` and up to `end` when given."""
    limit = timedelta(minutes=rule.gap_minutes)
    edges = ([start] if start is not None else []) + list(times)
    edges += [end] if end is not None else []
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b - a > limit]
