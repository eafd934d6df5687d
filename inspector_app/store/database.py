"""The local SQLite file: opened with WAL and foreign keys, brought up to date by migrations.

Migrations are numbered functions kept in `MIGRATIONS`; `PRAGMA user_version` is the number of the
last one run. Each runs in one transaction, so a power cut mid-upgrade leaves the previous version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

DB_FILENAME = "inspections.sqlite3"

Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(number: int, title: str) -> Callable[[Migration], Migration]:
    """Register a schema step; numbers are unique and only grow (see `migrate`)."""

    def register(fn: Migration) -> Migration:
        MIGRATIONS.append((number, title, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn

    return register


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and apply pending migrations."""
    _load_schema_modules()
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    db = sqlite_utils.Database(conn)
    migrate(db)
    return db


def _load_schema_modules() -> None:
    """Import every `store/schema*.py`: each feature declares its own schema steps there."""
    import importlib
    import pkgutil

    from inspector_app import store

    for info in pkgutil.iter_modules(store.__path__):
        if info.name.startswith("schema"):
            importlib.import_module(f"{store.__name__}.{info.name}")


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    numbers = [m[0] for m in MIGRATIONS]
    # Features reserve their numbers before they are merged, so a branch may skip some: numbers
    # must be unique and positive, not consecutive (steps still run in number order).
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        raise RuntimeError(f"migration numbers are not unique: {numbers}")
    current = schema_version(db)
    for number, _title, step in MIGRATIONS:
        if number <= current:
            continue
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            step(db)
            db.conn.execute(f"PRAGMA user_version={number}")
    return schema_version(db)
