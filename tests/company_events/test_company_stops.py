"""Company stops: entered, listed and withdrawn at the office, audited, district-scoped, and
every refusal (ends before it starts, overlapping, no zone, in the future, another district)
changes nothing; over real HTTP on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from inspector_app.office import company_stops
from inspector_app.office.event_refusal import EventRefused
from inspector_app.office.store import OfficeStore
from tests.company_events.helpers import STOP, rows
from tests.office.uploaded import supervisor


@pytest.fixture
def store(office_db):
    store = OfficeStore(office_db)
    yield store
    store.close()


def add(store, **changes):
    return company_stops.add_stop(store, **{**STOP, **changes}, by="王科长")


def test_a_stop_is_stored_with_who_and_when_and_numbered_per_season(store):
    first = add(store)
    assert first["stop_id"] == "2025-2026-S0001" and first["state"] == "in_force"
    assert first["hours"] == 72.0 and first["season"] == "2025-2026"
    assert first["entered_by"] == "王科长"
    assert datetime.now(UTC) - datetime.fromisoformat(first["entered_at"]) < \
        timedelta(minutes=1)
    assert first["scope"] == {"communities": ["幸福小区"], "buildings": []}
    second = add(store, company="城开热力", start_at="2025-12-01T00:00:00Z",
                 end_at="2025-12-01T12:30:00Z", scope={})
    assert second["stop_id"] == "2025-2026-S0002" and second["hours"] == 12.5
    assert add(store, start_at="2024-12-01T08:00:00+08:00",
               end_at="2024-12-02T08:00:00+08:00")["stop_id"] == "2024-2025-S0001"
    assert [s["stop_id"] for s in company_stops.list_stops(store, season="2025-2026")] == \
        ["2025-2026-S0001", "2025-2026-S0002"]
    assert [s["stop_id"] for s in company_stops.list_stops(store, company="城开热力")] == \
        ["2025-2026-S0002"]


@pytest.mark.parametrize(("changes", "code"), [
    ({"end_at": "2025-12-01T07:00:00+08:00"}, "ends_before_start"),
    ({"end_at": "2025-12-01T08:00:00+08:00"}, "ends_before_start"),
    ({"start_at": "2025-12-01T08:00:00"}, "time_without_zone"),
    ({"end_at": "2025-12-04 08:00"}, "time_without_zone"),
    ({"start_at": "yesterday"}, "bad_time"),
    ({"end_at": "2099-01-01T00:00:00+08:00"}, "future_time"),
    ({"cause": " "}, "missing"),
    ({"start_at": "2023-12-01T08:00:00+08:00"}, "stop_too_long"),
    ({"start_at": "2025-05-17T08:00:00+08:00"}, "stop_too_long"),        # 201 days
    ({"start_at": "1999-12-01T08:00:00+08:00"}, "implausible_date"),
    ({"start_at": "2000-06-30T20:00:00-05:00"}, "implausible_date"),     # its own day: 30 Jun
    ({"start_at": "0025-12-01T08:00:00+08:00"}, "implausible_date"),
])
def test_bad_stops_are_refused_and_nothing_changes(store, changes, code):
    add(store, company="城开热力")
    before = rows(store)
    with pytest.raises(EventRefused) as err:
        add(store, **changes)
    assert err.value.code == code and err.value.message_zh and err.value.message_en
    assert rows(store) == before


@pytest.mark.parametrize(("start", "end", "field"), [
    ("1999-12-01T08:00:00+08:00", "2000-07-02T08:00:00+08:00", "start_at"),
    ("2099-12-30T08:00:00+08:00", "2100-01-01T00:00:00+08:00", "end_at"),
])
def test_a_day_outside_2000_to_2099_is_refused_naming_the_field(store, start, end, field):
    later = datetime(2100, 1, 2, tzinfo=UTC)      # not refused as future: as implausible
    with pytest.raises(EventRefused) as err:
        add(store, start_at=start, end_at=end, now=later)
    assert (err.value.code, err.value.status, err.value.field) == ("implausible_date", 422,
                                                                   field)
    assert field in err.value.message_zh and "2000-07-01" in err.value.message_zh
    assert field in err.value.message_en and "2099-12-31" in err.value.message_en
    assert rows(store) == {t: [] for t in rows(store)}


def test_the_first_and_last_plausible_days_and_a_stop_of_200_days_are_taken(store):
    later = datetime(2100, 1, 2, tzinfo=UTC)
    assert add(store, start_at="2000-07-01T00:00:00+08:00",
               end_at="2000-07-02T00:00:00+08:00")["season"] == "2000-2001"
    assert add(store, start_at="2099-12-30T08:00:00+08:00", end_at="2099-12-31T23:59:00+08:00",
               now=later)["season"] == "2099-2100"
    assert add(store, start_at="2025-05-18T08:00:00+08:00")["hours"] == 200 * 24
    with pytest.raises(EventRefused) as err:
        add(store, company="城开热力", start_at="2025-05-17T08:00:00+08:00")
    assert err.value.field == "end_at" and "200" in err.value.message_zh


@pytest.mark.parametrize(("scope", "start", "end", "overlaps"), [
    ({}, "2025-12-02T08:00:00+08:00", "2025-12-05T08:00:00+08:00", True),   # whole district
    ({"buildings": [["幸福小区", "3号楼"]]}, "2025-12-03T00:00:00+08:00",
     "2025-12-03T06:00:00+08:00", True),                                   # a building inside
    ({"communities": [" 幸福小区 "]}, "2025-12-04T00:00:00Z",              # 08:00 +08 = its end
     "2025-12-05T00:00:00Z", False),                                       # touching is no overlap
    ({"communities": ["幸福小区"]}, "2025-12-03T23:59:00Z",                # 07:59 +08: inside
     "2025-12-05T00:00:00Z", True),
    ({"communities": ["和平小区"]}, "2025-12-02T08:00:00+08:00",
     "2025-12-03T08:00:00+08:00", False),                                  # another community
])
def test_overlap_in_time_and_scope_is_refused_naming_the_other(store, scope, start, end,
                                                               overlaps):
    first = add(store)
    before = rows(store)
    if not overlaps:
        add(store, scope=scope, start_at=start, end_at=end)
        return
    with pytest.raises(EventRefused) as err:
        add(store, scope=scope, start_at=start, end_at=end)
    assert err.value.code == "overlapping_stop" and err.value.status == 409
    assert first["stop_id"] in err.value.message_zh and first["stop_id"] in err.value.message_en
    assert rows(store) == before


def test_a_building_scope_overlaps_as_the_household_key_reads_it(store):
    add(store, scope={"buildings": [["幸福小区", "3号楼"]]})
    with pytest.raises(EventRefused):
        add(store, scope={"buildings": [["幸福 小区", "３栋"]]},
            start_at="2025-12-02T08:00:00+08:00")
    add(store, scope={"buildings": [["幸福小区", "4号楼"]]}, start_at="2025-12-02T08:00:00+08:00")
    scope = {"communities": ["和平小区"], "buildings": [["幸福小区", "3号楼"]]}
    assert company_stops.reaches(scope, "和平小区", "9栋")
    assert company_stops.reaches(scope, "幸福小区", "三号楼")
    assert not company_stops.reaches(scope, "幸福小区", "4")
    assert company_stops.reaches({"communities": [], "buildings": []}, "任何小区", "1")


def test_a_withdrawn_stop_no_longer_blocks_and_keeps_its_audit(store):
    first = add(store)
    done = company_stops.withdraw_stop(store, first["stop_id"], "重复登记", by="李主任")
    assert done["state"] == "withdrawn" and done["withdrawn_by"] == "李主任"
    assert done["withdrawn_reason"] == "重复登记" and done["withdrawn_at"]
    before = rows(store)
    for stop_id, reason, code in ((first["stop_id"], "again", "already_withdrawn"),
                                  ("2025-2026-S0099", "x", "not_found"),
                                  (first["stop_id"], "", "missing")):
        with pytest.raises(EventRefused) as err:
            company_stops.withdraw_stop(store, stop_id, reason, by="李主任")
        assert err.value.code == code
    assert rows(store) == before
    again = add(store)
    assert again["stop_id"] == "2025-2026-S0002"
    assert [s["stop_id"] for s in company_stops.list_stops(store, in_force_only=True)] == \
        [again["stop_id"]]


def test_the_future_is_judged_by_the_clock_with_a_little_grace(store):
    now = datetime(2025, 12, 4, 0, 0, tzinfo=UTC)
    soon = (now + timedelta(minutes=4)).isoformat()
    assert company_stops.parse_moment(soon, "end_at", now)
    with pytest.raises(EventRefused):
        company_stops.parse_moment((now + timedelta(minutes=6)).isoformat(), "end_at", now)


# -- over HTTP -------------------------------------------------------------------------------

def test_stops_over_http_district_scoped_and_refusals_in_the_office_shape(office):
    with office.admin() as admin:
        made = admin.post("/api/v1/company-stops", json=STOP)
        assert made.status_code == 201, made.text
        stop_id = made.json()["stop_id"]
        assert made.json()["entered_by"] == "tester"
        other = admin.post("/api/v1/company-stops", json={**STOP, "district": "南关区"})
        assert other.status_code == 201
        before = rows(office.store)
        for body, status, code in (
                ({**STOP, "start_at": "2025-12-02T00:00:00+08:00"}, 409, "overlapping_stop"),
                ({**STOP, "end_at": "2025-11-30T00:00:00+08:00"}, 422, "ends_before_start"),
                ({**STOP, "start_at": "2025-12-01T08:00:00"}, 422, "time_without_zone"),
                ({**STOP, "end_at": "2099-12-01T08:00:00+08:00"}, 422, "future_time"),
                ({**STOP, "start_at": "1999-12-01T08:00:00+08:00"}, 422, "implausible_date"),
                ({**STOP, "start_at": "2025-05-17T08:00:00+08:00"}, 422, "stop_too_long"),
                ({**STOP, "cause": ""}, 422, "invalid_request"),
                ({**STOP, "scope": {"buildings": [["幸福小区"]]}}, 422, "invalid_request")):
            answer = admin.post("/api/v1/company-stops", json=body)
            assert answer.status_code == status, answer.text
            assert answer.json()["error"] == code and answer.json()["reason_zh"]
        assert rows(office.store) == before
        assert "start_at" in admin.post("/api/v1/company-stops", json={
            **STOP, "start_at": "1999-12-01T08:00:00+08:00"}).json()["reason_zh"]
        assert stop_id in admin.post("/api/v1/company-stops", json={
            **STOP, "start_at": "2025-12-02T00:00:00+08:00"}).json()["reason"]
        listed = admin.get("/api/v1/company-stops", params={"season": "2025-2026"}).json()
        assert [s["district"] for s in listed["items"]] == ["朝阳区", "南关区"]

    with supervisor(office, "sup", "南关区") as sup:
        assert sup.post("/api/v1/company-stops", json=STOP).json()["error"] == "other_district"
        assert rows(office.store) == before
        assert [s["district"] for s in sup.get("/api/v1/company-stops").json()["items"]] == \
            ["南关区"]
        assert sup.get("/api/v1/company-stops", params={"district": "朝阳区"}).json() == \
            {"items": []}
        hidden = sup.post(f"/api/v1/company-stops/{stop_id}/withdraw", json={"reason": "x"})
        assert hidden.status_code == 404 and hidden.json()["error"] == "not_found"
        assert rows(office.store) == before

    with office.admin() as admin:
        done = admin.post(f"/api/v1/company-stops/{stop_id}/withdraw", json={"reason": "误报"})
        assert done.status_code == 200 and done.json()["withdrawn_reason"] == "误报"
        again = admin.post(f"/api/v1/company-stops/{stop_id}/withdraw", json={"reason": "误报"})
        assert again.status_code == 409 and again.json()["error"] == "already_withdrawn"
        assert [s["stop_id"] for s in admin.get("/api/v1/company-stops", params={
            "in_force": True}).json()["items"]] == [other.json()["stop_id"]]
    assert httpx.get(f"{office.url}/api/v1/company-stops").status_code == 401
