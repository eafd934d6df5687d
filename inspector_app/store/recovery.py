"""Checking a database file and recovering what it still holds, always from a copy.

Why a copy: even opening a WAL database read-only can write its `-shm` index, and a damaged file
is evidence. `snapshot` copies the file and its write-ahead log into a scratch folder; all
reading happens there. `recover` rebuilds a fresh database of the same schema version and copies
every row it can read, table by table in rowid order, stepping over damaged stretches, with the
immutability triggers held back meanwhile (the rows are copied as they were, sealed visits
included) and restored afterwards.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector_app.store.database import latest_version, migrate, open_connection
from inspector_app.store.health import header_fault

MAX_ROWID = 2**63 - 1
MIN_ROWID = -(2**63)


@dataclass
class FileCheck:
    """What a look at a copy of the database found."""

    exists: bool
    size: int = 0
    header_fault: tuple[str, str] | None = None
    readable: bool = False            # the schema could be read at all
    version: int | None = None        # PRAGMA user_version
    integrity: list[str] = field(default_factory=list)  # integrity_check lines; [] = ok

    @property
    def sound(self) -> bool:
        return not self.exists or (self.header_fault is None and self.readable
                                   and not self.integrity)


def snapshot(path: Path, into: Path) -> Path | None:
    """Copy the database and its write-ahead log into `into`; None when there is no file."""
    path = Path(path)
    if not path.exists():
        return None
    copy = Path(into) / path.name
    shutil.copyfile(path, copy)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def open_snapshot(copy: Path) -> sqlite3.Connection:
    """A connection to a snapshot that reads past a short file: with `writable_schema` SQLite
    uses the pages present instead of refusing a file shorter than its header says."""
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA writable_schema=ON")
    return conn


def examine(copy: Path | None) -> FileCheck:
    """Header, schema and SQLite's integrity check of a snapshot."""
    if copy is None:
        return FileCheck(exists=False)
    check = FileCheck(exists=True, size=copy.stat().st_size, header_fault=header_fault(copy))
    if check.size == 0:
        check.readable, check.version = True, 0
        return check
    try:
        conn = open_snapshot(copy)
    except sqlite3.Error as exc:
        check.integrity = [str(exc)]
        return check
    try:
        check.version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        check.readable = True
        lines = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        check.integrity = [] if lines == ["ok"] else lines
    except sqlite3.Error as exc:
        check.integrity = check.integrity or [str(exc)]
    finally:
        conn.close()
    return check


@dataclass
class TableRecovery:
    table: str
    copied: int = 0
    damaged_stretches: int = 0   # places where the table's tree was damaged, stepped over
    unreadable_rows: int = 0     # rows whose key was found but whose values could not be read
    rejected: int = 0            # rows read but refused by the schema (values out of range)
    unreadable: bool = False     # the table could not be read at all


@dataclass
class Recovery:
    path: Path
    version: int
    tables: list[TableRecovery] = field(default_factory=list)
    orphans: dict[str, int] = field(default_factory=dict)  # rows whose parent row was lost
    integrity_ok: bool = True

    @property
    def rows(self) -> int:
        return sum(t.copied for t in self.tables)

    @property
    def complete(self) -> bool:
        return not any(t.damaged_stretches or t.unreadable_rows or t.rejected or t.unreadable
                       for t in self.tables) \
            and not self.orphans


class RecoveryError(Exception):
    """Nothing can be recovered (not a database, or a newer program's schema)."""


def _after(after: int | None) -> tuple[str, tuple]:
    return ("", ()) if after is None else (" WHERE rowid > ?", (after,))


