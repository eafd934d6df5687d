"""Ticket events at the office: stored, replayed by the core, and told to the laptops.

Why apart: the store (`office.tickets`), the batch intake (`office.ticket_intake`) and the
laptops' routes all change tickets the same way, inside a transaction that already holds the
ticket's lock: `record_event` replays the stored events with the new one (`core.tickets.apply`
refuses what the state does not allow, and then nothing is written), stores it, rewrites the
`tickets` row's state columns from the replay and bumps the feed. `bump_feed` numbers a change
for an inspector's laptops under the `ticket_feed` lock, so numbers follow commit order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from inspector_app.core.tickets import (
    CLOCK_SKEW,
    EVENT_KINDS,
    FINAL_STATES,
    TicketError,
    TicketEvent,
    TicketStatus,
    apply,
    iso,
    parse_time,
    replay,
)
from inspector_app.office.db import Tx, lock_id
from inspector_app.office.ticket_listing import TicketRefusal
from inspector_app.office.values import now_iso


def no_such_ticket(channel: str, ticket: str) -> TicketRefusal:
    return TicketRefusal("no_such_ticket", f"没有这个工单：{channel}/{ticket}",
                         f"no such ticket: {channel}/{ticket}", 404)


def not_yours() -> TicketRefusal:
    """A laptop's event on a ticket no longer assigned to its inspector (reassigned, withdrawn)."""
    return TicketRefusal("not_yours", "这张工单已不再派给您（已改派或撤销派单）",
                         "this ticket is no longer assigned to you (reassigned or withdrawn)", 409)


def refuse_future(event: TicketEvent, now: datetime | None = None) -> None:
    """TicketError (field `at`) for an event dated more than `CLOCK_SKEW` after `now` (the
    office's clock): what a laptop or a person reports has already happened."""
    at = parse_time(event.at, "at", "事件时间")
    if at > (now or datetime.now(UTC)) + CLOCK_SKEW:
        raise TicketError(f"事件时间在将来：{iso(at)}", f"the event is dated in the future: {iso(at)}",
                          field="at")


def refusal_of(exc: TicketError, kind: str) -> TicketRefusal:
    """A core refusal as the office says it: a move the ticket's state does not allow is 409
    `bad_transition`, anything else about the event 422 `bad_event`."""
    if exc.field == "kind" and kind in EVENT_KINDS:
        return TicketRefusal("bad_transition", exc.message_zh, exc.message_en, 409)
    return TicketRefusal("bad_event", exc.message_zh, exc.message_en, 422)


def bump_feed(c: Tx, channel: str, ticket: str, inspector: str, *, removed: bool = False,
              reason: str = "") -> int:
    """Give (inspector, ticket) the feed's next number (in this transaction); returns it."""
    c.lock("ticket_feed")
    seq = c.execute("UPDATE ticket_feed_counter SET last_seq = last_seq + 1 WHERE id = 1"
                    " RETURNING last_seq").scalar()
    c.execute("INSERT INTO ticket_feed (inspector, channel, ticket, seq, removed,"
              " removed_reason) VALUES (?,?,?,?,?,?) ON CONFLICT (inspector, channel, ticket)"
              " DO UPDATE SET seq = excluded.seq, removed = excluded.removed,"
              " removed_reason = excluded.removed_reason",
              (inspector, channel, ticket, seq, removed, reason))
    return int(seq)


def lock_tickets(c: Tx, keys: Iterable[tuple[str, str]]) -> None:
    """Hold every ticket's lock until commit, in one sorted order (no two writers deadlock)."""
    if not c.postgres:
        return
    ids = sorted({lock_id(f"ticket:{channel}/{ticket}") for channel, ticket in keys})
    if ids:
        c.execute("SELECT count(pg_advisory_xact_lock(k)) FROM"
                  " (SELECT unnest(CAST(? AS bigint[])) AS k ORDER BY 1) AS ks", (ids,))


def stored_events(c: Tx, channel: str, ticket: str) -> list[TicketEvent]:
    return [TicketEvent(kind=r[0], at=r[1], by=r[2], source=r[3], data=json.loads(r[4]),
                        note=r[5])
            for r in c.execute("SELECT kind, at, by, source, data, note FROM ticket_events"
                               " WHERE channel=? AND ticket=? ORDER BY id", (channel, ticket))]


def insert_event(c: Tx, channel: str, ticket: str, event: TicketEvent, event_id: str,
                  device_id: str | None = None) -> None:
    c.execute("INSERT INTO ticket_events (event_id, channel, ticket, kind, at, by, source,"
              " device_id, data, note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              (event_id, channel, ticket, event.kind, event.at, event.by, event.source,
               device_id, json.dumps(event.data, ensure_ascii=False, sort_keys=True),
               event.note, now_iso()))


def write_state(c: Tx, channel: str, ticket: str, status: TicketStatus) -> None:
    c.execute("UPDATE tickets SET state=?, inspector=?, contacted_at=?, contact_method=?,"
              " visit_at=?, attempts=?, reason=?, updated_at=? WHERE channel=? AND ticket=?",
              (status.state, status.inspector, status.contacted_at, status.contact_method,
               status.visit_at, status.attempts, status.reason, now_iso(), channel, ticket))


def feed_after(c: Tx, channel: str, ticket: str, before: TicketStatus,
                after: TicketStatus) -> None:
    """Tell the laptops: the old holder loses a reassigned ticket, the holder gets the change."""
    if before.inspector and before.inspector != after.inspector:
        bump_feed(c, channel, ticket, before.inspector, removed=True, reason="reassigned")
    if after.inspector:
        final = after.state in FINAL_STATES
        bump_feed(c, channel, ticket, after.inspector, removed=final,
                  reason=after.state if final else "")


def withdrawn_if_moved(c: Tx, channel: str, ticket: str, event: TicketEvent,
                       inspector: str) -> TicketEvent:
    """The `revised` event, marked `withdrawn` when the revision (already written to the
    `tickets` row) put the ticket in another district than its inspector's: an inspector only
    holds tickets of the district whose supervisor may see and reassign them."""
    district = c.execute("SELECT district FROM tickets WHERE channel=? AND ticket=?",
                         (channel, ticket)).scalar()
    works_in = c.execute("SELECT district FROM users WHERE name=?", (inspector,)).scalar()
    if district == works_in:
        return event
    return TicketEvent(event.kind, event.at, event.by, event.source,
                       {**event.data, "withdrawn": inspector}, event.note)


def record_event(c: Tx, channel: str, ticket: str, event: TicketEvent, event_id: str,
                 device_id: str | None = None, *,
                 before: TicketStatus | None = None) -> TicketStatus:
    """Apply `event` after the stored ones (the caller holds the ticket's lock), store it,
    rewrite the state columns and bump the feed. TicketError: nothing written.
    `before`: the replayed status when the caller knows it (a new ticket has none)."""
    if before is None:
        before = replay(stored_events(c, channel, ticket))
    if event.kind == "revised" and before.inspector and not event.data.get("withdrawn"):
        event = withdrawn_if_moved(c, channel, ticket, event, before.inspector)
    after = apply(before, event)
    insert_event(c, channel, ticket, event, event_id, device_id)
    write_state(c, channel, ticket, after)
    if before.inspector != after.inspector:  # a new holder: their laptop has not received it
        c.execute("UPDATE tickets SET delivered_at = NULL WHERE channel=? AND ticket=?",
                  (channel, ticket))
    feed_after(c, channel, ticket, before, after)
    return after
