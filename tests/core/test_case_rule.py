"""The case rule with numbers worked out by hand: the issue's Changchun household, a stop, a
refusal, a correction, monitoring, the company's failures, and the refusals of bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.core.case_model import CompanyFailure, MonitorDay
from inspector_app.core.case_rule import (
    CaseRuling,
    CaseRulingInput,
    case_estimate,
    case_timeline,
    compute_case_ruling,
    effective_tests,
)
from inspector_app.core.errors import InspectionError, ProfileError
from inspector_app.core.profile import load_profile, profiles_dir
from tests.core.case_builders import (
    CC,
    CC_EACH,
    FEE,
    T1,
    T2,
    T3,
    T11,
    TICKET,
    UNTIL,
    at,
    complaint,
    flat_test,
    stop,
    worked_case,
)


def rule(evidence, profile=CC, until=UNTIL, **kw) -> CaseRuling:
    return compute_case_ruling(evidence, profile, CaseRulingInput(FEE, until, **kw))


def amounts(ruling: CaseRuling) -> dict[int, str]:
    return {d.day.day: str(d.amount) for d in ruling.days if d.amount}


# -- the household -----------------------------------------------------------------

def test_changchun_month_mean_worked_example():
    """Changchun bands on the month's mean (its day_rule: "Monthly mean of 3 tests").
    Bedroom in December: (15.0 + 16.5 + 18.3) / 3 = 49.8 / 3 = 16.6 °C → 16–<18 → 30 %.
    Living room: (18.5 + 18.5 + 18.6) / 3 = 55.6 / 3 = 18.53… → 18.5 °C → no band.
    Per day: 0.1607 × 12.0 × 0.30 = 0.57852 → 0.58; living room 0.
    Failing days: 1 Dec (complaint) to 8 Dec (the day before the passing re-test) = 8.
    Amount: 8 × 0.58 = 4.64."""
    r = rule(worked_case())
    assert CC.case_rule.band_basis == "month_mean"
    assert (r.start, r.end, r.failing_days, r.stop_days) == (date(2026, 12, 1),
                                                            date(2026, 12, 8), 8, 0)
    assert amounts(r) == {d: "0.58" for d in range(1, 9)}
    assert r.amount_total == Decimal("4.64") == 8 * Decimal("0.58")
    assert [d.basis for d in r.days] == ["lap1.r1"] * 4 + ["lap1.r2"] * 4 + ["lap1.r3"]
    assert r.days[-1].status == "pass" and r.days[-1].day == date(2026, 12, 9)
    assert (r.decision, r.reason_code, r.band_basis) == ("refund", "refund", "month_mean")
    assert [t["used"] for t in r.tests] == [True, True, True]
    assert r.tickets == ({"key": "12345/2026120100017", "complaint_at": "2026-12-01T08:00:00+08:00"},)


def test_changchun_each_test_worked_example():
    """The same household under a profile banding each test on its own:
    1–4 Dec governed by the 15.0 °C test → 14–<16 → 60 %: 0.1607 × 12.0 × 0.60 = 1.15704 → 1.16;
    5–8 Dec governed by the 16.5 °C re-test → 30 %: 0.1607 × 12.0 × 0.30 = 0.57852 → 0.58.
    Amount: 4 × 1.16 + 4 × 0.58 = 4.64 + 2.32 = 6.96."""
    r = rule(worked_case(), CC_EACH)
    assert r.failing_days == 8
    assert amounts(r) == {1: "1.16", 2: "1.16", 3: "1.16", 4: "1.16",
                          5: "0.58", 6: "0.58", 7: "0.58", 8: "0.58"}
    assert [d.share for d in r.days[:8]] == [Decimal("0.6")] * 4 + [Decimal("0.3")] * 4
    assert r.amount_total == Decimal("6.96") == 4 * Decimal("1.16") + 4 * Decimal("0.58")


def test_days_before_the_first_test_are_judged_by_the_test_the_complaint_brought():
    """Complaint 29 Nov 20:00, first test 1 Dec. 29 and 30 Nov are governed by that first test.
    November has no test, so its band comes from that test's own mean: 15.0 °C → 60 %:
    0.1607 × 12.0 × 0.60 = 1.16 a day. December as before, 8 × 0.58.
    10 failing days; 2 × 1.16 + 8 × 0.58 = 2.32 + 4.64 = 6.96."""
    r = rule(worked_case(opened_at=at(29, 20, 0, month=11)))
    assert (r.start, r.failing_days) == (date(2026, 11, 29), 10)
    assert [(d.day.day, d.basis, str(d.amount)) for d in r.days[:3]] == [
        (29, "lap1.r1", "1.16"), (30, "lap1.r1", "1.16"), (1, "lap1.r1", "0.58")]
    assert r.amount_total == Decimal("6.96") == 2 * Decimal("1.16") + 8 * Decimal("0.58")


def test_a_three_day_company_stop_inside_the_period():
    """A stop from 3 Dec 00:00 to 6 Dec 00:00: 72 h ≥ 48 h → ceil(72 / 24) = 3 stop days,
    3, 4 and 5 Dec. A stop day pays max(that day's amount, 2 × 0.1607 × 60 m² heated)
    = max(…, 19.284 → 19.28).
    month_mean: 1, 2, 6, 7, 8 Dec at 0.58 = 2.90; 3, 4, 5 Dec at 19.28 = 57.84; total 60.74.
    each_test: 1, 2 Dec at 1.16 = 2.32; 3–5 Dec at 19.28 = 57.84; 6–8 Dec at 0.58 = 1.74;
    total 61.90."""
    evidence = worked_case(stops=(stop("S1", at(3, 0), 72),))
    r = rule(evidence)
    assert (r.failing_days, r.stop_days) == (8, 3)
    assert amounts(r) == {1: "0.58", 2: "0.58", 3: "19.28", 4: "19.28", 5: "19.28",
                          6: "0.58", 7: "0.58", 8: "0.58"}
    assert [d.status for d in r.days[2:5]] == ["stop"] * 3
    assert {d.basis for d in r.days[2:5]} == {"S1"}
    assert r.amount_total == Decimal("60.74") == 5 * Decimal("0.58") + 3 * Decimal("19.28")
    each = rule(evidence, CC_EACH)
    assert each.amount_total == Decimal("61.90") == (2 * Decimal("1.16") + 3 * Decimal("19.28")
                                                     + 3 * Decimal("0.58"))
    assert r.stops == ({"stop_id": "S1", "start_at": "2026-12-03T00:00:00+08:00",
                        "end_at": "2026-12-06T00:00:00+08:00", "cause": "管网抢修", "days": 3,
                        "company": "长春热力", "communities": [], "buildings": [],
                        "evidence": ""},)


def test_a_stop_counts_after_the_passing_retest_and_a_short_one_not_at_all():
    """A 50 h stop from 12 Dec 20:00 → ceil(50 / 24) = 3 days, 12, 13, 14 Dec, after the pass on
    9 Dec: still 3 × 19.28 = 57.84 more (4.64 + 57.84 = 62.48). A 47 h stop: nothing."""
    r = rule(worked_case(stops=(stop("S2", at(12, 20), 50), stop("S3", at(16, 0), 47))))
    assert r.stop_days == 3 and r.failing_days == 8 + 3
    assert {d.day.day for d in r.days if d.status == "stop"} == {12, 13, 14}
    assert [d.status for d in r.days if d.day.day in (10, 11)] == ["pass", "pass"]
    assert r.amount_total == Decimal("62.48") == Decimal("4.64") + 3 * Decimal("19.28")
    assert "stop_too_short:S3" in r.notes
    assert [s["days"] for s in r.stops] == [3, 0]


def test_overlapping_stops_count_each_day_once():
    """3 Dec 00:00 +72 h and 4 Dec 12:00 +48 h: days {3, 4, 5} ∪ {4, 5} = 3 stop days."""
    r = rule(worked_case(stops=(stop("S1", at(3, 0), 72), stop("S4", at(4, 12), 48))))
    assert r.stop_days == 3 and r.amount_total == Decimal("60.74")


def test_no_multiplier_in_the_profile_means_stops_raise_nothing():
    harbin_like = replace(CC, case_rule=replace(CC.case_rule, company_stop_48h_multiplier=None))
    r = rule(worked_case(stops=(stop("S1", at(3, 0), 72),)), harbin_like)
    assert r.amount_total == Decimal("4.64") and r.stop_days == 0
    assert "stops_do_not_raise_refund" in r.notes


def test_a_refusal_day_counts_as_passing_and_does_not_end_the_run():
    """The resident refused without good reason at a test on 7 Dec (Changchun: the day counts as
    passing). 7 Dec pays 0; the run goes on to 8 Dec. The refused test does not enter the month
    mean (still 16.6 → 30 %): 7 days × 0.58 = 4.06."""
    refused = flat_test("lap1.r9", at(7), "15.5", "18.5", seq=9, refused=True)
    r = rule(worked_case(T1, T2, refused, T3))
    day7 = next(d for d in r.days if d.day.day == 7)
    assert (day7.status, day7.basis, day7.amount) == ("refused", "lap1.r9", Decimal("0.00"))
    assert r.failing_days == 7 and r.end == date(2026, 12, 8)
    assert r.amount_total == Decimal("4.06") == 7 * Decimal("0.58")
    counts_as_fail = replace(CC, refusal_day_counts_as="fail")
    assert rule(worked_case(T1, T2, refused, T3), counts_as_fail).amount_total == Decimal("4.64")


def test_only_a_refusal_rules_no_refund_for_the_refusal():
    refused = flat_test("lap1.r9", at(1, 9), "15.5", "18.5", refused=True)
    r = rule(worked_case(refused))
    assert (r.decision, r.reason_code, r.failing_days) == ("no_refund", "resident_refused", 0)


def test_a_correction_replaces_the_first_record_everywhere():
    """The 1 Dec record is corrected (bedroom 12.0 °C, not 15.0): both are listed, the correction
    is used. month_mean: (12.0 + 16.5 + 18.3) / 3 = 46.8 / 3 = 15.6 → 14–<16 → 60 %:
    0.1607 × 12.0 × 0.60 = 1.16 a day × 8 = 9.28.
    each_test: 1–4 Dec at <14 °C → 100 %: 0.1607 × 12.0 = 1.9284 → 1.93; 5–8 Dec 0.58:
    4 × 1.93 + 4 × 0.58 = 7.72 + 2.32 = 10.04."""
    fixed = flat_test("lap1.r4", at(1, 9, 15), "12.0", "18.5", seq=4, supersedes="lap1.r1")
    evidence = worked_case(T1, T2, T3, fixed)
    assert [t.ref for t in effective_tests(evidence)] == ["lap1.r4", "lap1.r2", "lap1.r3"]
    r = rule(evidence)
    listed = {t["ref"]: t for t in r.tests}
    assert listed["lap1.r1"]["used"] is False
    assert listed["lap1.r1"]["superseded_by"] == "lap1.r4"
    assert listed["lap1.r1"]["why_not"] == "superseded"
    assert listed["lap1.r4"]["used"] is True and listed["lap1.r4"]["superseded_by"] is None
    assert r.amount_total == Decimal("9.28") == 8 * Decimal("1.16")
    assert r.days[0].basis == "lap1.r4"
    each = rule(evidence, CC_EACH)
    assert amounts(each)[1] == "1.93"
    assert each.amount_total == Decimal("10.04") == 4 * Decimal("1.93") + 4 * Decimal("0.58")


def test_tests_that_are_not_evidence_are_listed_with_why():
    bad = [
        flat_test("lap1.r5", at(2), "10.0", "10.0", seq=5, verification="signature_invalid"),
        flat_test("lap1.r6", at(3), "10.0", "10.0", seq=6, training=True),
        flat_test("lap1.r7", at(4), "10.0", "10.0", seq=7, synthetic=True),
        flat_test("lap1.r8", at(4), "10.0", "10.0", seq=8, verdict="incomplete"),
    ]
    r = rule(worked_case(T1, T2, T3, *bad))
    assert {t["ref"]: t["why_not"] for t in r.tests if not t["used"]} == {
        "lap1.r5": "not_verified", "lap1.r6": "training", "lap1.r7": "synthetic",
        "lap1.r8": "incomplete"}
    assert r.amount_total == Decimal("4.64")
    trained = compute_case_ruling(worked_case(T1, T2, T3, bad[1]), CC,
                                  CaseRulingInput(FEE, UNTIL), training_office=True)
    assert trained.notes[0] == "training" and trained.amount_total > Decimal("4.64")


def test_without_a_passing_retest_the_run_reaches_the_ruling_date():
    """No pass: 1–20 Dec = 20 days at 0.58 (month mean of 15.0 and 16.5 = 15.75 → 15.8 → 60 %!).
    (15.0 + 16.5) / 2 = 15.75 → 15.8 (half-even) → 14–<16 → 60 %: 1.16 × 20 = 23.20."""
    r = rule(worked_case(T1, T2))
    assert (r.end, r.failing_days) == (UNTIL, 20)
    assert r.amount_total == Decimal("23.20") == 20 * Decimal("1.16")


def test_no_failing_day_is_counted_after_the_announced_end_of_heating():
    """The company announced heating in the district until 15 Dec; the flat fails on 1 and
    5 Dec and is never re-tested passing; ruled on 20 Dec. Only 1–15 Dec count: 15 days.
    December's bedroom mean (15.0 + 16.5) / 2 = 15.75 → 15.8 °C → 14–<16 → 60 %:
    0.1607 × 12.0 × 0.60 = 1.15704 → 1.16 a day; 15 × 1.16 = 17.40 (not 20 × 1.16 = 23.20).
    A test on 18 Dec (after the end, before the ruling date) is listed, not used: it would
    have moved December's mean."""
    late = flat_test("lap1.r12", at(18), "18.3", "18.6", seq=12)
    evidence = worked_case(T1, T2, late, heating_end=date(2026, 12, 15))
    r = rule(evidence)
    assert (r.until, r.end, r.failing_days) == (UNTIL, date(2026, 12, 15), 15)
    assert r.amount_total == Decimal("17.40") == 15 * Decimal("1.16")
    assert "heating_ended:2026-12-15" in r.notes
    assert max(d.day for d in r.days) == date(2026, 12, 15)
    why = {t["ref"]: t["why_not"] for t in r.tests}
    assert why == {"lap1.r1": "", "lap1.r2": "", "lap1.r12": "after_heating_end"}
    view = case_timeline(evidence, CC, CaseRulingInput(FEE, UNTIL))
    assert [d.day for d in view] == [d.day for d in r.days]
    # an end after the ruling date changes nothing, and says nothing
    assert rule(worked_case(T1, T2, heating_end=date(2027, 3, 31))) == rule(worked_case(T1, T2))


# -- several failing runs -------------------------------------------------------------------

RULED = date(2026, 12, 24)


def test_a_failing_test_after_the_pass_starts_a_second_run():
    """Fails 1 Dec at 15.0 °C, passes 9 Dec (18.3 °C), fails again 20 Dec at 16.0 °C; ruled on
    24 Dec. Runs: 1–8 Dec (to the day before the pass) = 8 days, and 20–24 Dec = 5 days;
    9–19 Dec pass (0).
    month_mean: December's bedroom (15.0 + 18.3 + 16.0) / 3 = 49.3 / 3 = 16.43… → 16.4 °C →
    16–<18 → 30 %: 0.1607 × 12.0 × 0.30 = 0.57852 → 0.58 a day, in both runs; the living room
    (18.5 + 18.6 + 18.5) / 3 = 55.6 / 3 = 18.53… → 18.5 °C → no band. 13 × 0.58 = 7.54.
    each_test: 1–8 Dec on 15.0 °C → 14–<16 → 60 %: 0.1607 × 12.0 × 0.60 = 1.15704 → 1.16;
    20–24 Dec on 16.0 °C → 30 %: 0.58. 8 × 1.16 + 5 × 0.58 = 9.28 + 2.90 = 12.18.
    (With one run, as before, the 20 Dec failure went uncounted: 4.64 and 9.28.)"""
    evidence = worked_case(T1, T3, T11)
    r = rule(evidence, until=RULED)
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)), (date(2026, 12, 20), RULED))
    assert (r.start, r.end, r.failing_days) == (date(2026, 12, 1), RULED, 8 + 5)
    assert amounts(r) == {d: "0.58" for d in (*range(1, 9), *range(20, 25))}
    assert {d.status for d in r.days if 9 <= d.day.day <= 19} == {"pass"}
    assert [d.basis for d in r.days if d.day.day in (8, 9, 19, 20, 24)] == [
        "lap1.r1", "lap1.r3", "lap1.r3", "lap1.r11", "lap1.r11"]
    assert r.amount_total == Decimal("7.54") == 13 * Decimal("0.58")
    each = rule(evidence, CC_EACH, until=RULED)
    assert each.runs == r.runs and each.failing_days == 13
    assert amounts(each) == {**{d: "1.16" for d in range(1, 9)},
                             **{d: "0.58" for d in range(20, 25)}}
    assert each.amount_total == Decimal("12.18") == 8 * Decimal("1.16") + 5 * Decimal("0.58")


