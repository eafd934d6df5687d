"""Below standard now, and the one-click ticket, over real HTTP with a fixed office clock."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.monitoring.aggregates import refresh
from inspector_app.office.monitoring.platform_keys import create_key
from tests.monitoring.registered import add_point

ZONE = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZONE)
START = datetime(2026, 12, 2, 20, 0, tzinfo=ZONE)    # 16 h of readings before NOW
CONTACT = {"resident_name": "王丽", "resident_phone": "13912345678", "street": "人民大街"}


@pytest.fixture
def live(office):
    office.app.state.clock = lambda: NOW
    return office


def push(live, point: str, value_at, *, start: datetime = START, end: datetime = NOW,
         company: str = "长春热力", skip=lambda t: False) -> None:
    """Readings every 20 min from `start` up to (not including) `end`; `value_at(t)` (local)
    gives each value, `skip(t)` leaves one out."""
    rows, t = [], start
    while t < end:
        if not skip(t):
            rows.append({"point_id": point, "t": t.isoformat(), "value_c": value_at(t)})
        t += timedelta(minutes=20)
    key = create_key(live.store, company, by="test").key
    answer = httpx.post(f"{live.url}/api/v1/monitoring/readings", json=rows, timeout=30,
                        headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200 and not answer.json()["refused"], answer.text


def at(hour: int, minute: int = 0) -> datetime:
    return NOW.replace(hour=hour, minute=minute)


def cold_from(hour: int | None, warm: float = 19.6, cold: float = 15.4):
    """Warm (with a little wobble) until `hour` today (None: all along), then cold."""
    return lambda t: round((cold if hour is not None and t >= at(hour) else warm)
                           + (t.minute % 3) / 10, 1)


def below(client: httpx.Client, **params) -> list[dict]:
    answer = client.get("/api/v1/monitoring/below-standard", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_a_household_below_for_five_hours_shows_for_four_not_for_six(live):
    home = add_point(live.store, "P-1")
    add_point(live.store, "P-WARM", flat="502")
    push(live, "P-1", cold_from(7))
    push(live, "P-WARM", cold_from(None))
    admin = live.admin()
    items = below(admin, hours=4)
    assert [i["point_id"] for i in items] == ["P-1"]
    item = items[0]
    assert (item["household"], item["since"], item["hours_below"]) == (
        home, "2026-12-02T23:00:00Z", 5.0)
    assert (item["latest_t"], item["latest_c"], item["open_ticket"]) == (
        "2026-12-03T03:40:00Z", "15.5", None)
    assert (item["district"], item["company"], item["room_kind"]) == (
        "朝阳区", "长春热力", "living_room")
    assert below(admin, hours=6) == []
    assert below(admin) == items          # 4 hours by default


def test_worst_first_one_row_a_household(live):
    add_point(live.store, "P-A1", flat="101")
    add_point(live.store, "P-A2", flat="101", room_kind="bedroom")
    add_point(live.store, "P-B", flat="102")
    push(live, "P-A1", cold_from(6))
    push(live, "P-A2", cold_from(4))
    push(live, "P-B", cold_from(2))
    items = below(live.admin(), hours=4)
    assert [(i["point_id"], i["points_below"]) for i in items] == [("P-B", 1), ("P-A2", 2)]
    assert below(live.admin(), hours=4, limit=1)[0]["point_id"] == "P-B"


def test_a_spike_neither_makes_nor_breaks_a_run(live):
    add_point(live.store, "P-DIP", flat="201")
    add_point(live.store, "P-JUMP", flat="202")
    # warm all along but one sample far below (a door opened on the sensor): a spike
    push(live, "P-DIP", lambda t: 12.0 if t == at(9) else cold_from(None)(t))
    add_point(live.store, "P-FLAT", flat="203")
    push(live, "P-FLAT", lambda t: 15.0)      # a dead sensor: one value for 16 hours
    # cold since 06:00, one sample of a heater's warmth at 10:00: still below since 06:00
    push(live, "P-JUMP", lambda t: 22.5 if t == at(10) else cold_from(6)(t))
    items = below(live.admin(), hours=1)
    assert [(i["point_id"], i["since"]) for i in items] == [("P-JUMP", "2026-12-02T22:00:00Z")]


def test_a_gap_is_unknown_not_below(live):
    add_point(live.store, "P-GAP", flat="301")
    add_point(live.store, "P-SILENT", flat="302")
    # cold since 02:00, but nothing valid from 07:00 to 09:40 (over 2 h): the run starts again
    push(live, "P-GAP", cold_from(2), skip=lambda t: at(7) <= t < at(9, 40))
    # cold since 02:00, silent since 09:20 (2 h 40 min): unknown now
    push(live, "P-SILENT", cold_from(2), end=at(9, 20))
    items = below(live.admin(), hours=1)
    assert [(i["point_id"], i["since"]) for i in items] == [("P-GAP", "2026-12-03T01:40:00Z")]
    assert below(live.admin(), hours=3) == []


def test_the_ticket_opens_once_and_shows_on_the_list(live):
    home = add_point(live.store, "P-1")
    push(live, "P-1", cold_from(7))
    admin = live.admin()
    url = f"/api/v1/monitoring/below-standard/{home}/ticket"
    unknown = admin.post(url)
    assert (unknown.status_code, unknown.json()["error"]) == (422, "no_resident_contact")
    first = admin.post(url, json=CONTACT)
    assert first.status_code == 201, first.text
    ticket = first.json()["ticket"]
    assert (ticket["channel"], ticket["state"], ticket["district"], ticket["company"]) == (
        "monitoring", "received", "朝阳区", "长春热力")
    assert ticket["complaint_at"].startswith("2026-12-03T")
    assert "P-1" in ticket["data"]["text"] and "5.0 小时" in ticket["data"]["text"]
    assert ticket["data"]["resident_phone"] == CONTACT["resident_phone"]
    second = admin.post(url, json=CONTACT)
    assert (second.status_code, second.json()["error"]) == (409, "ticket_open")
    assert second.json()["ticket"] == ticket["key"]
    assert live.store.db.scalar("SELECT COUNT(*) FROM tickets") == 1
    assert below(admin)[0]["open_ticket"] == ticket["key"]


def test_a_household_not_below_gets_no_ticket(live):
    home = add_point(live.store, "P-WARM")
    push(live, "P-WARM", cold_from(None))
    answer = live.admin().post(f"/api/v1/monitoring/below-standard/{home}/ticket",
                               json=CONTACT)
    assert (answer.status_code, answer.json()["error"]) == (409, "not_below")
    missing = live.admin().post("/api/v1/monitoring/below-standard/h0000000000000000000a/ticket",
                                json=CONTACT)
    assert missing.status_code == 404


def test_a_supervisor_sees_and_tickets_its_district_only(live):
    mine = add_point(live.store, "P-NG", district="南关区", company="吉林热电", flat="401")
    theirs = add_point(live.store, "P-CY", flat="402")
    push(live, "P-NG", cold_from(7), company="吉林热电")
    push(live, "P-CY", cold_from(7))
    live.store.add_user("zhao", "supervisor", hash_password("pw-zhao-123456"), "南关区")
    token = httpx.post(f"{live.url}/api/v1/login",
                       json={"name": "zhao", "password": "pw-zhao-123456"}).json()["token"]
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as c:
        assert [i["point_id"] for i in below(c)] == ["P-NG"]
        assert below(c, district="朝阳区") == []
        other = c.post(f"/api/v1/monitoring/below-standard/{theirs}/ticket", json=CONTACT)
        assert other.status_code == 404
        assert c.post(f"/api/v1/monitoring/below-standard/{mine}/ticket",
                      json=CONTACT).status_code == 201
    assert [i["point_id"] for i in below(live.admin(), district="朝阳区")] == ["P-CY"]
    assert [i["point_id"] for i in below(live.admin(), company="吉林热电")] == ["P-NG"]


def test_bad_hours_are_refused(live):
    for hours in (0, 73, "x"):
        answer = live.admin().get("/api/v1/monitoring/below-standard", params={"hours": hours})
        assert answer.status_code == 422 and answer.json()["reason_zh"]


def test_two_clicks_at_once_open_one_ticket(live):
    home = add_point(live.store, "P-1")
    push(live, "P-1", cold_from(7))
    assert below(live.admin())      # days recomputed: the clicks share no row to wait on
    start = threading.Barrier(2)

    def click() -> int:
        with live.admin() as client:
            start.wait()
            return client.post(f"/api/v1/monitoring/below-standard/{home}/ticket",
                               json=CONTACT).status_code

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(pool.map(lambda _: click(), range(2)))
    assert codes == [201, 409]
    assert live.store.db.scalar("SELECT COUNT(*) FROM tickets") == 1


def test_a_run_longer_than_a_day_s_window_is_carried_on_and_late_old_days_leave_it(live):
    home = add_point(live.store, "P-LONG")
    days = [datetime(2026, 12, d, tzinfo=ZONE) for d in (1, 2, 3)]
    push(live, "P-LONG", cold_from(None), start=days[0] - timedelta(hours=12), end=days[0])
    for day, end in zip(days, [days[1], days[2], NOW], strict=True):   # uploaded day by day
        push(live, "P-LONG", lambda t: round(15.0 + (t.minute % 3) / 10, 1), start=day, end=end)
        refresh(live.store)
    [item] = below(live.admin(), hours=48)
    assert (item["household"], item["since"], item["hours_below"]) == (
        home, "2026-11-30T16:00:00Z", 60.0)
    # a late upload of an old, warm day recomputes that day, not the run
    push(live, "P-LONG", cold_from(None), start=days[0] - timedelta(days=4),
         end=days[0] - timedelta(days=3))
    refresh(live.store)
    assert below(live.admin(), hours=48) == [item]
