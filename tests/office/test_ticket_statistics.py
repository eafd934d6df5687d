"""Response figures from the hotline tickets, and the company figures that use a ticket's times
instead of those typed at the door: worked numbers on both backends, through the store and
through HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from inspector_app.core.tickets import TicketData, TicketEvent
from inspector_app.office.auth import hash_password
from inspector_app.office.store import Incoming, OfficeStore
from inspector_app.office.ticket_statistics import ticket_stats
from tests.office.ticket_helpers import CST, add_inspector, raw_ticket

SEASON = "2025-2026"
T0 = datetime(2025, 12, 10, 8, 0, tzinfo=CST)   # the complaints of the worked example


def at(minutes: float, start: datetime = T0) -> str:
    return (start + timedelta(minutes=minutes)).isoformat(timespec="seconds")


def save(store: OfficeStore, number: str, complaint: datetime = T0, **changes: str) -> None:
    raw = raw_ticket(number, **changes)
    raw["complaint_at"] = complaint.isoformat(timespec="seconds")
    store.save_tickets([TicketData.validated(raw, datetime.now(UTC))], source="hotline",
                       by="import")


def event(store: OfficeStore, number: str, kind: str, minutes: float, channel: str = "12345",
          source: str = "laptop", by: str = "li", **data) -> None:
    store.add_ticket_event(channel, number, TicketEvent(kind, at(minutes), by, source, data))


@pytest.fixture
def store(office_db) -> OfficeStore:
    store = OfficeStore(office_db)
    add_inspector(store, "li", "朝阳区")
    add_inspector(store, "wang", "南关区")
    yield store
    store.close()


def worked_example(store: OfficeStore) -> None:
    """长春热力 in 朝阳区: A1 contacted at 10 min (visit agreed for 120), A2 contacted at 40 (late;
    visit 200), A3 unreachable after a failed attempt, A4 cancelled before dispatch.
    城开热力 in 南关区: B1 tested without a logged contact. A ticket of last season: not counted."""
    for number in ("A1", "A2", "A3", "A4"):
        save(store, number)
    save(store, "B1", district="南关区", company="城开热力")
    save(store, "OLD", complaint=datetime(2025, 3, 1, 8, 0, tzinfo=CST))
    for number in ("A1", "A2", "A3", "OLD"):
        store.assign_ticket("12345", number, "li", by="chaoyang")
    store.assign_ticket("12345", "B1", "wang", by="nanguan")
    event(store, "A1", "contacted", 10, method="phone")
    event(store, "A1", "visit_agreed", 12, visit_at=at(120))
    event(store, "A2", "contacted", 40, method="sms")
    event(store, "A2", "visit_agreed", 41, visit_at=at(200))
    event(store, "A3", "contact_attempt", 5, method="phone")
    event(store, "A3", "unreachable", 50, reason="无人接听", attempts=1)
    event(store, "A4", "cancelled", 3, source="office", by="chaoyang", reason="重复工单")
    event(store, "B1", "tested", 90, by="wang", record="dev9.R1")


def test_worked_response_figures(store):
    worked_example(store)
    stats = ticket_stats(store.db, SEASON)
    assert stats["groups"] == [
        {"company": "长春热力", "district": "朝阳区", "tickets": 4, "contacted": 2,
         "contacted_within_limit": 1, "median_minutes_to_contact": 25.0,
         "median_minutes_to_visit": 160.0, "tested": 0, "unreachable": 1, "cancelled": 1},
        {"company": "城开热力", "district": "南关区", "tickets": 1, "contacted": 0,
         "contacted_within_limit": 0, "median_minutes_to_contact": None,
         "median_minutes_to_visit": None, "tested": 1, "unreachable": 0, "cancelled": 0},
    ]
    assert stats["total"] == {
        "tickets": 5, "contacted": 2, "contacted_within_limit": 1,
        "median_minutes_to_contact": 25.0, "median_minutes_to_visit": 160.0, "tested": 1,
        "unreachable": 1, "cancelled": 1}
    assert [g["company"] for g in ticket_stats(store.db, SEASON, "南关区")["groups"]] == \
        ["城开热力"]
    assert ticket_stats(store.db, "2024-2025")["total"]["tickets"] == 1   # OLD
    assert ticket_stats(store.db, "2026-2027")["groups"] == []
    with pytest.raises(ValueError):
        ticket_stats(store.db, "2025-2027")


def test_the_season_is_the_complaint_local_date(store):
    # 1 July 05:00 in Changchun is still 30 June in UTC; 30 June 23:00 is last season's
    save(store, "EARLY", complaint=datetime(2025, 7, 1, 5, 0, tzinfo=CST))
    save(store, "LATE", complaint=datetime(2025, 6, 30, 23, 0, tzinfo=CST))
    assert ticket_stats(store.db, SEASON)["total"]["tickets"] == 1
    assert ticket_stats(store.db, "2024-2025")["total"]["tickets"] == 1


def record(n: int, ticket: str, complaint: str | None, contact: float | None,
           arrival: float | None, district: str = "朝阳区", company: str = "长春热力",
           ) -> Incoming:
    return Incoming(record_id=f"R{n}", device_id="dev9", seq=n, sha256=f"h{n}",
                    prev_sha256=f"h{n - 1}" if n > 1 else None, envelope=b"{}",
                    sealed_at=at(300), training=False, test_at=at(300), district=district,
                    company=company, verdict="pass", profile_name="changchun", ticket=ticket,
                    complaint_at=complaint, contact_min=contact, arrival_min=arrival)


def test_company_figures_take_the_ticket_times(store):
    """R1 belongs to T1: the door said complaint +20, contact 10 min later (in time), arrival
    60 min later; the ticket says complaint at T0 and contact logged at +45 → 45 min (late),
    arrival at +80. R2 belongs to T2 (never contacted on the ticket): the door's contact, from
    the ticket's complaint → 25 + 5 = 30. R3 has no ticket; R4 names a ticket of another
    district: both keep the door's 10 and 15."""
    save(store, "T1")
    save(store, "T2")
    save(store, "T4", district="南关区")
    store.assign_ticket("12345", "T1", "li", by="chaoyang")
    event(store, "T1", "contacted", 45, method="phone")
    store.admit_device("dev9", "key9")
    store.store_records([record(1, "T1", at(20), 10, 60), record(2, "T2", at(5), 25, None),
                         record(3, "", at(0), 10, 30), record(4, "T4", at(0), 15, None)],
                        "bundle")
    [stats] = store.company_stats(SEASON)
    assert stats["tests"] == 4 and stats["without_times"] == 0
    # contacts 45 (ticket), 30 (ticket+door), 10, 15 (door) → median 22.5; one over 30
    assert stats["median_contact_min"] == 22.5
    assert stats["contact_limit_breaches"] == 1
    # arrivals 80 (ticket+door), 30 (door) → 55
    assert stats["median_arrival_min"] == 55.0
    assert stats["contact_sources"] == {"ticket": 1, "ticket+door": 1, "door": 2}
    assert stats["contact_source"] == "mixed"
    assert stats["arrival_sources"] == {"ticket": 0, "ticket+door": 1, "door": 1}
    # the same records without the tickets: what was typed at the door
    assert store.company_stats("2025-2026", district="南关区") == []


