"""The outbox state machine, one for every outbox of the laptop (sealed records, ticket events).

Why one: the records and the ticket events travel over the same network to the same office, so
they follow the same retry rules; written twice, the two copies would drift apart. A table is an
outbox when it has a text key column and the columns `state`, `attempts`, `failed_runs`,
`next_attempt_at`, `last_status`, `reason_zh`, `reason_en`, `updated_at` and `sent_at`.

States (each row is also shown to the inspector with the office's reason in words):
- `queued`           waiting for its first or next try
- `sending`          claimed by a sync run; `next_attempt_at` is then a lease, so a run that died
                     mid-upload frees its rows when the lease runs out (the office stores a key
                     once, so a row sent twice is stored once)
- `sent`             the office confirmed it
- `failed_retrying`  a network fault, a 5xx or an answer that was not the office; retried after
                     `next_attempt_at` (the persistent back-off)
- `rejected`         the office refused the row itself: retrying cannot help, it stays visible
                     with the reason until someone acts

Every method commits its own short transaction; claims and outcomes are written in batches
(`claim_many`, `settle`) under BEGIN IMMEDIATE: one fsync per batch, and two sync runs never
claim the same row. What an outbox writes besides (the records' `office_url`, the events'
`office_state`) comes with its outcome (`Outcome.own_columns`); what else has to change with a
sent row (the records' visit becomes 'synced') is its table's `after_sent`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from inspector_app.store.schema_outbox import OUTBOX_STATES

QUEUED, SENDING, SENT, FAILED_RETRYING, REJECTED = OUTBOX_STATES


def now_iso() -> str:
    """The time stamp written in `updated_at` and `sent_at` (UTC, to the second)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Outcome:
    """What became of one claimed row in a run, to be written by `settle`.

    An outbox with columns of its own subclasses this and says in `own_columns` what to write.
    """

    key: str
    state: str                    # SENT, REJECTED or FAILED_RETRYING
    attempts: int
    status: int | None = None
    reason_zh: str = ""
    reason_en: str = ""
    next_attempt_at: float = 0.0  # FAILED_RETRYING: the persistent back-off

    def own_columns(self) -> dict[str, Any]:
        """Columns of this outbox alone to write with the outcome ({column: value})."""
        return {}


Claimed = dict[str, tuple[str, float]]  # key: (state, next_attempt_at) before the claim
AfterSent = Callable[[sqlite_utils.Database, Outcome, str], None]


