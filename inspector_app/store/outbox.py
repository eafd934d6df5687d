"""The outbox: which sealed records still have to reach the office, and what became of each.

States (each row is also shown to the inspector with the office's reason in words):
- `queued`           waiting for its first or next try
- `sending`          claimed by a sync run; `next_attempt_at` is then a lease, so a run that died
                     mid-upload frees its rows when the lease runs out (the office is idempotent,
                     a record sent twice is stored once)
- `sent`             the office confirmed it (201/200 echoing id and sha256); the visit is 'synced'
- `failed_retrying`  a network fault, a 5xx or an answer that was not the office; retried after
                     `next_attempt_at` (exponential back-off with jitter)
- `rejected`         the office refused the record itself (409/413/422): retrying cannot help, it
                     stays read-only and visible with the reason until someone acts

Every function commits its own short transaction; the sync client may call them from a worker
thread as long as that thread uses its own connection. A run claims and settles records in
batches (`claim_many`, `settle`): one transaction, so one fsync, per batch instead of two per
record, which was most of the laptop's share of an upload.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from inspector_app.store.schema_outbox import OUTBOX_STATES
from inspector_app.store.visits import SEALED, SYNCED

QUEUED, SENDING, SENT, FAILED_RETRYING, REJECTED = OUTBOX_STATES
STATE_ZH = {QUEUED: "等待上传", SENDING: "正在上传", SENT: "已上传", FAILED_RETRYING: "上传失败，稍后重试",
            REJECTED: "被办公室拒收"}


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class OutboxEntry:
    record_id: str
    state: str
    attempts: int
    failed_runs: int
    next_attempt_at: float
    last_status: int | None
    reason_zh: str
    reason_en: str
    enqueued_at: str
    updated_at: str
    sent_at: str | None
    office_url: str | None
    device_id: str
    seq: int
    training: bool = False

    def reason(self, lang: str = "zh") -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ENTRY_SQL = ("SELECT o.record_id, o.state, o.attempts, o.failed_runs, o.next_attempt_at, o.last_status,"
              " o.reason_zh, o.reason_en, o.enqueued_at, o.updated_at, o.sent_at, o.office_url,"
              " s.device_id, s.seq, COALESCE(v.training, 0)"
              " FROM outbox o JOIN sealed_records s ON s.record_id = o.record_id"
              " LEFT JOIN visits v ON v.id = s.visit_id")


def _entry(row: tuple) -> OutboxEntry:
    return OutboxEntry(*row[:14], training=bool(row[14]))


def enqueue(db: sqlite_utils.Database, record_id: str) -> bool:
    """Queue a sealed record for upload; False when it was already in the outbox."""
    now = _now_iso()
    with db.conn:
        cur = db.conn.execute("INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)"
                              " SELECT record_id, ?, ? FROM sealed_records WHERE record_id=?",
                              (now, now, record_id))
    if cur.rowcount != 1 and entry(db, record_id) is None:
        raise KeyError(record_id)
    return cur.rowcount == 1


def enqueue_missing(db: sqlite_utils.Database) -> int:
    """Queue every sealed record not yet in the outbox (idempotent); returns how many."""
    now = _now_iso()
    with db.conn:
        cur = db.conn.execute("INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)"
                              " SELECT record_id, ?, ? FROM sealed_records", (now, now))
    return cur.rowcount


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """How many records are in each state, plus 'total' and 'pending' (not yet at the office)."""
    result = dict.fromkeys(OUTBOX_STATES, 0)
    for state, n in db.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        result[state] = n
    result["total"] = sum(result[s] for s in OUTBOX_STATES)
    result["pending"] = result[QUEUED] + result[SENDING] + result[FAILED_RETRYING]
    return result


def entries(db: sqlite_utils.Database, states: tuple[str, ...] | None = None) -> list[OutboxEntry]:
    """Outbox rows in chain order (device, seq), optionally only some states."""
    sql, params = _ENTRY_SQL, ()
    if states:
        sql += f" WHERE o.state IN ({','.join('?' * len(states))})"
        params = tuple(states)
    sql += " ORDER BY s.device_id, s.seq"
    return [_entry(r) for r in db.conn.execute(sql, params).fetchall()]


def entry(db: sqlite_utils.Database, record_id: str) -> OutboxEntry | None:
    row = db.conn.execute(_ENTRY_SQL + " WHERE o.record_id=?", (record_id,)).fetchone()
    return _entry(row) if row else None


def next_due_at(db: sqlite_utils.Database) -> float | None:
    """When the earliest waiting record may be tried (epoch s); None when nothing waits."""
    row = db.conn.execute("SELECT min(next_attempt_at) FROM outbox WHERE state IN (?, ?, ?)",
                          (QUEUED, FAILED_RETRYING, SENDING)).fetchone()
    return None if row[0] is None else float(row[0])


def recover_interrupted(db: sqlite_utils.Database, now: float | None = None) -> int:
    """Give back rows whose sending lease ran out (their run died); returns how many."""
    now = time.time() if now is None else now
    with db.conn:
        cur = db.conn.execute("UPDATE outbox SET state=?, next_attempt_at=0, updated_at=?"
                              " WHERE state=? AND next_attempt_at<?",
                              (QUEUED, _now_iso(), SENDING, now))
    return cur.rowcount


def due(db: sqlite_utils.Database, now: float | None = None,
        include_not_due: bool = False) -> list[str]:
    """Record ids to try now, in chain order so the office sees each device's chain grow."""
    now = time.time() if now is None else now
    sql = ("SELECT o.record_id FROM outbox o JOIN sealed_records s ON s.record_id=o.record_id"
           " WHERE o.state IN (?, ?)")
    params: list[Any] = [QUEUED, FAILED_RETRYING]
    if not include_not_due:
        sql += " AND o.next_attempt_at <= ?"
        params.append(now)
    sql += " ORDER BY s.device_id, s.seq"
    return [r[0] for r in db.conn.execute(sql, params).fetchall()]


