"""A household's season on one chart: its points' days beside its in-home tests.

The chart a supervisor weighs a complaint on: each monitoring point of the household (and of
the households merged into it) with its stored days of the season (`aggregates.daily_rows`,
the point's pending days recomputed first, so nothing stale is drawn), and the household's test
records of the season with the lowest room mean each sealed in its envelope (the room means
are read from the exact stored bytes, as a case's evidence is), so the two sources can be
compared day by day against the district's standard.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.core.decimal_math import dec
from inspector_app.core.season import season_bounds
from inspector_app.office.auth import Supervisor
from inspector_app.office.case_groups import parse_time
from inspector_app.office.db import Tx
from inspector_app.office.households import canonical, members
from inspector_app.office.monitoring.aggregates import (
    Profiles,
    daily_rows,
    points_of_household,
    refresh_points,
)


def household_season(store: Any, household: str, season: str, who: Supervisor
                     ) -> dict[str, Any] | None:
    """The chart data of `household` over `season`; None when the household is unknown or of
    another district (not told apart). ValueError for a malformed season."""
    first, after = (date.fromisoformat(d) for d in season_bounds(season))
    last = after - timedelta(days=1)
    profiles = Profiles()
    with store.db.write() as c:
        home = canonical(c, household)
        group = members(c, home)
        points = points_of_household(c, group)
        district = _district(c, home, [p.district for p in points])
        if district is None or not who.may_see(district):
            return None
        refresh_points(c, [p.point_no for p in points], profiles)
        profile = profiles.of(c, district)
        positions = dict(c.execute(
            "SELECT point_id, position FROM monitoring_points WHERE household IN"
            f" ({', '.join('?' * len(group))})", group).fetchall())
        return {
            "household": home, "season": season, "standard_c": format(profile.min_temp_c, "f"),
            "from": first.isoformat(), "to": last.isoformat(),
            "points": [{"point_id": p.point_id, "room_kind": p.room_kind,
                        "room_name": p.room_name,
                        "position": [x for x in positions[p.point_id].split(",") if x],
                        "installed_on": p.installed_on.isoformat(),
                        "removed_on": p.removed_on.isoformat() if p.removed_on else None,
                        "days": daily_rows(c, p, first, last)} for p in points],
            "tests": _tests(c, group, first, after, profile.zone)}


def _district(c: Tx, home: str, of_points: list[str]) -> str | None:
    row = c.execute("SELECT district FROM households WHERE household_id=?", (home,)).fetchone()
    if row is not None and row[0]:
        return str(row[0])
    return of_points[0] if of_points else None


def _tests(c: Tx, group: list[str], first: date, after: date, zone: Any
           ) -> list[dict[str, Any]]:
    """The group's real test records of the season, oldest first, with the lowest room mean
    of each as sealed."""
    out = []
    for ref, test_at, verdict, envelope in c.execute(
            "SELECT ref, test_at, verdict, envelope FROM records WHERE household IN"
            f" ({', '.join('?' * len(group))}) AND test_at >= ? AND test_at < ?"
            " AND training=0 AND synthetic=0 ORDER BY test_at, ref",
            [*group, first.isoformat(), after.isoformat()]):
        moment = parse_time(test_at)
        lowest = _lowest_mean(envelope)
        out.append({"ref": ref, "test_at": test_at,
                    "day": moment.astimezone(zone).date().isoformat() if moment else None,
                    "lowest_c": None if lowest is None else format(lowest, "f"),
                    "verdict": verdict or ""})
    return out


def _lowest_mean(envelope: bytes | str | None) -> Decimal | None:
    """The lowest room mean of a stored envelope's result, None when it holds none."""
    try:
        raw = envelope.encode() if isinstance(envelope, str) else bytes(envelope or b"")
        rooms = ((json.loads(raw.decode("utf-8")).get("record") or {}).get("result")
                 or {}).get("rooms") or ()
    except (ValueError, UnicodeDecodeError, AttributeError):
        return None
    means = []
    for room in rooms:
        if not isinstance(room, dict) or room.get("mean") in (None, True, False):
            continue
        try:
            value = dec(room["mean"])
        except (InvalidOperation, ValueError, TypeError):
            continue
        if value.is_finite():
            means.append(value)
    return min(means) if means else None
