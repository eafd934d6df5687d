"""Review states (received → approved / has_issues / rejected; resubmitted), comments, history."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from inspector_app.office.legacy_sqlite import MIGRATIONS
from inspector_app.office.store import (
    REVIEW_STATES,
    Incoming,
    OfficeStore,
    RecordFilter,
)
from inspector_app.sync.client import SyncClient
from tests.sync.factory import seal_many


def incoming(rid: str, seq: int, supersedes: str | None = None) -> Incoming:
    return Incoming(record_id=rid, device_id="dev1", seq=seq, sha256=f"h{seq}",
                    prev_sha256=f"h{seq - 1}" if seq > 1 else None, envelope=b"{}",
                    sealed_at="2026-11-20T10:00:00+08:00", training=False,
                    test_at=f"2026-11-20T10:0{seq}:00+08:00", district="朝阳区",
                    supersedes=supersedes)


@pytest.fixture
def store(office_db, tmp_path) -> OfficeStore:
    store = OfficeStore(office_db)
    store.admit_device("dev1", "key1")
    return store


def test_states_and_who_may_set_them(store):
    assert REVIEW_STATES == ("received", "approved", "has_issues", "rejected", "resubmitted")
    store.store_records([incoming("A", 1)], "bundle")
    assert store.record("dev1.A")["review_state"] == "received"
    for state in ("received", "resubmitted", "maybe"):
        with pytest.raises(ValueError):
            store.set_review("dev1.A", state, "", "wang")
    with pytest.raises(KeyError):
        store.set_review("nope", "approved", "", "wang")


def test_correction_of_a_reviewed_record_arrives_resubmitted(store):
    store.store_records([incoming("A", 1)], "bundle")
    store.set_review("dev1.A", "has_issues", "缺少室外温度", "wang")
    store.store_records([incoming("B", 2, supersedes="A")], "bundle")
    new, old = store.record("dev1.B"), store.record("dev1.A")
    assert new["review_state"] == "resubmitted" and old["review_state"] == "has_issues"
    assert [(h["kind"], h["state"], h["by"]) for h in new["review_history"]] == \
        [("resubmission", "resubmitted", "system")]
    assert "supersedes A (has_issues)" in new["review_history"][0]["comment"]
    assert old["review_history"][-1]["kind"] == "superseded" and old["superseded_by"] == ["B"]
    listed = store.list_records(RecordFilter(review_state="resubmitted")).items
    assert [i["record_id"] for i in listed] == ["B"]
    store.set_review("dev1.B", "approved", "ok", "li")
    assert store.record("dev1.B")["review_history"][-1]["from_state"] == "resubmitted"


def test_correction_of_an_unreviewed_record_is_simply_received(store):
    store.store_records([incoming("A", 1)], "bundle")
    store.store_records([incoming("B", 2, supersedes="A")], "bundle")
    assert store.record("dev1.B")["review_state"] == "received"
    assert store.record("dev1.B")["review_history"] == []


def test_comments_and_changes_are_logged_with_who_and_when(office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1)
    with SyncClient(laptop.db, link) as sync:
        assert sync.push_pending().sent == 1
    with office.admin() as admin:
        answer = admin.post(f"/api/v1/records/{rid}/comments", json={"comment": "先看照片"})
        assert answer.status_code == 200 and answer.json()["review_state"] == "received"
        admin.put(f"/api/v1/records/{rid}/review", json={"state": "rejected", "comment": "温度不符"})
        history = admin.get(f"/api/v1/records/{rid}").json()["review_history"]
        assert [(h["kind"], h["from_state"], h["state"], h["comment"], h["by"])
                for h in history] == [("comment", "received", "received", "先看照片", "tester"),
                                      ("state", "received", "rejected", "温度不符", "tester")]
        assert all(h["at"] for h in history)
        assert admin.post(f"/api/v1/records/{rid}/comments",
                          json={"comment": ""}).status_code == 422
        assert admin.post("/api/v1/records/nope/comments",
                          json={"comment": "x"}).status_code == 404
        assert admin.put(f"/api/v1/records/{rid}/review",
                         json={"state": "resubmitted"}).status_code == 422


def test_version_1_database_is_migrated_to_the_new_state_names(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    _number, _title, initial = MIGRATIONS[0]
    initial(conn)
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO devices (device_id, public_key, enrolled_via, enrolled_at)"
                 " VALUES ('d', 'k', 'bundle', 'now')")
    for i, state in enumerate(("unreviewed", "accepted", "queried", "rejected")):
        conn.execute("INSERT INTO records (record_id, device_id, seq, sha256, envelope,"
                     " envelope_size, received_at, received_via, sealed_at, training, test_at,"
                     " review_state) VALUES (?, 'd', ?, 'h', x'7b7d', 2, 'now', 'bundle', 'now',"
                     " 0, ?, ?)", (f"R{i}", i + 1, f"2026-11-0{i + 1}", state))
    conn.execute("INSERT INTO review_events (record_id, state, by, at)"
                 " VALUES ('R2', 'queried', 'wang', 'now')")
    conn.close()
    store = OfficeStore(path)
    states = dict(store.query("SELECT record_id, review_state FROM records"))
    assert states == {"R0": "received", "R1": "approved", "R2": "has_issues", "R3": "rejected"}
    assert store.record("d.R2")["review_history"][0]["state"] == "has_issues"
    assert store.scalar("PRAGMA integrity_check") == "ok"
    with pytest.raises(IntegrityError), store.write() as c:
        c.execute("UPDATE records SET review_state='accepted' WHERE record_id='R0'")
