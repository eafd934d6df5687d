"""The office key: made once, even when processes race for it; its public half and the
cursor key derived from it; pinned by laptops at enrolment."""

from __future__ import annotations

import base64
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from inspector_app.office.db import Database
from inspector_app.office.office_key import (
    cursor_mac_key,
    office_public_keys,
    office_signing_key,
    public_office_key,
)
from inspector_app.office.store import OfficeStore
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.seal.ticket_signature import sign_ticket, ticket_signature_valid

RACERS = 8
ROUNDS = 8  # the unlocked code loses a round now and then: several rounds make it lose surely


def test_made_on_first_need_then_the_same(office_db):
    store = OfficeStore(office_db)
    try:
        assert store.scalar("SELECT COUNT(*) FROM office_keys") == 0
        key_id, key = office_signing_key(store)
        again_id, again = office_signing_key(store.db)  # a Database does as well as the store
        assert again_id == key_id
        public = public_office_key(store)
        raw = base64.b64decode(public["public_key"])
        assert len(raw) == 32 and public["key_id"] == hashlib.sha256(raw).hexdigest()[:16]
        assert public["key_id"] == key_id
        assert office_public_keys(store) == {key_id: public["public_key"]}
        signature = sign_ticket(again, "12345", "A1", 1, "ab" * 32, "2026-12-01T08:00:00+08:00")
        assert ticket_signature_valid(public["public_key"], signature, "12345", "A1", 1,
                                      "ab" * 32, "2026-12-01T08:00:00+08:00")
        assert len(cursor_mac_key(store)) == 32
        assert cursor_mac_key(store) == cursor_mac_key(store.db)
        assert cursor_mac_key(store) not in (base64.b64decode(
            store.scalar("SELECT private_key FROM office_keys")), raw)
    finally:
        store.close()


def test_processes_racing_for_the_first_key_make_one(office_db):
    """Each racer holds its own connection pool, as an office process does, and all ask for the
    key at the same moment: one key is made, all get it (PostgreSQL: the advisory lock;
    SQLite: the write lock)."""
    OfficeStore(office_db).close()  # the schema, as the first process to start would make it
    gate = threading.Barrier(RACERS)
    databases = [Database(office_db) for _ in range(RACERS)]

    def race(db: Database) -> str:
        gate.wait()
        return office_signing_key(db)[0]

    try:
        with ThreadPoolExecutor(RACERS) as pool:
            for _ in range(ROUNDS):
                key_ids = list(pool.map(race, databases))
                assert len(set(key_ids)) == 1
                assert databases[0].scalar("SELECT COUNT(*) FROM office_keys") == 1
                with databases[0].write() as c:  # the next round races for a first key again
                    c.execute("DELETE FROM office_keys")
    finally:
        for db in databases:
            db.close()


def test_enrolment_answer_names_the_ticket_key(office):
    """The laptop pins the office key from its enrolment answer (then checks every pull)."""
    key = DeviceKey.generate()
    code, _ = office.store.new_enrollment_code()
    answer = httpx.post(f"{office.url}/api/v1/enrollments", json={
        "code": code, "device_id": key.device_id, "public_key": key.public_key_b64,
        "proof": sign_enrolment(key, code)})
    assert answer.status_code == 201, answer.text
    assert answer.json()["office"]["ticket_key"] == public_office_key(office.store)
