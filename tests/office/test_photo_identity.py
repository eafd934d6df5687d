"""Photo evidence follows the office's record identity (device, record id): two devices may hold
records under one record id, each citing its own photos, and neither can make the other's record
look complete or incomplete, nor show its photos to another district."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import httpx
import pytest

from inspector_app.office import photos as office_photos
from inspector_app.office.legacy_sqlite import MIGRATIONS
from inspector_app.office.store import OfficeStore, record_ref
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import envelope_for
from inspector_app.store.photos import photo_bytes
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.office.uploaded import supervisor
from tests.photos_helpers import picture, seal_with_photos
from tests.sync.factory import laptop_db
from tests.sync.live import Laptop


@pytest.fixture
def other(tmp_path) -> Laptop:
    folder = tmp_path / "other"
    return Laptop(folder, laptop_db(folder), DeviceKey.generate())


def same_id_record(laptop: Laptop, other: Laptop, rid: str, cited: list[bytes | str],
                   district: str) -> bytes:
    """`other`'s own validly signed record under `laptop`'s record id, citing `cited` (photo
    bytes, or a bare hash for a photo it never sends) on the same visit targets."""
    record = json.loads(SealedStore(laptop.db).envelope_text(rid))["record"]
    visit = {**record["visit"], "address": {**record["visit"]["address"], "district": district}}
    photos = []
    for n, photo in enumerate(cited):
        sha = photo if isinstance(photo, str) else hashlib.sha256(photo).hexdigest()
        size = 1000 if isinstance(photo, str) else len(photo)
        photos.append({**record["photos"][n % len(record["photos"])], "sha256": sha, "size": size})
    record = {**record, "device": other.key.device_dict(), "chain": {"seq": 1, "prev_sha256": None},
              "visit": visit, "photos": photos}
    return canonical_text(envelope_for(record, other.key)).encode("utf-8")


def put(office, link, path: str, body: bytes, content_type: str) -> httpx.Response:
    return httpx.put(f"{office.url}/api/v1/{path}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {link.token}",
                              "X-Device-Id": link.device_id, "Content-Type": content_type})


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_same_id_record_citing_a_photo_never_sent_leaves_the_real_record_complete(
        office, laptop, other):
    rid, hashes = seal_with_photos(laptop.db, laptop.key, i=0)  # 朝阳区
    mine = office.enroll_key(laptop.folder, laptop.key)
    theirs = office.enroll_key(other.folder, other.key)
    own, never = picture(label="other device"), sha(picture(label="never sent"))
    body = same_id_record(laptop, other, rid, [own, never], "南关区")
    first = put(office, theirs, f"records/{rid}", body, "application/json")
    assert first.status_code == 201 and first.json()["photos_missing"] == sorted([sha(own), never])
    assert put(office, theirs, f"photos/{sha(own)}", own, "image/jpeg").status_code == 201

    with SyncClient(laptop.db, mine) as client:  # record, its photos, record again
        report = client.push_pending()
    assert (report.sent, report.photos_sent, report.rejected) == (1, 2, 0)

    mine_ref, theirs_ref = record_ref(mine.device_id, rid), record_ref(theirs.device_id, rid)
    assert office_photos.evidence(office.store, mine_ref) == {
        "complete": True, "photos_cited": 2, "photos_missing": []}
    assert office_photos.evidence(office.store, theirs_ref) == {
        "complete": False, "photos_cited": 2, "photos_missing": [never]}
    assert office_photos.incomplete_records(office.store) == [theirs_ref]
    with office.admin() as admin:
        assert admin.get(f"/api/v1/records/{mine_ref}").json()["evidence"]["complete"] is True
        assert admin.get(f"/api/v1/records/{theirs_ref}").json()["evidence"][
            "photos_missing"] == [never]
        assert admin.get(f"/api/v1/records/{rid}").status_code == 409  # a bare id is ambiguous

    # each district sees the photos of its own record only, though both records share the id
    chaoyang, nanguan = supervisor(office, "zhang", "朝阳区"), supervisor(office, "li", "南关区")
    assert chaoyang.get(f"/api/v1/photos/{hashes[0]}").status_code == 200
    assert chaoyang.get(f"/api/v1/photos/{sha(own)}").status_code == 404
    assert nanguan.get(f"/api/v1/photos/{sha(own)}").content == own
    assert nanguan.get(f"/api/v1/photos/{hashes[0]}").status_code == 404


def test_photos_sent_for_a_same_id_record_do_not_complete_the_real_one(office, laptop, other):
    rid, hashes = seal_with_photos(laptop.db, laptop.key, i=0)
    mine = office.enroll_key(laptop.folder, laptop.key)
    theirs = office.enroll_key(other.folder, other.key)
    real = SealedStore(laptop.db).envelope_text(rid).encode("utf-8")
    answer = put(office, mine, f"records/{rid}", real, "application/json")
    assert answer.status_code == 201 and answer.json()["photos_missing"] == sorted(hashes)

    shots = [picture(label="a"), picture(label="b")]
    body = same_id_record(laptop, other, rid, shots, "朝阳区")
    answer = put(office, theirs, f"records/{rid}", body, "application/json")
    assert answer.status_code == 201 and answer.json()["photos_missing"] == sorted(map(sha, shots))
    for shot in shots:
        assert put(office, theirs, f"photos/{sha(shot)}", shot, "image/jpeg").status_code == 201
    again = put(office, theirs, f"records/{rid}", body, "application/json")
    assert again.status_code == 200 and again.json()["photos_missing"] == []

    mine_ref = record_ref(mine.device_id, rid)
    assert office_photos.evidence(office.store, mine_ref) == {
        "complete": False, "photos_cited": 2, "photos_missing": sorted(hashes)}
    assert put(office, mine, f"records/{rid}", real,
               "application/json").json()["photos_missing"] == sorted(hashes)
    for h in hashes:
        put(office, mine, f"photos/{h}", photo_bytes(laptop.db, h), "image/jpeg")
    assert office_photos.evidence(office.store, mine_ref)["complete"] is True


def test_version_6_records_citing_photos_are_listed_by_ref_after_the_upgrade(tmp_path, laptop):
    """Migration 11 runs on the records table migration 7 rebuilt: its backfill cites by ref."""
    rid, hashes = seal_with_photos(laptop.db, laptop.key)
    path = tmp_path / "v6.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for _n, _t, step in MIGRATIONS[:6]:
        step(conn)
    conn.execute("PRAGMA user_version=6")
    dev = laptop.key.device_id
    conn.execute("INSERT INTO devices (device_id, public_key, enrolled_via, enrolled_at)"
                 " VALUES (?, ?, 'bundle', 'now')", (dev, laptop.key.public_key_b64))
    env = SealedStore(laptop.db).envelope_text(rid).encode()
    conn.execute("INSERT INTO records (record_id, device_id, seq, sha256, envelope, envelope_size,"
                 " received_at, received_via, sealed_at, training, test_at) VALUES"
                 " (?, ?, 1, ?, ?, ?, 'now', 'bundle', 'now', 0, 'now')",
                 (rid, dev, json.loads(env)["sha256"], env, len(env)))
    conn.close()
    store = OfficeStore(path)
    ref = record_ref(dev, rid)
    assert sorted(store.query("SELECT record_ref, sha256 FROM record_photos")) == sorted(
        (ref, h) for h in hashes)
    assert office_photos.evidence(store, ref)["photos_missing"] == sorted(hashes)
    assert store.query("PRAGMA foreign_key_check") == []
