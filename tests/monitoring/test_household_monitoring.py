"""A household's season chart data: its points' days (merged households' too) and its tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.households import UPSERT, household_of_parts, upsert_params
from inspector_app.office.monitoring.platform_keys import create_key
from tests.cases.homes import Laptop, store_envelopes
from tests.monitoring.registered import add_point

ZONE = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZONE)
SEASON = {"season": "2026-2027"}


def push_day(live, point: str, day: datetime, value: float) -> None:
    rows = [{"point_id": point, "t": (day + timedelta(minutes=20 * i)).isoformat(),
             "value_c": round(value + (i % 3) / 10, 1)} for i in range(72)]
    key = create_key(live.store, "长春热力", by="test").key
    answer = httpx.post(f"{live.url}/api/v1/monitoring/readings", json=rows, timeout=30,
                        headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200 and answer.json()["stored"] == 72


@pytest.fixture
def home(office, tmp_path):
    """Flat 501 with a living-room point and a test record; flat 502's point merged into it."""
    office.app.state.clock = lambda: NOW
    s = office.store
    main = add_point(s, "P-LR", community="幸福小区", flat="501")
    merged = add_point(s, "P-BR", community="幸福小区", flat="502", room_kind="bedroom")
    with s.db.write() as c:
        for flat in ("501", "502"):
            key = household_of_parts("长春市", "朝阳区", "", "幸福小区", "3", "2", flat)
            c.execute(UPSERT, upsert_params(key, "朝阳区", f"幸福小区3栋2单元{flat}室"))
        c.execute("UPDATE households SET merged_into=? WHERE household_id=?", (main, merged))
        c.execute("UPDATE monitoring_points SET position='top,end' WHERE point_id='P-LR'")
    laptop = Laptop(tmp_path / "laptop")
    refs = store_envelopes(s, laptop.seal(day=date(2026, 12, 2), temps=(17.2, 18.4),
                                          community="幸福小区", flat="501"),
                           laptop.seal(day=date(2026, 3, 2), temps=(15.0, 15.0),
                                       community="幸福小区", flat="501"))   # last season
    push_day(office, "P-LR", datetime(2026, 12, 2, tzinfo=ZONE), 19.5)
    push_day(office, "P-BR", datetime(2026, 12, 2, tzinfo=ZONE), 16.5)
    office.main, office.refs = main, refs
    return office


def test_the_chart_holds_every_point_s_days_and_the_season_s_tests(home):
    answer = home.admin().get(f"/api/v1/households/{home.main}/monitoring", params=SEASON)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["household"], body["season"], body["standard_c"], body["from"], body["to"]) == (
        home.main, "2026-2027", "18.0", "2026-07-01", "2027-06-30")
    points = {p["point_id"]: p for p in body["points"]}
    assert sorted(points) == ["P-BR", "P-LR"]
    assert (points["P-LR"]["position"], points["P-LR"]["installed_on"],
            points["P-LR"]["removed_on"]) == (["top", "end"], "2026-10-01", None)
    days = {p: {d["day"]: d for d in points[p]["days"]} for p in points}
    assert days["P-LR"]["2026-12-02"]["status"] == "compliant"
    assert days["P-BR"]["2026-12-02"]["status"] == "non_compliant"
    assert days["P-LR"]["2026-12-02"]["valid"] == 72
    assert home.store.db.scalar("SELECT COUNT(*) FROM monitoring_dirty") == 0
    assert [(t["ref"], t["day"], t["lowest_c"], t["verdict"]) for t in body["tests"]] == [
        (home.refs[0], "2026-12-02", "17.2", "fail")]


def test_the_merged_household_answers_as_the_one_it_joined(home):
    merged = household_of_parts("长春市", "朝阳区", "", "幸福小区", "3", "2", "502").household_id
    body = home.admin().get(f"/api/v1/households/{merged}/monitoring", params=SEASON).json()
    assert body["household"] == home.main and len(body["points"]) == 2


def test_another_district_s_household_or_an_unknown_one_is_not_found(home):
    home.store.add_user("zhao", "supervisor", hash_password("pw-zhao-123456"), "南关区")
    token = httpx.post(f"{home.url}/api/v1/login",
                       json={"name": "zhao", "password": "pw-zhao-123456"}).json()["token"]
    with httpx.Client(base_url=home.url, headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.get(f"/api/v1/households/{home.main}/monitoring",
                     params=SEASON).status_code == 404
    admin = home.admin()
    assert admin.get("/api/v1/households/h0000000000000000000a/monitoring",
                     params=SEASON).status_code == 404
    bad = admin.get(f"/api/v1/households/{home.main}/monitoring", params={"season": "2026-2028"})
    assert bad.status_code == 422 and bad.json()["reason_zh"]
