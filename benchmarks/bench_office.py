"""Office review list over a million synthetic records, beside the raw indexed query.

    .venv/bin/python benchmarks/bench_office.py [--db PATH|URL] [--count 1000000] [--pages 50]
        [--stats-only]

`--db` is a SQLite path or a `postgresql://` URL (a database of its own: the rows are added
to it).

Makes the database with `inspector-office synth` when it does not hold `--count` rows yet
(one transaction, about 1–2 minutes for a million), then times ~50 pages with varied filters
(none, district, company, verdict, review state, inspector, date range, and combinations; pages
1–5 reached by keyset cursor) three ways, each in the same run on the same pages:

- raw:    the bare indexed page query (`SELECT ... WHERE ... AND (test_at, ref) < (?, ?)
          ORDER BY test_at DESC, ref DESC LIMIT 51`) on its own connection;
- store:  `OfficeStore.list_records` (the page + the total counted up to the 10 000 cap +
          cursor encoding);
- page:   the same store call with the count cut to nothing (`count_cap=0`): what the
          office adds to the raw query besides counting the total;
- http:   `GET /api/v1/records` through the whole FastAPI app in process (ASGI, no socket):
          auth, validation, the store call and JSON encoding.

Then the same four ways for ~50 pages of one district sorted by company, inspector or
received_at, ascending and descending (pages 1–5 by cursor); the district + verdict count up to
the cap for each district; and a CSV export of one district (`--export-district`, ~150 000
rows) streamed through the app, beside a raw SELECT fetching the same rows; and the season's
company statistics (`GET /api/v1/companies/stats`'s store call), for all districts and for one,
fastest and median of three (`--stats-only`: only these).

Prints p50 / p95 in milliseconds and the ratio to raw. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_records_page import connect, fetch  # noqa: E402  (beside this file)
from fastapi.testclient import TestClient  # noqa: E402

from inspector_app.office.app import create_app  # noqa: E402
from inspector_app.office.listing import SUMMARY_COLS, Ordering, RecordFilter  # noqa: E402
from inspector_app.office.store import COUNT_CAP, OfficeStore  # noqa: E402
from inspector_app.office.synth import COMPANIES, DISTRICTS, synthesize  # noqa: E402


def cases(rng: random.Random, n: int, inspectors: list[str]) -> list[tuple[dict, int]]:
    """(filter params, page number) pairs, varied."""
    makers = [
        lambda: {},
        lambda: {"district": rng.choice(DISTRICTS)[0]},
        lambda: {"company": rng.choice(COMPANIES)[0]},
        lambda: {"verdict": "fail"},
        lambda: {"review_state": rng.choice(["received", "has_issues", "rejected"])},
        lambda: {"inspector": rng.choice(inspectors)},
        lambda: {"district": rng.choice(DISTRICTS)[0], "verdict": "fail"},
        lambda: {"date_from": date(2026, 1, rng.randrange(1, 20)),
                 "date_to": date(2026, 1, rng.randrange(20, 31))},
        lambda: {"company": rng.choice(COMPANIES)[0],
                 "date_from": date(2025, 12, 1), "date_to": date(2025, 12, 31)},
        lambda: {"district": rng.choice(DISTRICTS)[0], "review_state": "approved"},
    ]
    return [(makers[i % len(makers)](), rng.randrange(5)) for i in range(n)]


def sorted_cases(rng: random.Random, n: int) -> list[tuple[dict, Ordering, int]]:
    """A district's supervisor sorting by company / inspector / received_at, both ways."""
    orderings = [Ordering(sort, order) for sort in ("company", "inspector", "received_at")
                 for order in ("asc", "desc")]
    return [({"district": rng.choice(DISTRICTS)[0]}, orderings[i % len(orderings)],
             rng.randrange(5)) for i in range(n)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/office-bench-1m.sqlite3",
                    help="SQLite path or postgresql:// URL")
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--export-district", default="宽城区")
    ap.add_argument("--season", default="2025-2026")
    ap.add_argument("--stats-only", action="store_true")
    args = ap.parse_args()

    store = OfficeStore(args.db)
    have = store.scalar("SELECT count(*) FROM records")
    if have < args.count:
        began = time.perf_counter()
        synthesize(args.db, args.count - have)
        print(f"generated {args.count - have:,} synthetic rows in "
              f"{time.perf_counter() - began:.1f} s")
    total = store.scalar("SELECT count(*) FROM records")
    backend = "PostgreSQL" if store.db.postgres else f"SQLite {sqlite3.sqlite_version}"
    print(f"{total:,} records, {backend}, Python {sys.version.split()[0]}")
    for district in (None, DISTRICTS[0][0]):
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            store.company_stats(args.season, district=district)
            runs.append(time.perf_counter() - t0)
        print(f"company stats {args.season}, {district or 'all districts'}: fastest"
              f" {min(runs):.2f} s, median {statistics.median(runs):.2f} s")
    if args.stats_only:
        return 0
    inspectors = [r[0] for r in store.query("SELECT DISTINCT inspector FROM records LIMIT 200")]
    raw = connect(args.db)
    app = create_app(args.db)
    token = app.state.store.new_admin_token("bench")
    http = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    cols = ", ".join(SUMMARY_COLS)

    def raw_sql(select: str, params: dict, ordering: Ordering,
                key: list[str] | None) -> tuple[str, list]:
        clauses, values = RecordFilter(**params).where()
        if key:
            op = "<" if ordering.order == "desc" else ">"
            clauses.append(f"({', '.join(ordering.keys)}) {op} ({', '.join('?' * len(key))})")
            values += key
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        order = ", ".join(f"{k} {ordering.order}" for k in ordering.keys)
        return f"SELECT {select} FROM records{where} ORDER BY {order}", values

    def raw_page(params: dict, ordering: Ordering, key: list[str] | None) -> list[str]:
        sql, values = raw_sql(cols, params, ordering, key)
        rows = fetch(raw, sql + " LIMIT ?", [*values, args.limit + 1])
        return [r[SUMMARY_COLS.index("record_id")] for r in rows[:args.limit]]

    def locate(params: dict, ordering: Ordering, page_no: int) -> list[str] | None:
        """The cursor key of page `page_no` (untimed): walk there with the raw query."""
        key = None
        for _ in range(page_no):
            sql, values = raw_sql(", ".join(ordering.keys), params, ordering, key)
            rows = fetch(raw, sql + " LIMIT 1 OFFSET ?", [*values, args.limit - 1])
            if not rows:
                break
            key = list(rows[0])
        return key

    def timed(plan: list[tuple[dict, Ordering, list[str] | None]]) -> dict[str, list[float]]:
        times: dict[str, list[float]] = {"raw": [], "page": [], "store": [], "http": []}
        for run in range(2):  # the first pass warms the page cache; the second is measured
            for params, ordering, key in plan:
                cursor = ordering.encode(key) if key else None
                filt = RecordFilter(**params)
                t0 = time.perf_counter()
                expect = raw_page(params, ordering, key)
                t1 = time.perf_counter()
                page = store.list_records(filt, limit=args.limit, cursor=cursor,
                                          ordering=ordering)
                t2 = time.perf_counter()
                query = {k: str(v) for k, v in params.items()} | {
                    "limit": args.limit, "sort": ordering.sort, "order": ordering.order}
                if cursor:
                    query["cursor"] = cursor
                answer = http.get("/api/v1/records", params=query)
                t3 = time.perf_counter()
                bare = store.list_records(filt, limit=args.limit, cursor=cursor, count_cap=0,
                                          ordering=ordering)
                t4 = time.perf_counter()
                assert [i["record_id"] for i in bare.items] == expect
                assert [i["record_id"] for i in page.items] == expect, (params, key)
                assert [i["record_id"] for i in answer.json()["items"]] == expect
                if run:
                    times["raw"].append((t1 - t0) * 1000)
                    times["store"].append((t2 - t1) * 1000)
                    times["http"].append((t3 - t2) * 1000)
                    times["page"].append((t4 - t3) * 1000)
        return times

    def report(title: str, times: dict[str, list[float]]) -> None:
        raw_p50, raw_p95 = pct(times["raw"], 0.5), pct(times["raw"], 0.95)
        print(title)
        print(f"{'query':<8}{'p50 ms':>9}{'p95 ms':>9}{'p50/raw':>9}{'p95/raw':>9}")
        for name in ("raw", "page", "store", "http"):
            p50, p95 = pct(times[name], 0.5), pct(times[name], 0.95)
            print(f"{name:<8}{p50:>9.2f}{p95:>9.2f}{p50 / raw_p50:>9.1f}{p95 / raw_p95:>9.1f}")

    rng = random.Random(args.seed)
    default = Ordering()
    filtered = [(p, default, locate(p, default, n)) for p, n in cases(rng, args.pages,
                                                                          inspectors)]
    sorted_plan = [(p, o, locate(p, o, n)) for p, o, n in sorted_cases(rng, args.pages)]
    print(f"pages of {args.limit}")
    report(f"{len(filtered)} pages, varied filters, newest first:", timed(filtered))
    report(f"{len(sorted_plan)} pages, one district sorted by company / inspector /"
           " received_at, asc and desc:", timed(sorted_plan))

    # counting district + verdict up to the cap (now read from records_district_verdict)
    counts = []
    for district, _w in DISTRICTS:
        t0 = time.perf_counter()
        store.count_records(RecordFilter(district=district, verdict="fail"), cap=COUNT_CAP + 1)
        counts.append((time.perf_counter() - t0) * 1000)
    print(f"count district+verdict up to {COUNT_CAP + 1:,}: p50 {pct(counts, 0.5):.2f} ms,"
          f" max {max(counts):.2f} ms")

    # CSV export of one district through the app vs a raw SELECT of the same rows
    params = {"district": args.export_district}
    for _run in range(2):  # the first pass warms the page cache; the second is measured
        t0 = time.perf_counter()
        sql, values = raw_sql(cols, params, Ordering(), None)
        raw_rows = fetch(raw, sql, values)
        t1 = time.perf_counter()
        with http.stream("GET", "/api/v1/records/export",
                         params={**params, "format": "csv"}) as r:
            size = sum(len(chunk) for chunk in r.iter_bytes())
        t2 = time.perf_counter()
    lines = len(raw_rows)
    print(f"export {args.export_district}: {lines:,} rows; raw SELECT {t1 - t0:.2f} s, CSV via"
          f" HTTP {t2 - t1:.2f} s ({size / 1e6:.1f} MB), ratio {(t2 - t1) / (t1 - t0):.1f}")
    http.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
