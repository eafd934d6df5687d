"""The synthetic season: counts, determinism by seed, the anomalies a real season has, and
daily aggregates equal to what the aggregator computes from the stored readings."""

from __future__ import annotations

from datetime import date, timedelta

from inspector_app.core.monitoring_quality import flag_series, gaps
from inspector_app.core.profile import DEFAULT_PROFILE, load_profile
from inspector_app.office.cli import main
from inspector_app.office.monitoring import aggregates, synth

PROFILE = load_profile(DEFAULT_PROFILE)
FIRST = date(2026, 10, 20)


def season(index: int, seed: int, days: int) -> list:
    point = synth.SynthPoint(synth.point_id(index), index, index, "h", "朝阳区", "长春热力")
    spells = synth._spells(seed, FIRST, days)
    return synth.readings_of(point, seed, FIRST, days, PROFILE.zone, spells)


def test_the_same_seed_gives_the_same_readings_and_another_seed_others():
    assert season(3, seed=7, days=20) == season(3, seed=7, days=20)
    assert season(3, seed=7, days=20) != season(3, seed=8, days=20)
    assert season(3, seed=7, days=20) != season(4, seed=7, days=20)


def test_a_season_has_gaps_spikes_flat_lines_and_error_codes():
    flags: set[str] = set()
    gapped = count = 0
    for index in range(1, 41):
        series = season(index, seed=1, days=60)
        count += len(series)
        found = flag_series(series, PROFILE.monitoring)
        flags.update(f for fs in found for f in fs)
        valid = [r.t for r, f in zip(series, found, strict=True) if not f]
        gapped += bool(gaps(valid, PROFILE.monitoring))
    assert {"out_of_range", "spike", "flat"} <= flags
    assert "duplicate" not in flags and "clock_drift" not in flags
    assert gapped >= 10 and count < 40 * 60 * 72


def test_five_points_three_days_counted_as_generated_and_aggregated_as_the_aggregator(store):
    result = synth.synthesize(store, 5, "2026-2027", days=3, seed=7, workers=2, block=2)
    days = [FIRST + timedelta(days=d) for d in range(3)]
    assert (result.points, result.days) == (5, 15)
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_points"
                           " WHERE calibration_ref = 'synthetic'") == 5
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_daily") == 15
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_dirty") == 0
    expected = 0
    with store.db.reading() as c:
        for index in range(1, 6):
            point = aggregates.point_by_id(c, synth.point_id(index))
            stored = aggregates.load_series(c, point, *_bounds())
            generated = season(index, seed=7, days=3)
            assert [(r.t, r.value_c, r.received_at) for r in stored] == [
                (r.t.astimezone(PROFILE.zone), r.value_c, r.received_at) for r in generated]
            expected += len(generated)
            computed = aggregates.compute_days(c, point, days, PROFILE)
            assert [synth.daily_row(point.point_no, a, "-")[:-1] for a in computed] == [
                _row(point.point_no, d) for d in aggregates.daily_rows(c, point, days[0],
                                                                       days[-1])]
    assert result.readings == expected == store.db.scalar(
        "SELECT COUNT(*) FROM monitoring_readings")


def _bounds():
    from datetime import datetime, time

    start = datetime.combine(FIRST, time(0), PROFILE.zone) - timedelta(days=1)
    return start, start + timedelta(days=5)


def _row(point_no: int, d: dict) -> tuple:
    import json

    return (point_no, d["day"], d["readings"], d["valid"], d["min_c"], d["mean_c"], d["max_c"],
            d["minutes_below"], d["coverage"], d["status"],
            json.dumps(d["flags"], sort_keys=True), d["digest"])


def test_the_command_refuses_a_second_season_and_bad_input(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "--lang", "en", "monitoring-synth", "--points", "2",
                 "--season", "2026-2027", "--days", "1"]) == 0
    assert "2 synthetic points" in capsys.readouterr().out
    assert main(["--db", db, "monitoring-synth", "--points", "2", "--season", "2026-2027",
                 "--days", "1"]) == 2
    assert "已有 2 个合成监测点" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "monitoring-synth", "--points", "2",
                 "--season", "2026-2028", "--days", "1"]) == 2
    assert "must be YYYY-YYYY" in capsys.readouterr().err
