"""A newer program opens an older data folder; an older program refuses a newer one.

"The previous release" is simulated, not installed: its database is built by running this
program's migrations only up to the second-to-last step (released steps are never edited, so
that is exactly the schema the previous release wrote), with a visit in it. "A newer release" is
a folder made by this program whose `PRAGMA user_version` is then set one past the last step.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from inspector_app.cli import main
from inspector_app.folder_health import StoreError
from inspector_app.store.database import (
    DB_FILENAME,
    MIGRATIONS,
    connect,
    latest_version,
    migrate,
    open_connection,
)

VISIT_ID = "0b1c2d3e-previous-release"


def previous_release_folder(folder: Path) -> int:
    """A data folder as the previous release left it; returns its schema version."""
    latest_version()  # registers every step
    previous = MIGRATIONS[-2][0]
    db = sqlite_utils.Database(open_connection(folder / DB_FILENAME))
    assert migrate(db, upto=previous) == previous
    db.execute("INSERT INTO visits (id, state, profile_name, profile_version, details, "
               "created_at, updated_at) VALUES (?, 'in_progress', 'changchun', '2025.1', '{}', "
               "'2025-11-20T09:00:00+08:00', '2025-11-20T09:00:00+08:00')", [VISIT_ID])
    db.conn.close()
    return previous


def newer_release_folder(folder: Path) -> int:
    db = connect(folder / DB_FILENAME)
    db.conn.close()
    newer = latest_version() + 1
    with sqlite3.connect(folder / DB_FILENAME) as conn:
        conn.execute(f"PRAGMA user_version={newer}")
    conn.close()
    return newer


def version_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def visit_ids(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM visits")]
    finally:
        conn.close()


def test_newer_program_backs_up_then_migrates_an_older_folder_once(data_dir, capsys):
    previous = previous_release_folder(data_dir)
    assert main(["records", "--json"]) == 0
    json.loads(capsys.readouterr().out)
    backup = data_dir / f"{DB_FILENAME}.schema-{previous}.bak"
    assert version_of(backup) == previous and visit_ids(backup) == [VISIT_ID]
    assert version_of(data_dir / DB_FILENAME) == latest_version()
    assert visit_ids(data_dir / DB_FILENAME) == [VISIT_ID]
    before = sorted(p.name for p in data_dir.iterdir())
    assert main(["records", "--json"]) == 0  # up to date now: no second backup, no step again
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert [p.name for p in data_dir.glob("*.bak")] == [backup.name]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_older_program_refuses_a_newer_folder_without_touching_it(data_dir, capsys, lang):
    newer = newer_release_folder(data_dir)
    database = data_dir / DB_FILENAME
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    listing = sorted(p.name for p in data_dir.iterdir())
    assert main(["--lang", lang, "records"]) == 2
    err = capsys.readouterr().err
    if lang == "zh":
        assert "更新版本的程序" in err and str(newer) in err and "newer" not in err
    else:
        assert "newer version of the program" in err and str(newer) in err
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert "Traceback" not in err
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in data_dir.iterdir()) == listing


def test_a_newer_version_still_in_the_write_ahead_log_is_refused(data_dir):
    """The file header lags behind a WAL that was not checkpointed; the connection does not."""
    connect(data_dir / DB_FILENAME).conn.close()
    writer = open_connection(data_dir / DB_FILENAME)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(f"PRAGMA user_version={latest_version() + 1}")
    try:
        with pytest.raises(StoreError, match="newer version"):
            connect(data_dir / DB_FILENAME)
    finally:
        writer.close()
