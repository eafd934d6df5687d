"""Sync and enrolment against offices that hang, trickle or answer with JSON bombs.

Real sockets on 127.0.0.1 (`hostile_servers`). Wall time is only bounded generously; the
exact accounting of the deadline is checked with an injected clock.
"""

from __future__ import annotations

import random
import re
import time

import httpx
import pytest

from inspector_app.cli import main as app_main
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.store import outbox
from inspector_app.sync.client import SyncClient, SyncError, enroll
from inspector_app.sync.config import OfficeLink, save_link
from tests.sync.factory import laptop_db, seal_many
from tests.sync.hostile_servers import AnsweringServer, SilentServer, TricklingServer

BOMB = b"[" * 100_000


def link_to(url: str, device_id: str) -> OfficeLink:
    return OfficeLink(office_url=url, device_id=device_id, token="t0ken",
                      enrolled_at="2026-11-26T09:00:00+08:00")


@pytest.fixture
def field(tmp_path):
    folder = tmp_path / "field"
    db = laptop_db(folder)
    key = load_or_create_device_key(folder)
    return folder, db, key, seal_many(db, key, 3)


def test_a_silent_office_costs_the_deadline_not_minutes(field):
    """Once: 187 s for 3 records. Now each request gives up after `timeout` and the run after
    `deadline_s`, and the report says how many records are left."""
    folder, db, key, ids = field
    with SilentServer() as silent:
        started = time.monotonic()
        with SyncClient(db, link_to(silent.url, key.device_id), timeout=0.3, deadline_s=1.5,
                        rng=random.Random(1)) as client:
            report = client.push_pending()
        took = time.monotonic() - started
    assert silent.accepted >= 1
    assert report.sent == 0 and report.left == 3
    assert outbox.counts(db)["pending"] == 3  # nothing lost, all still queued
    assert took < 20  # generous: the old client needed 3 × 4 × 15 s


def test_the_deadline_is_kept_on_the_clients_clock():
    """With an injected clock: every request costs 10 s; a 25 s deadline allows three tries and
    leaves all records counted, none claimed as sent."""
    import tempfile
    from pathlib import Path

    now = [1_000_000.0]

    def hang(request: httpx.Request) -> httpx.Response:
        now[0] += 10.0
        raise httpx.ReadTimeout("no answer", request=request)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = laptop_db(folder)
        key = load_or_create_device_key(folder)
        seal_many(db, key, 3)
        client = SyncClient(db, link_to("http://office.invalid", key.device_id),
                            transport=httpx.MockTransport(hang), clock=lambda: now[0],
                            sleep=lambda s: now.__setitem__(0, now[0] + s),
                            rng=random.Random(3), deadline_s=25.0)
        with client:
            report = client.push_pending()
        db.conn.close()
    assert now[0] - 1_000_000.0 <= 25.0 + 10.0  # the last request may start just before it
    assert report.left == 3 and report.sent == 0
    assert "deadline" in report.stopped_en
    assert "3 left to send" in report.summary("en") and "还剩 3 条" in report.summary("zh")


def test_sync_command_reports_what_is_left(field, capsys):
    folder, db, key, ids = field
    with SilentServer() as silent:
        save_link(folder, link_to(silent.url, key.device_id))
        code = app_main(["--data-dir", str(folder), "--lang", "en", "sync", "--deadline", "0.6",
                         "--timeout", "0.5"])
    out = capsys.readouterr()
    assert code == 1
    assert "3 left to send" in out.out and "Stopped: the sync deadline (0.6 s)" in out.out
    assert "Traceback" not in out.err
    assert not re.search("[\u4e00-\u9fff]", out.out + out.err)  # English asked: no Chinese


@pytest.mark.parametrize("status", [201, 422, 503])
def test_a_json_bomb_answer_is_not_an_office_answer(field, status):
    folder, db, key, ids = field
    with AnsweringServer(status, BOMB) as bomb, \
            SyncClient(db, link_to(bomb.url, key.device_id), timeout=5, sleep=lambda s: None,
                       deadline_s=60) as client:
        report = client.push_pending()
    assert report.sent == 0
    reasons = {r.reason_en for r in report.results}
    assert all("[[[" not in reason for reason in reasons)
    if status == 422:  # refused, in our words, since the office's could not be read
        assert report.rejected == 3 and reasons == {"the office answered HTTP 422"}
    else:
        assert report.left == 3


