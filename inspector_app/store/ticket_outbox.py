"""The ticket event outbox: contacts and agreed visits waiting to reach the office.

Same states and meaning as the records' outbox (`store.outbox`): `queued`, `sending` (claimed by
a run; `next_attempt_at` is then a lease), `sent`, `failed_retrying` (persistent back-off in
`next_attempt_at`), `rejected` (the office refused the event; its reason kept in both languages).

One difference: events of one ticket depend on each other ("visit agreed" needs "contacted"), so
they are sent in the order they were logged and an event waits while an earlier one of the same
ticket is still on its way (`sendable`). The office stores an event id once, so an event sent
twice after a lost answer is answered 'duplicate' and counts as sent.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from inspector_app.store.schema_assignments import EVENT_OUTBOX_STATES

QUEUED, SENDING, SENT, FAILED_RETRYING, REJECTED = EVENT_OUTBOX_STATES
STATE_ZH = {QUEUED: "等待发送", SENDING: "正在发送", SENT: "已发送", FAILED_RETRYING: "发送失败，稍后重试",
            REJECTED: "被办公室拒收"}


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Events in each state, plus 'total' and 'pending' (not yet confirmed by the office)."""
    result = dict.fromkeys(EVENT_OUTBOX_STATES, 0)
    for state, n in db.conn.execute("SELECT state, count(*) FROM ticket_event_outbox"
                                    " GROUP BY state"):
        result[state] = n
    result["total"] = sum(result[s] for s in EVENT_OUTBOX_STATES)
    result["pending"] = result[QUEUED] + result[SENDING] + result[FAILED_RETRYING]
    return result


def next_due_at(db: sqlite_utils.Database) -> float | None:
    row = db.conn.execute("SELECT min(next_attempt_at) FROM ticket_event_outbox"
                          " WHERE state IN (?, ?, ?)", (QUEUED, FAILED_RETRYING, SENDING)).fetchone()
    return None if row[0] is None else float(row[0])


def recover_interrupted(db: sqlite_utils.Database, now: float | None = None) -> int:
    """Give back events whose sending lease ran out (their run died)."""
    now = time.time() if now is None else now
    with db.conn:
        return db.conn.execute("UPDATE ticket_event_outbox SET state=?, next_attempt_at=0,"
                               " updated_at=? WHERE state=? AND next_attempt_at<?",
                               (QUEUED, _now_iso(), SENDING, now)).rowcount


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


def claim_many(db: sqlite_utils.Database, event_ids: list[str], lease_s: float,
               now: float | None = None) -> dict[str, tuple[str, float]]:
    """Mark events `sending` (one transaction); returns {id: (state, next_attempt_at) before}
    for those claimed (another run may hold or have finished the others)."""
    now = time.time() if now is None else now
    claimed: dict[str, tuple[str, float]] = {}
    stamp = _now_iso()
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        for event_id in event_ids:
            row = db.conn.execute("SELECT state, next_attempt_at FROM ticket_event_outbox"
                                  " WHERE event_id=? AND state IN (?, ?)",
                                  (event_id, QUEUED, FAILED_RETRYING)).fetchone()
            if row is None:
                continue
            db.conn.execute("UPDATE ticket_event_outbox SET state=?, next_attempt_at=?,"
                            " updated_at=? WHERE event_id=?",
                            (SENDING, now + lease_s, stamp, event_id))
            claimed[event_id] = (row[0], float(row[1]))
    return claimed


@dataclass
class EventOutcome:
    """What became of one claimed event in a run."""

    event_id: str
    state: str                    # SENT, REJECTED or FAILED_RETRYING
    attempts: int
    status: int | None = None
    reason_zh: str = ""
    reason_en: str = ""
    office_state: str | None = None
    next_attempt_at: float = 0.0


def settle(db: sqlite_utils.Database, outcomes: list[EventOutcome],
           give_back: dict[str, tuple[str, float]] | None = None) -> None:
    """Write outcomes and give back claimed events not tried, in one transaction."""
    stamp = _now_iso()
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        for o in outcomes:
            if o.state == SENT:
                db.conn.execute(
                    "UPDATE ticket_event_outbox SET state=?, last_status=?, reason_zh='',"
                    " reason_en='', attempts=attempts+?, failed_runs=0, next_attempt_at=0,"
                    " office_state=?, sent_at=?, updated_at=? WHERE event_id=?",
                    (SENT, o.status, o.attempts, o.office_state, stamp, stamp, o.event_id))
            elif o.state == REJECTED:
                db.conn.execute(
                    "UPDATE ticket_event_outbox SET state=?, last_status=?, reason_zh=?,"
                    " reason_en=?, attempts=attempts+?, next_attempt_at=0, office_state=?,"
                    " updated_at=? WHERE event_id=?",
                    (REJECTED, o.status, o.reason_zh, o.reason_en, o.attempts, o.office_state,
                     stamp, o.event_id))
            else:
                db.conn.execute(
                    "UPDATE ticket_event_outbox SET state=?, last_status=?, reason_zh=?,"
                    " reason_en=?, attempts=attempts+?, failed_runs=failed_runs+1,"
                    " next_attempt_at=?, updated_at=? WHERE event_id=?",
                    (FAILED_RETRYING, o.status, o.reason_zh, o.reason_en, o.attempts,
                     o.next_attempt_at, stamp, o.event_id))
        for event_id, (state, next_attempt_at) in (give_back or {}).items():
            db.conn.execute("UPDATE ticket_event_outbox SET state=?, next_attempt_at=?,"
                            " updated_at=? WHERE event_id=? AND state=?",
                            (state, next_attempt_at, stamp, event_id, SENDING))


def requeue(db: sqlite_utils.Database, from_states: tuple[str, ...] = (REJECTED,)) -> int:
    """Try again now every event in `from_states` (after the office changed its mind)."""
    with db.conn:
        return db.conn.execute(
            "UPDATE ticket_event_outbox SET state=?, next_attempt_at=0, updated_at=?"
            f" WHERE state IN ({','.join('?' * len(from_states))})",
            (QUEUED, _now_iso(), *from_states)).rowcount
