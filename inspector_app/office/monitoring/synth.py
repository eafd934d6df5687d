"""A synthetic season of fixed monitoring points, for scale tests and benchmarks.

`inspector-office monitoring-synth` registers N points marked synthetic (ids `SYN-000001`…,
calibration reference `synthetic`, households in `合成N小区` communities, two rooms a flat) and
writes their readings every 20 minutes: each flat its own heating level, a daily cycle (coldest
before dawn), cold spells shared by the whole city, sensor noise, and what real collectors
send: gaps (an hour or a day offline), spikes (a kettle, the sun), flat lines (a dead
sensor repeating one value for 15 hours) and out-of-range error codes (85.0, -99.9).

Everything is drawn from `random.Random(f"{seed}:{index}")` per point, so a point's readings
do not depend on how the points are split between worker processes: the same seed gives the
same database. The daily aggregates are computed from the readings still in memory, by the
same core functions the aggregator uses (`core.monitoring_quality.flag_series` over the
point's whole series, `core.monitoring_day.aggregate_day` for each day), each day handed only
its context window so a season costs O(readings), not O(readings × days);
`tests/monitoring/test_synth.py` holds them equal to `aggregates.compute_days`.

PostgreSQL: points are split into blocks written by worker processes (one transaction a
block, readings and days by COPY); SQLite has one writer, so one process does it all.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from multiprocessing import get_context
from typing import Any

from inspector_app.core.monitoring_day import DayAggregate, utc_text
from inspector_app.core.monitoring_quality import Reading
from inspector_app.office.households import UPSERT, household_of_parts, upsert_params
from inspector_app.office.monitoring import aggregates
from inspector_app.office.monitoring.partitions import ensure_partitions
from inspector_app.office.synth import COMPANIES, DISTRICTS, season_days

STEP = timedelta(minutes=20)
SOURCE_IMPORT = 3
MARK = "synthetic"            # calibration_ref of every synthetic point
BLOCK = 40                    # points a transaction (about 480,000 readings a season)
OUT_OF_RANGE = ("85.0", "-99.9")
READING_COLS = ("point_no", "t", "value_c", "received_at", "source")
DAILY_COLS = ("point_no", "day", "readings", "valid", "min_c", "mean_c", "max_c",
              "minutes_below", "coverage", "status", "flags", "digest", "computed_at")


class AlreadySynthesized(Exception):
    """The database already holds synthetic points: a second season would mix with them."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} synthetic points already registered")
        self.count = count


@dataclass(frozen=True)
class SynthPoint:
    point_id: str
    point_no: int
    index: int                # 1-based: SYN-000001 is index 1
    household: str
    district: str
    company: str


@dataclass(frozen=True)
class SynthResult:
    points: int
    readings: int
    days: int


def point_id(index: int) -> str:
    return f"SYN-{index:06d}"


def season_range(season: str) -> tuple[date, int]:
    """The first day and number of days of heating season `YYYY-YYYY` (20 Oct – 5 Apr);
    ValueError for anything else."""
    first, _, second = season.partition("-")
    if not (len(first) == len(second) == 4 and first.isdigit() and second.isdigit()
            and int(second) == int(first) + 1):
        raise ValueError(season)
    days = season_days(season)
    return days[0][0], len(days)


