"""Revision 0004 (tickets) on an office that already has people and sessions.

The users table is rebuilt on SQLite to admit the `inspector` role (its CHECK cannot change in
place, and an office that began before Alembic has it unnamed): accounts and the sessions
naming them must survive, and the role check must still refuse nonsense.
"""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command

from inspector_app.office import schema
from inspector_app.office.db import Database
from inspector_app.office.legacy_sqlite import MIGRATIONS
from inspector_app.office.store import OfficeStore


def _office_at(target: str, revision: str) -> None:
    db = Database(target)
    try:
        with db.write() as c:
            config = schema.alembic_config()
            config.attributes["connection"] = c.conn
            command.upgrade(config, revision)
    finally:
        db.close()


def _people(target: str) -> None:
    db = Database(target)
    try:
        with db.write() as c:
            c.execute("INSERT INTO users (name, role, district, password_hash, created_at)"
                      " VALUES ('wang', 'supervisor', '朝阳区', 'h', 'now')")
            c.execute("INSERT INTO sessions (token_hash, user_name, created_at, expires_at)"
                      " VALUES ('t', 'wang', 'now', '2999-01-01T00:00:00Z')")
    finally:
        db.close()


def _check_after_upgrade(store: OfficeStore) -> None:
    assert store.revision >= "0004"
    assert [tuple(r) for r in store.query("SELECT name, role, district FROM users")] == [
        ("wang", "supervisor", "朝阳区")]
    assert store.scalar("SELECT user_name FROM sessions WHERE token_hash='t'") == "wang"
    with store.write() as c:
        c.execute("INSERT INTO users (name, role, district, password_hash, created_at)"
                  " VALUES ('li', 'inspector', '朝阳区', '', 'now')")
    with pytest.raises(Exception), store.write() as c:   # noqa: B017 - either driver's error
        c.execute("INSERT INTO users (name, role, password_hash, created_at)"
                  " VALUES ('x', 'janitor', '', 'now')")
    assert store.scalar("SELECT last_seq FROM ticket_feed_counter WHERE id=1") == 0
    for table in ("tickets", "ticket_revisions", "ticket_events", "ticket_feed", "office_keys"):
        assert store.scalar(f"SELECT count(*) FROM {table}") == 0


def test_an_office_one_release_behind_keeps_its_people(office_db):
    _office_at(office_db, "0003")
    _people(office_db)
    store = OfficeStore(office_db)
    try:
        _check_after_upgrade(store)
        if not store.db.postgres:
            assert store.query("PRAGMA foreign_key_check") == []
    finally:
        store.close()


def test_an_office_from_before_alembic_keeps_its_people(tmp_path):
    """Users made by the old PRAGMA user_version steps carry an unnamed CHECK."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for _n, _t, step in MIGRATIONS:
        step(conn)
    conn.execute(f"PRAGMA user_version={max(n for n, _t, _s in MIGRATIONS)}")
    conn.close()
    _people(str(path))
    store = OfficeStore(path)
    try:
        _check_after_upgrade(store)
        assert store.scalar("PRAGMA integrity_check") == "ok"
        assert store.query("PRAGMA foreign_key_check") == []
    finally:
        store.close()
