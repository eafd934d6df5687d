"""Enrolment proves possession of the device key; re-enrolment needs an admin (issue #19, 2)."""

from __future__ import annotations

import json

import httpx
import pytest

from inspector_app.office.cli import main as office_main
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import enrolment_digest, proof_is_valid, sign_enrolment
from inspector_app.sync.client import SyncClient, SyncError, enroll
from tests.sync.factory import seal_many


def post(office, key: DeviceKey, code: str, proof: str | None) -> httpx.Response:
    body = {"code": code, "device_id": key.device_id, "public_key": key.public_key_b64}
    if proof is not None:
        body["proof"] = proof
    return httpx.post(f"{office.url}/api/v1/enrollments", json=body, timeout=10)


def cli(office, *argv: str) -> int:
    return office_main(["--db", str(office.store.target), "--lang", "en", *argv])


def test_the_public_key_alone_enrols_nobody(office, laptop):
    """Every record carries its device's public key: with a fresh code and that key, an
    attacker gets no credential; the real laptop then enrols with the very same code."""
    code, _ = office.store.new_enrollment_code()
    attacker = DeviceKey.generate()
    assert post(office, laptop.key, code, None).status_code == 422          # no proof at all
    for proof in (sign_enrolment(attacker, code),                          # another key's
                  laptop.key.sign_b64(enrolment_digest("OTHERCODE", laptop.key.device_id,
                                                       laptop.key.public_key_b64))):  # replayed
        answer = post(office, laptop.key, code, proof)
        assert answer.status_code == 403 and answer.json()["error"] == "proof_invalid"
        assert "私钥" in answer.json()["reason_zh"] and "private key" in answer.json()["reason"]
    assert office.store.device(laptop.key.device_id) is None
    link = enroll(laptop.folder, office.url, code, laptop.key)             # the code is unspent
    assert office.store.device(link.device_id).can_upload


def test_proof_is_bound_to_code_device_and_key():
    key, other = DeviceKey.generate(), DeviceKey.generate()
    proof = sign_enrolment(key, "abcd-efgh-jkmn")
    assert proof_is_valid("ABCDEFGHJKMN", key.device_id, key.public_key_b64, proof)
    assert not proof_is_valid("ABCDEFGHJKMP", key.device_id, key.public_key_b64, proof)
    assert not proof_is_valid("ABCDEFGHJKMN", other.device_id, other.public_key_b64, proof)
    assert not proof_is_valid("ABCDEFGHJKMN", key.device_id, key.public_key_b64, "bm90")


def test_an_enrolled_device_re_enrols_only_with_an_admins_logged_leave(office, laptop, capsys):
    first = office.enroll_key(laptop.folder, laptop.key)
    code, _ = office.store.new_enrollment_code()
    again = post(office, laptop.key, code, sign_enrolment(laptop.key, code))
    assert again.status_code == 409 and again.json()["error"] == "already_enrolled"
    assert "allow-reenrolment" in again.json()["reason"] and again.json()["reason_zh"]
    with pytest.raises(SyncError, match="already enrolled"):               # the laptop's words
        enroll(laptop.folder, office.url, code, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1)
    with SyncClient(laptop.db, first) as client:                            # still its credential
        assert client.push_pending().sent == 1
    assert cli(office, "allow-reenrolment", "ffffffffffffffff", "--by", "boss") == 2
    capsys.readouterr()
    assert cli(office, "allow-reenrolment", laptop.key.device_id, "--by", "boss",
               "--reason", "new disk") == 0
    assert "boss" in capsys.readouterr().out
    second = enroll(laptop.folder, office.url, code, laptop.key)           # the same code, now
    assert second.token != first.token
    assert office.store.authenticate_device(first.device_id, first.token) is None
    code2, _ = office.store.new_enrollment_code()                           # the leave is spent
    assert post(office, laptop.key, code2, sign_enrolment(laptop.key, code2)).status_code == 409
    assert cli(office, "device-log", laptop.key.device_id, "--json") == 0
    log = json.loads(capsys.readouterr().out)
    assert [(e["event"], e["by"]) for e in log] == [
        ("enrolled", "laptop"), ("enrolment_refused", "laptop"),
        ("enrolment_refused", "laptop"), ("reenrolment_allowed", "boss"),
        ("reenrolled", "boss"), ("enrolment_refused", "laptop")]
    assert all(e["at"] for e in log) and "new disk" in log[3]["detail"]
    assert cli(office, "revoke-device", laptop.key.device_id, "--by", "boss") == 0
    assert cli(office, "allow-reenrolment", laptop.key.device_id, "--by", "boss") == 2
    assert office.store.device_events(laptop.key.device_id)[-1]["event"] == "revoked"


def test_a_device_admitted_by_bundle_enrols_with_its_key(office, laptop):
    office.store.admit_device(laptop.key.device_id, laptop.key.public_key_b64, label="bundle")
    link = office.enroll_key(laptop.folder, laptop.key)
    assert office.store.device(link.device_id).can_upload


@pytest.mark.parametrize("hours", ["-5", "0", "nan", "inf", "100000"])
def test_enrollment_code_refuses_a_ttl_that_is_not_a_sensible_span(tmp_path, capsys, hours):
    db = str(tmp_path / "o.sqlite3")
    assert office_main(["--db", db, "enrollment-code", f"--ttl-hours={hours}"]) == 2
    zh = capsys.readouterr()
    assert zh.out == "" and "--ttl-hours 须大于 0" in zh.err
    assert office_main(["--db", db, "--lang", "en", "enrollment-code",
                        f"--ttl-hours={hours}"]) == 2
    en = capsys.readouterr().err
    assert "must be above 0" in en and "须" not in en
    assert office_main(["--db", db, "enrollment-code", "--ttl-hours", "1"]) == 0
