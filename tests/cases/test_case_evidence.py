"""`office.case_evidence` on both backends: the tests read from the stored bytes, the stops
that reach the household (its community or building, or the whole district; not another
community's, not a withdrawn one), the company's failures, no monitoring days yet; and a stop
entered or withdrawn regroups the company's open cases in the same transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from inspector_app.office.case_evidence import case_evidence
from inspector_app.office.cases import add_event
from inspector_app.office.company_stops import add_stop, withdraw_stop
from tests.cases.homes import Laptop, cases_of, store_envelopes


def stop(s, scope, start="2026-01-02T08:00:00+08:00", end="2026-01-05T08:00:00+08:00",
         district="朝阳区"):
    return add_stop(s, company="城开热力", district=district, scope=scope, start_at=start,
                    end_at=end, cause="管网抢修", evidence="", by="王科长")["stop_id"]


def test_the_evidence_is_the_stored_bytes_and_the_stops_that_reach_the_home(store, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    # Laptop seals visit 1 and 2 for 城开热力 (the factory's companies in turn: n=1 → 城开热力)
    refs = store_envelopes(store, lap.seal(day=date(2026, 1, 2), temps=(15.0, 16.5),
                                           building="3号楼"))
    [case] = cases_of(store)
    assert case["company"] == "城开热力"
    before = case["estimate"]
    reaching = stop(store, {"buildings": [["幸福小区", "３栋"]]})
    stop(store, {"communities": ["别的小区"]})
    stop(store, {}, district="南关区")
    elsewhere_later = stop(store, {"communities": ["幸福小区"]},
                           start="2026-01-10T08:00:00+08:00", end="2026-01-13T08:00:00+08:00")
    withdraw_stop(store, elsewhere_later, "登记错了", "王科长")

    evidence = case_evidence(store, case["case_id"])
    [test] = evidence.tests
    assert test.ref == refs[0] and test.verdict == "fail" and test.seq == 1
    assert [r.mean_c for r in test.rooms] == [Decimal("15.0"), Decimal("16.5")]
    assert test.heated_area_m2 == Decimal("86.5") and not test.refused
    assert [s.stop_id for s in evidence.stops] == [reaching]
    assert evidence.monitor_days == () and evidence.failures == ()
    [after] = cases_of(store)            # the stop raised the estimate in its own transaction
    assert Decimal(after["estimate"]) > Decimal(before)

    add_event(store, case["case_id"], "company_failed_to_sign", date(2026, 1, 3), "未签字",
              "王科长", today=date(2026, 2, 1))
    [failure] = case_evidence(store, case["case_id"]).failures
    assert (failure.day, failure.kind, failure.note) == (date(2026, 1, 3), "failed_to_sign",
                                                         "未签字")
    assert case_evidence(store, "h" + "0" * 20 + "-2025-2026-1") is None
