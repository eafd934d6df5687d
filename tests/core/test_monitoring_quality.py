"""Quality flags on crafted series: each flag where it belongs and nowhere else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.monitoring_quality import MonitoringRule, Reading, flag_series, gaps

RULE = MonitoringRule()
START = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
STEP = timedelta(minutes=20)


def series(values: list[str | float], *, received_after: timedelta = timedelta(hours=1),
           step: timedelta = STEP) -> list[Reading]:
    return [Reading(START + i * step, Decimal(str(v)), START + i * step + received_after)
            for i, v in enumerate(values)]


def flagged(readings: list[Reading], **kw) -> dict[int, set[str]]:
    return {i: set(f) for i, f in enumerate(flag_series(readings, RULE, **kw)) if f}


def wavy(n: int, base: float = 19.0) -> list[float]:
    """A plausible room: small changes, never flat for long."""
    return [round(base + 0.1 * ((i * 7) % 5 - 2), 1) for i in range(n)]


def test_a_plausible_room_has_no_flags():
    assert flagged(series(wavy(72))) == {}


def test_values_outside_the_valid_range_are_flagged():
    values = wavy(10)
    values[3], values[6] = -20.1, 45.1
    assert flagged(series(values)) == {3: {"out_of_range"}, 6: {"out_of_range"}}
    assert flagged(series([44.8, 44.9, 45.0, 44.9, -19.9, -20.0, -19.8])) == {}   # the edges


def test_a_single_sample_spike_that_falls_back_is_flagged():
    values = wavy(12)
    values[5] = values[4] + 3.2
    assert flagged(series(values)) == {5: {"spike"}}


def test_a_jump_of_exactly_the_limit_is_no_spike():
    values = ["19.00", "19.01", "19.02", "22.02", "19.04", "19.05"]
    assert flagged(series(values)) == {}
    values[3] = "22.03"
    assert flagged(series(values)) == {3: {"spike"}}


def test_a_three_sample_dip_that_returns_is_a_spike_but_a_step_that_stays_is_not():
    dip = wavy(12)
    for i in (4, 5, 6):
        dip[i] = 14.5
    assert flagged(series(dip)) == {4: {"spike"}, 5: {"spike"}, 6: {"spike"}}
    step = wavy(6) + [14.0 + 0.1 * (i % 3) for i in range(6)]
    assert flagged(series(step)) == {}
    long_dip = wavy(4) + [14.0, 14.1, 14.0, 14.2] + wavy(4)   # four samples: a real change
    assert flagged(series(long_dip)) == {}


def test_a_change_across_a_gap_is_no_spike():
    readings = series([19.0, 19.1, 19.2]) + [
        Reading(START + timedelta(hours=5), Decimal("23.5"), START + timedelta(hours=6)),
        Reading(START + timedelta(hours=5, minutes=20), Decimal("19.1"),
                START + timedelta(hours=6))]
    assert "spike" not in str(flagged(readings))


def test_identical_values_for_more_than_twelve_hours_are_a_flat_line():
    twelve_hours = 12 * 3 + 1            # 37 samples span exactly 12 h: not more
    assert flagged(series(wavy(5) + [18.8] * twelve_hours + wavy(5, 20))) == {}
    flat = wavy(5) + [18.8] * (twelve_hours + 1) + wavy(5, 20)
    found = flagged(series(flat))
    assert sorted(found) == list(range(5, 5 + twelve_hours + 1))
    assert all(f == {"flat"} for f in found.values())


def test_readings_from_the_future_far_past_or_before_installation_are_clock_drift():
    readings = series(wavy(6))
    future = Reading(readings[2].t, readings[2].value_c, readings[2].t - timedelta(minutes=11))
    late = Reading(readings[3].t, readings[3].value_c, readings[3].t + timedelta(days=31))
    readings[2], readings[3] = future, late
    assert flagged(readings) == {2: {"clock_drift"}, 3: {"clock_drift"}}
    assert flagged(series(wavy(6)), installed_from=START + timedelta(minutes=30)) == {
        0: {"clock_drift"}, 1: {"clock_drift"}}


def test_a_conflicting_value_for_the_same_time_flags_the_reading_kept():
    readings = series(wavy(5))
    readings[1] = Reading(readings[1].t, readings[1].value_c, readings[1].received_at, True)
    assert flagged(readings) == {1: {"duplicate"}}


def test_a_bad_code_neither_makes_nor_hides_a_spike():
    values = wavy(8)
    values[3] = 85.0        # an error code: out of range, not a spike, neighbours clean
    assert flagged(series(values)) == {3: {"out_of_range"}}


def test_gaps_are_the_stretches_longer_than_two_hours_without_a_valid_reading():
    times = [START, START + timedelta(hours=2), START + timedelta(hours=4, minutes=1)]
    assert gaps(times, RULE) == [(times[1], times[2])]
    end = START + timedelta(hours=7)
    assert gaps(times, RULE, START - timedelta(hours=1), end) == [(times[1], times[2]),
                                                                   (times[2], end)]


@given(st.lists(st.decimals(min_value=-30, max_value=60, places=1), min_size=1, max_size=80),
       st.integers(min_value=1, max_value=120))
def test_flags_name_known_reasons_and_out_of_range_is_exactly_the_range(values, minutes):
    readings = [Reading(START + timedelta(minutes=minutes * i), v, None)
                for i, v in enumerate(values)]
    flags = flag_series(readings, RULE)
    assert len(flags) == len(readings)
    for r, f in zip(readings, flags, strict=True):
        assert f <= {"out_of_range", "clock_drift", "duplicate", "spike", "flat"}
        assert ("out_of_range" in f) == (not RULE.valid_min_c <= r.value_c <= RULE.valid_max_c)
        assert "clock_drift" not in f and "duplicate" not in f


@given(st.lists(st.decimals(min_value=15, max_value=25, places=1), min_size=3, max_size=60),
       st.integers(min_value=1, max_value=len(range(3)) - 1 + 40), st.sampled_from([-1, 1]))
def test_one_sample_jumping_far_and_back_is_always_found(values, where, sign):
    values = [Decimal("20.0") + (v - Decimal(20)) / 10 for v in values]   # within ±0.5
    where = 1 + where % (len(values) - 2)
    values[where] = values[where - 1] + sign * Decimal("6.0")
    readings = [Reading(START + STEP * i, v, None) for i, v in enumerate(values)]
    assert "spike" in flag_series(readings, RULE)[where]
