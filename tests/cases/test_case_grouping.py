"""`core.case_grouping`: which records and tickets make which case, whatever order they come."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.core.case_grouping import (
    ClosedCase,
    Item,
    StoredOpen,
    group_cases,
)

H, S = "h" + "0" * 20, "2025-2026"
T0 = datetime(2025, 12, 1, 1, 0, tzinfo=UTC)


def at(day: float) -> datetime:
    return T0 + timedelta(days=day)


def ticket(ref: str, day: float, **kw) -> Item:
    return Item("ticket", ref, at(day), **kw)


def rec(ref: str, day: float, verdict: str = "fail", **kw) -> Item:
    return Item("record", ref, at(day), verdict=verdict, **kw)


def closed(case_id: str, day: float, opened: float, ref: str = "x", kind: str = "record"):
    return ClosedCase(case_id, "ruled", at(day), at(opened), kind, ref, ruling_no="R1")


def test_a_complaint_opens_the_case_and_the_tests_after_it_join():
    [case] = group_cases(H, S, [rec("d.2", 4), ticket("12345/A", 0), rec("d.1", 1),
                                rec("d.3", 8, "pass")])
    assert (case.case_id, case.state, case.opened_kind, case.opened_ref) == (
        f"{H}-{S}-1", "open", "ticket", "12345/A")
    assert case.records == ("d.1", "d.2", "d.3") and case.tickets == ("12345/A",)
    assert case.last_test_at == at(8) and not case.evidence_after_ruling


def test_without_a_complaint_the_first_failing_test_opens_it_and_a_pass_alone_opens_nothing():
    assert group_cases(H, S, [rec("d.1", 0, "pass"), rec("d.2", 1, "incomplete")]) == ()
    [case] = group_cases(H, S, [rec("d.1", 0, "pass"), rec("d.2", 3), rec("d.3", 5)])
    assert (case.opened_ref, case.records) == ("d.2", ("d.2", "d.3"))   # the earlier pass: none


def test_a_record_that_is_not_evidence_does_not_open_a_case_but_is_held():
    [case] = group_cases(H, S, [rec("d.1", 0, counts=False), rec("d.2", 2)])
    assert case.opened_ref == "d.2" and case.records == ("d.2",)
    [case] = group_cases(H, S, [rec("d.1", 0, counts=False), ticket("c/1", -1)])
    assert case.records == ("d.1",)


def test_a_superseded_failing_record_opens_nothing_its_correction_decides():
    passing = group_cases(H, S, [rec("d.1", 0), rec("d.2", 0.1, "pass", supersedes="d.1")])
    assert passing == ()
    [case] = group_cases(H, S, [rec("d.1", 0), rec("d.2", 0.1, "fail", supersedes="d.1")])
    assert case.opened_ref == "d.2"


def test_a_superseded_record_is_held_in_its_corrections_case_across_a_closing():
    """Original tested before the ruling, its correction after: both in the later case (the
    ruled one no longer holds the original); the other way round, both in the ruled one."""
    shut = [closed(f"{H}-{S}-1", 10, 0, "c/1", "ticket")]
    cases = group_cases(H, S, [ticket("c/1", 0), rec("d.1", 1), rec("d.2", 3),
                               rec("d.9", 12, "fail", supersedes="d.2")], closed=shut)
    assert [(k.state, k.records, k.opened_ref) for k in cases] == [
        ("ruled", ("d.1",), "c/1"), ("open", ("d.2", "d.9"), "d.9")]
    [case] = group_cases(H, S, [ticket("c/1", 0), rec("d.1", 1), rec("d.2", 12),
                                rec("d.9", 3, "pass", supersedes="d.2")], closed=shut)
    assert case.records == ("d.1", "d.9", "d.2")        # in test time order: d.2 is day 12
    chain = group_cases(H, S, [ticket("c/1", 0), rec("d.2", 3),
                               rec("d.8", 5, supersedes="d.2"),
                               rec("d.9", 12, supersedes="d.8")], closed=shut)
    assert [k.records for k in chain] == [(), ("d.2", "d.8", "d.9")]


def test_a_superseded_record_alone_opens_no_case_and_stays_with_its_correction():
    """A failing original whose passing correction comes after a closing: no case opens
    after the closing, and the original is in no case (its correction is in none)."""
    shut = [closed(f"{H}-{S}-1", 10, 0, "c/1", "ticket")]
    cases = group_cases(H, S, [ticket("c/1", 0), rec("d.2", 12),
                               rec("d.9", 13, "pass", supersedes="d.2")], closed=shut)
    assert [(k.state, k.records) for k in cases] == [("ruled", ())]
    before = group_cases(H, S, [rec("d.0", -5, "pass"), rec("d.2", 1),
                                rec("d.9", -5, "pass", supersedes="d.2"), ticket("c/1", 0)])
    assert [(k.opened_ref, k.records) for k in before] == [("c/1", ())]


def test_a_ruled_case_ends_at_its_ruling_date():
    """Ruled on day 20 up to day 10 (`ends_at` the first instant after it): a failure tested
    on day 12 opens the next case; one tested on day 10 stays in the ruled case."""
    ruled = ClosedCase(f"{H}-{S}-1", "ruled", at(20), at(0), "ticket", "c/1", "R1",
                       ends_at=at(11))
    cases = group_cases(H, S, [ticket("c/1", 0), rec("d.1", 10.5), rec("d.2", 12),
                               rec("d.3", 15, "pass")], closed=[ruled])
    assert [(k.case_id, k.state, k.records, k.opened_ref) for k in cases] == [
        (f"{H}-{S}-1", "ruled", ("d.1",), "c/1"), (f"{H}-{S}-2", "open", ("d.2", "d.3"), "d.2")]
    no_date = group_cases(H, S, [ticket("c/1", 0), rec("d.1", 10.5), rec("d.2", 12)],
                          closed=[closed(f"{H}-{S}-1", 20, 0, "c/1", "ticket")])
    assert [k.records for k in no_date] == [("d.1", "d.2")]   # a one-record ruling: closing


def test_a_closed_case_keeps_its_id_and_the_next_failure_opens_case_two():
    cases = group_cases(H, S, [ticket("c/1", 0), rec("d.1", 1), rec("d.2", 20)],
                        closed=[closed(f"{H}-{S}-1", 10, 0, "c/1", "ticket")])
    assert [(k.case_id, k.state, k.records) for k in cases] == [
        (f"{H}-{S}-1", "ruled", ("d.1",)), (f"{H}-{S}-2", "open", ("d.2",))]


def test_a_late_record_tested_before_the_closing_joins_the_closed_case_and_says_so():
    late = rec("d.9", 5, received_at=at(12))
    on_time = rec("d.1", 1, received_at=at(1))
    [case] = group_cases(H, S, [ticket("c/1", 0), on_time, late],
                         closed=[closed("k1", 10, 0, "c/1", "ticket")])
    assert case.records == ("d.1", "d.9") and case.evidence_after_ruling
    [case] = group_cases(H, S, [ticket("c/1", 0), on_time],
                         closed=[closed("k1", 10, 0, "c/1", "ticket")])
    assert not case.evidence_after_ruling


def test_an_earlier_failure_arriving_late_moves_a_closed_cases_opening_back():
    [case] = group_cases(H, S, [rec("d.0", -3, received_at=at(12)), ticket("c/1", 0)],
                         closed=[closed("k1", 10, 0, "c/1", "ticket")])
    assert (case.opened_at, case.opened_ref, case.records) == (at(-3), "d.0", ("d.0",))


def test_a_case_opened_on_a_passing_record_by_a_ruling_keeps_its_opening():
    [case] = group_cases(H, S, [rec("d.1", 0, "pass")], closed=[closed("k1", 1, 0, "d.1")])
    assert case.records == ("d.1",) and case.opened_ref == "d.1"


def test_the_open_case_keeps_its_stored_id_the_earliest_when_two_were_merged():
    items = [ticket("c/1", 0), rec("d.1", 1)]
    [case] = group_cases(H, S, items, stored_open=[StoredOpen("b-2", at(1)),
                                                  StoredOpen("a-1", at(0))])
    assert case.case_id == "a-1"
    [case] = group_cases(H, S, items, taken=[f"{H}-{S}-1"])
    assert case.case_id == f"{H}-{S}-2"


# -- whatever the order -------------------------------------------------------------------------

@st.composite
def households(draw):
    n = draw(st.integers(0, 12))
    items = []
    for i in range(n):
        day = draw(st.integers(0, 60)) + draw(st.sampled_from((0, 0.25, 0.5)))
        if draw(st.booleans()):
            items.append(ticket(f"c/{i}", day, received_at=at(day + draw(st.integers(0, 30))),
                                counts=draw(st.booleans())))
        else:
            earlier = [x.ref for x in items if x.kind == "record"]
            items.append(rec(f"d.{i}", day, draw(st.sampled_from(("pass", "fail", "incomplete"))),
                              received_at=at(day + draw(st.integers(0, 30))),
                              supersedes=draw(st.sampled_from([None, *earlier])),
                              counts=draw(st.booleans())))
    closings = sorted(draw(st.sets(st.integers(1, 70), max_size=3)))
    shut = [ClosedCase(f"{H}-{S}-{k + 1}", draw(st.sampled_from(("ruled", "withdrawn"))),
                       at(day + 0.75), at(day - draw(st.integers(0, 5))), "ticket", f"c/x{k}",
                       ends_at=draw(st.sampled_from((None, at(day - 2), at(day)))))
            for k, day in enumerate(closings)]
    return items, shut, draw(st.randoms(use_true_random=False))


@settings(max_examples=300, deadline=None)
@given(households())
def test_the_cases_are_the_same_whatever_order_the_evidence_arrives_in(drawn):
    items, shut, rng = drawn
    first = group_cases(H, S, items, closed=shut)
    for _ in range(3):
        again_items, again_shut = list(items), list(shut)
        rng.shuffle(again_items)
        rng.shuffle(again_shut)
        assert group_cases(H, S, again_items, closed=again_shut) == first
    held = [r for k in first for r in (*k.records, *k.tickets)]
    assert len(held) == len(set(held))                     # nothing in two cases
    assert sum(k.state == "open" for k in first) <= 1      # one open case at most
    assert [k.case_id for k in first if k.state != "open"] == [k.case_id for k in shut]
    case_of = {r: k.case_id for k in first for r in k.records}
    fixes: dict[str, set[str]] = {}
    for i in items:
        if i.counts and i.supersedes:
            fixes.setdefault(i.supersedes, set()).add(i.ref)
    for original in fixes:          # with a correction, or one correcting it in turn
        reach, todo = set(), list(fixes[original])
        while todo:
            ref = todo.pop()
            if ref not in reach:
                reach.add(ref)
                todo += fixes.get(ref, ())
        assert case_of.get(original) in {case_of.get(r) for r in reach}
    assert not any(k.opened_ref in fixes for k in first if k.state == "open")


def test_random_orders_of_a_long_season_agree():
    rng = random.Random(7)
    items = [rec(f"d.{i}", rng.randrange(90), rng.choice(("pass", "fail"))) for i in range(40)]
    items += [ticket(f"c/{i}", rng.randrange(90)) for i in range(5)]
    first = group_cases(H, S, items, closed=[closed("k1", 30, 0), closed("k2", 60, 31)])
    rng.shuffle(items)
    assert group_cases(H, S, items, closed=[closed("k2", 60, 31), closed("k1", 30, 0)]) == first
