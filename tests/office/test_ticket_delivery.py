"""Delivery receipts over real HTTP: a ticket is 'delivered' only once a laptop of the inspector
holding it sent back the cursor of the page that carried it (it stored that page), at the time
that page was made; a reassignment makes it undelivered again; the inspectors' list tells when
each one's laptops last talked to the office. Both backends (`office`)."""

from __future__ import annotations

from datetime import datetime

from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewSession
from tests.office.test_ticket_feed import dispatch, laptop_of

PASSWORD = "correct horse 7"


def delivered(office, number: str) -> str | None:
    return office.store.ticket("12345", number)["delivered_at"]


def test_delivered_when_the_laptop_sends_the_cursor_back(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "D1", "D2", to="li")
    assert delivered(office, "D1") is None
    first = li.pulled(limit=1)                         # sent, but not yet acknowledged
    assert [i["ticket"] for i in first["assignments"]] == ["D1"]
    assert first["assignments"][0]["delivered_at"] is None
    assert delivered(office, "D1") is None
    second = li.pulled(first["cursor"], limit=1)       # the receipt for D1 (only)
    assert delivered(office, "D1") == first["office_time"]
    assert delivered(office, "D2") is None
    li.pulled(second["cursor"])                        # the receipt for D2
    assert delivered(office, "D2") == second["office_time"]
    detail = office.store.ticket_detail("12345", "D2")
    assert detail["delivered_at"] == second["office_time"]


def test_a_repeated_cursor_keeps_the_first_receipt(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "D1", to="li")
    first = li.pulled()
    li.pulled(first["cursor"])
    once = delivered(office, "D1")
    li.pulled(first["cursor"])                         # the same receipt again
    assert delivered(office, "D1") == once is not None


def test_a_reassignment_is_undelivered_until_the_new_laptop_has_it(office, tmp_path):
    li, wang = laptop_of(office, tmp_path, "li"), laptop_of(office, tmp_path, "wang")
    dispatch(office, "R1", to="li")
    li.pulled(li.pulled()["cursor"])
    assert delivered(office, "R1") is not None
    wang_start = wang.pulled()
    office.store.assign_ticket("12345", "R1", "wang", by="dispatcher")
    assert delivered(office, "R1") is None
    li.pulled(li.pulled()["cursor"])                   # the old holder's receipts count nothing
    assert delivered(office, "R1") is None
    page = wang.pulled(wang_start["cursor"])
    assert [i["ticket"] for i in page["assignments"]] == ["R1"]
    wang.pulled(page["cursor"])
    assert delivered(office, "R1") == page["office_time"]


def test_a_cursor_from_before_receipts_acknowledges_nothing(office, tmp_path):
    """A cursor without a receipt time (as made before receipts existed) still pages."""
    from inspector_app.office.feed_cursor import make_cursor
    from inspector_app.office.office_key import derive_cursor_key, office_signing_key

    li = laptop_of(office, tmp_path, "li")
    dispatch(office, "O1", to="li")
    page = li.pulled()
    _key_id, key = office_signing_key(office.store)
    seq = int(office.store.scalar("SELECT seq FROM ticket_feed WHERE ticket='O1'"))
    old = make_cursor(derive_cursor_key(key), seq, li.device_id, "li")
    assert li.pulled(old)["assignments"] == []
    assert delivered(office, "O1") is None
    li.pulled(page["cursor"])
    assert delivered(office, "O1") == page["office_time"]


def test_the_inspectors_list_says_when_their_laptops_last_synced(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    laptop_of(office, tmp_path, "wang")
    with office.store.write() as c:
        c.execute("UPDATE devices SET last_seen_at = NULL")
    office.store.add_user("admin1", "admin", hash_password(PASSWORD), None)
    dispatch(office, "S1", to="li")
    li.pulled()
    session = ReviewSession.login(office.url, "admin1", PASSWORD)
    people = {p["name"]: p for p in session.inspectors()}
    assert people["wang"]["last_seen_at"] is None      # never pulled since
    seen = datetime.fromisoformat(people["li"]["last_seen_at"])
    assert abs((datetime.now().astimezone() - seen).total_seconds()) < 120
    assert people["li"]["laptops"] == 1
