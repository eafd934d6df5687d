"""Properties of the case rule over generated cases: adding a failing day or a complaint never
lowers the amount, nor does a failing test no warmer than the others but on the days it moves
onto its month's mean; tests after the ruling date change nothing; the amount never exceeds the
season's fee for the failing area, the order of the evidence never matters, the timeline never
runs longer than a season, and only the failing runs fail on tests.

The generated tests fail or pass at random, or alternate fail, pass, fail… in time order, with
later complaints between them: about one case in five has several runs (1 in 30 three), and
complaints are judged by their re-tests (`test_the_generator_reaches_cases_of_several_runs`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from inspector_app.core.case_days import local_day, room_key
from inspector_app.core.case_model import CaseEvidence, CompanyFailure, MonitorDay
from inspector_app.core.case_rule import (
    CaseRuling,
    CaseRulingInput,
    case_timeline,
    compute_case_ruling,
    effective_tests,
)
from tests.core.case_builders import (
    CC,
    CC_EACH,
    FEE,
    HEATED,
    at,
    complaint,
    flat_test,
    stop,
    worked_case,
)

SHORT = replace(CC, season_days=20)              # a short season, so the caps are reached
HALF_FAILURE = replace(CC_EACH, case_rule=replace(CC_EACH.case_rule,
                                                  company_failure_share=Decimal("0.5")))
PROFILES = st.sampled_from([CC, CC_EACH, SHORT, replace(CC_EACH, season_days=20), HALF_FAILURE])
START = at(20, 8, 0, month=11)                    # the complaint: 20 Nov 2026 08:00
MEANS = st.integers(100, 200).map(lambda n: str(Decimal(n) / 10))   # 10.0 … 20.0 °C
COLD = st.integers(100, 179).map(lambda n: str(Decimal(n) / 10))    # 10.0 … 17.9: fails
WARM = st.integers(180, 200).map(lambda n: str(Decimal(n) / 10))    # 18.0 … 20.0: passes
LATER = st.integers(0, 41 * 24).map(lambda h: START + timedelta(hours=h))


@st.composite
def cases(draw) -> CaseEvidence:
    tests = []
    alternate = draw(st.booleans())     # fail, pass, fail, … in time order: several runs
    days = [draw(st.integers(0, 40)) for _ in range(draw(st.integers(0, 5)))]
    for i, day in enumerate(sorted(days) if alternate else days):
        when = START + timedelta(days=day, hours=draw(st.integers(1, 12)))
        fails = i % 2 == 0 if alternate else draw(st.booleans())
        bedroom, living = (draw(COLD), draw(MEANS)) if fails else (draw(WARM), draw(WARM))
        tests.append(flat_test(f"lap1.r{i}", when, bedroom, living, seq=i,
                               refused=draw(st.booleans()) and draw(st.booleans())))
    if tests and draw(st.booleans()):            # a correction of one of them
        old = draw(st.sampled_from(tests))
        tests.append(flat_test("lap1.c", old.test_at, draw(MEANS), draw(MEANS), seq=9,
                               supersedes=old.ref))
    stops = tuple(stop(f"S{i}", START + timedelta(days=draw(st.integers(-2, 40)),
                                                 hours=draw(st.integers(0, 23))),
                       draw(st.sampled_from([12, 47, 48, 49, 72, 120, 300, 600])))
                  for i in range(draw(st.integers(0, 2))))
    failures = tuple(CompanyFailure(START.date() + timedelta(days=draw(st.integers(0, 40))),
                                    draw(st.sampled_from(["failed_to_test", "failed_to_sign"])))
                     for _ in range(draw(st.integers(0, 2))))
    tickets = (complaint(START, 1),) + tuple(complaint(draw(LATER), n)
                                             for n in range(2, 2 + draw(st.integers(0, 2))))
    return worked_case(*tests, opened_at=START, tests=tuple(tests), stops=stops,
                       failures=failures, tickets=tickets,
                       monitor_days=tuple(draw(point_days()) for _ in range(draw(
                           st.integers(0, 6)))))


@st.composite
def point_days(draw) -> MonitorDay:
    """A monitoring point's day (two points, both rooms) as its aggregate says: compliant,
    non-compliant (its mean below the standard, or at it with too long below) or insufficient
    (with or without a mean)."""
    status = draw(st.sampled_from(["compliant", "non_compliant", "insufficient"]))
    mean = {"compliant": WARM, "non_compliant": MEANS,
            "insufficient": st.none() | MEANS}[status]
    value, point = draw(mean), draw(st.sampled_from(["P1", "P2"]))
    return MonitorDay(START.date() + timedelta(days=draw(st.integers(0, 40))), point,
                      "living_room" if point == "P1" else "bedroom",
                      None if value is None else Decimal(value), 72, status)


def ruling(evidence: CaseEvidence, profile, until: date,
           use_monitoring: bool = False) -> CaseRuling:
    return compute_case_ruling(evidence, profile, CaseRulingInput(FEE, until, use_monitoring))


def until_within(profile, offset: int) -> date:
    return START.date() + timedelta(days=min(offset, profile.season_days - 1))


OFFSETS = st.integers(0, 60)


def _known(evidence: CaseEvidence, profile, until: date) -> CaseEvidence:
    """The case as it stood on `until`: its tests dated on or before it."""
    return replace(evidence, tests=tuple(t for t in evidence.tests
                                         if local_day(t.test_at, profile) <= until))


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(1, 30))
def test_tests_after_until_change_nothing_and_a_later_date_never_lowers_it(
        evidence, profile, offset, more):
    """A ruling on `until` is the ruling on the case as it stood then: the tests dated after it
    are listed (`after_until`) and change nothing else. On those tests a later ruling date never
    lowers the amount. (A later ruling that sees a later test may: a pass ends a run and enters
    its month's mean.)"""
    until = until_within(profile, offset)
    later = until_within(profile, offset + more)
    known = _known(evidence, profile, until)
    a, same = ruling(evidence, profile, until), ruling(known, profile, until)
    assert {k: v for k, v in a.to_dict().items() if k != "tests"} == {
        k: v for k, v in same.to_dict().items() if k != "tests"}
    assert [t for t in a.tests if t["why_not"] != "after_until"] == list(same.tests)
    assert len(a.tests) - len(same.tests) == len(evidence.tests) - len(known.tests)
    b = ruling(known, profile, later)
    assert b.amount_total >= a.amount_total
    assert b.failing_days >= a.failing_days


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(0, 40), st.integers(48, 120))
def test_adding_a_stop_never_lowers_the_amount(evidence, profile, offset, day, hours):
    until = until_within(profile, offset)
    more = replace(evidence, stops=evidence.stops + (stop("SX", START + timedelta(days=day),
                                                          hours),))
    assert ruling(more, profile, until).amount_total >= ruling(evidence, profile,
                                                               until).amount_total


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(0, 40),
       st.sampled_from(["failed_to_test", "failed_to_sign"]))
