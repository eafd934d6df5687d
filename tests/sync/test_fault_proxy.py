"""200 records through a proxy that drops, delays and cuts: exactly 200 verified at the office.

`push_through_faults` and `assert_each_arrived_once` are also used with two office processes
on one PostgreSQL database (tests/office/test_two_processes.py).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence

import httpx
import pytest

from inspector_app.office.store import OfficeStore
from inspector_app.seal.verify import verify_envelope
from inspector_app.store import outbox
from inspector_app.sync.client import RetryPolicy, SyncClient, SyncReport
from inspector_app.sync.config import OfficeLink
from tests.sync.factory import seal_many
from tests.sync.fault_proxy import FaultPlan, FaultProxy

N = 200


def push_through_faults(laptop, link: OfficeLink, office_ports: int | Sequence[int], *,
                        fresh_connections: bool = False,
                        ) -> tuple[FaultProxy, list[SyncReport], float]:
    """The background sync's repeated runs through a faulty proxy to the office (or, given
    several ports, to each in turn per connection; `fresh_connections` opens one a request, so
    consecutive requests alternate). Returns the proxy, each run's report and the time taken."""
    proxy = FaultProxy(office_ports, seed=20261126, plan=FaultPlan(max_delay_s=0.05)).start()
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0)) \
        if fresh_connections else None
    sleeps: list[float] = []
    started = time.monotonic()
    rounds: list[SyncReport] = []
    try:
        via_proxy = OfficeLink(**{**vars(link), "office_url": f"http://127.0.0.1:{proxy.port}"})
        policy = RetryPolicy(attempts_per_run=4, base_delay_s=0.01, max_delay_s=0.05,
                             max_unreachable=10)
        with SyncClient(laptop.db, via_proxy, timeout=2.0, policy=policy, transport=transport,
                        sleep=lambda s: (sleeps.append(s), time.sleep(s)),
                        rng=random.Random(3)) as client:
            for _ in range(10):  # the background sync's repeated runs
                report = client.push_pending(include_not_due=True)
                rounds.append(report)
                if outbox.counts(laptop.db)["pending"] == 0:
                    break
    finally:
        proxy.stop()
    elapsed = time.monotonic() - started
    print(f"\n{outbox.counts(laptop.db)['sent']} records, {len(rounds)} runs, {elapsed:.2f} s; "
          f"proxy {dict(proxy.stats)}; client retries {sum(r.retries for r in rounds)}, "
          f"transient failures {sum(r.transient_failures for r in rounds)}, answered 'already "
          f"present' {sum(r.already_present for r in rounds)}, slept {sum(sleeps):.2f} s")
    return proxy, rounds, elapsed


def assert_each_arrived_once(store: OfficeStore, laptop, ids: list[str],
                             proxy: FaultProxy) -> None:
    """Every record sent and stored once, verified, its chain whole; the link really was bad."""
    n = len(ids)
    counts = outbox.counts(laptop.db)
    assert counts["sent"] == n and counts["pending"] == 0 and counts["rejected"] == 0
    assert {s for (s,) in laptop.db.execute("SELECT state FROM visits")} == {"synced"}

    rows = store.query("SELECT record_id, envelope, verification, chain_state FROM records")
    assert len(rows) == n and sorted(r[0] for r in rows) == sorted(ids)  # none lost, none doubled
    assert {(r[2], r[3]) for r in rows} == {("verified", "ok")}
    for _rid, raw, _v, _c in rows:  # every stored copy still verifies on its own
        assert verify_envelope(json.loads(bytes(raw)), laptop.key.public_key_b64) == []
    assert store.chain_problems() == []  # gaps opened by reordering were all closed

    faults = proxy.stats["drops"] + proxy.stats["cuts_request"] + proxy.stats["cuts_response"]
    assert faults >= 20, proxy.stats  # the link really was bad


@pytest.mark.slow
def test_two_hundred_records_through_a_faulty_link_arrive_once_each(office, laptop):
    ids = seal_many(laptop.db, laptop.key, N)
    link = office.enroll_key(laptop.folder, laptop.key)
    proxy, _rounds, _elapsed = push_through_faults(laptop, link, office.port)
    assert_each_arrived_once(office.store, laptop, ids, proxy)
