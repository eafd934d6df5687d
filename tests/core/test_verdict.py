from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.decimal_math import round_to
from inspector_app.core.profile import load_profile
from inspector_app.core.verdict import FAIL, INCOMPLETE, PASS, band_for, visit_result
from tests.core.helpers import flat, room, visit_with

CC = load_profile("changchun")


def test_room_mean_is_judged_on_the_shown_value_half_even():
    # 17.95 is shown as 18.0 under GB/T 8170, so it passes; 17.94 is shown as 17.9 and fails.
    passing = room(CC, "bedroom", 12, [[17.9, 18.0, 17.95]])  # mean 17.95
    failing = room(CC, "bedroom", 12, [[17.9, 17.95, 17.97]])  # mean 17.94
    r_pass = visit_result(CC, visit_with(CC, passing, flat(CC, "living_room", 15, 18.0)))
    r_fail = visit_result(CC, visit_with(CC, failing, flat(CC, "living_room", 15, 18.0)))
    assert r_pass.rooms[0].mean == Decimal("18.0") and r_pass.rooms[0].verdict == PASS
    assert r_fail.rooms[0].mean == Decimal("17.9") and r_fail.rooms[0].verdict == FAIL
    assert r_pass.verdict == PASS and r_fail.verdict == FAIL
    assert r_pass.rooms[1].mean == Decimal("18.0")


def test_half_even_rounding_of_ties():
    assert round_to(Decimal("17.95")) == Decimal("18.0")
    assert round_to(Decimal("17.85")) == Decimal("17.8")
    assert round_to(Decimal("17.85"), mode="half_up") == Decimal("17.9")


def test_five_point_room_mean_of_point_means():
    big = room(CC, "living_room", 20, [[17.0, 17.2, 17.1], [18.0] * 3, [18.3] * 3, [17.5] * 3,
                                       [17.6, 17.7, 17.8]])
    result = visit_result(CC, visit_with(CC, flat(CC, "bedroom", 10, 19.0), big))
    living = result.rooms[1]
    assert [p.mean for p in living.points] == [Decimal("17.1"), Decimal("18.0"), Decimal("18.3"),
                                               Decimal("17.5"), Decimal("17.7")]
    assert living.mean == Decimal("17.7")  # 88.6 / 5 = 17.72
    assert living.verdict == FAIL and result.lowest is living


def test_changchun_refund_worked_example():
    # bedroom 12 m² at 15.0 °C: band 14–<16 → 60 %; daily fee 27/168 yuan/m².
    result = visit_result(CC, visit_with(CC, flat(CC, "bedroom", 12, 15.0),
                                         flat(CC, "living_room", 20, 18.5)))
    bedroom = result.rooms[0]
    assert bedroom.band_share == Decimal("0.6")
    # 27/168 × 12 × 0.6 = 1.157142… → 1.16 yuan per day
    assert bedroom.refund_per_day == Decimal("1.16")
    assert result.refund_per_day == Decimal("1.16")
    assert result.failing_area_m2 == Decimal("12.0")
    assert result.refund_for_days(10) == Decimal("11.60")
    assert result.verdict == FAIL


def test_missing_living_room_leaves_the_visit_incomplete():
    result = visit_result(CC, visit_with(CC, flat(CC, "bedroom", 12, 19.0)))
    assert result.verdict == INCOMPLETE
    assert "missing_room:living_room" in result.notes


def test_unmeasured_point_leaves_room_incomplete():
    r = flat(CC, "bedroom", 12, 19.0)
    r.points[0].samples = r.points[0].samples[:2]
    result = visit_result(CC, visit_with(CC, r, flat(CC, "living_room", 12, 19.0)))
    assert result.rooms[0].verdict == INCOMPLETE and result.verdict == INCOMPLETE


