"""The supervisors' ticket endpoints: push, list, detail, assignment, office-side events, and
the inspectors a ticket may be given to.

- `POST /api/v1/tickets`                 a hotline platform (or a person) pushes 1..1000 tickets;
                                          each row answers new / revised / unchanged / refused
                                          (with the field and why), the good rows stored
- `GET  /api/v1/tickets`                 filtered list, oldest complaint first, keyset paging
- `GET  /api/v1/tickets/{channel}/{ticket}`  detail with revisions and events
- `POST /api/v1/tickets/{channel}/{ticket}/assignment`  give it to an inspector
- `POST /api/v1/tickets/{channel}/{ticket}/events`      cancel, close, a contact phoned from
                                          the office, ... (moves the core allows)
- `GET  /api/v1/inspectors`              inspector accounts with their live laptops

A `supervisor` account works in its district only: the list is narrowed to it, another
district's ticket answers 404 as if absent, and a pushed ticket of another district is refused.
An `admin` sees all. The refusals are `{error, reason, reason_zh}` with the store's codes
(`office.tickets.TicketRefusal`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from inspector_app.core.errors import InspectionError
from inspector_app.core.tickets import (
    STATES,
    TICKET_CHANNELS,
    TicketData,
    TicketError,
    TicketEvent,
)
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import LIMIT_KEY, BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore, TicketFilter, TicketRefusal
from inspector_app.office.ticket_listing import MAX_LIMIT, contact_limit
from inspector_app.office.tickets import no_such_ticket
from inspector_app.office.values import now_iso

router = APIRouter(tags=["tickets"], route_class=BoundedJsonRoute)

MAX_PUSH = 1000
PUSH_MAX_BYTES = 4 * 1024 * 1024   # 1000 tickets of a few hundred bytes, and room for long texts
OFFICE_KINDS = ("contact_attempt", "contacted", "visit_agreed", "unreachable", "cancelled",
                "closed")
TICKET_PATTERN = r"^[^/\x00-\x20\x7f]{1,64}$"
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
TicketState = Literal[STATES]  # type: ignore[valid-type]
Channel = Literal[TICKET_CHANNELS]  # type: ignore[valid-type]
OfficeKind = Literal[OFFICE_KINDS]  # type: ignore[valid-type]

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
ChannelPath = Annotated[Channel, PathParam(description="hotline channel")]
TicketPath = Annotated[str, PathParam(pattern=TICKET_PATTERN, description="ticket number")]


def _text(limit: int = 200, description: str = "") -> Any:
    return Field(None, max_length=limit, pattern=NO_NUL, description=description)


class TicketIn(BaseModel):
    """One ticket as the hotline gives it; the office checks each field (`core.tickets`)."""

    model_config = ConfigDict(extra="ignore")
    channel: str | None = _text(description="hotline: " + ", ".join(TICKET_CHANNELS))
    ticket: str | None = _text(description="the number, unique per channel")
    complaint_at: str | None = _text(description="RFC 3339 with its zone")
    resident_name: str | None = _text()
    resident_phone: str | None = _text()
    city: str | None = _text()
    district: str | None = _text()
    street: str | None = _text()
    community: str | None = _text()
    building: str | None = _text()
    unit: str | None = _text()
    flat: str | None = _text()
    company: str | None = _text()
    text: str | None = _text(20_000, "the complaint")


class TicketPush(BaseModel):
    tickets: list[TicketIn] = Field(min_length=1, max_length=MAX_PUSH)
    profile: str = Field("changchun", max_length=100, pattern=NO_NUL,
                         description="the rules whose contact limit the tickets are held to")


class AssignmentRequest(BaseModel):
    inspector: str = Field(min_length=1, max_length=200, pattern=NO_NUL)


class EventRequest(BaseModel):
    kind: OfficeKind = Field(description="what happened (an assignment has its own address)")
    at: str | None = Field(None, max_length=64, pattern=NO_NUL,
                           description="when, RFC 3339 with its zone; default: now")
    data: dict[str, Any] = Field(default_factory=dict, description=(
        "contact_attempt/contacted {method: phone|sms|in_person}; visit_agreed {visit_at}; "
        "cancelled {reason}; closed {reason?}; unreachable {reason, attempts?}"))
    note: str = Field("", max_length=4000, pattern=NO_NUL)
    event_id: str | None = Field(None, pattern=r"^[A-Za-z0-9_-]{8,80}$", description=(
        "the client's id for this event: sent again, it is stored once"))


def _refused(refusal: TicketRefusal) -> HTTPException:
    return HTTPException(refusal.status, detail=refusal.body())


def _visible(store: OfficeStore, who: Supervisor, channel: str, ticket: str) -> None:
    """404 for a ticket that is absent or of another district (not told apart)."""
    district = store.ticket_district(channel, ticket)
    if district is None or not who.may_see(district):
        raise _refused(no_such_ticket(channel, ticket))


def _row_error(field: str, zh: str, en: str) -> dict[str, str]:
    return {"field": field, "reason": en, "reason_zh": zh}


@router.post("/api/v1/tickets", openapi_extra={LIMIT_KEY: PUSH_MAX_BYTES},
             responses=refusals(400, 401, 403, 413, 422,
                                s422="the body is not valid, or the profile is unknown"
                                     " (`unknown_profile`)"))
def push_tickets(req: TicketPush, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    """Store each good ticket (source 'hotline'); each row says what became of it."""
    try:
        contact_limit(req.profile)
    except InspectionError as exc:
        raise HTTPException(422, detail={"error": "unknown_profile", "reason": exc.message_en,
                                         "reason_zh": exc.message_zh}) from exc
    now = datetime.now(UTC)
    results: list[dict[str, Any]] = []
    good: list[tuple[int, TicketData]] = []
    for index, raw in enumerate(req.tickets):
        fields = raw.model_dump()
        row = {"index": index, "channel": fields["channel"] or "",
               "ticket": fields["ticket"] or "", "outcome": "refused", "revision": None,
               "error": None}
        results.append(row)
        try:
            data = TicketData.validated(fields, now)
        except TicketError as exc:
            row["error"] = _row_error(exc.field or "", exc.message_zh, exc.message_en)
            continue
        held = store.ticket_district(data.channel, data.ticket)
        if not who.sees_all and (data.district != who.district
                                 or held not in (None, who.district)):
            row["error"] = _row_error("district", f"工单不属于本区（{who.district}）",
                                      f"the ticket is not of your district ({who.district})")
            continue
        good.append((index, data))
    if good:
        outcomes = store.save_tickets([data for _, data in good], source="hotline",
                                      by=who.name, profile_name=req.profile)
        for (index, _), outcome in zip(good, outcomes, strict=True):
            results[index].update(outcome=outcome.outcome, revision=outcome.revision)
    return {"results": results}


@router.get("/api/v1/tickets", responses=refusals(
    400, 401, 403, 422, s400="the cursor is not one the office made (`bad_cursor`)"))
def list_tickets(
    who: SupervisorDep, store: StoreDep,
    state: Annotated[TicketState | None, Query(description="the ticket's state")] = None,
    overdue: Annotated[bool | None, Query(description="not contacted within the limit")] = None,
    inspector: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    company: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    channel: Annotated[Channel | None, Query(description="hotline channel")] = None,
    district: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description=(
        "an admin's choice; a supervisor always sees its own district"))] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    after: Annotated[str | None, Query(max_length=2000, pattern=CURSOR_PATTERN,
                                       description="`next` of the previous page")] = None,
) -> dict[str, Any]:
    """Tickets oldest complaint first; `next` is null on the last page."""
    if not who.sees_all:
        if district not in (None, who.district):
            return {"items": [], "next": None}
        district = who.district
    f = TicketFilter(district=district, state=state, overdue=overdue, inspector=inspector,
                     company=company, channel=channel)
    try:
        items, cursor = store.list_tickets(f, limit=limit, after=after)
    except TicketRefusal as refusal:
        raise _refused(refusal) from refusal
    return {"items": items, "next": cursor}


@router.get("/api/v1/tickets/{channel}/{ticket}", responses=refusals(
    401, 403, 404, 422, s404="no such ticket, or another district's (not told apart)"))
def ticket_detail(channel: ChannelPath, ticket: TicketPath, who: SupervisorDep,
                  store: StoreDep) -> dict[str, Any]:
    _visible(store, who, channel, ticket)
    detail = store.ticket_detail(channel, ticket)
    if detail is None:
        raise _refused(no_such_ticket(channel, ticket))
    return detail


@router.post("/api/v1/tickets/{channel}/{ticket}/assignment", responses=refusals(
    400, 401, 403, 404, 409, 413, 422,
    s404="no such ticket, or another district's (`no_such_ticket`)",
    s409="the inspector has no live laptop (`no_live_laptop`), or the ticket is closed or"
         " cancelled (`bad_transition`)",
    s422="no such enabled inspector (`no_such_inspector`), or one of another district"
         " (`other_district`)"))
def assign(channel: ChannelPath, ticket: TicketPath, req: AssignmentRequest,
           who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    _visible(store, who, channel, ticket)
    try:
        return store.assign_ticket(channel, ticket, req.inspector, by=who.name)
    except TicketRefusal as refusal:
        raise _refused(refusal) from refusal


@router.post("/api/v1/tickets/{channel}/{ticket}/events", responses=refusals(
    400, 401, 403, 404, 409, 413, 422,
    s404="no such ticket, or another district's (`no_such_ticket`)",
    s409="the ticket's state does not allow it (`bad_transition`)",
    s422="the event's fields are not valid (`bad_event`)"))
def add_event(channel: ChannelPath, ticket: TicketPath, req: EventRequest,
              who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
    """An office-side change, by the supervisor, source 'office'."""
    _visible(store, who, channel, ticket)
    event = TicketEvent(req.kind, req.at or now_iso(), who.name, "office", req.data, req.note)
    try:   # the store refuses a malformed or future `at` (TicketError) and a bad move
        item, _stored = store.add_ticket_event(channel, ticket, event, event_id=req.event_id)
    except TicketRefusal as refusal:
        raise _refused(refusal) from refusal
    except TicketError as exc:
        raise _refused(TicketRefusal("bad_event", exc.message_zh, exc.message_en)) from exc
    return item


@router.get("/api/v1/inspectors", responses=refusals(401, 403))
def inspectors(who: SupervisorDep, store: StoreDep) -> list[dict[str, Any]]:
    """Inspector accounts (of the supervisor's district) with their live laptops' count."""
    return store.inspectors(None if who.sees_all else who.district)
