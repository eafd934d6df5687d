"""Company events at the office over HTTP: heating stops, heating periods, penalty notices.

- `POST /api/v1/company-stops`, `GET /api/v1/company-stops`,
  `POST /api/v1/company-stops/{stop_id}/withdraw` (`office.company_stops`)
- `POST /api/v1/heating-periods`, `GET /api/v1/heating-periods`,
  `GET|PATCH /api/v1/heating-periods/{period_id}` (the actual start and end of heating),
  `POST /api/v1/heating-periods/{period_id}/penalty-notices` (a numbered draft),
  `GET /api/v1/penalty-notices/{notice_no}` and `.../pdf?lang=zh|en` (`office.heating_periods`)

District-scoped like records: a supervisor enters and sees only the district's events (another
district's is refused with 403 `other_district` when named in a body, and answered as absent
by its id); an admin sees all. Refusals are `{error, reason, reason_zh}` and change nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from inspector_app.core.penalty import KINDS
from inspector_app.office import company_stops, heating_periods
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.event_refusal import EventRefused
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore
from inspector_app.slip.content import SlipError

router = APIRouter(tags=["company events"], route_class=BoundedJsonRoute)
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
StoreDep = Annotated[OfficeStore, Depends(office_store)]
SEASONS = tuple(f"{year}-{year + 1}" for year in range(2000, 2100))   # as /companies/stats
Season = Literal[SEASONS]  # type: ignore[valid-type]
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL)]
StopId = Annotated[str, PathParam(pattern=r"^\d{4}-\d{4}-S\d{4,}$", max_length=40)]
PeriodId = Annotated[str, PathParam(pattern=r"^\d{4}-\d{4}-H\d{4,}$", max_length=40)]
NoticeNo = Annotated[str, PathParam(pattern=r"^\d{4}-\d{4}-P\d{4,}$", max_length=40)]
Time = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL,
                            description="RFC 3339 with its zone, e.g. 2025-12-03T08:00:00+08:00;"
                                        " not in the future")]
NOT_FOUND = "no such stop, period or notice, or another district's (not told apart)"


class StopScope(BaseModel):
    communities: list[Name] = Field(default_factory=list, max_length=500)
    buildings: list[tuple[Name, Name]] = Field(
        default_factory=list, max_length=2000, description="[community, building] pairs")


class StopRequest(BaseModel):
    company: Name
    district: Name
    scope: StopScope = Field(default_factory=StopScope,
                             description="communities and buildings reached; empty: the whole "
                                         "district of the company")
    start_at: Time
    end_at: Time
    cause: str = Field(min_length=1, max_length=1000, pattern=NO_NUL)
    evidence: str = Field("", max_length=4000, pattern=NO_NUL)


class ReasonRequest(BaseModel):
    reason: str = Field(min_length=1, max_length=1000, pattern=NO_NUL)


class PeriodRequest(BaseModel):
    season: Season
    company: Name
    district: Name
    area: str = Field(min_length=1, max_length=500, pattern=NO_NUL,
                      description="the area heated, in words (or a community)")
    heated_area_m2: str = Field(max_length=40, description="m², e.g. 12000")
    fee_per_m2: str = Field(max_length=40,
                            description="the season's heat fee per m², yuan, e.g. 27")
    announced_start: date
    announced_end: date


class ActualRequest(BaseModel):
    actual_start: date | None = None
    actual_end: date | None = None


class NoticeRequest(BaseModel):
    """The rules are not chosen here: the range is the `[penalty]` section of the profile of
    the district's latest stored record. Unknown fields are refused (a `profile` sent by an
    older client would otherwise be ignored without a word)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal[KINDS]  # type: ignore[valid-type]
    multiple: str = Field(max_length=40, description="e.g. 3 or 2.5: within the range of the "
                          "district's rules (the profile of its latest stored record; "
                          "Changchun 2 to 10)")
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)


def _refused(exc: EventRefused) -> HTTPException:
    return HTTPException(exc.status, detail=exc.body())


def _may_enter(who: Supervisor, district: str) -> None:
    if not who.may_see(district.strip()):
        raise HTTPException(403, detail={
            "error": "other_district", "reason": f"a supervisor of {who.district} cannot enter "
            f"events of {district}", "reason_zh": f"{who.district}的审核员不能登记{district}的事件"})


def _scoped(who: Supervisor, district: str | None) -> tuple[str | None, bool]:
    """The district a list is narrowed to, and whether it can hold anything at all."""
    if who.sees_all:
        return district, True
    return who.district, district is None or district == who.district


def _visible(who: Supervisor, found: dict[str, Any] | None, what: EventRefused) -> dict[str, Any]:
    if found is None or not who.may_see(found["district"]):
        raise _refused(what)
    return found


@router.post("/api/v1/company-stops", status_code=201, responses=refusals(
    400, 401, 403, 409, 413, 422, s403="a district the supervisor does not review "
    "(`other_district`)", s409="overlaps a stop of the company already entered, in time and "
    "scope (`overlapping_stop`, naming it)", s422="ends before it starts, a time without its "
    "zone or in the future, or a bad field"))
