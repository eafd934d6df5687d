"""The supervisors' case and household endpoints (district-scoped like the records).

- `GET  /api/v1/cases`                       open cases first, then the newest opening; filters
                                              district, state, season, company, household, q
                                              (a part of the address, or a case id); keyset
                                              paging (`after` = the previous page's `next`)
- `GET  /api/v1/cases/{case_id}`             the case with its household, records, tickets,
                                              stops, failures, monitoring days, timeline,
                                              estimate, rulings and history
- `POST /api/v1/cases/{case_id}/withdraw`    close an open case as withdrawn, with the reason
- `POST /api/v1/cases/{case_id}/events`      a day the company failed to test or to sign
- `POST /api/v1/households/merge`            count one household as another (audited)
- `POST /api/v1/households/split`            undo a merge (audited)
- `GET  /api/v1/households/{household_id}`   a household with what was merged into it

A `supervisor` account sees its district only: the list is narrowed to it and another
district's case or household answers 404, as if absent. Refusals are `{error, reason,
reason_zh}`; a refused change writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field

from inspector_app.office import cases, households
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore

router = APIRouter(tags=["cases"], route_class=BoundedJsonRoute)

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
CaseId = Annotated[str, Path(description="the case: `<household>-<season>-<n>`")]
HOUSEHOLD_ID = r"^h[0-9a-f]{20}$"
SEASON = r"^\d{4}-\d{4}$"
CURSOR = r"^[A-Za-z0-9_-]{1,400}$"
CaseState = Literal["open", "ruled", "withdrawn"]
EventKind = Literal["company_failed_to_test", "company_failed_to_sign"]


class WithdrawRequest(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)


class EventRequest(BaseModel):
    kind: EventKind
    day: date = Field(description="the day it concerns, YYYY-MM-DD")
    note: str = Field("", max_length=2000, pattern=NO_NUL)


class MergeRequest(BaseModel):
    household_id: str = Field(pattern=HOUSEHOLD_ID, description="the household merged")
    into: str = Field(pattern=HOUSEHOLD_ID, description="the household it joins")
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)


class SplitRequest(BaseModel):
    change_id: int = Field(ge=1, le=10**15, description="the merge to undo")
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)


def _refused(exc: households.HouseholdRefusal) -> HTTPException:
    return HTTPException(exc.status, detail={"error": exc.code, "reason": exc.en,
                                             "reason_zh": exc.zh})


def _no_case() -> HTTPException:
    return HTTPException(404, detail={"error": "not_found", "reason": "no such case",
                                      "reason_zh": "没有这个案件"})


@router.get("/api/v1/cases", responses=refusals(401, 422, s422="a bad filter or cursor"),
            response_description="a page of cases (`items`, open first, then the newest "
                                 "opening) and `next`, the cursor of the next page or null")
def list_cases(
    who: SupervisorDep, store: StoreDep,
    district: Annotated[str | None, Query(max_length=100, pattern=NO_NUL,
                                          description="only this district's cases (a "
                                                      "supervisor sees only their own)")] = None,
    state: Annotated[CaseState | None, Query(description="only cases in this state")] = None,
    season: Annotated[str | None, Query(pattern=SEASON, description="only this heating "
                                        "season, e.g. 2025-2026")] = None,
    company: Annotated[str | None, Query(max_length=200, pattern=NO_NUL,
                                         description="only this heating company's")] = None,
    household: Annotated[str | None, Query(pattern=HOUSEHOLD_ID,
                                           description="only this household's")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL,
                                   description="a part of the address, or a case id")] = None,
    limit: Annotated[int, Query(ge=1, le=cases.MAX_PAGE,
                                description="cases on a page")] = 50,
    after: Annotated[str | None, Query(pattern=CURSOR,
                                       description="`next` of the previous page")] = None,
) -> dict[str, Any]:
    if not who.sees_all:
        if district is not None and district != who.district:
            return {"items": [], "next": None}
        district = who.district or ""
    filt = cases.CaseFilter(district=district, state=state, season=season, company=company,
                            household=household, q=q)
    try:
        items, following = cases.cases_page(store, filt, limit=limit, after=after)
    except ValueError as exc:
        raise HTTPException(422, detail={"error": "bad_cursor", "reason": str(exc),
                                         "reason_zh": "分页游标无效"}) from exc
    return {"items": items, "next": following}


@router.get("/api/v1/cases/{case_id}", responses=refusals(401, 404, 422),
            response_description="the case with its household, records, tickets, stops, "
                                 "failures, monitoring days, timeline, estimate, rulings and "
                                 "history")
def case_detail(case_id: CaseId, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    row = cases.case_row(store, case_id)
    if row is None or not who.may_see(row["district"]):
        raise _no_case()
    found = cases.case_detail(store, case_id)
    if found is None:
        raise _no_case()
    return found


@router.post("/api/v1/cases/{case_id}/withdraw",
             responses=refusals(400, 401, 404, 409, 413, 422, s409="the case is closed"),
             response_description="the case, closed as withdrawn")
def withdraw(case_id: CaseId, req: WithdrawRequest, who: SupervisorDep,
             store: StoreDep) -> dict[str, Any]:
    try:
        return cases.withdraw(store, case_id, who.name, req.reason, who.may_see)
    except households.HouseholdRefusal as exc:
        raise _refused(exc) from exc


@router.post("/api/v1/cases/{case_id}/events", status_code=201,
             responses=refusals(400, 401, 404, 409, 413, 422,
                                s409="the case is withdrawn, or that day is entered already"),
             response_description="the event entered")
def add_event(case_id: CaseId, req: EventRequest, who: SupervisorDep,
              store: StoreDep) -> dict[str, Any]:
    try:
        return cases.add_event(store, case_id, req.kind, req.day, req.note, who.name,
                               who.may_see)
    except households.HouseholdRefusal as exc:
        raise _refused(exc) from exc


@router.post("/api/v1/households/merge", status_code=201,
             responses=refusals(400, 401, 404, 409, 413, 422,
                                s409="one of them is already merged (`already_merged`), or"
                                     " the merge would change what a ruling in force rests"
                                     " on (`ruled_case`)",
                                s422="other districts, or a household onto itself"))
def merge(req: MergeRequest, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    try:
        return households.merge(store, req.household_id, req.into, who.name, req.reason,
                                who.may_see)
    except households.HouseholdRefusal as exc:
        raise _refused(exc) from exc


@router.post("/api/v1/households/split", status_code=201,
             responses=refusals(400, 401, 404, 409, 413, 422,
                                s409="the merge was already split (`already_split`), or"
                                     " the split would change what a ruling in force rests"
                                     " on (`ruled_case`)",
                                s422="the change is not a merge"))
def split(req: SplitRequest, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    try:
        return households.split(store, req.change_id, who.name, req.reason, who.may_see)
    except households.HouseholdRefusal as exc:
        raise _refused(exc) from exc


@router.get("/api/v1/households/{household_id}", responses=refusals(401, 404))
def household(household_id: str, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    found = households.household(store, household_id)
    if found is None or not who.may_see(found["district"]):
        raise HTTPException(404, detail={"error": "not_found", "reason": "no such household",
                                         "reason_zh": "没有这个住户"})
    found["cases"] = cases.cases_page(
        store, cases.CaseFilter(household=found["canonical"]), limit=cases.MAX_PAGE)[0]
    return found
