"""A laptop re-enrolled for another inspector (an administrator's leave, then a code for the
other inspector) cannot go on from its old feed cursor: the office refuses it (400
`bad_cursor`), the laptop forgets it once and pulls the new inspector's list from the start.
Real enrolment, real HTTP, both office backends.
"""

from __future__ import annotations

import inspect

import httpx

from inspector_app.seal.device_key import DeviceKey
from inspector_app.store import assignments as store
from inspector_app.sync.client import SyncClient, enroll
from tests.sync.test_assignments_sync import dispatch


def enrol_for(office, laptop, inspector: str):
    """Enrol (or re-enrol) the laptop with a code made for `inspector`."""
    if office.store.query_one("SELECT 1 FROM users WHERE name=?", (inspector,)) is None:
        office.store.add_user(inspector, "inspector", "!", "朝阳区")
    if "inspector" in inspect.signature(office.store.new_enrollment_code).parameters:
        code, _ = office.store.new_enrollment_code(inspector=inspector)
        link = enroll(laptop.folder, office.url, code, laptop.key)
    else:  # `enrollment-code --inspector` not merged yet: leave what it leaves
        code, _ = office.store.new_enrollment_code()
        link = enroll(laptop.folder, office.url, code, laptop.key)
        with office.store.write() as c:
            c.execute("UPDATE devices SET inspector=? WHERE device_id=?",
                      (inspector, link.device_id))
    return link


def test_a_laptop_re_enrolled_for_another_inspector_pulls_the_new_list_from_the_start(
        office, laptop):
    office.store.add_user("wang", "inspector", "!", "朝阳区")
    other = office.store.new_enrollment_code()[0]  # wang needs a live laptop to be assigned
    wang_key = DeviceKey.generate()
    wang_link = enroll(laptop.folder.parent / "wang", office.url, other, wang_key)
    with office.store.write() as c:
        c.execute("UPDATE devices SET inspector='wang' WHERE device_id=?", (wang_link.device_id,))
    dispatch(office, ["W1", "W2"], inspector="wang")   # wang's tickets come first in the feed

    link = enrol_for(office, laptop, "li")
    dispatch(office, ["L1"], inspector="li")
    with SyncClient(laptop.db, link) as client:
        assert client.sync_tickets().pull_done
    old_cursor = store.cursor(laptop.db)
    assert old_cursor and {a.ticket for a in store.assignments(laptop.db)} == {"L1"}

    office.store.allow_reenrolment(link.device_id, "admin", "handed to wang")
    link = enrol_for(office, laptop, "wang")
    assert link.device_id == laptop.key.device_id

    answer = httpx.get(f"{office.url}/api/v1/assignments", params={"cursor": old_cursor},
                       headers={"Authorization": f"Bearer {link.token}",
                                "X-Device-Id": link.device_id}, timeout=10)
    assert answer.status_code == 400 and answer.json()["error"] == "bad_cursor"
    assert answer.json()["reason_zh"]

    with SyncClient(laptop.db, link) as client:
        report = client.sync_tickets()
    assert report.pull_done and report.ok, report.summary("en")
    pulled = {a.ticket for a in store.assignments(laptop.db)}
    assert {"W1", "W2"} <= pulled   # from the start: the tickets wang had before the hand-over
    assert store.cursor(laptop.db) != old_cursor
