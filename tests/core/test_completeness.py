"""`core.completeness`: the one rule of what a sealable record needs, step by step."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.completeness import (
    CLOCK_SKEW,
    IncompleteVisit,
    missing_by_step,
    missing_for_seal,
    require_sealable,
)
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


# --- each rule on its own: which step and which field it names ------------------------------

NOW = T0 + timedelta(minutes=30)


def fields(missing):
    return [(m.step, m.field) for m in missing]


def sealing_gaps(visit, now=NOW, **kw):
    """The (step, field) of each gap; every gap must also say it in both languages."""
    missing = missing_for_seal(visit, CC, now, **kw)
    for m in missing:
        assert isinstance(m.message_zh, str) and isinstance(m.message_en, str), m
        assert m.message_zh and m.message_en and m.message_zh != m.message_en, m
        assert "None" not in m.message_zh + m.message_en, m  # no Python value leaks into words
    return fields(missing)


def chinese_only(text):
    """No Latin letters: a Chinese message that names a field in English mixes languages."""
    return re.search("[A-Za-z]", text) is None


@pytest.mark.parametrize("attr, field", [
    ("ticket", "ticket"), ("resident_name", "resident_name"), ("company", "company"),
    ("inspector", "inspector")])
@pytest.mark.parametrize("blank", ["", "   ", None])
def test_each_required_detail_is_named(attr, field, blank):
    visit = complete()
    setattr(visit, attr, blank)
    assert sealing_gaps(visit) == [("details", field)]


@pytest.mark.parametrize("part", ["street", "building", "flat"])
def test_each_part_of_the_address_is_named(part):
    visit = complete()
    setattr(visit.address, part, "")
    assert sealing_gaps(visit) == [("details", f"address.{part}")]


@pytest.mark.parametrize("attr, value, field", [
    ("channel", "fax", "channel"), ("resident_phone", "123", "resident_phone"),
    ("heated_area_m2", 0.0, "heated_area_m2"), ("heated_area_m2", 900.0, "heated_area_m2"),
    ("position", ["top", "cellar"], "position"), ("outdoor_temp_c", None, "outdoor_temp_c"),
    ("outdoor_temp_c", -80.0, "outdoor_temp_c")])
def test_each_bad_detail_is_named(attr, value, field):
    visit = complete()
    setattr(visit, attr, value)
    assert sealing_gaps(visit) == [("details", field)]


def test_every_gap_of_the_details_is_listed_not_just_the_first():
    visit = complete()
    visit.ticket, visit.company, visit.channel, visit.outdoor_temp_c = "", "", "fax", None
    assert sealing_gaps(visit) == [("details", "ticket"), ("details", "company"),
                                   ("details", "channel"), ("details", "outdoor_temp_c")]


@pytest.mark.parametrize("attr, step", [("complaint_at", "details"), ("contact_at", "details"),
                                        ("arrival_at", "details"),
                                        ("test_at", "preconditions")])
def test_a_missing_time_is_named_on_its_step(attr, step):
    visit = complete()
    setattr(visit, attr, None)
    assert sealing_gaps(visit) == [(step, attr)]
    by_step = missing_by_step(visit, CC, NOW)
    assert [m.field for m in by_step[step]] == [attr]


def test_without_a_test_start_the_certificate_and_closing_time_are_not_judged():
    visit = complete()
    visit.test_at = None
    visit.instrument.certificate_expiry = T0.date() - timedelta(days=1)
    visit.closed_since = T0 + timedelta(hours=5)
    assert sealing_gaps(visit, now=T0 + timedelta(hours=6)) == [("preconditions", "test_at")]


def test_a_time_exactly_at_the_allowed_clock_skew_is_accepted():
    visit = complete()
    latest = max(visit.complaint_at, visit.contact_at, visit.arrival_at, visit.test_at)
    assert sealing_gaps(visit, now=latest - CLOCK_SKEW) == []
    assert sealing_gaps(visit, now=latest - CLOCK_SKEW - timedelta(seconds=1)) == [
        ("details", "test_at")]


def test_equal_times_are_in_order_and_a_late_step_is_named_once():
    visit = complete()
    visit.contact_at = visit.complaint_at
    assert sealing_gaps(visit) == []
    visit.contact_at = visit.complaint_at - timedelta(seconds=1)
    assert sealing_gaps(visit) == [("details", "contact_at")]
    (late,) = missing_for_seal(visit, CC, NOW)
    assert chinese_only(late.message_zh), late.message_zh


def test_order_is_checked_against_the_previous_given_time_across_a_missing_one():
    visit = complete()
    visit.contact_at = None
    visit.arrival_at = visit.complaint_at - timedelta(minutes=1)
    assert sealing_gaps(visit) == [("details", "contact_at"), ("details", "arrival_at")]


@pytest.mark.parametrize("part", ["model", "serial", "certificate_no"])
def test_each_part_of_the_instrument_is_named_even_in_training(part):
    visit = complete()
    visit.training = True
    setattr(visit.instrument, part, "")
    assert sealing_gaps(visit) == [("instrument", f"instrument.{part}")]


def test_a_certificate_valid_on_the_test_day_is_enough():
    visit = complete()
    visit.instrument.certificate_expiry = visit.test_at.date()
    assert sealing_gaps(visit) == []
    visit.instrument.certificate_expiry = None
    assert sealing_gaps(visit) == [("instrument", "instrument.certificate_expiry")]


def test_each_unmet_precondition_is_named_unless_an_exemption_is_ticked():
    visit = complete()
    visit.preconditions["heating_running"] = False
    del visit.preconditions["no_extra_heat"]
    assert sealing_gaps(visit) == [("preconditions", "preconditions.heating_running"),
                                   ("preconditions", "preconditions.no_extra_heat")]
    visit.exemptions = [CC.exemptions[0].key]
    assert sealing_gaps(visit) == []


def test_an_unknown_exemption_is_named():
    visit = complete()
    visit.exemptions = ["bribed", CC.exemptions[0].key]
    assert sealing_gaps(visit) == [("preconditions", "exemptions")]


def test_doors_and_windows_closed_exactly_the_profile_s_minutes_is_enough():
    visit = complete()
    need = timedelta(minutes=CC.min_closed_minutes)
    visit.closed_since = visit.test_at - need
    assert sealing_gaps(visit) == []
    visit.closed_since = visit.test_at - need + timedelta(seconds=1)
    assert sealing_gaps(visit) == [("preconditions", "closed_since")]
    visit.closed_since = None
    assert sealing_gaps(visit) == [("preconditions", "closed_since")]


def test_rooms_need_one_of_each_kind_the_profile_tests():
    visit = complete()
    rooms = visit.rooms
    visit.rooms = []
    assert sealing_gaps(visit) == [("rooms", "rooms"), ("rooms", "rooms.bedroom"),
                                   ("rooms", "rooms.living_room")]
    visit.rooms = [rooms[1]]
    assert sealing_gaps(visit) == [("rooms", "rooms.bedroom")]
    (gap,) = missing_for_seal(visit, CC, NOW)
    assert chinese_only(gap.message_zh) and "卧室" in gap.message_zh, gap.message_zh
    assert "bedroom" in gap.message_en
    visit.rooms = [rooms[0], flat(CC, "other", 9.0, 17.0)]
    assert sealing_gaps(visit) == [("rooms", "rooms.living_room")]


def test_a_point_needs_all_its_official_readings():
    visit = complete()
    point = visit.rooms[0].points[0]
    point.samples[-1].captured = 0  # two official readings of three
    assert sealing_gaps(visit) == [("measure", f"room.{visit.rooms[0].id}")]
    visit.rooms[1].points.pop()  # a planned point never measured at all
    assert sealing_gaps(visit) == [("measure", f"room.{visit.rooms[0].id}"),
                                   ("measure", f"room.{visit.rooms[1].id}")]


def test_a_room_reports_how_many_of_its_points_are_not_measured():
    visit = complete()
    big = flat(CC, "bedroom", 60.0, 17.5)
    planned = len(big.points)
    assert planned >= 3
    big.points[0].samples.clear()
    visit.rooms.append(big)
    assert sealing_gaps(visit) == [("measure", f"room.{big.id}")]
    (gap,) = missing_for_seal(visit, CC, NOW)
    assert re.search(rf"\b1 of {planned}\b", gap.message_en), gap.message_en
    assert re.search(rf"{planned}\D+1\D", gap.message_zh), gap.message_zh
    visit.rooms = visit.rooms[:2]
    assert sealing_gaps(visit, refused_with_witness=True) == []


def test_a_witnessed_refusal_waives_preconditions_rooms_and_measuring_not_the_rest():
    visit = complete()
    visit.rooms[0].points[0].samples.clear()
    assert sealing_gaps(visit) == [("measure", f"room.{visit.rooms[0].id}")]
    assert sealing_gaps(visit, refused_with_witness=True) == []
    visit.rooms = []
    visit.test_at = None
    visit.closed_since = None
    visit.preconditions["heating_running"] = False
    assert sealing_gaps(visit, refused_with_witness=True) == []
    assert {step for step, _ in sealing_gaps(visit)} == {"preconditions", "rooms"}
    visit.ticket = ""
    visit.instrument.serial = ""
    assert sealing_gaps(visit, refused_with_witness=True) == [
        ("instrument", "instrument.serial"), ("details", "ticket")]


def test_gaps_are_listed_in_the_order_of_the_wizard_s_steps():
    visit = complete()
    visit.rooms[1].points[0].samples.clear()
    visit.rooms.pop(0)
    visit.closed_since = None
    visit.ticket = ""
    visit.instrument.model = ""
    assert [step for step, _ in sealing_gaps(visit)] == [
        "instrument", "details", "preconditions", "rooms", "measure"]


def test_require_sealable_refuses_with_every_gap_and_names_the_first_field():
    visit = complete()
    assert require_sealable(visit, CC, NOW) is None
    visit.ticket, visit.instrument.serial = "", ""
    with pytest.raises(IncompleteVisit) as refused:
        require_sealable(visit, CC, NOW)
    assert [m.field for m in refused.value.missing] == ["instrument.serial", "ticket"]
    assert refused.value.field == "instrument.serial"
    for m in refused.value.missing:
        assert m.message_zh in refused.value.message_zh
        assert m.message_en in refused.value.message_en
    visit.ticket, visit.instrument.serial, visit.rooms = "x", "x", []
    with pytest.raises(IncompleteVisit):
        require_sealable(visit, CC, NOW)
    assert require_sealable(visit, CC, NOW, refused_with_witness=True) is None


def test_a_missing_item_speaks_the_language_asked_for():
    visit = complete()
    visit.ticket = ""
    (gap,) = missing_for_seal(visit, CC, NOW)
    assert gap.message("zh") == gap.message_zh and gap.message() == gap.message_zh
    assert gap.message("en") == gap.message_en != gap.message_zh


def test_an_empty_refusal_names_no_field():
    assert IncompleteVisit([]).field is None