def test_adding_a_company_failure_never_lowers_the_amount(evidence, profile, offset, day, kind):
    until = until_within(profile, offset)
    more = replace(evidence, failures=evidence.failures + (
        CompanyFailure(START.date() + timedelta(days=day), kind),))
    assert ruling(more, profile, until).amount_total >= ruling(evidence, profile,
                                                               until).amount_total


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(1, 10))
def test_an_earlier_complaint_never_lowers_the_amount(evidence, profile, offset, earlier):
    until = until_within(profile, offset)
    sooner = replace(evidence, opened_at=evidence.opened_at - timedelta(days=earlier))
    until_sooner = min(until, local_day(sooner.opened_at, profile)
                       + timedelta(days=profile.season_days - 1))
    # the same days, and more: judged on the same ruling date (held inside its season)
    assert ruling(sooner, profile, until_sooner).amount_total >= ruling(
        evidence, profile, until_sooner).amount_total


def _governing(evidence: CaseEvidence) -> list:
    return [t for t in effective_tests(evidence) if not t.refused]


def _moved_to_the_month_mean(evidence: CaseEvidence, profile, until: date, new) -> set[date]:
    """Under month_mean, a test dated before every other test of its month moves the days from
    it to that month's old first test from the governing test's own band to the month's mean,
    which the month's later, warmer tests may raise: the one way a failing test no warmer than
    the others can lower a day (docs/cases.md, case A with a re-test at 15.0 °C)."""
    d = local_day(new.test_at, profile)
    if profile.case_rule.band_basis != "month_mean" or d > until:
        return set()
    month = [e for e in (local_day(t.test_at, profile)
                         for t in _governing(_known(evidence, profile, until)))
             if (e.year, e.month) == (d.year, d.month)]
    if not month or min(month) <= d:
        return set()
    return {d + timedelta(days=i) for i in range((min(month) - d).days)}


def _never_lower(a: CaseRuling, b: CaseRuling, moved: set[date]) -> None:
    """b (with the new test) against a: never fewer failing days; never a lower amount, or, when
    the new test moved days onto its month's mean, no lower day outside those."""
    assert b.failing_days >= a.failing_days
    if not moved:
        assert b.amount_total >= a.amount_total
    before = {d.day: d.amount for d in a.days}
    assert all(d.amount >= before.get(d.day, 0) for d in b.days if d.day not in moved)


