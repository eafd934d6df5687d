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
    """Open (creating if needed) the database at `path` and apply pending migrations.

    Raises `health.StoreError` (in words, both languages) when the folder is unusable or the
    file is not a sound database; such a file is refused before SQLite writes anything to it.
    """
    from inspector_app.store.health import check_database_file, check_folder, store_error_from

    _load_schema_modules()
    path = Path(path)
    if str(path) != ":memory:":
        check_folder(path.parent)
        check_database_file(path)
    conn = None
    try:
        conn = open_connection(path)
        db = sqlite_utils.Database(conn)
        migrate(db)
    except (sqlite3.Error, OSError) as exc:
        if conn is not None:
            conn.close()
        raise store_error_from(exc, path) from exc
    return db


def open_connection(path: str | Path) -> sqlite3.Connection:
    """A connection with the store's settings (WAL, full sync, foreign keys), not migrated."""
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


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


def latest_version() -> int:
    """The schema version this program writes (every registered migration)."""
    _load_schema_modules()
    return max((m[0] for m in MIGRATIONS), default=0)


def migrate(db: sqlite_utils.Database, upto: int | None = None) -> int:
    """Run pending migrations (all, or those numbered up to `upto`); returns the version."""
    numbers = [m[0] for m in MIGRATIONS]
    # Features reserve their numbers before they are merged, so a branch may skip some: numbers
    # must be unique and positive, not consecutive (steps still run in number order).
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        raise RuntimeError(f"migration numbers are not unique: {numbers}")
    current = schema_version(db)
    for number, _title, step in MIGRATIONS:
        if number <= current or (upto is not None and number > upto):
            continue
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            step(db)
            db.conn.execute(f"PRAGMA user_version={number}")
    return schema_version(db)
