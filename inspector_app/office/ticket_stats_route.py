"""`GET /api/v1/tickets/stats`: the season's response figures from the hotline tickets.

A router of its own so the office app only includes it (before any `/tickets/{...}` route, so
the path is never read as a ticket). A district supervisor gets its district's tickets; an
admin every district's. The figures are `office.ticket_statistics.ticket_stats`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.errors import refusals
from inspector_app.office.store import OfficeStore
from inspector_app.office.ticket_statistics import ticket_stats

router = APIRouter(tags=["tickets"])
SEASONS = tuple(f"{year}-{year + 1}" for year in range(2000, 2100))   # as /companies/stats
Season = Literal[SEASONS]  # type: ignore[valid-type]


@router.get("/api/v1/tickets/stats", responses=refusals(401, 422))
def tickets_stats(
    who: Annotated[Supervisor, Depends(require_supervisor)],
    store: Annotated[OfficeStore, Depends(office_store)],
    season: Annotated[Season, Query(description="heating season, two consecutive years "
                                                "from 1 July, e.g. 2025-2026")],
) -> dict[str, Any]:
    """Per heating company and district: tickets, contacted, contacted within the limit,
    median minutes to contact and to the agreed visit, tested, unreachable, cancelled."""
    district = None if who.sees_all else who.district
    try:
        return ticket_stats(store.db, season, district)
    except ValueError as exc:
        raise HTTPException(422, detail={"error": "bad_season", "reason": str(exc),
                                         "reason_zh": "供暖季格式应为 2025-2026"}) from exc
