"""Monitoring ingest throughput: readings over HTTP into a real office against PostgreSQL COPY of
the same rows into the same table, in the same run.

    .venv/bin/python benchmarks/bench_monitoring_ingest.py [--server postgresql://root@127.0.0.1:5432]
        [--points 500] [--days 4] [--clients 4] [--batch 1000] [--rounds 2] [--profile]

Makes a database of its own (`bench_monitoring_ingest`, dropped at the end). The readings are
`--points` synthetic points' last `--days` days at 20-minute samples (`office.monitoring.synth`:
the same generator as `inspector-office monitoring-synth`, so gaps, spikes and error codes
included), grouped by heating company (a platform uploads its own company's points) and cut
into batches of `--batch` in time order. Per round, each kind in a fresh schema with the points
registered and the partitions made, `--clients` threads taking batches from one queue:

- **http**: `inspector-office serve` (uvicorn, one process, the monitoring refresher thread
  running as in production) on 127.0.0.1; each batch a `POST /api/v1/monitoring/readings` (JSON
  array) with its company's platform key over a keep-alive connection. The office validates
  every row, looks its point up, COPYs into a temporary table, INSERT … ON CONFLICT DO NOTHING
  RETURNING, marks the touched point-days dirty and updates the points' last reading.
- **copy**: each batch one transaction on the client's own psycopg connection:
  `COPY monitoring_readings (point_no, t, value_c, received_at, source) FROM STDIN`, the rows
  already as the table wants them (point number, not id; no checks): the floor of storing them.
- **copy-1**: all rows in one COPY on one connection (for scale only; not the baseline).

Prints readings/s of each and http / copy; every round checks both stored every reading. With
`--profile`, also runs `ingest()` in process on a fresh schema under cProfile and prints where
the time goes. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import queue
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from inspector_app.core.profile import DEFAULT_PROFILE, load_profile  # noqa: E402
from inspector_app.office.monitoring import partitions, synth  # noqa: E402
from inspector_app.office.monitoring.ingest import ingest  # noqa: E402
from inspector_app.office.monitoring.platform_keys import create_key  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402
from tests.office.office_processes import OfficeProcess  # noqa: E402
from tests.pg_backend import with_search_path  # noqa: E402

DATABASE = "bench_monitoring_ingest"
ZONE = load_profile(DEFAULT_PROFILE).zone
COPY = "COPY monitoring_readings (point_no, t, value_c, received_at, source) FROM STDIN"


class Batch:
    def __init__(self, company: str, json_rows: list[dict[str, Any]], copy_rows: list[tuple]):
        self.company, self.json_rows, self.copy_rows = company, json_rows, copy_rows


def make_batches(points: int, days: int, size: int, now: datetime) -> list[Batch]:
    """The points' readings of the last `days` days, per company in time order, in batches."""
    first = (now.astimezone(ZONE) - timedelta(days=days)).date()
    spells = synth._spells(1, first, days)
    by_company: dict[str, list[tuple]] = defaultdict(list)
    for index in range(1, points + 1):
        district, company, *_ = synth._place(index)
        p = synth.SynthPoint(synth.point_id(index), index, index, "", district, company)
        for r in synth.readings_of(p, 1, first, days, ZONE, spells):
            if r.t <= now:
                by_company[company].append((r.t, index, r))
    batches = []
    for company, rows in sorted(by_company.items()):
        rows.sort(key=lambda x: (x[0], x[1]))
        for i in range(0, len(rows), size):
            part = rows[i:i + size]
            batches.append(Batch(
                company,
                [{"point_id": synth.point_id(n), "t": r.t.astimezone(ZONE).isoformat(),
                  "value_c": float(r.value_c)} for _t, n, r in part],
                [(n, r.t, str(r.value_c), now, 1) for _t, n, r in part]))
    return batches


