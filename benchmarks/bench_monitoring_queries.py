"""Monitoring reads on a synthetic season: the daily aggregates against the same answers computed
from the raw readings, in the same run.

    .venv/bin/python -m inspector_app.office.cli --db postgresql://root@127.0.0.1:5432/monbench \\
        monitoring-synth --points 1000 --season 2026-2027
    .venv/bin/python benchmarks/bench_monitoring_queries.py \\
        --db postgresql://root@127.0.0.1:5432/monbench [--n 40] [--hours 4]

Two reads, each timed both ways on the same households / districts, interleaved, after a
warm-up pass, checked to give the same answer:

- **household season**: the daily rows of one household's points for the whole season.
  *aggregate*: `aggregates.daily_rows` for each point (the stored `monitoring_daily` rows);
  *raw*: each point's season of readings read through the primary key, flagged and aggregated
  day by day (`aggregates.days_of_series`: the core's `flag_series` and `aggregate_day`, each day on
  its context window; equal to `aggregates.compute_days`, see tests/monitoring/test_synth.py,
  which over a whole season is far slower: every day scans the whole series); *raw SQL*: only
  fetching those readings. The days, statuses and digests must match.
- **below standard now** (a district's points whose every valid reading of the last `--hours`
  hours is below 18 °C, at the season's last reading): *raw*: one SQL over the district's
  points' readings of those hours (`value_c` within the valid range, grouped per point);
  *state*: the shape the dispatcher's list uses (branch `mondispatch`, not in main when this
  was written): one row per point with its current run below the standard (`below_since`,
  `last_valid_t`) read through a `below_since` index and joined to the points. The state rows
  are written by this benchmark from the raw answer (a table of its own, dropped at the end),
  so both give the same points.

Prints p50 / p95 ms of each and the ratios. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from inspector_app.office.monitoring import aggregates  # noqa: E402
from inspector_app.office.monitoring.aggregates import days_of_series  # noqa: E402
from inspector_app.office.monitoring.synth import season_range  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402

RAW_BELOW = (
    "SELECT p.point_id FROM monitoring_points p JOIN monitoring_readings r"
    " ON r.point_no = p.point_no AND r.t > %(now)s - make_interval(hours => %(hours)s)"
    " AND r.t <= %(now)s"
    " WHERE p.district = %(district)s AND p.removed_on IS NULL"
    " AND r.value_c BETWEEN -20 AND 45"
    " GROUP BY p.point_id HAVING max(r.value_c) < 18 ORDER BY p.point_id")
MARGIN = timedelta(days=1)     # more than any day's context window reaches
STATE_BELOW = (
    "SELECT p.point_id FROM bench_below b JOIN monitoring_points p ON p.point_no = b.point_no"
    " WHERE b.below_since IS NOT NULL AND b.below_since < %(since)s"
    " AND b.last_valid_t >= %(fresh)s AND p.removed_on IS NULL AND p.district = %(district)s"
    " ORDER BY p.point_id")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn, *args) -> tuple[float, object]:
    began = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - began, out


def fetch(conn: psycopg.Connection, query: str, params: dict) -> list[tuple]:
    return conn.execute(query, params).fetchall()


def household_season(store: OfficeStore, households: list[str], first: date, last: date,
                     rounds: int) -> dict[str, list[float]]:
    profiles = aggregates.Profiles()
    times: dict[str, list[float]] = {"aggregate": [], "raw": [], "raw SQL": []}
    days = [first + timedelta(days=d) for d in range((last - first).days + 1)]
    with store.db.reading() as c:
        for r in range(rounds + 1):           # the first round warms up
            for h in households:
                points = aggregates.points_of_household(c, [h])
                profile = profiles.of(c, points[0].district)
                start = datetime.combine(first, datetime.min.time(), profile.zone)
                end = datetime.combine(last + timedelta(days=1), datetime.min.time(),
                                       profile.zone)
                agg_s, stored = timed(
                    lambda ps: [aggregates.daily_rows(c, p, first, last) for p in ps], points)
                raw_s, computed = timed(lambda ps, pr, a, b: [days_of_series(
                    p, aggregates.load_series(c, p, a - MARGIN, b + MARGIN), days, pr)
                    for p in ps], points, profile, start, end)
                sql_s, _ = timed(
                    lambda ps, a, b: [aggregates.load_series(c, p, a, b) for p in ps],
                    points, start, end)
                assert [[(d["day"], d["status"], d["digest"]) for d in rows] for rows in stored
                        ] == [[(a.day.isoformat(), a.status, a.digest) for a in found]
                              for found in computed]
                if r:
                    times["aggregate"].append(agg_s)
                    times["raw"].append(raw_s)
                    times["raw SQL"].append(sql_s)
    return times


def below_now(url: str, districts: list[str], now: datetime, hours: int, rounds: int
              ) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"state": [], "raw": []}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_below")
        conn.execute("CREATE TABLE bench_below (point_no integer PRIMARY KEY, last_valid_t text"
                     " NOT NULL, last_valid_c text NOT NULL, below_since text, computed_at text"
                     " NOT NULL)")
        conn.execute("CREATE INDEX bench_below_since ON bench_below (below_since)")
        # one row a point (as the aggregator would keep it); below_since for the points the
        # raw query finds below
        conn.execute("INSERT INTO bench_below SELECT point_no, '2000-01-01T00:00:00Z', '20',"
                     " NULL, 'bench' FROM monitoring_points")
        fresh = (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        since = (now - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for d in districts:
            below = [r[0] for r in conn.execute(RAW_BELOW, {"now": now, "hours": hours,
                                                            "district": d})]
            conn.execute("UPDATE bench_below b SET below_since = %s, last_valid_t = %s"
                         " FROM monitoring_points p WHERE p.point_no = b.point_no"
                         " AND p.point_id = ANY(%s)",
                         ((now - timedelta(hours=hours, minutes=20)).strftime(
                             "%Y-%m-%dT%H:%M:%SZ"), now.strftime("%Y-%m-%dT%H:%M:%SZ"), below))
        conn.execute("ANALYZE bench_below")
        try:
            for r in range(rounds + 1):
                for d in districts:
                    raw_s, raw = timed(fetch, conn, RAW_BELOW,
                                       {"now": now, "hours": hours, "district": d})
                    st_s, state = timed(fetch, conn, STATE_BELOW,
                                        {"since": since, "fresh": fresh, "district": d})
                    assert raw == state, (d, len(raw), len(state))
                    if r:
                        times["raw"].append(raw_s)
                        times["state"].append(st_s)
            plan = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + RAW_BELOW,
                                {"now": now, "hours": hours, "district": districts[0]}).fetchall()
            print("raw below-standard plan (first district):")
            for (line,) in plan:
                print("   ", line)
        finally:
            conn.execute("DROP TABLE bench_below")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="postgresql://… with a synthetic season")
    parser.add_argument("--season", default="2026-2027")
    parser.add_argument("--n", type=int, default=20, help="households timed")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the districts")
    parser.add_argument("--hours", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    store = OfficeStore(args.db)
    first, length = season_range(args.season)
    last = first + timedelta(days=length - 1)
    with store.db.reading() as c:
        have = [h for (h,) in c.execute(
            "SELECT DISTINCT p.household FROM monitoring_points p WHERE EXISTS (SELECT 1"
            " FROM monitoring_daily d WHERE d.point_no = p.point_no) ORDER BY 1")]
        districts = [d for (d,) in c.execute(
            "SELECT DISTINCT district FROM monitoring_points ORDER BY 1")]
        readings = c.execute("SELECT COUNT(*) FROM monitoring_readings").fetchone()[0]
        daily = c.execute("SELECT COUNT(*) FROM monitoring_daily").fetchone()[0]
        newest = c.execute("SELECT MAX(t) FROM monitoring_readings").fetchone()[0]
    households = random.Random(args.seed).sample(have, min(args.n, len(have)))
    print(f"{readings} readings, {daily} daily rows, {len(have)} households with days;"
          f" timing {len(households)} households, {len(districts)} districts")
    results = household_season(store, households, first, last, 1)
    now = newest.astimezone(UTC)
    results |= {f"below {k}": v for k, v in below_now(
        store.target, districts, now, args.hours, args.rounds).items()}
    store.close()
    for name, values in results.items():
        print(f"{name:<16} n={len(values):3d} p50 {pct(values, 0.5):9.2f} ms"
              f"  p95 {pct(values, 0.95):9.2f} ms")
    print(f"household season raw / aggregate: p50"
          f" {pct(results['raw'], .5) / pct(results['aggregate'], .5):.1f},"
          f" p95 {pct(results['raw'], .95) / pct(results['aggregate'], .95):.1f};"
          f" raw SQL alone / aggregate p95"
          f" {pct(results['raw SQL'], .95) / pct(results['aggregate'], .95):.1f}")
    print(f"below standard raw / state: p50"
          f" {pct(results['below raw'], .5) / pct(results['below state'], .5):.1f},"
          f" p95 {pct(results['below raw'], .95) / pct(results['below state'], .95):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
