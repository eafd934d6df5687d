"""Monitoring data as evidence in a household's case, on both backends: the points' stored days
(installation to removal, dirty days refreshed only where a ruling writes), a ruling that counts
them and cites each point with the digest of its raw readings, the check of those digests after
a stored reading is altered, and the refusal while the monitoring rules are unconfirmed.

The household 长春市朝阳区人民大街示范小区1栋2单元301室 (Changchun: band from the month's mean).
- 1 Nov 2026: a test, 客厅 15.0 °C (fails; band 14–<16 °C, 60 %): 0.1607 × 12.0 × 0.6 → 1.16 a
  day on its own. No re-test: the run goes on to the ruling date, 8 Nov.
- P-1 in the living room, readings every 20 minutes: 2–4 Nov about 12.2 °C (non-compliant,
  <14 °C: 100 % → 0.1607 × 12.0 = 1.93), 5 Nov only 00:00–05:40 (insufficient), 6 Nov about
  19.2 °C (compliant).
- P-2 in the bedroom about 10.2 °C 2–7 Nov, removed on 2 Nov (entered after its readings came).
Ruled with monitoring: 1 Nov test 1.16; 2 Nov P-2 (the lowest mean) 1.93 on 卧室1; 3–4 Nov
P-1 1.93; 5 Nov the test 1.16 (P-1 insufficient, P-2 removed); 6 Nov P-1 passes; 7 Nov (P-1
reported nothing: insufficient) and 8 Nov the test 1.16. Total 4 × 1.16 + 3 × 1.93 = 10.43,
7 failing days (without monitoring 8 × 1.16 = 9.28).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from inspector_app.core.monitoring_day import readings_digest
from inspector_app.office.case_evidence import monitor_days
from inspector_app.office.monitoring.ingest import ingest
from inspector_app.office.monitoring.platform_keys import create_key
from inspector_app.office.profile_confirmations import confirm
from tests.case_rulings.household import CST, FixedClock, push, seal_test
from tests.case_rulings.test_case_rulings_api import the_case
from tests.monitoring.registered import add_point
from tests.office.uploaded import confirm_refund, supervisor
from tests.slip.helpers import page_texts, squash
from tests.sync import live

laptop = live.laptop      # the fixture: a laptop with a key, sealing the household's test

HOME = {"community": "示范小区", "building": "1", "unit": "2", "flat": "301"}
# readings arrive within days of their time (a reading 30 days late is clock drift)
NOW = datetime(2026, 11, 10, 12, 0, tzinfo=CST)
BODY = {"daily_fee_per_m2": "0.1607", "until": "2026-11-08", "use_monitoring": True}


def day_rows(point: str, day: int, base: float, count: int = 72) -> list[dict]:
    """`count` readings from 00:00 of `day` Nov 2026, every 20 minutes, base + 0.0…0.3 °C."""
    start = datetime(2026, 11, day, tzinfo=CST)
    return [{"point_id": point, "t": (start + timedelta(minutes=20 * i)).isoformat(),
             "value_c": round(base + (i % 4) / 10, 1)} for i in range(count)]


SPIKE = 26.5     # one reading of 4 Nov 10:00 (a heater near the sensor): flagged, not valid


def p1_rows() -> list[dict]:
    rows = (day_rows("P-1", 2, 12.1) + day_rows("P-1", 3, 12.1) + day_rows("P-1", 4, 12.1)
            + day_rows("P-1", 5, 12.1, count=18) + day_rows("P-1", 6, 19.1))
    spike = next(r for r in rows if r["t"] == "2026-11-04T10:00:00+08:00")
    spike["value_c"] = SPIKE
    return rows


def p2_rows() -> list[dict]:
    return [r for d in range(2, 8) for r in day_rows("P-2", d, 10.1)]


def digest_of(rows: list[dict], days: set[int]) -> str:
    """What the ruling must cite: every valid reading of `days`, as sent (the spike is not)."""
    return readings_digest(rows[0]["point_id"], [
        (datetime.fromisoformat(r["t"]), str(r["value_c"])) for r in rows
        if datetime.fromisoformat(r["t"]).day in days and r["value_c"] != SPIKE])


def register_points(store) -> str:
    household = add_point(store, "P-1", company="长春热力", **HOME)
    add_point(store, "P-2", company="长春热力", room_kind="bedroom", **HOME)
    return household


def remove(store, point_id: str, day: str) -> None:
    with store.db.write() as c:
        c.execute("UPDATE monitoring_points SET removed_on=? WHERE point_id=?", (day, point_id))


def test_a_household_s_days_from_installation_to_removal_refreshed_only_when_asked(store):
    household = register_points(store)
    with store.db.write() as c:
        c.execute("UPDATE monitoring_points SET installed_on='2026-11-03' WHERE point_id='P-1'")
    for rows in (p1_rows(), p2_rows()):
        assert ingest(store, rows, company="长春热力", source="http", now=NOW).stored == len(rows)
    remove(store, "P-2", "2026-11-02")
    first, last = date(2026, 11, 1), date(2026, 11, 8)
    with store.db.reading() as c:      # a read shows what is stored: nothing aggregated yet
        assert monitor_days(c, household, first, last) == ()
    with store.db.write() as c:
        days = monitor_days(c, household, first, last, refresh=True)
    # the days next to the readings are aggregated too: installed, reporting nothing
    assert [(m.point_id, m.day.day, m.status) for m in days] == [
        ("P-1", 3, "non_compliant"), ("P-1", 4, "non_compliant"), ("P-1", 5, "insufficient"),
        ("P-1", 6, "compliant"), ("P-1", 7, "insufficient"), ("P-2", 1, "insufficient"),
        ("P-2", 2, "non_compliant")]
    p1 = days[0]
    assert (p1.room_kind, p1.room_name, p1.samples, p1.coverage) == (
        "living_room", "客厅", 72, Decimal("1"))
    assert p1.mean_c == Decimal("12.250") and p1.minutes_below == 24 * 60
    assert p1.digest == digest_of(p1_rows(), {3})
    with store.db.reading() as c:      # stored now: a read sees the same days
        assert monitor_days(c, household, first, last) == days
        assert monitor_days(c, household, date(2026, 11, 4), date(2026, 11, 5)) == days[1:3]
        assert monitor_days(c, "h" + "0" * 20, first, last) == ()
    # the household merged into another: its points are the other household's evidence too
    other = "h" + "1" * 20
    with store.db.write() as c:
        c.executemany("INSERT INTO households (household_id, key, merged_into, created_at)"
                      " VALUES (?, ?, ?, '2026-11-01T00:00:00Z')",
                      [(other, "other", None), (household, "this", other)])
    with store.db.reading() as c:
        assert monitor_days(c, other, first, last) == days


@pytest.fixture
def clock(office) -> FixedClock:
    office.app.state.clock = FixedClock(NOW)
    return office.app.state.clock


def household_with_points(office, laptop) -> str:
    """The failing test uploaded, both points' readings sent by the company's platform, P-2
    then removed; returns the case id."""
    seal_test(laptop, 1, date(2026, 11, 1), 15.0)
    assert push(office, laptop) == 1
    register_points(office.store)
    key = create_key(office.store, "长春热力", by="test").key
    with httpx.Client(base_url=office.url, timeout=30,
                      headers={"Authorization": f"Bearer {key}"}) as platform:
        for rows in (p1_rows(), p2_rows()):
            answer = platform.post("/api/v1/monitoring/readings", json=rows)
            assert answer.status_code == 200 and answer.json()["stored"] == len(rows)
    remove(office.store, "P-2", "2026-11-02")
    return the_case(office)["case_id"]


def confirm_monitoring(office) -> None:
    confirm(office.store, "changchun", "monitoring", "长春市供热固定监测点管理办法（测试用文号）",
            "Changchun rules on fixed monitoring points (test document number)", "王科长")


def tamper(office, point_id: str, when: datetime, value: str) -> None:
    """Alter one stored reading behind the office's back, as a database user could."""
    t = when if office.store.db.postgres else when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with office.store.db.write() as c:
        changed = c.execute("UPDATE monitoring_readings SET value_c=? WHERE t=? AND point_no="
                            "(SELECT point_no FROM monitoring_points WHERE point_id=?)",
                            (value, t, point_id)).rowcount
    assert changed == 1


