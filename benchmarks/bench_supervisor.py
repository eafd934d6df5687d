"""Supervisor mode over a million records: what the window waits for, and what it never waits on.

    .venv/bin/python benchmarks/bench_supervisor.py [--db PATH] [--count 1000000] [--pages 30]

Uses (or makes with `inspector-office synth`) an office database of `--count` synthetic records,
serves it with uvicorn on 127.0.0.1 like the real office, logs in an admin and a district
supervisor, and measures in one run:

- raw:     the bare indexed page query of the same page on its own SQLite connection;
- client:  `ReviewSession.list_records` over HTTP (auth, the office's page + capped count,
           JSON both ways): what one `fetchMore` costs;
- model:   `RecordsModel` in an offscreen Qt window: from `set_query` (a new sort or filter) to
           the rows being in the table, through the background thread and back;
- scroll:  the same for the next page asked for by scrolling (`fetchMore` by keyset cursor),
           at page 1 and at page 40 (no deeper cost: keyset, not OFFSET);
- stall:   the longest gap between 5 ms timer ticks on the GUI thread during all of the above
           (the GUI thread must never wait on the network: the stall stays near one frame).

Prints p50 / p95 in milliseconds and ratios to raw. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import uvicorn  # noqa: E402

from inspector_app.office.app import create_app  # noqa: E402
from inspector_app.office.auth import hash_password  # noqa: E402
from inspector_app.office.listing import SUMMARY_COLS  # noqa: E402
from inspector_app.office.serving import uvicorn_config  # noqa: E402
from inspector_app.office.synth import DISTRICTS, synthesize  # noqa: E402
from inspector_app.review.client import ReviewSession  # noqa: E402

PASSWORD = "bench-password-1"
CASES = [  # (filters, sort, order) a supervisor actually uses
    ({}, "test_at", "desc"),
    ({"verdict": "fail"}, "test_at", "desc"),
    ({}, "company", "asc"),
    ({}, "received_at", "desc"),
    ({"review_state": "received"}, "test_at", "asc"),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    app = create_app(db)
    server = uvicorn.Server(uvicorn_config(app, host="127.0.0.1", port=0, log_level="warning",
                                           access_log=False, lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    store = app.state.store
    for name, role, district in (("bench-admin", "admin", None),
                                 ("bench-district", "supervisor", DISTRICTS[0][0])):
        if store.user(name) is None:
            store.add_user(name, role, hash_password(PASSWORD), district)
    return server, f"http://127.0.0.1:{port}"


def raw_page(conn: sqlite3.Connection, filters: dict, sort: str, order: str) -> float:
    where = " AND ".join(f"{k} = ?" for k in filters) or "1"
    direction = "DESC" if order == "desc" else "ASC"
    keys = ", ".join(f"{c} {direction}" for c in dict.fromkeys((sort, "test_at", "ref")))
    started = time.perf_counter()
    conn.execute(f"SELECT {', '.join(SUMMARY_COLS)} FROM records WHERE {where}"
                 f" ORDER BY {keys} LIMIT 101", list(filters.values())).fetchall()
    return (time.perf_counter() - started) * 1000


def measure(app, session: ReviewSession, scope: dict, raw_conn: sqlite3.Connection,  # noqa: ANN001
            pages: int) -> dict[str, list[float]]:
    """One account's timings (see the module docstring)."""
    from inspector_app.ui.qt import QElapsedTimer, QTimer
    from inspector_app.ui.supervisor.records_model import RecordsModel

    timings: dict[str, list[float]] = {"raw": [], "client": [], "model": [],
                                       "scroll1": [], "scroll40": [], "stall": []}
    model = RecordsModel(lambda f, s, o, c, _s=session: _s.list_records(
        f, sort=s, order=o, cursor=c, limit=100))
    clock = QElapsedTimer()
    last = [0.0]
    worst = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)

    def wait_loaded(action) -> float:  # noqa: ANN001
        done = [False]
        model.loaded.connect(lambda: done.__setitem__(0, True))
        started = time.perf_counter()
        action()
        while not done[0]:
            app.processEvents()
            time.sleep(0.0005)
        model.loaded.disconnect()
        return (time.perf_counter() - started) * 1000

    for i in range(pages):
        filters, sort, order = CASES[i % len(CASES)]
        filters = {**filters, **scope}
        timings["raw"].append(raw_page(raw_conn, filters, sort, order))
        started = time.perf_counter()
        session.list_records(filters, sort=sort, order=order, limit=100)
        timings["client"].append((time.perf_counter() - started) * 1000)
        clock.start()
        last[0], worst[0] = 0.0, 0.0
        timer.start(5)
        timings["model"].append(wait_loaded(lambda f=filters, s=sort, o=order:
                                            model.set_query(f, s, o)))
        timings["scroll1"].append(wait_loaded(model.fetchMore))
        if i % 5 == 0:
            for _ in range(38):
                wait_loaded(model.fetchMore)
            timings["scroll40"].append(wait_loaded(model.fetchMore))
        timer.stop()
        timings["stall"].append(worst[0])
    return timings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "office-bench-1m.sqlite3")
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    have = 0
    if args.db.exists():
        with sqlite3.connect(args.db) as c:
            have = c.execute("SELECT count(*) FROM records").fetchone()[0]
    if have < args.count:
        print(f"synthesizing {args.count - have} records into {args.db} …", flush=True)
        synthesize(args.db, args.count - have)
    server, url = serve(args.db)

    from inspector_app.ui.app import make_application

    app = make_application()
    raw_conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    results: dict[str, dict[str, list[float]]] = {}
    for who in ("bench-admin", "bench-district"):
        session = ReviewSession.login(url, who, PASSWORD)
        scope = {} if who == "bench-admin" else {"district": DISTRICTS[0][0]}
        results[who] = measure(app, session, scope, raw_conn, args.pages)
        session.logout()

    print(f"\n{have or args.count:,} records; {args.pages} queries per account; 100 rows a page\n")
    print(f"{'account':15} {'what':9} {'p50 ms':>8} {'p95 ms':>8} {'p50/raw':>8}")
    for who, timings in results.items():
        raw50 = statistics.median(timings["raw"])
        for what, values in timings.items():
            p50, p95 = statistics.median(values), pct(values, 0.95)
            ratio = "" if what == "stall" else f"{p50 / raw50:8.1f}"
            print(f"{who:15} {what:9} {p50:8.2f} {p95:8.2f} {ratio:>8}")
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
