"""Upload throughput: 8 laptops pushing at once to 2 office processes on one PostgreSQL database,
beside 2 bare FastAPI processes storing the same bytes on the same server.

    .venv/bin/python benchmarks/bench_two_offices.py [--server postgresql://root@127.0.0.1:5432]
        [--laptops 8] [--records 200] [--rounds 2]

Makes a database of its own (`bench_two_offices`, dropped at the end), seals `--records` real
records for each of `--laptops` device keys (the laptops' own sealing path), then, per round:

- office: two `inspector-office serve` processes over a fresh schema; each laptop enrolled
  (half through each process) and pushing its records with one `PUT /api/v1/records/{id}` a
  record, each laptop on its own thread and connection, laptop i to process i % 2. The office
  authenticates the device, parses and checks the envelope, verifies hash and signature,
  stores it under the device's chain lock, notes the device seen and reports the evidence.
- bare: two processes of a FastAPI app with one endpoint, `PUT /records/{id}`, that reads the
  body and runs one INSERT (device, id, bytes) in its own transaction: the least a server can
  do to keep the same bytes, with the same one-record-per-request batches, the same uvicorn,
  the same SQLAlchemy pool, the same clients.

Prints, per round and kind: records/s, p50 / p95 / max per request in ms, and the office/bare
ratios. Rounds alternate office, bare, office, bare... on the same machine in one run. Run by
hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.concurrency import run_in_threadpool  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402
from psycopg import sql  # noqa: E402

from inspector_app.office.db import Database  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402
from inspector_app.seal.device_key import DeviceKey  # noqa: E402
from inspector_app.store.sealed import SealedStore  # noqa: E402
from inspector_app.sync.client import enroll  # noqa: E402
from tests.office.office_processes import OfficeProcess  # noqa: E402
from tests.pg_backend import free_port, with_search_path  # noqa: E402
from tests.sync.factory import laptop_db, seal_many  # noqa: E402

DATABASE = "bench_two_offices"


# -- the bare endpoint (run as its own process: `bare-serve`) ---------------------------------


def bare_app(db_url: str) -> FastAPI:
    """One PUT endpoint: read the body, one INSERT, 201."""
    db = Database(db_url)   # the office's engine settings: pool 10 + 30, pre-ping
    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, bool]:
        return {"ok": True}

    @app.put("/records/{record_id}")
    async def put(record_id: str, request: Request) -> JSONResponse:
        body = await request.body()
        device = request.headers.get("X-Device-Id", "")

        def insert() -> None:
            with db.write() as c:
                c.execute("INSERT INTO bare_records (device_id, record_id, envelope)"
                          " VALUES (?,?,?)", (device, record_id, body))

        await run_in_threadpool(insert)
        return JSONResponse(status_code=201, content={"record_id": record_id})

    return app


def bare_serve(db_url: str, port: int) -> None:
    import uvicorn

    uvicorn.run(bare_app(db_url), host="127.0.0.1", port=port, log_level="warning",
                proxy_headers=False)


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Laptop:
    key: DeviceKey
    folder: Path
    bodies: list[tuple[str, bytes]]


@dataclass
class Result:
    kind: str
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def make_laptops(folder: Path, count: int, records: int) -> list[Laptop]:
    laptops = []
    for n in range(count):
        key = DeviceKey.generate()
        db = laptop_db(folder / f"laptop-{n}")
        ids = seal_many(db, key, records)
        sealed = SealedStore(db)
        laptops.append(Laptop(key, folder / f"laptop-{n}",
                              [(rid, sealed.envelope_text(rid).encode("utf-8")) for rid in ids]))
    return laptops


def push_all(laptops: list[Laptop], targets: list[tuple[str, dict[str, str]]],
             path: str, expect: set[int]) -> tuple[float, list[float]]:
    """Each laptop on its own thread PUTs its records to its target; (seconds, latencies)."""
    latencies: list[float] = []
    lock = threading.Lock()
    gate = threading.Barrier(len(laptops) + 1)

    def push(n: int) -> None:
        url, headers = targets[n]
        mine = []
        with httpx.Client(base_url=url, timeout=60, headers=headers) as client:
            client.get("/api/v1/health" if path.startswith("/api") else "/health")
            gate.wait()
            for rid, body in laptops[n].bodies:
                began = time.perf_counter()
                answer = client.put(path.format(rid), content=body,
                                    headers={"Content-Type": "application/json"})
                mine.append(time.perf_counter() - began)
                if answer.status_code not in expect:
                    raise RuntimeError(f"{url}: {answer.status_code} {answer.text[:300]}")
        with lock:
            latencies.extend(mine)

    with ThreadPoolExecutor(len(laptops)) as pool:
        futures = [pool.submit(push, n) for n in range(len(laptops))]
        gate.wait()
        began = time.perf_counter()
        for f in futures:
            f.result()
        return time.perf_counter() - began, latencies


def office_round(base: str, schema: str, laptops: list[Laptop], logs: Path) -> Result:
    url = with_search_path(base, schema)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    store = OfficeStore(url)   # migrated here, before the processes start
    offices = [OfficeProcess(url, log=logs / f"{schema}-{n}.log").start() for n in range(2)]
    try:
        for office in offices:
            office.wait_ready()
        targets = []
        for n, laptop in enumerate(laptops):
            office = offices[n % 2]
            code, _ = store.new_enrollment_code()
            link = enroll(laptop.folder / schema, office.url, code, laptop.key)
            targets.append((office.url, {"Authorization": f"Bearer {link.token}",
                                         "X-Device-Id": link.device_id}))
        seconds, latencies = push_all(laptops, targets, "/api/v1/records/{}", {201})
        got = store.query("SELECT verification, chain_state, count(*) FROM records"
                          " GROUP BY 1, 2")
        want = [("verified", "ok", sum(len(lp.bodies) for lp in laptops))]
        assert [tuple(r) for r in got] == want, got
        return Result("office", seconds, latencies)
    finally:
        for office in offices:
            office.stop()
        store.close()


def bare_round(base: str, schema: str, laptops: list[Laptop], logs: Path) -> Result:
    url = with_search_path(base, schema)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        conn.execute(sql.SQL("CREATE TABLE {}.bare_records (device_id text NOT NULL,"
                             " record_id text NOT NULL, envelope bytea NOT NULL,"
                             " received_at timestamptz NOT NULL DEFAULT now(),"
                             " PRIMARY KEY (device_id, record_id))").format(
                                 sql.Identifier(schema)))
    ports = [free_port(), free_port()]
    procs = []
    for n, port in enumerate(ports):
        with open(logs / f"{schema}-{n}.log", "wb") as log:
            procs.append(subprocess.Popen(
                [sys.executable, __file__, "bare-serve", "--db", url, "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT, cwd=ROOT))
    try:
        for port in ports:
            _wait(f"http://127.0.0.1:{port}/health")
        targets = [(f"http://127.0.0.1:{ports[n % 2]}", {"X-Device-Id": laptop.key.device_id})
                   for n, laptop in enumerate(laptops)]
        seconds, latencies = push_all(laptops, targets, "/records/{}", {201})
        with psycopg.connect(url) as conn:
            stored = conn.execute("SELECT count(*) FROM bare_records").fetchone()[0]
        assert stored == sum(len(lp.bodies) for lp in laptops), stored
        return Result("bare", seconds, latencies)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=15)


def _wait(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("bare-serve", help="(internal) one bare endpoint process")
    serve.add_argument("--db", required=True)
    serve.add_argument("--port", type=int, required=True)
    parser.add_argument("--server", default="postgresql://root@127.0.0.1:5432",
                        help="PostgreSQL server (without a database name)")
    parser.add_argument("--laptops", type=int, default=8)
    parser.add_argument("--records", type=int, default=200, help="records per laptop")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if args.command == "bare-serve":
        bare_serve(args.db, args.port)
        return 0

    admin = f"{args.server}/postgres"
    base = f"{args.server}/{DATABASE}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(DATABASE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    try:
        with tempfile.TemporaryDirectory(prefix="bench-two-offices-") as tmp:
            folder = Path(tmp)
            began = time.perf_counter()
            laptops = make_laptops(folder, args.laptops, args.records)
            size = statistics.mean(len(b) for lp in laptops for _, b in lp.bodies)
            print(f"{args.laptops} laptops x {args.records} records sealed in "
                  f"{time.perf_counter() - began:.1f} s (envelope ~{size / 1024:.1f} KiB)")
            results: list[tuple[Result, Result]] = []
            for r in range(args.rounds):
                office = office_round(base, f"office_{r}", laptops, folder)
                bare = bare_round(base, f"bare_{r}", laptops, folder)
                results.append((office, bare))
                for res in (office, bare):
                    print(f"round {r + 1} {res.kind:<6} {len(res.latencies)} records in "
                          f"{res.seconds:6.2f} s = {res.rate:7.1f} records/s; per request p50 "
                          f"{res.pct(0.5):6.1f} ms, p95 {res.pct(0.95):6.1f} ms, max "
                          f"{max(res.latencies) * 1000:6.1f} ms")
                print(f"round {r + 1} office/bare: throughput {office.rate / bare.rate:.2f}, "
                      f"p50 {office.pct(0.5) / bare.pct(0.5):.2f}, "
                      f"p95 {office.pct(0.95) / bare.pct(0.95):.2f}")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(DATABASE)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
