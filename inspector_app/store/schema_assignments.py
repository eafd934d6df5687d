"""Schema step 7: the inspector's assignments pulled from the office, and the queue of ticket
events (contact logged, visit agreed, ...) waiting to reach it.

Why three tables: `assignments` is the office's last word on each ticket dispatched to this
laptop (kept when the office takes a ticket back and a visit was already started on it, so the
record is not orphaned); `assignment_sync` holds the pull's cursor and the office key pinned on
first pull; `ticket_event_outbox` is the same outbox as the records' (states, attempts,
persistent back-off, the office's reason in both languages), so an event logged offline reaches
the office exactly once whatever the network does.

`folded` marks a sent event whose effect a later pull already brought back in the ticket's
state: the local status of a ticket is the pulled state plus the events not folded yet.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.store.database import migration
from inspector_app.store.schema_outbox import OUTBOX_STATES

EVENT_OUTBOX_STATES = OUTBOX_STATES  # the same outbox as the records', the same states


@migration(7, "assignments pulled from the office and the ticket event outbox")
def _assignments(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE assignments (
            channel TEXT NOT NULL,
            ticket TEXT NOT NULL,
            item TEXT NOT NULL,                    -- JSON: the ticket as pulled, with signature
            pulled_at TEXT NOT NULL,
            removed_at TEXT,                       -- the office took it back (reassigned, ...)
            removed_reason TEXT NOT NULL DEFAULT '',
            visit_id TEXT,                         -- a visit started from this assignment
            flagged INTEGER NOT NULL DEFAULT 0,    -- removed after its visit was started
            PRIMARY KEY (channel, ticket)
        )""")
    db.execute("""
        CREATE TABLE assignment_sync (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            cursor TEXT,
            last_pull_at TEXT,
            office_key_id TEXT,
            office_public_key TEXT
        )""")
    # no row yet: written by the first pull (a row made here would collide with the one
    # `store.recovery` copies from a damaged database)
    states = ",".join(f"'{s}'" for s in EVENT_OUTBOX_STATES)
    db.execute(f"""
        CREATE TABLE ticket_event_outbox (
            event_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE,        -- the order logged = the order sent
            channel TEXT NOT NULL,
            ticket TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{{}}',       -- JSON
            note TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ({states})),
            attempts INTEGER NOT NULL DEFAULT 0,
            failed_runs INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,  -- epoch s; while sending: lease expiry
            last_status INTEGER,
            reason_zh TEXT NOT NULL DEFAULT '',
            reason_en TEXT NOT NULL DEFAULT '',
            office_state TEXT,                        -- the ticket's state the office answered
            folded INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT
        )""")
    db.execute("CREATE INDEX ticket_event_outbox_state ON ticket_event_outbox(state, position)")
    db.execute("CREATE INDEX ticket_event_outbox_ticket ON ticket_event_outbox(channel, ticket)")