@dataclass(frozen=True)
class OutboxRows:
    """The state machine over one outbox table whose rows are named by `key` (a column)."""

    table: str
    key: str
    after_sent: AfterSent | None = None  # more to write, in the same transaction, once sent

    def counts(self, db: sqlite_utils.Database) -> dict[str, int]:
        """Rows in each state, plus 'total' and 'pending' (not yet confirmed by the office)."""
        result = dict.fromkeys(OUTBOX_STATES, 0)
        for state, n in db.conn.execute(f"SELECT state, count(*) FROM {self.table}"
                                        " GROUP BY state"):
            result[state] = n
        result["total"] = sum(result[s] for s in OUTBOX_STATES)
        result["pending"] = result[QUEUED] + result[SENDING] + result[FAILED_RETRYING]
        return result

    def next_due_at(self, db: sqlite_utils.Database) -> float | None:
        """When the earliest waiting row may be tried (epoch s); None when nothing waits."""
        row = db.conn.execute(f"SELECT min(next_attempt_at) FROM {self.table}"
                              " WHERE state IN (?, ?, ?)",
                              (QUEUED, FAILED_RETRYING, SENDING)).fetchone()
        return None if row[0] is None else float(row[0])

    def recover_interrupted(self, db: sqlite_utils.Database, now: float | None = None) -> int:
        """Give back rows whose sending lease ran out (their run died); returns how many."""
        now = time.time() if now is None else now
        with db.conn:
            return db.conn.execute(f"UPDATE {self.table} SET state=?, next_attempt_at=0,"
                                   " updated_at=? WHERE state=? AND next_attempt_at<?",
                                   (QUEUED, now_iso(), SENDING, now)).rowcount

    def claim_many(self, db: sqlite_utils.Database, keys: list[str], lease_s: float,
                   now: float | None = None) -> Claimed:
        """Mark rows `sending` in one transaction (one fsync, not one per row), each unless
        another run holds it or it is finished.

        Returns {key: (state, next_attempt_at) before the claim} for the rows claimed, so those
        a run does not reach can be given back unchanged (`settle`), back-off included.
        """
        now = time.time() if now is None else now
        claimed: Claimed = {}
        stamp = now_iso()
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            for key in keys:
                row = db.conn.execute(f"SELECT state, next_attempt_at FROM {self.table}"
                                      f" WHERE {self.key}=? AND state IN (?, ?)",
                                      (key, QUEUED, FAILED_RETRYING)).fetchone()
                if row is None:
                    continue  # another run holds it or finished it meanwhile
                db.conn.execute(f"UPDATE {self.table} SET state=?, next_attempt_at=?,"
                                f" updated_at=? WHERE {self.key}=?",
                                (SENDING, now + lease_s, stamp, key))
                claimed[key] = (row[0], float(row[1]))
        return claimed

    def settle(self, db: sqlite_utils.Database, outcomes: list[Outcome],
               give_back: Claimed | None = None) -> None:
        """Write several outcomes, and give back claimed rows that were not tried, in one
        transaction.

        A crash before this leaves the rows `sending` until their lease runs out; the next run
        sends them again and the office, which stores a key once, says it has it already.
        """
        stamp = now_iso()
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            for o in outcomes:
                self._write(db, o, stamp)
                if o.state == SENT and self.after_sent is not None:
                    self.after_sent(db, o, stamp)
            for key, (state, next_attempt_at) in (give_back or {}).items():
                db.conn.execute(f"UPDATE {self.table} SET state=?, next_attempt_at=?,"
                                f" updated_at=? WHERE {self.key}=? AND state=?",
                                (state, next_attempt_at, stamp, key, SENDING))

    def _write(self, db: sqlite_utils.Database, o: Outcome, stamp: str) -> None:
        sets, params = _SETTLED[o.state](o, stamp)
        own = o.own_columns()
        assignments = ", ".join(["state=?, last_status=?", sets, *(f"{c}=?" for c in own),
                                 "updated_at=?"])
        db.conn.execute(f"UPDATE {self.table} SET {assignments} WHERE {self.key}=?",
                        (o.state, o.status, *params, *own.values(), stamp, o.key))

    def release(self, db: sqlite_utils.Database, key: str) -> None:
        """Give a claimed row back untried (a run stopped before reaching it)."""
        with db.conn:
            db.conn.execute(f"UPDATE {self.table} SET state=?, next_attempt_at=0, updated_at=?"
                            f" WHERE {self.key}=? AND state=?", (QUEUED, now_iso(), key, SENDING))

    def requeue(self, db: sqlite_utils.Database, key: str | None = None,
                from_states: tuple[str, ...] = (REJECTED, FAILED_RETRYING)) -> int:
        """Try again now: one row, or every row in `from_states` (e.g. after the office
        changed); returns how many."""
        sql = (f"UPDATE {self.table} SET state=?, next_attempt_at=0, updated_at=?"
               f" WHERE state IN ({','.join('?' * len(from_states))})")
        params: list[Any] = [QUEUED, now_iso(), *from_states]
        if key is not None:
            sql += f" AND {self.key}=?"
            params.append(key)
        with db.conn:
            return db.conn.execute(sql, params).rowcount


# What each outcome writes besides state, last_status and updated_at: `attempts` in an outcome
# is this run's tries, added to those of earlier runs; `failed_runs` counts runs failed in a row.
def _sent(o: Outcome, stamp: str) -> tuple[str, tuple[Any, ...]]:
    return ("reason_zh='', reason_en='', attempts=attempts+?, failed_runs=0, next_attempt_at=0,"
            " sent_at=?", (o.attempts, stamp))


def _rejected(o: Outcome, stamp: str) -> tuple[str, tuple[Any, ...]]:
    return ("reason_zh=?, reason_en=?, attempts=attempts+?, next_attempt_at=0",
            (o.reason_zh, o.reason_en, o.attempts))


def _retrying(o: Outcome, stamp: str) -> tuple[str, tuple[Any, ...]]:
    return ("reason_zh=?, reason_en=?, attempts=attempts+?, failed_runs=failed_runs+1,"
            " next_attempt_at=?", (o.reason_zh, o.reason_en, o.attempts, o.next_attempt_at))


_SETTLED: dict[str, Callable[[Outcome, str], tuple[str, tuple[Any, ...]]]] = {
    SENT: _sent, REJECTED: _rejected, FAILED_RETRYING: _retrying}
