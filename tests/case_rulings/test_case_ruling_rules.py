"""A case ruling at a live office rests only on confirmed rules, and its paper names everything.

The household and its three tests are `test_case_rulings_api`'s (客厅 12.0 m² at 15.0, 16.5 and
18.6 °C on 1, 5 and 9 Nov; 卧室1 12.0 m² passes at 18.4 °C; heated area 86.5 m²): 8 failing
days at 0.58 = 4.64 yuan under Changchun's month mean.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from inspector_app.core.case_model import CompanyFailure
from inspector_app.core.case_rule import CaseRulingInput, compute_case_ruling
from inspector_app.core.profile import load_profile
from inspector_app.core.ruling import RulingInput, compute_ruling
from inspector_app.office import cases
from inspector_app.office.profile_confirmations import confirm
from inspector_app.office.rulings import rests_on_refusal
from tests.case_rulings.household import push, seal_test
from tests.case_rulings.test_case_rulings_api import BODY, snapshot, the_case, worked
from tests.core.case_builders import T1, T2, T3, UNTIL, at, flat_test, worked_case
from tests.core.test_ruling import cc_cold_bedroom
from tests.office.ticket_helpers import ticket
from tests.office.uploaded import REFUND_CITATION_ZH, confirm_refund
from tests.slip.helpers import page_texts, squash

# what an admin types when confirming (test data: the document the office checked it against)
REFUSAL_ZH = "《长春市居民热用户供热温度检测及退费有关事项的通知》（长城乡联规〔2020〕2号）"
REFUSAL_EN = "Changchun notice on tests and refunds (Chang Cheng Xiang Lian Gui [2020] No. 2)"


def text_of(pdf: bytes) -> str:
    return "".join(squash(t) for t in page_texts(pdf))


def test_an_unconfirmed_refusal_rule_blocks_a_ruling_that_counts_a_company_failure(office,
                                                                                  laptop):
    """The company failed to test on 2 Nov. What such a day counts as is the profile's
    `[refusal]` rule (reported, unconfirmed): while it is unconfirmed here no formal ruling may
    count the day, in both languages, nothing changed. Confirmed, the day pays 1.00 × 0.1607 ×
    the tested rooms 24.0 m² = 3.8568 → 3.86 instead of 0.58: 7 × 0.58 + 3.86 = 4.06 + 3.86 =
    7.92 yuan, and the ruling and its paper cite the document the admin confirmed it by."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        case_id = the_case(office)["case_id"]
        event = admin.post(f"/api/v1/cases/{case_id}/events",
                           json={"kind": "company_failed_to_test", "day": "2026-11-02",
                                 "note": "约定时间未到场"})
        assert event.status_code == 201, event.text
        before = snapshot(office)
        refused = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert refused.status_code == 422, refused.text
        body = refused.json()
        assert body["error"] == "rule_unconfirmed"
        assert "用户拒绝与企业未检测、未签字部分尚未经本办公室确认" in body["reason_zh"]
        assert "--section refusal" in body["reason_zh"]
        assert "refusal section" in body["reason"] and "--section refusal" in body["reason"]
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in body["reason"])
        assert snapshot(office) == before

        confirm(office.store, "changchun", "refusal", REFUSAL_ZH, REFUSAL_EN, "王科长")
        row = admin.post(f"/api/v1/cases/{case_id}/rulings", json=BODY)
        assert row.status_code == 201, row.text
        ruling = row.json()["ruling"]
        day2 = next(d for d in ruling["days"] if d["day"] == "2026-11-02")
        assert (day2["status"], day2["amount"]) == ("company_failure", "3.86")
        assert ruling["amount_total"] == "7.92"
        assert ruling["citations"]["refusal"]["citation_zh"] == REFUSAL_ZH
        assert ruling["citations"]["refusal"]["status"] == "confirmed"
        zh = text_of(admin.get(f"/api/v1/cases/{case_id}/rulings/"
                               f"{row.json()['ruling_no']}/pdf").content)
        assert squash(f"当日视为达标（依据：{REFUSAL_ZH}") in zh
        assert "企业未检测、未签字当日按不达标计：1×日单价×检测房间面积" in zh


def test_without_a_refusal_or_failure_the_refusal_rule_is_not_needed(office, laptop):
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        row = admin.post(f"/api/v1/cases/{the_case(office)['case_id']}/rulings", json=BODY)
        assert row.status_code == 201, row.text
        assert set(row.json()["ruling"]["citations"]) == {"standard", "refund"}


