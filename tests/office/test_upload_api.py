"""Upload against a live office: created, replay, duplicate, conflict, tamper, unknown device."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from inspector_app.office.store import RecordFilter, record_ref
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.seal.record import envelope_for
from inspector_app.store.sealed import SealedStore
from tests.sync.factory import seal_many, seal_new
from tests.sync.live import LiveOffice


def put(office: LiveOffice, record_id: str, body: bytes, *, device_id: str,
        token: str) -> httpx.Response:
    return httpx.put(f"{office.url}/api/v1/records/{record_id}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {token}", "X-Device-Id": device_id,
                              "Content-Type": "application/json"})


def body_of(laptop, record_id: str) -> bytes:
    return SealedStore(laptop.db).envelope_text(record_id).encode("utf-8")


@pytest.fixture
def link(office, laptop):
    return office.enroll_key(laptop.folder, laptop.key, label="laptop-1")


def send(office, link, laptop, record_id, body=None):
    return put(office, record_id, body if body is not None else body_of(laptop, record_id),
               device_id=link.device_id, token=link.token)


def test_health_and_openapi_are_served(office):
    health = httpx.get(f"{office.url}/api/v1/health").json()
    assert health["service"] == "inspector-office" and health["training"] is False
    schema = httpx.get(f"{office.url}/openapi.json").json()
    put_op = schema["paths"]["/api/v1/records/{record_id}"]["put"]
    assert {"200", "201", "401", "409", "413", "422"} <= set(put_op["responses"])
    assert "/api/v1/enrollments" in schema["paths"]


def test_created_then_replay_is_200_with_the_same_bytes_stored(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    body = body_of(laptop, rid)
    first = send(office, link, laptop, rid)
    assert first.status_code == 201, first.text
    sha = SealedStore(laptop.db).get(rid).sha256
    assert first.json() == {"record_id": rid, "sha256": sha, "status": "created",
                            "chain_state": "ok"}
    again = send(office, link, laptop, rid)
    assert again.status_code == 200
    assert again.json()["status"] == "already_present"
    assert office.store.record_bytes(record_ref(laptop.key.device_id, rid)) == (sha, body)
    assert office.store.counts()["records"] == 1


def test_same_record_in_another_serialisation_is_still_a_duplicate(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    send(office, link, laptop, rid)
    pretty = json.dumps(json.loads(body_of(laptop, rid)), indent=2,
                        ensure_ascii=True).encode()
    answer = send(office, link, laptop, rid, pretty)
    assert answer.status_code == 200, answer.text
    assert office.store.record_bytes(record_ref(laptop.key.device_id, rid))[1] == body_of(laptop, rid)  # first bytes kept


def test_same_id_with_another_valid_record_is_a_409_conflict(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    assert send(office, link, laptop, rid).status_code == 201
    env = json.loads(body_of(laptop, rid))
    env["record"]["visit"]["notes"] = "another version"
    rival = envelope_for(env["record"], laptop.key)  # properly hashed and signed
    answer = send(office, link, laptop, rid, canonical_text(rival).encode())
    assert answer.status_code == 409
    assert answer.json()["error"] == "conflict"
    assert "不同" in answer.json()["reason_zh"] and "different record" in answer.json()["reason"]
    assert office.store.record_bytes(record_ref(laptop.key.device_id, rid))[1] == body_of(laptop, rid)


def test_tampered_content_is_422_with_the_reason_in_words(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    env = json.loads(body_of(laptop, rid))
    env["record"]["visit"]["rooms"][1]["points"][0]["samples"][0]["value_c"] = 19.0
    answer = send(office, link, laptop, rid, json.dumps(env, ensure_ascii=False).encode())
    assert answer.status_code == 422
    body = answer.json()
    assert body["error"] == "verification_failed"
    assert "content changed" in body["reason"] and "内容被改动" in body["reason_zh"]
    assert office.store.record_bytes(record_ref(laptop.key.device_id, rid)) is None


def test_bad_signature_is_422(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    env = json.loads(body_of(laptop, rid))
    env["signature"] = base64.b64encode(DeviceKey.generate().sign(
        bytes.fromhex(env["sha256"]))).decode()
    answer = send(office, link, laptop, rid, json.dumps(env).encode())
    assert answer.status_code == 422
    assert "signature invalid" in answer.json()["reason"]


def test_unknown_device_and_wrong_token_are_401(office, laptop, link):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    body = body_of(laptop, rid)
    assert put(office, rid, body, device_id="0123456789abcdef",
               token=link.token).status_code == 401
    wrong = put(office, rid, body, device_id=link.device_id, token="not-the-token")
    assert wrong.status_code == 401 and wrong.json()["error"] == "unknown_device"
    bare = httpx.put(f"{office.url}/api/v1/records/{rid}", content=body)
    assert bare.status_code == 401
    assert office.store.counts()["records"] == 0


def test_revoked_device_is_401(office, laptop, link):
    first, second = seal_many(laptop.db, laptop.key, 2)
    assert send(office, link, laptop, first).status_code == 201
    office.store.revoke_device(link.device_id, "laptop stolen")
    answer = send(office, link, laptop, second)
    assert answer.status_code == 401 and answer.json()["error"] == "device_revoked"
    code, _ = office.store.new_enrollment_code()
    again = httpx.post(f"{office.url}/api/v1/enrollments", json={
        "code": code, "device_id": laptop.key.device_id,
        "public_key": laptop.key.public_key_b64, "proof": sign_enrolment(laptop.key, code)})
    assert again.status_code == 403 and again.json()["error"] == "device_revoked"


def test_record_sealed_by_another_device_is_422(office, laptop, link, tmp_path):
    other = DeviceKey.generate()
    [rid] = seal_many(laptop.db, other, 1)
    answer = send(office, link, laptop, rid)
    assert answer.status_code == 422 and answer.json()["error"] == "wrong_device"


def test_id_in_address_must_be_the_records_id(office, laptop, link):
    a, b = seal_many(laptop.db, laptop.key, 2)
    answer = send(office, link, laptop, a, body_of(laptop, b))
    assert answer.status_code == 422 and answer.json()["error"] == "id_mismatch"
    junk = send(office, link, laptop, a, b"<html>hello</html>")
    assert junk.status_code == 422 and junk.json()["error"] == "not_json"


def test_over_the_size_limit_is_413(office_db, tmp_path, laptop):
    small = LiveOffice(office_db, max_record_bytes=4000).start()
    try:
        link = small.enroll_key(laptop.folder, laptop.key)
        [rid] = seal_many(laptop.db, laptop.key, 1)
        answer = send(small, link, laptop, rid)
        assert answer.status_code == 413 and answer.json()["error"] == "too_large"

        def chunks():  # no Content-Length: the limit holds while streaming too
            body = body_of(laptop, rid)
            for i in range(0, len(body), 1000):
                yield body[i:i + 1000]
        streamed = httpx.put(f"{small.url}/api/v1/records/{rid}", content=chunks(),
                             headers={"Authorization": f"Bearer {link.token}",
                                      "X-Device-Id": link.device_id})
        assert streamed.status_code == 413
        assert small.store.counts()["records"] == 0
    finally:
        small.stop()


def test_training_records_need_a_training_office(office, training_office, laptop, tmp_path):
    link = office.enroll_key(laptop.folder, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1, training=True)
    answer = send(office, link, laptop, rid)
    assert answer.status_code == 422 and answer.json()["error"] == "training_refused"
    assert "培训" in answer.json()["reason_zh"]
    link2 = training_office.enroll_key(tmp_path / "laptop-b", laptop.key)
    assert send(training_office, link2, laptop, rid).status_code == 201
    [row] = training_office.store.list_records(RecordFilter()).items
    assert row["training"] is True


def test_chain_gap_is_recorded_shown_and_closed_by_the_late_record(office, laptop, link):
    one, two, three = seal_many(laptop.db, laptop.key, 3)
    assert send(office, link, laptop, one).json()["chain_state"] == "ok"
    answer = send(office, link, laptop, three)
    assert answer.status_code == 201 and answer.json()["chain_state"] == "gap"
    with office.admin() as admin:
        gaps = admin.get("/api/v1/chain-problems").json()
        assert [(g["kind"], g["record_id"], g["missing_seq"]) for g in gaps] == \
            [("gap", three, 2)]
        flagged = admin.get("/api/v1/records", params={"chain_state": "gap"}).json()
        assert [i["record_id"] for i in flagged["items"]] == [three]
        assert send(office, link, laptop, two).json()["chain_state"] == "ok"
        assert admin.get("/api/v1/chain-problems").json() == []
        closed = admin.get("/api/v1/chain-problems", params={"open": "false"}).json()
        assert closed[0]["closed_by"] == two
        assert admin.get(f"/api/v1/records/{three}").json()["chain_state"] == "ok"


def test_two_records_at_one_chain_position_are_a_fork(office, laptop, link, tmp_path):
    from tests.sync.factory import laptop_db
    [first] = seal_many(laptop.db, laptop.key, 1)
    restored = laptop_db(tmp_path / "restored")  # e.g. an old backup: seq 1 again, new record
    [again] = seal_many(restored, laptop.key, 1, start=50)
    assert send(office, link, laptop, first).status_code == 201
    answer = put(office, again, SealedStore(restored).envelope_text(again).encode(),
                 device_id=link.device_id, token=link.token)
    assert answer.status_code == 201 and answer.json()["chain_state"] == "fork"


def test_enrolment_codes_are_one_time_and_checked(office, laptop):
    code, _ = office.store.new_enrollment_code()
    body = {"code": code.lower().replace("-", " "), "device_id": laptop.key.device_id,
            "public_key": laptop.key.public_key_b64, "label": "x",
            "proof": sign_enrolment(laptop.key, code)}
    first = httpx.post(f"{office.url}/api/v1/enrollments", json=body)
    assert first.status_code == 201 and first.json()["token"]
    reused = httpx.post(f"{office.url}/api/v1/enrollments", json=body)
    assert reused.status_code == 403 and reused.json()["error"] == "code_used"
    wrong = httpx.post(f"{office.url}/api/v1/enrollments", json={
        **body, "code": "AAAA-BBBB-CCCC", "proof": sign_enrolment(laptop.key, "AAAA-BBBB-CCCC")})
    assert wrong.status_code == 403 and wrong.json()["error"] == "code_unknown"
    from datetime import timedelta
    stale, _ = office.store.new_enrollment_code(timedelta(seconds=-1))
    expired = httpx.post(f"{office.url}/api/v1/enrollments", json={
        **body, "code": stale, "proof": sign_enrolment(laptop.key, stale)})
    assert expired.status_code == 403 and expired.json()["error"] == "code_expired"
    code3, _ = office.store.new_enrollment_code()
    lie = httpx.post(f"{office.url}/api/v1/enrollments",
                     json={**body, "code": code3, "device_id": "ffffffffffffffff"})
    assert lie.status_code == 422
    stored = office.store.query("SELECT code_hash FROM enrollment_codes")
    assert all(code.replace("-", "") not in row[0] for row in stored)


def test_device_token_is_stored_only_as_a_hash(office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    row = office.store.query_one("SELECT token_hash FROM devices")
    assert row[0] != link.token and len(row[0]) == 64


def test_one_more_seal_after_upload_links_to_the_uploaded_one(office, laptop, link):
    first = seal_new(laptop.db, laptop.key, 0)
    assert send(office, link, laptop, first).status_code == 201
    second = seal_new(laptop.db, laptop.key, 1)
    assert send(office, link, laptop, second).json()["chain_state"] == "ok"


def test_chain_problems_are_shown_to_the_district_of_the_record_only(office, laptop, link):
    from tests.office.uploaded import supervisor

    one, _two, three = seal_many(laptop.db, laptop.key, 3)   # districts 朝阳区, 南关区, 宽城区
    send(office, link, laptop, one)
    assert send(office, link, laptop, three).json()["chain_state"] == "gap"
    with supervisor(office, "kuancheng", "宽城区") as own, \
            supervisor(office, "chaoyang", "朝阳区") as other:
        assert [g["record_id"] for g in own.get("/api/v1/chain-problems").json()] == [three]
        assert other.get("/api/v1/chain-problems").json() == []


def test_a_record_flagged_training_only_in_its_visit_is_a_training_record(office, laptop, link):
    """A laptop that signs `training: false` over a training visit still cannot pass it off as
    evidence: the office reads the flag at both levels, as the ruling does."""
    [rid] = seal_many(laptop.db, laptop.key, 1, training=True)
    record = json.loads(body_of(laptop, rid))["record"]
    record["training"] = False
    assert record["visit"]["training"] is True
    forged = json.dumps(envelope_for(record, laptop.key)).encode()
    answer = send(office, link, laptop, rid, forged)
    assert answer.status_code == 422 and answer.json()["error"] == "training_refused"
    assert office.store.counts()["records"] == 0
