"""The point registry's HTTP API on a live office, both backends: district scoping, states at
a fixed office clock, paging, admin-only changes, the quarantine and the state counts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.monitoring import points
from inspector_app.office.monitoring.ingest import ingest

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)          # 10:00 in Changchun
YESTERDAY, TODAY = "2026-12-02", "2026-12-03"


def login(live, name: str, role: str, district: str | None) -> httpx.Client:
    live.store.add_user(name, role, hash_password("password-1"), district)
    token = httpx.post(f"{live.url}/api/v1/login",
                       json={"name": name, "password": "password-1"}).json()["token"]
    return httpx.Client(base_url=live.url, timeout=30,
                        headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def clocked(office):
    office.app.state.clock = lambda: NOW
    return office


def add(store, point_id: str, district: str = "朝阳区", flat: str = "501", **changes: str):
    raw = {"point_id": point_id, "city": "长春市", "district": district, "community": "绿园小区",
           "building": "3", "unit": "2", "flat": flat, "room_kind": "客厅",
           "company": "长春热力", "installed_on": "2026-10-01", **changes}
    points.register(store, [points.registration(raw)], "test", NOW)


def heard(store, point_id: str, ago: timedelta | None) -> None:
    at = None if ago is None else (NOW - ago).strftime("%Y-%m-%dT%H:%M:%SZ")
    with store.db.write() as c:
        c.execute("UPDATE monitoring_points SET last_received_at=?, last_t=? WHERE point_id=?",
                  (at, at, point_id))


def day(store, point_id: str, on: str, status: str = "compliant", flags: dict | None = None,
        mean: str = "19.200") -> None:
    with store.db.write() as c:
        no = c.execute("SELECT point_no FROM monitoring_points WHERE point_id=?",
                       (point_id,)).fetchone()[0]
        c.execute("INSERT INTO monitoring_daily (point_no, day, readings, valid, min_c, mean_c,"
                  " max_c, minutes_below, coverage, status, flags, digest, computed_at) VALUES"
                  " (?, ?, 72, 72, '18.5', ?, '20.1', 0, '1', ?, ?, 'd', ?)",
                  (no, on, mean, status, json.dumps(flags or {}), TODAY))


EXPECTED = {"A-rep": "reporting", "A-flag": "flagged", "A-insuf": "flagged",
            "A-silent": "silent", "A-never": "silent", "A-gone": "removed",
            "A-going": "reporting", "A-partial": "reporting", "B-rep": "reporting"}


@pytest.fixture
def states(clocked):
    """One point of each kind; B-* in another district."""
    store = clocked.store
    for n, pid in enumerate(EXPECTED):
        add(store, pid, district="南关区" if pid.startswith("B") else "朝阳区", flat=str(n + 1))
    for pid in EXPECTED:
        heard(store, pid, timedelta(minutes=30))
    heard(store, "A-silent", timedelta(hours=2, seconds=1))
    heard(store, "A-never", None)
    points.remove(store, "A-gone", datetime(2026, 12, 2).date(), "test", NOW)
    points.remove(store, "A-going", datetime(2026, 12, 4).date(), "test", NOW)
    day(store, "A-rep", "2026-12-01", "insufficient")
    day(store, "A-rep", YESTERDAY)
    day(store, "A-flag", YESTERDAY, flags={"spike": 2})
    day(store, "A-insuf", YESTERDAY, "insufficient")
    day(store, "A-partial", YESTERDAY)
    day(store, "A-partial", TODAY, "insufficient")         # today's row is partial: not read
    return clocked


def test_each_state_at_the_office_clock_listed_filtered_and_counted(states):
    with login(states, "chief", "admin", None) as admin:
        items = admin.get("/api/v1/points", params={"limit": 500}).json()["items"]
        assert {i["point_id"]: i["state"] for i in items} == EXPECTED
        for state in ("reporting", "silent", "flagged", "removed"):
            got = admin.get("/api/v1/points", params={"state": state}).json()["items"]
            assert {i["point_id"] for i in got} == {p for p, s in EXPECTED.items()
                                                    if s == state}, state
        assert admin.get("/api/v1/monitoring/state-counts").json() == {
            "reporting": 4, "silent": 2, "flagged": 2, "removed": 1}
        assert admin.get("/api/v1/monitoring/state-counts",
                         params={"district": "南关区"}).json() == {
            "reporting": 1, "silent": 0, "flagged": 0, "removed": 0}
    by_id = {i["point_id"]: i for i in items}
    assert by_id["A-flag"]["latest_day"] == {"day": YESTERDAY, "status": "compliant",
                                             "mean_c": "19.200", "coverage": "1",
                                             "flags": {"spike": 2}}
    assert by_id["A-partial"]["latest_day"]["day"] == YESTERDAY
    assert by_id["A-never"]["latest_day"] is None and by_id["A-never"]["last_received_at"] is None
    assert by_id["A-rep"]["position"] == [] and by_id["A-rep"]["room_kind"] == "living_room"


def test_a_supervisor_sees_its_district_only(states):
    with login(states, "wang", "supervisor", "朝阳区") as sup:
        items = sup.get("/api/v1/points").json()["items"]
        assert {i["point_id"] for i in items} == {p for p in EXPECTED if p.startswith("A")}
        assert sup.get("/api/v1/points", params={"district": "南关区"}).json() == {
            "items": [], "next": None}
        other = sup.get("/api/v1/points/B-rep")
        assert other.status_code == 404 and other.json()["error"] == "not_found"
        mine = sup.get("/api/v1/points/A-rep").json()
        assert mine["correction_c"] == "0" and mine["changes"][0]["kind"] == "registered"
        assert sup.get("/api/v1/monitoring/state-counts", params={"district": "南关区"}).json() \
            == {"reporting": 0, "silent": 0, "flagged": 0, "removed": 0}
        assert sup.get("/api/v1/monitoring/state-counts").json()["reporting"] == 3
        refused = sup.put("/api/v1/points/A-new", json={
            "district": "朝阳区", "community": "绿园小区", "building": "1", "room_kind": "卧室",
            "company": "长春热力", "installed_on": "2026-10-01"})
        assert refused.status_code == 403 and refused.json()["error"] == "admin_only"
        assert sup.post("/api/v1/points/A-rep/removal", json={"on": TODAY}).status_code == 403
    assert states.store.db.scalar("SELECT COUNT(*) FROM monitoring_points") == len(EXPECTED)


def test_pages_walk_every_point_once_in_point_id_order(states):
    with login(states, "chief", "admin", None) as admin:
        for params in ({}, {"state": "reporting"}, {"district": "朝阳区"}):
            seen, after = [], None
            while True:
                page = admin.get("/api/v1/points", params={**params, "limit": 2,
                                                           **({"after": after} if after else {})}
                                 ).json()
                seen += [i["point_id"] for i in page["items"]]
                after = page["next"]
                if after is None:
                    break
            whole = admin.get("/api/v1/points", params={**params, "limit": 500}).json()
            assert len(seen) >= 3, params
            assert seen == [i["point_id"] for i in whole["items"]] == sorted(seen), params


def test_an_admin_registers_updates_and_removes_a_point(clocked):
    body = {"city": "长春市", "district": "朝阳区", "community": "绿园小区", "building": "3",
            "unit": "1", "flat": "101", "room_kind": "卧室", "room_name": "主卧",
            "position": ["底层", "end"], "company": "长春热力", "installed_on": "2026-10-08",
            "correction_c": "-0.2", "calibrated_on": "2026-09-30", "calibration_ref": "JL-1"}
    early = NOW - timedelta(hours=1)
    ingest(clocked.store, [{"point_id": "P-9", "t": early.isoformat(), "value_c": 19.1}],
           company=None, source="http", now=NOW)
    with login(clocked, "chief", "admin", None) as admin:
        made = admin.put("/api/v1/points/P-9", json=body).json()
        assert (made["outcome"], made["released"]) == ("new", 1)
        assert made["point"]["position"] == ["ground", "end"]
        assert made["point"]["last_received_at"] == "2026-12-03T02:00:00Z"
        assert admin.put("/api/v1/points/P-9", json=body).json()["outcome"] == "unchanged"
        less = {k: v for k, v in body.items() if k not in points.KEPT}
        kept = admin.put("/api/v1/points/P-9", json=less).json()
        assert kept["outcome"] == "unchanged" and kept["point"]["correction_c"] == "-0.2"
        moved = admin.put("/api/v1/points/P-9", json={**less, "room_kind": "客厅"}).json()
        assert moved["outcome"] == "updated" and moved["point"]["room_kind"] == "living_room"
        bad = admin.put("/api/v1/points/P-9", json={**body, "community": "", "street": ""})
        assert bad.status_code == 422 and bad.json()["field"] == "community"
        assert admin.put("/api/v1/points/P-9", json={**body, "room_kind": "厨房"}
                         ).status_code == 422
        gone = admin.post("/api/v1/points/P-9/removal", json={"on": "2026-12-01",
                                                              "reason": "拆迁"}).json()
        assert gone["removed"] and gone["point"]["state"] == "removed"
        assert gone["point"]["changes"][-1]["reason"] == "拆迁"
        early_removal = admin.post("/api/v1/points/P-9/removal", json={"on": "2026-10-01"})
        assert early_removal.status_code == 422
        missing = admin.post("/api/v1/points/P-0/removal", json={"on": "2026-12-01"})
        assert missing.status_code == 404 and missing.json()["reason_zh"]


def test_the_quarantine_an_admin_sees_whole_and_a_supervisor_by_its_points(clocked):
    store = clocked.store
    add(store, "A-1")
    add(store, "B-1", district="南关区")
    points.remove(store, "A-1", datetime(2026, 11, 30).date(), "test", NOW)
    points.remove(store, "B-1", datetime(2026, 11, 30).date(), "test", NOW)
    t = (NOW - timedelta(hours=1)).isoformat()
    ingest(store, [{"point_id": p, "t": t, "value_c": 19} for p in ("A-1", "B-1", "X-1")]
           + [{"point_id": "A-1", "t": "2026-12-09T00:00:00Z", "value_c": 19}],
           company="长春热力", source="http", now=NOW)
    with login(clocked, "chief", "admin", None) as admin, \
            login(clocked, "wang", "supervisor", "朝阳区") as sup:
        every = admin.get("/api/v1/monitoring/quarantine").json()
        assert sorted((i["point_id"], i["reason"]) for i in every["items"]) == [
            ("A-1", "implausible_time"), ("A-1", "point_removed"), ("B-1", "point_removed"),
            ("X-1", "unknown_point")]
        assert every["items"][0]["company"] == "长春热力" and every["next"] is None
        mine = sup.get("/api/v1/monitoring/quarantine").json()["items"]
        assert sorted((i["point_id"], i["reason"]) for i in mine) == [
            ("A-1", "implausible_time"), ("A-1", "point_removed")]
        only = sup.get("/api/v1/monitoring/quarantine", params={"reason": "point_removed"})
        assert [i["point_id"] for i in only.json()["items"]] == ["A-1"]
        first = admin.get("/api/v1/monitoring/quarantine", params={"limit": 3}).json()
        rest = admin.get("/api/v1/monitoring/quarantine",
                         params={"limit": 3, "after": first["next"]}).json()
        assert [i["id"] for i in first["items"] + rest["items"]] == [
            i["id"] for i in every["items"]]
        assert sup.get("/api/v1/monitoring/quarantine",
                       params={"reason": "nonsense"}).status_code == 422


def test_the_household_filter_finds_a_household_s_points(states):
    with login(states, "chief", "admin", None) as admin:
        home = admin.get("/api/v1/points/A-rep").json()["household"]
        got = admin.get("/api/v1/points", params={"household": home}).json()["items"]
        assert [i["point_id"] for i in got] == ["A-rep"]