def _no_warmer_failing_test(evidence: CaseEvidence, when, data):
    """A failing test at `when`, each room at most as warm as that room was at any test."""
    coldest: dict[tuple[str, str], Decimal] = {}
    for t in _governing(evidence):
        for r in t.rooms:
            coldest[room_key(r)] = min(coldest.get(room_key(r), r.mean_c), r.mean_c)
    bedroom = min(coldest.get(("bedroom", "主卧"), Decimal("17.9")), Decimal("17.9"))
    living = coldest.get(("living_room", "客厅"), Decimal(data.draw(MEANS)))
    return flat_test("lap1.new", when, str(bedroom), str(living), seq=99)


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.data())
def test_an_earlier_failing_test_no_warmer_than_the_others_never_lowers_it(
        evidence, profile, offset, data):
    """A failing test placed before every test that governs, each room at most as warm as that
    room was at any test: the days it now governs and the month it joins can only get colder.
    Cases with company failures are left out: without any test a failure to test fails every day
    after it at the full fee, and a real test rightly replaces that presumption."""
    until = until_within(profile, offset)
    evidence = replace(evidence, failures=())
    first = min((t.test_at for t in _governing(evidence)), default=START + timedelta(days=41))
    span = max((first - START).total_seconds() // 3600 - 1, 0)
    when = START + timedelta(hours=data.draw(st.integers(0, int(span))))
    new = _no_warmer_failing_test(evidence, when, data)
    more = replace(evidence, tests=evidence.tests + (new,))
    _never_lower(ruling(evidence, profile, until), ruling(more, profile, until),
                 _moved_to_the_month_mean(evidence, profile, until, new))


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS, LATER, st.data())
def test_a_failing_test_anywhere_no_warmer_than_the_others_never_lowers_it(
        evidence, profile, offset, when, data):
    """Anywhere: inside a run it governs colder days, after a pass it starts a run, after a
    complaint it judges it failing. (A passing test may lower the amount: it ends a run.)
    Company failures are left out only when the case has no test by `until` (see above: a
    test dated after it is not evidence, so the presumption still stands without one)."""
    until = until_within(profile, offset)
    if not _governing(_known(evidence, profile, until)):
        evidence = replace(evidence, failures=())
    new = _no_warmer_failing_test(evidence, when, data)
    more = replace(evidence, tests=evidence.tests + (new,))
    _never_lower(ruling(evidence, profile, until), ruling(more, profile, until),
                 _moved_to_the_month_mean(evidence, profile, until, new))


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS, LATER)
def test_a_complaint_never_lowers_the_amount(evidence, profile, offset, when):
    """Outside a run a complaint waits for its test: failing, the run starts on the complaint's
    day instead of the test's; passing, nothing changes. Inside a run it changes nothing."""
    until = until_within(profile, offset)
    more = replace(evidence, tickets=evidence.tickets + (complaint(when, 99),))
    a, b = ruling(evidence, profile, until), ruling(more, profile, until)
    assert b.amount_total >= a.amount_total
    assert b.failing_days >= a.failing_days


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS)
def test_only_the_runs_fail_on_tests(evidence, profile, offset):
    """The runs are in order, apart, inside [start, until]; no day in a run is a plain pass; a
    day outside every run pays only as a stop or a company failure day."""
    until = until_within(profile, offset)
    r = ruling(evidence, profile, until)
    start = local_day(evidence.opened_at, profile)
    for (_, last), (after, _) in zip(r.runs, r.runs[1:], strict=False):
        assert last < after
    assert all(start <= first <= last <= until for first, last in r.runs)
    assert (r.start, r.end) == ((r.runs[0][0], r.runs[-1][1]) if r.runs else (start, None))
    in_runs = {first + timedelta(days=i) for first, last in r.runs
               for i in range((last - first).days + 1)}
    for d in r.days:
        if d.day in in_runs:
            assert d.status != "pass"
        else:
            assert d.amount == 0 or d.status in ("stop", "company_failure")


