"""The local SQLite file: opened with WAL and foreign keys, brought up to date by migrations.

Migrations are numbered functions kept in `MIGRATIONS`; `PRAGMA user_version` is the number of the
last one run. Each runs in one transaction, so a power cut mid-upgrade leaves the previous version intact.
Before a newer program upgrades an older folder it copies the database beside itself
(`inspections.sqlite3.schema-N.bak`), so going back to the previous release is a file copy; an
older program refuses a newer folder before writing anything (docs/packaging.md, "Upgrade").
"""

from __future__ import annotations

import sqlite3
import struct
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
    on_disk = str(path) != ":memory:"
    if on_disk:
        check_folder(path.parent)
        check_database_file(path)
        refuse_newer(path, header_version(path))
    conn = None
    try:
        conn = open_connection(path)
        db = sqlite_utils.Database(conn)
        current = schema_version(db)
        if on_disk:
            refuse_newer(path, current)  # the header may lag behind a write-ahead log
            if 0 < current < latest_version():
                backup_before_upgrade(conn, path, current)
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


def header_version(path: Path) -> int:
    """`PRAGMA user_version` read from the file's header, without opening it with SQLite."""
    try:
        with open(path, "rb") as fh:
            fh.seek(60)
            field = fh.read(4)
    except FileNotFoundError:
        return 0
    return struct.unpack(">I", field)[0] if len(field) == 4 else 0


def refuse_newer(path: Path, version: int) -> None:
    """A database from a newer release is left alone: this program cannot know its schema."""
    from inspector_app.folder_health import StoreError

    latest = latest_version()
    if version > latest:
        raise StoreError(
            f"数据文件夹 {path.parent} 已被更新版本的程序使用过（数据库结构版本 {version}，本程序只支持到 "
            f"{latest}）：请安装更新版本的程序后再打开。本程序没有改动其中任何数据。",
            f"the data folder {path.parent} was used by a newer version of the program "
            f"(database schema version {version}; this program knows up to {latest}): install "
            "the newer version to open it. Nothing in it was changed.", field="data_dir")


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database beside itself before the migrations run: the way back to the previous
    release. An existing copy (from an interrupted upgrade) is kept; a new name is chosen."""
    target = path.with_name(f"{path.name}.schema-{version}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.schema-{version}.{n}.bak")
        n += 1
    partial = target.with_name(target.name + ".partial")
    copy = sqlite3.connect(str(partial))
    try:
        conn.backup(copy)  # consistent even with a write-ahead log beside the file
    finally:
        copy.close()
    partial.replace(target)
    return target


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
