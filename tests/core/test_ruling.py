"""The refund ruling: worked numbers per city, the refusals, and properties of the sum."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, RefundBand, load_profile
from inspector_app.core.ruling import (
    REASONS,
    Ruling,
    RulingInput,
    band_label,
    compute_ruling,
    default_inputs,
)
from inspector_app.core.verdict import visit_result
from tests.core.helpers import flat, visit_with

CC = load_profile("changchun")
TJ = load_profile("tianjin")
CC_FEE = Decimal("0.1607")          # 27 / 168 = 0.160714… to 4 places


def make_envelope(profile: Profile, *rooms, training: bool = False, refused: bool = False,
                  complaint_at: str | None = "2026-11-20T21:40:00+08:00",
                  test_at: str = "2026-11-26T09:15:00+08:00") -> dict:
    """A sealed-record envelope shaped as docs/record-format.md, the result from the real core."""
    v = visit_with(profile, *rooms)
    result = visit_result(profile, v)
    refusal = ({"reason": "不同意检测时间", "witness_name": "赵丽", "witness_role": "社区工作人员",
                "witness": {"signer_name": "赵丽", "role": "witness"}} if refused else None)
    record = {
        "format": "heating-inspection-record/1", "record_id": v.id, "training": training,
        "visit": {"id": v.id, "training": training, "complaint_at": complaint_at,
                  "test_at": test_at},
        "result": result.to_dict(),
        "profile": {"name": profile.name, "version": profile.version,
                    "title_zh": profile.title_zh, "min_temp_c": str(profile.min_temp_c),
                    "sources": dict(profile.sources)},
        "signatures": {"inspector": {"signer_name": "王建国"},
                       "resident": None if refused else {"signer_name": "李秀兰"},
                       "refusal": refusal},
    }
    digest = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    return {"record": record, "sha256": digest, "signature": ""}


def cc_cold_bedroom(temp: float = 15.0, **kw) -> dict:
    return make_envelope(CC, flat(CC, "bedroom", 12, temp), flat(CC, "living_room", 20, 18.5),
                         **kw)


# -- worked numbers ------------------------------------------------------------------------

def test_changchun_worked_example_matches_the_verdict_module():
    """tests/core/test_verdict.py: 12 m² bedroom at 15.0 °C → band 60 %, 1.16 yuan a day."""
    env = cc_cold_bedroom()
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    bedroom, living = ruling.rooms
    assert bedroom.band == "14.0–<16.0 °C" and bedroom.share == Decimal("0.6")
    assert bedroom.per_day == Decimal("1.16")            # 0.1607 × 12 × 0.6 = 1.15704
    assert bedroom.amount == Decimal("11.60")
    assert living.verdict == "pass" and living.band == "" and living.per_day == 0
    assert ruling.per_day_total == Decimal("1.16") == Decimal(
        env["record"]["result"]["refund_per_day"])
    assert ruling.amount_total == Decimal("11.60")
    assert (ruling.decision, ruling.reason_code) == ("refund", "refund")
    assert ruling.record_sha256 == env["sha256"] and ruling.notes == ()


def test_exact_fee_and_two_failing_rooms_are_summed_room_by_room():
    env = make_envelope(CC, flat(CC, "bedroom", 14.2, 17.2), flat(CC, "living_room", 20, 18.5),
                        flat(CC, "bedroom", 10.8, 13.9))
    ruling = compute_ruling(env, CC, RulingInput(Decimal(27) / Decimal(168), 30))
    first, _, third = ruling.rooms
    assert (first.band, first.share, first.per_day) == ("16.0–<18.0 °C", Decimal("0.3"),
                                                       Decimal("0.68"))      # 0.6846
    assert (third.band, third.share, third.per_day) == ("<14.0 °C", Decimal("1.0"),
                                                       Decimal("1.74"))      # 1.7357
    assert ruling.per_day_total == Decimal("2.42")
    assert first.amount == Decimal("20.40") and third.amount == Decimal("52.20")
    assert ruling.amount_total == Decimal("72.60")


def test_a_half_fen_is_rounded_up_not_to_even():
    env = make_envelope(CC, flat(CC, "bedroom", 10, 13.0), flat(CC, "living_room", 20, 18.5))
    ruling = compute_ruling(env, CC, RulingInput(Decimal("0.0365"), 3))
    assert ruling.rooms[0].per_day == Decimal("0.37")         # 0.0365 × 10 × 1.0 = 0.365
    assert ruling.amount_total == Decimal("1.11")


def test_tianjin_bands_count_degrees_below_the_standard():
    # fee 25/121 = 0.2066; 17.0 °C is 1.0 below (10 %), 16.0 exactly 2.0 below (10 %),
    # 14.0 is 4.0 below (50 %), 11.5 is 6.5 below (100 %).
    env = make_envelope(TJ, flat(TJ, "bedroom", 10, 17.0), flat(TJ, "bedroom", 8, 16.0),
                        flat(TJ, "bedroom", 15, 14.0), flat(TJ, "living_room", 20, 11.5))
    inputs = default_inputs(env, TJ, date(2026, 11, 26))
    assert inputs.daily_fee_per_m2 == Decimal("0.2066")
    ruling = compute_ruling(env, TJ, RulingInput(inputs.daily_fee_per_m2, 5))
    assert [r.band for r in ruling.rooms] == ["低于标准 ≤2.0 °C", "低于标准 ≤2.0 °C",
                                              "低于标准 2.0–6.0 °C", "低于标准 >6.0 °C"]
    assert [r.share for r in ruling.rooms] == [Decimal("0.1"), Decimal("0.1"), Decimal("0.5"),
                                               Decimal("1.0")]
    # 0.2066: ×10×0.1 = 0.2066; ×8×0.1 = 0.16528; ×15×0.5 = 1.5495; ×20×1 = 4.132
    assert [r.per_day for r in ruling.rooms] == [Decimal("0.21"), Decimal("0.17"),
                                                 Decimal("1.55"), Decimal("4.13")]
    assert ruling.per_day_total == Decimal("6.06")
    assert ruling.amount_total == Decimal("30.30")


def test_band_labels_for_open_ended_bands():
    assert band_label(CC, CC.refund_bands[0]) == "16.0–<18.0 °C"
    assert band_label(CC, CC.refund_bands[2]) == "<14.0 °C"
    assert band_label(CC, None) == ""
    assert band_label(TJ, TJ.refund_bands[2]) == "低于标准 >6.0 °C"


# -- no refund -----------------------------------------------------------------------------

def test_all_rooms_pass_is_no_refund():
    env = make_envelope(CC, flat(CC, "bedroom", 12, 18.0), flat(CC, "living_room", 20, 19.1))
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 30))
    assert (ruling.decision, ruling.reason_code) == ("no_refund", "all_rooms_pass")
    assert ruling.amount_total == ruling.per_day_total == 0
    assert all(r.band == "" and r.share == 0 for r in ruling.rooms)


def test_refusal_counts_the_day_as_passing():
    env = cc_cold_bedroom(refused=True)
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    assert (ruling.decision, ruling.reason_code) == ("no_refund", "resident_refused")
    assert ruling.amount_total == 0 and ruling.rooms[0].band == "14.0–<16.0 °C"
    assert ruling.rooms[0].share == 0 and "resident_refused" in ruling.notes


def test_refusal_under_a_profile_that_counts_it_as_failing_still_refunds():
    strict = replace(CC, refusal_day_counts_as="fail")
    ruling = compute_ruling(cc_cold_bedroom(refused=True), strict, RulingInput(CC_FEE, 10))
    assert (ruling.decision, ruling.amount_total) == ("refund", Decimal("11.60"))
    assert "refusal_counts_as_fail" in ruling.notes


def test_zero_days_is_no_refund_but_keeps_the_daily_sum():
    ruling = compute_ruling(cc_cold_bedroom(), CC, RulingInput(CC_FEE, 0))
    assert (ruling.decision, ruling.reason_code) == ("no_refund", "zero_days")
    assert ruling.per_day_total == Decimal("1.16") and ruling.amount_total == 0


def test_failing_room_outside_every_band_is_no_band():
    # Shenyang-like gap: a profile whose only band stops at 14 °C leaves 17 °C without a share.
    narrow = replace(CC, refund_bands=CC.refund_bands[2:])
    ruling = compute_ruling(cc_cold_bedroom(17.0), narrow, RulingInput(CC_FEE, 10))
    assert (ruling.decision, ruling.reason_code) == ("no_refund", "no_band")
    room_id = ruling.rooms[0].room_id
    assert f"no_band:{room_id}" in ruling.notes


def test_a_sum_that_rounds_to_nothing_is_not_a_refund():
    ruling = compute_ruling(cc_cold_bedroom(17.0), CC, RulingInput(Decimal("0.001"), 10))
    assert ruling.rooms[0].per_day == 0          # 0.001 × 12 × 0.3 = 0.0036
    assert (ruling.decision, ruling.reason_code) == ("no_refund", "no_band")
    assert "amount_rounds_to_zero" in ruling.notes


def test_a_newer_profile_version_is_allowed_and_noted():
    newer = replace(CC, version="2027.1")
    ruling = compute_ruling(cc_cold_bedroom(), newer, RulingInput(CC_FEE, 10))
    assert ruling.profile_version == "2027.1"
    assert ruling.notes == ("profile_version_differs:2026.1→2027.1",)
    assert ruling.amount_total == Decimal("11.60")


# -- refusals ------------------------------------------------------------------------------

def refusal(env: dict, profile: Profile = CC, inputs: RulingInput | None = None) -> InspectionError:
    with pytest.raises(InspectionError) as info:
        compute_ruling(env, profile, inputs or RulingInput(CC_FEE, 10))
    err = info.value
    assert err.message_zh and err.message_en and err.message_zh != err.message_en
    return err


def test_training_record_is_refused():
    err = refusal(cc_cold_bedroom(training=True))
    assert err.message_zh == "培训记录不能作为退费依据" and err.field == "training"


def test_a_training_office_may_rule_on_a_training_record_for_practice():
    ruling = compute_ruling(cc_cold_bedroom(training=True), CC, RulingInput(CC_FEE, 10),
                            training_office=True)
    assert ruling.notes[0] == "training"
    real = compute_ruling(cc_cold_bedroom(), CC, RulingInput(CC_FEE, 10))
    assert "training" not in real.notes and ruling.amount_total == real.amount_total


def test_incomplete_record_is_refused():
    env = make_envelope(CC, flat(CC, "bedroom", 12, 15.0))        # no living room
    assert env["record"]["result"]["verdict"] == "incomplete"
    err = refusal(env)
    assert err.field == "verdict" and "未完成" in err.message_zh and "incomplete" in err.message_en


def test_other_profile_is_refused():
    err = refusal(cc_cold_bedroom(), profile=TJ)
    assert err.field == "profile" and "changchun" in err.message_en


@pytest.mark.parametrize("broken", ["no_record", "no_result", "no_rooms"])
def test_envelope_without_a_result_is_refused(broken):
    env = copy.deepcopy(cc_cold_bedroom())
    if broken == "no_record":
        env = {"sha256": env["sha256"]}
    elif broken == "no_result":
        del env["record"]["result"]
    else:
        del env["record"]["result"]["rooms"]
    assert refusal(env).field == ("record" if broken == "no_record" else "result")


@pytest.mark.parametrize("fee", ["0", "-0.16", "100.01", "NaN", "Infinity"])
def test_bad_daily_fee_is_refused(fee):
    err = refusal(cc_cold_bedroom(), inputs=RulingInput(Decimal(fee), 10))
    assert err.field == "daily_fee_per_m2" and "日单价" in err.message_zh
    assert "daily fee" in err.message_en


def test_highest_daily_fee_is_accepted():
    assert compute_ruling(cc_cold_bedroom(), CC, RulingInput(Decimal(100), 1)).amount_total == \
        Decimal("720.00")


@pytest.mark.parametrize("days", [-1, CC.season_days + 1, True, 2.5])
def test_bad_failing_days_are_refused(days):
    err = refusal(cc_cold_bedroom(), inputs=RulingInput(CC_FEE, days))
    assert err.field == "failing_days" and "168" in err.message_zh and "168" in err.message_en


# -- default inputs ------------------------------------------------------------------------

def test_default_inputs_count_from_the_complaint_day_inclusive():
    env = cc_cold_bedroom()                           # complaint 2026-11-20, test 11-26
    inputs = default_inputs(env, CC, date(2026, 11, 29))
    assert inputs == RulingInput(Decimal("0.1607"), 10)


def test_default_inputs_fall_back_to_the_test_day_and_stay_in_range():
    env = cc_cold_bedroom(complaint_at=None)
    assert default_inputs(env, CC, date(2026, 11, 26)).failing_days == 1
    assert default_inputs(env, CC, date(2026, 11, 1)).failing_days == 1   # clock before test
    assert default_inputs(env, CC, date(2028, 1, 1)).failing_days == CC.season_days


# -- properties ----------------------------------------------------------------------------

FEES = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(100), places=4)
DAYS = st.integers(min_value=0, max_value=CC.season_days)
TEMPS = st.integers(min_value=80, max_value=230).map(lambda tenths: tenths / 10)
AREAS = st.integers(min_value=30, max_value=160).map(lambda tenths: tenths / 10)


@st.composite
def envelopes(draw: st.DrawFn) -> dict:
    bedroom = flat(CC, "bedroom", draw(AREAS), draw(TEMPS))
    living = flat(CC, "living_room", draw(AREAS), draw(TEMPS))
    return make_envelope(CC, bedroom, living, refused=draw(st.booleans()))


@settings(max_examples=60, deadline=None)
@given(envelopes(), FEES, DAYS, DAYS)
def test_amount_never_falls_with_more_days(env, fee, a, b):
    low, high = sorted((a, b))
    r_low = compute_ruling(env, CC, RulingInput(fee, low))
    r_high = compute_ruling(env, CC, RulingInput(fee, high))
    assert Decimal(0) <= r_low.amount_total <= r_high.amount_total
    assert r_high.amount_total == r_high.per_day_total * high
    assert (r_high.decision == "refund") == (r_high.amount_total > 0)
    assert r_high.reason_code in REASONS


@settings(max_examples=60, deadline=None)
@given(envelopes(), FEES, FEES, DAYS)
def test_amount_never_falls_with_a_higher_fee(env, a, b, days):
    low, high = sorted((a, b))
    r_low = compute_ruling(env, CC, RulingInput(low, days))
    r_high = compute_ruling(env, CC, RulingInput(high, days))
    assert Decimal(0) <= r_low.amount_total <= r_high.amount_total
    for lo, hi in zip(r_low.rooms, r_high.rooms, strict=True):
        assert Decimal(0) <= lo.per_day <= hi.per_day


@settings(max_examples=40, deadline=None)
@given(envelopes(), FEES)
def test_zero_days_never_refunds(env, fee):
    ruling = compute_ruling(env, CC, RulingInput(fee, 0))
    assert ruling.decision == "no_refund" and ruling.amount_total == 0
    assert all(r.amount == 0 for r in ruling.rooms)


@settings(max_examples=40, deadline=None)
@given(envelopes(), FEES, DAYS)
def test_to_dict_round_trips_through_json(env, fee, days):
    ruling = compute_ruling(env, CC, RulingInput(fee, days))
    data = json.loads(json.dumps(ruling.to_dict()))
    again = Ruling.from_dict(data)
    assert again == ruling and again.to_dict() == ruling.to_dict()
    assert isinstance(data["rooms"], list) and isinstance(data["amount_total"], str)
    assert set(data) == set(Ruling.__dataclass_fields__)


# -- behaviour found untested by mutation testing (issue #20) ---------------------------------

@pytest.mark.parametrize(("record_level", "visit_level"), [(True, False), (False, True)])
def test_a_record_flagged_training_at_one_level_only_is_refused(record_level, visit_level):
    """Either flag makes a training record: a forged or half-edited flag cannot buy a refund."""
    env = cc_cold_bedroom()
    env["record"]["training"] = record_level
    env["record"]["visit"]["training"] = visit_level
    assert refusal(env).field == "training"
    practice = compute_ruling(env, CC, RulingInput(CC_FEE, 10), training_office=True)
    assert practice.notes[0] == "training"


def test_the_training_note_comes_first():
    env = cc_cold_bedroom(training=True)
    env["record"]["profile"]["version"] = "old"
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10), training_office=True)
    assert ruling.notes == ("training", f"profile_version_differs:old→{CC.version}")


def test_a_non_envelope_is_refused_not_a_crash():
    for junk in ("not a record", None, ["record"]):
        err = refusal(junk)  # type: ignore[arg-type]
        assert err.field == "record"


@pytest.mark.parametrize("fee", [0.1607, "0.1607", 1])
def test_a_fee_that_is_not_a_decimal_is_taken_by_its_printed_value(fee):
    ruling = compute_ruling(cc_cold_bedroom(), CC, RulingInput(fee, 10))
    assert isinstance(ruling.daily_fee_per_m2, Decimal)
    assert ruling.daily_fee_per_m2 == Decimal(str(fee))


@pytest.mark.parametrize("fee", ["abc", None, "", object()])
def test_a_fee_that_is_not_a_number_is_refused(fee):
    err = refusal(cc_cold_bedroom(), inputs=RulingInput(fee, 10))
    assert err.field == "daily_fee_per_m2"


def test_failing_days_equal_to_the_season_are_accepted():
    ruling = compute_ruling(cc_cold_bedroom(), CC, RulingInput(CC_FEE, CC.season_days))
    assert ruling.failing_days == CC.season_days
    assert ruling.amount_total == Decimal("1.16") * CC.season_days


@pytest.mark.parametrize(("fee", "days", "total"), [
    ("0.0014", 1, "0.01"),   # 0.0014 × 12 × 0.6 = 0.01008 → 0.01 a day
    ("0.01", 5, "0.35"),     # 0.072 → 0.07 a day × 5
    ("0.1389", 1, "1.00"),   # 1.00008 → 1.00
])
def test_totals_between_one_fen_and_one_yuan_are_refunds(fee, days, total):
    ruling = compute_ruling(cc_cold_bedroom(), CC, RulingInput(Decimal(fee), days))
    assert ruling.amount_total == Decimal(total)
    assert (ruling.decision, ruling.reason_code) == ("refund", "refund")


def test_a_room_verdict_that_contradicts_its_mean_is_noted_and_not_refunded():
    """The sealed verdict is ruled on; a room whose mean says otherwise is noted, never paid."""
    env = cc_cold_bedroom()
    bedroom, living = env["record"]["result"]["rooms"]
    living["mean"] = "15.0"  # says pass
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    assert ruling.notes == (f"room_verdict_differs:{living['room_id']}",)
    assert ruling.rooms[1].mean_c == Decimal("15.0") and ruling.rooms[1].verdict == "pass"
    assert (ruling.rooms[1].band, ruling.rooms[1].share, ruling.rooms[1].per_day) == ("", 0, 0)
    assert ruling.per_day_total == Decimal("1.16")


def test_a_mean_exactly_at_the_standard_with_a_pass_is_consistent():
    env = cc_cold_bedroom()
    env["record"]["result"]["rooms"][1]["mean"] = str(CC.min_temp_c)
    assert compute_ruling(env, CC, RulingInput(CC_FEE, 10)).notes == ()


def test_rooms_without_a_mean_or_a_sealed_verdict_are_ruled_without_a_share():
    env = cc_cold_bedroom()
    bedroom, living = env["record"]["result"]["rooms"]
    bedroom_id = bedroom["room_id"]
    bedroom["mean"] = None                 # failing, yet no mean: no band can apply
    living["verdict"] = "incomplete"       # a mean but no pass/fail: nothing to compare
    living["mean"] = "15.0"
    del living["room_id"], living["name"], living["kind"], living["area_m2"]
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    assert ruling.notes == (f"no_band:{bedroom_id}",)
    first, second = ruling.rooms
    assert (first.mean_c, first.band, first.share) == (None, "", 0)
    assert (second.room_id, second.name, second.kind, second.area_m2) == ("", "", "", 0)
    assert (second.verdict, second.mean_c, second.per_day) == ("incomplete", Decimal("15.0"), 0)
    del bedroom["verdict"]
    assert compute_ruling(env, CC, RulingInput(CC_FEE, 10)).rooms[0].verdict == "incomplete"


def test_a_failing_room_without_an_id_is_noted_with_an_empty_id():
    env = cc_cold_bedroom()
    env["record"]["result"]["rooms"][0]["mean"] = None
    del env["record"]["result"]["rooms"][0]["room_id"]
    assert compute_ruling(env, CC, RulingInput(CC_FEE, 10)).notes == ("no_band:",)
    env["record"]["result"]["rooms"][1]["mean"] = "15.0"
    del env["record"]["result"]["rooms"][1]["room_id"]
    assert compute_ruling(env, CC, RulingInput(CC_FEE, 10)).notes == (
        "no_band:", "room_verdict_differs:")


def test_totals_are_in_fen_even_without_rooms():
    env = make_envelope(CC, flat(CC, "bedroom", 12, 18.0), flat(CC, "living_room", 20, 19.1))
    env["record"]["result"]["rooms"] = []
    shape = compute_ruling(env, CC, RulingInput(CC_FEE, 10)).to_dict()
    assert (shape["per_day_total"], shape["amount_total"]) == ("0.00", "0.00")


def test_ids_missing_from_the_envelope_are_empty_not_none():
    env = cc_cold_bedroom()
    del env["sha256"], env["record"]["record_id"]
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    assert (ruling.record_id, ruling.record_sha256) == ("", "")


def test_ruling_shape_notes_are_a_list_and_a_missing_mean_survives_the_round_trip():
    env = cc_cold_bedroom(training=True)
    env["record"]["result"]["rooms"][1]["mean"] = None
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10), training_office=True)
    shape = ruling.to_dict()
    assert shape["notes"] == ["training"] and isinstance(shape["notes"], list)
    assert shape["rooms"][1]["mean_c"] is None
    assert Ruling.from_dict(json.loads(json.dumps(shape))) == ruling


def test_band_labels_for_bands_open_at_both_ends():
    below = replace(TJ, refund_bands=(RefundBand(Decimal("1.0")),))
    assert band_label(below, below.refund_bands[0]) == "低于标准 >0 °C"
    above = RefundBand(Decimal("0.3"), from_c=Decimal("16"))
    assert band_label(CC, above) == "≥16.0 °C"
    assert band_label(CC, RefundBand(Decimal("0.3"))) == ""


def test_default_inputs_round_the_fee_half_up_and_survive_a_non_envelope():
    profile = replace(CC, season_fee_per_m2=Decimal("2.0001"), season_days=2)  # 1.00005 a day
    assert default_inputs(cc_cold_bedroom(), profile, date(2026, 11, 26)).daily_fee_per_m2 == (
        Decimal("1.0001"))
    assert default_inputs("junk", CC, date(2026, 11, 26)) == RulingInput(CC_FEE, 1)  # type: ignore[arg-type]


def test_the_ruling_names_the_record_and_its_rooms_as_sealed():
    env = make_envelope(CC, flat(CC, "bedroom", 12, 15.0), flat(CC, "living_room", 20, 18.5))
    env["record"]["result"]["rooms"][0]["name"] = "北卧"
    ruling = compute_ruling(env, CC, RulingInput(CC_FEE, 10))
    assert ruling.record_id == env["record"]["record_id"] != ""
    assert [(r.room_id, r.name, r.kind) for r in ruling.rooms] == [
        (r["room_id"], r["name"], r["kind"]) for r in env["record"]["result"]["rooms"]]
    assert [(r.name, r.kind) for r in ruling.rooms] == [("北卧", "bedroom"),
                                                        ("living_room", "living_room")]
