"""The laptops' feed over real HTTP: incremental pulls, reassignment and cancellation seen by
the right laptops, sealed cursors, the ticket signature, and the contact log pushed back once.

Laptops are enrolled through the real enrolment (`office.enroll_key`); the device's inspector
is set as `enrollment-code --inspector` leaves it (`devices.inspector`).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from inspector_app.core.tickets import TicketData, TicketEvent
from inspector_app.office.auth import hash_password
from inspector_app.office.office_key import public_office_key
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.ticket_signature import ticket_signature_valid

DISTRICT = "朝阳区"
SIGNED = ("channel", "ticket", "revision", "digest", "complaint_at")


@dataclass
class Laptop:
    device_id: str
    http: httpx.Client

    def pull(self, cursor: str | None = None, limit: int | None = None) -> httpx.Response:
        params = {k: v for k, v in (("cursor", cursor), ("limit", limit)) if v is not None}
        return self.http.get("/api/v1/assignments", params=params)

    def pulled(self, cursor: str | None = None, limit: int | None = None) -> dict:
        answer = self.pull(cursor, limit)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def send(self, *events: dict) -> list[dict]:
        answer = self.http.post("/api/v1/ticket-events", json={"events": list(events)})
        assert answer.status_code == 200, answer.text
        return answer.json()["results"]


def now() -> datetime:
    return datetime.now().astimezone()


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def ticket(number: str, minutes_ago: int = 10, district: str = DISTRICT) -> TicketData:
    return TicketData.validated({
        "channel": "12345", "ticket": number,
        "complaint_at": stamp(now() - timedelta(minutes=minutes_ago)),
        "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
        "district": district, "street": "人民大街", "community": "幸福小区", "building": "3",
        "unit": "2", "flat": "501", "company": "长春热力", "text": "室温偏低"}, now())


def event(number: str, kind: str, **data) -> dict:
    return {"event_id": DeviceKey.generate().device_id * 2, "channel": "12345",
            "ticket": number, "kind": kind, "at": stamp(now()), "data": data, "note": ""}


def laptop_of(office, tmp_path: Path, inspector: str | None) -> Laptop:
    """A laptop enrolled through the real enrolment, for `inspector` (None: for nobody)."""
    key = DeviceKey.generate()
    link = office.enroll_key(tmp_path / key.device_id, key)
    if inspector is not None:
        if office.store.user(inspector) is None:
            office.store.add_user(inspector, "inspector", hash_password("not-used-1"), DISTRICT)
        with office.store.write() as c:
            c.execute("UPDATE devices SET inspector=? WHERE device_id=?",
                      (inspector, link.device_id))
    return Laptop(link.device_id, httpx.Client(
        base_url=office.url, timeout=30,
        headers={"Authorization": f"Bearer {link.token}", "X-Device-Id": link.device_id}))


def dispatch(office, *numbers: str, to: str) -> None:
    office.store.save_tickets([ticket(n) for n in numbers], source="hotline", by="import")
    for number in numbers:
        office.store.assign_ticket("12345", number, to, by="dispatcher")


def keys(items: list[dict]) -> list[str]:
    return [f"{i['channel']}/{i['ticket']}" for i in items]


def test_a_second_pull_with_the_cursor_brings_only_the_changes(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "A1", "A2", "A3", to="li")
    first = li.pulled()
    assert sorted(keys(first["assignments"])) == ["12345/A1", "12345/A2", "12345/A3"]
    assert first["removed"] == [] and first["more"] is False
    item = first["assignments"][0]
    assert item["inspector"] == "li" and item["state"] == "assigned"
    assert item["data"]["resident_phone"] == "13800138000"
    assert li.pulled(first["cursor"])["assignments"] == []

    office.store.add_ticket_event("12345", "A2", TicketEvent(
        "contacted", stamp(now()), "dispatcher", "office", {"method": "phone"}))
    dispatch(office, "A4", to="li")
    second = li.pulled(first["cursor"])
    assert keys(second["assignments"]) == ["12345/A2", "12345/A4"]  # in the order of change
    assert second["assignments"][0]["state"] == "contacted"
    assert li.pulled(second["cursor"])["assignments"] == []


def test_a_reassigned_ticket_leaves_the_first_laptop_and_reaches_the_second(office, tmp_path):
    li, wang = laptop_of(office, tmp_path, "li"), laptop_of(office, tmp_path, "wang")
    dispatch(office, "B1", "B2", to="li")
    li_start, wang_start = li.pulled(), wang.pulled()
    assert keys(li_start["assignments"]) == ["12345/B1", "12345/B2"]
    assert wang_start["assignments"] == []

    office.store.assign_ticket("12345", "B1", "wang", by="dispatcher")
    li_next = li.pulled(li_start["cursor"])
    assert li_next["assignments"] == []
    assert li_next["removed"] == [{"channel": "12345", "ticket": "B1", "reason": "reassigned"}]
    wang_next = wang.pulled(wang_start["cursor"])
    assert keys(wang_next["assignments"]) == ["12345/B1"]
    assert wang_next["assignments"][0]["inspector"] == "wang"
    assert wang_next["removed"] == []


def test_a_cancelled_ticket_is_removed_from_the_laptop(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "C1", "C2", to="li")
    start = li.pulled()
    office.store.add_ticket_event("12345", "C1", TicketEvent(
        "cancelled", stamp(now()), "dispatcher", "office", {"reason": "居民撤诉"}))
    after = li.pulled(start["cursor"])
    assert after["removed"] == [{"channel": "12345", "ticket": "C1", "reason": "cancelled"}]
    assert after["assignments"] == []


def _reseal(cursor: str, **body) -> str:
    payload, _, mac = cursor.partition(".")
    old = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    new = base64.urlsafe_b64encode(json.dumps({**old, **body}).encode()).rstrip(b"=").decode()
    return f"{new}.{mac}"


def test_forged_altered_or_another_laptops_cursor_is_refused(office, tmp_path):
    li, wang = laptop_of(office, tmp_path, "li"), laptop_of(office, tmp_path, "wang")
    dispatch(office, "D1", to="li")
    cursor = li.pulled()["cursor"]
    forged = [
        "abc", "x" * 80 + "." + "y" * 43,                        # made up
        _reseal(cursor, s=0),                                     # altered position
        _reseal(cursor, d=wang.device_id),                        # altered device
        cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB"),  # torn MAC
    ]
    for text in forged:
        answer = li.pull(text)
        assert answer.status_code == 400, (text, answer.text)
        body = answer.json()
        assert body["error"] == "bad_cursor"
        assert "cursor" in body["reason"] and "游标" in body["reason_zh"]
    stolen = wang.pull(cursor)  # li's own, valid cursor, presented by another laptop
    assert stolen.status_code == 400 and stolen.json()["error"] == "bad_cursor"
    assert li.pull(cursor).status_code == 200


def test_a_revoked_laptop_is_refused_both_ways(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "E1", to="li")
    assert li.pull().status_code == 200
    office.store.revoke_device(li.device_id, "stolen", by="admin")
    for answer in (li.pull(), li.http.post("/api/v1/ticket-events",
                                           json={"events": [event("E1", "contacted",
                                                                  method="phone")]})):
        assert answer.status_code == 401, answer.text
        assert answer.json()["error"] == "device_revoked"
        assert answer.json()["reason_zh"]
    assert office.store.scalar("SELECT COUNT(*) FROM ticket_events WHERE source='laptop'") == 0


def test_events_are_stored_once_whatever_the_repeats(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "F1", to="li")
    contacted = event("F1", "contacted", method="phone")
    visit = event("F1", "visit_agreed", visit_at=stamp(now() + timedelta(hours=2)))
    first = li.send(contacted, visit, contacted)  # in order; the repeat within the batch too
    assert [(r["outcome"], r["state"]) for r in first] == [
        ("stored", "contacted"), ("stored", "visit_agreed"), ("duplicate", "visit_agreed")]
    again = li.send(contacted, visit)  # the answer was lost: the laptop sends it all again
    assert [r["outcome"] for r in again] == ["duplicate", "duplicate"]
    rows = office.store.query("SELECT event_id, kind, by, source, device_id FROM ticket_events"
                              " WHERE source='laptop' ORDER BY id")
    assert [tuple(r) for r in rows] == [
        (contacted["event_id"], "contacted", "li", "laptop", li.device_id),
        (visit["event_id"], "visit_agreed", "li", "laptop", li.device_id)]


def test_another_inspectors_ticket_is_not_yours(office, tmp_path):
    laptop_of(office, tmp_path, "li")
    wang = laptop_of(office, tmp_path, "wang")
    dispatch(office, "G1", to="li")
    [result] = wang.send(event("G1", "contacted", method="phone"))
    assert result["outcome"] == "refused" and result["error"]["error"] == "not_yours"
    assert result["error"]["reason_zh"] and result["state"] == "assigned"
    [unknown] = wang.send(event("NOPE", "contacted", method="phone"))
    assert unknown["outcome"] == "refused" and unknown["error"]["error"] == "no_such_ticket"
    assert office.store.scalar("SELECT COUNT(*) FROM ticket_events WHERE source='laptop'") == 0


def test_only_a_laptops_kinds_and_allowed_transitions_are_stored(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "H1", to="li")
    results = li.send(event("H1", "closed"),                      # the office's to make
                      event("H1", "visit_agreed", visit_at=stamp(now())),  # not contacted yet
                      event("H1", "contacted", method="pigeon"),  # no such method
                      event("H1", "contact_attempt", method="phone"))
    assert [(r["outcome"], (r["error"] or {}).get("error")) for r in results] == [
        ("refused", "kind_not_allowed"), ("refused", "bad_transition"),
        ("refused", "bad_event"), ("stored", None)]
    assert all(r["error"]["reason_zh"] for r in results[:3])
    detail = office.store.ticket_detail("12345", "H1")
    assert detail["attempts"] == 1 and detail["state"] == "assigned"


def test_each_signature_verifies_with_the_office_key_and_no_changed_field(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "J1", "J2", to="li")
    answer = li.pulled()
    key = answer["office_key"]
    assert key == public_office_key(office.store)
    for item in answer["assignments"]:
        signature = item["signature"]
        assert signature["key_id"] == key["key_id"]
        values = [item[name] for name in SIGNED]
        assert ticket_signature_valid(key["public_key"], signature["value"], *values)
        for i, name in enumerate(SIGNED):
            changed = list(values)
            changed[i] = values[i] + 1 if name == "revision" else values[i] + "0"
            assert not ticket_signature_valid(key["public_key"], signature["value"], *changed)


def test_pages_follow_the_limit_until_done(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    numbers = [f"K{i}" for i in range(7)]
    dispatch(office, *numbers, to="li")
    cursor, seen, mores = None, [], []
    for _ in range(5):
        page = li.pulled(cursor, limit=3)
        seen += keys(page["assignments"])
        mores.append(page["more"])
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert mores == [True, True, False]
    assert seen == [f"12345/{n}" for n in numbers]
    assert li.pull(limit=501).status_code == 422
    assert li.pull(limit=0).status_code == 422


def test_a_laptop_enrolled_for_nobody_gets_an_empty_list_and_why(office, tmp_path):
    laptop_of(office, tmp_path, "li")
    nobody = laptop_of(office, tmp_path, None)
    dispatch(office, "L1", to="li")
    answer = nobody.pulled()
    assert answer["assignments"] == [] and answer["removed"] == []
    assert "inspector" in answer["note"] and "检测员" in answer["note_zh"]
    assert nobody.pulled(answer["cursor"])["assignments"] == []
    [result] = nobody.send(event("L1", "contacted", method="phone"))
    assert result["outcome"] == "refused" and result["error"]["error"] == "no_inspector"


def test_a_batch_is_bounded(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    too_many = [event("M1", "contact_attempt", method="phone") for _ in range(501)]
    answer = li.http.post("/api/v1/ticket-events", json={"events": too_many})
    assert answer.status_code == 422 and answer.json()["reason_zh"]
    assert li.http.post("/api/v1/ticket-events", json={"events": []}).status_code == 422
    nul = event("M1", "contacted", method="phone")
    nul["note"] = "a\u0000b"
    assert li.http.post("/api/v1/ticket-events", json={"events": [nul]}).status_code == 422
    huge = event("M1", "contacted", method="phone")
    huge["note"] = "x" * (3 * 1024 * 1024)
    assert li.http.post("/api/v1/ticket-events", json={"events": [huge]}).status_code == 413


@pytest.mark.parametrize("missing", ["X-Device-Id", "Authorization"])
def test_no_credential_is_401(office, tmp_path, missing):
    li = laptop_of(office, tmp_path, "li")
    headers = {k: v for k, v in li.http.headers.items() if k.lower() != missing.lower()}
    answer = httpx.get(f"{office.url}/api/v1/assignments", headers=headers)
    assert answer.status_code == 401 and answer.json()["error"] == "no_credential"
