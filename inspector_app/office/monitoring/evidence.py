"""Monitoring data cited by a ruling on a household's case, and the check that it still stands.

A ruling that counts monitoring days (`use_monitoring`) cites, per point it used, the days and
the SHA-256 of every valid reading of those days (`core.monitoring_day.readings_digest`:
'point_id TAB UTC time TAB value as sent' lines in time order). The digest is recomputed here
from the raw readings when the ruling is issued, never copied from the daily aggregates, so it
names the readings themselves; and `GET /api/v1/rulings/{no}/monitoring-check` recomputes it
from the readings stored now, under the ruling's profile, so anyone can see whether the data a
ruling rests on were changed afterwards (a reading altered, added or flagged differently).

Which readings are valid follows the aggregates exactly (`aggregates.compute_days`): the
readings from the first day's context window to the last day's are flagged together, and the
unflagged ones whose time falls on a day used are hashed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from inspector_app.core.case_rule import CaseRuling
from inspector_app.core.errors import InspectionError
from inspector_app.core.monitoring_day import context_window, readings_digest
from inspector_app.core.monitoring_quality import flag_series
from inspector_app.core.profile import Profile, load_profile
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.db import Tx
from inspector_app.office.errors import refusals
from inspector_app.office.monitoring.aggregates import (
    Point,
    installed_from,
    load_series,
    point_by_id,
)
from inspector_app.office.rulings import get, not_found, refuse
from inspector_app.office.store import OfficeStore

router = APIRouter(tags=["rulings"], route_class=BoundedJsonRoute)


def valid_readings(c: Tx, point: Point, days: Iterable[date], profile: Profile
                   ) -> list[tuple[datetime, Decimal]]:
    """(time, value as stored) of every valid reading of `point` on `days` (local days)."""
    wanted = sorted(set(days))
    if not wanted:
        return []
    rule, zone = profile.monitoring, profile.zone
    series = load_series(c, point, context_window(wanted[0], zone, rule)[0],
                         context_window(wanted[-1], zone, rule)[1])
    flags = flag_series(series, rule, installed_from(point, profile))
    used = set(wanted)
    return [(r.t, r.value_c) for r, f in zip(series, flags, strict=True)
            if not f and r.t.astimezone(zone).date() in used]


def days_digest(c: Tx, point: Point, days: Iterable[date], profile: Profile) -> str:
    return readings_digest(point.point_id, valid_readings(c, point, days, profile))


def cite_digests(c: Tx, ruling: CaseRuling, profile: Profile) -> CaseRuling:
    """The ruling with each cited point's digest of the readings of the days it used."""
    cited = []
    for entry in ruling.monitoring:
        point = point_by_id(c, entry["point_id"])
        days = [date.fromisoformat(d) for d in entry["days"]]
        digest = days_digest(c, point, days, profile) if point is not None else ""
        cited.append({**entry, "digest": digest})
    return replace(ruling, monitoring=tuple(cited))


def check(c: Tx, ruling: dict[str, Any], profile: Profile) -> dict[str, Any]:
    """Each cited point's digest recomputed from the readings stored now."""
    points = []
    for entry in ruling.get("monitoring") or ():
        point = point_by_id(c, str(entry["point_id"]))
        days = [date.fromisoformat(d) for d in entry["days"]]
        now = days_digest(c, point, days, profile) if point is not None else None
        points.append({"point_id": entry["point_id"],
                       "period": {"first": entry["first"], "last": entry["last"]},
                       "days": len(days), "digest_cited": entry["digest"], "digest_now": now,
                       "ok": now == entry["digest"]})
    return {"ok": all(p["ok"] for p in points), "points": points}


@router.get("/api/v1/rulings/{ruling_no}/monitoring-check",
            response_description="`ok`: every cited point's readings hash as cited; `points`: "
                                 "per point cited, its period, days, the digest cited and the "
                                 "digest of the readings stored now (none cited: ok, no points)",
            responses=refusals(401, 404, 422, s404="no such ruling, or another district's",
                               s422="the ruling's rules are no longer available "
                                    "(`cannot_check`)"))
def monitoring_check(ruling_no: Annotated[str, Path(description="the ruling's number, e.g. "
                                                                "2026-2027-000001")],
                     who: Annotated[Supervisor, Depends(require_supervisor)],
                     store: Annotated[OfficeStore, Depends(office_store)]) -> dict[str, Any]:
    """Whether the monitoring readings a ruling cites are still the ones stored."""
    found = get(store, ruling_no)
    if found is None or not who.may_see(found["district"]):
        raise not_found("没有这份裁定", "no such ruling")
    ruling = found["ruling"]
    cited = ruling.get("monitoring") or []
    if not cited:
        return {"ruling_no": ruling_no, "ok": True, "points": []}
    try:
        profile = load_profile(str(ruling["profile_name"]))
    except (InspectionError, OSError, ValueError) as exc:
        raise refuse(422, "cannot_check", "裁定所用的地区规则已不可用，无法重新计算监测数据摘要",
                     "the rules this ruling used are no longer available: the monitoring "
                     "digests cannot be recomputed") from exc
    with store.db.reading() as c:
        return {"ruling_no": ruling_no, **check(c, ruling, profile)}
