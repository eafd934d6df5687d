"""Records per second from a laptop to the office, beside a bare endpoint storing the same bytes.

    .venv/bin/python benchmarks/bench_sync.py [--records 500] [--runs 3] [--backend sqlite]
                                              [--compare-with DIR] [--profile DIR]

One laptop data folder with `--records` sealed records (the tests' factory: the real sealing
path, a generated key kept in the folder) is made once; each run then, on the same machine:

- bare:  a FastAPI endpoint on uvicorn in a child process that appends each request's body to a
         SQLite table (WAL, synchronous=FULL, one transaction per request) and answers, sent
         the same requests (same paths, bytes, records per request and headers) by an httpx
         client configured as the laptop's, one request after the other;
- real:  in a child process, copies the folder, enrols it with a fresh office (`create_app` on
         uvicorn in a child process on 127.0.0.1, as `inspector-office serve`) and times
         `inspector-app sync` through its entry point (`inspector_app.cli.main`): outbox
         bookkeeping, HTTP, the office's checks (hash, signature, chain, exactly once) and its
         store, all of it; then checks that the office holds every record once;
- bare again, so that the bare figure (both passes together) brackets the real one: on a
  shared machine the load moves within seconds, and one pass each would mostly measure that.

It prints records/s of each and real/bare per run. `--compare-with DIR` also times the real
side with the code of another checkout (e.g. `git worktree add /tmp/before main`) in the same
run, between the same bare passes: before/after under the same load. `--backend` names the
store of both sides: `sqlite` (files) or `postgresql` (a fresh schema each on INSPECTOR_TEST_PG's
server, default 127.0.0.1:5432/test; the bare side commits one INSERT per request there).

`--profile DIR` adds one profiled real run: the laptop under cProfile (DIR/laptop.pstats, its
top functions printed) and, when py-spy is on PATH or given by `--py-spy`, the office process
sampled with all its threads (DIR/office.txt, collapsed stacks, summarised per record here).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve()
# `--code DIR` (internal): run this child with another checkout's inspector_app
ROOT = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else HERE.parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import httpx  # noqa: E402
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402

SPY_RATE = 250  # py-spy samples a second
BACKENDS = ("sqlite", "postgresql")
PG_SERVER = os.environ.get("INSPECTOR_TEST_PG", "postgresql://root@127.0.0.1:5432/test")


# -- the two servers (run in a child process: `bench_sync.py --serve KIND TARGET`) -------------
def bare_app(target: str) -> FastAPI:
    """The floor: receive the body, store it durably, answer. Nothing checked.

    SQLite (a path): WAL, synchronous=FULL, one transaction per request. PostgreSQL (a URL):
    one INSERT committed per request (synchronous_commit on, as the office runs)."""
    app = FastAPI()
    if target.startswith("postgresql"):
        import psycopg

        pg = psycopg.connect(target)
        pg.execute("CREATE TABLE IF NOT EXISTS uploads (id bigserial PRIMARY KEY, path text,"
                   " body bytea)")
        pg.commit()

        @app.api_route("/api/v1/{path:path}", methods=["PUT", "POST"])
        async def upload_pg(path: str, request: Request) -> JSONResponse:
            body = await request.body()
            pg.execute("INSERT INTO uploads (path, body) VALUES (%s, %s)", (path, body))
            pg.commit()
            return JSONResponse({"path": path, "stored": len(body)}, status_code=201)

        return app
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS uploads (id INTEGER PRIMARY KEY, path TEXT,"
                 " body BLOB)")

    @app.api_route("/api/v1/{path:path}", methods=["PUT", "POST"])
    async def upload(path: str, request: Request) -> JSONResponse:
        body = await request.body()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO uploads (path, body) VALUES (?, ?)", (path, body))
        conn.execute("COMMIT")
        return JSONResponse({"path": path, "stored": len(body)}, status_code=201)

    return app


def serve(kind: str, target: str) -> None:
    """Bind 127.0.0.1:0, print the port, serve until killed (same uvicorn settings for both)."""
    import uvicorn

    from inspector_app.office.serving import uvicorn_config

    if kind == "office":
        from inspector_app.office.app import create_app
        app = create_app(target)
    else:
        app = bare_app(target)
    # proto IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on such sockets, and without it
    # every answer waits ~40 ms for a delayed ACK (Nagle), for both servers alike
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)
    config = uvicorn_config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


@contextlib.contextmanager
def served(kind: str, target: str, py_spy: str | None = None,
           spy_out: Path | None = None) -> Iterator[tuple[str, int]]:
    """(url, pid) of a server child, stopped after."""
    child = subprocess.Popen([sys.executable, str(HERE), "--code", str(ROOT), "--serve", kind,
                              target],
                             stdout=subprocess.PIPE, text=True)
    spy = None
    try:
        url = f"http://127.0.0.1:{int(child.stdout.readline())}"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{url}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        if py_spy and spy_out:
            spy = subprocess.Popen([py_spy, "record", "--pid", str(child.pid), "--threads",
                                    "--idle", "--rate", str(SPY_RATE), "--format", "raw", "--output",
                                    str(spy_out)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
            time.sleep(1.0)  # py-spy attaches
        yield url, child.pid
    finally:
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its file and exits
            spy.wait(30)
        child.terminate()
        child.wait(10)


# -- CPU seconds: steady under load, where wall time mostly measures the other processes ------
def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc), all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Timing:
    """One side's pass: wall seconds, records, CPU seconds of client and server during it."""

    wall: float
    records: int
    client_cpu: float
    server_cpu: float

    def rate(self) -> float:
        return self.records / self.wall

    def cpu_ms(self) -> float:
        return 1000 * (self.client_cpu + self.server_cpu) / self.records


