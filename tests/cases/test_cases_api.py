"""The cases and households API over real HTTP on 127.0.0.1, on both backends: the list's
order, filters, keyset paging and district scope; the detail; withdrawals, company events,
merges and splits; bad input refused in both languages with nothing changed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.homes import Laptop, snapshot, store_envelopes
from tests.office.ticket_helpers import ticket
from tests.office.uploaded import supervisor

DAY = 24 * 60


def fill(office, tmp_path) -> Laptop:
    """Seven households: five of 朝阳区 (two companies), two of 南关区; one case withdrawn."""
    store = office.store
    lap = Laptop(tmp_path / "laptop")
    store.save_tickets([ticket(f"A{i}", flat=f"{100 + i}", minutes_ago=(10 - i) * DAY,
                               company="长春热力" if i % 2 else "城开热力") for i in range(4)],
                       source="hotline", by="import")
    store.save_tickets([ticket("N1", district="南关区", flat="1", minutes_ago=DAY)],
                       source="hotline", by="import")
    store_envelopes(store, lap.seal(day=date(2026, 1, 2), temps=(15.0, 15.0), flat="777"),
                    lap.seal(day=date(2026, 1, 3), temps=(15.0, 15.0), flat="8",
                             district="南关区"))
    return lap


def walk(client, **params) -> list[dict]:
    items, after = [], None
    while True:
        page = client.get("/api/v1/cases", params={**params, **({"after": after} if after
                                                                  else {})})
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        after = page.json()["next"]
        if after is None:
            return items


def test_the_list_pages_open_cases_first_and_filters(office, tmp_path):
    fill(office, tmp_path)
    with office.admin() as admin:
        everything = walk(admin, limit=500)
        assert len(everything) == 7
        first = everything[-1]["case_id"]
        answer = admin.post(f"/api/v1/cases/{first}/withdraw", json={"reason": "居民撤诉"})
        assert answer.status_code == 200 and answer.json()["state"] == "withdrawn"
        paged = walk(admin, limit=2)
        assert [c["state"] for c in paged] == ["open"] * 6 + ["withdrawn"]
        opened = [c["opened_at"] for c in paged[:6]]
        assert opened == sorted(opened, reverse=True)
        assert len({c["case_id"] for c in paged}) == 7
        assert paged == walk(admin, limit=500)
        assert {c["district"] for c in walk(admin, district="南关区")} == {"南关区"}
        assert len(walk(admin, district="南关区")) == 2
        assert [c["state"] for c in walk(admin, state="withdrawn")] == ["withdrawn"]
        assert len(walk(admin, state="open", limit=1)) == 6
        assert {c["company"] for c in walk(admin, company="长春热力")} == {"长春热力"}
        one = paged[0]
        assert walk(admin, household=one["household"]) == [one]
        assert walk(admin, q=one["case_id"]) == [one]
        assert len(walk(admin, q="幸福小区3栋2单元10")) == 4      # flats 100..103
        assert walk(admin, season="2024-2025") == []


def test_a_supervisor_sees_only_their_district(office, tmp_path):
    fill(office, tmp_path)
    with office.admin() as admin:
        theirs = walk(admin, district="朝阳区")
        elsewhere = walk(admin, district="南关区")[0]
    with supervisor(office, "zhao", "朝阳区") as sup:
        assert walk(sup, limit=3) == theirs
        assert walk(sup, district="南关区") == []
        assert sup.get(f"/api/v1/cases/{elsewhere['case_id']}").status_code == 404
        assert sup.get(f"/api/v1/households/{elsewhere['household']}").status_code == 404
        refused = sup.post(f"/api/v1/cases/{elsewhere['case_id']}/withdraw",
                           json={"reason": "x"})
        assert refused.status_code == 404 and refused.json()["error"] == "not_found"
        mine = sup.get(f"/api/v1/cases/{theirs[0]['case_id']}")
        assert mine.status_code == 200


def test_the_detail_shows_the_case_its_household_and_history(office, tmp_path):
    lap = fill(office, tmp_path)
    store_envelopes(office.store, lap.seal(day=date(2026, 1, 4), temps=(18.5, 18.5), flat="777"))
    with office.admin() as admin:
        [case] = walk(admin, q="幸福小区3栋2单元777")
        detail = admin.get(f"/api/v1/cases/{case['case_id']}").json()
        assert detail["case"] == case
        assert [r["verdict"] for r in detail["records"]] == ["fail", "pass"]
        assert all(len(r["sha256"]) == 64 and r["seq"] >= 1 for r in detail["records"])
        assert detail["household"]["household_id"] == case["household"]
        assert detail["household"]["merged"] == [] and detail["tickets"] == []
        # Changchun bands on the month's mean: each room (15.0 + 18.5) / 2 = 16.75 °C → 30 %;
        # daily fee 27 / 168 = 0.1607 per m²; per room and day 0.1607 × 12 × 0.3 = 0.58;
        # failing 2 Jan and 3 Jan (the pass on 4 Jan ends the run): 2 × 2 × 0.58 = 2.32
        assert (case["failing_days"], case["estimate"]) == (2, "2.32")
        assert detail["estimate"] == {"failing_days": 2, "amount": "2.32"}
        assert [(d["day"], d["status"], d["share"], d["amount"]) for d in detail["timeline"]
                if d["status"] == "fail"] == [("2026-01-02", "fail", "0.3", "1.16"),
                                              ("2026-01-03", "fail", "0.3", "1.16")]
        for key in ("stops", "failures", "monitor_days", "rulings", "history"):
            assert detail[key] == [], key
        event = admin.post(f"/api/v1/cases/{case['case_id']}/events",
                           json={"kind": "company_failed_to_test", "day": "2026-01-03",
                                 "note": "约定时间未到场"})
        assert event.status_code == 201, event.text
        again = admin.get(f"/api/v1/cases/{case['case_id']}").json()
        assert [f["day"] for f in again["failures"]] == ["2026-01-03"]
        assert [h["kind"] for h in again["history"]] == ["company_failed_to_test"]
        assert admin.get("/api/v1/cases/nothing-here").status_code == 404


@pytest.mark.parametrize(("body", "code"), [
    ({"kind": "company_failed_to_test", "day": "2026-01-03"}, "duplicate_event"),
    ({"kind": "company_failed_to_test", "day": "2025-06-30"}, "bad_day"),
    ({"kind": "company_failed_to_test", "day": "2999-01-01"}, "bad_day"),
    ({"kind": "company_forgot", "day": "2026-01-03"}, "invalid_request"),
    ({"kind": "company_failed_to_sign", "day": "3 January"}, "invalid_request"),
])
def test_bad_events_are_refused_in_both_languages_and_change_nothing(office, tmp_path, body,
                                                                     code):
    fill(office, tmp_path)
    with office.admin() as admin:
        case = walk(admin, district="朝阳区")[0]["case_id"]
        assert admin.post(f"/api/v1/cases/{case}/events", json={
            "kind": "company_failed_to_test", "day": "2026-01-03"}).status_code == 201
        before = snapshot(office.store)
        refused = admin.post(f"/api/v1/cases/{case}/events", json=body)
        assert refused.status_code in (409, 422)
        assert refused.json()["error"] == code
        assert refused.json()["reason"] and refused.json()["reason_zh"]
        assert snapshot(office.store) == before


def test_withdrawals_merges_and_splits_over_http(office, tmp_path):
    fill(office, tmp_path)
    with office.admin() as admin:
        by_flat = {c["address"].rpartition("单元")[2]: c for c in walk(admin)}
        a, b = by_flat["100室"], by_flat["101室"]
        nan = walk(admin, district="南关区")[0]
        before = snapshot(office.store)
        for body, status, code in (
                ({"household_id": a["household"], "into": nan["household"], "reason": "x"},
                 422, "other_district"),
                ({"household_id": a["household"], "into": a["household"], "reason": "x"},
                 422, "same_household"),
                ({"household_id": a["household"], "into": b["household"], "reason": ""},
                 422, "invalid_request"),
                ({"household_id": a["household"], "into": b["household"], "reason": " \u3000"},
                 422, "reason_required"),
                ({"household_id": "h" + "0" * 20, "into": b["household"], "reason": "x"},
                 404, "not_found"),
                ({"household_id": "../etc", "into": b["household"], "reason": "x"},
                 422, "invalid_request")):
            refused = admin.post("/api/v1/households/merge", json=body)
            assert (refused.status_code, refused.json()["error"]) == (status, code), body
            assert refused.json()["reason_zh"]
        for bad in ({"change_id": 0, "reason": "x"}, {"change_id": 1}, {"change_id": 1,
                                                                         "reason": "  "}):
            assert admin.post("/api/v1/households/split", json=bad).status_code == 422
        assert admin.post("/api/v1/households/split",
                          json={"change_id": 5, "reason": "x"}).status_code == 404
        assert admin.post(f"/api/v1/cases/{a['case_id']}/withdraw",
                          json={"reason": ""}).status_code == 422
        assert snapshot(office.store) == before

        merged = admin.post("/api/v1/households/merge", json={
            "household_id": a["household"], "into": b["household"], "reason": "门牌写错"})
        assert merged.status_code == 201, merged.text
        home = admin.get(f"/api/v1/households/{b['household']}").json()
        assert home["merged"] == [a["household"]]
        assert [c["tickets"] for c in home["cases"]] == [2]
        split = admin.post("/api/v1/households/split", json={
            "change_id": merged.json()["id"], "reason": "确是两户"})
        assert split.status_code == 201 and split.json()["undoes"] == merged.json()["id"]
        again = admin.post("/api/v1/households/split", json={
            "change_id": merged.json()["id"], "reason": "x"})
        assert (again.status_code, again.json()["error"]) == (409, "already_split")
        assert {c["case_id"] for c in walk(admin)} == {c["case_id"] for c in before_cases(
            before)}

        done = admin.post(f"/api/v1/cases/{a['case_id']}/withdraw", json={"reason": "撤诉"})
        assert done.status_code == 200 and done.json()["closed_at"]
        twice = admin.post(f"/api/v1/cases/{a['case_id']}/withdraw", json={"reason": "撤诉"})
        assert (twice.status_code, twice.json()["error"]) == (409, "case_closed")
        late = admin.post(f"/api/v1/cases/{a['case_id']}/events",
                          json={"kind": "company_failed_to_sign", "day": "2026-01-02"})
        assert (late.status_code, late.json()["error"]) == (409, "case_closed")


def before_cases(snap: dict) -> list[dict]:
    return [{"case_id": row[0]} for row in snap["cases"]]


def test_a_complaint_s_case_lists_its_ticket_and_the_tests_after_it(office, tmp_path):
    """Flat 501 complains (a ticket) and is tested failing, then passing, after it: the case
    opens with the complaint, holds both tests, and its detail lists the ticket (key, time,
    state, household) beside them."""
    store = office.store
    lap = Laptop(tmp_path / "laptop")
    store.save_tickets([ticket("C9", flat="501", minutes_ago=3 * DAY)], source="hotline",
                       by="import")
    store_envelopes(store, lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0)),
                    lap.seal(day=date(2026, 1, 8), temps=(18.5, 18.5)))
    with office.admin() as admin:
        [case] = walk(admin, q="幸福小区3栋2单元501")
        assert (case["opened_kind"], case["opened_ref"]) == ("ticket", "12345/C9")
        detail = admin.get(f"/api/v1/cases/{case['case_id']}")
        assert detail.status_code == 200, detail.text
        body = detail.json()
        assert [(t["key"], t["channel"], t["ticket"], t["state"]) for t in body["tickets"]] == [
            ("12345/C9", "12345", "C9", "received")]
        assert body["tickets"][0]["complaint_at"] and body["tickets"][0]["household"] == \
            case["household"]
        assert [r["verdict"] for r in body["records"]] == ["fail", "pass"]
