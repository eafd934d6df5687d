"""Daily aggregates per point, kept current as readings arrive, and a point's flagged series.

Ingestion marks the point-days a reading can change (`monitoring_dirty`); `refresh` recomputes
them from the raw readings (`core.monitoring_quality` flags, `core.monitoring_day` aggregates)
and stores one `monitoring_daily` row each, so a season's chart or a household's compliance
reads at most ~170 rows a point instead of ~12,000 readings. Reads that must be exact (a
point's days, a ruling's evidence) first refresh that point's own dirty days (`refresh_points`),
so a stale aggregate is never shown as current. Several office processes can refresh at once:
PostgreSQL hands each its own dirty rows (`FOR UPDATE SKIP LOCKED`).

Each point is judged under the rules of its district (the profile its latest test record
names, else the default profile): the standard, the rounding and the `[monitoring]` thresholds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.monitoring_day import (
    DayAggregate,
    aggregate_day,
    context_window,
    utc_text,
)
from inspector_app.core.monitoring_quality import Reading, flag_series, gaps
from inspector_app.core.profile import DEFAULT_PROFILE, Profile, load_profile
from inspector_app.office.db import Tx
from inspector_app.office.values import now_iso

BATCH = 2000          # dirty point-days a transaction takes
DAILY_COLS = ("day", "readings", "valid", "min_c", "mean_c", "max_c", "minutes_below",
              "coverage", "status", "flags", "digest")


@dataclass(frozen=True)
class Point:
    point_id: str
    point_no: int
    household: str
    district: str
    company: str
    room_kind: str
    room_name: str
    installed_on: date
    removed_on: date | None
    correction_c: Decimal


POINT_COLS = ("point_id", "point_no", "household", "district", "company", "room_kind",
              "room_name", "installed_on", "removed_on", "correction_c")


def _point(row: Sequence[Any]) -> Point:
    d = dict(zip(POINT_COLS, row, strict=True))
    return Point(d["point_id"], int(d["point_no"]), d["household"], d["district"], d["company"],
                 d["room_kind"], d["room_name"], date.fromisoformat(d["installed_on"]),
                 date.fromisoformat(d["removed_on"]) if d["removed_on"] else None,
                 Decimal(d["correction_c"] or "0"))


def point_by_id(c: Tx, point_id: str) -> Point | None:
    row = c.execute(f"SELECT {', '.join(POINT_COLS)} FROM monitoring_points WHERE point_id=?",
                    (point_id,)).fetchone()
    return None if row is None else _point(row)


def points_of_household(c: Tx, households: Iterable[str]) -> list[Point]:
    ids = sorted(set(households))
    if not ids:
        return []
    rows = c.execute(f"SELECT {', '.join(POINT_COLS)} FROM monitoring_points WHERE household IN"
                     f" ({', '.join('?' * len(ids))}) ORDER BY point_id", ids).fetchall()
    return [_point(r) for r in rows]


class Profiles:
    """The profile each district works under, looked up once per district."""

    def __init__(self) -> None:
        self._by_district: dict[str, Profile] = {}

    def of(self, c: Tx, district: str) -> Profile:
        if district not in self._by_district:
            row = c.execute("SELECT profile_name FROM records WHERE district=? AND"
                            " profile_name<>'' AND training=0 AND synthetic=0"
                            " ORDER BY test_at DESC, ref DESC LIMIT 1", (district,)).fetchone()
            try:
                profile = load_profile(str(row[0])) if row else load_profile(DEFAULT_PROFILE)
            except InspectionError:
                profile = load_profile(DEFAULT_PROFILE)
            self._by_district[district] = profile
        return self._by_district[district]


def _db_time(c: Tx, t: datetime) -> datetime | str:
    return t if c.postgres else utc_text(t)


def _utc(t: datetime | str) -> datetime:
    if isinstance(t, datetime):
        return t.astimezone(UTC)
    return datetime.fromisoformat(t.replace("Z", "+00:00"))


def load_series(c: Tx, point: Point, start: datetime, end: datetime) -> list[Reading]:
    """The point's readings in [start, end), in time order, each marked when another value
    came for its time."""
    rows = c.execute("SELECT t, value_c, received_at FROM monitoring_readings WHERE point_no=?"
                     " AND t >= ? AND t < ? ORDER BY t",
                     (point.point_no, _db_time(c, start), _db_time(c, end))).fetchall()
    clashes = {t for (t,) in c.execute(
        "SELECT DISTINCT t FROM monitoring_conflicts WHERE point_no=? AND t >= ? AND t < ?",
        (point.point_no, utc_text(start), utc_text(end)))}
    out = []
    for t, value, received in rows:
        when = _utc(t)
        out.append(Reading(when, Decimal(str(value)), _utc(received),
                           utc_text(when) in clashes))
    return out


def installed_from(point: Point, profile: Profile) -> datetime:
    return datetime.combine(point.installed_on, time(0), profile.zone)


def compute_days(c: Tx, point: Point, days: Iterable[date], profile: Profile
                 ) -> list[DayAggregate]:
    """The aggregates of `days` of `point`, from one read of their readings and context."""
    wanted = sorted(set(days))
    if not wanted:
        return []
    rule, zone = profile.monitoring, profile.zone
    start = context_window(wanted[0], zone, rule)[0]
    end = context_window(wanted[-1], zone, rule)[1]
    series = load_series(c, point, start, end)
    flags = flag_series(series, rule, installed_from(point, profile))
    return [aggregate_day(point.point_id, d, zone, series, flags, rule, profile.min_temp_c,
                          correction_c=point.correction_c, decimals=profile.display_decimals,
                          rounding=profile.rounding) for d in wanted]


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def store_days(c: Tx, point: Point, aggregates: Sequence[DayAggregate]) -> None:
    stamp = now_iso()
    c.executemany(
        "INSERT INTO monitoring_daily (point_no, day, readings, valid, min_c, mean_c, max_c,"
        " minutes_below, coverage, status, flags, digest, computed_at) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (point_no, day) DO UPDATE SET"
        " readings=excluded.readings, valid=excluded.valid, min_c=excluded.min_c,"
        " mean_c=excluded.mean_c, max_c=excluded.max_c, minutes_below=excluded.minutes_below,"
        " coverage=excluded.coverage, status=excluded.status, flags=excluded.flags,"
        " digest=excluded.digest, computed_at=excluded.computed_at",
        [(point.point_no, a.day.isoformat(), a.readings, a.valid, _num(a.min_c),
          _num(a.mean_c), _num(a.max_c), a.minutes_below, format(a.coverage, "f"), a.status,
          json.dumps(a.flags, sort_keys=True), a.digest, stamp) for a in aggregates])


def refresh(store: Any, batch: int = BATCH, rounds: int | None = None) -> int:
    """Recompute dirty point-days until none is left (or `rounds` transactions); the number
    of point-days recomputed."""
    done, profiles, n = 0, Profiles(), 0
    while rounds is None or n < rounds:
        n += 1
        with store.db.write() as c:
            lock = " FOR UPDATE SKIP LOCKED" if c.postgres else ""
            rows = c.execute("SELECT point_no, day FROM monitoring_dirty ORDER BY point_no, day"
                             f" LIMIT ?{lock}", (batch,)).fetchall()
            if not rows:
                break
            _recompute(c, rows, profiles)
        done += len(rows)
    return done


def refresh_points(c: Tx, point_nos: Iterable[int], profiles: Profiles | None = None) -> int:
    """Recompute the dirty days of these points inside the caller's write transaction."""
    nos = sorted(set(point_nos))
    if not nos:
        return 0
    rows = c.execute("SELECT point_no, day FROM monitoring_dirty WHERE point_no IN"
                     f" ({', '.join('?' * len(nos))}) ORDER BY point_no, day", nos).fetchall()
    if rows:
        _recompute(c, rows, profiles or Profiles())
    return len(rows)