def fresh_schema(base: str, schema: str, points: int, times: list[datetime]) -> OfficeStore:
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    store = OfficeStore(with_search_path(base, schema))
    synth.register_points(store, points, min(times).astimezone(ZONE).date(),
                          datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    partitions.ensure_partitions(store.db, times)
    return store


def run_clients(batches: list[Batch], clients: int, send) -> tuple[float, list[float]]:
    """`clients` threads send batches from one queue; (seconds, per-batch latencies)."""
    work: queue.Queue[Batch] = queue.Queue()
    for b in batches:
        work.put(b)
    latencies: list[float] = []
    lock = threading.Lock()
    gate = threading.Barrier(clients + 1)
    errors: list[BaseException] = []

    def client(n: int) -> None:
        mine = []
        try:
            with send(n) as do:
                gate.wait()
                while True:
                    try:
                        b = work.get_nowait()
                    except queue.Empty:
                        break
                    began = time.perf_counter()
                    do(b)
                    mine.append(time.perf_counter() - began)
        except BaseException as exc:   # reported after the run
            errors.append(exc)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    gate.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - began, latencies


def http_sender(url: str, keys: dict[str, str]):
    """A client's keep-alive connection to the office; each batch one POST."""
    @contextmanager
    def session(_n: int) -> Iterator:
        with httpx.Client(base_url=url, timeout=300) as client:
            def do(b: Batch) -> None:
                answer = client.post("/api/v1/monitoring/readings", json=b.json_rows,
                                     headers={"Authorization": f"Bearer {keys[b.company]}"})
                if answer.status_code != 200 or answer.json()["stored"] != len(b.json_rows):
                    raise RuntimeError(f"{answer.status_code} {answer.text[:300]}")
            yield do
    return session


def copy_sender(url: str):
    """A client's own psycopg connection; each batch one COPY in its own transaction."""
    @contextmanager
    def session(_n: int) -> Iterator:
        with psycopg.connect(url) as conn:
            def do(b: Batch) -> None:
                with conn.transaction(), conn.cursor() as cur, cur.copy(COPY) as copy:
                    for row in b.copy_rows:
                        copy.write_row(row)
            yield do
    return session


def http_round(base: str, schema: str, batches: list[Batch], args, times, logs: Path) -> float:
    store = fresh_schema(base, schema, args.points, times)
    keys = {c: create_key(store, c, by="bench").key for c in {b.company for b in batches}}
    office = OfficeProcess(store.target, log=logs / f"{schema}.log").start()
    try:
        office.wait_ready()
        seconds, lat = run_clients(batches, args.clients, http_sender(office.url, keys))
    except RuntimeError:
        print((logs / f"{schema}.log").read_text()[-3000:])
        raise
    finally:
        office.stop()
    count = store.db.scalar("SELECT COUNT(*) FROM monitoring_readings")
    store.close()
    total = sum(len(b.json_rows) for b in batches)
    assert count == total, (count, total)
    report("http", total, seconds, lat)
    return total / seconds


def copy_round(base: str, schema: str, batches: list[Batch], args, times) -> float:
    store = fresh_schema(base, schema, args.points, times)
    seconds, lat = run_clients(batches, args.clients, copy_sender(store.target))
    count = store.db.scalar("SELECT COUNT(*) FROM monitoring_readings")
    total = sum(len(b.copy_rows) for b in batches)
    assert count == total, (count, total)
    report("copy", total, seconds, lat)
    with store.db.write() as c:
        c.execute("TRUNCATE monitoring_readings")
    began = time.perf_counter()
    with psycopg.connect(store.target) as conn, conn.cursor() as cur, cur.copy(COPY) as copy:
        for b in batches:
            for row in b.copy_rows:
                copy.write_row(row)
    one = time.perf_counter() - began
    print(f"  copy-1 {total} readings in {one:6.2f} s = {total / one:9.0f} readings/s")
    store.close()
    return total / seconds


def report(kind: str, total: int, seconds: float, lat: list[float]) -> None:
    lat = sorted(lat)
    print(f"  {kind:<6} {total} readings in {seconds:6.2f} s = {total / seconds:9.0f} readings/s;"
          f" per batch p50 {1000 * lat[len(lat) // 2]:7.1f} ms,"
          f" p95 {1000 * lat[min(len(lat) - 1, int(0.95 * len(lat)))]:7.1f} ms")


def profile_ingest(base: str, batches: list[Batch], args, times) -> None:
    """`ingest()` in process, one batch after another, under cProfile."""
    store = fresh_schema(base, "profile", args.points, times)
    now = datetime.now(UTC)
    sample = batches[:40]
    prof = cProfile.Profile()
    began = time.perf_counter()
    prof.enable()
    for b in sample:
        ingest(store, b.json_rows, company=b.company, source="http", now=now)
    prof.disable()
    took = time.perf_counter() - began
    n = sum(len(b.json_rows) for b in sample)
    print(f"in-process ingest(): {n} readings in {took:.2f} s = {n / took:.0f} readings/s")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(35)
    print(out.getvalue())
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql://root@127.0.0.1:5432",
                        help="PostgreSQL server (without a database name)")
    parser.add_argument("--points", type=int, default=500)
    parser.add_argument("--days", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    admin, base = f"{args.server}/postgres", f"{args.server}/{DATABASE}"
    now = datetime.now(UTC).replace(microsecond=0)
    batches = make_batches(args.points, args.days, args.batch, now)
    times = [r[1] for b in batches for r in b.copy_rows]
    print(f"{sum(len(b.copy_rows) for b in batches)} readings of {args.points} points,"
          f" {len(batches)} batches of up to {args.batch}, {args.clients} clients")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(DATABASE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    try:
        with tempfile.TemporaryDirectory(prefix="bench-monitoring-") as tmp:
            for r in range(args.rounds):
                print(f"round {r + 1}")
                http = http_round(base, f"http_{r}", batches, args, times, Path(tmp))
                copy = copy_round(base, f"copy_{r}", batches, args, times)
                print(f"  http / copy: {http / copy:.2f}")
            if args.profile:
                profile_ingest(base, batches, args, times)
    finally:
        partitions._known.clear()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(DATABASE)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