def claim(db: sqlite_utils.Database, record_id: str, lease_s: float,
          now: float | None = None) -> bool:
    """Mark a row `sending` unless another run holds it or it is finished; True if claimed."""
    return record_id in claim_many(db, [record_id], lease_s, now)


def claim_many(db: sqlite_utils.Database, record_ids: list[str], lease_s: float,
               now: float | None = None) -> dict[str, tuple[str, float]]:
    """Claim several rows in one transaction (one fsync, not one per record), as `claim`.

    Returns {record_id: (state, next_attempt_at) before the claim} for the rows claimed, so
    those a run does not reach can be given back unchanged (`settle`), back-off included.
    """
    now = time.time() if now is None else now
    claimed: dict[str, tuple[str, float]] = {}
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        for record_id in record_ids:
            row = db.conn.execute("SELECT state, next_attempt_at FROM outbox WHERE record_id=?"
                                  " AND state IN (?, ?)",
                                  (record_id, QUEUED, FAILED_RETRYING)).fetchone()
            if row is None:
                continue  # another run holds it or finished it meanwhile
            db.conn.execute("UPDATE outbox SET state=?, next_attempt_at=?, updated_at=?"
                            " WHERE record_id=?",
                            (SENDING, now + lease_s, _now_iso(), record_id))
            claimed[record_id] = (row[0], float(row[1]))
    return claimed


@dataclass
class Outcome:
    """What became of one claimed record in a run, to be written by `settle`."""

    record_id: str
    state: str                    # SENT, REJECTED or FAILED_RETRYING
    attempts: int
    status: int | None = None
    reason_zh: str = ""
    reason_en: str = ""
    office_url: str = ""          # SENT: where it was accepted
    next_attempt_at: float = 0.0  # FAILED_RETRYING: the persistent back-off


