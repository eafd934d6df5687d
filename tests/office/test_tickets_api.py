"""The supervisors' ticket endpoints over real HTTP on 127.0.0.1, on SQLite and PostgreSQL:
push with per-row outcomes, district scoping (another district's ticket is 404), assignment
refusals with their codes, office-side events, paging, the inspectors list, and an inspector's
account kept out of the review API."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.bounded_body import MAX_REQUEST_BYTES
from tests.office.ticket_helpers import add_inspector, raw_ticket
from tests.office.uploaded import supervisor


def shaped(answer: httpx.Response, status: int, error: str) -> dict:
    assert answer.status_code == status, answer.text[:400]
    body = answer.json()
    assert body["error"] == error and body["reason"] and body["reason_zh"], body
    return body


@pytest.fixture
def admin(office):
    with office.admin() as client:
        yield client


def push(client: httpx.Client, *tickets: dict, **extra) -> httpx.Response:
    return client.post("/api/v1/tickets", json={"tickets": list(tickets), **extra})


def test_push_answers_each_row_and_stores_the_good_ones(office, admin):
    answer = push(admin, raw_ticket("A1"), raw_ticket("A2", complaint_at="2026-01-05 10:00"),
                  raw_ticket("A3", channel="walk_in"), raw_ticket("A4", resident_phone="12"))
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [(r["index"], r["ticket"], r["outcome"]) for r in results] == [
        (0, "A1", "new"), (1, "A2", "refused"), (2, "A3", "refused"), (3, "A4", "refused")]
    assert results[0]["revision"] == 1 and results[0]["error"] is None
    assert results[1]["error"]["field"] == "complaint_at"
    assert "时区" in results[1]["error"]["reason_zh"] and results[1]["error"]["reason"]
    assert results[2]["error"]["field"] == "channel"
    assert results[3]["error"]["field"] == "resident_phone"
    again = push(admin, raw_ticket("A1"), raw_ticket("A1", text="改了")).json()["results"]
    assert [(r["outcome"], r["revision"]) for r in again] == [("unchanged", 1), ("revised", 2)]
    detail = admin.get("/api/v1/tickets/12345/A1").json()
    assert [e["source"] for e in detail["events"]] == ["hotline", "hotline"]
    assert detail["revisions"][1]["by"] == "tester"
    shaped(push(admin, raw_ticket("A9"), profile="nowhere"), 422, "unknown_profile")
    shaped(admin.post("/api/v1/tickets", json={"tickets": []}), 422, "invalid_request")
    assert office.store.ticket_keys("A9") == []


def test_a_push_of_1000_tickets_is_taken_though_larger_than_other_bodies(admin):
    tickets = [raw_ticket(f"B{i:04d}", text="暖气不热" * 20) for i in range(1000)]
    answer = push(admin, *tickets)
    assert int(answer.request.headers["content-length"]) > MAX_REQUEST_BYTES
    assert answer.status_code == 200, answer.text[:300]
    assert {r["outcome"] for r in answer.json()["results"]} == {"new"}
    shaped(push(admin, *tickets, raw_ticket("B1000")), 422, "invalid_request")   # 1001


def test_a_supervisor_sees_and_touches_only_its_district(office, admin):
    assert push(admin, raw_ticket("N1", district="南关区"), raw_ticket("C1")).status_code == 200
    add_inspector(office.store, "li")
    with supervisor(office, "sup", "朝阳区") as sup:
        items = sup.get("/api/v1/tickets").json()["items"]
        assert [i["key"] for i in items] == ["12345/C1"]
        assert sup.get("/api/v1/tickets", params={"district": "南关区"}).json()["items"] == []
        shaped(sup.get("/api/v1/tickets/12345/N1"), 404, "no_such_ticket")
        shaped(sup.post("/api/v1/tickets/12345/N1/assignment", json={"inspector": "li"}),
               404, "no_such_ticket")
        shaped(sup.post("/api/v1/tickets/12345/N1/events",
                        json={"kind": "cancelled", "data": {"reason": "x"}}),
               404, "no_such_ticket")
        rows = push(sup, raw_ticket("N1", district="南关区", text="改"),
                    raw_ticket("N2", district="南关区"), raw_ticket("C2")).json()["results"]
        assert [(r["outcome"], (r["error"] or {}).get("field")) for r in rows] == [
            ("refused", "district"), ("refused", "district"), ("new", None)]
        assert sup.get("/api/v1/tickets/12345/C1").status_code == 200
        assert [i["name"] for i in sup.get("/api/v1/inspectors").json()] == ["li"]
    assert office.store.ticket_detail("12345", "N1")["revision"] == 1     # untouched
    assert office.store.ticket_keys("N2") == []
    assert len(admin.get("/api/v1/tickets").json()["items"]) == 3


def test_assignment_and_office_events_through_http(office, admin):
    now = datetime.now(UTC)
    push(admin, raw_ticket("A1", minutes_ago=45, now=now),
         raw_ticket("S1", district="南关区", minutes_ago=5, now=now))
    add_inspector(office.store, "li", laptops=1)
    add_inspector(office.store, "bare", laptops=0)
    add_inspector(office.store, "nan", "南关区")
    url = "/api/v1/tickets/12345/A1"
    shaped(admin.post(f"{url}/assignment", json={"inspector": "ghost"}), 422,
           "no_such_inspector")
    shaped(admin.post(f"{url}/assignment", json={"inspector": "nan"}), 422, "other_district")
    shaped(admin.post(f"{url}/assignment", json={"inspector": "bare"}), 409, "no_live_laptop")
    shaped(admin.post("/api/v1/tickets/12345/Z9/assignment", json={"inspector": "li"}), 404,
           "no_such_ticket")
    item = admin.post(f"{url}/assignment", json={"inspector": "li"}).json()
    assert (item["state"], item["inspector"], item["overdue"]) == ("assigned", "li", True)
    assert [i["key"] for i in admin.get("/api/v1/tickets",
                                        params={"overdue": "true"}).json()["items"]] == [
        "12345/A1"]
    shaped(admin.post(f"{url}/events", json={"kind": "visit_agreed",
                                             "data": {"visit_at": "2026-01-05T20:00:00+08:00"}}),
           409, "bad_transition")
    shaped(admin.post(f"{url}/events", json={"kind": "contacted", "data": {"method": "fax"}}),
           422, "bad_event")
    shaped(admin.post(f"{url}/events", json={"kind": "contacted", "data": {"method": ["x"]}}),
           422, "bad_event")
    shaped(admin.post(f"{url}/events", json={"kind": "contacted", "at": "2099-01-01T00:00Z",
                                             "data": {"method": "phone"}}), 422, "bad_event")
    shaped(admin.post(f"{url}/events", json={"kind": "assigned", "data": {}}), 422,
           "invalid_request")
    body = {"kind": "contacted", "data": {"method": "phone"}, "note": "办公室电话联系",
            "event_id": "office-client-0001"}
    item = admin.post(f"{url}/events", json=body).json()
    assert item["state"] == "contacted" and item["overdue"] is False
    assert admin.post(f"{url}/events", json=body).status_code == 200      # sent again
    detail = admin.get(url).json()
    assert [e["kind"] for e in detail["events"]] == ["received", "assigned", "contacted"]
    assert detail["events"][-1]["by"] == "tester" and detail["events"][-1]["note"]
    shaped(admin.post("/api/v1/tickets/12345/S1/events", json=body), 409, "event_id_taken")
    item = admin.post(f"{url}/events", json={"kind": "cancelled",
                                             "data": {"reason": "居民撤诉"}}).json()
    assert item["state"] == "cancelled" and item["reason"] == "居民撤诉"
    assert admin.get("/api/v1/tickets", params={"state": "cancelled"}).json()["items"][0][
        "key"] == "12345/A1"
    shaped(admin.get("/api/v1/tickets", params={"state": "approved"}), 422, "bad_state")
    shaped(admin.get("/api/v1/tickets", params={"after": "bm90LWpzb24"}), 400, "bad_cursor")


def test_paging_through_http_returns_each_ticket_once(admin):
    push(admin, *[raw_ticket(f"P{i:03d}", minutes_ago=i % 17) for i in range(120)])
    keys, after = [], None
    while True:
        page = admin.get("/api/v1/tickets", params={"limit": 50, **(
            {"after": after} if after else {})}).json()
        keys += [i["key"] for i in page["items"]]
        after = page["next"]
        if after is None:
            break
    assert len(keys) == len(set(keys)) == 120


def test_an_inspector_account_never_opens_the_review_api(office):
    office.store.add_user("li", "inspector", hash_password("password-1"), "朝阳区")
    answer = httpx.post(f"{office.url}/api/v1/login", json={"name": "li",
                                                            "password": "password-1"})
    shaped(answer, 403, "not_a_supervisor")
    token, _ = office.store.new_session("li")       # a session made some other way
    for path in ("/api/v1/tickets", "/api/v1/records", "/api/v1/inspectors"):
        shaped(httpx.get(f"{office.url}{path}", headers={"Authorization": f"Bearer {token}"}),
               403, "not_a_supervisor")
    office.store.add_user("blank", "inspector", "", "朝阳区")       # no usable password
    shaped(httpx.post(f"{office.url}/api/v1/login", json={"name": "blank", "password": ""}),
           401, "wrong_password")
