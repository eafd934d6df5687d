"""The monitoring point registry over HTTP, for supervisors (reading) and admins (changing).

- `GET  /api/v1/points`                      points in point_id order with their state and
                                              latest complete day; filters district, company,
                                              state, household; keyset paging (`after`)
- `GET  /api/v1/points/{point_id}`           one point with its calibration and history
- `PUT  /api/v1/points/{point_id}`           register or update a point (admin)
- `POST /api/v1/points/{point_id}/removal`   the day it was taken down, and why (admin)
- `GET  /api/v1/monitoring/quarantine`       readings the office could not file
- `GET  /api/v1/monitoring/state-counts`     points reporting, silent, flagged, removed

A `supervisor` sees its district only: lists are narrowed to it, another district's point
answers 404 as if absent, and the quarantine shows only readings of points registered in it
(an unknown point's readings belong to no district yet: an admin sees them). States are
computed at the office clock (`app.state.clock`, `office.monitoring.point_listing`).
Refusals are `{error, reason, reason_zh}`; a refused change writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.monitoring import point_listing, points
from inspector_app.office.monitoring.ingest import release_quarantined
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore

router = APIRouter(tags=["monitoring points"], route_class=BoundedJsonRoute)

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
POINT_ID = r"^[A-Za-z0-9._:-]{1,64}$"
PointId = Annotated[str, Path(pattern=POINT_ID, description="the id its collector reports")]
HOUSEHOLD_ID = r"^h[0-9a-f]{20}$"
State = Literal["reporting", "silent", "flagged", "removed"]
Reason = Literal["unknown_point", "point_removed", "implausible_time"]
RoomKind = Literal["bedroom", "living_room", "other", "卧室", "客厅", "起居室", "其他"]
Position = Literal["top", "ground", "end", "overhang", "顶层", "底层", "边户", "悬空"]
Text = Annotated[str, Field(max_length=points.MAX_TEXT, pattern=NO_NUL)]
Name = Annotated[str, Field(min_length=1, max_length=points.MAX_TEXT, pattern=NO_NUL)]
Filter = Annotated[str | None, Query(min_length=1, max_length=points.MAX_TEXT, pattern=NO_NUL)]
NOT_FOUND = "no such point, or another district's (not told apart)"


class PointRequest(BaseModel):
    """A point's registration. `removed_on`, `correction_c`, `calibrated_on` and
    `calibration_ref` left out keep the stored values (a new point: none, 0, none, none)."""

    city: Text = ""
    district: Name
    street: Text = ""
    community: Text = ""
    building: Text = ""
    unit: Text = ""
    flat: Text = ""
    room_kind: RoomKind
    room_name: Text = ""
    position: list[Position] = Field(default_factory=list, max_length=8,
                                     description="top floor, ground floor, end wall, overhang")
    company: Name
    installed_on: date
    removed_on: date | None = None
    correction_c: str | None = Field(None, pattern=r"^-?\d{1,2}(\.\d{1,4})?$",
                                     description="°C added to each reading, -10..10")
    calibrated_on: date | None = None
    calibration_ref: Text | None = None


class RemovalRequest(BaseModel):
    on: date = Field(description="the day it was taken down; later readings are quarantined")
    reason: str = Field("", max_length=2000, pattern=NO_NUL)


def _refused(exc: points.PointRefusal) -> HTTPException:
    return HTTPException(exc.status, detail={"error": exc.code, "reason": exc.message_en,
                                             "reason_zh": exc.message_zh,
                                             "field": exc.field or ""})


def _no_point() -> HTTPException:
    return HTTPException(404, detail={"error": "not_found", "reason": "no such point",
                                      "reason_zh": "没有这个监测点"})


def _admin(who: Supervisor) -> None:
    if not who.sees_all:
        raise HTTPException(403, detail={
            "error": "admin_only", "reason": "only an office admin registers or removes points",
            "reason_zh": "只有办公室管理员可以登记或拆除监测点"})


def _scope(who: Supervisor, district: str | None) -> tuple[bool, str | None]:
    """(whether the caller may see `district`, the district a list is narrowed to: None for
    all, the supervisor's own otherwise)."""
    if who.sees_all:
        return True, district
    if district is not None and district != who.district:
        return False, None
    return True, who.district or ""


@router.get("/api/v1/points", responses=refusals(401, 422),
            response_description="a page of points (`items`, in point_id order) and `next`, "
                                 "the cursor of the next page or null")
def list_points(
    who: SupervisorDep, store: StoreDep, request: Request,
    district: Filter = None, company: Filter = None,
    state: Annotated[State | None, Query(description="only points in this state")] = None,
    household: Annotated[str | None, Query(pattern=HOUSEHOLD_ID)] = None,
    after: Annotated[str | None, Query(pattern=POINT_ID,
                                       description="`next` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=point_listing.MAX_PAGE)] = 50,
) -> dict[str, Any]:
    allowed, scoped = _scope(who, district)
    if not allowed:
        return {"items": [], "next": None}
    filt = point_listing.PointFilter(scoped, company, state, household)
    items, following = point_listing.points_page(store, filt, request.app.state.clock(),
                                                 limit=limit, after=after)
    return {"items": items, "next": following}


@router.get("/api/v1/points/{point_id}", responses=refusals(401, 404, 422, s404=NOT_FOUND),
            response_description="the point as listed, with point_no, calibration, created_at,"
                                 " updated_at and `changes` (the registry's acts on it)")
def point_detail(point_id: PointId, who: SupervisorDep, store: StoreDep,
                 request: Request) -> dict[str, Any]:
    found = point_listing.point_detail(store, point_id, request.app.state.clock())
    if found is None or not who.may_see(found["district"]):
        raise _no_point()
    return found


@router.put("/api/v1/points/{point_id}",
            responses=refusals(400, 401, 403, 413, 422, s403="not an office admin",
                               s422="a field is not valid (`field` names it), or the address "
                                    "names no household"),
            response_description="`outcome` (new, updated, unchanged), `released` (readings "
                                 "taken out of quarantine) and the point")
def put_point(point_id: PointId, req: PointRequest, who: SupervisorDep, store: StoreDep,
              request: Request) -> dict[str, Any]:
    _admin(who)
    raw: dict[str, Any] = {k: v for k, v in req.model_dump().items()
                           if k not in points.KEPT or k in req.model_fields_set}
    raw = {k: v.isoformat() if isinstance(v, date) else v for k, v in raw.items()}
    now = request.app.state.clock()
    try:
        item = points.registration({**raw, "point_id": point_id})
    except points.PointRefusal as exc:
        raise _refused(exc) from exc
    [done] = points.register(store, [item], who.name, now)
    released = release_quarantined(store, [point_id], now) if done.outcome != "unchanged" else 0
    return {"outcome": done.outcome, "released": released,
            "point": point_listing.point_detail(store, point_id, now)}


@router.post("/api/v1/points/{point_id}/removal",
             responses=refusals(400, 401, 403, 404, 413, 422, s403="not an office admin",
                                s404="no such point", s422="the day is before its installation"),
             response_description="`removed` (false: it was already removed on that day) and "
                                  "the point")
def remove_point(point_id: PointId, req: RemovalRequest, who: SupervisorDep, store: StoreDep,
                 request: Request) -> dict[str, Any]:
    _admin(who)
    now = request.app.state.clock()
    try:
        removed = points.remove(store, point_id, req.on, who.name, now, req.reason)
    except points.PointRefusal as exc:
        raise _refused(exc) from exc
    return {"removed": removed, "point": point_listing.point_detail(store, point_id, now)}


@router.get("/api/v1/monitoring/quarantine", responses=refusals(401, 422),
            response_description="a page of quarantined readings by id (`items`: id, point_id, "
                                 "t, value_c, reason, company, source, received_at, "
                                 "released_at) and `next`")
def quarantine(
    who: SupervisorDep, store: StoreDep,
    reason: Annotated[Reason | None, Query(description="only readings kept for this")] = None,
    after: Annotated[int | None, Query(ge=0, le=2**62,
                                       description="`next` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=point_listing.MAX_PAGE)] = 50,
) -> dict[str, Any]:
    district = None if who.sees_all else (who.district or "")
    items, following = point_listing.quarantine_page(store, district, reason, limit, after)
    return {"items": items, "next": following}


@router.get("/api/v1/monitoring/state-counts", responses=refusals(401, 422),
            response_description="how many points are reporting, silent, flagged, removed")
def state_counts(who: SupervisorDep, store: StoreDep, request: Request,
                 district: Filter = None, company: Filter = None) -> dict[str, int]:
    allowed, scoped = _scope(who, district)
    if not allowed:
        return dict.fromkeys(point_listing.STATES, 0)
    return point_listing.state_counts(store, point_listing.PointFilter(scoped, company),
                                      request.app.state.clock())
