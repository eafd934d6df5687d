"""Ingestion exactly once, on both backends: repeats, conflicts, quarantine, company keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from inspector_app.office.monitoring.ingest import ingest, release_quarantined
from tests.monitoring.registered import add_point

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def rows(point: str, start: datetime, values: list[float], step_min: int = 20) -> list[dict]:
    return [{"point_id": point, "t": (start + timedelta(minutes=step_min * i)).isoformat(),
             "value_c": v} for i, v in enumerate(values)]


def stored(store, point: str) -> list[tuple[str, Decimal]]:
    out = store.db.query("SELECT r.t, r.value_c FROM monitoring_readings r JOIN"
                         " monitoring_points p ON p.point_no=r.point_no WHERE p.point_id=?"
                         " ORDER BY r.t", (point,))
    return [(str(t), Decimal(str(v))) for t, v in out]


def test_a_repeated_batch_is_stored_once(store):
    add_point(store, "P-1")
    batch = rows("P-1", NOW - timedelta(hours=3), [18.5, 18.6, 18.4, 18.7])
    first = ingest(store, batch, company="长春热力", source="http", now=NOW)
    again = ingest(store, batch, company="长春热力", source="http", now=NOW)
    assert (first.stored, first.repeated) == (4, 0)
    assert (again.stored, again.repeated, again.conflicts) == (0, 4, 0)
    assert [v for _t, v in stored(store, "P-1")] == [Decimal("18.5"), Decimal("18.6"),
                                                      Decimal("18.4"), Decimal("18.7")]
    last = store.db.query_one("SELECT last_t, last_received_at FROM monitoring_points")
    assert last[0] == "2026-12-03T00:00:00Z" and last[1] == "2026-12-03T02:00:00Z"


def test_the_same_instant_in_another_zone_is_the_same_reading(store):
    add_point(store, "P-1")
    t = NOW - timedelta(hours=1)
    one = ingest(store, [{"point_id": "P-1", "t": t.isoformat(), "value_c": 19}],
                 company=None, source="mqtt", now=NOW)
    two = ingest(store, [{"point_id": "P-1", "t": t.astimezone(UTC).isoformat()
                          .replace("+00:00", "Z"), "value_c": 19.0}],
                 company=None, source="mqtt", now=NOW)
    assert (one.stored, two.stored, two.repeated) == (1, 0, 1)


def test_another_value_for_a_stored_time_is_kept_aside_not_written_over(store):
    add_point(store, "P-1")
    t = (NOW - timedelta(hours=1)).isoformat()
    ingest(store, [{"point_id": "P-1", "t": t, "value_c": 19.5}], company=None,
           source="http", now=NOW)
    clash = ingest(store, [{"point_id": "P-1", "t": t, "value_c": 25.0},
                           {"point_id": "P-1", "t": t, "value_c": 25.0}],
                   company=None, source="http", now=NOW)
    assert (clash.stored, clash.conflicts, clash.repeated) == (0, 1, 1)
    assert [v for _t, v in stored(store, "P-1")] == [Decimal("19.5")]
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_conflicts") == 1
    again = ingest(store, [{"point_id": "P-1", "t": t, "value_c": 25.0}], company=None,
                   source="http", now=NOW)
    assert (again.conflicts, again.repeated) == (0, 1)


def test_bad_rows_are_refused_each_with_its_reason_and_the_rest_filed(store):
    add_point(store, "P-1")
    t = (NOW - timedelta(hours=1)).isoformat()
    result = ingest(store, [
        {"point_id": "P-1", "t": t, "value_c": 19.5},
        {"point_id": "P-1", "t": "2026-12-03 08:00", "value_c": 19.5},
        {"point_id": "P-1", "t": "2026-12-03T08:00:00", "value_c": 19.5},
        {"point_id": "P-1", "t": t, "value_c": "19.5"},
        {"point_id": "P-1", "t": t, "value_c": True},
        {"point_id": "P-1", "t": t, "value_c": float("nan")},
        {"point_id": "P-1", "t": t, "value_c": 1e6},
        {"point_id": "P 1!", "t": t, "value_c": 19},
        ["P-1", t, 19],
    ], company=None, source="http", now=NOW)
    assert result.stored == 1
    assert [(r.index, r.code) for r in result.refused] == [
        (1, "bad_time"), (2, "bad_time"), (3, "bad_value"), (4, "bad_value"),
        (5, "bad_value"), (6, "bad_value"), (7, "bad_point_id"), (8, "not_an_object")]
    assert all(r.zh and r.en for r in result.refused)


def test_unknown_removed_and_implausible_readings_are_quarantined_once_then_released(store):
    add_point(store, "P-OLD", removed_on="2026-11-30")
    t = (NOW - timedelta(hours=1)).isoformat()
    batch = [{"point_id": "P-NEW", "t": t, "value_c": 20.1},
             {"point_id": "P-OLD", "t": t, "value_c": 20.2},
             {"point_id": "P-OLD", "t": "2027-02-01T00:00:00+08:00", "value_c": 20.3}]
    first = ingest(store, batch, company=None, source="http", now=NOW)
    again = ingest(store, batch, company=None, source="http", now=NOW)
    assert (first.quarantined, again.quarantined, again.repeated) == (3, 0, 3)
    reasons = dict(store.db.query("SELECT value_c, reason FROM monitoring_quarantine"))
    assert reasons == {"20.1": "unknown_point", "20.2": "point_removed",
                       "20.3": "implausible_time"}
    add_point(store, "P-NEW")
    assert release_quarantined(store, ["P-NEW", "P-OLD"], NOW) == 1
    assert [v for _t, v in stored(store, "P-NEW")] == [Decimal("20.1")]
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_quarantine"
                           " WHERE released_at IS NULL") == 2
    assert release_quarantined(store, ["P-NEW"], NOW) == 0


def test_a_platform_files_only_its_own_company_s_points(store):
    add_point(store, "P-1", company="长春热力")
    t = (NOW - timedelta(hours=1)).isoformat()
    result = ingest(store, [{"point_id": "P-1", "t": t, "value_c": 20}],
                    company="吉林热电", source="http", now=NOW)
    assert result.stored == 0 and [r.code for r in result.refused] == [
        "point_of_another_company"]
    assert stored(store, "P-1") == []


def test_new_readings_mark_their_point_days_for_the_aggregator(store):
    add_point(store, "P-1")
    evening = datetime(2026, 12, 2, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    ingest(store, rows("P-1", evening, [19, 19.2]), company=None, source="http", now=NOW)
    days = [d for (d,) in store.db.query("SELECT day FROM monitoring_dirty ORDER BY day")]
    assert days == ["2026-12-02", "2026-12-03"]


def test_two_values_for_one_time_in_one_batch_store_the_first_and_keep_the_second(store):
    add_point(store, "P-1")
    t = (NOW - timedelta(hours=1)).isoformat()
    result = ingest(store, [{"point_id": "P-1", "t": t, "value_c": 19.5},
                            {"point_id": "P-1", "t": t, "value_c": 21.0}],
                    company=None, source="http", now=NOW)
    assert (result.stored, result.conflicts, result.repeated) == (1, 1, 0)
    assert [v for _t, v in stored(store, "P-1")] == [Decimal("19.5")]
    assert [str(v) for (v,) in store.db.query("SELECT value_c FROM monitoring_conflicts")] == [
        "21.0"]


def test_a_reading_in_the_small_hours_also_marks_the_day_before(store):
    add_point(store, "P-1")
    small_hours = datetime(2026, 12, 2, 1, 0, tzinfo=timezone(timedelta(hours=8)))
    noon_before = datetime(2026, 12, 1, 11, 40, tzinfo=timezone(timedelta(hours=8)))
    ingest(store, rows("P-1", small_hours, [19]) + rows("P-1", noon_before, [19.1]),
           company=None, source="http", now=NOW)
    days = [d for (d,) in store.db.query("SELECT day FROM monitoring_dirty ORDER BY day")]
    assert days == ["2026-12-01", "2026-12-02"]
    assert store.db.scalar("SELECT last_t FROM monitoring_points") == "2026-12-01T17:00:00Z"
