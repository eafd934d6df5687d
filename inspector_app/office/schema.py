"""Bring an office database to the current schema (Alembic), whichever backend and age it is.

- A new database (SQLite or PostgreSQL) is upgraded from nothing to the newest revision.
- A SQLite office made before Alembic (`PRAGMA user_version` 1-11, no `alembic_version`) is
  first brought to version 11 by its old steps, then stamped as revision 0001 (that schema).
- On PostgreSQL the upgrade runs under an advisory lock inside one transaction, so office
  processes started together upgrade once and never see half a schema; on SQLite it is one
  `BEGIN IMMEDIATE` transaction.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from inspector_app.core.errors import InspectionError
from inspector_app.office import households, legacy_sqlite
from inspector_app.office.db import Database, Tx, describe

BASELINE = "0001"
_UPGRADE_LOCK = "office schema upgrade"


class SchemaTooNew(InspectionError):
    """The database was upgraded by a newer office program: this one must not touch it."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


@cache
def _scripts() -> ScriptDirectory:
    """The revisions shipped with this program (read once a process)."""
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    revision = _scripts().get_current_head()
    assert revision is not None
    return revision


def _known() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def current(db: Database) -> str | None:
    with db.reading() as c:
        return MigrationContext.configure(c.conn).get_current_revision()


def _tables(c: Tx) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(c.conn).get_table_names())


def upgrade(db: Database) -> str:
    """Run every pending step; returns the revision the database is at."""
    config = alembic_config()
    with db.write() as c:
        c.lock(_UPGRADE_LOCK)
        config.attributes["connection"] = c.conn
        found = MigrationContext.configure(c.conn).get_current_revision()
        if found == head():
            return found   # the usual opening: nothing to run, Alembic's runner not started
        tables = _tables(c)
        if found is not None and found not in _known():
            where = describe(db.target)
            raise SchemaTooNew(
                f"办公室数据库 {where} 的结构版本 {found} 比本程序新（本程序最高 {head()}）："
                "请使用新版程序，本程序不会修改它",
                f"the office database {where} is at schema {found}, newer than this program"
                f" knows (up to {head()}): use the newer program; this one leaves it untouched")
        if not db.postgres and "alembic_version" not in tables and "records" in tables:
            legacy_sqlite.migrate(c.conn.connection.dbapi_connection, in_transaction=True)
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
    households.backfill(db)   # rows stored before 0007 get their household and cases
    revision = current(db)
    assert revision is not None
    return revision


def status(db: Database) -> dict[str, Any]:
    """Where the database stands, without changing it: its revision, this program's, and the
    steps an upgrade would run (revision and title), oldest first."""
    with db.reading() as c:
        tables = _tables(c)
        found = MigrationContext.configure(c.conn).get_current_revision()
        legacy = None
        if not db.postgres and "alembic_version" not in tables and "records" in tables:
            legacy = c.execute("PRAGMA user_version").scalar()
    too_new = found is not None and found not in _known()
    steps = [] if too_new else [
        (script.revision, (script.doc or "").strip().splitlines()[0])
        for script in reversed(list(_scripts().iterate_revisions("head", found or "base")))]
    return {"database": describe(db.target), "backend": db.dialect, "revision": found,
            "legacy_user_version": legacy, "program": head(), "too_new": too_new,
            "pending": steps}
