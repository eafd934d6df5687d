"""The assignments page's reads and writes, made in a worker thread on a connection of its own.

Why a connection per call: the GUI thread's connection stays the GUI thread's, the page never
waits on the disk (the list replays each ticket's unsent events) and a background sync writing
the same file meanwhile only makes the worker wait (WAL, busy timeout), never the window.
Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.store import assignments as store
from inspector_app.store.database import DB_FILENAME, open_connection


@dataclass(frozen=True)
class Snapshot:
    """What the page shows: every assignment (removed ones too) and when the list was pulled."""

    assignments: list[Any]          # store.assignments.Assignment
    last_pull: datetime | None


@contextmanager
def _database(data_dir: Path) -> Iterator[sqlite_utils.Database]:
    conn = open_connection(Path(data_dir) / DB_FILENAME)
    try:
        yield sqlite_utils.Database(conn)
    finally:
        conn.close()


def read_snapshot(data_dir: Path) -> Snapshot:
    with _database(data_dir) as db:
        return Snapshot(store.assignments(db, include_removed=True), store.last_pull(db))


def log_ticket_event(data_dir: Path, channel: str, ticket: str, kind: str, at: str,
                     data: dict[str, Any], note: str) -> str:
    """`store.assignments.log_event` (it refuses with the core's TicketError); the event id."""
    with _database(data_dir) as db:
        return store.log_event(db, channel, ticket, kind, at, data, note)
