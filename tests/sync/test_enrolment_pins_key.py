"""The laptop pins the office's ticket key at enrolment (the enrolment answer's
`office.ticket_key`), so no pull, not even the first, can bring a key of its own; a laptop
enrolled by an office that sent no key still pins on its first pull (the older path).
"""

from __future__ import annotations

import base64
import json

import pytest

from inspector_app.office.office_key import public_office_key
from inspector_app.seal.device_key import DeviceKey
from inspector_app.store import assignments as store
from inspector_app.sync.client import SyncClient, SyncError, enroll
from inspector_app.sync.config import OfficeLink
from tests.sync.hostile_servers import AnsweringServer

OTHER = {"key_id": "66687aadf862bd77", "public_key": base64.b64encode(bytes(32)).decode()}


def page(key: dict) -> bytes:
    return json.dumps({"assignments": [], "removed": [], "cursor": "c1", "more": False,
                       "office_time": "2026-12-02T10:00:00+08:00", "office_key": key}).encode()


def impostor_pull(laptop, link: OfficeLink, key: dict):
    with AnsweringServer(200, page(key)) as server, \
            SyncClient(laptop.db, OfficeLink(**{**vars(link), "office_url": server.url}),
                       timeout=5, sleep=lambda s: None, deadline_s=30) as client:
        return client.sync_tickets()


def test_the_key_is_pinned_at_enrolment_and_a_first_pull_cannot_change_it(office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    assert store.office_key(laptop.db) == public_office_key(office.store)   # before any pull
    report = impostor_pull(laptop, link, OTHER)
    assert not report.ok and not report.pull_done
    assert store.office_key(laptop.db) == public_office_key(office.store)
    assert store.cursor(laptop.db) is None                                  # nothing stored


def enrolment_answer(key: DeviceKey, office: dict) -> bytes:
    return json.dumps({"device_id": key.device_id, "token": "t" * 40, "office": office}).encode()


def test_an_office_that_sends_no_key_leaves_the_first_pull_to_pin_it(laptop):
    with AnsweringServer(201, enrolment_answer(laptop.key, {"service": "inspector-office"})) \
            as server:
        link = enroll(laptop.folder, server.url, "ABCD-EFGH-JKLM", laptop.key)
    assert store.office_key(laptop.db) is None
    report = impostor_pull(laptop, link, OTHER)
    assert report.pull_done, report.summary("en")
    assert store.office_key(laptop.db) == OTHER


@pytest.mark.parametrize("bad", [
    "a key", {"key_id": "0" * 16}, {"key_id": "1" * 16, "public_key": OTHER["public_key"]},
    {"key_id": "0" * 16, "public_key": "!" * 44}])
def test_a_malformed_enrolment_key_is_refused(laptop, bad):
    with AnsweringServer(201, enrolment_answer(laptop.key, {"ticket_key": bad})) as server, \
            pytest.raises(SyncError) as refused:
        enroll(laptop.folder, server.url, "ABCD-EFGH-JKLM", laptop.key)
    assert refused.value.message_zh and refused.value.message_en
    assert store.office_key(laptop.db) is None
