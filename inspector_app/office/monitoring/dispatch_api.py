"""The supervisors' monitoring views: below standard now, company figures, a household's season.

- `GET  /api/v1/monitoring/below-standard`   households continuously below the standard for
                                              more than `hours` (1..72, default 4) up to now,
                                              worst first (`office.monitoring.below_standard`)
- `POST /api/v1/monitoring/below-standard/{household}/ticket`  open a complaint ticket for it
                                              (201; 409 `ticket_open` when one is open already)
- `GET  /api/v1/monitoring/companies`         per company over a season: points, monitored
                                              household-days and the compliant share
- `GET  /api/v1/households/{household_id}/monitoring`  the household's points' days and its
                                              tests over a season, for the chart

A `supervisor` account sees its district only: the lists are narrowed to it, and another
district's household answers 404 as if absent. Times are the office's clock.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from inspector_app.core.monitoring_day import utc_text
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.monitoring.below_standard import (
    MAX_HOURS,
    MAX_ITEMS,
    Refused,
    below_now,
    open_ticket,
)
from inspector_app.office.monitoring.company_stats import company_monitoring
from inspector_app.office.monitoring.household_chart import household_season
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore

router = APIRouter(tags=["monitoring"], route_class=BoundedJsonRoute)

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
HOUSEHOLD_ID = r"^h[0-9a-f]{20}$"
Household = Annotated[str, Path(pattern=HOUSEHOLD_ID, description="the household's id")]
SEASONS = tuple(f"{year}-{year + 1}" for year in range(2000, 2100))
Season = Annotated[Literal[SEASONS],  # type: ignore[valid-type]
                   Query(description="heating season, two consecutive years from 1 July, "
                                     "e.g. 2026-2027")]
Narrow = Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description=(
    "an admin's choice; a supervisor always sees its own district"))]


class TicketRequest(BaseModel):
    resident_name: str | None = Field(None, max_length=200, pattern=NO_NUL, description=(
        "default: the name on the household's newest ticket"))
    resident_phone: str | None = Field(None, max_length=200, pattern=NO_NUL, description=(
        "default: the phone on the household's newest ticket"))
    street: str | None = Field(None, max_length=200, pattern=NO_NUL, description=(
        "when the point's registry row has none; default: the household's newest ticket's"))


def _district(who: Supervisor, district: str | None) -> tuple[str | None, bool]:
    """(the district to narrow to, whether anything can match)."""
    if who.sees_all:
        return district, True
    return who.district, district in (None, who.district)


@router.get("/api/v1/monitoring/below-standard", responses=refusals(401, 422),
            response_description="`items`: one a household, the point below longest, worst "
                                 "(longest below) first")
def below_standard(request: Request, who: SupervisorDep, store: StoreDep,
                   hours: Annotated[int, Query(ge=1, le=MAX_HOURS, description=(
                       "below for more than this many hours"))] = 4,
                   district: Narrow = None,
                   company: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_ITEMS)] = 100) -> dict[str, Any]:
    """Households whose points' valid readings have stayed below the standard for more than
    `hours` up to now; a silence longer than the profile's gap (2 h) is unknown, not below."""
    now = request.app.state.clock()
    narrowed, possible = _district(who, district)
    items = below_now(store, now, hours=hours, district=narrowed, company=company,
                      limit=limit) if possible else []
    return {"as_of": utc_text(now), "hours": hours, "items": items}


@router.post("/api/v1/monitoring/below-standard/{household}/ticket", status_code=201,
             responses=refusals(400, 401, 404, 409, 413, 422,
                                s404="no monitoring point in the household, or another "
                                     "district's (not told apart)",
                                s409="a ticket of the household is open (`ticket_open`, with "
                                     "`ticket`), or its points are not below now (`not_below`)",
                                s422="the resident's name and phone are not known "
                                     "(`no_resident_contact`) or not valid"))
def below_standard_ticket(household: Household, request: Request, who: SupervisorDep,
                          store: StoreDep, req: TicketRequest | None = None) -> JSONResponse:
    """Open a complaint ticket (channel `monitoring`) for a household below the standard."""
    now = request.app.state.clock()
    req = req or TicketRequest()
    try:
        channel, ticket = open_ticket(store, household, who, now, req.model_dump())
    except Refused as exc:
        return JSONResponse(status_code=exc.status, content=exc.body())
    return JSONResponse(status_code=201,
                        content={"ticket": store.ticket(channel, ticket, now)})


@router.get("/api/v1/monitoring/companies", responses=refusals(401, 422))
def monitoring_companies(who: SupervisorDep, store: StoreDep, season: Season,
                         district: Narrow = None) -> dict[str, Any]:
    """Per heating company: points, monitored household-days, compliant share."""
    narrowed, possible = _district(who, district)
    with store.db.reading() as c:
        companies = company_monitoring(c, season, narrowed) if possible else []
    return {"season": season, "district": narrowed, "companies": companies}


@router.get("/api/v1/households/{household_id}/monitoring", responses=refusals(
    401, 404, 422, s404="no such household, or another district's (not told apart)"))
def household_monitoring(household_id: Household, who: SupervisorDep, store: StoreDep,
                         season: Season) -> dict[str, Any]:
    """The household's points' days and its tests over the season, for the chart."""
    found = household_season(store, household_id, season, who)
    if found is None:
        raise HTTPException(404, detail={"error": "not_found", "reason": "no such household",
                                         "reason_zh": "没有这个住户"})
    return found
