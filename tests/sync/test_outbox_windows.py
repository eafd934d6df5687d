"""A run claims and settles the outbox in windows: fewer fsyncs, still exactly once at the office."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from inspector_app.store import outbox
from inspector_app.sync.bookkeeping import WINDOW_RECORDS
from inspector_app.sync.client import SyncClient
from tests.sync.factory import seal_many

ROOT = Path(__file__).resolve().parents[2]


def test_a_run_killed_mid_window_sends_each_record_once_in_the_end(office, laptop):
    """A power cut after the office confirmed records but before the window was written down:
    the records stay `sending` until their lease runs out, the next run sends them again and
    the office keeps one copy of each."""
    ids = seal_many(laptop.db, laptop.key, 12)
    office.enroll_key(laptop.folder, laptop.key)
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from inspector_app.sync.client import SyncClient

        def progress(done, total, text):
            if done == 5:
                os._exit(3)  # no cleanup, no finally: as if the laptop lost power
        SyncClient.for_data_dir({str(laptop.folder)!r}).push_pending(progress)
    """)
    assert subprocess.run([sys.executable, "-c", script], timeout=60).returncode == 3
    assert office.store.counts()["records"] == 5
    assert outbox.counts(laptop.db)["sending"] == 12  # the whole window, nothing settled
    with SyncClient.for_data_dir(laptop.folder) as client:
        assert client.push_pending().total == 0  # leases still running: not taken over
    later = time.time() + 301  # past the 300 s lease
    with SyncClient.for_data_dir(laptop.folder, clock=lambda: later) as client:
        report = client.push_pending()
    assert report.sent == 12 and report.already_present == 5
    assert office.store.counts()["records"] == 12
    assert {e.state for e in outbox.entries(laptop.db)} == {outbox.SENT}
    refs = [r[0] for r in office.store.query("SELECT record_id FROM records")]
    assert sorted(refs) == sorted(ids)


def test_a_cancelled_run_gives_back_untried_records_with_their_back_off(office, laptop):
    ids = seal_many(laptop.db, laptop.key, 4)
    office.enroll_key(laptop.folder, laptop.key)
    for rid in ids:
        outbox.mark_retry(laptop.db, rid, 503, "忙", "busy", 1, next_attempt_at=5e9)
    before = {e.record_id: e for e in outbox.entries(laptop.db)}
    with SyncClient.for_data_dir(laptop.folder) as client:
        report = client.push_pending(
            include_not_due=True, should_stop=lambda: office.store.counts()["records"] >= 1)
    assert report.sent == 1 and report.not_tried == 3
    after = {e.record_id: e for e in outbox.entries(laptop.db)}
    assert after[ids[0]].state == outbox.SENT
    for rid in ids[1:]:
        assert (after[rid].state, after[rid].next_attempt_at, after[rid].failed_runs) == (
            outbox.FAILED_RETRYING, 5e9, before[rid].failed_runs)


def test_the_outbox_is_written_once_per_window_not_per_record(office, laptop):
    n = WINDOW_RECORDS + 8
    seal_many(laptop.db, laptop.key, n)
    office.enroll_key(laptop.folder, laptop.key)
    with SyncClient.for_data_dir(laptop.folder) as client:
        writes: list[str] = []
        client.db.conn.set_trace_callback(
            lambda sql: writes.append(sql) if sql.startswith("BEGIN") else None)
        assert client.push_pending().sent == n
    # two windows, each one claim and one settle (plus the run's own start-up statements)
    assert len(writes) == 4
    assert office.store.counts()["records"] == n
