"""The laptop's side of delivery and re-enrolment, real enrolment and HTTP, both backends:
- a sync run that stored new assignments sends their receipt at once, so the office shows
  them delivered without waiting for the next run;
- the enrolment answer names the inspector; a laptop re-enrolled for another one takes the
  previous inspector's assignments off its list ('reenrolled'; one with a started visit stays,
  flagged), forgets its cursor, and pulls the new inspector's list.
"""

from __future__ import annotations

import httpx

from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.store import assignments as store
from inspector_app.sync.client import SyncClient
from tests.sync.test_assignments_sync import dispatch, inspector_laptop
from tests.sync.test_reenrolment_feed import enrol_for


def test_one_sync_run_and_the_office_shows_the_tickets_delivered(office, laptop):
    link = inspector_laptop(office, laptop, "li")
    dispatch(office, ["D1", "D2"], "li")
    assert office.store.ticket("12345", "D1")["delivered_at"] is None
    with SyncClient(laptop.db, link) as client:
        report = client.sync_tickets()
    assert report.pull_done and report.pulled == 2
    for number in ("D1", "D2"):
        assert office.store.ticket("12345", number)["delivered_at"] is not None
    with SyncClient(laptop.db, link) as client:   # nothing new: one request, no receipt
        assert client.sync_tickets().pages == 1


def test_the_enrolment_answer_names_the_inspector(office):
    office.store.add_user("li", "inspector", "!", "朝阳区")
    for inspector in ("li", None):
        key = DeviceKey.generate()
        code, _ = office.store.new_enrollment_code(inspector=inspector)
        answer = httpx.post(f"{office.url}/api/v1/enrollments", timeout=10, json={
            "code": code, "device_id": key.device_id, "public_key": key.public_key_b64,
            "proof": sign_enrolment(key, code), "label": ""})
        assert answer.status_code == 201, answer.text
        assert answer.json()["office"]["inspector"] == inspector


def test_re_enrolled_for_another_inspector_the_previous_list_leaves(office, laptop):
    link = enrol_for(office, laptop, "li")
    dispatch(office, ["L1", "L2"], "li")
    with SyncClient(laptop.db, link) as client:
        assert client.sync_tickets().pulled == 2
    store.mark_visit_started(laptop.db, "12345", "L2", "visit-on-l2")
    assert store.cursor(laptop.db)

    office.store.allow_reenrolment(link.device_id, "admin", "handed to wang")
    link = enrol_for(office, laptop, "wang")
    listed = {a.ticket: a for a in store.assignments(laptop.db)}
    assert set(listed) == {"L2"} and listed["L2"].flagged          # the started visit stays
    assert listed["L2"].removed_reason == "reenrolled"
    assert "其他检测员" in listed["L2"].removed_words("zh")
    gone = store.assignment(laptop.db, "12345", "L1")
    assert gone.removed and gone.removed_reason == "reenrolled" and not gone.flagged
    assert store.cursor(laptop.db) is None                         # the new list from the start

    dispatch(office, ["W1"], "wang")
    with SyncClient(laptop.db, link) as client:
        report = client.sync_tickets()
    assert report.ok and report.pulled == 1, report.summary("en")
    assert {a.ticket for a in store.assignments(laptop.db)} == {"L2", "W1"}
    assert office.store.ticket("12345", "W1")["delivered_at"] is not None


def test_re_enrolled_for_the_same_inspector_keeps_the_list(office, laptop):
    link = enrol_for(office, laptop, "li")
    dispatch(office, ["S1"], "li")
    with SyncClient(laptop.db, link) as client:
        client.sync_tickets()
    office.store.allow_reenrolment(link.device_id, "admin", "new disk")
    link = enrol_for(office, laptop, "li")
    assert [a.ticket for a in store.assignments(laptop.db)] == ["S1"]
    with SyncClient(laptop.db, link) as client:
        assert client.sync_tickets().ok
    assert [a.ticket for a in store.assignments(laptop.db)] == ["S1"]