def test_a_ruling_counts_cites_and_rechecks_the_monitoring_days(office, laptop, clock):
    case_id = household_with_points(office, laptop)
    confirm_refund(office)
    admin = office.admin()
    refused = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
    assert refused.status_code == 422 and refused.json()["error"] == "rule_unconfirmed"
    assert "monitoring section" in refused.json()["reason"]
    assert "固定监测点部分" in refused.json()["reason_zh"]
    assert office.store.db.scalar("SELECT COUNT(*) FROM rulings") == 0
    assert office.store.db.scalar("SELECT COUNT(*) FROM monitoring_daily") == 0   # rolled back

    confirm_monitoring(office)
    answer = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
    assert answer.status_code == 201, answer.text
    row = answer.json()
    ruling = row["ruling"]
    test = ruling["tests"][0]["ref"]
    assert [(d["day"][-2:], d["status"], "lap" if d["basis"] == test else d["basis"],
             d["amount"], d.get("note")) for d in ruling["days"]] == [
        ("01", "fail", "lap", "1.16", None), ("02", "monitor_fail", "P-2", "1.93", None),
        ("03", "monitor_fail", "P-1", "1.93", None), ("04", "monitor_fail", "P-1", "1.93", None),
        ("05", "fail", "lap", "1.16", "monitoring_insufficient:P-1"),
        ("06", "monitor_pass", "P-1", "0.00", None),
        ("07", "fail", "lap", "1.16", "monitoring_insufficient:P-1"),     # no reading that day
        ("08", "fail", "lap", "1.16", None)]
    assert (ruling["amount_total"], ruling["failing_days"]) == ("10.43", 7)
    assert ruling["citations"]["monitoring"]["status"] == "confirmed"
    assert ruling["monitoring"] == [
        {"point_id": "P-1", "room_kind": "living_room", "room_name": "客厅",
         "first": "2026-11-03", "last": "2026-11-06",
         "days": ["2026-11-03", "2026-11-04", "2026-11-06"], "failing_days": 2,
         "digest": digest_of(p1_rows(), {3, 4, 6})},
        {"point_id": "P-2", "room_kind": "bedroom", "room_name": "客厅",
         "first": "2026-11-02", "last": "2026-11-02", "days": ["2026-11-02"],
         "failing_days": 1, "digest": digest_of(p2_rows(), {2})}]
    number = row["ruling_no"]
    assert admin.get(f"/api/v1/rulings/{number}").json()["ruling"]["monitoring"] == \
        ruling["monitoring"]

    check = admin.get(f"/api/v1/rulings/{number}/monitoring-check")
    assert check.status_code == 200
    assert check.json()["ok"] is True
    assert [(p["point_id"], p["period"], p["days"], p["ok"]) for p in check.json()["points"]] == [
        ("P-1", {"first": "2026-11-03", "last": "2026-11-06"}, 3, True),
        ("P-2", {"first": "2026-11-02", "last": "2026-11-02"}, 1, True)]

    other = supervisor(office, "zhao", "南关区")
    assert other.get(f"/api/v1/rulings/{number}/monitoring-check").status_code == 404
    own = supervisor(office, "li", "朝阳区")
    assert own.get(f"/api/v1/rulings/{number}/monitoring-check").json()["ok"] is True

    # a reading of 4 Nov altered in the database: P-1's digest no longer matches, P-2's does
    tamper(office, "P-1", datetime(2026, 11, 4, 11, 0, tzinfo=CST), "12.4")
    after = admin.get(f"/api/v1/rulings/{number}/monitoring-check").json()
    assert after["ok"] is False
    by_point = {p["point_id"]: p for p in after["points"]}
    assert by_point["P-1"]["ok"] is False and by_point["P-2"]["ok"] is True
    assert by_point["P-1"]["digest_cited"] == ruling["monitoring"][0]["digest"]
    assert by_point["P-1"]["digest_now"] != by_point["P-1"]["digest_cited"]
    # a reading of a day the ruling did not use (5 Nov, insufficient) changes nothing
    tamper(office, "P-2", datetime(2026, 11, 5, 10, 0, tzinfo=CST), "10.4")
    assert admin.get(f"/api/v1/rulings/{number}/monitoring-check").json()["points"][1]["ok"]