# -- the office store's address: the backend hook ---------------------------------------------
def office_target(backend: str, folder: Path) -> str:
    """What `create_app` / `OfficeStore` (or the bare endpoint) is given for a fresh store.

    sqlite: a file path. postgresql: a fresh schema on INSPECTOR_TEST_PG's server (default
    127.0.0.1:5432, database test), as a URL with its search_path; `drop_target` removes it.
    """
    if backend == "sqlite":
        return str(folder / "office.sqlite3")
    import psycopg

    schema = f"bench_sync_{os.getpid()}_{time.monotonic_ns() % 10**9}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}"


def drop_target(target: str) -> None:
    if target.startswith("postgresql"):
        import psycopg

        schema = target.rsplit("%3D", 1)[1]
        with psycopg.connect(PG_SERVER, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


# -- the laptop -------------------------------------------------------------------------------
def make_laptop(folder: Path, n: int) -> str:
    """A data folder with n sealed records and its device key file; returns the device id."""
    from inspector_app.seal.device_key import load_or_create_device_key
    from tests.sync.factory import laptop_db, seal_many

    db = laptop_db(folder)
    key = load_or_create_device_key(folder)
    seal_many(db, key, n)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return key.device_id


def requests_of(folder: Path) -> list[tuple[str, bytes]]:
    """(path, body) of every request the laptop's push makes for its queued records."""
    from inspector_app.store.database import DB_FILENAME

    conn = sqlite3.connect(folder / DB_FILENAME)
    rows = conn.execute("SELECT record_id, envelope FROM sealed_records ORDER BY device_id, seq")
    out = [(f"/api/v1/records/{rid}", text.encode("utf-8")) for rid, text in rows]
    conn.close()
    return out


def real_run(template: Path, work: Path, backend: str, code: Path = ROOT,
             profile_dir: Path | None = None, py_spy: str | None = None) -> Timing:
    """`inspector-app sync` (the code at `code`) pushing the whole outbox to a fresh office,
    timed in a child process, as a laptop is its own."""
    argv = [sys.executable, str(HERE), "--code", str(code), "--real", str(template), str(work),
            backend]
    if profile_dir:
        argv += ["--profile", str(profile_dir), "--py-spy", py_spy or ""]
    done = subprocess.run(argv, stdout=subprocess.PIPE, text=True, check=True)
    return Timing(**json.loads(done.stdout.strip().splitlines()[-1]))


def real_child(template: Path, work: Path, backend: str, profile_dir: Path | None,
               py_spy: str | None) -> None:
    """The real side, in its own process: prints its `Timing` as JSON, the last line."""
    from inspector_app.cli import build_parser
    from inspector_app.cli import main as app_main
    from inspector_app.office.store import OfficeStore
    from inspector_app.seal.device_key import load_device_key
    from inspector_app.sync.client import enroll

    folder = work / "laptop"
    shutil.copytree(template, folder)
    (work / "office").mkdir(parents=True)
    target = office_target(backend, work / "office")
    store = OfficeStore(target)
    code, _ = store.new_enrollment_code()
    spy_out = profile_dir / "office.txt" if profile_dir else None
    with served("office", target, py_spy, spy_out) as (url, pid):
        enroll(folder, url, code, load_device_key(folder))
        build_parser()  # imports every command's module: start-up, not the push
        out = io.StringIO()
        profiler = cProfile.Profile() if profile_dir else None
        cpu, office_cpu, began = own_cpu(), process_cpu(pid), time.perf_counter()
        with contextlib.redirect_stdout(out):
            if profiler:
                profiler.enable()
            status = app_main(["--data-dir", str(folder), "--lang", "en", "sync", "--json"])
            if profiler:
                profiler.disable()
        elapsed = time.perf_counter() - began
        cpu, office_cpu = own_cpu() - cpu, process_cpu(pid) - office_cpu
    answer = json.loads(out.getvalue())
    sent = answer["report"]["sent"]
    stored = store.counts()["records"]
    store.close()
    drop_target(target)
    if status != 0 or sent != stored or answer["outbox"]["pending"]:
        raise SystemExit(f"the real sync did not deliver everything: {answer['report']}")
    if profiler and profile_dir:
        profiler.dump_stats(profile_dir / "laptop.pstats")
    print(json.dumps(asdict(Timing(elapsed, sent, cpu, office_cpu))))


def bare_run(requests: list[tuple[str, bytes]], headers: dict[str, str], work: Path,
             backend: str = "sqlite", timeout: float = 15.0) -> Timing:
    """`requests` sent one after the other to the bare endpoint."""
    work.mkdir(parents=True, exist_ok=True)
    target = office_target(backend, work) if backend != "sqlite" else str(work / "bare.sqlite3")
    with served("bare", target) as (url, pid), httpx.Client(base_url=url, timeout=timeout,
                                                            headers=headers) as http:
        cpu, server_cpu, began = own_cpu(), process_cpu(pid), time.perf_counter()
        for path, body in requests:
            r = http.put(path, content=body, headers={"Content-Type": "application/json"})
            if r.status_code != 201:
                raise SystemExit(f"bare endpoint answered {r.status_code}")
        elapsed = time.perf_counter() - began
        cpu, server_cpu = own_cpu() - cpu, process_cpu(pid) - server_cpu
    if target.startswith("postgresql"):
        import psycopg

        with psycopg.connect(target) as conn:
            stored = conn.execute("SELECT count(*) FROM uploads").fetchone()[0]
        drop_target(target)
    else:
        with sqlite3.connect(target) as conn:
            stored = conn.execute("SELECT count(*) FROM uploads").fetchone()[0]
    if stored != len(requests):
        raise SystemExit(f"bare endpoint stored {stored} of {len(requests)}")
    return Timing(elapsed, stored, cpu, server_cpu)


# -- profiles ---------------------------------------------------------------------------------
def print_laptop_profile(path: Path, top: int) -> None:
    text = io.StringIO()
    pstats.Stats(str(path), stream=text).sort_stats("cumulative").print_stats(top)
    print(text.getvalue())


IDLE_LEAVES = ("Condition.wait", "Queue.get", "select", "EpollSelector.select",
               "Thread._wait_for_tstate_lock")


def print_office_profile(path: Path, top: int, records: int, rate: int) -> None:
    """Busy time per record of each function (inclusive and own), from py-spy's raw stacks.

    Samples whose innermost frame is a wait (an idle worker, the event loop in select) are left
    out; a thread blocked in fsync inside SQLite's COMMIT counts, under the Python line that
    committed."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    busy = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")[1:]]  # [0] = thread
        if not frames or frames[-1].split(" (")[0] in IDLE_LEAVES:
            continue
        n = int(count)
        busy += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    per_record = 1000 / rate / records
    print(f"office: {busy * per_record:.2f} ms busy per record (all threads)")
    for title, counter in (("inclusive", inclusive), ("own", own)):
        print(f"  top {top} {title}, ms per record:")
        for frame, n in counter.most_common(top):
            print(f"    {n * per_record:6.2f}  {frame}")


# -- main -------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--records", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--backend", choices=BACKENDS, default="sqlite")
    ap.add_argument("--compare-with", type=Path, metavar="DIR",
                    help="another checkout whose real side is timed in the same runs")
    ap.add_argument("--profile", type=Path, metavar="DIR")
    ap.add_argument("--py-spy", default=shutil.which("py-spy"), metavar="PATH")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--code", type=Path, help=argparse.SUPPRESS)  # read at import time
    ap.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--real", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(*args.serve)
        return 0
    if args.real:
        template, work, backend = args.real
        real_child(Path(template), Path(work), backend, args.profile, args.py_spy or None)
        return 0
    if args.records < 1 or args.runs < 1:
        ap.error("--records and --runs must be at least 1")
    if args.compare_with and not (args.compare_with / "inspector_app").is_dir():
        ap.error(f"--compare-with {args.compare_with}: not a checkout of this project")

    from inspector_app.sync.client import DEVICE_HEADER, USER_AGENT

    codes = {"this": ROOT} | ({"other": args.compare_with.resolve()} if args.compare_with else {})
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        base = Path(tmp)
        template = base / "template"
        began = time.perf_counter()
        device_id = make_laptop(template, args.records)
        requests = requests_of(template)
        print(f"{args.records} sealed records ({sum(len(b) for _, b in requests) / 1e6:.1f} MB,"
              f" {len(requests)} requests) made in {time.perf_counter() - began:.1f} s;"
              f" backend {args.backend}, SQLite {sqlite3.sqlite_version},"
              f" Python {sys.version.split()[0]}")
        for name, code in codes.items():
            print(f"{name}: {code}")
        # the bare side gets the laptop's headers (a token of the same length: it is not read)
        headers = {"Authorization": "Bearer " + "x" * 43, DEVICE_HEADER: device_id,
                   "User-Agent": USER_AGENT}
        print("rec/s: records a second (wall clock); cpu: CPU ms a record, client + server;"
              " x: real/bare")
        ratios: dict[str, list[float]] = {name: [] for name in codes}
        for run in range(args.runs):
            work = base / f"run{run}"
            first = bare_run(requests, headers, work / "bare1", args.backend)
            real = {}
            for name in (list(codes) if run % 2 == 0 else list(reversed(codes))):
                real[name] = real_run(template, work / name, args.backend, codes[name])
            second = bare_run(requests, headers, work / "bare2", args.backend)
            bare = Timing(first.wall + second.wall, first.records + second.records,
                          first.client_cpu + second.client_cpu,
                          first.server_cpu + second.server_cpu)
            line = f"run {run + 1}: bare {bare.rate():6.1f} rec/s cpu {bare.cpu_ms():5.2f}"
            for name, t in real.items():
                ratios[name].append(t.rate() / bare.rate())
                line += (f" | {name} {t.rate():6.1f} rec/s {t.rate() / bare.rate():4.2f}x"
                         f" cpu {t.cpu_ms():5.2f} (laptop"
                         f" {1000 * t.client_cpu / t.records:4.2f})")
            print(line, flush=True)
        for name, values in ratios.items():
            print(f"{name}/bare over {args.runs} runs: {min(values):.2f}-{max(values):.2f}")
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
            t = real_run(template, base / "profiled", args.backend, ROOT, args.profile,
                         args.py_spy)
            n = t.records
            print(f"\nprofiled real run: {t.rate():.1f} rec/s (slowed by the profilers)")
            print_laptop_profile(args.profile / "laptop.pstats", args.top)
            if (args.profile / "office.txt").exists():
                print_office_profile(args.profile / "office.txt", args.top, n, SPY_RATE)
            else:
                print("office: not profiled (py-spy not found; give --py-spy PATH)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