def test_a_complaint_after_the_pass_is_judged_by_its_test():
    """After the pass on 9 Dec the household complains again on 15 Dec at 19:00; the re-test
    comes on 17 Dec. Ruled on 24 Dec.
    It fails at 16.0 °C → a run from the complaint's day, 15–24 Dec = 10 days; 15 and 16 Dec are
    judged by that re-test. each_test: 8 × 1.16 + 10 × 0.58 = 9.28 + 5.80 = 15.08.
    month_mean: (15.0 + 18.3 + 16.0) / 3 = 16.4 °C → 30 %: 18 × 0.58 = 10.44.
    It passes at 18.4 °C → no run: the first run alone, each_test 8 × 1.16 = 9.28; month_mean
    (15.0 + 18.3 + 18.4) / 3 = 51.7 / 3 = 17.23… → 17.2 °C → 30 %: 8 × 0.58 = 4.64.
    No re-test yet → the complaint waits for it: 9.28. A complaint made inside a run (3 Dec)
    changes nothing."""
    again = complaint(at(15, 19))
    fails = flat_test("lap1.r12", at(17), "16.0", "18.5", seq=12)
    r = rule(worked_case(T1, T3, fails, tickets=(TICKET, again)), CC_EACH, until=RULED)
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)), (date(2026, 12, 15), RULED))
    assert [(d.day.day, d.status, d.basis) for d in r.days if d.day.day in (14, 15, 16, 17)] == [
        (14, "pass", "lap1.r3"), (15, "fail", "lap1.r12"), (16, "fail", "lap1.r12"),
        (17, "fail", "lap1.r12")]
    assert r.failing_days == 18
    assert r.amount_total == Decimal("15.08") == 8 * Decimal("1.16") + 10 * Decimal("0.58")
    assert rule(worked_case(T1, T3, fails, tickets=(TICKET, again)),
                until=RULED).amount_total == Decimal("10.44") == 18 * Decimal("0.58")

    passes = flat_test("lap1.r12", at(17), "18.4", "18.6", seq=12)
    r = rule(worked_case(T1, T3, passes, tickets=(TICKET, again)), CC_EACH, until=RULED)
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)),) and r.failing_days == 8
    assert {d.status for d in r.days if d.day.day >= 9} == {"pass"}
    assert r.amount_total == Decimal("9.28") == 8 * Decimal("1.16")
    assert rule(worked_case(T1, T3, passes, tickets=(TICKET, again)),
                until=RULED).amount_total == Decimal("4.64") == 8 * Decimal("0.58")

    waiting = rule(worked_case(T1, T3, tickets=(TICKET, again)), CC_EACH, until=RULED)
    assert waiting.runs == r.runs and waiting.amount_total == Decimal("9.28")
    inside = rule(worked_case(T1, T3, tickets=(TICKET, complaint(at(3)))), CC_EACH, until=RULED)
    assert inside.runs == r.runs and inside.amount_total == Decimal("9.28")


