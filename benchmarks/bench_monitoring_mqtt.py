"""Monitoring readings through MQTT into PostgreSQL against COPY of the same rows, same run.

    .venv/bin/python benchmarks/bench_monitoring_mqtt.py [--server postgresql://root@127.0.0.1:5432]
        [--broker 127.0.0.1:1883] [--points 500] [--days 4] [--rounds 2]

The readings are those of `bench_monitoring_ingest.py` (synthetic points' last `--days` days,
20-minute samples), published as platforms upload hourly: one message per point and hour, a JSON
array of its three readings, to `bench/{run}/points/{point_id}/readings` at QoS 1, by one
publisher thread. Per round, each kind in a fresh schema with the points registered:

- **mqtt**: a plain paho subscriber (QoS 1; the network thread only queues) and one thread
  that takes what is queued, up to 1,000 readings, and files it with `ingest.ingest(…,
  source="mqtt")` in one transaction, as the office's subscriber does. The office's own
  `monitor-mqtt` (branch `mqtt`) was not in main when this was measured. Timed from the first
  publish to the last reading stored.
- **copy**: the same readings in batches of 1,000, one COPY transaction each, on one
  connection (`bench_monitoring_ingest.copy_sender`).

Prints readings/s of each and mqtt / copy. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import queue
import secrets
import sys
import threading
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
from inspector_app.office.monitoring.ingest import ingest  # noqa: E402

DATABASE = "bench_monitoring_mqtt"
BATCH = 1000


def messages(batches: list[common.Batch]) -> list[tuple[str, bytes]]:
    """(point id, payload): one message per point and hour, in time order."""
    hourly: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for b in batches:
        for row in b.json_rows:
            hourly[(row["t"][:13], row["point_id"])].append(row)
    return [(point, json.dumps(rows).encode()) for (_h, point), rows in sorted(hourly.items())]


def mqtt_round(base: str, schema: str, batches, msgs, args, times) -> float:
    store = common.fresh_schema(base, schema, args.points, times)
    total = sum(len(b.json_rows) for b in batches)
    host, port = args.broker.split(":")
    prefix = f"bench/{secrets.token_hex(4)}"
    inbox: queue.Queue[bytes] = queue.Queue()
    subscribed = threading.Event()
    stored = [0]
    now = datetime.now(UTC)

    sub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"{prefix}-sub")
    sub.on_connect = lambda c, *_a: c.subscribe(f"{prefix}/points/+/readings", qos=1)
    sub.on_subscribe = lambda *_a: subscribed.set()
    sub.on_message = lambda _c, _u, m: inbox.put(m.payload)
    sub.connect(host, int(port))
    sub.loop_start()
    subscribed.wait(30)

    def filer() -> None:
        while stored[0] < total:
            rows = json.loads(inbox.get())
            while len(rows) < BATCH:
                try:
                    rows += json.loads(inbox.get_nowait())
                except queue.Empty:
                    break
            result = ingest(store, rows, company=None, source="mqtt", now=now)
            stored[0] += result.stored + result.repeated

    worker = threading.Thread(target=filer)
    worker.start()
    pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"{prefix}-pub")
    pub.max_queued_messages_set(0)
    pub.connect(host, int(port))
    pub.loop_start()
    began = time.perf_counter()
    for point, payload in msgs:
        pub.publish(f"{prefix}/points/{point}/readings", payload, qos=1)
    worker.join()
    seconds = time.perf_counter() - began
    pub.loop_stop()
    sub.loop_stop()
    pub.disconnect()
    sub.disconnect()
    count = store.db.scalar("SELECT COUNT(*) FROM monitoring_readings")
    store.close()
    assert count == total, (count, total)
    print(f"  mqtt   {total} readings ({len(msgs)} messages) in {seconds:6.2f} s ="
          f" {total / seconds:9.0f} readings/s")
    return total / seconds


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
            got = mqtt_round(base, f"mqtt_{r}", batches, msgs, args, times)
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