def test_the_generator_reaches_cases_of_several_runs():
    """The properties above see cases of several runs (fail, pass, fail), and of a run started
    on a complaint's day, not on a test's."""
    until = START.date() + timedelta(days=45)

    def runs(e: CaseEvidence) -> tuple:
        return ruling(e, CC_EACH, until).runs

    every = settings(max_examples=1000, deadline=None, database=None, phases=[Phase.generate])
    assert len(runs(find(cases(), lambda e: len(runs(e)) >= 3, settings=every))) >= 3

    def started_by_a_complaint(e: CaseEvidence) -> bool:
        later = {local_day(k.complaint_at, CC) for k in e.tickets} - {START.date()}
        tested = {local_day(t.test_at, CC) for t in _governing(e)}
        return bool(tested) and any(first in later - tested for first, _ in runs(e))

    assert started_by_a_complaint(find(cases(), started_by_a_complaint, settings=every))


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(0, 25))
def test_the_amount_never_exceeds_the_seasons_fee_for_the_failing_area(evidence, profile,
                                                                       offset, long_stop):
    """Also with a stop from the complaint on of up to 25 days, so short seasons fill up."""
    until = until_within(profile, offset)
    if long_stop:
        evidence = replace(evidence, stops=evidence.stops + (stop("SL", START, 24 * long_stop),))
    r = ruling(evidence, profile, until)
    failing: dict[tuple[str, str], Decimal] = {}
    for t in effective_tests(evidence):
        for room in t.rooms:
            if room.verdict == "fail":
                failing[room_key(room)] = max(failing.get(room_key(room), Decimal(0)),
                                              room.area_m2)
    area = sum(failing.values(), Decimal(0))
    if r.stop_days or any(d.status == "company_failure" for d in r.days):
        area = max(area, HEATED)
    assert r.amount_total <= FEE * profile.season_days * area
    assert r.failing_days <= profile.season_days and len(r.days) <= profile.season_days


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, st.integers(0, 400))
def test_the_timeline_never_runs_longer_than_a_season(evidence, profile, offset):
    days = case_timeline(evidence, profile,
                         CaseRulingInput(FEE, START.date() + timedelta(days=offset)))
    assert len(days) <= profile.season_days
    assert [d.day for d in days] == sorted({d.day for d in days})


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.randoms(use_true_random=False))
def test_the_order_of_the_evidence_does_not_matter(evidence, profile, offset, rnd):
    until = until_within(profile, offset)

    def shuffled(items: tuple) -> tuple:
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    again = replace(evidence, tests=shuffled(evidence.tests), stops=shuffled(evidence.stops),
                    failures=shuffled(evidence.failures), tickets=shuffled(evidence.tickets),
                    monitor_days=shuffled(evidence.monitor_days))
    for monitoring in (False, True):
        assert ruling(again, profile, until, monitoring).to_dict() == ruling(
            evidence, profile, until, monitoring).to_dict()


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS)
def test_monitoring_changes_only_untested_days_in_runs(evidence, profile, offset):
    """Monitoring asked for: the runs are the same; a day outside every run, or with a test on
    it, is ruled as without monitoring; a day in a run is never a plain pass; the points cited
    are exactly those whose days were ruled on them."""
    until = until_within(profile, offset)
    plain, seen = ruling(evidence, profile, until), ruling(evidence, profile, until, True)
    assert seen.runs == plain.runs
    tested = {local_day(t.test_at, profile)
              for t in effective_tests(_known(evidence, profile, until))}
    in_runs = {first + timedelta(days=i) for first, last in seen.runs
               for i in range((last - first).days + 1)}
    before = {d.day: d for d in plain.days}
    for d in seen.days:
        if d.day not in in_runs or d.day in tested:
            assert replace(d, note="") == before[d.day]
        else:
            assert d.status != "pass"
    on_points = {d.basis for d in seen.days if d.status.startswith("monitor_")}
    assert {m["point_id"] for m in seen.monitoring} == on_points


@settings(max_examples=200, deadline=None)
@given(cases(), PROFILES, OFFSETS)
def test_an_insufficient_day_counts_as_no_monitoring(evidence, profile, offset):
    """Dropping the points' insufficient days changes nothing but the days' notes."""
    until = until_within(profile, offset)
    kept = replace(evidence, monitor_days=tuple(m for m in evidence.monitor_days
                                                if m.status != "insufficient"))
    a, b = ruling(evidence, profile, until, True), ruling(kept, profile, until, True)
    assert [replace(d, note="") for d in a.days] == list(b.days)
    assert (a.amount_total, a.monitoring) == (b.amount_total, b.monitoring)
    lacking = {m.day for m in evidence.monitor_days if m.status == "insufficient"}
    assert all(d.day in lacking for d in a.days if d.note)


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(0, 40))
def test_the_announced_end_of_heating_counts_the_case_as_a_ruling_on_that_day(
        evidence, profile, offset, end_offset):
    """With heating announced to end before the ruling date, the days, runs and amount are
    those of a ruling on the last day of heating: nothing after it counts, not even a test
    (no heating was owed then, so a test then judges nothing)."""
    until = until_within(profile, offset)
    end = START.astimezone(profile.zone).date() + timedelta(days=end_offset)
    ended = ruling(replace(evidence, heating_end=end), profile, until)
    assert all(d.day <= end for d in ended.days)
    if end < until:
        on_end = ruling(evidence, profile, end)
        assert (ended.days, ended.runs, ended.amount_total) == (
            on_end.days, on_end.runs, on_end.amount_total)
        assert f"heating_ended:{end.isoformat()}" in ended.notes