def test_refusals_and_monitoring_do_not_start_a_run():
    """After the pass on 9 Dec: a test on 12 Dec the resident refused (bedroom 15.0 °C) and a
    monitoring point at 13.0 °C on 14 Dec (monitoring asked for). Neither starts a run: 1–8 Dec
    alone, each_test 8 × 1.16 = 9.28. The timeline ends on 12 Dec, shown as refused: nothing
    after it counts."""
    refused = flat_test("lap1.r12", at(12), "15.0", "18.5", seq=12, refused=True)
    points = (point_day(14, "P7", "13.0"),)
    r = rule(worked_case(T1, T3, refused, monitor_days=points), CC_EACH, until=RULED,
             use_monitoring=True)
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)),)
    assert r.amount_total == Decimal("9.28") and r.failing_days == 8
    assert [(d.day.day, d.status) for d in r.days[8:]] == [
        (9, "pass"), (10, "pass"), (11, "pass"), (12, "refused")]


def test_a_failing_test_later_on_the_day_of_the_pass_starts_a_run_that_day():
    """Passes 9 Dec 10:00, fails 9 Dec 16:00 at 15.5 °C (each_test, 60 %: 1.16). The pass ends
    the first run on 8 Dec; the later failure starts the next on 9 Dec: 1–8 and 9–24 Dec,
    24 days × 1.16 = 27.84."""
    later = flat_test("lap1.r12", at(9, 16), "15.5", "18.5", seq=12)
    r = rule(worked_case(T1, T3, later), CC_EACH, until=RULED)
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)), (date(2026, 12, 9), RULED))
    assert r.amount_total == Decimal("27.84") == 24 * Decimal("1.16")