def _recompute(c: Tx, rows: Sequence[Sequence[Any]], profiles: Profiles) -> None:
    by_point: dict[int, list[date]] = {}
    for no, day in rows:
        by_point.setdefault(int(no), []).append(date.fromisoformat(day))
    for no, days in by_point.items():
        row = c.execute(f"SELECT {', '.join(POINT_COLS)} FROM monitoring_points"
                        " WHERE point_no=?", (no,)).fetchone()
        if row is not None:
            point = _point(row)
            store_days(c, point, compute_days(c, point, days,
                                              profiles.of(c, point.district)))
        c.executemany("DELETE FROM monitoring_dirty WHERE point_no=? AND day=?",
                      [(no, d.isoformat()) for d in days])


def daily_rows(c: Tx, point: Point, start: date, end: date) -> list[dict[str, Any]]:
    """The stored aggregates of `point` for the days start..end (inclusive), as JSON."""
    rows = c.execute(f"SELECT {', '.join(DAILY_COLS)} FROM monitoring_daily WHERE point_no=?"
                     " AND day >= ? AND day <= ? ORDER BY day",
                     (point.point_no, start.isoformat(), end.isoformat())).fetchall()
    out = []
    for r in rows:
        d = dict(zip(DAILY_COLS, r, strict=True))
        d["flags"] = json.loads(d["flags"])
        out.append(d)
    return out


def flagged_series(c: Tx, point: Point, start: datetime, end: datetime, profile: Profile
                   ) -> dict[str, Any]:
    """The raw readings of [start, end) with their flags, and the gaps, as JSON."""
    rule = profile.monitoring
    margin = timedelta(minutes=max(rule.flat_minutes, rule.gap_minutes) + 60)
    series = load_series(c, point, start - margin, end + margin)
    flags = flag_series(series, rule, installed_from(point, profile))
    valid = [r.t for r, f in zip(series, flags, strict=True) if not f]
    conflicts = c.execute("SELECT t, value_c, received_at FROM monitoring_conflicts"
                          " WHERE point_no=? AND t >= ? AND t < ? ORDER BY t, id",
                          (point.point_no, utc_text(start), utc_text(end))).fetchall()
    return {
        "point_id": point.point_id,
        "items": [{"t": utc_text(r.t), "value_c": format(r.value_c, "f"),
                   "received_at": utc_text(r.received_at) if r.received_at else None,
                   "flags": sorted(f)}
                  for r, f in zip(series, flags, strict=True) if start <= r.t < end],
        "conflicts": [{"t": t, "value_c": v, "received_at": rec} for t, v, rec in conflicts],
        "gaps": [{"from": utc_text(max(a, start)), "to": utc_text(min(b, end))}
                 for a, b in gaps(valid, rule, None if valid and valid[0] <= start else start,
                                  None if valid and valid[-1] >= end else end)
                 if a < end and b > start],
    }
