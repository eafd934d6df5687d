"""The laptops' side of dispatch: pull the inspector's assignments, push what happened at the door.

- `GET /api/v1/assignments?cursor=&limit=`: the changes of the calling device's inspector's
  tickets since the cursor (`ticket_feed` rows, in sequence order): a ticket assigned (or
  changed while assigned) comes as its ticket JSON with the office's signature over its
  revision, digest and complaint time (`seal.ticket_signature`); a ticket that left the
  inspector (reassigned, cancelled, closed) comes in `removed`. The answer's cursor is sealed
  for this device and the inspector it is enrolled for (`office.feed_cursor`); a cursor the
  office did not make for both (another laptop's, or one from before a re-enrolment for
  another inspector) is 400 `bad_cursor`. No cursor is "from the start". A cursor coming back
  is the laptop's receipt for the page it came with: the tickets on it still the inspector's
  are delivered at the time that page was made (`office.delivery`, `delivered_at`).
- `POST /api/v1/ticket-events`: a laptop's contact log, in the order sent, each event applied
  through the office store (`add_ticket_event`) with its `event_id`, so a batch re-sent after a
  lost answer stores nothing twice ('duplicate'). Each event has its own outcome: one refused
  event (a ticket taken away meanwhile, a transition no longer allowed) never blocks the others
  in the laptop's outbox.

Both take the device credential (`X-Device-Id` + bearer token, as record uploads); a revoked
laptop is 401.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, StrictBool, StrictInt

from inspector_app.core.tickets import TicketError, TicketEvent
from inspector_app.office.auth import device_from_request, office_store
from inspector_app.office.bounded_body import LIMIT_KEY, BoundedJsonRoute
from inspector_app.office.delivery import note_delivery
from inspector_app.office.errors import refusals
from inspector_app.office.feed_cursor import (
    MAX_CURSOR_CHARS,
    BadCursor,
    CursorState,
    make_cursor,
    read_cursor_state,
)
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.office_key import (
    derive_cursor_key,
    office_signing_key,
    public_from_private,
)
from inspector_app.office.store import Device, OfficeStore
from inspector_app.office.ticket_listing import TICKET_COLUMNS, tested_records, ticket_item
from inspector_app.office.tickets import TicketRefusal
from inspector_app.office.values import now_iso
from inspector_app.seal.ticket_signature import sign_ticket

LAPTOP_KINDS = ("contact_attempt", "contacted", "visit_agreed", "unreachable")
MAX_EVENTS = 500
MAX_PAGE = 500
DEFAULT_PAGE = 100
MAX_NOTE = 1000
# 500 events, each with a note of up to 1000 characters (3 bytes each in UTF-8) and its fields
MAX_EVENTS_BYTES = 2 * 1024 * 1024
SEEN_EVERY = timedelta(minutes=5)  # a pull notes the laptop as seen at most this often

NO_INSPECTOR_EN = ("this laptop was not enrolled for an inspector: ask the office for an "
                   "enrolment code made for you (inspector-office enrollment-code --inspector)")
NO_INSPECTOR_ZH = "本机注册时没有指定检测员：请向办公室索取为您生成的注册码（enrollment-code --inspector）"

router = APIRouter(tags=["tickets"], route_class=BoundedJsonRoute)


# -- the models (the OpenAPI document says what the laptop may send and will get) -------------

class OfficeKey(BaseModel):
    key_id: str = Field(description="first 16 hex of sha256(raw public key)")
    public_key: str = Field(description="base64 raw Ed25519 public key of the office")


class RemovedTicket(BaseModel):
    channel: str
    ticket: str
    reason: str = Field(description="reassigned, cancelled or closed")


class AssignmentPage(BaseModel):
    assignments: list[dict[str, Any]] = Field(description=(
        "ticket JSON (as the supervisors' list) plus `signature` {key_id, value}: the office "
        "key's Ed25519 signature over sha256 of the lines 'heating-inspector-ticket-signature/1',"
        " channel, ticket, revision, digest, complaint_at, joined by '\\n'"))
    removed: list[RemovedTicket]
    cursor: str = Field(description="give it back as `cursor` on the next pull")
    more: bool = Field(description="more changes wait: pull again at once with the cursor")
    office_time: str
    office_key: OfficeKey
    note: str | None = Field(None, description="why the list is empty, when it is for a reason")
    note_zh: str | None = None


# strict: a long text must not pass as a number (pydantic would read "000…" as 0)
DataValue = Annotated[str, Field(max_length=200, pattern=NO_NUL)] | StrictInt | StrictBool | None


class LaptopEvent(BaseModel):
    event_id: str = Field(pattern=r"^[0-9a-f]{32}$", description="uuid4 hex made by the laptop")
    channel: str = Field(max_length=20, pattern=NO_NUL)
    ticket: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    kind: str = Field(max_length=40, pattern=NO_NUL, description=(
        "contact_attempt, contacted, visit_agreed or unreachable (another kind is refused)"))
    at: str = Field(max_length=40, pattern=NO_NUL, description="RFC 3339 with its zone")
    # keys are left free (a key only names a value in the stored JSON, escaped there); the
    # values that reach the ticket's columns are checked by the core (`core.tickets.apply`)
    data: dict[str, DataValue] = Field(
        default_factory=dict, max_length=10,
        description="method (phone, sms, in_person); visit_at; reason, attempts")
    note: str = Field("", max_length=MAX_NOTE, pattern=NO_NUL)


class EventsRequest(BaseModel):
    events: list[LaptopEvent] = Field(min_length=1, max_length=MAX_EVENTS)


class EventError(BaseModel):
    error: str
    reason: str
    reason_zh: str
    field: str | None = None


class EventResult(BaseModel):
    event_id: str
    outcome: Literal["stored", "duplicate", "refused"]
    state: str | None = Field(description="the ticket's state after this event (null: no "
                                          "such ticket)")
    error: EventError | None


class EventsAnswer(BaseModel):
    results: list[EventResult]


# -- the calling device ------------------------------------------------------------------------

StoreDep = Annotated[OfficeStore, Depends(office_store)]


def calling_device(request: Request, store: StoreDep) -> Device:
    """The enrolled, unrevoked device (401 otherwise), noted as seen now and then."""
    device = device_from_request(request, store)
    seen = device.last_seen_at
    if seen is None or datetime.fromisoformat(seen) < datetime.now().astimezone() - SEEN_EVERY:
        store.touch_device(device.device_id)
    return device


DeviceDep = Annotated[Device, Depends(calling_device)]


def device_inspector(store: OfficeStore, device_id: str) -> str | None:
    """The inspector the device was enrolled for (`devices.inspector`), if any."""
    return store.scalar("SELECT inspector FROM devices WHERE device_id=?", (device_id,)) or None


def bad_cursor() -> HTTPException:
    return HTTPException(400, detail={
        "error": "bad_cursor",
        "reason": "the cursor was not made by this office for this laptop (altered, copied or "
                  "forged): pull again without a cursor",
        "reason_zh": "同步游标不是办公室为本机生成的（被改动、复制或伪造）：请不带游标重新同步"})


# -- GET /assignments ---------------------------------------------------------------------------

# The feed row and its ticket in one statement: one snapshot, one index range (`ticket_feed_pull`).
FEED_SQL = (f"SELECT f.seq, f.removed, f.removed_reason, {', '.join('t.' + c for c in TICKET_COLUMNS)}"
            " FROM ticket_feed f JOIN tickets t ON t.channel = f.channel AND t.ticket = f.ticket"
            " WHERE f.inspector = ? AND f.seq > ? ORDER BY f.seq LIMIT ?")


def feed_page(store: OfficeStore, inspector: str, after: int,
              limit: int) -> tuple[list[tuple[int, bool, str, dict[str, Any]]], bool]:
    """The inspector's changes after `after`, in sequence order: (seq, removed, reason, ticket
    JSON) each, and whether more follow."""
    rows = store.query(FEED_SQL, (inspector, after, limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    now = datetime.now(UTC)
    keys = [(r[3], r[4]) for r in rows if not r[1]]
    records = tested_records(store.db, keys)
    return [(r[0], bool(r[1]), r[2], ticket_item(r[3:], now, records.get((r[3], r[4]), ())))
            for r in rows], more


@router.get("/api/v1/assignments", response_model=AssignmentPage,
            response_model_exclude_none=True,
            responses=refusals(400, 401, 422,
                               s400="the cursor was not made by this office for this device"
                                    " (`bad_cursor`)",
                               s401="unknown or revoked device"))
def assignments(
    device: DeviceDep, store: StoreDep,
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR_CHARS, description=(
        "the cursor of the previous answer; none: from the start"))] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
) -> dict[str, Any]:
    key_id, key = office_signing_key(store)
    mac_key = derive_cursor_key(key)
    inspector = device_inspector(store, device.device_id)
    try:
        sent = CursorState(0) if cursor is None else read_cursor_state(
            mac_key, cursor, device.device_id, inspector)
    except BadCursor as exc:
        raise bad_cursor() from exc
    after = sent.seq
    if inspector is not None and sent.at is not None:  # the laptop's receipt for that page
        note_delivery(store.db, inspector, sent.acked, sent.seq, sent.at)
    made = now_iso()
    answer: dict[str, Any] = {"assignments": [], "removed": [], "more": False,
                              "office_time": made,
                              "office_key": {"key_id": key_id,
                                             "public_key": public_from_private(key)}}
    if inspector is None:
        answer.update(cursor=make_cursor(mac_key, after, device.device_id, None,
                                         acked=after, at=made),
                      note=NO_INSPECTOR_EN, note_zh=NO_INSPECTOR_ZH)
        return answer
    page, answer["more"] = feed_page(store, inspector, after, limit)
    for seq, removed, reason, item in page:
        after = seq
        if removed or item["inspector"] != inspector:  # (the second: a row of a change to come)
            answer["removed"].append({"channel": item["channel"], "ticket": item["ticket"],
                                      "reason": reason or "reassigned"})
            continue
        item["signature"] = {"key_id": key_id, "value": sign_ticket(
            key, item["channel"], item["ticket"], item["revision"], item["digest"],
            item["complaint_at"])}
        answer["assignments"].append(item)
    answer["cursor"] = make_cursor(mac_key, after, device.device_id, inspector,
                                   acked=sent.seq, at=made)
    return answer


# -- POST /ticket-events -------------------------------------------------------------------------

def _refused(event_id: str, state: str | None, code: str, zh: str, en: str,
             field: str | None = None) -> dict[str, Any]:
    return {"event_id": event_id, "outcome": "refused", "state": state,
            "error": {"error": code, "reason": en, "reason_zh": zh, "field": field}}


def apply_event(store: OfficeStore, device_id: str, inspector: str | None,
                ev: LaptopEvent) -> dict[str, Any]:
    """One laptop event's outcome: stored, duplicate (stored before) or refused (and why)."""
    earlier = store.query_one("SELECT device_id, channel, ticket FROM ticket_events"
                              " WHERE event_id=?", (ev.event_id,))
    row = store.query_one("SELECT inspector, state FROM tickets WHERE channel=? AND ticket=?",
                          (ev.channel, ev.ticket))
    state = row[1] if row else None
    if earlier is not None:
        if earlier[0] == device_id and (earlier[1], earlier[2]) == (ev.channel, ev.ticket):
            return {"event_id": ev.event_id, "outcome": "duplicate", "state": state,
                    "error": None}
        return _refused(ev.event_id, state, "event_id_taken", "该事件编号已被另一事件使用",
                        "this event id belongs to another event", "event_id")
    if ev.kind not in LAPTOP_KINDS:
        return _refused(ev.event_id, state, "kind_not_allowed",
                        f"检测员电脑不能提交“{ev.kind[:40]}”事件（只能：联系未成功、已联系、约定上门、联系不上）",
                        f"a laptop cannot send {ev.kind[:40]!r} (only "
                        f"{', '.join(LAPTOP_KINDS)})", "kind")
    if inspector is None:
        return _refused(ev.event_id, state, "no_inspector", NO_INSPECTOR_ZH, NO_INSPECTOR_EN)
    if row is None:
        return _refused(ev.event_id, None, "no_such_ticket", "办公室没有这张工单",
                        "the office has no such ticket", "ticket")
    event = TicketEvent(kind=ev.kind, at=ev.at, by=inspector, source="laptop",
                        data=dict(ev.data), note=ev.note)
    try:  # "is it yours" is asked under the ticket's lock, where the event is stored
        ticket, stored = store.add_ticket_event(ev.channel, ev.ticket, event,
                                                event_id=ev.event_id, device_id=device_id,
                                                expect_inspector=inspector)
    except TicketRefusal as exc:
        return _refused(ev.event_id, state, exc.code, exc.zh, exc.en,
                        "ticket" if exc.code in ("not_yours", "no_such_ticket") else None)
    except TicketError as exc:
        code = "bad_transition" if exc.field == "kind" else "bad_event"
        return _refused(ev.event_id, state, code, exc.message_zh, exc.message_en, exc.field)
    return {"event_id": ev.event_id, "outcome": "stored" if stored else "duplicate",
            "state": ticket.get("state"), "error": None}


def ticket_events(req: EventsRequest, device: DeviceDep, store: StoreDep) -> EventsAnswer:
    """Apply the laptop's events in the order sent; one outcome for each."""
    inspector = device_inspector(store, device.device_id)
    return EventsAnswer(results=[EventResult(**apply_event(store, device.device_id, inspector, ev))
                                 for ev in req.events])


router.add_api_route(
    "/api/v1/ticket-events", ticket_events, methods=["POST"], response_model=EventsAnswer,
    openapi_extra={LIMIT_KEY: MAX_EVENTS_BYTES},  # a batch is larger than a login
    responses=refusals(400, 401, 413, 422, s401="unknown or revoked device",
                       s413=f"the batch is larger than {MAX_EVENTS_BYTES} bytes"),
    summary="Ticket Events", description=ticket_events.__doc__)
