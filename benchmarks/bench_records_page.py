"""The records page over HTTP on loopback, SQLite and PostgreSQL, against its raw query.

    .venv/bin/python benchmarks/bench_records_page.py --db /tmp/office-bench-1m.sqlite3 \
        --db postgresql://USER@127.0.0.1:5432/DBNAME [--count 1000000] [--pages 40]

For each `--db` (made with `inspector-office synth` when it holds fewer than `--count`
records), the office is served by uvicorn in a child process on 127.0.0.1, as in production,
and so is a bare FastAPI app with one route that runs a page's SQL on a plain driver connection
and returns the rows as JSON (no auth, no validation, no count, no store). Three kinds of page:

- first:    an administrator's first page, newest first, no filter;
- deep:     the same list 100–2000 pages down, reached by keyset cursor;
- district: a district supervisor's page sorted by company / inspector / received_at /
            verdict / address, ascending or descending, pages 1–5 by cursor.

Each page is timed three ways, interleaved, after a warm-up pass over the same pages:

- raw:    the page's indexed query (`office.listing.page_sql`, LIMIT 51) on the benchmark's own
          driver connection (sqlite3 / psycopg), rows fetched;
- bare:   GET of the bare route: HTTP, JSON and the same query;
- office: GET /api/v1/records with a session token: auth, validation, the store's page and its
          total counted up to the cap, the cursor, JSON.

Prints p50 / p95 in ms and the ratios office/raw, office/bare, bare/raw (p95). Run by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from inspector_app.office.db import describe, is_postgres  # noqa: E402
from inspector_app.office.listing import SUMMARY_COLS, Ordering, RecordFilter, page_sql  # noqa: E402
from inspector_app.office.synth import DISTRICTS, synthesize  # noqa: E402

COLUMNS = ", ".join(SUMMARY_COLS)
SORTS = ("company", "inspector", "received_at", "verdict", "address")


def connect(target: str) -> Any:
    """A plain driver connection (autocommit) and nothing else."""
    if is_postgres(target):
        import psycopg

        return psycopg.connect(target, autocommit=True)
    import sqlite3

    return sqlite3.connect(target, isolation_level=None, check_same_thread=False)


def fetch(conn: Any, sql: str, params: list[Any]) -> list[tuple]:
    if not isinstance(params, list):
        params = list(params)
    if type(conn).__module__.startswith("psycopg"):
        sql = sql.replace("?", "%s")
    return conn.execute(sql, params).fetchall()


# --- the two servers, each in a child process ------------------------------------------------

def serve(kind: str, target: str, cases_file: str | None) -> None:
    """Run the office or the bare app on 127.0.0.1; print its port; serve until killed."""
    import uvicorn
    from fastapi import FastAPI

    from inspector_app.office.serving import uvicorn_config

    if kind == "office":
        from inspector_app.office.app import create_app

        app = create_app(target)
    else:
        cases = json.loads(Path(cases_file).read_text())
        conn = connect(target)
        lock = threading.Lock()
        app = FastAPI()

        @app.get("/page/{n}")
        def page(n: int) -> dict[str, Any]:
            sql, params = cases[n]
            with lock:
                rows = fetch(conn, sql, params)
            return {"items": [dict(zip(SUMMARY_COLS, r, strict=True)) for r in rows]}

    server = uvicorn.Server(uvicorn_config(app, host="127.0.0.1", port=0, log_level="warning",
                                           access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    print(server.servers[0].sockets[0].getsockname()[1], flush=True)
    thread.join()


def start(kind: str, target: str, cases_file: str | None = None) -> tuple[subprocess.Popen, str]:
    argv = [sys.executable, __file__, "--serve", kind, "--db", target]
    if cases_file:
        argv += ["--cases", cases_file]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    port = proc.stdout.readline().strip()
    if not port:
        raise RuntimeError(f"the {kind} server did not start")
    return proc, f"http://127.0.0.1:{port}"


# --- the pages -------------------------------------------------------------------------------

def key_at(conn: Any, filt: RecordFilter, ordering: Ordering, row: int) -> list[str] | None:
    """The keyset key of row number `row` (from 0) in `ordering` (untimed)."""
    if row < 0:
        return None
    sql, params = page_sql(", ".join(ordering.keys), filt, ordering, None, limit=1, offset=row)
    found = fetch(conn, sql, params)
    return list(found[0]) if found else None


def plan(conn: Any, n: int, limit: int, rng: random.Random) -> list[dict[str, Any]]:
    """`n` pages of each kind: who asks, the office's query string, and the raw SQL."""
    pages = []
    for i in range(3 * n):
        kind = ("first", "deep", "district")[i % 3]
        if kind == "district":
            district = rng.choice(DISTRICTS)[0]
            filt = RecordFilter(district=district)
            ordering = Ordering(rng.choice(SORTS), rng.choice(("asc", "desc")))
            page_no = rng.randrange(5)
        else:
            district, filt, ordering = None, RecordFilter(), Ordering()
            page_no = 0 if kind == "first" else rng.randrange(100, 2000)
        key = key_at(conn, filt, ordering, page_no * limit - 1)
        query: dict[str, Any] = {"limit": limit, "sort": ordering.sort, "order": ordering.order}
        if key:
            query["cursor"] = ordering.encode(key)
        sql, params = page_sql(COLUMNS, filt, ordering, key, limit=limit + 1)
        pages.append({"kind": kind, "district": district, "query": query, "sql": sql,
                      "params": params})
    return pages


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench(target: str, args: argparse.Namespace) -> None:
    from inspector_app.office.store import OfficeStore

    store = OfficeStore(target)
    have = store.scalar("SELECT count(*) FROM records")
    if have < args.count:
        began = time.perf_counter()
        synthesize(target, args.count - have)
        print(f"generated {args.count - have:,} rows in {time.perf_counter() - began:.0f} s")
    total = store.scalar("SELECT count(*) FROM records")
    tokens = {None: None}
    for name, role, district in [("bench-admin", "admin", None)] + [
            (f"bench-{n}", "supervisor", d) for n, (d, _w) in enumerate(DISTRICTS)]:
        if store.user(name) is None:
            store.add_user(name, role, "not-for-login", district)
        tokens[district] = store.new_session(name)[0]
    store.close()

    conn = connect(target)
    pages = plan(conn, args.pages, args.limit, random.Random(args.seed))
    handle, name = tempfile.mkstemp(prefix="bench-records-page-", suffix=".json")
    os.close(handle)
    cases_file = Path(name)
    cases_file.write_text(json.dumps([(p["sql"], p["params"]) for p in pages]))
    office, office_url = start("office", target)
    bare, bare_url = start("bare", target, str(cases_file))
    times: dict[tuple[str, str], list[float]] = {}
    try:
        with httpx.Client(base_url=office_url, timeout=60) as oc, \
                httpx.Client(base_url=bare_url, timeout=60) as bc:
            for measured in (False, True):
                for n, p in enumerate(pages):
                    t0 = time.perf_counter()
                    rows = fetch(conn, p["sql"], p["params"])
                    t1 = time.perf_counter()
                    b = bc.get(f"/page/{n}")
                    t2 = time.perf_counter()
                    o = oc.get("/api/v1/records", params=p["query"], headers={
                        "Authorization": f"Bearer {tokens[p['district']]}"})
                    t3 = time.perf_counter()
                    want = [r[1] for r in rows[:args.limit]]
                    assert o.status_code == 200, o.text
                    assert [i["record_id"] for i in o.json()["items"]] == want, p["query"]
                    assert [i["record_id"] for i in b.json()["items"]][:args.limit] == want
                    if measured:
                        for what, dt in (("raw", t1 - t0), ("bare", t2 - t1), ("office", t3 - t2)):
                            times.setdefault((p["kind"], what), []).append(dt * 1000)
    finally:
        for proc in (office, bare):
            proc.terminate()
            proc.wait()
        cases_file.unlink()
        conn.close()
    backend = "PostgreSQL" if is_postgres(target) else "SQLite"
    print(f"\n{backend} ({describe(target)}), {total:,} records, pages of {args.limit},"
          f" {args.pages} pages a kind")
    print(f"{'page':<9}{'what':<8}{'p50 ms':>8}{'p95 ms':>8}{'p95/raw':>9}{'p95/bare':>9}")
    for kind in ("first", "deep", "district"):
        raw95 = pct(times[(kind, "raw")], 0.95)
        bare95 = pct(times[(kind, "bare")], 0.95)
        for what in ("raw", "bare", "office"):
            got = times[(kind, what)]
            p95 = pct(got, 0.95)
            print(f"{kind:<9}{what:<8}{pct(got, 0.5):>8.2f}{p95:>8.2f}{p95 / raw95:>9.1f}"
                  f"{p95 / bare95:>9.1f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", action="append", required=True,
                    help="SQLite path or postgresql:// URL; give it once per backend")
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--pages", type=int, default=40, help="pages of each kind")
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--serve", choices=("office", "bare"), help=argparse.SUPPRESS)
    ap.add_argument("--cases", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.db[0], args.cases)
        return 0
    import sqlite3

    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    for target in args.db:
        bench(target, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