def test_a_ruling_without_monitoring_cites_none_and_needs_no_monitoring_rule(
        office, laptop, clock):
    case_id = household_with_points(office, laptop)
    confirm_refund(office)
    admin = office.admin()
    answer = admin.post(f"/api/v1/cases/{case_id}/rulings",
                        json={**BODY, "use_monitoring": False})
    assert answer.status_code == 201, answer.text
    ruling = answer.json()["ruling"]
    assert ruling["monitoring"] == [] and "monitoring" not in ruling["citations"]
    assert (ruling["amount_total"], ruling["failing_days"]) == ("9.28", 8)   # 8 × 1.16
    check = admin.get(f"/api/v1/rulings/{answer.json()['ruling_no']}/monitoring-check")
    assert check.json() == {"ruling_no": answer.json()["ruling_no"], "ok": True, "points": []}
    assert admin.get("/api/v1/rulings/2026-2027-999999/monitoring-check").status_code == 404


def test_the_case_detail_lists_the_stored_days_and_the_pdf_cites_each_point(
        office, laptop, clock):
    case_id = household_with_points(office, laptop)
    admin = office.admin()
    detail = admin.get(f"/api/v1/cases/{case_id}").json()
    assert detail["monitor_days"] == []           # nothing aggregated yet: a read does not
    confirm_refund(office)
    confirm_monitoring(office)
    row = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()
    detail = admin.get(f"/api/v1/cases/{case_id}").json()
    days = {(m["point_id"], m["day"]): m for m in detail["monitor_days"]}
    assert [d for p, d in sorted(days) if p == "P-2"] == ["2026-11-01", "2026-11-02"]
    assert days[("P-1", "2026-11-03")]["status"] == "non_compliant"
    assert days[("P-1", "2026-11-05")]["status"] == "insufficient"
    assert days[("P-1", "2026-11-05")]["mean_c"] is not None
    assert ("P-2", "2026-11-03") not in days                       # after its removal
    digests = {m["point_id"]: m["digest"] for m in row["ruling"]["monitoring"]}
    url = f"/api/v1/cases/{case_id}/rulings/{row['ruling_no']}/pdf"
    zh = "".join(squash(t) for t in page_texts(admin.get(url).content))
    en = "".join(squash(t) for t in page_texts(admin.get(url, params={"lang": "en"}).content))
    for text in (zh, en):
        for digest in digests.values():
            assert digest in text
        assert "P-1" in text and "P-2" in text
    assert "裁定依据的固定监测点数据" in zh and "P-1客厅（起居室（厅））2026-11-03至2026-11-0632" in zh
    assert "监测点有效数据不足、按检测记录认定的日子：2026-11-05；2026-11-07" in zh
    assert "Thefixedmonitoringpoints'datathisrestson" in en
    assert "P-1客厅(Livingroom)2026-11-03to2026-11-0632" in en
    assert "监测" not in en and "读数" not in en
    assert "固定监测点数据判定依据" in zh and "测试用文号" in zh and "王科长" in zh
    assert "Monitoringpoints'rules" in en and "Changchunrulesonfixedmonitoringpoints" in en