def test_a_ruling_stored_before_runs_existed_still_reads():
    d = rule(worked_case(T1, T3, T11), until=RULED).to_dict()
    assert d["runs"] == [["2026-12-01", "2026-12-08"], ["2026-12-20", "2026-12-24"]]
    del d["runs"]
    old = CaseRuling.from_dict(json.loads(json.dumps(d)))
    assert old.runs == () and old.amount_total == Decimal("7.54")


def test_monitoring_days_count_only_when_asked():
    """each_test. 3 Dec: the living-room point's daily mean 13.5 °C (no test that day) → <14 →
    100 % on the living room of the governing test: 0.1607 × 20.0 = 3.214 → 3.21 (instead of
    1.16). 4 Dec: 18.4 °C → passing that day (0), the run goes on.
    Total: 1.16 × 2 + 3.21 + 0 + 0.58 × 4 = 2.32 + 3.21 + 2.32 = 7.85 (without: 6.96)."""
    points = (point_day(3, "P7", "13.5"), point_day(3, "P8", "19.0", kind="bedroom"),
              point_day(4, "P7", "18.4"), point_day(5, "P7", "10.0"))
    evidence = worked_case(monitor_days=points)
    assert rule(evidence, CC_EACH).amount_total == Decimal("6.96")
    r = rule(evidence, CC_EACH, use_monitoring=True)
    by_day = {d.day.day: d for d in r.days}
    assert (by_day[3].status, by_day[3].basis, by_day[3].amount) == (
        "monitor_fail", "P7", Decimal("3.21"))
    assert (by_day[4].status, by_day[4].amount) == ("monitor_pass", Decimal("0.00"))
    assert by_day[5].status == "fail"           # a test that day: the test rules, not the point
    assert r.amount_total == Decimal("7.85") == 2 * Decimal("1.16") + Decimal("3.21") + 4 * \
        Decimal("0.58")
    assert r.failing_days == 7 and r.end == date(2026, 12, 8)