# Each profile's band edges: (profile, shown temperature, expected share or None).
EDGES = [
    ("changchun", "18.0", None), ("changchun", "17.9", "0.3"), ("changchun", "16.0", "0.3"),
    ("changchun", "15.9", "0.6"), ("changchun", "14.0", "0.6"), ("changchun", "13.9", "1.0"),
    ("harbin", "17.9", "0.3"), ("harbin", "16.0", "0.3"), ("harbin", "15.9", "0.5"),
    ("harbin", "14.0", "0.5"), ("harbin", "13.9", "1.0"),
    ("heilongjiang-2021", "20.0", None), ("heilongjiang-2021", "19.9", "0.1"),
    ("heilongjiang-2021", "18.0", "0.1"), ("heilongjiang-2021", "17.9", "0.3"),
    ("heilongjiang-2021", "16.0", "0.3"), ("heilongjiang-2021", "15.9", "0.5"),
    ("heilongjiang-2021", "14.0", "0.5"), ("heilongjiang-2021", "13.9", "1.0"),
    ("tianjin", "18.0", None), ("tianjin", "17.9", "0.1"), ("tianjin", "16.0", "0.1"),
    ("tianjin", "15.9", "0.5"), ("tianjin", "12.0", "0.5"), ("tianjin", "11.9", "1.0"),
    ("shenyang", "17.9", "0.5"), ("shenyang", "13.0", "0.5"), ("shenyang", "12.9", "1.0"),
    ("jinan", "17.9", None), ("jinan", "16.0", None), ("jinan", "15.9", "0.5"),
    ("jinan", "14.0", "0.5"), ("jinan", "13.9", "1.0"),
]


@pytest.mark.parametrize(("name", "shown", "share"), EDGES)
def test_refund_band_edges(name, shown, share):
    band = band_for(load_profile(name), Decimal(shown))
    assert (band.share if band else None) == (Decimal(share) if share else None)


def test_failing_room_with_no_band_is_noted():
    jinan = load_profile("jinan")
    result = visit_result(jinan, visit_with(jinan, flat(jinan, "bedroom", 12, 17.0),
                                            flat(jinan, "living_room", 12, 18.0)))
    assert result.rooms[0].verdict == FAIL and result.refund_per_day == 0
    assert any(n.startswith("no_band:") for n in result.notes)


@given(st.lists(st.integers(min_value=100, max_value=300), min_size=3, max_size=3),
       st.sampled_from(["changchun", "harbin", "heilongjiang-2021", "tianjin", "shenyang",
                        "jinan"]))
def test_verdict_and_refund_are_consistent(tenths, name):
    profile = load_profile(name)
    values = [t / 10 for t in tenths]
    r = room(profile, "bedroom", 12, [values])
    result = visit_result(profile, visit_with(profile, r, flat(profile, "living_room", 12, 25.0)))
    shown = result.rooms[0].mean
    assert (result.rooms[0].verdict == PASS) == (shown >= profile.min_temp_c)
    assert (result.verdict == PASS) == (result.rooms[0].verdict == PASS)
    assert result.refund_per_day >= 0
    if result.rooms[0].verdict == PASS:
        assert result.refund_per_day == 0
    # colder never refunds less
    colder = room(profile, "bedroom", 12, [[v - 1 for v in values]])
    worse = visit_result(profile, visit_with(profile, colder,
                                             flat(profile, "living_room", 12, 25.0)))
    assert worse.refund_per_day >= result.refund_per_day


# -- behaviour found untested by mutation testing (issue #20) ---------------------------------

def test_sealed_result_shape_is_exact():
    """`to_dict` is what gets sealed: every key, its name and its value's form are fixed."""
    bedroom = room(CC, "bedroom", 12, [[15.0, 15.1, 14.9]], name="主卧")
    living = flat(CC, "living_room", 20, 18.5)
    result = visit_result(CC, visit_with(CC, bedroom, living))
    bedroom_id, living_id = bedroom.id, living.id
    assert result.to_dict() == {
        "verdict": "fail",
        "lowest_room_id": bedroom_id,
        "failing_area_m2": "12",
        "daily_fee_per_m2": "0.1607",
        "refund_per_day": "1.16",
        "notes": [],
        "rooms": [
            {"room_id": bedroom_id, "kind": "bedroom", "name": "主卧", "area_m2": 12,
             "points_required": 1, "mean": "15.0", "verdict": "fail", "band_share": "0.6",
             "refund_per_day": "1.16",
             "points": [{"index": 1, "readings": ["15.0", "15.1", "14.9"], "mean": "15.0",
                         "manual": False}]},
            {"room_id": living_id, "kind": "living_room", "name": "living_room", "area_m2": 20,
             "points_required": 5, "mean": "18.5", "verdict": "pass", "band_share": "0",
             "refund_per_day": "0",
             "points": [{"index": i, "readings": ["18.5"] * 3, "mean": "18.5", "manual": False}
                        for i in range(1, 6)]},
        ],
    }