def test_the_office_s_paper_names_every_record_ticket_stop_and_rule(office, laptop):
    """Issued at the office, not written by hand: a 12345 complaint at 08:00 on 1 Nov, the three
    tests and a correction of the first, and a 72 h company stop from 6 Nov 00:00 (3 stop days
    at 2 × 0.1607 × 86.5 = 27.8011 → 27.80). The PDF, read back as text in each language,
    holds every record's full SHA-256 and its place in the laptop's chain (device · sequence),
    the ticket's number, the stop's number, cause, times, company, area and evidence, and the
    rules by the title and number of their published documents."""
    first = seal_test(laptop, 1, date(2026, 11, 1), 15.0)
    fixed = seal_test(laptop, 61, date(2026, 11, 1), 15.0, supersedes=first)
    seal_test(laptop, 2, date(2026, 11, 5), 16.5)
    seal_test(laptop, 3, date(2026, 11, 9), 18.6)
    assert push(office, laptop) == 4
    office.store.save_tickets([ticket("2026110100017", community="示范小区", building="1",
                                      unit="2", flat="301", minutes_ago=0,
                                      now=datetime(2026, 11, 1, 0, 0, tzinfo=UTC))],
                              source="hotline", by="import")
    confirm_refund(office)
    with office.admin() as admin:
        stop = admin.post("/api/v1/company-stops", json={
            "company": "长春热力", "district": "朝阳区", "scope": {"communities": ["示范小区"]},
            "start_at": "2026-11-06T00:00:00+08:00", "end_at": "2026-11-09T00:00:00+08:00",
            "cause": "主管网爆管抢修", "evidence": "抢修工单 QX-7781"})
        assert stop.status_code == 201, stop.text
        case = the_case(office)
        assert (case["records"], case["tickets"], case["opened_kind"]) == (4, 1, "ticket")
        row = admin.post(f"/api/v1/cases/{case['case_id']}/rulings", json=BODY)
        assert row.status_code == 201, row.text
        ruling, number = row.json()["ruling"], row.json()["ruling_no"]
        assert row.json()["amount_total"] == "86.30" == ruling["amount_total"]
        url = f"/api/v1/cases/{case['case_id']}/rulings/{number}/pdf"
        zh, en = (text_of(admin.get(url, params={"lang": lang}).content)
                  for lang in ("zh", "en"))
    assert len(ruling["tests"]) == 4
    for text in (zh, en):
        for t in ruling["tests"]:
            assert t["sha256"] in text and t["record_id"] in text
            assert f"{t['device_id']}·{t['seq']}" in text
        assert "12345/2026110100017" in text                       # the ticket
        assert stop.json()["stop_id"] in text and "主管网爆管抢修" in text
        assert "2026-11-0600:00" in text and "2026-11-0900:00" in text
        assert "抢修工单QX-7781" in text and "长春热力" in text       # its evidence, company
    assert "供热企业：长春热力；停热范围：示范小区；证据：抢修工单QX-7781" in zh
    assert "Company:长春热力;areastopped:示范小区;evidence:抢修工单QX-7781" in en
    assert ruling["stops"][0]["evidence"] == "抢修工单 QX-7781"
    assert "长城乡联规〔2020〕2号" in zh and squash(REFUND_CITATION_ZH) in zh
    assert "吉建议〔2024〕12号" in zh                                  # the standard's
    assert "ChangChengXiangLianGui[2020]No.2" in en and "JiJianYi[2024]No.12" in en
    row_no = [t["record_id"] for t in ruling["tests"]].index(fixed) + 1
    assert f"已被第{row_no}行的更正替代，未采用" in zh
    assert cases.case_detail(office.store, case["case_id"])["case"]["state"] == "ruled"


def test_which_rulings_rest_on_the_refusal_rule():
    """One record: a refused record, counted as passing or (under another profile) failing.
    A case: a refused test's day, a company failure's day, or failures the profile leaves out.
    Neither without a refusal or a failure."""
    cc = load_profile("changchun")
    one = RulingInput(Decimal("0.1607"), 3)
    assert not rests_on_refusal(compute_ruling(cc_cold_bedroom(), cc, one))
    assert rests_on_refusal(compute_ruling(cc_cold_bedroom(refused=True), cc, one))
    as_fail = replace(cc, refusal_day_counts_as="fail")
    assert rests_on_refusal(compute_ruling(cc_cold_bedroom(refused=True), as_fail, one))

    def case(evidence, profile=cc):
        return compute_case_ruling(evidence, profile, CaseRulingInput(Decimal("0.1607"), UNTIL))

    assert not rests_on_refusal(case(worked_case()))
    refused = flat_test("lap1.r9", at(7), "15.5", "18.5", seq=9, refused=True)
    assert rests_on_refusal(case(worked_case(T1, T2, refused, T3)))
    failed = worked_case(failures=(CompanyFailure(date(2026, 12, 2), "failed_to_test"),))
    assert rests_on_refusal(case(failed))
    assert rests_on_refusal(case(failed, replace(cc, company_failure_counts_as="pass")))