def point_day(day: int, point: str, mean: str | None, status: str | None = None, *,
              kind: str = "living_room") -> MonitorDay:
    """A point's day in December 2026; its status from its mean unless given."""
    if status is None:
        status = "non_compliant" if Decimal(mean) < 18 else "compliant"
    return MonitorDay(date(2026, 12, day), point, kind, None if mean is None else Decimal(mean),
                      72, status, room_name="客厅")


def test_monitoring_days_by_status_worst_point_first_band_and_insufficient_days():
    """each_test, monitoring asked for. 3 Dec: P7 compliant at 18.2 °C but P8 non-compliant at
    18.5 °C (its mean meets the standard, it spent too long below) → P8 rules the day at the
    first band (16–<18 °C, 30 %): 0.1607 × 20.0 × 0.30 = 0.96. 4 Dec: P7 insufficient (no mean)
    and no other point → as if no monitoring: the test's 1.16, noted on the day. 6 Dec: P7
    insufficient, P8 compliant → P8 passes the day."""
    points = (point_day(3, "P7", "18.2"), point_day(3, "P8", "18.5", "non_compliant"),
              point_day(4, "P7", None, "insufficient"), point_day(6, "P7", "12.0", "insufficient"),
              point_day(6, "P8", "18.6"))
    r = rule(worked_case(monitor_days=points), CC_EACH, use_monitoring=True)
    by_day = {d.day.day: d for d in r.days}
    assert (by_day[3].status, by_day[3].basis, by_day[3].share, by_day[3].amount) == (
        "monitor_fail", "P8", Decimal("0.30"), Decimal("0.96"))
    assert (by_day[4].status, by_day[4].amount, by_day[4].note) == (
        "fail", Decimal("1.16"), "monitoring_insufficient:P7")
    assert by_day[4].to_dict()["note"] == "monitoring_insufficient:P7"
    assert (by_day[6].status, by_day[6].basis, by_day[6].note) == ("monitor_pass", "P8", "")
    assert "note" not in by_day[2].to_dict()
    assert [(m["point_id"], m["first"], m["last"], m["days"], m["failing_days"])
            for m in r.monitoring] == [("P8", "2026-12-03", "2026-12-06",
                                        ["2026-12-03", "2026-12-06"], 1)]
    assert CaseRuling.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    unasked = rule(worked_case(monitor_days=points), CC_EACH)
    assert unasked.monitoring == () and all(not d.note for d in unasked.days)


def test_company_failure_days():
    """A day the company failed to test (2 Dec) counts at 1.00 × fee × the tested rooms
    (12.0 + 20.0 = 32.0 m²): 0.1607 × 32.0 = 5.1424 → 5.14 instead of 0.58.
    Total: 4.64 − 0.58 + 5.14 = 9.20."""
    evidence = worked_case(failures=(CompanyFailure(date(2026, 12, 2), "failed_to_test"),))
    r = rule(evidence)
    day2 = r.days[1]
    assert (day2.status, day2.basis, day2.amount) == ("company_failure", "failure",
                                                      Decimal("5.14"))
    assert r.amount_total == Decimal("9.20") == 7 * Decimal("0.58") + Decimal("5.14")


