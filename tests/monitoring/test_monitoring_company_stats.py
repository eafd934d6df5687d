"""Company figures from crafted point-days: household-days, their compliance and the share."""

from __future__ import annotations

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.monitoring.company_stats import company_monitoring
from tests.monitoring.registered import add_point


def day_row(store, point: str, day: str, status: str) -> None:
    with store.db.write() as c:
        no = c.execute("SELECT point_no FROM monitoring_points WHERE point_id=?",
                       (point,)).fetchone()[0]
        c.execute("INSERT INTO monitoring_daily (point_no, day, readings, valid, min_c, mean_c,"
                  " max_c, minutes_below, coverage, status, flags, digest, computed_at) VALUES"
                  " (?, ?, 72, 72, '18', '19', '20', 0, '1', ?, '{}', 'x', 'now')",
                  (no, day, status))


@pytest.fixture
def crafted(office):
    """长春热力 (朝阳区): flat 101 with two points, flat 102 with one; 吉林热电 (南关区): one."""
    s = office.store
    add_point(s, "A1", flat="101")
    add_point(s, "A2", flat="101", room_kind="bedroom")
    add_point(s, "B1", flat="102")
    add_point(s, "C1", flat="103", district="南关区", company="吉林热电")
    add_point(s, "OLD", flat="104", installed_on="2025-10-01", removed_on="2026-04-01")
    for point, day, status in [
            ("A1", "2026-12-01", "compliant"), ("A2", "2026-12-01", "compliant"),
            ("A1", "2026-12-02", "compliant"), ("A2", "2026-12-02", "non_compliant"),
            ("A1", "2026-12-03", "compliant"), ("A2", "2026-12-03", "insufficient"),
            ("A1", "2026-12-04", "insufficient"), ("A2", "2026-12-04", "insufficient"),
            ("B1", "2026-12-01", "non_compliant"),
            ("C1", "2026-12-01", "compliant"),
            ("OLD", "2026-01-10", "non_compliant")]:      # last season
        day_row(s, point, day, status)
    return office


def test_household_days_count_all_their_points_sufficient_days(crafted):
    answer = crafted.admin().get("/api/v1/monitoring/companies", params={"season": "2026-2027"})
    assert answer.status_code == 200, answer.text
    by = {c["company"]: c for c in answer.json()["companies"]}
    assert by["长春热力"] == {"company": "长春热力", "points": 3, "households": 2,
                          "household_days": 4, "compliant": 2, "non_compliant": 2,
                          "insufficient": 1, "compliant_share": 0.5}
    assert (by["吉林热电"]["household_days"], by["吉林热电"]["compliant_share"]) == (1, 1.0)
    with crafted.store.db.reading() as c:
        last = {g["company"]: g for g in company_monitoring(c, "2025-2026")}
    assert (last["长春热力"]["points"], last["长春热力"]["non_compliant"],
            last["长春热力"]["compliant_share"]) == (1, 1, 0.0)


def test_a_supervisor_sees_its_district_and_the_company_figures_carry_the_share(crafted):
    crafted.store.add_user("zhao", "supervisor", hash_password("pw-zhao-123456"), "南关区")
    token = httpx.post(f"{crafted.url}/api/v1/login",
                       json={"name": "zhao", "password": "pw-zhao-123456"}).json()["token"]
    with httpx.Client(base_url=crafted.url, headers={"Authorization": f"Bearer {token}"}) as c:
        mine = c.get("/api/v1/monitoring/companies", params={"season": "2026-2027"}).json()
        other = c.get("/api/v1/monitoring/companies",
                      params={"season": "2026-2027", "district": "朝阳区"}).json()
        stats = c.get("/api/v1/companies/stats", params={"season": "2026-2027"}).json()
    assert [g["company"] for g in mine["companies"]] == ["吉林热电"]
    assert other["companies"] == []
    assert [(g["company"], g["compliant_share"]) for g in stats["monitoring"]] == [
        ("吉林热电", 1.0)]
    narrowed = crafted.admin().get("/api/v1/monitoring/companies",
                                   params={"season": "2026-2027", "district": "朝阳区"}).json()
    assert [g["company"] for g in narrowed["companies"]] == ["长春热力"]


def test_a_bad_season_is_refused(crafted):
    for season in ("2026-2028", "2026"):
        answer = crafted.admin().get("/api/v1/monitoring/companies", params={"season": season})
        assert answer.status_code == 422 and answer.json()["reason_zh"]