def settle(db: sqlite_utils.Database, outcomes: list[Outcome],
           give_back: dict[str, tuple[str, float]] | None = None) -> None:
    """Write several outcomes, and give back claimed rows that were not tried, in one transaction.

    A crash before this leaves the rows `sending` until their lease runs out; the next run sends
    them again and the office, which stores a record once, answers 'already present'.
    """
    now = _now_iso()
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        for o in outcomes:
            _SETTLE[o.state](db, o, now)
        for record_id, (state, next_attempt_at) in (give_back or {}).items():
            db.conn.execute("UPDATE outbox SET state=?, next_attempt_at=?, updated_at=?"
                            " WHERE record_id=? AND state=?",
                            (state, next_attempt_at, now, record_id, SENDING))


def _sent(db: sqlite_utils.Database, o: Outcome, now: str) -> None:
    db.conn.execute("UPDATE outbox SET state=?, last_status=?, reason_zh='', reason_en='',"
                    " attempts=attempts+?, sent_at=?, updated_at=?, office_url=?,"
                    " next_attempt_at=0, failed_runs=0 WHERE record_id=?",
                    (SENT, o.status, o.attempts, now, now, o.office_url, o.record_id))
    db.conn.execute("UPDATE visits SET state=?, updated_at=? WHERE state=? AND id="
                    "(SELECT visit_id FROM sealed_records WHERE record_id=?)",
                    (SYNCED, now, SEALED, o.record_id))


def _retry(db: sqlite_utils.Database, o: Outcome, now: str) -> None:
    db.conn.execute("UPDATE outbox SET state=?, last_status=?, reason_zh=?, reason_en=?,"
                    " attempts=attempts+?, failed_runs=failed_runs+1, next_attempt_at=?,"
                    " updated_at=? WHERE record_id=?",
                    (FAILED_RETRYING, o.status, o.reason_zh, o.reason_en, o.attempts,
                     o.next_attempt_at, now, o.record_id))


def _rejected(db: sqlite_utils.Database, o: Outcome, now: str) -> None:
    db.conn.execute("UPDATE outbox SET state=?, last_status=?, reason_zh=?, reason_en=?,"
                    " attempts=attempts+?, next_attempt_at=0, updated_at=? WHERE record_id=?",
                    (REJECTED, o.status, o.reason_zh, o.reason_en, o.attempts, now,
                     o.record_id))


_SETTLE = {SENT: _sent, FAILED_RETRYING: _retry, REJECTED: _rejected}


def mark_sent(db: sqlite_utils.Database, record_id: str, status: int, office_url: str,
              attempts: int) -> None:
    """The office confirmed the record: outbox 'sent' and the visit 'synced', together."""
    settle(db, [Outcome(record_id, SENT, attempts, status, office_url=office_url)])


def mark_retry(db: sqlite_utils.Database, record_id: str, status: int | None, zh: str, en: str,
               attempts: int, next_attempt_at: float) -> None:
    settle(db, [Outcome(record_id, FAILED_RETRYING, attempts, status, zh, en,
                        next_attempt_at=next_attempt_at)])


def mark_rejected(db: sqlite_utils.Database, record_id: str, status: int, zh: str, en: str,
                  attempts: int) -> None:
    settle(db, [Outcome(record_id, REJECTED, attempts, status, zh, en)])


def release(db: sqlite_utils.Database, record_id: str) -> None:
    """Give a claimed row back untried (a run stopped before reaching it)."""
    with db.conn:
        db.conn.execute("UPDATE outbox SET state=?, next_attempt_at=0, updated_at=?"
                        " WHERE record_id=? AND state=?",
                        (QUEUED, _now_iso(), record_id, SENDING))


def requeue(db: sqlite_utils.Database, record_id: str | None = None,
            from_states: tuple[str, ...] = (REJECTED, FAILED_RETRYING)) -> int:
    """Try again now: one record, or every row in `from_states` (e.g. after the office changed)."""
    sql = ("UPDATE outbox SET state=?, next_attempt_at=0, updated_at=?"
           f" WHERE state IN ({','.join('?' * len(from_states))})")
    params: list[Any] = [QUEUED, _now_iso(), *from_states]
    if record_id is not None:
        sql += " AND record_id=?"
        params.append(record_id)
    with db.conn:
        return db.conn.execute(sql, params).rowcount