def test_company_failure_days_count_as_the_profile_says():
    """`[refusal] company_failure_counts_as` is the profile's word on a day the company failed
    to test or to sign: "fail" (the shipped profiles) pays it as above (9.20); "pass" leaves
    it out: the worked 8 × 0.58 = 4.64, noted on the ruling. A value other than pass or fail
    is refused naming the file and key."""
    evidence = worked_case(failures=(CompanyFailure(date(2026, 12, 2), "failed_to_test"),))
    assert CC.company_failure_counts_as == "fail"
    assert rule(evidence).amount_total == Decimal("9.20")
    passing = replace(CC, company_failure_counts_as="pass")
    r = rule(evidence, passing)
    assert r.days[1].status == "fail" and r.days[1].amount == Decimal("0.58")
    assert r.amount_total == Decimal("4.64") == 8 * Decimal("0.58")
    assert "company_failures_count_as_pass" in r.notes
    alone = rule(worked_case(tests=(), failures=evidence.failures), passing)
    assert (alone.failing_days, alone.amount_total) == (0, Decimal("0.00"))


def test_a_broken_company_failure_key_names_file_and_key(tmp_path):
    folder = _copy_profiles(tmp_path)
    path = folder / "_base-db11t745.toml"
    old = 'company_failure_counts_as = "fail"'
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, 'company_failure_counts_as = "half"', 1), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("changchun", folder)
    key = "refusal.company_failure_counts_as"
    assert key in err.value.message_en and key in err.value.message_zh
    assert "_base-db11t745.toml" in err.value.message_en and err.value.field == key


def test_no_effective_test_and_no_failure_is_no_days_not_an_error():
    r = rule(worked_case(tests=()))
    assert (r.failing_days, r.amount_total, r.end) == (0, Decimal("0.00"), None)
    assert (r.decision, r.reason_code) == ("no_refund", "no_failing_days")
    assert "no_effective_test" in r.notes


def test_without_tests_a_failure_to_test_fails_every_day_from_it():
    r = rule(worked_case(tests=(), failures=(CompanyFailure(date(2026, 12, 3),
                                                            "failed_to_test"),)),
             until=date(2026, 12, 6))
    assert [d.status for d in r.days] == ["pass", "pass"] + ["company_failure"] * 4
    assert r.failing_days == 4 and r.end == date(2026, 12, 6)
    assert "no_area_for_company_failure" in r.notes     # no test: no area to price


def test_until_before_the_start_is_no_days():
    r = rule(worked_case(), until=date(2026, 11, 30))
    assert (r.days, r.failing_days, r.end, r.reason_code) == ((), 0, None, "no_failing_days")


def test_until_inside_the_run_stops_there_and_later_tests_change_nothing():
    """Ruled up to 3 Dec: 1–3 Dec, on the tests dated by then. December's bedroom mean is the
    1 Dec test alone (the 5 Dec and 9 Dec tests had not happened): 15.0 °C → 14–<16 → 60 %:
    0.1607 × 12.0 × 0.60 = 1.15704 → 1.16 a day; 3 × 1.16 = 3.48 — as if the case held only
    the 1 Dec test. Up to 5 Dec (the reviewer's case B): (15.0 + 16.5) / 2 = 15.75 → 15.8 °C
    → 60 %: 5 × 1.16 = 5.80, not 5 × 0.58 = 2.90 with the 9 Dec pass in the mean."""
    r = rule(worked_case(), until=date(2026, 12, 3))
    assert (r.failing_days, r.amount_total) == (3, Decimal("3.48")) == (3, 3 * Decimal("1.16"))
    assert r.days == rule(worked_case(T1), until=date(2026, 12, 3)).days
    assert {t["ref"]: (t["used"], t["why_not"]) for t in r.tests} == {
        "lap1.r1": (True, ""), "lap1.r2": (False, "after_until"),
        "lap1.r3": (False, "after_until")}
    b = rule(worked_case(), until=date(2026, 12, 5))
    assert b.amount_total == Decimal("5.80") == 5 * Decimal("1.16")
    assert b.days == rule(worked_case(T1, T2), until=date(2026, 12, 5)).days


def test_a_correction_dated_after_until_leaves_the_corrected_test_in_use():
    """Re-measured on 10 Dec (bedroom 12.0 °C), correcting the 1 Dec test: a ruling up to 8 Dec
    still rests on the 1 Dec test (4.64, as the worked example); up to 20 Dec on the correction."""
    fixed = flat_test("lap1.r4", at(10), "12.0", "18.5", seq=4, supersedes="lap1.r1")
    r = rule(worked_case(T1, T2, T3, fixed), until=date(2026, 12, 8))
    listed = {t["ref"]: t for t in r.tests}
    assert (listed["lap1.r1"]["used"], listed["lap1.r1"]["superseded_by"]) == (True, None)
    assert listed["lap1.r4"]["why_not"] == "after_until"
    assert r.amount_total == rule(worked_case(), until=date(2026, 12, 8)).amount_total
    later = rule(worked_case(T1, T2, T3, fixed))
    assert {t["ref"]: t["why_not"] for t in later.tests}["lap1.r1"] == "superseded"


