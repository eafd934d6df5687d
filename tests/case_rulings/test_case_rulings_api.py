"""Rulings on a household's case at a live office (real HTTP, SQLite and PostgreSQL): the worked
Changchun numbers, the case closed by its ruling, request-key replay, concurrent rulings, every
refusal leaving nothing changed, a correction inside the case, the one-record endpoint using the
record's case, and the PDF.

The household: 长春市朝阳区人民大街示范小区1栋2单元301室, living room 客厅 12.0 m² (the bedroom
passes at 18.4 °C throughout). Changchun bases the band on the month's mean of each room.
- 1 Nov 2026: 客厅 15.0 °C (fails) — the case opens;
- 5 Nov: re-test, 16.5 °C (fails);
- 9 Nov: re-test, 18.6 °C (passes) — the failing run ends on 8 Nov: 8 failing days.
客厅's November mean: (15.0 + 16.5 + 18.6) / 3 = 16.7 °C → band 16–<18 °C, 30 %.
Per day 0.1607 × 12.0 × 0.30 = 0.57852 → 0.58; × 8 days = 4.64 yuan.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime

import httpx
import pytest

from inspector_app.office import cases
from tests.case_rulings.household import CST, push, seal_test
from tests.office.uploaded import confirm_refund, supervisor
from tests.slip.helpers import page_texts, squash

BODY = {"daily_fee_per_m2": "0.1607", "until": "2026-11-12"}
TABLES = ("rulings", "ruling_sequences", "cases", "review_events", "case_events")


def worked(office, laptop) -> list[str]:
    ids = [seal_test(laptop, 1, date(2026, 11, 1), 15.0),
           seal_test(laptop, 2, date(2026, 11, 5), 16.5),
           seal_test(laptop, 3, date(2026, 11, 9), 18.6)]
    assert push(office, laptop) == 3
    return ids


def the_case(office) -> dict:
    """The household's one case (read through `office.cases`, the list's own function)."""
    items, _ = cases.cases_page(office.store, cases.CaseFilter())
    assert len(items) == 1, items
    return items[0]


def detail_of(office, case_id: str) -> dict:
    found = cases.case_detail(office.store, case_id)
    assert found is not None
    return found


def snapshot(office) -> dict[str, list]:
    return {t: sorted(map(tuple, office.store.query(f"SELECT * FROM {t}")), key=repr)
            for t in TABLES}


def test_worked_case_is_ruled_numbered_and_closed(office, laptop):
    ids = worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case = the_case(office)
        assert case["state"] == "open" and case["records"] == 3
        answer = admin.post(f"/api/v1/cases/{case['case_id']}/rulings",
                            json={**BODY, "comment": "按复测合格日止"})
        assert answer.status_code == 201, answer.text
        row = answer.json()
        assert row["ruling_no"] == "2026-2027-000001" and row["case_id"] == case["case_id"]
        ruling = row["ruling"]
        assert (ruling["start"], ruling["end"], ruling["failing_days"]) == (
            "2026-11-01", "2026-11-08", 8)
        assert [(d["day"], d["status"], d["amount"]) for d in ruling["days"]] == [
            (f"2026-11-{day:02d}", "fail", "0.58") for day in range(1, 9)] + [
            ("2026-11-09", "pass", "0.00")]
        assert row["amount_total"] == ruling["amount_total"] == "4.64"
        assert row["decision"] == "refund" and ruling["band_basis"] == "month_mean"
        assert [t["record_id"] for t in ruling["tests"]] == ids
        assert all(t["used"] for t in ruling["tests"])
        assert ruling["citations"]["refund"]["status"] == "confirmed"
        assert row["record_id"] == ids[-1]     # the row cites the latest record used
        assert row["inputs"] == {"daily_fee_per_m2": "0.1607", "until": "2026-11-12",
                                 "use_monitoring": False, "comment": "按复测合格日止"}

        detail = detail_of(office, case["case_id"])
        assert detail["case"]["state"] == "ruled"
        assert detail["case"]["ruling_no"] == "2026-2027-000001"
        assert datetime.fromisoformat(detail["case"]["closed_at"]) == \
            datetime.fromisoformat(row["issued_at"])
        assert [r["ruling_no"] for r in detail["rulings"]] == ["2026-2027-000001"]
        for rid in ids:      # every record it rests on has the ruling in its history
            history = admin.get(f"/api/v1/records/{rid}").json()["review_history"]
            assert history[-1]["comment"] == "退费裁定 4.64 元（2026-2027-000001）：按复测合格日止"

        pdf = admin.get(f"/api/v1/cases/{case['case_id']}/rulings/2026-2027-000001/pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text = "".join(squash(t) for t in page_texts(pdf.content))
        for t in ruling["tests"]:
            assert t["sha256"] in text and t["record_id"] in text
        assert "人民币4.64元" in text and "大写金额肆元陆角肆分" in text
        assert "客厅（起居室（厅））12.016.7300.58" in text
        again = admin.get(f"/api/v1/cases/{case['case_id']}/rulings/2026-2027-000001/pdf")
        assert again.content == pdf.content                  # the same bytes each time
        en = admin.get(f"/api/v1/cases/{case['case_id']}/rulings/2026-2027-000001/pdf",
                       params={"lang": "en"})
        assert "4.64yuan(RMB)" in "".join(squash(t) for t in page_texts(en.content))
        assert admin.get(f"/api/v1/cases/{case['case_id']}/rulings/2026-2027-000099/pdf"
                         ).status_code == 404
        assert admin.get("/api/v1/cases/nope/rulings/2026-2027-000001/pdf").status_code == 404


def test_a_repeated_request_returns_the_ruling_it_issued(office, laptop):
    worked(office, laptop)
    confirm_refund(office)
    body = {**BODY, "request_key": "case-key-0001"}
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        first = admin.post(f"/api/v1/cases/{case_id}/rulings", json=body)
        again = admin.post(f"/api/v1/cases/{case_id}/rulings", json=body)
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json() == first.json()
        other = admin.post(f"/api/v1/cases/{case_id}/rulings", json={**body, "until": "2026-11-13"})
        assert other.status_code == 409 and other.json()["error"] == "request_key_reused"
        assert other.json()["reason_zh"]
        rulings = detail_of(office, case_id)["rulings"]
        assert [r["ruling_no"] for r in rulings] == ["2026-2027-000001"]


def test_concurrent_rulings_leave_exactly_one_in_force_all_numbered(office, laptop):
    worked(office, laptop)
    confirm_refund(office)
    case_id = the_case(office)["case_id"]
    n = 6
    start = threading.Barrier(n)
    answers: list[httpx.Response] = []

    def rule(i: int) -> None:
        with office.admin() as client:
            start.wait()
            answers.append(client.post(f"/api/v1/cases/{case_id}/rulings",
                                       json={**BODY, "request_key": f"concurrent-{i:04d}"}))

    threads = [threading.Thread(target=rule, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(a.status_code for a in answers) == [201] * n, [a.text for a in answers]
    numbers = sorted(a.json()["ruling_no"] for a in answers)
    assert numbers == [f"2026-2027-{i:06d}" for i in range(1, n + 1)]
    detail = detail_of(office, case_id)
    in_force = [r["ruling_no"] for r in detail["rulings"] if r["superseded_by"] is None]
    assert in_force == [numbers[-1]] == [detail["case"]["ruling_no"]]
    assert [r["superseded_by"] for r in detail["rulings"][:-1]] == numbers[1:]


def test_case_and_record_rulings_at_once_leave_exactly_one_in_force(office, laptop):
    """Eight supervisors at once: four rule on the case, four on one of its records (the
    one-record endpoint). Whichever order they meet in, every answer is a ruling (201) or a
    record ruling refused because a case ruling is in force (409 `case_ruled`); the numbers
    issued run 1..k without a gap, and exactly one ruling is in force — the case's."""
    ids = worked(office, laptop)
    confirm_refund(office)
    case_id = the_case(office)["case_id"]
    n = 8
    start = threading.Barrier(n)
    answers: list[httpx.Response] = []

    def rule(i: int) -> None:
        with office.admin() as client:
            start.wait()
            if i % 2:
                answers.append(client.post(f"/api/v1/cases/{case_id}/rulings", json=BODY))
            else:
                answers.append(client.post(f"/api/v1/records/{ids[i % 3]}/rulings", json={
                    "daily_fee_per_m2": "0.1607", "failing_days": 4}))

    threads = [threading.Thread(target=rule, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(answers) == n
    issued = sorted(a.json()["ruling_no"] for a in answers if a.status_code == 201)
    refused = [a.json()["error"] for a in answers if a.status_code != 201]
    assert set(refused) <= {"case_ruled"} and len(issued) >= 4, [a.text for a in answers]
    assert issued == [f"2026-2027-{i:06d}" for i in range(1, len(issued) + 1)]
    detail = detail_of(office, case_id)
    in_force = [r["ruling_no"] for r in detail["rulings"] if r["superseded_by"] is None]
    assert in_force == [detail["case"]["ruling_no"]]
    assert office.store.scalar("SELECT count(*) FROM rulings WHERE superseded_by IS NULL") == 1


def test_a_record_failing_verification_refuses_the_ruling_naming_it(office, laptop):
    ids = worked(office, laptop)
    confirm_refund(office)
    with office.store.write() as c:   # the office's recheck found the re-test's bytes altered
        c.execute("UPDATE records SET verification='bad_signature' WHERE record_id=?", (ids[1],))
    before = snapshot(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        answer = admin.post(f"/api/v1/cases/{case_id}/rulings",
                            json={**BODY, "request_key": "refused-0001"})
        assert answer.status_code == 422, answer.text
        refusal = answer.json()
        assert refusal["error"] == "record_not_verified"
        assert ids[1] in refusal["reason"] and ids[1] in refusal["reason_zh"]
        assert "未通过" in refusal["reason_zh"] and "verification" in refusal["reason"]
    assert snapshot(office) == before
    # the case's detail says which record counts nothing today, and why
    use = {r["record_id"]: (r["used"], r["why_not"]) for r in detail_of(office, case_id)[
        "records"]}
    assert use[ids[1]] == (False, "not_verified") and use[ids[0]] == (True, None)


@pytest.mark.parametrize(("change", "body", "status", "code", "zh"), [
    ("unconfirmed", BODY, 422, "rule_unconfirmed", "尚未经本办公室确认"),
    ("next_summer", {**BODY, "until": "2027-07-02"}, 422, "cannot_rule", "超出供暖季"),
    ("", {**BODY, "until": "2026-12-16"}, 422, "cannot_rule", "不能晚于今天（2026-12-15）"),
    # a year typed wrong: before the case opened (1 Nov), it would close the case on no day
    ("", {**BODY, "until": "2026-10-31"}, 422, "cannot_rule", "早于案件立案日 2026-11-01"),
    ("", {**BODY, "until": "2025-11-12"}, 422, "cannot_rule", "早于案件立案日 2026-11-01"),
    ("", {**BODY, "daily_fee_per_m2": "0"}, 422, "cannot_rule", "日单价"),
    ("", {**BODY, "daily_fee_per_m2": "1E+1"}, 422, "bad_decimal", "0.1607"),
    ("withdrawn", BODY, 409, "case_withdrawn", "撤回"),
])
def test_refusals_leave_nothing_changed(office, laptop, office_clock, change, body, status, code,
                                       zh):
    worked(office, laptop)
    if change != "unconfirmed":
        confirm_refund(office)
    if change == "next_summer":     # the season is over: its end, not today, refuses
        office_clock.now = datetime(2027, 8, 1, 10, 0, tzinfo=CST)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        if change == "withdrawn":
            cases.withdraw(office.store, case_id, "王科长", "住户撤回投诉")
        before = snapshot(office)
        answer = admin.post(f"/api/v1/cases/{case_id}/rulings", json=body)
        assert answer.status_code == status, answer.text
        assert answer.json()["error"] == code and zh in answer.json()["reason_zh"]
        assert answer.json()["reason"]
    assert snapshot(office) == before


def test_a_correction_replaces_the_record_it_corrects(office, laptop):
    """The 1 Nov reading was mis-entered: the correction says 12.0 °C. 客厅's November mean over
    the tests used (12.0, 16.5, 18.6) is 47.1 / 3 = 15.7 °C → band 14–<16 °C, 60 %: per day
    0.1607 × 12.0 × 0.60 = 1.15704 → 1.16; × 8 days = 9.28 (not 4.64 on the corrected 15.0)."""
    first = seal_test(laptop, 1, date(2026, 11, 1), 15.0)
    # the correction of the same visit, at its test time (09:01: n = 61 ≡ 1 minute)
    fixed = seal_test(laptop, 61, date(2026, 11, 1), 12.0, supersedes=first)
    seal_test(laptop, 2, date(2026, 11, 5), 16.5)
    seal_test(laptop, 3, date(2026, 11, 9), 18.6)
    assert push(office, laptop) == 4
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        row = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()
        tests = {t["record_id"]: t for t in row["ruling"]["tests"]}
        assert not tests[first]["used"] and tests[fixed]["used"]
        assert tests[first]["superseded_by"] == tests[fixed]["ref"]
        records = {r["record_id"]: r for r in admin.get(f"/api/v1/cases/{case_id}").json()[
            "records"]}
        assert (records[first]["used"], records[first]["why_not"]) == (False, "superseded")
        assert (records[fixed]["used"], records[fixed]["why_not"]) == (True, None)
        assert not records[fixed]["refused"]
        assert row["amount_total"] == "9.28" and row["ruling"]["failing_days"] == 8
        text = "".join(squash(t) for t in page_texts(admin.get(
            f"/api/v1/cases/{case_id}/rulings/{row['ruling_no']}/pdf").content))
        assert tests[first]["sha256"] in text and tests[fixed]["sha256"] in text
        row_no = [t["record_id"] for t in row["ruling"]["tests"]].index(fixed) + 1
        assert f"已被第{row_no}行的更正替代，未采用" in text


def test_the_record_endpoint_rules_on_the_record_s_case(office, laptop):
    ids = worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        one = admin.post(f"/api/v1/records/{ids[0]}/rulings",
                         json={"daily_fee_per_m2": "0.1607", "failing_days": 4})
        assert one.status_code == 201, one.text
        assert one.json()["case_id"] == case_id
        case = detail_of(office, case_id)["case"]
        assert (case["state"], case["ruling_no"]) == ("ruled", one.json()["ruling_no"])
        # a case ruling afterwards supersedes it: one ruling in force on the case
        two = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()
        rulings = detail_of(office, case_id)["rulings"]
        assert [(r["ruling_no"], r["superseded_by"]) for r in rulings] == [
            (one.json()["ruling_no"], two["ruling_no"]), (two["ruling_no"], None)]
        assert admin.get(f"/api/v1/records/{ids[0]}").json()["rulings"][0][
            "superseded_by"] == two["ruling_no"]
        pdf = admin.get(f"/api/v1/cases/{case_id}/rulings/{one.json()['ruling_no']}/pdf")
        assert pdf.status_code == 200
        assert "供热室温检测退费裁定书" in "".join(squash(t) for t in page_texts(pdf.content))


def test_another_district_sees_no_case_and_cannot_rule(office, laptop):
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        no = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()["ruling_no"]
    with supervisor(office, "nanguan", "南关区") as other:
        answer = other.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert answer.status_code == 404 and answer.json()["reason_zh"]
        assert other.get(f"/api/v1/cases/{case_id}/rulings/{no}/pdf").status_code == 404
    with supervisor(office, "chaoyang", "朝阳区") as mine:
        answer = mine.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert answer.status_code == 201 and answer.json()["issued_by"] == "chaoyang"


def test_a_ruling_on_a_record_in_no_case_opens_its_case(office, laptop):
    """A passing test nobody complained about is in no case; a ruling on it opens the record's
    case, ruled at once. A failing test made before the ruling that arrives after it joins that
    case and marks it (evidence after the ruling), as for any ruled case."""
    passing = seal_test(laptop, 1, date(2026, 11, 1), 18.6)
    push(office, laptop)
    assert cases.cases_page(office.store, cases.CaseFilter())[0] == []
    confirm_refund(office)
    with office.admin() as admin:
        row = admin.post(f"/api/v1/records/{passing}/rulings",
                         json={"daily_fee_per_m2": "0.1607", "failing_days": 1})
        assert row.status_code == 201, row.text
        case_id = row.json()["case_id"]
        assert case_id and case_id.endswith("-2026-2027-1")
    case = detail_of(office, case_id)
    assert (case["case"]["state"], case["case"]["opened_kind"], case["case"]["ruling_no"]) == (
        "ruled", "record", row.json()["ruling_no"])
    assert [r["record_id"] for r in case["records"]] == [passing]
    later = seal_test(laptop, 2, date(2026, 11, 20), 15.0)
    time.sleep(1.1)   # the office stamps to the second: arrive after the ruling's second
    push(office, laptop)
    [again], _ = cases.cases_page(office.store, cases.CaseFilter())
    assert (again["case_id"], again["state"], again["evidence_after_ruling"]) == (
        case_id, "ruled", True)
    assert [r["record_id"] for r in detail_of(office, case_id)["records"]] == [passing, later]


def test_a_company_stop_inside_the_period_raises_its_days(office, laptop):
    """The company stopped heating 6 Nov 00:00 – 9 Nov 00:00 (72 h ≥ 48 h: 3 stop days). Each
    stop day counts 2 × 0.1607 × 86.5 m² (heated area) = 27.8011 → 27.80, above its 0.58:
    1–5 Nov 5 × 0.58 = 2.90; 6–8 Nov 3 × 27.80 = 83.40; total 86.30."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        stop = admin.post("/api/v1/company-stops", json={
            "company": "长春热力", "district": "朝阳区", "scope": {"communities": ["示范小区"]},
            "start_at": "2026-11-06T00:00:00+08:00", "end_at": "2026-11-09T00:00:00+08:00",
            "cause": "主管网爆管抢修"})
        assert stop.status_code == 201, stop.text
        case_id = the_case(office)["case_id"]
        row = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()
        ruling = row["ruling"]
        assert [(d["day"][-2:], d["status"], d["amount"]) for d in ruling["days"]
                if d["status"] != "pass"] == [(f"{day:02d}", "fail", "0.58") for day in
                                              range(1, 6)] + [
            (f"{day:02d}", "stop", "27.80") for day in range(6, 9)]
        assert row["amount_total"] == "86.30" and ruling["stop_days"] == 3
        assert [s["days"] for s in ruling["stops"]] == [3]
        text = "".join(squash(t) for t in page_texts(admin.get(
            f"/api/v1/cases/{case_id}/rulings/{row['ruling_no']}/pdf").content))
        assert "主管网爆管抢修" in text and "人民币86.30元" in text
        assert "2×日单价×供热面积86.5m²=27.80元" in text


def test_a_training_office_rules_on_training_cases_marked_as_practice(training_office, laptop):
    """Only a training office holds training records; its case rulings practise (no confirmed
    rule needed) and say on every page that they have no effect."""
    for n, day, living in ((1, 1, 15.0), (2, 5, 16.5), (3, 9, 18.6)):
        seal_test(laptop, n, date(2026, 11, day), living, training=True)
    assert push(training_office, laptop) == 3
    with training_office.admin() as admin:
        case_id = the_case(training_office)["case_id"]
        answer = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert answer.status_code == 201, answer.text
        assert answer.json()["ruling"]["notes"][0] == "training"
        assert answer.json()["amount_total"] == "4.64"
        pdf = admin.get(f"/api/v1/cases/{case_id}/rulings/{answer.json()['ruling_no']}/pdf")
        pages = [squash(t) for t in page_texts(pdf.content)]
        assert "培训裁定书" in pages[0]
        assert all("培训·不具效力" in p for p in pages)


def test_the_ruling_date_may_not_pass_the_office_s_local_today(office, laptop, office_clock):
    """At 23:30 UTC on 12 Nov it is already 13 Nov in Changchun (UTC+8): 13 Nov may be ruled on,
    14 Nov not yet (refused in both languages, nothing stored)."""
    worked(office, laptop)
    confirm_refund(office)
    office_clock.now = datetime(2026, 11, 12, 23, 30, tzinfo=UTC)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        before = snapshot(office)
        early = admin.post(f"/api/v1/cases/{case_id}/rulings",
                           json={**BODY, "until": "2026-11-14", "request_key": "too-early-01"})
        assert early.status_code == 422, early.text
        refusal = early.json()
        assert refusal["error"] == "cannot_rule"
        assert "不能晚于今天（2026-11-13）" in refusal["reason_zh"]
        assert "cannot be after today (2026-11-13)" in refusal["reason"]
        assert snapshot(office) == before
        today = admin.post(f"/api/v1/cases/{case_id}/rulings", json={**BODY, "until": "2026-11-13"})
        assert today.status_code == 201, today.text
        assert today.json()["ruling"]["until"] == "2026-11-13"


def test_a_superseded_record_is_not_ruled_on_alone(office, laptop):
    """A one-record ruling on a record its correction replaces is refused, naming the
    correction; the correction itself may be ruled on."""
    first = seal_test(laptop, 1, date(2026, 11, 1), 15.0)
    fixed = seal_test(laptop, 62, date(2026, 11, 1), 12.0, supersedes=first)
    assert push(office, laptop) == 2
    confirm_refund(office)
    before = snapshot(office)
    with office.admin() as admin:
        answer = admin.post(f"/api/v1/records/{first}/rulings",
                            json={"daily_fee_per_m2": "0.1607", "failing_days": 4,
                                  "request_key": "superseded-01"})
        assert answer.status_code == 422, answer.text
        refusal = answer.json()
        assert refusal["error"] == "record_superseded"
        assert fixed in refusal["reason"] and fixed in refusal["reason_zh"]
        assert "更正" in refusal["reason_zh"] and "correction" in refusal["reason"]
        assert snapshot(office) == before
        ok = admin.post(f"/api/v1/records/{fixed}/rulings",
                        json={"daily_fee_per_m2": "0.1607", "failing_days": 4})
        assert ok.status_code == 201, ok.text


def test_a_record_of_a_case_ruled_as_a_whole_is_not_ruled_on_alone(office, laptop):
    """Once the case has a case ruling in force, a one-record ruling (which would supersede it)
    is refused naming that ruling; ruling on the case again is the way to change it."""
    ids = worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        number = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).json()["ruling_no"]
        before = snapshot(office)
        answer = admin.post(f"/api/v1/records/{ids[0]}/rulings",
                            json={"daily_fee_per_m2": "0.1607", "failing_days": 4})
        assert answer.status_code == 409, answer.text
        refusal = answer.json()
        assert refusal["error"] == "case_ruled"
        assert number in refusal["reason"] and number in refusal["reason_zh"]
        assert snapshot(office) == before
        again = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert again.status_code == 201, again.text


def test_a_ruled_case_ends_at_its_ruling_date(office, laptop):
    """Ruled up to 12 Nov: a failing test of 20 Nov (before the ruling was issued) opens the next
    case instead of joining the ruled one; a test of 12 Nov uploaded late still joins it."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        assert admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).status_code == 201
    after = seal_test(laptop, 4, date(2026, 11, 20), 15.0)
    on_until = seal_test(laptop, 5, date(2026, 11, 12), 18.6)
    time.sleep(1.1)   # the office stamps to the second: arrive after the ruling's second
    push(office, laptop)
    items, _ = cases.cases_page(office.store, cases.CaseFilter())
    by_state = {k["state"]: k for k in items}
    assert set(by_state) == {"open", "ruled"} and by_state["ruled"]["case_id"] == case_id
    assert (by_state["ruled"]["records"], by_state["ruled"]["evidence_after_ruling"]) == (4, True)
    assert on_until in [r["record_id"] for r in detail_of(office, case_id)["records"]]
    opened = detail_of(office, by_state["open"]["case_id"])
    assert [r["record_id"] for r in opened["records"]] == [after]
    assert opened["case"]["opened_ref"].endswith(after)


def test_a_merge_over_a_case_with_a_ruling_in_force_is_refused(office, laptop):
    """The ruled household and another flat's household: merging either way is refused (409
    `ruled_case`, the case named in both languages) and nothing is written."""
    worked(office, laptop)
    seal_test(laptop, 4, date(2026, 11, 3), 15.0, flat="302")
    push(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = next(k["case_id"] for k in cases.cases_page(
            office.store, cases.CaseFilter())[0] if k["records"] == 3)
        assert admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).status_code == 201
        ruled, other = (office.store.scalar("SELECT household FROM cases WHERE case_id=?",
                                            (case_id,)),
                        office.store.scalar("SELECT household FROM cases WHERE case_id<>?",
                                            (case_id,)))
        tables = (*TABLES, "households", "household_changes")
        before = {t: sorted(map(tuple, office.store.query(f"SELECT * FROM {t}")), key=repr)
                  for t in tables}
        for household_id, into in ((other, ruled), (ruled, other)):
            answer = admin.post("/api/v1/households/merge", json={
                "household_id": household_id, "into": into, "reason": "同一户"})
            assert answer.status_code == 409, answer.text
            body = answer.json()
            assert body["error"] == "ruled_case"
            assert case_id in body["reason"] and case_id in body["reason_zh"]
        assert {t: sorted(map(tuple, office.store.query(f"SELECT * FROM {t}")), key=repr)
                for t in tables} == before


def test_a_correction_after_the_ruling_date_takes_what_it_corrects_to_the_next_case(office,
                                                                                    laptop):
    """Ruled up to 12 Nov; the 5 Nov test is then corrected by a test of 20 Nov: the original
    leaves the ruled case and is held, with its correction, in the case that opens."""
    ids = worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        assert admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY).status_code == 201
    fixed = seal_test(laptop, 4, date(2026, 11, 20), 15.0, supersedes=ids[1])
    push(office, laptop)
    assert [r["record_id"] for r in detail_of(office, case_id)["records"]] == [ids[0], ids[2]]
    [opened] = [k for k in cases.cases_page(office.store, cases.CaseFilter())[0]
                if k["state"] == "open"]
    records = detail_of(office, opened["case_id"])["records"]
    assert [r["record_id"] for r in records] == [ids[1], fixed]
    assert records[0]["superseded_by"] == records[1]["ref"]
    assert opened["opened_ref"] == records[1]["ref"]


def test_a_new_ruling_may_not_pass_the_ruled_date_over_the_next_case_s_evidence(office, laptop):
    """Ruled up to 12 Nov, then ruled again up to 14 Nov: nothing was tested since, so the
    later date stands (superseding). A failing test of 20 Nov then opens the next case; a
    ruling on the first case up to 25 Nov would count days without that test: refused in both
    languages, nothing changed; up to 14 Nov (not past the ruled date) still goes through."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        url = f"/api/v1/cases/{case_id}/rulings"
        assert admin.post(url, json=BODY).status_code == 201
        assert admin.post(url, json={**BODY, "until": "2026-11-14"}).status_code == 201
        seal_test(laptop, 4, date(2026, 11, 20), 15.0)
        time.sleep(1.1)   # the office stamps to the second: arrive after the ruling's second
        push(office, laptop)
        before = snapshot(office)
        for lang, words in (("zh", "下一案件"), ("en", "next case")):
            refused = admin.post(url, json={**BODY, "until": "2026-11-25"},
                                 headers={"Accept-Language": lang})
            assert refused.status_code == 409, refused.text
            body = refused.json()
            assert body["error"] == "evidence_in_next_case"
            assert words in body["reason_zh" if lang == "zh" else "reason"]
            assert "2026-11-14" in body["reason_zh"] and "2026-11-14" in body["reason"]
        assert snapshot(office) == before
        again = admin.post(url, json={**BODY, "until": "2026-11-14", "comment": "复核"})
        assert again.status_code == 201, again.text


def test_no_failing_day_counts_after_the_company_s_announced_end_of_heating(office, laptop):
    """长春热力 announced heating in 朝阳区 until 6 Nov (another company's earlier end does not
    reach this flat). The flat fails on 1 and 5 Nov and is never re-tested: ruled on 12 Nov,
    only 1–6 Nov count. 客厅's November mean (15.0 + 16.5) / 2 = 15.75 → 15.8 °C → 14–<16 °C,
    60 %: 0.1607 × 12.0 × 0.60 = 1.15704 → 1.16 a day; 6 × 1.16 = 6.96 (not 12 × 1.16)."""
    seal_test(laptop, 1, date(2026, 11, 1), 15.0)
    seal_test(laptop, 2, date(2026, 11, 5), 16.5)
    assert push(office, laptop) == 2
    confirm_refund(office)
    period = {"season": "2026-2027", "district": "朝阳区", "area": "全区",
              "heated_area_m2": "120000", "fee_per_m2": "27", "announced_start": "2026-10-20"}
    with office.admin() as admin:
        for company, end in (("城开热力", "2026-11-02"), ("长春热力", "2026-11-06")):
            made = admin.post("/api/v1/heating-periods",
                              json={**period, "company": company, "announced_end": end})
            assert made.status_code == 201, made.text
        case = the_case(office)
        assert (case["failing_days"], case["estimate"]) == (6, "6.96")
        row = admin.post(f"/api/v1/cases/{case['case_id']}/rulings", json=BODY)
        assert row.status_code == 201, row.text
        ruling = row.json()["ruling"]
        assert (ruling["failing_days"], ruling["end"], ruling["until"]) == (6, "2026-11-06",
                                                                            "2026-11-12")
        assert row.json()["amount_total"] == "6.96"
        assert "heating_ended:2026-11-06" in ruling["notes"]
        text = "".join(squash(t) for t in page_texts(admin.get(
            f"/api/v1/cases/{case['case_id']}/rulings/{row.json()['ruling_no']}/pdf").content))
        assert squash("供热企业公布的本区供热期止于 2026-11-06，此后不计不达标日。") in text
