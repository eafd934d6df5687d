"""The refund estimate shown as a sum that adds up: area × daily fee × share = per day."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.decimal_math import round_to
from inspector_app.core.refund_terms import refund_terms


def _result(rooms: list[dict], fee: str = "0.1607") -> dict:
    return {"daily_fee_per_m2": fee, "rooms": rooms}


def test_the_issue_example_shows_the_band():
    result = _result([{"name": "卧室1", "area_m2": 12.0, "verdict": "fail", "band_share": "0.30",
                       "refund_per_day": "0.58"}])
    [term] = refund_terms(result)
    assert term.text("zh") == "12.0 m² × 0.1607 元/(m²·日) × 30 % = 0.58 元/日"
    assert term.text("en") == "12.0 m² × 0.1607 yuan/(m²·day) × 30 % = 0.58 yuan/day"
    assert term.room == "卧室1"


def test_passing_rooms_and_rooms_without_a_band_give_no_term():
    result = _result([{"name": "客厅", "area_m2": 20, "verdict": "pass", "band_share": "0",
                       "refund_per_day": "0"},
                      {"name": "卧室", "area_m2": 9.5, "verdict": "fail", "band_share": "0",
                       "refund_per_day": "0"}])
    assert refund_terms(result) == []
    assert refund_terms({"rooms": []}) == []


@given(area=st.decimals(min_value=Decimal("3"), max_value=Decimal("80"), places=1),
       share=st.sampled_from([Decimal("0.3"), Decimal("0.6"), Decimal("1"), Decimal("2")]),
       season_fee=st.decimals(min_value=Decimal("15"), max_value=Decimal("40"), places=1))
def test_the_printed_terms_multiply_to_the_printed_amount(area, share, season_fee):
    """The record keeps the exact fee (season fee / days) and prints it to 4 places, as the
    issue asks: the printed product is off the printed amount by at most the cent's rounding
    plus what the fee's fifth place can move (area × share × 0.00005), never by a missing
    factor as before."""
    exact_fee = season_fee / Decimal(168)
    per_day = round_to(exact_fee * area * share, 2, "half_up")
    result = _result([{"name": "R", "area_m2": float(area), "verdict": "fail",
                       "band_share": str(share), "refund_per_day": str(per_day)}],
                     fee=str(round_to(exact_fee, 4, "half_up")))
    [term] = refund_terms(result)
    printed = Decimal(term.area_m2) * Decimal(term.fee) * Decimal(term.share_pct) / 100
    bound = Decimal("0.005") + area * share * Decimal("0.00005")
    assert abs(printed - Decimal(term.per_day)) <= bound
