"""Photo evidence at a live office: uploaded by hash, completeness, district-scoped fetch."""

from __future__ import annotations

import hashlib
import sqlite3

import httpx
import pytest

from inspector_app.office import photos as office_photos
from inspector_app.office.store import record_ref
from inspector_app.store import outbox
from inspector_app.store.photos import photo_bytes
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.office.uploaded import supervisor
from tests.photos_helpers import picture, seal_with_photos


@pytest.fixture
def link(office, laptop):
    return office.enroll_key(laptop.folder, laptop.key, label="laptop-1")


def device_put(office, link, path: str, body: bytes, content_type: str) -> httpx.Response:
    return httpx.put(f"{office.url}/api/v1/{path}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {link.token}",
                              "X-Device-Id": link.device_id, "Content-Type": content_type})


def put_record(office, link, laptop, rid):
    body = SealedStore(laptop.db).envelope_text(rid).encode("utf-8")
    return device_put(office, link, f"records/{rid}", body, "application/json")


def put_photo(office, link, sha, data):
    return device_put(office, link, f"photos/{sha}", data, "image/jpeg")


def test_sync_sends_the_photos_and_the_record_is_complete(office, laptop, link):
    rid, hashes = seal_with_photos(laptop.db, laptop.key)
    with SyncClient(laptop.db, link) as client:
        report = client.push_pending()
    assert (report.sent, report.photos_sent, report.rejected) == (1, 2, 0)
    assert "上传照片 2 张" in report.summary("zh") and "photos sent 2" in report.summary("en")
    assert office_photos.evidence(office.store, record_ref(link.device_id, rid)) == {
        "complete": True, "photos_cited": 2, "photos_missing": []}
    for sha in hashes:
        stored = office.store.scalar("SELECT data FROM photos WHERE sha256=?",
                                           (sha,))
        assert bytes(stored) == photo_bytes(laptop.db, sha)
    outbox.requeue(laptop.db, rid, from_states=(outbox.SENT,))
    with SyncClient(laptop.db, link) as client:
        again = client.push_pending()
    assert (again.sent, again.already_present, again.photos_sent) == (1, 1, 0)


def test_a_record_whose_photo_is_missing_is_incomplete_at_the_office(office, laptop, link):
    rid, (first, second) = seal_with_photos(laptop.db, laptop.key)
    answer = put_record(office, link, laptop, rid)
    assert answer.status_code == 201
    assert sorted(answer.json()["photos_missing"]) == sorted([first, second])
    admin = office.admin()
    detail = admin.get(f"/api/v1/records/{rid}").json()
    assert detail["evidence"] == {"complete": False, "photos_cited": 2,
                                  "photos_missing": sorted([first, second])}
    assert [p["sha256"] for p in detail["envelope"]["record"]["photos"]] == [first, second]
    assert put_photo(office, link, first, photo_bytes(laptop.db, first)).status_code == 201
    assert admin.get(f"/api/v1/records/{rid}").json()["evidence"]["photos_missing"] == [second]
    assert office_photos.incomplete_records(office.store) == [record_ref(link.device_id, rid)]
    created = put_photo(office, link, second, photo_bytes(laptop.db, second))
    assert created.status_code == 201 and created.json()["status"] == "created"
    replay = put_photo(office, link, second, photo_bytes(laptop.db, second))
    assert replay.status_code == 200 and replay.json()["status"] == "already_present"
    assert admin.get(f"/api/v1/records/{rid}").json()["evidence"]["complete"] is True
    assert put_record(office, link, laptop, rid).json()["photos_missing"] == []


def test_photo_upload_refusals(office, link):
    jpeg = picture()
    sha = hashlib.sha256(jpeg).hexdigest()
    other = put_photo(office, link, sha, picture(label="other"))
    assert other.status_code == 422 and other.json()["error"] == "hash_mismatch"
    assert other.json()["reason_zh"] and other.json()["reason"]
    png = picture(fmt="PNG")
    not_jpeg = put_photo(office, link, hashlib.sha256(png).hexdigest(), png)
    assert not_jpeg.status_code == 422 and not_jpeg.json()["error"] == "not_jpeg"
    big = b"\xff\xd8\xff" + bytes(office_photos.MAX_PHOTO_BYTES)
    too_big = put_photo(office, link, hashlib.sha256(big).hexdigest(), big)
    assert too_big.status_code == 413 and too_big.json()["error"] == "too_large"
    assert put_photo(office, link, "ABC", jpeg).status_code == 422
    stranger = httpx.put(f"{office.url}/api/v1/photos/{sha}", content=jpeg, timeout=10,
                         headers={"Authorization": "Bearer nope", "X-Device-Id": "x"})
    assert stranger.status_code == 401
    assert office.store.scalar("SELECT count(*) FROM photos") == 0


def test_photo_fetch_is_scoped_to_the_district_of_the_records_citing_it(office, laptop, link):
    rid, (sha, _) = seal_with_photos(laptop.db, laptop.key, i=0)  # 朝阳区
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    loose = picture(label="not cited")
    loose_sha = hashlib.sha256(loose).hexdigest()
    assert put_photo(office, link, loose_sha, loose).status_code == 201
    own = supervisor(office, "zhang", "朝阳区")
    other = supervisor(office, "li", "南关区")
    got = own.get(f"/api/v1/photos/{sha}")
    assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg"
    assert hashlib.sha256(got.content).hexdigest() == sha
    denied = other.get(f"/api/v1/photos/{sha}")
    assert denied.status_code == 404 and denied.json()["error"] == "not_found"
    assert office.admin().get(f"/api/v1/photos/{sha}").status_code == 200
    assert office.admin().get(f"/api/v1/photos/{loose_sha}").status_code == 404
    assert httpx.get(f"{office.url}/api/v1/photos/{sha}").status_code == 401


def test_a_photo_swapped_on_the_laptop_is_not_sent_and_the_record_stays_unsent(
        office, laptop, link):
    rid, (sha, _) = seal_with_photos(laptop.db, laptop.key)
    conn = sqlite3.connect(laptop.folder / "inspections.sqlite3")
    conn.execute("DROP TRIGGER photos_no_update")
    conn.execute("UPDATE photos SET data=? WHERE sha256=?", (picture(label="25.0"), sha))
    conn.commit()
    conn.close()
    with SyncClient(laptop.db, link) as client:
        report = client.push_pending()
    assert (report.sent, report.rejected) == (0, 1)
    entry = outbox.entry(laptop.db, rid)
    assert entry.state == outbox.REJECTED and "changed since sealing" in entry.reason_en
    assert "改动" in entry.reason_zh
    evidence = office_photos.evidence(office.store, record_ref(link.device_id, rid))
    assert evidence["photos_missing"] == [sha]


def test_a_signed_record_with_a_malformed_photo_list_is_refused(office, laptop, link):
    from inspector_app.seal.canonical import canonical_text
    from inspector_app.seal.record import envelope_for

    rid, _ = seal_with_photos(laptop.db, laptop.key)
    record = SealedStore(laptop.db).envelope(rid)["record"]
    record["photos"][0]["sha256"] = "not-a-hash"
    body = canonical_text(envelope_for(record, laptop.key)).encode("utf-8")
    answer = device_put(office, link, f"records/{rid}", body, "application/json")
    assert answer.status_code == 422 and answer.json()["error"] == "bad_photos"
    assert "照片" in answer.json()["reason_zh"]
    assert office.store.counts()["records"] == 0
