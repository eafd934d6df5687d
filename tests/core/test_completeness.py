"""`core.completeness`: the one rule of what a sealable record needs, step by step."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.completeness import missing_by_step, missing_for_seal
from inspector_app.core.profile import load_profile
from inspector_app.core.training import demo_visit
from tests.core.helpers import flat
from tests.seal.helpers import T0

CC = load_profile("changchun")


def complete():
    visit = demo_visit(CC, 2, now=T0)
    visit.training = False
    visit.rooms = [flat(CC, "bedroom", 12.0, 17.2), flat(CC, "living_room", 14.0, 18.4)]
    return visit


def test_a_complete_visit_lacks_nothing():
    assert missing_for_seal(complete(), CC, T0 + timedelta(minutes=30)) == []


def test_each_gap_is_counted_on_its_step():
    visit = complete()
    visit.ticket = ""
    visit.preconditions["heating_running"] = False
    visit.rooms[1].points[0].samples.clear()
    visit.instrument.serial = ""
    by_step = {k: [m.field for m in v] for k, v in missing_by_step(visit, CC, T0).items()}
    assert by_step == {"instrument": ["instrument.serial"], "details": ["ticket"],
                       "preconditions": ["preconditions.heating_running"], "rooms": [],
                       "measure": [f"room.{visit.rooms[1].id}"]}


def test_an_expired_certificate_only_blocks_a_formal_record():
    visit = complete()
    visit.instrument.certificate_expiry = T0.date() - timedelta(days=1)
    assert [m.field for m in missing_for_seal(visit, CC, T0)] == ["instrument.certificate_expiry"]
    visit.training = True
    assert missing_for_seal(visit, CC, T0) == []


@given(st.permutations(range(4)), st.integers(min_value=-20, max_value=20))
def test_times_must_run_in_causal_order_and_not_past_now(order, now_shift_min):
    visit = complete()
    base = T0 - timedelta(hours=2)
    times = [base + timedelta(minutes=10 * i) for i in order]
    visit.complaint_at, visit.contact_at, visit.arrival_at, visit.test_at = times
    visit.closed_since = visit.test_at - timedelta(minutes=40)
    now = max(times) + timedelta(minutes=now_shift_min)
    fields = {m.field for m in missing_for_seal(visit, CC, now)}
    in_order = list(order) == sorted(order)
    not_future = now_shift_min >= -5
    assert (not fields) == (in_order and not_future), (order, now_shift_min, fields)
