"""Complaint tickets at the office: stored from the hotline, assigned, moved by events.

Why it is shaped this way:
- Events are the truth. Every change is a `ticket_events` row; the `tickets` row's state
  columns are what `core.tickets.replay` makes of them, rewritten in the same transaction as
  each new event, so the list can filter and sort on them and they never disagree with the
  history. An event the core refuses changes nothing.
- The hotline's content is never overwritten: a ticket whose content (digest) changed gets a
  new `ticket_revisions` row and a `revised` event; the same content again writes nothing, so
  re-importing a file is harmless. A ticket already closed or cancelled keeps its state: its
  new revision is stored (and shown) without an event, which the core would refuse.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector_app.core.tickets import (
    EVENT_KINDS,
    FINAL_STATES,
    SOURCES,
    TicketData,
    TicketError,
    TicketEvent,
    TicketStatus,
    apply,
    parse_time,
)
from inspector_app.office.db import Database, Tx, lock_id
from inspector_app.office.ticket_listing import (  # noqa: F401 - the store's public names
    SELECT_TICKET,
    TicketFilter,
    TicketRefusal,
    contact_limit,
    list_tickets,
    tested_records,
    ticket_item,
)
from inspector_app.office.values import now_iso, utc_iso

EVENT_COLUMNS = ("event_id", "kind", "at", "by", "source", "device_id", "data", "note",
                 "recorded_at")
KEY_CHUNK = 400   # tickets read per statement in a batch (two parameters each)


@dataclass(frozen=True)
class SaveOutcome:
    """What storing one ticket did: 'new', 'revised' or 'unchanged', and its revision now."""

    channel: str
    ticket: str
    outcome: str
    revision: int


def no_such_ticket(channel: str, ticket: str) -> TicketRefusal:
    return TicketRefusal("no_such_ticket", f"没有这个工单：{channel}/{ticket}",
                         f"no such ticket: {channel}/{ticket}", 404)


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


def _replayed(events: Sequence[TicketEvent]) -> TicketStatus:
    status = TicketStatus()
    for event in events:
        status = apply(status, event)
    return status


def _insert_event(c: Tx, channel: str, ticket: str, event: TicketEvent, event_id: str,
                  device_id: str | None = None) -> None:
    c.execute("INSERT INTO ticket_events (event_id, channel, ticket, kind, at, by, source,"
              " device_id, data, note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              (event_id, channel, ticket, event.kind, event.at, event.by, event.source,
               device_id, json.dumps(event.data, ensure_ascii=False, sort_keys=True),
               event.note, now_iso()))


def _write_state(c: Tx, channel: str, ticket: str, status: TicketStatus) -> None:
    c.execute("UPDATE tickets SET state=?, inspector=?, contacted_at=?, contact_method=?,"
              " visit_at=?, attempts=?, reason=?, updated_at=? WHERE channel=? AND ticket=?",
              (status.state, status.inspector, status.contacted_at, status.contact_method,
               status.visit_at, status.attempts, status.reason, now_iso(), channel, ticket))


def _feed_after(c: Tx, channel: str, ticket: str, before: TicketStatus,
                after: TicketStatus) -> None:
    """Tell the laptops: the old holder loses a reassigned ticket, the holder gets the change."""
    if before.inspector and before.inspector != after.inspector:
        bump_feed(c, channel, ticket, before.inspector, removed=True, reason="reassigned")
    if after.inspector:
        final = after.state in FINAL_STATES
        bump_feed(c, channel, ticket, after.inspector, removed=final,
                  reason=after.state if final else "")


def _content_columns(data: TicketData, profile_name: str) -> dict[str, Any]:
    complaint = parse_time(data.complaint_at, "complaint_at", "投诉时间")
    return {"digest": data.digest(),
            "data": json.dumps(data.to_dict(), ensure_ascii=False, sort_keys=True),
            "complaint_at": data.complaint_at, "complaint_utc": utc_iso(complaint),
            "deadline_utc": utc_iso(complaint + timedelta(minutes=contact_limit(profile_name))),
            "profile_name": profile_name, "city": data.city, "district": data.district,
            "company": data.company, "address": data.address().one_line()}


class TicketStore:
    """Tickets, their revisions, events and the laptops' feed (a part of `OfficeStore`)."""

    db: Database

    # -- from the hotline ------------------------------------------------------------------------
    def save_tickets(self, tickets: Sequence[TicketData], *, source: str, by: str,
                     profile_name: str = "changchun") -> list[SaveOutcome]:
        """Store a batch in one transaction: new, revised (a new revision, never an overwrite)
        or unchanged (nothing written) for each, in order."""
        contact_limit(profile_name)   # an unknown profile is refused before anything is written
        outcomes: list[SaveOutcome] = []
        with self.db.write() as c:
            keys = [(t.channel, t.ticket) for t in tickets]
            lock_tickets(c, keys)
            current = self._current(c, keys)
            for data in tickets:
                key = (data.channel, data.ticket)
                digest = data.digest()
                held = current.get(key)
                if held is not None and held["digest"] == digest:
                    outcomes.append(SaveOutcome(*key, "unchanged", held["revision"]))
                    continue
                revision = 1 if held is None else held["revision"] + 1
                columns = _content_columns(data, profile_name)
                at, event_kind = now_iso(), "received" if held is None else "revised"
                if held is None:
                    names = ["channel", "ticket", "revision", *columns, "state", "received_at",
                             "updated_at"]
                    c.execute(f"INSERT INTO tickets ({', '.join(names)}) VALUES"
                              f" ({', '.join('?' * len(names))})",
                              [*key, revision, *columns.values(), "received", at, at])
                else:
                    sets = ", ".join(f"{n}=?" for n in ["revision", *columns, "updated_at"])
                    c.execute(f"UPDATE tickets SET {sets} WHERE channel=? AND ticket=?",
                              [revision, *columns.values(), at, *key])
                c.execute("INSERT INTO ticket_revisions (channel, ticket, revision, digest, data,"
                          " source, by, received_at) VALUES (?,?,?,?,?,?,?,?)",
                          (*key, revision, digest, columns["data"], source, by, at))
                if held is None or held["state"] not in FINAL_STATES:
                    event = TicketEvent(event_kind, at, by,
                                        source if source in SOURCES else "office",
                                        {"complaint_at": data.complaint_at, "digest": digest})
                    self._record(c, *key, event, f"office-{uuid.uuid4().hex}",
                                 before=TicketStatus() if held is None else None)
                current[key] = {"digest": digest, "revision": revision,
                                "state": held["state"] if held else "received"}
                outcomes.append(SaveOutcome(*key, "new" if held is None else "revised",
                                            revision))
        return outcomes

    @staticmethod
    def _current(c: Tx, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
        found: dict[tuple[str, str], dict] = {}
        unique = sorted(set(keys))
        for start in range(0, len(unique), KEY_CHUNK):
            chunk = unique[start:start + KEY_CHUNK]
            values = ", ".join("(?, ?)" for _ in chunk)
            for channel, ticket, digest, revision, state in c.execute(
                    "SELECT channel, ticket, digest, revision, state FROM tickets"
                    f" WHERE (channel, ticket) IN (VALUES {values})",
                    [p for k in chunk for p in k]):
                found[(channel, ticket)] = {"digest": digest, "revision": revision,
                                            "state": state}
        return found

    # -- events ------------------------------------------------------------------------------
    def _record(self, c: Tx, channel: str, ticket: str, event: TicketEvent, event_id: str,
                device_id: str | None = None, *,
                before: TicketStatus | None = None) -> TicketStatus:
        """Apply `event` after the stored ones (the caller holds the ticket's lock), store it,
        rewrite the state columns and bump the feed. TicketError: nothing written.
        `before`: the replayed status when the caller knows it (a new ticket has none)."""
        if before is None:
            before = _replayed(stored_events(c, channel, ticket))
        after = apply(before, event)
        _insert_event(c, channel, ticket, event, event_id, device_id)
        _write_state(c, channel, ticket, after)
        _feed_after(c, channel, ticket, before, after)
        return after

    def add_ticket_event(self, channel: str, ticket: str, event: TicketEvent, *,
                         event_id: str | None = None,
                         device_id: str | None = None) -> tuple[dict[str, Any], bool]:
        """Store one event (the core decides whether it is allowed); (ticket JSON, stored).
        An `event_id` already stored writes nothing and answers (ticket, False); one stored for
        another ticket is refused (409 `event_id_taken`)."""
        event_id = event_id or f"office-{uuid.uuid4().hex}"
        with self.db.write() as c:
            c.lock(f"ticket:{channel}/{ticket}")
            if c.execute("SELECT 1 FROM tickets WHERE channel=? AND ticket=?",
                         (channel, ticket)).fetchone() is None:
                raise no_such_ticket(channel, ticket)
            held = c.execute("SELECT channel, ticket FROM ticket_events WHERE event_id=?",
                             (event_id,)).fetchone()
            if held is not None and tuple(held) != (channel, ticket):
                raise TicketRefusal("event_id_taken", "该事件编号已用于另一个工单",
                                    "this event id belongs to another ticket's event", 409)
            stored = held is None
            if stored:
                try:
                    self._record(c, channel, ticket, event, event_id, device_id)
                except TicketError as exc:
                    raise refusal_of(exc, event.kind) from exc
        found = self.ticket(channel, ticket)
        assert found is not None
        return found, stored

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
                self._record(c, channel, ticket, event, f"office-{uuid.uuid4().hex}")
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
        """Enabled inspector accounts (of a district) with their live laptops' count."""
        where, params = ("AND u.district = ?", [district]) if district is not None else ("", [])
        return [{"name": r[0], "district": r[1], "laptops": int(r[2])}
                for r in self.db.query(
                    "SELECT u.name, u.district, (SELECT count(*) FROM devices d"
                    " WHERE d.inspector = u.name AND d.revoked_at IS NULL"
                    " AND d.token_hash IS NOT NULL) FROM users u WHERE u.role = 'inspector'"
                    f" AND u.disabled_at IS NULL {where} ORDER BY u.name", params)]