def test_a_month_without_a_test_yet_is_banded_on_the_governing_test():
    """The reviewer's case A. Complaint 28 Nov 08:00, failing test 28 Nov (bedroom 15.0 °C,
    living room 18.5 °C), passing re-test 9 Dec (18.3 / 18.6 °C), ruled on 20 Dec. One run,
    28 Nov – 8 Dec = 3 + 8 = 11 days.
    November: the bedroom's mean is 15.0 °C → 14–<16 → 60 %: 0.1607 × 12.0 × 0.60 = 1.15704 →
    1.16 a day. December's only test is the 9 Dec pass: on 1–8 Dec the month has no test yet,
    so the band comes from the governing test, the 28 Nov one: 60 %, 1.16 (before: December's
    mean was the pass alone, 18.3 °C → 0.00 on eight failing days).
    11 × 1.16 = 12.76, as banding each test gives.
    With a failing re-test on 5 Dec (16.5 °C): 1–4 Dec still on 28 Nov's 15.0 °C (1.16); from
    5 Dec December's mean (16.5 + 18.3) / 2 = 17.4 °C → 16–<18 → 30 %: 0.58.
    7 × 1.16 + 4 × 0.58 = 8.12 + 2.32 = 10.44. A re-test at 15.0 °C gives 10.44 too."""
    opened = at(28, 8, 0, month=11)
    failing = flat_test("lap1.a1", at(28, month=11), "15.0", "18.5", seq=1)
    passing = flat_test("lap1.a3", at(9), "18.3", "18.6", seq=3)
    tickets = (replace(TICKET, complaint_at=opened),)
    r = rule(worked_case(failing, passing, opened_at=opened, tickets=tickets))
    assert r.runs == ((date(2026, 11, 28), date(2026, 12, 8)),) and r.failing_days == 11
    assert {d.day: str(d.amount) for d in r.days if d.amount} == {
        date(2026, 11, 28) + timedelta(days=i): "1.16" for i in range(11)}
    assert r.amount_total == Decimal("12.76") == 11 * Decimal("1.16")
    assert rule(worked_case(failing, passing, opened_at=opened, tickets=tickets),
                CC_EACH).amount_total == Decimal("12.76")

    retest = flat_test("lap1.a2", at(5), "16.5", "18.5", seq=2)
    r = rule(worked_case(failing, retest, passing, opened_at=opened, tickets=tickets))
    assert [str(d.amount) for d in r.days[:11]] == ["1.16"] * 7 + ["0.58"] * 4
    assert r.amount_total == Decimal("10.44") == 7 * Decimal("1.16") + 4 * Decimal("0.58")
    # as cold as the first, it still brings the 9 Dec pass into 5–8 Dec: (15.0 + 18.3) / 2 =
    # 16.65 → 16.6 °C → 30 %: 10.44 again, below 12.76 — the month rule (docs/cases.md)
    cold = replace(retest, rooms=failing.rooms)
    assert rule(worked_case(failing, cold, passing, opened_at=opened,
                            tickets=tickets)).amount_total == Decimal("10.44")


def test_tests_on_one_day_count_once_in_the_months_mean():
    """Fails 1 Dec at 15.0 °C; passes three times on 9 Dec (bedroom 19.0, 19.2, 19.4 °C).
    December's bedroom mean is over its two test days: 9 Dec's own mean (19.0 + 19.2 + 19.4) / 3
    = 19.2, so (15.0 + 19.2) / 2 = 17.1 °C → 16–<18 → 30 %: 0.58 a day, 8 × 0.58 = 4.64 — as
    one pass at 19.2 °C gives. Counted test by test, (15.0 + 19.0 + 19.2 + 19.4) / 4 = 72.6 / 4
    = 18.15 → 18.2 °C would pay nothing: re-testing warm could erase the refund."""
    warm = [flat_test(f"lap1.w{i}", at(9, 10 + i), bedroom, "18.6", seq=20 + i)
            for i, bedroom in enumerate(("19.0", "19.2", "19.4"))]
    r = rule(worked_case(T1, *warm))
    assert r.runs == ((date(2026, 12, 1), date(2026, 12, 8)),)
    assert amounts(r) == {d: "0.58" for d in range(1, 9)}
    assert r.amount_total == Decimal("4.64") == 8 * Decimal("0.58")
    assert r.amount_total == rule(worked_case(T1, warm[1])).amount_total


def test_a_ruling_date_after_today_is_refused():
    """Given the office's local date of issue, a ruling (and the timeline) may not count days
    that have not happened; on the day itself it may."""
    today = date(2026, 12, 19)
    with pytest.raises(InspectionError) as err:
        compute_case_ruling(worked_case(), CC, CaseRulingInput(FEE, UNTIL), today=today)
    assert err.value.field == "until"
    assert err.value.message_zh == "裁定截止日期不能晚于今天（2026-12-19）"
    assert err.value.message_en == "the ruling date cannot be after today (2026-12-19)"
    with pytest.raises(InspectionError) as err:
        case_timeline(worked_case(), CC, CaseRulingInput(FEE, UNTIL), today=today)
    assert err.value.field == "until"
    on_the_day = compute_case_ruling(worked_case(), CC, CaseRulingInput(FEE, today), today=today)
    assert on_the_day.amount_total == Decimal("4.64")
    assert case_timeline(worked_case(), CC, CaseRulingInput(FEE, UNTIL),
                         today=UNTIL) == rule(worked_case()).days


def test_a_case_longer_than_the_season_is_refused_but_viewed_cut():
    """Start 1 Dec; 168 days reach 17 May 2027 (1 Dec + 167 days)."""
    evidence = worked_case(T1, T2)
    last = date(2027, 5, 17)
    assert rule(evidence, until=last).failing_days == 168
    with pytest.raises(InspectionError) as err:
        rule(evidence, until=date(2027, 5, 18))
    assert err.value.field == "until" and "168" in err.value.message_en
    assert "供暖期" in err.value.message_zh
    days = case_timeline(evidence, CC, CaseRulingInput(FEE, date(2027, 6, 30)))
    assert len(days) == 168 and days[-1].day == last


