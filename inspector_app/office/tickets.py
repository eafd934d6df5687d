"""Complaint tickets at the office: stored from the hotline, assigned, moved by events.

Why it is shaped this way:
- Events are the truth. Every change is a `ticket_events` row; the `tickets` row's state
  columns are what `core.tickets.replay` makes of them, rewritten in the same transaction as
  each new event (`office.ticket_events.record_event`), so the list can filter and sort on them
  and they never disagree with the history. An event the core refuses changes nothing.
- The hotline's content is never overwritten: a changed ticket is a new revision
  (`office.ticket_intake`, a batch per transaction); the same content again writes nothing.
- The list and the ticket JSON are `office.ticket_listing`.
- PostgreSQL: several office processes write at once, so a transaction that reads a ticket
  before writing it holds `ticket:{channel}/{ticket}` (advisory, until commit), and one that
  takes a feed number holds `ticket_feed`, so feed numbers follow commit order and a laptop's
  cursor never skips a change committed late. Ticket locks are always taken before the feed's.
- The feed (`bump_feed`) is what laptops pull: whenever a ticket held by an inspector changes,
  that inspector's row gets the next number; a ticket that leaves them (reassigned, cancelled,
  closed) stays as a `removed` row, so the laptop learns it is gone.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from inspector_app.core.tickets import TicketData, TicketError, TicketEvent
from inspector_app.office.cases import regroup_stale
from inspector_app.office.db import Database
from inspector_app.office.ticket_events import (  # noqa: F401 - the store's public names
    bump_feed,
    lock_tickets,
    no_such_ticket,
    not_yours,
    record_event,
    refusal_of,
    refuse_future,
    stored_events,
)
from inspector_app.office.ticket_intake import SaveOutcome, save_batch
from inspector_app.office.ticket_listing import (  # noqa: F401
    SELECT_TICKET,
    TicketFilter,
    TicketRefusal,
    contact_limit,
    list_tickets,
    tested_records,
    ticket_item,
)
from inspector_app.office.values import now_iso

EVENT_COLUMNS = ("event_id", "kind", "at", "by", "source", "device_id", "data", "note",
                 "recorded_at")


class TicketStore:
    """Tickets, their revisions, events and the laptops' feed (a part of `OfficeStore`)."""

    db: Database

    # -- from the hotline ------------------------------------------------------------------------
    def save_tickets(self, tickets: Sequence[TicketData], *, source: str, by: str,
                     profile_name: str = "changchun",
                     defer_cases: bool = False) -> list[SaveOutcome]:
        """Store a batch in one transaction: new, revised (a new revision, never an overwrite)
        or unchanged (nothing written) for each, in order (`office.ticket_intake`).
        `defer_cases` (an import): the cases are regrouped by `regroup_stale_cases`."""
        with self.db.write() as c:
            return save_batch(c, tickets, source=source, by=by, profile_name=profile_name,
                              defer_cases=defer_cases)

    def regroup_stale_cases(self) -> int:
        """Regroup what imports marked stale (`office.cases.regroup_stale`)."""
        return regroup_stale(self.db)

    # -- events ------------------------------------------------------------------------------
    def add_ticket_event(self, channel: str, ticket: str, event: TicketEvent, *,
                         event_id: str | None = None, device_id: str | None = None,
                         expect_inspector: str | None = None) -> tuple[dict[str, Any], bool]:
        """Store one event (the core decides whether it is allowed); (ticket JSON, stored).
        An `event_id` already stored writes nothing and answers (ticket, False); one stored for
        another ticket is refused (409 `event_id_taken`).

        `expect_inspector` (a laptop's event): the ticket must be assigned to this inspector,
        checked under the ticket's lock in the transaction that stores the event — a check made
        before it could pass, then lose to a reassignment committed meanwhile, and the event
        would be stored on a ticket that is no longer that inspector's (409 `not_yours`).

        An event dated more than `CLOCK_SKEW` after the office's clock is refused (TicketError,
        field `at`) whoever sends it: a laptop reports what already happened, and a contact
        dated next year would stand in the ticket's history and figures for good."""
        event_id = event_id or f"office-{uuid.uuid4().hex}"
        refuse_future(event)
        try:
            stored = self._store_event(channel, ticket, event, event_id, device_id,
                                       expect_inspector)
        except IntegrityError:
            # Two tickets' locks let two requests race for one event id: the unique index
            # keeps one; the other is told as a re-sent id would be.
            held = self.db.query_one("SELECT channel, ticket FROM ticket_events WHERE"
                                     " event_id=?", (event_id,))
            if held is None:
                raise
            if tuple(held) != (channel, ticket):
                raise _event_id_taken() from None
            stored = False
        found = self.ticket(channel, ticket)
        assert found is not None
        return found, stored

    def _store_event(self, channel: str, ticket: str, event: TicketEvent, event_id: str,
                     device_id: str | None, expect_inspector: str | None) -> bool:
        with self.db.write() as c:
            c.lock(f"ticket:{channel}/{ticket}")
            row = c.execute("SELECT inspector FROM tickets WHERE channel=? AND ticket=?",
                            (channel, ticket)).fetchone()
            if row is None:
                raise no_such_ticket(channel, ticket)
            held = c.execute("SELECT channel, ticket FROM ticket_events WHERE event_id=?",
                             (event_id,)).fetchone()
            if held is not None and tuple(held) != (channel, ticket):
                raise _event_id_taken()
            stored = held is None
            if stored and expect_inspector is not None and row[0] != expect_inspector:
                raise not_yours()
            if stored:
                try:
                    record_event(c, channel, ticket, event, event_id, device_id)
                except TicketError as exc:
                    raise refusal_of(exc, event.kind) from exc
        return stored

    def assign_ticket(self, channel: str, ticket: str, inspector: str, *, by: str,
                      source: str = "office") -> dict[str, Any]:
        """Give the ticket to `inspector` (an enabled inspector account of the ticket's district
        with a live laptop); a reassignment takes it from the laptops of the one before."""
        with self.db.write() as c:
            c.lock(f"ticket:{channel}/{ticket}")
            row = c.execute("SELECT district FROM tickets WHERE channel=? AND ticket=?",
                            (channel, ticket)).fetchone()
            if row is None:
                raise no_such_ticket(channel, ticket)
            user = c.execute("SELECT district FROM users WHERE name=? AND role='inspector'"
                             " AND disabled_at IS NULL", (inspector,)).fetchone()
            if user is None:
                raise TicketRefusal("no_such_inspector", f"没有名为 {inspector} 的在用检测员账户",
                                    f"no enabled inspector account named {inspector}")
            if user[0] != row[0]:
                raise TicketRefusal(
                    "other_district", f"检测员 {inspector} 属于{user[0] or '（未定区）'}，工单属于{row[0]}",
                    f"inspector {inspector} works in {user[0] or '(no district)'}, the ticket is"
                    f" in {row[0]}")
            if c.execute("SELECT 1 FROM devices WHERE inspector=? AND revoked_at IS NULL"
                         " AND token_hash IS NOT NULL", (inspector,)).fetchone() is None:
                raise TicketRefusal(
                    "no_live_laptop", f"检测员 {inspector} 没有在用的已注册电脑：请先用"
                    f" inspector-office enrollment-code --inspector {inspector} 为其注册一台",
                    f"inspector {inspector} has no enrolled, unrevoked laptop: enrol one with"
                    f" inspector-office enrollment-code --inspector {inspector}", 409)
            event = TicketEvent("assigned", now_iso(), by, source, {"inspector": inspector})
            try:
                record_event(c, channel, ticket, event, f"office-{uuid.uuid4().hex}")
            except TicketError as exc:
                raise refusal_of(exc, event.kind) from exc
        found = self.ticket(channel, ticket)
        assert found is not None
        return found

    # -- reading -----------------------------------------------------------------------------
    def ticket(self, channel: str, ticket: str, now: datetime | None = None) -> dict | None:
        """The ticket JSON (no history), None if there is no such ticket."""
        row = self.db.query_one(f"{SELECT_TICKET} WHERE channel=? AND ticket=?",
                                (channel, ticket))
        if row is None:
            return None
        records = tested_records(self.db, [(channel, ticket)]).get((channel, ticket), ())
        return ticket_item(row, now or datetime.now(UTC), records)

    def ticket_detail(self, channel: str, ticket: str,
                      now: datetime | None = None) -> dict[str, Any] | None:
        """The ticket JSON with its revisions and events, oldest first."""
        item = self.ticket(channel, ticket, now)
        if item is None:
            return None
        item["revisions"] = [
            {"revision": r[0], "digest": r[1], "data": json.loads(r[2]), "source": r[3],
             "by": r[4], "received_at": r[5]}
            for r in self.db.query("SELECT revision, digest, data, source, by, received_at"
                                   " FROM ticket_revisions WHERE channel=? AND ticket=?"
                                   " ORDER BY revision", (channel, ticket))]
        item["events"] = [
            {**dict(zip(EVENT_COLUMNS, r, strict=True)), "data": json.loads(r[6])}
            for r in self.db.query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM ticket_events"
                                   " WHERE channel=? AND ticket=? ORDER BY id",
                                   (channel, ticket))]
        return item

    def ticket_district(self, channel: str, ticket: str) -> str | None:
        return self.db.scalar("SELECT district FROM tickets WHERE channel=? AND ticket=?",
                              (channel, ticket))

    def ticket_keys(self, number: str) -> list[tuple[str, str]]:
        """(channel, ticket) of every ticket with this number, whatever its channel."""
        return [(r[0], r[1]) for r in self.db.query(
            "SELECT channel, ticket FROM tickets WHERE ticket=? ORDER BY channel", (number,))]

    def list_tickets(self, f: TicketFilter, *, limit: int = 50, after: str | None = None,
                     now: datetime | None = None) -> tuple[list[dict[str, Any]], str | None]:
        """A page of tickets (see `office.ticket_listing.list_tickets`)."""
        return list_tickets(self.db, f, limit=limit, after=after, now=now)

    def inspectors(self, district: str | None = None) -> list[dict[str, Any]]:
        """Enabled inspector accounts (of a district) with their live laptops' count and when
        one of those laptops last talked to the office (`last_seen_at`, None: never), so a
        dispatcher sees whose laptop will get a ticket soon."""
        where, params = ("AND u.district = ?", [district]) if district is not None else ("", [])
        live = ("FROM devices d WHERE d.inspector = u.name AND d.revoked_at IS NULL"
                " AND d.token_hash IS NOT NULL")
        return [{"name": r[0], "district": r[1], "laptops": int(r[2]), "last_seen_at": r[3]}
                for r in self.db.query(
                    f"SELECT u.name, u.district, (SELECT count(*) {live}),"
                    f" (SELECT max(d.last_seen_at) {live}) FROM users u"
                    " WHERE u.role = 'inspector'"
                    f" AND u.disabled_at IS NULL {where} ORDER BY u.name", params)]


def _event_id_taken() -> TicketRefusal:
    return TicketRefusal("event_id_taken", "该事件编号已用于另一个工单",
                         "this event id belongs to another ticket's event", 409)
