"""The ticket event outbox: contacts and agreed visits waiting to reach the office.

The same outbox as the records' (`store.outbox`): the same state machine (`store.outbox_rows`),
so the same states and retry rules: `queued`, `sending` (claimed by a run; `next_attempt_at` is
then a lease), `sent`, `failed_retrying` (persistent back-off in `next_attempt_at`), `rejected`
(the office refused the event; its reason kept in both languages).

What is the events' own: each keeps the ticket's state the office answered (`office_state`), a
sent event is later `folded` into the pulled state (`store.assignments`), and their order: events
of one ticket depend on each other ("visit agreed" needs "contacted"), so they are sent in the
order they were logged and an event waits while an earlier one of the same ticket is still on its
way (`sendable`). The office stores an event id once, so an event sent
twice after a lost answer is answered 'duplicate' and counts as sent.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from inspector_app.store import outbox_rows
from inspector_app.store.outbox_rows import FAILED_RETRYING, QUEUED, REJECTED, SENDING, SENT

STATE_ZH = {QUEUED: "等待发送", SENDING: "正在发送", SENT: "已发送", FAILED_RETRYING: "发送失败，稍后重试",
            REJECTED: "被办公室拒收"}


@dataclass
class EventEntry:
    event_id: str
    position: int
    channel: str
    ticket: str
    kind: str
    at: str
    data: dict[str, Any]
    note: str
    state: str
    attempts: int
    failed_runs: int
    next_attempt_at: float
    last_status: int | None
    reason_zh: str
    reason_en: str
    office_state: str | None
    created_at: str
    sent_at: str | None

    def reason(self, lang: str = "zh") -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def wire(self) -> dict[str, Any]:
        """The event as `POST /api/v1/ticket-events` takes it."""
        return {"event_id": self.event_id, "channel": self.channel, "ticket": self.ticket,
                "kind": self.kind, "at": self.at, "data": self.data, "note": self.note}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_SQL = ("SELECT event_id, position, channel, ticket, kind, at, data, note, state, attempts,"
        " failed_runs, next_attempt_at, last_status, reason_zh, reason_en, office_state,"
        " created_at, sent_at FROM ticket_event_outbox")


def _entry(row: tuple) -> EventEntry:
    values = list(row)
    values[6] = json.loads(values[6])
    return EventEntry(*values)


def entries(db: sqlite_utils.Database, states: tuple[str, ...] | None = None,
            channel: str | None = None, ticket: str | None = None) -> list[EventEntry]:
    """Events in the order logged, optionally only some states or one ticket."""
    clauses, params = [], []
    if states:
        clauses.append(f"state IN ({','.join('?' * len(states))})")
        params += list(states)
    if channel is not None and ticket is not None:
        clauses.append("channel=? AND ticket=?")
        params += [channel, ticket]
    sql = _SQL + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY position"
    return [_entry(r) for r in db.conn.execute(sql, params).fetchall()]


def entry(db: sqlite_utils.Database, event_id: str) -> EventEntry | None:
    row = db.conn.execute(_SQL + " WHERE event_id=?", (event_id,)).fetchone()
    return _entry(row) if row else None


def sendable(db: sqlite_utils.Database, now: float | None = None,
             include_not_due: bool = False) -> list[EventEntry]:
    """The events a run may send now, in the order logged: due (or `include_not_due`) and with
    no earlier event of the same ticket still waiting (in back-off, or held by another run)."""
    now = time.time() if now is None else now
    blocked: set[tuple[str, str]] = set()
    out = []
    for e in entries(db, (QUEUED, SENDING, FAILED_RETRYING)):
        key = (e.channel, e.ticket)
        if key in blocked:
            continue
        if e.state == SENDING or (not include_not_due and e.next_attempt_at > now):
            blocked.add(key)
            continue
        out.append(e)
    return out


@dataclass
class EventOutcome(outbox_rows.Outcome):
    """What became of one claimed event in a run (`key` is its event id), for `settle`."""

    office_state: str | None = None   # SENT, REJECTED: the ticket's state the office answered

    def own_columns(self) -> dict[str, Any]:
        return {"office_state": self.office_state} if self.state in (SENT, REJECTED) else {}


_ROWS = outbox_rows.OutboxRows("ticket_event_outbox", "event_id")
counts = _ROWS.counts
next_due_at = _ROWS.next_due_at
recover_interrupted = _ROWS.recover_interrupted
claim_many = _ROWS.claim_many
settle = _ROWS.settle


def requeue(db: sqlite_utils.Database, from_states: tuple[str, ...] = (REJECTED,)) -> int:
    """Try again now every event in `from_states` (after the office changed its mind)."""
    return _ROWS.requeue(db, from_states=from_states)