def _place(index: int) -> tuple[str, str, str, str, str, str]:
    """District, company, community, building, unit, flat of point `index` (two a flat)."""
    flat_no = (index - 1) // 2
    rng = random.Random(f"place:{flat_no // 60}")        # one community: 60 flats
    district = rng.choices([d for d, _ in DISTRICTS], [w for _, w in DISTRICTS])[0]
    company = rng.choices([c for c, _, _ in COMPANIES[:6]], [w for _, w, _ in COMPANIES[:6]])[0]
    community = f"合成{flat_no // 60 + 1}小区"
    within = flat_no % 60
    return (district, company, community, str(within // 12 + 1), str(within // 6 % 2 + 1),
            f"{within % 6 + 1}0{(within % 2) + 1}")


def register_points(store: Any, count: int, first_day: date, now: str) -> list[SynthPoint]:
    """Register SYN-000001 … in one transaction; refused when any is there already."""
    points: list[SynthPoint] = []
    with store.db.write() as c:
        there = c.execute("SELECT COUNT(*) FROM monitoring_points WHERE point_id LIKE 'SYN-%'"
                          ).fetchone()[0]
        if there:
            raise AlreadySynthesized(int(there))
        base = int(c.execute("SELECT COALESCE(MAX(point_no), 0) FROM monitoring_points"
                             ).fetchone()[0])
        rows, households = [], {}
        for index in range(1, count + 1):
            district, company, community, building, unit, flat = _place(index)
            key = household_of_parts("长春市", district, "", community, building, unit, flat)
            address = f"长春市{district}{community}{building}栋{unit}单元{flat}室"
            households[key.household_id] = upsert_params(key, district, address)
            bedroom = index % 2 == 1
            pid = point_id(index)
            points.append(SynthPoint(pid, base + index, index, key.household_id, district,
                                     company))
            rows.append((pid, base + index, key.household_id, "长春市", district, community,
                         building, unit, flat, address,
                         "bedroom" if bedroom else "living_room", "卧室" if bedroom else "客厅",
                         company, first_day.isoformat(), "0", MARK, now, now))
        c.executemany(UPSERT, list(households.values()))
        c.insert_rows("monitoring_points", (
            "point_id", "point_no", "household", "city", "district", "community", "building",
            "unit", "flat", "address", "room_kind", "room_name", "company", "installed_on",
            "correction_c", "calibration_ref", "created_at", "updated_at"), rows)
    return points


def _spells(seed: int, first_day: date, days: int) -> list[float]:
    """°C the whole city's flats lose each day to cold spells (shared by all points)."""
    rng = random.Random(f"{seed}:weather")
    drop = [0.0] * days
    for _ in range(max(1, days // 25)):
        start, length, depth = rng.randrange(days), rng.randint(3, 8), rng.uniform(1.0, 3.5)
        for d in range(start, min(days, start + length)):
            ramp = min(d - start + 1, start + length - d, 2) / 2
            drop[d] = max(drop[d], depth * ramp)
    return drop


def readings_of(point: SynthPoint, seed: int, first_day: date, days: int, zone: Any,
                spells: list[float]) -> list[Reading]:
    """The point's readings over `days` days from `first_day` (local), deterministic by seed."""
    rng = random.Random(f"{seed}:{point.index}")
    base = rng.gauss(20.5, 1.6)                 # the flat's heating level; some below 18 °C
    swing = rng.uniform(0.3, 1.2)               # daily cycle amplitude
    exposed = rng.uniform(0.4, 1.3)             # how much a cold spell reaches this flat
    offset = timedelta(minutes=point.index * 7 % 20)
    start = datetime.combine(first_day, time(0), zone).astimezone(UTC) + offset
    n = days * 72
    skip: set[int] = set()
    flat_from, flat_len, codes, spikes = -1, 0, {}, {}
    for d in range(days):
        roll = rng.random()
        k0 = d * 72 + rng.randrange(72)
        if roll < 0.004:                                    # offline all day
            skip.update(range(d * 72, d * 72 + 72))
        elif roll < 0.04:                                   # offline 1-6 hours
            skip.update(range(k0, k0 + rng.randint(3, 18)))
        elif roll < 0.05:                                   # a spike of 1-2 samples
            spikes.update({k0 + j: rng.choice((5.5, 7.0, -6.0)) for j in range(rng.randint(1, 2))})
        elif roll < 0.055:                                  # an error code
            codes[k0] = rng.choice(OUT_OF_RANGE)
        elif roll < 0.058 and flat_from < 0:                # a sensor stuck for 15 hours
            flat_from, flat_len = k0, 45
    out: list[Reading] = []
    stuck = None
    for k in range(n):
        if k in skip:
            continue
        t = start + k * STEP
        hour = ((k % 72) / 3 + offset.seconds / 3600) % 24
        value = (base - exposed * spells[k // 72] + swing * math.sin((hour - 10) * math.pi / 12)
                 + rng.gauss(0, 0.15) + spikes.get(k, 0.0))
        text = codes.get(k) or f"{value:.1f}"
        if flat_from <= k < flat_from + flat_len:
            stuck = stuck or text
            text = stuck
        uploaded = t.replace(minute=0, second=0) + timedelta(hours=1, seconds=rng.randint(5, 300))
        out.append(Reading(t, Decimal(text), uploaded, False))
    return out


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def daily_row(point_no: int, a: DayAggregate, stamp: str) -> tuple:
    """A `monitoring_daily` row written exactly as `aggregates.store_days` writes it."""
    return (point_no, a.day.isoformat(), a.readings, a.valid, _num(a.min_c), _num(a.mean_c),
            _num(a.max_c), a.minutes_below, format(a.coverage, "f"), a.status,
            json.dumps(a.flags, sort_keys=True), a.digest, stamp)


def write_block(target: str, points: list[SynthPoint], seed: int, first_day: date, days: int,
                now: str) -> tuple[int, int]:
    """Readings and daily aggregates of `points` in one transaction; (readings, days)."""
    from inspector_app.office.store import OfficeStore

    store = OfficeStore(target)
    try:
        return _write(store, points, seed, first_day, days, now)
    finally:
        store.close()


def _write(store: Any, points: list[SynthPoint], seed: int, first_day: date, days: int,
           now: str) -> tuple[int, int]:
    wanted = [first_day + timedelta(days=d) for d in range(days)]
    profiles = aggregates.Profiles()
    readings = written_days = 0
    with store.db.write() as c:
        spells = _spells(seed, first_day, days)
        for p in points:
            profile = profiles.of(c, p.district)
            point = aggregates.point_by_id(c, p.point_id)
            series = readings_of(p, seed, first_day, days, profile.zone, spells)
            if c.postgres:
                rows = [(p.point_no, r.t, str(r.value_c), r.received_at, SOURCE_IMPORT)
                        for r in series]
            else:
                rows = [(p.point_no, utc_text(r.t), str(r.value_c), utc_text(r.received_at),
                         SOURCE_IMPORT) for r in series]
            c.insert_rows("monitoring_readings", READING_COLS, rows)
            found = aggregates.days_of_series(point, series, wanted, profile)
            c.insert_rows("monitoring_daily", DAILY_COLS,
                          [daily_row(p.point_no, a, now) for a in found])
            if series:
                c.execute("UPDATE monitoring_points SET last_t=?, last_received_at=?"
                          " WHERE point_no=?", (utc_text(series[-1].t),
                                                utc_text(series[-1].received_at), p.point_no))
            readings += len(series)
            written_days += len(found)
    return readings, written_days


def _blocks(points: list[SynthPoint], size: int) -> Iterator[list[SynthPoint]]:
    for i in range(0, len(points), size):
        yield points[i:i + size]


def synthesize(store: Any, count: int, season: str, *, first_day: date | None = None,
               days: int | None = None, seed: int = 1, workers: int = 2, block: int = BLOCK,
               progress: Callable[[int, int], None] | None = None) -> SynthResult:
    """Register `count` synthetic points and write their season (or `days` from
    `first_day`); `workers` processes on PostgreSQL (SQLite: one), `block` points each a
    transaction."""
    from inspector_app.office.values import now_iso

    start, length = season_range(season)
    first_day = first_day or start
    days = length if days is None else days
    now = now_iso()
    points = register_points(store, count, first_day, now)
    zone = aggregates.Profiles()
    with store.db.reading() as c:
        zones = {zone.of(c, p.district).zone for p in points}
    if store.db.postgres:
        edges = [datetime.combine(first_day + timedelta(days=d), time(0), z)
                 for z in zones for d in (0, days)]
        ensure_partitions(store.db, _months(min(edges), max(edges)))
    total_readings = total_days = done = 0
    blocks = list(_blocks(points, block))
    if not store.db.postgres or workers <= 1:
        for part in blocks:
            r, d = _write(store, part, seed, first_day, days, now)
            total_readings, total_days, done = total_readings + r, total_days + d, done + len(part)
            if progress:
                progress(done, count)
    else:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = [(len(b), pool.submit(write_block, store.target, b, seed, first_day, days,
                                            now)) for b in blocks]
            for size, future in futures:
                r, d = future.result()
                total_readings, total_days, done = total_readings + r, total_days + d, done + size
                if progress:
                    progress(done, count)
    return SynthResult(count, total_readings, total_days)


def _months(low: datetime, high: datetime) -> list[datetime]:
    """One time in every UTC month from `low` to `high`."""
    out, t = [], low.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    while t <= high:
        out.append(t)
        t = (t + timedelta(days=32)).replace(day=1)
    return out
