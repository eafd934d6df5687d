"""Refund rulings issued at the live office on real sealed records: numbering, recomputation,
supersession, history, and every refusal in both languages."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from inspector_app.core.profile import load_profile
from inspector_app.core.ruling import RulingInput, compute_ruling
from inspector_app.core.season import season_of
from inspector_app.office.synth import synthesize
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.office.uploaded import confirm_refund, supervisor, upload
from tests.sync.factory import seal_many


class _Citations:
    """Equal to the citations of a formal ruling: standard cited, refund confirmed here."""

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, dict) and other["standard"]["status"] == "cited"
                and other["refund"]["status"] == "confirmed"
                and other["refund"]["confirmed_by"] == "王科长")


ANY_CITATIONS = _Citations()


@pytest.fixture
def filled(office, laptop):
    """6 records of Nov 2026: 0 and 3 pass; districts 朝阳区, 南关区, 宽城区, 绿园区 in turn; the
    office has confirmed Changchun's refund rules, so formal rulings can be issued."""
    ids = upload(office, laptop, 6)
    confirm_refund(office)
    return ids


def expected(laptop, rid: str, fee: str, days: int) -> dict:
    """The ruling worked out on the laptop's own copy, independently of the office; with the
    rules the office cites (the standard from the profile, the refund as confirmed there)."""
    envelope = json.loads(SealedStore(laptop.db).envelope_text(rid))
    out = compute_ruling(envelope, load_profile("changchun"), RulingInput(Decimal(fee), days))
    return {**out.to_dict(), "citations": ANY_CITATIONS}


def test_season_of_a_test_time():
    assert season_of("2025-11-03T09:00:00+08:00") == "2025-2026"
    assert season_of("2025-12-31T23:59:00+08:00") == "2025-2026"
    assert season_of("2026-02-01T09:00:00+08:00") == "2025-2026"
    assert season_of("2026-10-01T09:00:00+08:00") == "2026-2027"
    assert season_of("2026-08-15T09:00:00+08:00") == "2026-2027"   # as the figures count it
    assert season_of("2026-06-30T09:00:00+08:00") == "2025-2026"


def test_office_computes_numbers_and_supersedes(office, laptop, filled):
    failing, passing, other = filled[1], filled[0], filled[2]
    with office.admin() as admin:
        first = admin.post(f"/api/v1/records/{failing}/rulings",
                           json={"daily_fee_per_m2": "0.25", "failing_days": 10,
                                 "comment": "按投诉日起算"})
        assert first.status_code == 201, first.text
        one = first.json()
        assert one["ruling_no"] == "2026-2027-000001" and one["issued_by"] == "tester"
        assert one["ruling"] == expected(laptop, failing, "0.25", 10)
        assert one["ruling"]["decision"] == "refund" and Decimal(one["amount_total"]) > 0
        assert one["inputs"] == {"daily_fee_per_m2": "0.25", "failing_days": 10,
                                 "comment": "按投诉日起算"}
        second = admin.post(f"/api/v1/records/{failing}/rulings",
                            json={"daily_fee_per_m2": "0.25", "failing_days": 20}).json()
        assert second["ruling_no"] == "2026-2027-000002"
        assert Decimal(second["amount_total"]) == 2 * Decimal(one["amount_total"])
        none = admin.post(f"/api/v1/records/{passing}/rulings",
                          json={"daily_fee_per_m2": "0.25", "failing_days": 10}).json()
        assert none["ruling_no"] == "2026-2027-000003"  # one sequence across districts
        assert none["ruling"]["decision"] == "no_refund"
        assert none["ruling"]["reason_code"] == "all_rooms_pass"
        assert none["amount_total"] == "0.00"

        detail = admin.get(f"/api/v1/records/{failing}").json()
        assert [r["ruling_no"] for r in detail["rulings"]] == [
            "2026-2027-000001", "2026-2027-000002"]
        assert [r["superseded_by"] for r in detail["rulings"]] == ["2026-2027-000002", None]
        rulings = [h for h in detail["review_history"] if h["kind"] == "ruling"]
        assert [h["comment"] for h in rulings] == [
            f"退费裁定 {one['amount_total']} 元（2026-2027-000001）：按投诉日起算",
            f"退费裁定 {second['amount_total']} 元（2026-2027-000002）"]
        assert detail["review_state"] == "received"  # a ruling is not a review decision
        history = admin.get(f"/api/v1/records/{passing}").json()["review_history"]
        assert history[-1]["comment"] == "不退费裁定（2026-2027-000003）"
        assert admin.get(f"/api/v1/records/{other}").json()["rulings"] == []

        again = admin.get("/api/v1/rulings/2026-2027-000001").json()
        assert again["superseded_by"] == "2026-2027-000002"
        assert again["ruling"] == one["ruling"] and again["record_id"] == failing
        assert admin.get("/api/v1/rulings/2026-2027-000099").status_code == 404


