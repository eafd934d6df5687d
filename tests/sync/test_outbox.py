"""The outbox: sealing queues a record in the same transaction; states and counts."""

from __future__ import annotations

import pytest

from inspector_app.store import outbox
from inspector_app.store.database import connect
from inspector_app.store.schema_photos import PHOTO_TRIGGERS
from tests.sync.factory import seal_many


def test_sealing_enqueues_and_enqueue_is_idempotent(laptop):
    ids = seal_many(laptop.db, laptop.key, 3)
    assert [e.record_id for e in outbox.entries(laptop.db)] == ids
    assert {e.state for e in outbox.entries(laptop.db)} == {outbox.QUEUED}
    assert outbox.enqueue(laptop.db, ids[0]) is False
    assert outbox.enqueue_missing(laptop.db) == 0
    with pytest.raises(KeyError):
        outbox.enqueue(laptop.db, "not-sealed")
    assert outbox.counts(laptop.db) == {"queued": 3, "sending": 0, "sent": 0,
                                        "failed_retrying": 0, "rejected": 0, "total": 3,
                                        "pending": 3}


def test_a_dropped_trigger_is_made_good_by_enqueue_missing(laptop):
    laptop.db.execute("DROP TRIGGER sealed_records_enqueue")
    ids = seal_many(laptop.db, laptop.key, 2)
    assert outbox.entries(laptop.db) == []
    assert outbox.enqueue_missing(laptop.db) == 2
    assert outbox.enqueue(laptop.db, ids[0]) is False
    assert [e.record_id for e in outbox.entries(laptop.db)] == ids


def test_migration_backfills_records_sealed_before_the_outbox_existed(tmp_path, laptop):
    ids = seal_many(laptop.db, laptop.key, 2)
    laptop.db.execute("DROP TRIGGER sealed_records_enqueue")
    laptop.db.execute("DROP TABLE outbox")
    for name in PHOTO_TRIGGERS:  # a version-2 database had no photos either (migration 6)
        laptop.db.execute(f"DROP TRIGGER {name}")
    laptop.db.execute("DROP TABLE photo_links")
    laptop.db.execute("DROP TABLE photos")
    for table in ("assignments", "assignment_sync", "ticket_event_outbox"):  # nor tickets (7)
        laptop.db.execute(f"DROP TABLE {table}")
    laptop.db.execute("PRAGMA user_version=2")
    db = connect(laptop.folder / "inspections.sqlite3")
    assert [e.record_id for e in outbox.entries(db)] == ids


def test_claim_lease_and_recovery(laptop):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    assert outbox.claim(laptop.db, rid, lease_s=60, now=1000.0)
    assert not outbox.claim(laptop.db, rid, lease_s=60, now=1000.0)  # another run holds it
    assert outbox.recover_interrupted(laptop.db, now=1030.0) == 0   # lease still running
    assert outbox.recover_interrupted(laptop.db, now=1061.0) == 1   # that run died
    assert outbox.entry(laptop.db, rid).state == outbox.QUEUED


def test_states_sent_rejected_retrying_and_requeue(laptop):
    a, b, c = seal_many(laptop.db, laptop.key, 3)
    outbox.mark_sent(laptop.db, a, 201, "http://office", 1)
    outbox.mark_rejected(laptop.db, b, 422, "内容被改动", "content changed", 1)
    outbox.mark_retry(laptop.db, c, None, "网络错误", "network error", 4, next_attempt_at=5e9)
    state = {e.record_id: e for e in outbox.entries(laptop.db)}
    assert state[a].state == "sent" and state[a].sent_at and state[a].office_url
    assert state[b].state == "rejected" and state[b].reason("en") == "content changed"
    assert state[c].state == "failed_retrying" and state[c].attempts == 4
    visit_state = dict(laptop.db.execute("SELECT id, state FROM visits").fetchall())
    assert visit_state == {a: "synced", b: "sealed", c: "sealed"}
    assert outbox.due(laptop.db, now=1e9) == []
    assert outbox.due(laptop.db, now=1e9, include_not_due=True) == [c]
    assert outbox.requeue(laptop.db, from_states=(outbox.REJECTED,)) == 1
    assert outbox.due(laptop.db, now=1e9) == [b]
    assert outbox.counts(laptop.db)["pending"] == 2
