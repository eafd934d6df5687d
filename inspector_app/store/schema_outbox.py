"""Schema step 3: the outbox, the queue of sealed records waiting to reach the office.

Why a trigger enqueues: sealing (`seal.record.seal_visit`) inserts into `sealed_records` inside
its own chain transaction and offers no hook; an AFTER INSERT trigger puts the record in the
outbox in that very transaction, so there is no moment at which a record is sealed but not queued
(a crash between "seal" and "enqueue" cannot lose an upload). `outbox.enqueue_missing` backs it
up for databases whose trigger was dropped, and this step back-fills records sealed before it.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.store.database import migration

OUTBOX_STATES = ("queued", "sending", "sent", "failed_retrying", "rejected")


@migration(3, "outbox of sealed records for upload")
def _outbox(db: sqlite_utils.Database) -> None:
    states = ",".join(f"'{s}'" for s in OUTBOX_STATES)
    db.execute(f"""
        CREATE TABLE outbox (
            record_id TEXT PRIMARY KEY REFERENCES sealed_records(record_id),
            state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ({states})),
            attempts INTEGER NOT NULL DEFAULT 0,     -- HTTP attempts, all runs together
            failed_runs INTEGER NOT NULL DEFAULT 0,  -- runs in a row that ended in a retry
            next_attempt_at REAL NOT NULL DEFAULT 0,  -- epoch s; while sending: lease expiry
            last_status INTEGER,                      -- HTTP status of the last answer, if any
            reason_zh TEXT NOT NULL DEFAULT '',       -- the office's reason (or ours) in words
            reason_en TEXT NOT NULL DEFAULT '',
            enqueued_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            office_url TEXT                           -- where it was accepted
        )""")
    db.execute("CREATE INDEX outbox_state ON outbox(state, next_attempt_at)")
    db.execute("""
        CREATE TRIGGER sealed_records_enqueue AFTER INSERT ON sealed_records
        BEGIN
            INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)
            VALUES (NEW.record_id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                    strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END""")
    db.execute("""
        INSERT OR IGNORE INTO outbox (record_id, enqueued_at, updated_at)
        SELECT record_id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
               strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM sealed_records""")
