"""Properties of the case rule over generated cases: adding a failing day never lowers the
amount, the amount never exceeds the season's fee for the failing area, the order of the
evidence never matters, and the timeline never runs longer than a season."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.core.case_days import local_day, room_key
from inspector_app.core.case_model import CaseEvidence, CompanyFailure
from inspector_app.core.case_rule import (
    CaseRuling,
    CaseRulingInput,
    case_timeline,
    compute_case_ruling,
    effective_tests,
)
from tests.core.case_builders import CC, CC_EACH, FEE, HEATED, at, flat_test, stop, worked_case

SHORT = replace(CC, season_days=20)              # a short season, so the caps are reached
HALF_FAILURE = replace(CC_EACH, case_rule=replace(CC_EACH.case_rule,
                                                  company_failure_share=Decimal("0.5")))
PROFILES = st.sampled_from([CC, CC_EACH, SHORT, replace(CC_EACH, season_days=20), HALF_FAILURE])
START = at(20, 8, 0, month=11)                    # the complaint: 20 Nov 2026 08:00
MEANS = st.integers(100, 200).map(lambda n: str(Decimal(n) / 10))   # 10.0 … 20.0 °C


@st.composite
def cases(draw) -> CaseEvidence:
    tests = []
    for i in range(draw(st.integers(0, 5))):
        when = START + timedelta(days=draw(st.integers(0, 40)), hours=draw(st.integers(1, 12)))
        tests.append(flat_test(f"lap1.r{i}", when, draw(MEANS), draw(MEANS), seq=i,
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
    return worked_case(*tests, opened_at=START, tests=tuple(tests), stops=stops,
                       failures=failures)


def ruling(evidence: CaseEvidence, profile, until: date) -> CaseRuling:
    return compute_case_ruling(evidence, profile, CaseRulingInput(FEE, until))


def until_within(profile, offset: int) -> date:
    return START.date() + timedelta(days=min(offset, profile.season_days - 1))


OFFSETS = st.integers(0, 60)


@settings(max_examples=150, deadline=None)
@given(cases(), PROFILES, OFFSETS, st.integers(1, 30))
def test_extending_the_ruling_date_never_lowers_the_amount(evidence, profile, offset, more):
    until = until_within(profile, offset)
    later = until_within(profile, offset + more)
    a, b = ruling(evidence, profile, until), ruling(evidence, profile, later)
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
    used = [t for t in effective_tests(evidence) if not t.refused]
    coldest: dict[tuple[str, str], Decimal] = {}
    for t in used:
        for r in t.rooms:
            coldest[room_key(r)] = min(coldest.get(room_key(r), r.mean_c), r.mean_c)
    bedroom = min(coldest.get(("bedroom", "主卧"), Decimal("17.9")), Decimal("17.9"))
    living = coldest.get(("living_room", "客厅"), Decimal(data.draw(MEANS)))
    first = min((t.test_at for t in used), default=START + timedelta(days=41))
    span = max((first - START).total_seconds() // 3600 - 1, 0)
    when = START + timedelta(hours=data.draw(st.integers(0, int(span))))
    new = flat_test("lap1.new", when, str(bedroom), str(living), seq=99)
    more = replace(evidence, tests=evidence.tests + (new,))
    assert ruling(more, profile, until).amount_total >= ruling(evidence, profile,
                                                               until).amount_total


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
                    failures=shuffled(evidence.failures), tickets=shuffled(evidence.tickets))
    assert ruling(again, profile, until).to_dict() == ruling(evidence, profile, until).to_dict()