def test_an_oversized_answer_is_read_only_up_to_the_cap(field):
    folder, db, key, ids = field
    page = b'{"record_id": "x", "pad": "' + b"x" * 5_000_000 + b'"}'
    with AnsweringServer(201, page) as portal, \
            SyncClient(db, link_to(portal.url, key.device_id), timeout=5, sleep=lambda s: None,
                       deadline_s=60) as client:
        attempt = client.send_once(ids[0])
    assert attempt.kind == "transient" and "confirmation" in attempt.en


@pytest.mark.parametrize("body", [BOMB, b'{"token": ' + BOMB + b"}", b'{"token": 5}'])
def test_enrolment_refuses_a_bomb_or_malformed_answer(tmp_path, body):
    key = load_or_create_device_key(tmp_path)
    with AnsweringServer(201, body) as bomb, pytest.raises(SyncError) as err:
        enroll(tmp_path, bomb.url, "CODE-1234-ABCD", key, timeout=5)
    assert "not an office enrolment" in err.value.message_en
    assert not (tmp_path / "office.json").exists()


def test_enrol_command_exits_2_in_chinese_on_a_bomb(tmp_path, capsys):
    with AnsweringServer(403, BOMB) as bomb:
        code = app_main(["--data-dir", str(tmp_path), "enroll", "--office", bomb.url,
                         "--code", "CODE-1234-ABCD"])
    err = capsys.readouterr().err
    assert code == 2 and "注册失败" in err and "Traceback" not in err


def test_an_answer_that_trickles_forever_is_cut_at_the_deadline(field, tmp_path):
    """Each byte arrives within the read timeout, so only the deadline can end the request."""
    folder, db, key, ids = field
    with TricklingServer() as trickle:
        started = time.monotonic()
        with SyncClient(db, link_to(trickle.url, key.device_id), timeout=0.5, deadline_s=1.0,
                        sleep=lambda s: None) as client:
            attempt = client.send_once(ids[0], deadline=time.time() + 1.0)
        with pytest.raises(SyncError):
            enroll(tmp_path / "enrol", trickle.url, "CODE-1234-ABCD",
                   load_or_create_device_key(tmp_path / "enrol"), timeout=0.3)
        took = time.monotonic() - started
    assert attempt.kind == "transient" and "ReadTimeout" in attempt.en
    assert took < 20  # generous: without a deadline both would read for as long as it trickles


def test_the_deadline_bounds_the_photo_uploads_and_left_counts_the_record(tmp_path):
    """The office takes the record at once but never answers a photo: each photo request gets
    only the time the run has left, no photo starts after the deadline, and the record (held by
    the office, its photos not) is counted as left and awaiting photos, not sent."""
    import json

    from tests.photos_helpers import seal_with_photos

    now = [1_000_000.0]
    photo_requests = []

    def office(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/api/v1/photos/"):
            photo_requests.append(request.url.path)
            now[0] += request.extensions["timeout"]["read"]  # hangs for its whole timeout
            raise httpx.ReadTimeout("no answer", request=request)
        now[0] += 1.0
        envelope = json.loads(request.content)
        return httpx.Response(201, json={
            "record_id": envelope["record"]["record_id"], "sha256": envelope["sha256"],
            "status": "created", "chain_state": "ok",
            "photos_missing": sorted(p["sha256"] for p in envelope["record"]["photos"])})

    db = laptop_db(tmp_path)
    key = load_or_create_device_key(tmp_path)
    rid, hashes = seal_with_photos(db, key)
    client = SyncClient(db, link_to("http://office.invalid", key.device_id), timeout=15.0,
                        transport=httpx.MockTransport(office), clock=lambda: now[0],
                        sleep=lambda s: now.__setitem__(0, now[0] + s),
                        rng=random.Random(5), deadline_s=20.0)
    with client:
        report = client.push_pending()
    assert photo_requests  # the photos were tried ...
    assert now[0] - 1_000_000.0 <= 20.0 + 1.0  # ... within the deadline (+ one record PUT)
    assert report.sent == 0 and report.left == 1 and report.awaiting_photos == 1
    assert outbox.entry(db, rid).state == outbox.FAILED_RETRYING
    assert "1 left to send" in report.summary("en")
