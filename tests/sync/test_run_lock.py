"""One sync run per data folder: a second one is told "sync already running" (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.cli import main as app_main
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.store import outbox
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import load_link
from inspector_app.sync.run_lock import SyncBusy, sync_lock
from tests.sync.factory import laptop_db, seal_many

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def enrolled(tmp_path, office):
    folder = tmp_path / "field"
    db = laptop_db(folder)
    key = load_or_create_device_key(folder)
    office.enroll_key(folder, key)
    return folder, db, seal_many(db, key, 3)


@pytest.mark.parametrize(("lang", "words"), [("zh", "已有一个同步正在进行"),
                                             ("en", "sync already running")])
def test_a_second_sync_is_refused_with_exit_2(enrolled, capsys, lang, words):
    folder, db, ids = enrolled
    with sync_lock(folder):
        code = app_main(["--data-dir", str(folder), "--lang", lang, "sync"])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err
    assert outbox.counts(db)["pending"] == 3  # untouched: nothing claimed, nothing half-sent
    assert app_main(["--data-dir", str(folder), "sync"]) == 0  # the lock went with its holder


def test_the_client_itself_holds_the_lock(enrolled):
    folder, db, ids = enrolled
    with sync_lock(folder), SyncClient(db, load_link(folder)) as client, \
            pytest.raises(SyncBusy):
        client.push_pending()


def test_three_syncs_at_once_never_fail(enrolled, office):
    """Three `inspector-app sync` processes on one folder: each exits 0 (it sent, or found
    nothing left) or 2 (another was running), never 1, and every record arrives once."""
    folder, db, ids = enrolled
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "inspector_app.cli", "--data-dir",
                               str(folder), "--lang", "en", "sync"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    codes = sorted(code for code, _out, _err in results)
    assert set(codes) <= {0, 2} and 0 in codes, results
    for code, _out, err in results:
        assert "Traceback" not in err
        if code == 2:
            assert "sync already running" in err
    assert outbox.counts(db)["pending"] == 0
    assert sorted(r["record_id"] for r in office.admin().get("/api/v1/records").json()["items"]) \
        == sorted(ids)
