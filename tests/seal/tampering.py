"""Editing the database file by hand, as someone holding it with sqlite3 could."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def tamper(db_path: Path, *sql: str, params: tuple = ()) -> None:
    """Run statements on the file from a separate connection (the triggers still apply)."""
    conn = sqlite3.connect(db_path)
    for statement in sql:
        conn.execute(statement, params if "?" in statement else ())
    conn.commit()
    conn.close()


def tamper_unseen(db_path: Path, *sql: str, params: tuple = ()) -> None:
    """Drop every trigger, run the statements, then recreate the triggers as they were: the
    database looks untouched apart from the edit itself (no "triggers dropped" warning)."""
    conn = sqlite3.connect(db_path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for statement in sql:
        conn.execute(statement, params if "?" in statement else ())
    for _, create in triggers:
        conn.execute(create)
    conn.commit()
    conn.close()