def enter_stop(req: StopRequest, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    _may_enter(who, req.district)
    try:
        return company_stops.add_stop(
            store, company=req.company, district=req.district,
            scope=req.scope.model_dump(), start_at=req.start_at, end_at=req.end_at,
            cause=req.cause, evidence=req.evidence, by=who.name)
    except EventRefused as exc:
        raise _refused(exc) from exc


@router.get("/api/v1/company-stops", responses=refusals(401, 422))
def list_stops(who: SupervisorDep, store: StoreDep,
               company: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
               district: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
               season: Season | None = None,
               in_force: Annotated[bool, Query(description="leave out withdrawn stops")] = False,
               ) -> dict[str, Any]:
    """Stops by start time: a supervisor's district only."""
    district, any_at_all = _scoped(who, district)
    items = company_stops.list_stops(store, company=company, district=district, season=season,
                                     in_force_only=in_force) if any_at_all else []
    return {"items": items}


@router.post("/api/v1/company-stops/{stop_id}/withdraw", responses=refusals(
    400, 401, 404, 409, 413, 422, s404=NOT_FOUND, s409="withdrawn already "
    "(`already_withdrawn`)"))
def withdraw_stop(stop_id: StopId, req: ReasonRequest, who: SupervisorDep,
                  store: StoreDep) -> dict[str, Any]:
    _visible(who, company_stops.get_stop(store, stop_id), company_stops.no_such_stop(stop_id))
    try:
        return company_stops.withdraw_stop(store, stop_id, req.reason, by=who.name)
    except EventRefused as exc:
        raise _refused(exc) from exc


@router.post("/api/v1/heating-periods", status_code=201, responses=refusals(
    400, 401, 403, 409, 413, 422, s403="a district the supervisor does not review "
    "(`other_district`)", s409="the company already has a period for this area and season "
    "(`period_exists`)", s422="days outside the season, an end before the start, a bad field"))
def enter_period(req: PeriodRequest, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    _may_enter(who, req.district)
    try:
        return heating_periods.add_period(
            store, season=req.season, company=req.company, district=req.district,
            area=req.area, heated_area_m2=req.heated_area_m2, fee_per_m2=req.fee_per_m2,
            announced_start=req.announced_start.isoformat(),
            announced_end=req.announced_end.isoformat(), by=who.name)
    except EventRefused as exc:
        raise _refused(exc) from exc


@router.get("/api/v1/heating-periods", responses=refusals(401, 422))
def list_periods(who: SupervisorDep, store: StoreDep, season: Season | None = None,
                 company: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                 district: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                 ) -> dict[str, Any]:
    """Periods with their late-start and early-stop days and their notice drafts."""
    district, any_at_all = _scoped(who, district)
    items = heating_periods.list_periods(store, season=season, company=company,
                                         district=district) if any_at_all else []
    return {"items": items}


@router.get("/api/v1/heating-periods/{period_id}", responses=refusals(401, 404, 422,
                                                                       s404=NOT_FOUND))
def period_detail(period_id: PeriodId, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    return _visible(who, heating_periods.get_period(store, period_id),
                    heating_periods.no_such_period(period_id))


@router.patch("/api/v1/heating-periods/{period_id}", responses=refusals(
    400, 401, 404, 413, 422, s404=NOT_FOUND, s422="a day outside the season or in the future, "
    "an end before the start, or neither day given"))
def set_actual(period_id: PeriodId, req: ActualRequest, who: SupervisorDep,
               store: StoreDep) -> dict[str, Any]:
    _visible(who, heating_periods.get_period(store, period_id),
             heating_periods.no_such_period(period_id))
    try:
        return heating_periods.set_actual(
            store, period_id,
            actual_start=req.actual_start.isoformat() if req.actual_start else None,
            actual_end=req.actual_end.isoformat() if req.actual_end else None)
    except EventRefused as exc:
        raise _refused(exc) from exc


@router.post("/api/v1/heating-periods/{period_id}/penalty-notices", status_code=201,
             responses=refusals(400, 401, 404, 413, 422, s404=NOT_FOUND, s422="no late start "
                                "or early stop to fine, the multiple outside the rule's range, "
                                "or the district has no stored record whose profile has a fine "
                                "rule (`cannot_draft`)"))
def draft_notice(period_id: PeriodId, req: NoticeRequest, who: SupervisorDep,
                 store: StoreDep) -> JSONResponse:
    _visible(who, heating_periods.get_period(store, period_id),
             heating_periods.no_such_period(period_id))
    try:
        notice = heating_periods.draft_notice(store, period_id, kind=req.kind,
                                              multiple=req.multiple, reason=req.reason,
                                              by=who.name)
    except EventRefused as exc:
        raise _refused(exc) from exc
    return JSONResponse(status_code=201, content=notice)


def _notice(store: OfficeStore, who: Supervisor, notice_no: str) -> dict[str, Any]:
    return _visible(who, heating_periods.get_notice(store, notice_no),
                    EventRefused("not_found", f"没有处罚通知书 {notice_no}",
                                 f"no penalty notice {notice_no}", status=404))


@router.get("/api/v1/penalty-notices/{notice_no}", responses=refusals(401, 404, 422,
                                                                       s404=NOT_FOUND))
def notice_detail(notice_no: NoticeNo, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    return _notice(store, who, notice_no)


@router.get("/api/v1/penalty-notices/{notice_no}/pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}},
                             "description": "the draft as A4 PDF"},
                       **refusals(401, 404, 422, s404=NOT_FOUND)})
def notice_pdf(notice_no: NoticeNo, who: SupervisorDep, store: StoreDep,
               lang: Literal["zh", "en"] = "zh") -> Response:
    from inspector_app.slip.penalty_pdf import render_penalty

    notice = _notice(store, who, notice_no)
    try:
        pdf = render_penalty(notice["data"], notice_no=notice_no, lang=lang,
                             superseded_by=notice["superseded_by"])
    except SlipError as exc:
        raise HTTPException(422, detail={"error": "cannot_render", "reason": exc.message_en,
                                         "reason_zh": exc.message_zh}) from exc
    return Response(content=pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{notice_no}-{lang}.pdf"'})
