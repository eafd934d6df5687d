from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.core.profile import load_profile
from inspector_app.core.stability import (
    CAPTURING,
    DONE,
    SETTLING,
    StabilityRule,
    StabilityStatus,
    StabilityTracker,
)

RULE = StabilityRule(window_s=600, tolerance_c=Decimal("0.2"), readings=3, spacing_s=60)


def feed_series(tracker, series):
    status = None
    for t, v in series:
        status = tracker.feed(t, v)
    return status


def test_steady_air_is_stable_after_ten_minutes_then_reads_three_times_a_minute_apart():
    tracker = StabilityTracker(RULE)
    status = feed_series(tracker, [(t, 18.0 + (0.1 if t % 20 else 0)) for t in range(0, 600, 10)])
    assert status.state == SETTLING and 0.45 < status.progress < 0.5
    status = tracker.feed(600, 18.0)
    assert status.state == CAPTURING and tracker.stable_at == 600
    status = feed_series(tracker, [(t, 18.1) for t in range(610, 721, 10)])
    assert status.state == DONE
    assert [t for t, _ in status.captured] == [600, 660, 720]
    assert [v for _, v in status.captured] == [Decimal("18.0"), Decimal("18.1"), Decimal("18.1")]


def test_warming_air_is_not_stable_until_it_settles():
    tracker = StabilityTracker(RULE)
    # rises 0.1 °C a minute for 20 min: never ≤0.2 over 10 min
    status = feed_series(tracker, [(t, 16.0 + 0.1 * (t // 60)) for t in range(0, 1200, 10)])
    assert status.state == SETTLING and status.window_covered_s < 600
    # then flat at 18.5: stable exactly ten minutes after the jump
    status = feed_series(tracker, [(t, 18.5) for t in range(1200, 1810, 10)])
    assert status.state == CAPTURING
    assert tracker.stable_at == 1800


def test_a_disturbance_during_capture_throws_the_captures_away():
    tracker = StabilityTracker(RULE)
    feed_series(tracker, [(t, 18.0) for t in range(0, 670, 10)])
    assert len(tracker.status.captured) == 2
    status = tracker.feed(680, 18.5)  # a door opened
    assert status.restarted and status.captured == [] and status.state == SETTLING


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(min_value=0.5, max_value=120),
                          st.integers(min_value=150, max_value=210)), min_size=1, max_size=120))
def test_every_capture_was_taken_in_a_settled_window(steps):
    tracker = StabilityTracker(RULE)
    t = 0.0
    history: list[tuple[float, Decimal]] = []
    for dt, tenths in steps:
        t += dt
        value = Decimal(tenths) / 10
        history.append((t, value))
        status = tracker.feed(t, value)
        for ct, cv in status.captured:
            assert (ct, cv) in history
        if status.state != SETTLING:
            stable_at = tracker.stable_at
            assert stable_at is not None
            # the ten minutes before stability (anchored at the last sample at or before the
            # window start) stayed within tolerance
            inside = [v for (ht, v) in history if stable_at - RULE.window_s <= ht <= stable_at]
            before = [v for (ht, v) in history if ht < stable_at - RULE.window_s]
            window = inside + before[-1:]
            assert max(window) - min(window) <= RULE.tolerance_c
        if status.state == DONE:
            assert len(status.captured) == 3
            gaps = [b[0] - a[0] for a, b in zip(status.captured, status.captured[1:])]
            assert all(g >= RULE.spacing_s - 1e-9 for g in gaps)
            break


# -- behaviour found untested by mutation testing (issue #20) ---------------------------------

def test_rule_from_a_profile_takes_every_setting():
    profile = load_profile("changchun")
    rule = StabilityRule.from_profile(replace(profile, reading_spacing_s=45.0))
    assert rule == StabilityRule(profile.stability_window_s, profile.stability_tolerance_c,
                                 profile.readings_per_point, 45.0)


def test_a_new_tracker_is_settling_with_nothing_known():
    tracker = StabilityTracker(RULE)
    assert tracker.status == StabilityStatus(SETTLING, 0.0, None, 0.0, [], False)
    assert tracker.stable_at is None
    first = tracker.feed(0, 18.0)
    assert first == StabilityStatus(SETTLING, 0.0, Decimal(0), 0.0, [], False)


def test_span_and_progress_while_settling_capturing_and_done():
    tracker = StabilityTracker(RULE)
    status = feed_series(tracker, [(0, 18.0), (150, 18.1), (300, 17.95)])
    assert status.span_c == Decimal("0.15")
    assert status.progress == 0.25 and status.window_covered_s == 300
    status = tracker.feed(600, 18.0)
    assert (status.state, status.progress) == (CAPTURING, 0.5 + 0.5 / 3)
    status = tracker.feed(660, 18.0)
    assert (status.state, status.progress) == (CAPTURING, 0.5 + 0.5 * 2 / 3)
    assert not status.restarted
    status = tracker.feed(720, 18.0)
    assert (status.state, status.progress) == (DONE, 1.0)
    assert status.span_c == Decimal("0.15")  # 18.1 and 17.95 are still in the last ten minutes


def test_a_change_exactly_equal_to_the_tolerance_is_settled():
    tracker = StabilityTracker(RULE)
    status = feed_series(tracker, [(0, 18.0), (300, 18.2), (600, 18.0)])
    assert status.state == CAPTURING and status.span_c == RULE.tolerance_c
    tracker = StabilityTracker(RULE)
    status = feed_series(tracker, [(0, 18.0), (300, 18.21), (600, 18.0)])
    assert status.state == SETTLING


def test_equal_timestamps_are_accepted_earlier_ones_refused():
    tracker = StabilityTracker(RULE)
    tracker.feed(10, 18.0)
    assert tracker.feed(10, 18.1).span_c == Decimal("0.1")
    with pytest.raises(ValueError):
        tracker.feed(9.5, 18.0)


def test_the_sample_exactly_at_the_window_edge_anchors_the_window():
    """At t = 700 the window starts at 100: the sample at 100 is its anchor, the one at 0 goes."""
    tracker = StabilityTracker(RULE)
    status = feed_series(tracker, [(0, 17.0), (100, 18.0), (700, 18.0)])
    assert status.span_c == 0
    assert status.window_covered_s == 600 and status.state == CAPTURING


def test_a_start_time_before_the_first_sample_counts_from_the_start():
    """The wait counts from `start_t`, not from an earlier sample (the probe was not there)."""
    tracker = StabilityTracker(RULE, start_t=50)
    status = feed_series(tracker, [(t, 18.0) for t in range(0, 610, 10)])
    assert status.state == SETTLING and status.window_covered_s == 550
    assert tracker.feed(650, 18.0).state == CAPTURING and tracker.stable_at == 650
