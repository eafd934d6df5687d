"""The sync client's judgement of answers, its retries and back-off, with a scripted transport."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable

import httpx
import pytest

from inspector_app.store import outbox
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import RetryPolicy, SyncClient
from inspector_app.sync.config import OfficeLink
from tests.sync.factory import seal_many

LINK = OfficeLink(office_url="http://office.test", device_id="d", token="t", enrolled_at="now")


def ok(request: httpx.Request, status: int = 201) -> httpx.Response:
    env = json.loads(request.content)
    return httpx.Response(status, json={"record_id": env["record"]["record_id"],
                                        "sha256": env["sha256"], "status": "created",
                                        "chain_state": "ok"})


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def client_for(laptop, handler: Callable[[httpx.Request], httpx.Response],
               clock: Clock | None = None, **policy) -> SyncClient:
    clock = clock or Clock()
    return SyncClient(laptop.db, LINK, transport=httpx.MockTransport(handler), clock=clock,
                      sleep=clock.sleep, rng=random.Random(7), policy=RetryPolicy(**policy))


def rid_of(request: httpx.Request) -> str:
    return request.url.path.rsplit("/", 1)[1]


def test_sends_the_stored_bytes_with_credentials_and_marks_synced(laptop):
    ids = seal_many(laptop.db, laptop.key, 3)
    seen = []

    def handler(request):
        seen.append(request)
        return ok(request)
    calls = []
    with client_for(laptop, handler) as client:
        report = client.push_pending(lambda d, t, s: calls.append((d, t)))
    assert report.sent == 3 and report.total == 3 and not report.stopped
    assert [rid_of(r) for r in seen] == ids  # chain order
    assert seen[0].content == SealedStore(laptop.db).envelope_text(ids[0]).encode()
    assert seen[0].headers["authorization"] == "Bearer t"
    assert seen[0].headers["x-device-id"] == "d"
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert outbox.counts(laptop.db)["sent"] == 3
    assert {s for (s,) in laptop.db.execute("SELECT state FROM visits")} == {"synced"}


@pytest.mark.parametrize("answer", [
    httpx.Response(200, html="<html>请登录 Wi-Fi</html>"),              # captive portal
    httpx.Response(200, json={"ok": True}),                              # not an echo
    httpx.Response(201, json={"record_id": "x", "sha256": "y"}),         # wrong echo
    httpx.Response(503, text="busy"),
])
def test_only_an_echoing_office_answer_counts_as_sent(laptop, answer):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    with client_for(laptop, lambda r: answer) as client:
        report = client.push_pending()
    assert report.sent == 0 and report.retrying == 1
    entry = outbox.entry(laptop.db, rid)
    assert entry.state == "failed_retrying" and entry.attempts == 4
    assert entry.reason_zh and entry.reason_en
    assert laptop.db.execute("SELECT state FROM visits").fetchone()[0] == "sealed"


def test_permanent_refusals_keep_the_reason_and_do_not_stop_the_rest(laptop):
    ids = seal_many(laptop.db, laptop.key, 5)
    refusals = {ids[1]: 409, ids[2]: 422, ids[3]: 413}
    tries = Counter()

    def handler(request):
        rid = rid_of(request)
        tries[rid] += 1
        if rid in refusals:
            return httpx.Response(refusals[rid], json={
                "record_id": rid, "error": "x", "reason": f"refused {refusals[rid]}",
                "reason_zh": f"拒收 {refusals[rid]}"})
        return ok(request)
    with client_for(laptop, handler) as client:
        report = client.push_pending()
    assert (report.sent, report.rejected, report.retrying) == (2, 3, 0)
    assert all(tries[r] == 1 for r in ids)  # a refusal is never retried
    by_id = {e.record_id: e for e in outbox.entries(laptop.db)}
    assert by_id[ids[2]].state == "rejected" and by_id[ids[2]].last_status == 422
    assert by_id[ids[2]].reason("zh") == "拒收 422"
    assert by_id[ids[3]].reason("en") == "refused 413"
    with client_for(laptop, handler) as client:
        assert client.push_pending().total == 0  # rejected records wait for a person


def test_transient_faults_are_retried_with_growing_jittered_back_off(laptop):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    answers = iter([httpx.ConnectError("refused"), httpx.Response(502),
                    httpx.ReadTimeout("slow"), None])

    def handler(request):
        nxt = next(answers)
        if isinstance(nxt, Exception):
            raise nxt
        return nxt or ok(request, 200)
    clock = Clock()
    with client_for(laptop, handler, clock, base_delay_s=1.0) as client:
        report = client.push_pending()
    assert report.sent == 1 and report.already_present == 1 and report.retries == 3
    assert len(clock.sleeps) == 3
    for n, slept in enumerate(clock.sleeps):
        assert 0 <= slept <= 1.0 * 2 ** n
    assert outbox.entry(laptop.db, rid).attempts == 4


def test_persistent_back_off_grows_and_an_explicit_sync_overrides_it(laptop):
    [rid] = seal_many(laptop.db, laptop.key, 1)

    def down(request):
        raise httpx.ConnectError("down")
    clock = Clock()
    waits = []
    for _ in range(4):
        with client_for(laptop, down, clock) as client:
            assert client.push_pending(include_not_due=True).retrying == 1
        waits.append(outbox.entry(laptop.db, rid).next_attempt_at - clock.now)
    assert all(b > a for a, b in zip(waits, waits[1:]))  # ~30 s, 2 min, 4 min, 8 min ranges
    with client_for(laptop, down, clock) as client:
        assert client.push_pending().total == 0  # not due yet
    policy = RetryPolicy()
    assert policy.next_try_in(100, random.Random(1)) <= policy.persistent_max_s


def test_an_unreachable_office_stops_the_run_early(laptop):
    seal_many(laptop.db, laptop.key, 10)
    calls = Counter()

    def down(request):
        calls["n"] += 1
        raise httpx.ConnectError("no route")
    with client_for(laptop, down) as client:
        report = client.push_pending()
    assert report.stopped and report.retrying == 3 and report.not_tried == 7
    assert calls["n"] == 3 * 4
    assert outbox.counts(laptop.db)["queued"] == 7


def test_a_refused_device_stops_the_run_and_leaves_records_queued(laptop):
    seal_many(laptop.db, laptop.key, 4)

    def revoked(request):
        return httpx.Response(401, json={"error": "device_revoked", "reason": "revoked",
                                         "reason_zh": "本设备已被办公室注销"})
    with client_for(laptop, revoked) as client:
        report = client.push_pending()
    assert report.stopped and "注销" in report.stopped_zh
    assert report.rejected == 0 and report.not_tried == 3
    assert outbox.counts(laptop.db)["rejected"] == 0


def test_cancel_between_records(laptop):
    seal_many(laptop.db, laptop.key, 3)
    sent = []

    def handler(request):
        sent.append(1)
        return ok(request)
    with client_for(laptop, handler) as client:
        report = client.push_pending(should_stop=lambda: len(sent) >= 1)
    assert report.sent == 1 and report.not_tried == 2 and report.stopped_en == "cancelled"


def test_report_summary_reads_in_both_languages(laptop):
    seal_many(laptop.db, laptop.key, 1)
    with client_for(laptop, ok) as client:
        report = client.push_pending()
    assert "已上传 1" in report.summary("zh") and "sent 1" in report.summary("en")
