"""`inspector-app doctor`: checks, then recovers what a damaged database holds into a new file;
the damaged file is never opened in place, let alone changed."""

import json
import os
import sqlite3

from inspector_app.cli import main
from inspector_app.doctor import examine_folder
from inspector_app.store.database import DB_FILENAME, latest_version
from tests.store.test_damaged_store import listing, make_records, sha


def doctor_json(capsys, *extra):
    code = main(["--lang", "en", "doctor", "--json", *extra])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def count(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_a_sound_folder_is_healthy_and_nothing_is_written(data_dir, capsys):
    make_records(data_dir, 2)
    files, before = listing(data_dir), sha(data_dir / DB_FILENAME)
    code, out = doctor_json(capsys)
    assert code == 0 and out["healthy"] and out["recovered"] is None
    assert listing(data_dir) == files and sha(data_dir / DB_FILENAME) == before
    assert main(["doctor"]) == 0
    assert "检查完毕：一切正常" in capsys.readouterr().out


def test_a_truncated_database_is_recovered_into_a_new_file(data_dir, capsys):
    make_records(data_dir, 8)
    db = data_dir / DB_FILENAME
    with open(db, "r+b") as fh:
        fh.truncate(db.stat().st_size * 2 // 3)
    before = sha(db)
    code, out = doctor_json(capsys)
    assert code == 1 and not out["healthy"]
    assert any("truncated" in f["message_en"] for f in out["findings"] if not f["ok"])
    recovered = data_dir / os.path.basename(out["recovered"])
    assert recovered.exists() and recovered != db
    assert sha(db) == before  # the damaged file is evidence: untouched
    assert count(recovered, "samples") > 0 and count(recovered, "visits") > 0
    conn = sqlite3.connect(recovered)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone()
    conn.close()
    assert triggers[0] > 0  # the recovered rows are frozen again
    # the chain head still knows how far the chain went: the loss is reported, not hidden
    assert any("sealed up to record no. 8" in f["message_en"] for f in out["findings"])


def test_a_sound_database_can_be_rescued_on_request_with_every_row(data_dir, tmp_path, capsys):
    make_records(data_dir, 3)
    target = tmp_path / "rescued.sqlite3"
    code, out = doctor_json(capsys, "--recover", "-o", str(target))
    assert code == 0, out
    for table in ("visits", "rooms", "points", "samples", "sealed_records", "outbox"):
        assert count(target, table) == count(data_dir / DB_FILENAME, table), table
    assert main(["--lang", "en", "doctor", "--recover", "-o", str(target)]) == 2  # never over
    assert "already exists" in capsys.readouterr().err


def test_a_random_file_recovers_nothing_and_stays_as_it_was(data_dir, capsys):
    make_records(data_dir, 1)
    db = data_dir / DB_FILENAME
    db.write_bytes(os.urandom(db.stat().st_size))
    before = sha(db)
    code, out = doctor_json(capsys)
    assert code == 1 and out["recovered"] is None
    assert any("nothing could be recovered" in f["message_en"] for f in out["findings"])
    assert sha(db) == before
    assert not [p for p in data_dir.iterdir() if "recovered" in p.name]


def test_doctor_logic_runs_without_the_command_line(data_dir):
    make_records(data_dir, 1)
    report = examine_folder(data_dir)
    assert report.healthy and report.recovery is None
