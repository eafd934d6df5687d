"""The platforms' readings endpoint and the supervisors' readings and days, over real HTTP."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.monitoring.platform_keys import create_key, revoke_key
from tests.monitoring.registered import add_point

ZONE = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZONE)


@pytest.fixture
def live(office):
    office.app.state.clock = lambda: NOW
    add_point(office.store, "P-1", company="长春热力", district="朝阳区")
    add_point(office.store, "P-2", company="吉林热电", district="南关区", flat="502")
    return office


def platform(live, company: str = "长春热力") -> httpx.Client:
    key = create_key(live.store, company, by="test").key
    return httpx.Client(base_url=live.url, timeout=30,
                        headers={"Authorization": f"Bearer {key}"})


def day_of(point: str, day: datetime, value_at) -> list[dict]:
    return [{"point_id": point, "t": (day + timedelta(minutes=20 * i)).isoformat(),
             "value_c": value_at(i)} for i in range(72)]


def test_a_batch_as_json_then_as_ndjson_is_stored_once(live):
    rows = day_of("P-1", datetime(2026, 12, 2, tzinfo=ZONE), lambda i: 19 + (i % 4) / 10)
    with platform(live) as client:
        first = client.post("/api/v1/monitoring/readings", json=rows)
        ndjson = "\n".join(json.dumps(r) for r in rows) + "\n"
        again = client.post("/api/v1/monitoring/readings", content=ndjson.encode(),
                            headers={"Content-Type": "application/x-ndjson"})
    assert first.status_code == 200 and first.json()["stored"] == 72
    assert again.status_code == 200 and (again.json()["stored"], again.json()["repeated"]) == (
        0, 72)
    assert live.store.db.scalar("SELECT COUNT(*) FROM monitoring_readings") == 72


def test_numbers_are_kept_exactly_as_sent(live):
    with platform(live) as client:
        client.post("/api/v1/monitoring/readings", content=b'[{"point_id": "P-1", "t":'
                    b' "2026-12-03T08:00:00+08:00", "value_c": 18.30}]',
                    headers={"Content-Type": "application/json"})
    assert str(live.store.db.scalar("SELECT value_c FROM monitoring_readings")) == "18.30"


def test_bad_batches_are_refused_whole_with_a_clear_reason_and_nothing_stored(live):
    one = {"point_id": "P-1", "t": "2026-12-03T08:00:00+08:00", "value_c": 19}
    with platform(live) as client:
        big = client.post("/api/v1/monitoring/readings", json=[one] * 10_001)
        broken = client.post("/api/v1/monitoring/readings", content=b'[{"point_id": "P-1",',
                             headers={"Content-Type": "application/json"})
        not_list = client.post("/api/v1/monitoring/readings", json=one)
        text = client.post("/api/v1/monitoring/readings", content=b"P-1,19",
                           headers={"Content-Type": "text/csv"})
        nan = client.post("/api/v1/monitoring/readings",
                          content=b'[{"point_id": "P-1", "t": "2026-12-03T08:00:00+08:00",'
                                  b' "value_c": NaN}]',
                          headers={"Content-Type": "application/json"})
    assert (big.status_code, big.json()["error"]) == (413, "batch_too_large")
    assert (broken.status_code, broken.json()["error"]) == (400, "bad_body")
    assert (not_list.status_code, not_list.json()["error"]) == (400, "bad_body")
    assert text.status_code == 415
    assert nan.status_code == 422 and nan.json()["refused"][0]["error"] == "bad_value"
    for answer in (big, broken, not_list, text, nan):
        assert answer.json()["reason"] and answer.json()["reason_zh"]
    assert live.store.db.scalar("SELECT COUNT(*) FROM monitoring_readings") == 0


def test_a_platform_key_files_only_its_company_s_points_and_a_revoked_key_nothing(live):
    rows = [{"point_id": "P-1", "t": "2026-12-03T08:00:00+08:00", "value_c": 19},
            {"point_id": "P-2", "t": "2026-12-03T08:00:00+08:00", "value_c": 19}]
    made = create_key(live.store, "长春热力", by="test")
    with httpx.Client(base_url=live.url, timeout=30,
                      headers={"Authorization": f"Bearer {made.key}"}) as client:
        answer = client.post("/api/v1/monitoring/readings", json=rows).json()
        assert (answer["stored"], [r["error"] for r in answer["refused"]]) == (
            1, ["point_of_another_company"])
        revoke_key(live.store, made.key_id, by="test")
        gone = client.post("/api/v1/monitoring/readings", json=rows[:1])
    assert (gone.status_code, gone.json()["error"]) == (401, "bad_platform_key")
    nobody = httpx.post(f"{live.url}/api/v1/monitoring/readings", json=rows[:1])
    assert nobody.status_code == 401
    assert live.admin().post("/api/v1/monitoring/readings", json=rows[:1]).status_code == 401


def test_supervisors_read_a_point_s_flagged_readings_and_its_days(live):
    day = datetime(2026, 12, 2, tzinfo=ZONE)
    rows = day_of("P-1", day, lambda i: 26.5 if i == 30 else (17 if i >= 48 else 19.5 + (i % 3) / 10))
    with platform(live) as client:
        client.post("/api/v1/monitoring/readings", json=rows)
    admin = live.admin()
    raw = admin.get("/api/v1/points/P-1/readings", params={"from": "2026-12-02",
                                                          "to": "2026-12-02"}).json()
    assert len(raw["items"]) == 72
    assert [r["flags"] for r in raw["items"] if r["flags"]] == [["spike"]]
    daily = admin.get("/api/v1/points/P-1/daily", params={"from": "2026-12-01",
                                                         "to": "2026-12-03"}).json()
    days = {d["day"]: d for d in daily["items"]}
    assert days["2026-12-02"]["status"] == "non_compliant"
    assert days["2026-12-02"]["flags"] == {"spike": 1}
    assert days["2026-12-02"]["minutes_below"] == 8 * 60 - 20     # 16:00 → 23:40 held
    assert live.store.db.scalar("SELECT COUNT(*) FROM monitoring_dirty") == 0


def test_another_district_s_point_is_not_found_for_a_supervisor(live):
    live.store.add_user("zhao", "supervisor", hash_password("pw-zhao-123456"), "南关区")
    token = httpx.post(f"{live.url}/api/v1/login",
                       json={"name": "zhao", "password": "pw-zhao-123456"}).json()["token"]
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.get("/api/v1/points/P-1/daily").status_code == 404
        assert c.get("/api/v1/points/P-2/daily").status_code == 200
        assert c.get("/api/v1/points/P-1/readings").status_code == 404


def test_spans_are_bounded(live):
    admin = live.admin()
    long = admin.get("/api/v1/points/P-1/readings", params={"from": "2026-10-01",
                                                           "to": "2026-12-01"})
    backwards = admin.get("/api/v1/points/P-1/daily", params={"from": "2026-12-03",
                                                             "to": "2026-12-01"})
    assert (long.status_code, long.json()["error"]) == (422, "span_too_long")
    assert (backwards.status_code, backwards.json()["error"]) == (422, "bad_span")
