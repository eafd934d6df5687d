"""A laptop's incremental pull of 50 changed assignments over HTTP on loopback, against the bare
indexed query of the same rows.

    .venv/bin/python benchmarks/bench_assignment_pull.py [--pg postgresql://USER@HOST:PORT/DB]
        [--rounds 40] [--others 2000]

On SQLite (a temporary file) and, with `--pg`, on PostgreSQL (in a schema of its own, dropped
after): an office with `--others` tickets dispatched to 20 other inspectors and 200 to
inspector `li`, whose laptop is enrolled through the store's real enrolment. The office is
served by uvicorn in a child process on 127.0.0.1, as in production. Each round the office
records a contact attempt on 50 of li's tickets (so the feed holds exactly 50 changes past the
laptop's cursor), then times, interleaved:

- raw:    the feed's indexed query (`office.ticket_feed.FEED_SQL`, LIMIT 101) on the
          benchmark's own driver connection, rows fetched;
- office: GET /api/v1/assignments?cursor=… with the device credential: device auth, the office
          key, the cursor's HMAC, the query, the records tested, 50 ticket JSONs each signed
          (Ed25519), the JSON answer.

Prints p50 / p95 in ms and the ratio office/raw (p95). Run by hand.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from inspector_app.core.tickets import TicketData, TicketEvent  # noqa: E402
from inspector_app.office.auth import hash_password  # noqa: E402
from inspector_app.office.db import is_postgres  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402
from inspector_app.office.ticket_feed import FEED_SQL  # noqa: E402
from inspector_app.seal.device_key import DeviceKey  # noqa: E402
from inspector_app.seal.enrolment_proof import sign_enrolment  # noqa: E402

CHANGED = 50
MINE = 200
DISTRICT = "朝阳区"


def serve(target: str) -> None:
    """Run the office on 127.0.0.1; print its port; serve until killed."""
    import uvicorn

    from inspector_app.office.app import create_app
    from inspector_app.office.serving import uvicorn_config

    server = uvicorn.Server(uvicorn_config(create_app(target), host="127.0.0.1", port=0,
                                           log_level="warning", access_log=False,
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    print(server.servers[0].sockets[0].getsockname()[1], flush=True)
    thread.join()


def connect(target: str) -> Any:
    if is_postgres(target):
        import psycopg

        return psycopg.connect(target, autocommit=True)
    import sqlite3

    return sqlite3.connect(target, isolation_level=None)


def ticket(number: str, now: datetime) -> TicketData:
    return TicketData.validated({
        "channel": "12345", "ticket": number,
        "complaint_at": (now - timedelta(minutes=20)).isoformat(timespec="seconds"),
        "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
        "district": DISTRICT, "street": "人民大街", "community": "幸福小区", "building": "3",
        "unit": "2", "flat": "501", "company": "长春热力", "text": "室温偏低，卧室约 16 度"}, now)


def enrolled_laptop(store: OfficeStore, inspector: str) -> dict[str, str]:
    key = DeviceKey.generate()
    code, _ = store.new_enrollment_code()
    token = store.enroll(code, key.device_id, key.public_key_b64, sign_enrolment(key, code))
    with store.write() as c:
        c.execute("UPDATE devices SET inspector=? WHERE device_id=?", (inspector, key.device_id))
    return {"Authorization": f"Bearer {token}", "X-Device-Id": key.device_id}


def fill(store: OfficeStore, others: int) -> tuple[dict[str, str], list[str]]:
    """Inspectors, their laptops and dispatched tickets; li's laptop headers and ticket numbers."""
    now = datetime.now().astimezone()
    names = ["li"] + [f"inspector{i:02d}" for i in range(20)]
    for name in names:
        store.add_user(name, "inspector", hash_password("not-used-1"), DISTRICT)
    headers = enrolled_laptop(store, "li")
    for name in names[1:]:
        enrolled_laptop(store, name)
    mine = [f"L{i:04d}" for i in range(MINE)]
    theirs = [f"O{i:05d}" for i in range(others)]
    store.save_tickets([ticket(n, now) for n in mine + theirs], source="hotline", by="bench")
    for number in mine:
        store.assign_ticket("12345", number, "li", by="bench")
    for i, number in enumerate(theirs):
        store.assign_ticket("12345", number, names[1 + i % 20], by="bench")
    return headers, mine


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(target: str, label: str, rounds: int, others: int) -> dict[str, float]:
    store = OfficeStore(target)
    headers, mine = fill(store, others)
    proc = subprocess.Popen([sys.executable, __file__, "--serve", target],
                            stdout=subprocess.PIPE, text=True)
    try:
        port = proc.stdout.readline().strip() if proc.stdout else ""
        if not port:
            raise RuntimeError("the office did not start")
        conn = connect(target)
        sql = FEED_SQL.replace("?", "%s") if is_postgres(target) else FEED_SQL
        times: dict[str, list[float]] = {"raw": [], "office": []}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers,
                          timeout=30) as http:
            first = http.get("/api/v1/assignments", params={"limit": 500}).json()
            assert len(first["assignments"]) == MINE, first.get("note")
            cursor = first["cursor"]
            last_seq = store.scalar("SELECT MAX(seq) FROM ticket_feed WHERE inspector='li'")
            for round_no in range(rounds + 3):  # three rounds to warm up, not counted
                at = datetime.now().astimezone().isoformat(timespec="seconds")
                for number in mine[(round_no * CHANGED) % MINE:][:CHANGED]:
                    store.add_ticket_event("12345", number, TicketEvent(
                        "contact_attempt", at, "li", "office", {"method": "phone"}))
                started = time.perf_counter()
                rows = conn.execute(sql, ("li", last_seq, 101)).fetchall()
                raw = time.perf_counter() - started
                started = time.perf_counter()
                answer = http.get("/api/v1/assignments", params={"cursor": cursor})
                office = time.perf_counter() - started
                body = answer.json()
                assert answer.status_code == 200 and len(body["assignments"]) == CHANGED
                assert len(rows) == CHANGED and not body["more"]
                cursor = body["cursor"]
                last_seq = rows[-1][0]
                if round_no >= 3:
                    times["raw"].append(raw * 1000)
                    times["office"].append(office * 1000)
        conn.close()
    finally:
        proc.kill()
        proc.wait()
        store.close()
    result = {f"{k}_{p}": (statistics.median(v) if p == "p50" else percentile(v, 95))
              for k, v in times.items() for p in ("p50", "p95")}
    print(f"{label:10s} raw p50 {result['raw_p50']:7.2f} ms  p95 {result['raw_p95']:7.2f} ms"
          f"   office p50 {result['office_p50']:7.2f} ms  p95 {result['office_p95']:7.2f} ms"
          f"   office/raw p95 {result['office_p95'] / result['raw_p95']:6.1f}x", flush=True)
    return result


def pg_schema(url: str) -> tuple[str, str]:
    """A fresh schema on the server at `url`: (its name, the URL that uses it)."""
    import psycopg

    name = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    parts = urlsplit(url)
    query = "&".join(q for q in (parts.query, urlencode({"options": f"-csearch_path={name}"}))
                     if q)
    return name, urlunsplit(parts._replace(query=query))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--pg", help="a PostgreSQL server URL (a schema is made and dropped)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--others", type=int, default=2000,
                        help="tickets dispatched to other inspectors")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    print(f"incremental pull of {CHANGED} changed assignments, {args.rounds} rounds,"
          f" {args.others + MINE} dispatched tickets", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        run(str(Path(folder) / "office.sqlite3"), "sqlite", args.rounds, args.others)
    if args.pg:
        import psycopg

        name, target = pg_schema(args.pg)
        try:
            run(target, "postgresql", args.rounds, args.others)
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {name} CASCADE")


if __name__ == "__main__":
    main()
