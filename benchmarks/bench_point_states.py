"""Monitoring point states at 290,000 points: the list's pages and the state counts.

    .venv/bin/python benchmarks/bench_point_states.py [--pg URL] [--points 290000] [--sqlite]

Fills an office (a fresh PostgreSQL schema on `--pg`, default $INSPECTOR_TEST_PG else
postgresql://root@127.0.0.1:5432/test, dropped at the end; or with `--sqlite` a file in a
temporary folder) straight with COPY / executemany: `--points` points over 20 districts (one
company in four districts), 88 % heard from 30 minutes ago, 5 % silent, 1 % removed, and two
`monitoring_daily` days each (the day before yesterday and yesterday), yesterday's flagged for
6 % of the heard ones. Then times, in process, `office.monitoring.point_listing` as the API
runs it: the state counts of the whole office and of one district, and the first page
(limit 50) of each state, whole office and one district; and the last page of the rarest
state in point_id order. Prints the median and the worst of `--repeat` runs in ms.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from inspector_app.office.monitoring.point_listing import (  # noqa: E402
    STATES,
    PointFilter,
    points_page,
    state_counts,
)
from inspector_app.office.store import OfficeStore  # noqa: E402
from tests.pg_backend import drop_schema, with_search_path  # noqa: E402

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
DISTRICTS = [f"区{n:02d}" for n in range(20)]


def utc(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def fill(store: OfficeStore, n: int, seed: int) -> None:
    rng = random.Random(seed)
    heard, silent = utc(NOW - timedelta(minutes=30)), utc(NOW - timedelta(hours=5))
    points, days = [], []
    for no in range(1, n + 1):
        draw = rng.random()
        district = DISTRICTS[no % len(DISTRICTS)]
        removed = "2026-11-20" if draw < 0.01 else None
        last = silent if 0.01 <= draw < 0.06 else heard
        points.append((f"P{no:07d}", no, f"h{no:020x}", "长春市", district, "", f"示范{no % 900}小区",
                       str(no % 30), "1", str(no % 600), f"长春市{district}示范小区{no}",
                       "living_room", "", "", f"热力{no % 5}", "2026-10-01", removed, "0", "",
                       "", last, last, utc(NOW), utc(NOW)))
        flagged = rng.random() < 0.06
        days.append((no, "2026-12-01", "compliant", "{}"))
        days.append((no, "2026-12-02", "insufficient" if flagged else "compliant",
                     '{"spike": 1}' if flagged and rng.random() < 0.5 else "{}"))
    cols = ("point_id", "point_no", "household", "city", "district", "street", "community",
            "building", "unit", "flat", "address", "room_kind", "room_name", "position",
            "company", "installed_on", "removed_on", "correction_c", "calibrated_on",
            "calibration_ref", "last_t", "last_received_at", "created_at", "updated_at")
    with store.db.write() as c:
        c.execute("SELECT 1")   # SQLAlchemy begins (and so commits) only on a statement of its own
        c.insert_rows("monitoring_points", cols, points)
        c.insert_rows("monitoring_daily", (
            "point_no", "day", "readings", "valid", "mean_c", "minutes_below", "coverage",
            "status", "flags", "digest", "computed_at"),
            [(no, d, 72, 72, "19.1", 0, "1", s, f, "x", utc(NOW)) for no, d, s, f in days])


def timed(repeat: int, run) -> tuple[float, float, object]:
    spent, result = [], None
    run()   # warm
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent), max(spent), result


def measure(store: OfficeStore, repeat: int) -> None:
    one = DISTRICTS[3]
    cases = [("counts, whole office", lambda: state_counts(store, PointFilter(), NOW)),
             (f"counts, district {one}", lambda: state_counts(store, PointFilter(one), NOW))]
    for state in STATES:
        cases.append((f"page 1, {state}, whole office",
                      lambda s=state: points_page(store, PointFilter(state=s), NOW)))
        cases.append((f"page 1, {state}, district",
                      lambda s=state: points_page(store, PointFilter(one, state=s), NOW)))
    last = store.db.scalar("SELECT MAX(point_id) FROM monitoring_points WHERE district=?"
                           " AND removed_on IS NOT NULL", (one,))
    cases.append(("last page, removed, district (after its last)",
                  lambda: points_page(store, PointFilter(one, state="removed"), NOW,
                                      after=last)))
    cases.append(("page 1, no state, district", lambda: points_page(store, PointFilter(one),
                                                                      NOW)))
    for name, run in cases:
        p50, worst, result = timed(repeat, run)
        shown = result if isinstance(result, dict) else f"{len(result[0])} items"
        print(f"{name:48s} {p50:9.2f} {worst:9.2f}  {shown}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", default=os.environ.get("INSPECTOR_TEST_PG",
                                                   "postgresql://root@127.0.0.1:5432/test"))
    ap.add_argument("--sqlite", action="store_true", help="a SQLite file instead")
    ap.add_argument("--points", type=int, default=290_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        schema = None
        if args.sqlite:
            target = str(Path(folder) / "office.sqlite3")
        else:
            schema = f"bench_points_{secrets.token_hex(4)}"
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
            target = with_search_path(args.pg, schema)
        try:
            store = OfficeStore(target)
            start = time.perf_counter()
            fill(store, args.points, args.seed)
            if store.db.postgres:
                with psycopg.connect(target, autocommit=True) as conn:
                    conn.execute("VACUUM ANALYZE monitoring_points")
                    conn.execute("VACUUM ANALYZE monitoring_daily")
            else:
                with store.db.write() as c:
                    c.execute("ANALYZE")
            print(f"{store.db.dialect}: {args.points:,} points filled in "
                  f"{time.perf_counter() - start:.0f} s; median / worst of {args.repeat} (ms)")
            measure(store, args.repeat)
            store.close()
        finally:
            if schema is not None:
                drop_schema(args.pg, schema)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
