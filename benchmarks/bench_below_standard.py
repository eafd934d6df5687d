""""Below standard now" on a few thousand points: the aggregation that keeps each point's run,
and the list, against the readings scan the design avoids.

    .venv/bin/python benchmarks/bench_below_standard.py [--points 5000] [--pg URL]

A fresh office (a SQLite file in a temporary folder, or with `--pg` a schema of its own,
dropped at the end) gets `--points` points registered straight into the table, and 16 hours of
readings every 20 minutes through `ingest` (10,000 a batch, as a platform sends them); one
point in ten turns cold at a random hour. Then it times:

- refresh:   `aggregates.refresh` over every dirty point-day (days and runs, one pass);
- list:      `below_standard.below_now(hours=4)` (20 times after a warm-up; p50 / p95), up to
             1000 households and the default 100, which reads `monitoring_below` through its
             `below_since` index, in pages until the households asked for are found;
- scan:      what the list would cost without the kept run: every point's readings of the last
             N hours (one grouped read), the floor of any design that looks at readings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector_app.core.monitoring_day import utc_text  # noqa: E402
from inspector_app.office.monitoring import partitions  # noqa: E402
from inspector_app.office.monitoring.aggregates import refresh  # noqa: E402
from inspector_app.office.monitoring.below_standard import below_now  # noqa: E402
from inspector_app.office.monitoring.ingest import ingest  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402

ZONE = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZONE)
HOURS = 16


def register(store: OfficeStore, points: int) -> None:
    stamp = "2026-10-01T00:00:00Z"
    rows = [(f"B-{n:06d}", n, f"h{n:020x}", "长春市", f"区{n % 10}", f"小区{n // 100}",
             str(n % 100), "1", "101", f"长春市区{n % 10}小区{n // 100}{n % 100}栋1单元101室",
             "living_room", "客厅", f"公司{n % 7}", "2026-10-01", stamp, stamp)
            for n in range(1, points + 1)]
    with store.db.write() as c:
        c.executemany("INSERT INTO monitoring_points (point_id, point_no, household, city,"
                      " district, community, building, unit, flat, address, room_kind,"
                      " room_name, company, installed_on, created_at, updated_at) VALUES"
                      " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def readings(points: int, rng: random.Random) -> list[dict]:
    start = NOW - timedelta(hours=HOURS)
    out = []
    for n in range(1, points + 1):
        cold_at = start + timedelta(hours=rng.randrange(HOURS)) if n % 10 == 0 else None
        for i in range(HOURS * 3):
            t = start + timedelta(minutes=20 * i)
            base = 16.4 if cold_at is not None and t >= cold_at else 19.6
            out.append({"point_id": f"B-{n:06d}", "t": t.isoformat(),
                        "value_c": round(base + rng.randrange(4) / 10, 1)})
    return out


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        begin = time.perf_counter()
        fn()
        out.append((time.perf_counter() - begin) * 1000)
    return out


def run(target: str, points: int) -> None:
    store = OfficeStore(target)
    try:
        register(store, points)
        rows = readings(points, random.Random(17))
        begin = time.perf_counter()
        for i in range(0, len(rows), 10_000):
            ingest(store, rows[i:i + 10_000], company=None, source="http", now=NOW)
        ingested = time.perf_counter() - begin
        dirty = store.db.scalar("SELECT COUNT(*) FROM monitoring_dirty")
        [refreshed] = timed(lambda: refresh(store))
        below = store.db.scalar("SELECT COUNT(*) FROM monitoring_below"
                                " WHERE below_since IS NOT NULL")
        def listing(limit: int) -> list:
            return below_now(store, NOW, hours=4, district=None, company=None, limit=limit)

        found = len(listing(1000))
        times = timed(lambda: listing(1000), 20)
        page = timed(lambda: listing(100), 20)
        since = NOW - timedelta(hours=4)
        scan_sql = ("SELECT point_no, MIN(value_c), COUNT(*) FROM monitoring_readings"
                    " WHERE t >= ? GROUP BY point_no")
        param = since if store.db.postgres else utc_text(since)
        scan = timed(lambda: store.db.query(scan_sql, (param,)), 5)
        print(f"{store.db.dialect}: {points} points, {len(rows)} readings ingested in"
              f" {ingested:.1f} s; refresh of {dirty} point-days {refreshed / 1000:.1f} s"
              f" ({refreshed / dirty:.2f} ms each, runs included)")
        print(f"  points below now: {below}; listed (over 4 h): {found}")
        print(f"  list p50 {statistics.median(times):.1f} ms,"
              f" p95 {sorted(times)[int(len(times) * 0.95) - 1]:.1f} ms (includes an empty"
              " refresh pass); first 100 (the default page) p50"
              f" {statistics.median(page):.1f} ms")
        print(f"  readings scan of the last 4 h, all points: p50 {statistics.median(scan):.1f} ms")
    finally:
        partitions.forget(store.db)
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--pg", help="a PostgreSQL URL: a schema of its own, dropped after")
    args = parser.parse_args()
    if args.pg:
        from tests.pg_backend import isolated_schema
        with isolated_schema(args.pg) as target:
            run(target, args.points)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(str(Path(folder) / "office.sqlite3"), args.points)


if __name__ == "__main__":
    main()
