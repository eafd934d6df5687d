"""Merging and splitting households over a case whose ruling is in force, at a live office (real
HTTP, both backends). The household of flat 301 (worked: fails 1 and 5 Nov, passes 9 Nov) and the
same flat typed "3-01" (one test) are merged and the joined case ruled up to 12 Nov.

A split that took the "3-01" test out of the ruled case would leave ruling 000001 in force on
four records while its case holds three, and give "3-01" an open case of its own over the
same test, ruled again (and refunded twice): refused, like a merge over a ruled case."""

from __future__ import annotations

from datetime import date

from inspector_app.office import cases
from tests.case_rulings.household import push, seal_test
from tests.case_rulings.test_case_rulings_api import BODY, worked
from tests.office.uploaded import confirm_refund

TABLES = ("rulings", "ruling_sequences", "cases", "case_events", "households",
          "household_changes", "review_events")


def rows(office) -> dict[str, list]:
    return {t: sorted(map(tuple, office.store.query(f"SELECT * FROM {t}")), key=repr)
            for t in TABLES}


def merged_and_ruled(office, laptop, day: date) -> tuple[dict, str]:
    """Flat 301 and "3-01" (tested on `day`, failing) merged, the joined case ruled; returns
    the merge and the ruled case's id."""
    worked(office, laptop)
    seal_test(laptop, 4, day, 15.0, flat="3-01")
    push(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        homes = {k["household"]: k for k in cases.cases_page(office.store,
                                                             cases.CaseFilter())[0]}
        [big] = [h for h, k in homes.items() if k["records"] == 3]
        [small] = [h for h in homes if h != big]
        merge = admin.post("/api/v1/households/merge", json={
            "household_id": small, "into": big, "reason": "同一户：3-01 即 301"})
        assert merge.status_code == 201, merge.text
        ruled_id = min(k["case_id"] for k in cases.cases_page(
            office.store, cases.CaseFilter(state="open"))[0])
        ruled = admin.post(f"/api/v1/cases/{ruled_id}/rulings", json=BODY)
        assert ruled.status_code == 201, ruled.text
    return merge.json(), ruled_id


def test_a_split_taking_evidence_out_of_a_ruled_case_is_refused(office, laptop):
    merge, case_id = merged_and_ruled(office, laptop, date(2026, 11, 3))
    held = cases.case_row(office.store, case_id)["records"]
    assert held == 4
    before = rows(office)
    with office.admin() as admin:
        answer = admin.post("/api/v1/households/split", json={
            "change_id": merge["id"], "reason": "分错了"})
    assert answer.status_code == 409, answer.text
    body = answer.json()
    assert body["error"] == "ruled_case"
    assert case_id in body["reason"] and case_id in body["reason_zh"]
    assert "2026-2027-000001" in body["reason"] and "拆分" in body["reason_zh"]
    assert rows(office) == before


def test_a_split_leaving_the_ruled_case_as_it_was_goes_through(office, laptop):
    """The "3-01" test is of 20 Nov, after the ruling date: it is in the next (open) case, not
    the ruled one, so the split changes nothing the ruling rests on."""
    merge, case_id = merged_and_ruled(office, laptop, date(2026, 11, 20))
    ruled = cases.case_row(office.store, case_id)
    assert (ruled["state"], ruled["records"]) == ("ruled", 3)
    with office.admin() as admin:
        answer = admin.post("/api/v1/households/split", json={
            "change_id": merge["id"], "reason": "确是两户"})
    assert answer.status_code == 201, answer.text
    after = {k["case_id"]: k for k in cases.cases_page(office.store, cases.CaseFilter())[0]}
    assert (after[case_id]["state"], after[case_id]["records"]) == ("ruled", 3)
    assert sorted((k["state"], k["records"]) for k in after.values()) == [("open", 1),
                                                                           ("ruled", 3)]


def test_a_merge_leaving_the_ruled_case_as_it_was_goes_through(office, laptop):
    """Flat 301 ruled up to 12 Nov; "3-01" (the same flat) is first tested on 20 Nov. Merging
    it in adds that test to 301's next case, not to the ruled one: the merge goes through (it
    used to be refused for any ruling in force of either household, so a household once ruled
    could never have a later miss merged). Merging a test of 3 Nov in would change the ruled
    case: refused (`test_a_merge_over_a_case_with_a_ruling_in_force_is_refused`)."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        [case] = cases.cases_page(office.store, cases.CaseFilter())[0]
        assert admin.post(f"/api/v1/cases/{case['case_id']}/rulings",
                          json=BODY).status_code == 201
        seal_test(laptop, 4, date(2026, 11, 20), 15.0, flat="3-01")
        push(office, laptop)
        [other] = cases.cases_page(office.store, cases.CaseFilter(state="open"))[0]
        merge = admin.post("/api/v1/households/merge", json={
            "household_id": other["household"], "into": case["household"],
            "reason": "同一户：3-01 即 301"})
        assert merge.status_code == 201, merge.text
    after = {k["case_id"]: k for k in cases.cases_page(office.store, cases.CaseFilter())[0]}
    assert (after[case["case_id"]]["state"], after[case["case_id"]]["records"]) == ("ruled", 3)
    assert sorted((k["household"], k["state"], k["records"]) for k in after.values()) == sorted(
        [(case["household"], "ruled", 3), (case["household"], "open", 1)])


def test_a_merge_bringing_another_building_s_stop_into_a_ruled_case_is_refused(office, laptop):
    """The same flat 301 typed in building "9" (tested 20 Nov, after the ruling date), and a
    company stop entered for building 9 only: merged, the stop would reach 301's ruled case,
    which was ruled without it (its detail would show a stop its ruling never counted).
    Refused, nothing written."""
    worked(office, laptop)
    confirm_refund(office)
    with office.admin() as admin:
        [case] = cases.cases_page(office.store, cases.CaseFilter())[0]
        assert admin.post(f"/api/v1/cases/{case['case_id']}/rulings",
                          json=BODY).status_code == 201
        seal_test(laptop, 4, date(2026, 11, 20), 15.0, building="9")
        push(office, laptop)
        stop = admin.post("/api/v1/company-stops", json={
            "company": "长春热力", "district": "朝阳区",
            "scope": {"buildings": [["示范小区", "9栋"]]},
            "start_at": "2026-11-06T00:00:00+08:00", "end_at": "2026-11-09T00:00:00+08:00",
            "cause": "9栋入户管爆裂"})
        assert stop.status_code == 201, stop.text
        [other] = cases.cases_page(office.store, cases.CaseFilter(state="open"))[0]
        before = rows(office)
        merge = admin.post("/api/v1/households/merge", json={
            "household_id": other["household"], "into": case["household"],
            "reason": "同一户"})
        assert merge.status_code == 409, merge.text
        assert merge.json()["error"] == "ruled_case"
        assert case["case_id"] in merge.json()["reason_zh"]
        assert rows(office) == before
