"""What the supervisors see of the registry: points with their state, counts, the quarantine.

A point's state, by the office clock (`now`) and the district's day (`ZONE`):
- `removed`: `removed_on` is set and not after today;
- `silent`: no reading received in the last two hours (`SILENT_AFTER`), or none ever;
- `flagged`: reporting, but its latest complete day (`monitoring_daily`, a day before today:
  today's row is partial and would read `insufficient` all day) has a quality flag or is
  `insufficient` (the aggregator stores only flags with a count, so flags other than `{}`);
- `reporting`: the rest.

Why the state is a predicate, not a column: `silent` moves with the clock and `flagged` with
the aggregator, and neither should rewrite 290,000 rows. The first two test columns of the
point's own row; `flagged` costs one backward probe of `monitoring_daily`'s primary key
(point_no, day) per point still reporting, made only when the CASE reaches it (both backends
evaluate a correlated subquery lazily). The query plans, chosen for 290,000 points:
- a page is a keyset walk in point_id order that stops after `limit + 1` matches: the primary
  key for the whole office, `monitoring_points_district_point` (district, point_id) for a
  district (without it PostgreSQL read and sorted the whole district: 600 ms for a page of
  flagged points, 30 ms with it); a rare state costs probes up to where its page fills;
- the counts are one pass over the points asked for, a probe each for those reporting: about
  0.6 s a district of 14,500 and 3 s the whole office on a loaded two-core machine (a hash
  join of yesterday's days measured no better); JIT is off for these reads (compiling cost
  more than the query). Measured in benchmarks/README.md ("Monitoring point states").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from inspector_app.office.db import Tx
from inspector_app.office.households import members
from inspector_app.office.monitoring.ingest import ZONE
from inspector_app.office.monitoring.points import POSITIONS, changes
from inspector_app.office.values import utc_iso

STATES = ("reporting", "silent", "flagged", "removed")
SILENT_AFTER = timedelta(hours=2)
MAX_PAGE = 500
REASONS = ("unknown_point", "point_removed", "implausible_time")
ITEM_COLS = ("point_id", "household", "address", "city", "district", "community", "building",
             "unit", "flat", "room_kind", "room_name", "position", "company", "installed_on",
             "removed_on", "last_t", "last_received_at")
CALIBRATION = ("correction_c", "calibrated_on", "calibration_ref")
QUARANTINE_COLS = ("id", "point_id", "t", "value_c", "reason", "company", "source",
                   "received_at", "released_at")

_LATEST_FLAGGED = ("COALESCE((SELECT CASE WHEN d.status = 'insufficient' OR d.flags <> '{}'"
                   " THEN 1 ELSE 0 END FROM monitoring_daily d WHERE d.point_no = p.point_no"
                   " AND d.day < ? ORDER BY d.day DESC LIMIT 1), 0) = 1")
_REMOVED = "(p.removed_on IS NOT NULL AND p.removed_on <= ?)"
_SILENT = "(p.last_received_at IS NULL OR p.last_received_at < ?)"


@contextmanager
def _reading(store: Any) -> Iterator[Tx]:
    """A read; on PostgreSQL without JIT: the per-point subquery makes the planner's cost of a
    district's states high enough to compile them, and compiling took longer (1.5–2 s at
    290,000 points) than running the query."""
    with store.db.reading() as c:
        if c.postgres:
            c.execute("SET LOCAL jit = off")
        yield c


@dataclass(frozen=True)
class Clock:
    """Today (the district's day) and the silence cutoff, from the office clock."""

    today: str
    cutoff: str

    @staticmethod
    def at(now: datetime) -> Clock:
        return Clock(now.astimezone(ZONE).date().isoformat(), utc_iso(now - SILENT_AFTER))


def state_case(clock: Clock) -> tuple[str, list[str]]:
    """The SQL expression of a point's state (alias `p`) and its parameters."""
    return (f"CASE WHEN {_REMOVED} THEN 'removed' WHEN {_SILENT} THEN 'silent'"
            f" WHEN {_LATEST_FLAGGED} THEN 'flagged' ELSE 'reporting' END",
            [clock.today, clock.cutoff, clock.today])


def state_where(state: str, clock: Clock) -> tuple[str, list[str]]:
    """A predicate for one state, written so the cheap tests on the point's row come first."""
    if state == "removed":
        return _REMOVED, [clock.today]
    live, params = f"NOT {_REMOVED}", [clock.today]
    if state == "silent":
        return f"{live} AND {_SILENT}", [*params, clock.cutoff]
    flagged = _LATEST_FLAGGED if state == "flagged" else f"NOT {_LATEST_FLAGGED}"
    return f"{live} AND NOT {_SILENT} AND {flagged}", [*params, clock.cutoff, clock.today]


@dataclass(frozen=True)
class PointFilter:
    district: str | None = None
    company: str | None = None
    state: str | None = None
    household: str | None = None

    def where(self, c: Tx, clock: Clock) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for name in ("district", "company"):
            value = getattr(self, name)
            if value is not None:
                clauses.append(f"p.{name} = ?")
                params.append(value)
        if self.household is not None:
            homes = members(c, self.household)
            clauses.append(f"p.household IN ({', '.join('?' * len(homes))})")
            params += homes
        if self.state is not None:
            sql, args = state_where(self.state, clock)
            clauses.append(sql)
            params += args
        return clauses, params


def points_page(store: Any, filt: PointFilter, now: datetime, limit: int = 50,
                after: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """A page of points in point_id order: (items, the next page's cursor or None)."""
    clock = Clock.at(now)
    with _reading(store) as c:
        clauses, params = filt.where(c, clock)
        if after is not None:
            clauses.append("p.point_id > ?")
            params.append(after)
        rows = _items(c, clock, clauses, params, "ORDER BY p.point_id LIMIT ?", limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1]["point_id"] if more else None


def point_detail(store: Any, point_id: str, now: datetime) -> dict[str, Any] | None:
    """One point as listed, with its calibration, point_no, times and registry history."""
    clock = Clock.at(now)
    with _reading(store) as c:
        rows = _items(c, clock, ["p.point_id = ?"], [point_id], "", None,
                      extra=("point_no", *CALIBRATION, "created_at", "updated_at"))
        if not rows:
            return None
        rows[0]["changes"] = changes(c, point_id)
    return rows[0]


def _items(c: Tx, clock: Clock, clauses: list[str], params: list[Any], tail: str,
           limit: int | None, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    state, state_params = state_case(clock)
    cols = (*ITEM_COLS, *extra)
    sql = (f"SELECT p.point_no, {', '.join('p.' + k for k in cols)}, {state} FROM"
           f" monitoring_points p WHERE {' AND '.join(clauses) or '1=1'} {tail}")
    found = c.execute(sql, [*state_params, *params, *([limit] if limit is not None else [])]
                      ).fetchall()
    items, by_no = [], {}
    for row in found:
        item = dict(zip(cols, row[1:-1], strict=True))
        item["position"] = [p for p in item["position"].split(",") if p in POSITIONS]
        item["state"] = row[-1]
        item["latest_day"] = None
        by_no[int(row[0])] = item
        items.append(item)
    for no, day in _latest_days(c, list(by_no), clock.today).items():
        by_no[no]["latest_day"] = day
    return items


def _latest_days(c: Tx, point_nos: list[int], today: str) -> dict[int, dict[str, Any]]:
    """Each point's latest complete day: one primary-key probe a point."""
    if not point_nos:
        return {}
    rows = c.execute(
        "SELECT d.point_no, d.day, d.status, d.mean_c, d.coverage, d.flags FROM"
        " monitoring_points p JOIN monitoring_daily d ON d.point_no = p.point_no AND d.day ="
        " (SELECT MAX(e.day) FROM monitoring_daily e WHERE e.point_no = p.point_no"
        " AND e.day < ?)"
        f" WHERE p.point_no IN ({', '.join('?' * len(point_nos))})", [today, *point_nos])
    return {int(no): {"day": day, "status": status, "mean_c": mean, "coverage": coverage,
                      "flags": json.loads(flags)}
            for no, day, status, mean, coverage, flags in rows}


def state_counts(store: Any, filt: PointFilter, now: datetime) -> dict[str, int]:
    """How many points are in each state (`filt.state` is ignored): one pass."""
    clock = Clock.at(now)
    state, state_params = state_case(clock)
    with _reading(store) as c:
        clauses, params = PointFilter(filt.district, filt.company, None,
                                      filt.household).where(c, clock)
        rows = c.execute(f"SELECT s, COUNT(*) FROM (SELECT {state} AS s FROM monitoring_points p"
                         f" WHERE {' AND '.join(clauses) or '1=1'}) AS states GROUP BY s",
                         [*state_params, *params]).fetchall()
    counts = dict.fromkeys(STATES, 0)
    counts.update({s: int(n) for s, n in rows})
    return counts


def quarantine_page(store: Any, district: str | None, reason: str | None, limit: int = 50,
                    after: int | None = None) -> tuple[list[dict[str, Any]], int | None]:
    """Quarantined readings by id (released ones too, with `released_at`); `district`: only
    those whose point is registered there (a supervisor's view), None: all."""
    clauses: list[str] = []
    params: list[Any] = []
    join = ""
    if district is not None:
        join = " JOIN monitoring_points p ON p.point_id = q.point_id"
        clauses.append("p.district = ?")
        params.append(district)
    if reason is not None:
        clauses.append("q.reason = ?")
        params.append(reason)
    if after is not None:
        clauses.append("q.id > ?")
        params.append(after)
    with store.db.reading() as c:
        rows = c.execute(f"SELECT {', '.join('q.' + k for k in QUARANTINE_COLS)} FROM"
                         f" monitoring_quarantine q{join} WHERE {' AND '.join(clauses) or '1=1'}"
                         " ORDER BY q.id LIMIT ?", [*params, limit + 1]).fetchall()
    items = [dict(zip(QUARANTINE_COLS, r, strict=True)) for r in rows[:limit]]
    for item in items:
        item["id"] = int(item["id"])
    return items, items[-1]["id"] if len(rows) > limit else None