def test_incomplete_room_keeps_its_identity_and_unfinished_point():
    r = flat(CC, "bedroom", 12, 19.0)
    r.points[0].samples = r.points[0].samples[:2]
    r.points[0].samples[0].manual = True
    result = visit_result(CC, visit_with(CC, r, flat(CC, "living_room", 12, 19.0)))
    shape = result.to_dict()["rooms"][0]
    assert shape["room_id"] == r.id and shape["points_required"] == 1
    assert (shape["kind"], shape["name"], shape["area_m2"]) == ("bedroom", "bedroom", 12)
    assert shape["mean"] is None and shape["verdict"] == INCOMPLETE
    assert shape["points"] == [{"index": 1, "readings": ["19.0", "19.0"], "mean": None,
                                "manual": True}]


def test_a_visit_with_no_complete_room():
    r = flat(CC, "bedroom", 12, 19.0)
    r.points[0].samples = r.points[0].samples[:1]
    result = visit_result(CC, visit_with(CC, r))
    assert result.verdict == INCOMPLETE and result.lowest is None
    assert result.to_dict()["lowest_room_id"] is None
    assert result.failing_area_m2 == 0 and isinstance(result.failing_area_m2, Decimal)
    assert result.refund_per_day == 0 and isinstance(result.refund_per_day, Decimal)
    assert result.notes == ["missing_room:living_room"]


def test_no_rooms_at_all_is_incomplete_not_pass():
    result = visit_result(CC, visit_with(CC))
    assert result.verdict == INCOMPLETE and result.rooms == [] and result.lowest is None


def test_the_profile_rounding_rule_is_the_one_applied():
    """Every shipped profile rounds half-even; a profile saying half-up must get half-up."""
    half_up = replace(CC, rounding="half_up")
    r = room(CC, "bedroom", 12, [[17.8, 17.9, 17.85]])  # mean 17.85
    assert visit_result(CC, visit_with(CC, r)).rooms[0].mean == Decimal("17.8")
    assert visit_result(half_up, visit_with(half_up, r)).rooms[0].mean == Decimal("17.9")


def test_a_half_fen_refund_rounds_up():
    """fee × area × share = 1.125 yuan exactly: the refund is 1.13 (half-up), not 1.12."""
    profile = replace(CC, season_fee_per_m2=Decimal("30.0"), season_days=160)  # 0.1875 a day
    r = flat(profile, "bedroom", 10, 15.0)  # band 14–<16: 60 %
    result = visit_result(profile, visit_with(profile, r, flat(profile, "living_room", 12, 19)))
    assert result.rooms[0].refund_per_day == Decimal("1.13")
    assert result.refund_per_day == Decimal("1.13")


def test_the_sealed_daily_fee_is_rounded_half_up_to_four_places():
    profile = replace(CC, season_fee_per_m2=Decimal("2.0001"), season_days=2)  # 1.00005 a day
    result = visit_result(profile, visit_with(profile, flat(profile, "bedroom", 12, 19.0)))
    assert result.to_dict()["daily_fee_per_m2"] == "1.0001"


def test_refund_for_days_is_in_fen():
    result = visit_result(CC, visit_with(CC, flat(CC, "bedroom", 12, 15.0),
                                         flat(CC, "living_room", 20, 18.5)))
    assert str(result.refund_for_days(10)) == "11.60"
    assert str(result.refund_for_days(0)) == "0.00"


def test_passing_rooms_carry_no_band_share():
    result = visit_result(CC, visit_with(CC, flat(CC, "bedroom", 12, 18.0),
                                         flat(CC, "living_room", 20, 18.5)))
    assert [(r.band_share, r.refund_per_day) for r in result.rooms] == [(0, 0), (0, 0)]
    assert result.verdict == PASS and result.failing_area_m2 == 0 and result.notes == []