@pytest.mark.parametrize(("fee", "until", "field"), [
    (Decimal(0), UNTIL, "daily_fee_per_m2"),
    (Decimal("100.01"), UNTIL, "daily_fee_per_m2"),
    (Decimal("NaN"), UNTIL, "daily_fee_per_m2"),
    ("abc", UNTIL, "daily_fee_per_m2"),
    (FEE, date(2027, 7, 1), "until"),
    (FEE, "2026-12-20", "until"),
])
def test_bad_inputs_are_refused_in_both_languages(fee, until, field):
    with pytest.raises(InspectionError) as err:
        compute_case_ruling(worked_case(), CC, CaseRulingInput(fee, until))
    assert err.value.field == field
    assert err.value.message_zh != err.value.message_en and err.value.message_zh


def test_a_malformed_season_is_refused():
    with pytest.raises(InspectionError) as err:
        rule(worked_case(season="2026"))
    assert err.value.field == "season"
    assert case_estimate(worked_case(season="2026"), CC, UNTIL) == (0, Decimal("0.00"))


def test_a_test_of_another_profile_is_refused_naming_it():
    harbin = flat_test("lap2.r1", at(2), "15.0", "18.5", profile_name="harbin")
    with pytest.raises(InspectionError) as err:
        rule(worked_case(T1, harbin))
    assert err.value.field == "profile"
    assert "lap2.r1" in err.value.message_en and "lap2.r1" in err.value.message_zh
    assert "harbin" in err.value.message_en


def test_another_profile_version_is_a_note():
    old = flat_test("lap1.r1", at(1, 9, 15), "15.0", "18.5", profile_version="2025.1")
    r = rule(worked_case(old, T2, T3))
    assert f"profile_version_differs:lap1.r1:2025.1→{CC.version}" in r.notes


def test_the_ruling_round_trips_through_json():
    r = rule(worked_case(stops=(stop("S1", at(3, 0), 72),)))
    r = replace(r, citations={"refund": {"section": "refund", "status": "unconfirmed"}})
    again = CaseRuling.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False)))
    assert again == r
    d = r.to_dict()
    assert d["amount_total"] == "60.74" and d["until"] == "2026-12-20"
    assert d["days"][0] == {"day": "2026-12-01", "status": "fail", "basis": "lap1.r1",
                            "share": "0.3", "amount": "0.58"}


def test_timeline_and_estimate_agree_with_the_ruling():
    evidence = worked_case()
    r = rule(evidence)
    assert case_timeline(evidence, CC, CaseRulingInput(FEE, UNTIL)) == r.days
    assert case_estimate(evidence, CC, UNTIL) == (8, Decimal("4.64"))
    # the estimate never refuses: a date past the season is held inside it (1 Dec + 167 days).
    # December's mean (15.0 + 16.5) / 2 = 15.75 → 15.8 → 60 %: 31 days × 1.16 = 35.96; months
    # without a test fall back to the governing test's own mean, 16.5 → 30 %: 1 Jan – 17 May
    # = 31 + 28 + 31 + 30 + 17 = 137 days × 0.58 = 79.46; total 115.42.
    assert case_estimate(worked_case(T1, T2), CC, date(2027, 9, 1)) == (
        168, Decimal("115.42")) == (31 + 137, 31 * Decimal("1.16") + 137 * Decimal("0.58"))
    harbin = flat_test("lap2.r1", at(2), "15.0", "18.5", profile_name="harbin")
    assert case_estimate(worked_case(T1, harbin), CC, UNTIL) == (0, Decimal("0.00"))


def test_the_cap_bites_on_a_season_of_stops():
    """A 10-day season and a 10-day stop: 10 × 19.28 = 192.80 > cap 0.1607 × 10 × 60 = 96.42."""
    short = replace(CC, season_days=10)
    r = compute_case_ruling(worked_case(T1, stops=(stop("S1", at(1, 0), 240),)), short,
                            CaseRulingInput(FEE, date(2026, 12, 10)))
    assert r.amount_total == Decimal("96.42") and "capped_at_season_fee" in r.notes


# -- profile keys ---------------------------------------------------------------------------

def test_every_profile_has_a_case_rule():
    assert CC.case_rule.band_basis == "month_mean"
    assert CC.case_rule.company_stop_48h_multiplier == Decimal("2.0")
    assert CC.case_rule.stop_min_hours == Decimal(48)
    assert CC.case_rule.company_failure_share == Decimal("1.00")
    for name in ("harbin", "heilongjiang-2021", "jinan", "shenyang", "tianjin"):
        p = load_profile(name)
        assert p.case_rule.band_basis == "each_test"
        assert p.case_rule.company_stop_48h_multiplier is None


def _copy_profiles(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    for f in profiles_dir().glob("*.toml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("old", "new", "key"), [
    ('band_basis = "month_mean"', 'band_basis = "weekly"', "refund.band_basis"),
    ('band_basis = "month_mean"', "band_basis = 1", "refund.band_basis"),
    ("stop_min_hours = 48", "stop_min_hours = 0", "refund.stop_min_hours"),
    ("company_stop_48h_multiplier = 2.0", 'company_stop_48h_multiplier = "x"',
     "refund.company_stop_48h_multiplier"),
    ("company_failure_share = 1.00", "company_failure_share = 3.0",
     "refund.company_failure_share"),
])
def test_a_broken_case_rule_key_names_file_and_key(tmp_path, old, new, key):
    folder = _copy_profiles(tmp_path)
    path = folder / "changchun.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("changchun", folder)
    assert "changchun.toml" in err.value.message_en and "changchun.toml" in err.value.message_zh
    assert key in err.value.message_en and err.value.field == key
