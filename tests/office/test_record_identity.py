"""Record ids are public (printed on every slip and QR code): one device must not be able to
prevent, replace or shadow another device's record by using its id first (issue #19, item 1)."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from inspector_app.office import rulings
from inspector_app.office.bundle_import import import_bundle
from inspector_app.office.legacy_sqlite import MIGRATIONS
from inspector_app.office.store import (
    Incoming,
    OfficeStore,
    RecordFilter,
    record_ref,
)
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import envelope_for
from inspector_app.store import outbox
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.bundle import export_bundle
from inspector_app.sync.client import SyncClient
from tests.sync.factory import laptop_db, seal_many
from tests.sync.live import Laptop

LIMIT = 4 * 1024 * 1024


@pytest.fixture
def intruder(tmp_path) -> Laptop:
    folder = tmp_path / "intruder"
    return Laptop(folder, laptop_db(folder), DeviceKey.generate())


def squat(victim: Laptop, intruder: Laptop, record_id: str, **change) -> bytes:
    """The intruder's own, validly hashed and signed record under the victim's record id."""
    record = json.loads(SealedStore(victim.db).envelope_text(record_id))["record"]
    record = {**record, "device": intruder.key.device_dict(),
              "chain": {"seq": 1, "prev_sha256": None}, **change}
    return canonical_text(envelope_for(record, intruder.key)).encode("utf-8")


def put(office, link, record_id: str, body: bytes) -> httpx.Response:
    return httpx.put(f"{office.url}/api/v1/records/{record_id}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {link.token}",
                              "X-Device-Id": link.device_id, "Content-Type": "application/json"})


def test_a_record_id_taken_first_by_another_device_does_not_stop_the_real_record(
        office, laptop, intruder):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    real = SealedStore(laptop.db).envelope_text(rid).encode("utf-8")
    mine = office.enroll_key(laptop.folder, laptop.key)
    theirs = office.enroll_key(intruder.folder, intruder.key)
    fake = squat(laptop, intruder, rid)
    assert put(office, theirs, rid, fake).status_code == 201     # their own record, their id space
    with SyncClient(laptop.db, mine) as client:                   # then the real laptop syncs
        report = client.push_pending()
    assert report.sent == 1 and report.rejected == 0
    assert outbox.entry(laptop.db, rid).state == "sent"
    ref = record_ref(laptop.key.device_id, rid)
    assert office.store.record_bytes(ref) == (SealedStore(laptop.db).get(rid).sha256, real)
    # the intruder cannot replace it either: another version of its own record is its conflict
    again = squat(laptop, intruder, rid, sealed_at="2026-11-30T10:00:00+08:00")
    assert put(office, theirs, rid, again).status_code == 409
    assert office.store.record_bytes(ref)[1] == real
    # both are kept, each under its device; the public lookup lets a page pick by hash
    held = office.store.records_by_public_id(rid)
    assert [(h["device_id"], h["sha256"]) for h in held] == [
        (intruder.key.device_id, json.loads(fake)["sha256"]),
        (laptop.key.device_id, SealedStore(laptop.db).get(rid).sha256)]
    with office.admin() as admin:
        ambiguous = admin.get(f"/api/v1/records/{rid}")
        assert ambiguous.status_code == 409 and ambiguous.json()["error"] == "ambiguous_record"
        assert sorted(ambiguous.json()["refs"]) == sorted(h["ref"] for h in held)
        detail = admin.get(f"/api/v1/records/{ref}").json()
        assert detail["device_id"] == laptop.key.device_id and detail["chain_state"] == "ok"
        assert [o["device_id"] for o in detail["same_id_elsewhere"]] == [intruder.key.device_id]
        assert admin.get(f"/api/v1/records/{ref}/envelope").content == real
        listed = admin.get("/api/v1/records").json()["items"]
        assert sorted(i["ref"] for i in listed) == sorted(h["ref"] for h in held)


def test_another_device_cannot_supersede_a_record(office, laptop, intruder):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    mine = office.enroll_key(laptop.folder, laptop.key)
    with SyncClient(laptop.db, mine) as client:
        assert client.push_pending().sent == 1
    ref = record_ref(laptop.key.device_id, rid)
    office.store.set_review(ref, "approved", "ok", "wang")
    theirs = office.enroll_key(intruder.folder, intruder.key)
    [other] = seal_many(intruder.db, intruder.key, 1, start=5)
    fake = squat(intruder, intruder, other, supersedes={"record_id": rid, "reason": "更正"})
    assert put(office, theirs, other, fake).status_code == 201
    detail = office.store.record(ref)
    assert detail["review_state"] == "approved" and detail["superseded_by"] == []
    assert [h["kind"] for h in detail["review_history"]] == ["state"]
    assert office.store.record(record_ref(intruder.key.device_id, other))["review_state"] \
        == "received"


def test_a_bundle_of_the_real_record_imports_after_a_squatter(tmp_path, office, laptop,
                                                                 intruder):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    theirs = office.enroll_key(intruder.folder, intruder.key)
    assert put(office, theirs, rid, squat(laptop, intruder, rid)).status_code == 201
    export_bundle(laptop.db, tmp_path / "b.zip")
    report = import_bundle(office.store, tmp_path / "b.zip", training_allowed=False,
                           max_record_bytes=LIMIT, accept_unknown_devices=True)
    assert report.added == [rid]
    ref = record_ref(laptop.key.device_id, rid)
    assert office.store.record_bytes(ref)[1] == \
        SealedStore(laptop.db).envelope_text(rid).encode("utf-8")


def test_version_6_database_keeps_its_records_keyed_by_device(tmp_path, laptop):
    """An office made by the old schema: records, review history and rulings survive, each
    record now keyed by (device, id), and the chain and listing still work."""
    ids = seal_many(laptop.db, laptop.key, 2)
    path = tmp_path / "v6.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for _n, _t, step in MIGRATIONS[:6]:
        step(conn)
    conn.execute("PRAGMA user_version=6")
    dev = laptop.key.device_id
    conn.execute("INSERT INTO devices (device_id, public_key, enrolled_via, enrolled_at)"
                 " VALUES (?, ?, 'bundle', 'now')", (dev, laptop.key.public_key_b64))
    for seq, rid in enumerate(ids, start=1):
        env = SealedStore(laptop.db).envelope_text(rid).encode()
        conn.execute("INSERT INTO records (record_id, device_id, seq, sha256, envelope,"
                     " envelope_size, received_at, received_via, sealed_at, training, test_at,"
                     " review_state) VALUES (?, ?, ?, ?, ?, ?, 'now', 'bundle', 'now', 0, ?, ?)",
                     (rid, dev, seq, json.loads(env)["sha256"], env, len(env),
                      f"2026-11-0{seq}T10:00:00+08:00", "approved" if seq == 1 else "received"))
    conn.execute("INSERT INTO review_events (record_id, state, by, at, kind)"
                 " VALUES (?, 'approved', 'wang', 'now', 'state')", (ids[0],))
    conn.execute("INSERT INTO rulings (ruling_no, record_id, record_sha256, decision,"
                 " amount_total, inputs, ruling, issued_by, issued_at, request_key)"
                 " VALUES ('2026-2027-000001', ?, 'h', 'refund', '1.00', '{}', '{}', 'wang',"
                 " 'now', 'k1')", (ids[0],))
    conn.close()
    store = OfficeStore(path)
    newest = max(number for number, _t, _s in MIGRATIONS)  # numbers are unique, not consecutive
    assert store.scalar("PRAGMA user_version") == newest
    assert store.scalar("PRAGMA integrity_check") == "ok"
    assert store.query("PRAGMA foreign_key_check") == []
    first = store.record(record_ref(dev, ids[0]))
    assert first["record_id"] == ids[0] and first["review_state"] == "approved"
    assert [h["by"] for h in first["review_history"]] == ["wang"]
    assert first["envelope"]["record"]["record_id"] == ids[0]
    [ruling] = rulings.for_record(store, record_ref(dev, ids[0]))
    assert ruling["record_id"] == ids[0] and ruling["record_ref"] == record_ref(dev, ids[0])
    assert store.refs_for(ids[1]) == [record_ref(dev, ids[1])]
    assert [i["ref"] for i in store.list_records(RecordFilter()).items] == \
        [record_ref(dev, ids[1]), record_ref(dev, ids[0])]
    with pytest.raises(IntegrityError), store.write() as c:   # the key is bound to device and id
        c.execute("UPDATE records SET record_id='other' WHERE ref=?", (record_ref(dev, ids[0]),))



def incoming(device_id: str, rid: str, seq: int, sha: str,
             supersedes: str | None = None) -> Incoming:
    return Incoming(record_id=rid, device_id=device_id, seq=seq, sha256=sha,
                    prev_sha256=None, envelope=b"{}", sealed_at="2026-11-20T10:00:00+08:00",
                    training=False, test_at=f"2026-11-20T10:0{seq}:00+08:00",
                    supersedes=supersedes)


def test_records_by_public_id_lists_each_device_s_record_with_its_hash(office_db, tmp_path):
    store = OfficeStore(office_db)
    for dev in ("aaaa", "bbbb"):
        store.admit_device(dev, f"key-{dev}")
    store.store_records([incoming("bbbb", "R1", 1, "h-b")], "bundle")
    store.store_records([incoming("aaaa", "R1", 1, "h-a"),
                         incoming("aaaa", "R2", 2, "h-a2", supersedes="R1")], "bundle")
    store.store_records([incoming("bbbb", "R3", 2, "h-b3", supersedes="R1")], "bundle")
    held = store.records_by_public_id("R1")
    assert [(h["ref"], h["device_id"], h["sha256"]) for h in held] == [
        ("bbbb.R1", "bbbb", "h-b"), ("aaaa.R1", "aaaa", "h-a")]
    by_hash = {h["sha256"]: h for h in held}
    assert by_hash["h-a"]["superseded_by"] == ["R2"] and by_hash["h-b"]["superseded_by"] == ["R3"]
    assert by_hash["h-a"]["verification"] == "verified" and by_hash["h-a"]["training"] is False
    assert store.records_by_public_id("R9") == []
    with store.write() as c:
        c.execute("UPDATE records SET synthetic=1 WHERE ref='bbbb.R1'")
    assert [h["device_id"] for h in store.records_by_public_id("R1")] == ["aaaa"]
