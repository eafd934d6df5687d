"""The background sync thread: pushes when poked, reports counts, survives a missing link."""

from __future__ import annotations

import threading

from inspector_app.store import outbox
from inspector_app.sync.background import BackgroundSync
from tests.sync.factory import seal_many


def test_poke_sends_and_reports_then_stops_cleanly(office, laptop):
    ids = seal_many(laptop.db, laptop.key, 5)
    office.enroll_key(laptop.folder, laptop.key)
    done = threading.Event()
    reports, progress = [], []

    def on_report(report, counts):
        reports.append((report, counts))
        if counts["sent"] == len(ids):
            done.set()
    worker = BackgroundSync(laptop.folder, interval_s=30, on_report=on_report,
                            on_progress=lambda d, t, s: progress.append((d, t))).start()
    try:
        worker.poke()
        assert done.wait(15)
    finally:
        worker.stop()
    assert not worker.running
    assert reports[-1][1]["sent"] == 5 and reports[-1][1]["pending"] == 0
    assert (5, 5) in progress
    assert office.store.counts()["records"] == 5
    assert outbox.next_due_at(laptop.db) is None


def test_without_an_office_link_it_waits_quietly(laptop):
    seal_many(laptop.db, laptop.key, 1)
    errors = []
    worker = BackgroundSync(laptop.folder, interval_s=0.05, on_error=errors.append).start()
    worker.poke()
    worker.stop()
    assert errors == [] and outbox.counts(laptop.db)["queued"] == 1