def _next_rowid(src: sqlite3.Connection, table: str, after: int | None,
                result: TableRecovery) -> int | None:
    """The next row id after `after` whose key can be read, stepping over a damaged stretch of
    the table's tree by probing further and further ahead (counted in `result`). Never a row id
    at or before `after` (a damaged page can answer a seek with one): callers move forward."""
    floor = MIN_ROWID if after is None else after
    bound, step = floor, 0
    while bound <= MAX_ROWID:
        try:
            found = src.execute(f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid'
                                " LIMIT 1", (bound,)).fetchone()
            if found is None:
                return None
            if found[0] > floor:
                return found[0]
        except sqlite3.DatabaseError:
            pass
        if step == 0:
            result.damaged_stretches += 1
        step = step * 2 or 1
        bound = floor + step
    return None


def _copy_table(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
                columns: list[str]) -> TableRecovery:
    """Rows in rowid order; a row that cannot be read is skipped, a damaged stretch stepped
    over. Every pass moves past at least one row id, so this ends."""
    result = TableRecovery(table)
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'

    def put(values: tuple) -> None:
        try:
            dst.execute(insert, values)
            result.copied += 1
        except sqlite3.IntegrityError:
            result.rejected += 1

    after: int | None = None
    while True:
        where, params = _after(after)
        try:
            for row in src.execute(f'SELECT rowid, {names} FROM "{table}"{where}'
                                   " ORDER BY rowid", params):
                if after is not None and row[0] <= after:
                    break  # a damaged page read as rows going backwards (or in a loop)
                after = row[0]
                put(row[1:])
            else:
                return result
            result.damaged_stretches += 1
        except sqlite3.DatabaseError:
            pass
        nxt = _next_rowid(src, table, after, result)
        if nxt is None:
            if after is None and result.copied == 0:
                result.unreadable = True
            return result
        try:
            row = src.execute(f'SELECT {names} FROM "{table}" WHERE rowid = ?',
                              (nxt,)).fetchone()
            if row is not None:
                put(tuple(row))
        except sqlite3.DatabaseError:
            result.unreadable_rows += 1
        after = nxt


def recover(copy: Path, out: Path) -> Recovery:
    """Every readable row of the snapshot `copy` into a new database at `out` (must not exist)."""
    if Path(out).exists():
        raise FileExistsError(out)
    try:
        src = open_snapshot(copy)
    except sqlite3.Error as exc:
        raise RecoveryError(str(exc)) from exc
    try:
        try:
            version = src.execute("PRAGMA user_version").fetchone()[0]
            source_tables = {r[0] for r in src.execute(
                "SELECT name FROM sqlite_master WHERE type='table'").fetchall()}
        except sqlite3.DatabaseError as exc:
            raise RecoveryError(str(exc)) from exc
        if version > latest_version():
            raise RecoveryError(f"schema version {version} is newer than this program's")
        dst_conn = open_connection(out)
        db = sqlite_utils.Database(dst_conn)
        try:
            recovery = Recovery(Path(out), version)
            migrate(db, upto=version or None)
            triggers = dst_conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
            dst_conn.execute("PRAGMA foreign_keys=OFF")
            with dst_conn:
                dst_conn.execute("BEGIN IMMEDIATE")
                for name, _ in triggers:
                    dst_conn.execute(f'DROP TRIGGER "{name}"')
                for (table,) in dst_conn.execute(
                        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE"
                        " 'sqlite_%' ORDER BY rowid").fetchall():
                    if table not in source_tables:
                        continue
                    mine = [r[1] for r in dst_conn.execute(f'PRAGMA table_info("{table}")')]
                    try:
                        theirs = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
                    except sqlite3.DatabaseError:
                        recovery.tables.append(TableRecovery(table, unreadable=True))
                        continue
                    recovery.tables.append(
                        _copy_table(src, dst_conn, table, [c for c in mine if c in theirs]))
                for _, sql in triggers:
                    dst_conn.execute(sql)
            dst_conn.execute("PRAGMA foreign_keys=ON")
            migrate(db)
            for table, *_ in dst_conn.execute("PRAGMA foreign_key_check").fetchall():
                recovery.orphans[table] = recovery.orphans.get(table, 0) + 1
            recovery.integrity_ok = dst_conn.execute(
                "PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            dst_conn.close()
    finally:
        src.close()
    return recovery