@pytest.mark.parametrize(("body", "code", "zh"), [
    ({"daily_fee_per_m2": "abc", "failing_days": 10}, "bad_decimal", "日单价"),
    ({"daily_fee_per_m2": "NaN", "failing_days": 10}, "bad_decimal", "日单价"),
    ({"daily_fee_per_m2": "0", "failing_days": 10}, "cannot_rule", "日单价"),
    ({"daily_fee_per_m2": "0.25", "failing_days": 9999}, "cannot_rule", "不达标天数"),
])
def test_bad_inputs_are_refused_in_both_languages(office, filled, body, code, zh):
    with office.admin() as admin:
        answer = admin.post(f"/api/v1/records/{filled[1]}/rulings", json=body)
        assert answer.status_code == 422
        refusal = answer.json()
        assert refusal["error"] == code and zh in refusal["reason_zh"] and refusal["reason"]
        assert admin.get(f"/api/v1/records/{filled[1]}").json()["rulings"] == []


def test_other_district_missing_and_synthetic_records_are_refused(office, filled):
    synthesize(office.store.target, 2)
    with office.admin() as admin:
        answer = admin.post("/api/v1/records/SYN-00000001/rulings",
                            json={"daily_fee_per_m2": "0.25", "failing_days": 3})
        assert answer.status_code == 422 and answer.json()["error"] == "synthetic"
        assert "不是检测证据" in answer.json()["reason_zh"]
        assert "not evidence" in answer.json()["reason"]
        assert admin.post("/api/v1/records/nope/rulings", json={
            "daily_fee_per_m2": "0.25", "failing_days": 3}).status_code == 404
        issued = admin.post(f"/api/v1/records/{filled[1]}/rulings", json={  # 南关区
            "daily_fee_per_m2": "0.25", "failing_days": 3}).json()["ruling_no"]
    with supervisor(office, "chaoyang", "朝阳区") as sup:
        answer = sup.post(f"/api/v1/records/{filled[1]}/rulings",
                          json={"daily_fee_per_m2": "0.25", "failing_days": 3})
        assert answer.status_code == 404 and answer.json()["reason_zh"]
        assert sup.get(f"/api/v1/rulings/{issued}").status_code == 404
        mine = sup.post(f"/api/v1/records/{filled[4]}/rulings",  # 朝阳区, fails
                        json={"daily_fee_per_m2": "0.25", "failing_days": 3})
        assert mine.status_code == 201 and mine.json()["issued_by"] == "chaoyang"
        assert sup.get(f"/api/v1/rulings/{mine.json()['ruling_no']}").status_code == 200


def test_a_training_office_gives_practice_rulings_marked_training(training_office, laptop):
    """Only an office run for training holds training records at all (a real office refuses
    their upload); there supervisors may practise rulings, each marked as of no effect."""
    link = training_office.enroll_key(laptop.folder, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1, training=True)
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    with training_office.admin() as admin:
        answer = admin.post(f"/api/v1/records/{rid}/rulings",
                            json={"daily_fee_per_m2": "0.25", "failing_days": 3})
        assert answer.status_code == 201, answer.text
        assert answer.json()["ruling"]["notes"][0] == "training"


def test_a_repeated_request_returns_the_ruling_it_issued(office, filled):
    """A lost answer (timeout while the office committed) is retried with the same key: the
    office answers with the ruling already issued instead of issuing and superseding again."""
    body = {"daily_fee_per_m2": "0.25", "failing_days": 10, "request_key": "k-0123456789ab"}
    with office.admin() as admin:
        first = admin.post(f"/api/v1/records/{filled[1]}/rulings", json=body)
        again = admin.post(f"/api/v1/records/{filled[1]}/rulings", json=body)
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json()["ruling_no"] == first.json()["ruling_no"]
        detail = admin.get(f"/api/v1/records/{filled[1]}").json()
        assert len(detail["rulings"]) == 1 and detail["rulings"][0]["superseded_by"] is None
        other = admin.post(f"/api/v1/records/{filled[1]}/rulings",
                           json={**body, "failing_days": 11})
        assert other.status_code == 409 and other.json()["reason_zh"]


@pytest.mark.parametrize("fee", ["1E+1", "1e-999999999", "0x10", " ", "1,5"])
def test_a_fee_must_be_written_as_a_plain_number(office, filled, fee):
    with office.admin() as admin:
        answer = admin.post(f"/api/v1/records/{filled[1]}/rulings",
                            json={"daily_fee_per_m2": fee, "failing_days": 3})
        assert answer.status_code == 422 and answer.json()["error"] == "bad_decimal"
        assert "0.1607" in answer.json()["reason_zh"]


def test_the_ruling_in_force_is_listed_last_whatever_the_stamps_say(office, filled):
    """Order is the order of numbering (the write lock), not of a clock: a request that waited
    for the lock may carry an earlier stamp than the one numbered before it."""
    from inspector_app.office import rulings

    with office.admin() as admin:
        for days in (3, 4, 5):
            assert admin.post(f"/api/v1/records/{filled[1]}/rulings",
                              json={"daily_fee_per_m2": "0.25", "failing_days": days}
                              ).status_code == 201
    with office.store.write() as c:     # stamps in the reverse order of numbering
        c.execute("UPDATE rulings SET issued_at = '2026-11-26T00:00:0'"
                  " || (9 - CAST(substr(ruling_no, 16, 1) AS INTEGER)) || 'Z'")
    [ref] = office.store.refs_for(filled[1])
    listed = rulings.for_record(office.store, ref)
    assert [r["superseded_by"] is None for r in listed] == [False, False, True]
    assert [r["inputs"]["failing_days"] for r in listed] == [3, 4, 5]