def test_a_number_of_two_channels_is_decided_by_the_tested_event(store):
    save(store, "X9")
    save(store, "X9", complaint=T0 - timedelta(minutes=30), channel="12319")
    for channel in ("12345", "12319"):
        store.assign_ticket(channel, "X9", "li", by="chaoyang")
    event(store, "X9", "contacted", 10, channel="12345", method="phone")
    event(store, "X9", "contacted", 10, channel="12319", method="phone")   # 40 min after its own
    event(store, "X9", "tested", 100, channel="12319", record="dev9.R1")
    store.admit_device("dev9", "key9")
    store.store_records([record(1, "X9", at(0), 5, 50)], "bundle")
    [stats] = store.company_stats(SEASON)
    assert stats["median_contact_min"] == 40.0 and stats["contact_source"] == "ticket"
    assert stats["median_arrival_min"] == 80.0 and stats["arrival_source"] == "ticket+door"


def test_stats_endpoint_is_district_scoped(office):
    from tests.office.ticket_helpers import add_inspector as add

    store = office.store
    add(store, "li", "朝阳区")
    add(store, "wang", "南关区")
    worked_example(store)
    store.add_user("nanguan", "supervisor", hash_password("password-1"), "南关区")
    with office.admin() as admin:
        answer = admin.get("/api/v1/tickets/stats", params={"season": SEASON})
        assert answer.status_code == 200, answer.text
        assert answer.json()["total"]["tickets"] == 5 and answer.json()["district"] is None
        bad = admin.get("/api/v1/tickets/stats", params={"season": "2025-2027"})
        assert bad.status_code == 422 and bad.json()["error"] == "bad_season"
        assert "供暖季" in bad.json()["reason_zh"]
        assert admin.get("/api/v1/tickets/stats",
                         params={"season": "2025"}).status_code == 422
    token = httpx.post(f"{office.url}/api/v1/login",
                       json={"name": "nanguan", "password": "password-1"}).json()["token"]
    mine = httpx.get(f"{office.url}/api/v1/tickets/stats", params={"season": SEASON},
                     headers={"Authorization": f"Bearer {token}"}).json()
    assert mine["district"] == "南关区"
    assert [(g["company"], g["tickets"], g["tested"]) for g in mine["groups"]] == \
        [("城开热力", 1, 1)]
    assert httpx.get(f"{office.url}/api/v1/tickets/stats",
                     params={"season": SEASON}).status_code == 401


def test_sqlite_finds_a_ticket_s_records_through_their_index(tmp_path):
    """Left to itself SQLite ranges over the season once per ticket (hours at a million
    records and 100,000 tickets); the plan must look the records up by ticket number."""
    from inspector_app.office.ticket_statistics import ticket_times_sql

    store = OfficeStore(tmp_path / "o.sqlite3")
    for district in ("", " AND r.district=?"):
        sql = ticket_times_sql(f"r.test_at >= ? AND r.test_at < ? AND r.training=0{district}",
                               postgres=False)
        params = ["2025-07-01", "2026-07-01"] + (["朝阳区"] if district else [])
        plan = [str(r[-1]) for r in store.query("EXPLAIN QUERY PLAN " + sql, params)]
        assert any("records_ticket (ticket=?)" in step for step in plan), plan
        assert not any(step.startswith("SCAN r") for step in plan), plan
    store.close()
