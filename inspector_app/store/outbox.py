"""The outbox: which sealed records still have to reach the office, and what became of each.

States and their rules are those of every outbox of the laptop (`store.outbox_rows`): `queued`,
`sending` (claimed by a run; `next_attempt_at` is then a lease), `sent` (the office confirmed it,
201/200 echoing id and sha256; the visit is then 'synced'), `failed_retrying` (a network fault, a
5xx or an answer that was not the office; persistent back-off in `next_attempt_at`), `rejected`
(the office refused the record itself, 409/413/422: it stays read-only and visible with the
reason until someone acts). Each row is shown to the inspector with the office's reason in words.

What is the records' own: the rows follow `sealed_records` (chain order per device, `due`), a sent
record keeps the `office_url` that accepted it, and its visit becomes 'synced' in the same
transaction. Every function commits its own short transaction; the sync client may call them from
a worker thread as long as that thread uses its own connection. A run claims and settles records in
batches (`claim_many`, `settle`): one transaction, so one fsync, per batch instead of two per
record, which was most of the laptop's share of an upload.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from inspector_app.store import outbox_rows
from inspector_app.store.outbox_rows import (
    FAILED_RETRYING,
    QUEUED,
    REJECTED,
    SENDING,
    SENT,
    now_iso,
)
from inspector_app.store.visits import SEALED, SYNCED

STATE_ZH = {QUEUED: "等待上传", SENDING: "正在上传", SENT: "已上传", FAILED_RETRYING: "上传失败，稍后重试",
            REJECTED: "被办公室拒收"}


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
    now = now_iso()
    with db.conn:
        cur = db.conn.execute("INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)"
                              " SELECT record_id, ?, ? FROM sealed_records WHERE record_id=?",
                              (now, now, record_id))
    if cur.rowcount != 1 and entry(db, record_id) is None:
        raise KeyError(record_id)
    return cur.rowcount == 1


def enqueue_missing(db: sqlite_utils.Database) -> int:
    """Queue every sealed record not yet in the outbox (idempotent); returns how many."""
    now = now_iso()
    with db.conn:
        cur = db.conn.execute("INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)"
                              " SELECT record_id, ?, ? FROM sealed_records", (now, now))
    return cur.rowcount


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


@dataclass
class Outcome(outbox_rows.Outcome):
    """What became of one claimed record in a run (`key` is its record id), for `settle`."""

    office_url: str = ""          # SENT: where it was accepted

    def own_columns(self) -> dict[str, Any]:
        return {"office_url": self.office_url} if self.state == SENT else {}


def _visit_synced(db: sqlite_utils.Database, o: outbox_rows.Outcome, now: str) -> None:
    """A record the office confirmed makes its visit 'synced', in the same transaction."""
    db.conn.execute("UPDATE visits SET state=?, updated_at=? WHERE state=? AND id="
                    "(SELECT visit_id FROM sealed_records WHERE record_id=?)",
                    (SYNCED, now, SEALED, o.key))


_ROWS = outbox_rows.OutboxRows("outbox", "record_id", after_sent=_visit_synced)
counts = _ROWS.counts
next_due_at = _ROWS.next_due_at
recover_interrupted = _ROWS.recover_interrupted
claim_many = _ROWS.claim_many
settle = _ROWS.settle
release = _ROWS.release


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


def requeue(db: sqlite_utils.Database, record_id: str | None = None,
            from_states: tuple[str, ...] = (REJECTED, FAILED_RETRYING)) -> int:
    """Try again now: one record, or every row in `from_states` (e.g. after the office changed)."""
    return _ROWS.requeue(db, record_id, from_states)
