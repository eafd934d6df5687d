"""Monitoring readings through MQTT into PostgreSQL against COPY of the same rows, same run.

    .venv/bin/python benchmarks/bench_monitoring_mqtt.py [--server postgresql://root@127.0.0.1:5432]
        [--broker 127.0.0.1:1883] [--points 500] [--days 4] [--rounds 2]

The readings are those of `bench_monitoring_ingest.py` (synthetic points' last `--days` days,
20-minute samples), published as platforms upload hourly: one message per point and hour, a JSON
array of its three readings, to `bench/{run}/points/{point_id}/readings` at QoS 1, by one
publisher thread. Per round, each kind in a fresh schema with the points registered:

- **mqtt**: the office's subscriber, `inspector-office monitor-mqtt` in a child process
  (persistent session, QoS 1, acknowledged after commit, batches of up to a megabyte of
  messages a transaction), started and subscribed before the first publish; timed from the
  first publish until every reading is in the table (polled every 50 ms). The publisher
  keeps at most `AHEAD` readings (~500 messages) ahead of what is stored: Mosquitto's default
  `max_queued_messages` (1,000 a session; this machine's broker has it) drops the rest of a
  burst the subscriber has not taken yet; docs/monitoring.md says to set it to 0 in production.
- **copy**: the same readings in batches of 1,000, one COPY transaction each, on one
  connection (`bench_monitoring_ingest.copy_sender`).

Prints readings/s of each and mqtt / copy. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import paho.mqtt.client as mqtt  # noqa: E402
import psycopg  # noqa: E402
from paho.mqtt.enums import CallbackAPIVersion  # noqa: E402
from psycopg import sql  # noqa: E402

from benchmarks import bench_monitoring_ingest as common  # noqa: E402
from inspector_app.office.monitoring import partitions  # noqa: E402

DATABASE = "bench_monitoring_mqtt"
BATCH = 1000
AHEAD = 1500     # readings published and not yet stored (~500 messages)


def messages(batches: list[common.Batch]) -> list[tuple[str, bytes]]:
    """(point id, payload): one message per point and hour, in time order."""
    hourly: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for b in batches:
        for row in b.json_rows:
            hourly[(row["t"][:13], row["point_id"])].append(row)
    return [(point, json.dumps(rows).encode()) for (_h, point), rows in sorted(hourly.items())]


def mqtt_round(base: str, schema: str, batches, msgs, args, times, logs: Path) -> float:
    store = common.fresh_schema(base, schema, args.points, times)
    total = sum(len(b.json_rows) for b in batches)
    host, port = args.broker.split(":")
    prefix = f"bench/{secrets.token_hex(4)}"
    log = logs / f"{schema}.log"
    with open(log, "wb") as out:
        office = subprocess.Popen(
            [sys.executable, "-m", "inspector_app.office.cli", "--db", store.target, "--lang",
             "en", "monitor-mqtt", "--broker", f"mqtt://{args.broker}", "--client-id",
             prefix.replace("/", "-"), "--topic-prefix", prefix],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: "subscribed to" in log.read_text(), "the subscriber's subscription")
        pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"{prefix}-pub")
        pub.max_queued_messages_set(0)
        pub.connect(host, int(port))
        pub.loop_start()
        began = time.perf_counter()
        sent = 0
        for n, (point, payload) in enumerate(msgs):
            pub.publish(f"{prefix}/points/{point}/readings", payload, qos=1)
            sent += payload.count(b"point_id")
            if n % 100 == 0:    # the broker's default queue: 1,000 messages a session
                _wait_for(lambda s=sent: s - _count(store) <= AHEAD, "the subscriber",
                          timeout=600)
        _wait_for(lambda: _count(store) >= total,
                  "every reading stored", timeout=1800)
        seconds = time.perf_counter() - began
        pub.loop_stop()
        pub.disconnect()
    finally:
        office.send_signal(signal.SIGTERM)
        office.wait(timeout=60)
    count = store.db.scalar("SELECT COUNT(*) FROM monitoring_readings")
    store.close()
    assert count == total, (count, total)
    print(f"  mqtt   {total} readings ({len(msgs)} messages) in {seconds:6.2f} s ="
          f" {total / seconds:9.0f} readings/s; {log.read_text().splitlines()[-1]}")
    return total / seconds


def _count(store) -> int:
    return store.db.scalar("SELECT COUNT(*) FROM monitoring_readings")


def _wait_for(check, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.05)


def copy_round(base: str, schema: str, batches, args, times) -> float:
    store = common.fresh_schema(base, schema, args.points, times)
    seconds, lat = common.run_clients(batches, 1, common.copy_sender(store.target))
    total = sum(len(b.copy_rows) for b in batches)
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_readings") == total
    store.close()
    common.report("copy", total, seconds, lat)
    return total / seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql://root@127.0.0.1:5432")
    parser.add_argument("--broker", default="127.0.0.1:1883")
    parser.add_argument("--points", type=int, default=500)
    parser.add_argument("--days", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    admin, base = f"{args.server}/postgres", f"{args.server}/{DATABASE}"
    now = datetime.now(UTC).replace(microsecond=0)
    batches = common.make_batches(args.points, args.days, BATCH, now)
    msgs = messages(batches)
    times = [r[1] for b in batches for r in b.copy_rows]
    print(f"{sum(len(b.copy_rows) for b in batches)} readings of {args.points} points,"
          f" {len(msgs)} messages")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(DATABASE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    try:
        for r in range(args.rounds):
            print(f"round {r + 1}")
            with tempfile.TemporaryDirectory(prefix="bench-mqtt-") as tmp:
                got = mqtt_round(base, f"mqtt_{r}", batches, msgs, args, times, Path(tmp))
            copy = copy_round(base, f"copy_{r}", batches, args, times)
            print(f"  mqtt / copy: {got / copy:.2f}")
    finally:
        partitions._known.clear()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(DATABASE)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
