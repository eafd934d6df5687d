"""`inspector-office migrate-db`: a real SQLite office (records uploaded by a laptop, photos,
reviews, rulings, a chain gap, accounts, synthetic rows) moved into PostgreSQL and compared;
refusals; an interrupted move resumed, in-process and after a SIGKILL."""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
from alembic import command
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import inspect

from inspector_app.core.tickets import TicketEvent
from inspector_app.office import cases, households, schema
from inspector_app.office.cli import main as office_main
from inspector_app.office.db import Database
from inspector_app.office.move_office import NOT_COPIED, TABLES, MoveRefused, move_office
from inspector_app.office.store import OfficeStore, RecordFilter
from inspector_app.office.synth import synthesize
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import load_link
from tests.company_events.helpers import rows as company_event_rows
from tests.office.ticket_helpers import NOW, ticket
from tests.office.uploaded import confirm_refund, supervisor, upload
from tests.photos_helpers import seal_with_photos
from tests.sync.factory import seal_many
from tests.sync.live import LiveOffice

ROOT = Path(__file__).resolve().parents[2]


def migrate(source, target, *extra: str, lang: str = "en") -> int:
    return office_main(["migrate-db", "--from", str(source), "--to", target, "--lang", lang,
                        *extra])


def put_record(office: LiveOffice, link, laptop, rid: str) -> httpx.Response:
    body = SealedStore(laptop.db).envelope_text(rid).encode("utf-8")
    return httpx.put(f"{office.url}/api/v1/records/{rid}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {link.token}",
                              "X-Device-Id": link.device_id,
                              "Content-Type": "application/json"})


@pytest.fixture
def source(tmp_path, laptop) -> Path:
    """A SQLite office with something in almost every table, stopped."""
    path = tmp_path / "office" / "office.sqlite3"
    office = LiveOffice(path).start()
    try:
        ids = upload(office, laptop, 6)                      # devices, codes, records, events
        confirm_refund(office)                               # users, profile_confirmations
        link = load_link(laptop.folder)
        photo_rid, _ = seal_with_photos(laptop.db, laptop.key, i=6)
        with SyncClient(laptop.db, link) as client:
            assert client.push_pending().photos_sent == 2    # photos, record_photos
        late, after = seal_many(laptop.db, laptop.key, 2, start=7)
        assert put_record(office, link, laptop, after).status_code == 201   # a chain gap
        with office.admin() as admin:                        # admin_tokens; rulings, 2 seasons' no
            for days in (10, 20):
                assert admin.post(f"/api/v1/records/{ids[1]}/rulings",
                                  json={"daily_fee_per_m2": "0.25",
                                        "failing_days": days}).status_code == 201
        with supervisor(office, "sup", "南关区") as sup:      # sessions, review_events
            assert sup.put(f"/api/v1/records/{ids[1]}/review",
                           json={"state": "approved", "comment": "好"}).status_code == 200
            assert sup.post(f"/api/v1/records/{ids[1]}/comments",
                            json={"comment": "复核"}).status_code == 200
        assert httpx.post(f"{office.url}/api/v1/login",                  # login_failures
                          json={"name": "sup", "password": "wrong-one"}).status_code == 401
        httpx.get(f"{office.url}/v/{ids[0]}")                             # page_hits
        office.store.allow_reenrolment(laptop.key.device_id, "王科长", "新硬盘",
                                       timedelta(hours=1))               # reenrolment_allowances
        dispatch_a_ticket(office.store, laptop.key.device_id)   # tickets and their tables
        merge_and_withdraw(office.store)        # households, household_changes, case_events
        enter_company_events(office.store)      # company_stops, heating_periods, penalty_notices
        office.store.save_tickets([ticket("A3")], source="hotline", by="import",
                                  defer_cases=True)   # cases_stale: an import not yet regrouped
        watch_a_flat(office.store)              # the monitoring tables
        assert photo_rid and late
    finally:
        office.stop()
    synthesize(path, 30)
    return path


def watch_a_flat(store: OfficeStore) -> None:
    """A monitoring point registered then recalibrated (its change audited), a platform key, a
    cold day of readings aggregated (days, a run below), a conflicting value, a reading for an
    unknown point quarantined, and one more reading the aggregator has not taken yet."""
    from inspector_app.office.monitoring import aggregates, points
    from inspector_app.office.monitoring.ingest import ingest
    from inspector_app.office.monitoring.platform_keys import create_key

    zone = timezone(timedelta(hours=8))
    now = datetime(2026, 12, 3, 12, tzinfo=zone)
    fields = {"point_id": "CY-1", "city": "长春市", "district": "朝阳区", "community": "幸福小区",
              "building": "3", "unit": "2", "flat": "501", "room_kind": "客厅",
              "company": "长春热力", "installed_on": "2026-11-01"}
    points.register(store, [points.registration(fields)], by="王科长", now=now)
    points.register(store, [points.registration({**fields, "correction_c": "0.2"})],
                    by="王科长", now=now)
    create_key(store, "长春热力", by="王科长")
    start = datetime(2026, 12, 2, tzinfo=zone)
    rows = [{"point_id": "CY-1", "t": (start + timedelta(minutes=20 * i)).isoformat(),
             "value_c": 16.5 + (i % 3) / 10} for i in range(72)]
    ingest(store, [*rows, {**rows[0], "value_c": 25}, {**rows[0], "point_id": "NEW-1"}],
           company=None, source="http", now=now)
    aggregates.refresh(store)
    ingest(store, [{"point_id": "CY-1", "t": (now - timedelta(hours=1)).isoformat(),
                    "value_c": 16.4}], company=None, source="http", now=now)


def dispatch_a_ticket(store: OfficeStore, device_id: str) -> None:
    """Tickets, a revision, events, the feed, and the office's key (`office_keys`)."""
    store.add_user("li", "inspector", "!", "朝阳区")
    with store.write() as c:
        c.execute("UPDATE devices SET inspector='li' WHERE device_id=?", (device_id,))
        key = Ed25519PrivateKey.generate()
        public = key.public_key().public_bytes_raw()
        c.execute("INSERT INTO office_keys (key_id, public_key, private_key, created_at)"
                  " VALUES (?,?,?,?)", (hashlib.sha256(public).hexdigest()[:16],
                                        base64.b64encode(public).decode(),
                                        base64.b64encode(key.private_bytes_raw()).decode(),
                                        "2026-12-01T08:00:00+08:00"))
    store.save_tickets([ticket("A1"), ticket("A2")], source="hotline", by="import")
    store.save_tickets([ticket("A1", text="又打来一次")], source="hotline", by="import")
    store.assign_ticket("12345", "A1", "li", by="王科长")


def merge_and_withdraw(store: OfficeStore) -> None:
    """Records 0 and 4 (both 朝阳区) merged as one household; the open case withdrawn."""
    homes = [r[0] for r in store.query("SELECT household FROM records WHERE district='朝阳区'"
                                       " AND synthetic=0 ORDER BY seq")]
    households.merge(store, homes[0], homes[1], "王科长", "同一户")
    case_id = store.scalar("SELECT case_id FROM cases WHERE state='open' ORDER BY case_id")
    cases.withdraw(store, case_id, "王科长", "居民撤诉")


def enter_company_events(store: OfficeStore) -> None:
    """A stop, a heating period that started late, and two drafts (one superseded)."""
    from datetime import date

    from inspector_app.office import company_stops, heating_periods
    from tests.company_events.helpers import PERIOD, STOP

    company_stops.add_stop(store, **STOP, by="王科长")
    period_id = heating_periods.add_period(store, **PERIOD, by="王科长")["period_id"]
    heating_periods.set_actual(store, period_id, actual_start="2025-10-23",
                               today=date(2026, 6, 30))
    for multiple in ("2", "3"):
        heating_periods.draft_notice(store, period_id, kind="late_start", multiple=multiple,
                                     reason="首次推迟", by="王科长")


def everything(store: OfficeStore) -> dict:
    refs = [r[0] for r in store.query("SELECT ref FROM records ORDER BY ref")]
    return {
        "records": {ref: store.record(ref) for ref in refs},
        "list": store.list_records(RecordFilter(), limit=1000).items,
        "rulings": store.query("SELECT * FROM rulings ORDER BY ruling_no"),
        "devices": [d.to_dict() for d in store.devices()],
        "device_events": store.device_events(None),
        "chain": store.chain_problems(open_only=False),
        "counts": store.counts(),
        "users": store.query("SELECT * FROM users ORDER BY name"),
        "photos": store.query("SELECT sha256, data FROM photos ORDER BY sha256"),
        "tickets": [store.ticket_detail(*key, now=NOW) for key in
                    store.ticket_keys("A1") + store.ticket_keys("A2")],
        "feed": store.query("SELECT * FROM ticket_feed ORDER BY seq"),
        "feed_counter": store.scalar("SELECT last_seq FROM ticket_feed_counter"),
        "office_keys": store.query("SELECT * FROM office_keys ORDER BY key_id"),
        "cases": store.query("SELECT * FROM cases ORDER BY case_id"),
        "case_events": store.query("SELECT * FROM case_events ORDER BY id"),
        "cases_stale": store.query("SELECT * FROM cases_stale ORDER BY household, season"),
        "households": store.query("SELECT * FROM households ORDER BY household_id"),
        "household_changes": store.query("SELECT * FROM household_changes ORDER BY id"),
        "company_events": company_event_rows(store),
    }


def test_an_office_moves_whole_and_goes_on_working_on_postgresql(source, pg_url, laptop,
                                                                 capsys):
    before = OfficeStore(source)
    counts = {t: before.scalar(f'SELECT count(*) FROM "{t}"') for t in TABLES}
    expected = everything(before)
    before.close()
    assert all(counts[t] for t in TABLES), counts                 # every table has rows

    assert migrate(source, pg_url) == 0
    out = capsys.readouterr().out
    for t in TABLES:
        assert f"{t:<24}{counts[t]:>10}{counts[t]:>10}" in out
    assert "8 verified, 0 already marked failed in the source, 30 synthetic" in out
    assert "photos matching their hash: 2" in out and "took" in out

    after = OfficeStore(pg_url)
    assert everything(after) == expected
    assert after.scalar("SELECT finished_at FROM migrate_db_runs") is not None
    after.close()

    # The office runs on the target: every table with a sequence takes new rows.
    office = LiveOffice(pg_url).start()
    try:
        link = replace(load_link(laptop.folder), office_url=office.url)
        gap_after = seal_many(laptop.db, laptop.key, 2, start=20)[1]
        assert put_record(office, link, laptop, gap_after).status_code == 201   # chain_gaps
        with SyncClient(laptop.db, link) as client:                     # records_arrival_seq
            assert client.push_pending().already_present == 2   # after, gap_after: put directly
        ref = next(r for r, d in expected["records"].items() if not d["synthetic"])
        office.store.set_review(ref, "rejected", "y", "tester")           # review_events
        office.store.allow_reenrolment(laptop.key.device_id, "王科长", "again",
                                       timedelta(hours=1))    # reenrolment_allowances, events
        confirm_refund(office)                                  # profile_confirmations
        item, stored = office.store.add_ticket_event(            # ticket_events, the feed
            "12345", "A1", TicketEvent("contacted", "2026-01-05T12:00:00+08:00", "li",
                                       "laptop", {"method": "phone"}))
        assert stored and item["state"] == "contacted"
        assert office.store.scalar("SELECT max(seq) FROM ticket_feed") == (
            expected["feed_counter"] + 1)
        assert office.store.counts()["records"] == counts["records"] + 3
        assert len(office.store.chain_problems(open_only=False)) == counts["chain_gaps"] + 1
    finally:
        office.stop()

    assert migrate(source, pg_url, lang="zh") == 2             # now it holds an office
    assert "目标已有办公室数据" in capsys.readouterr().err


def test_a_target_with_other_data_is_refused_in_both_languages(tmp_path, pg_url, capsys):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 5)
    other = OfficeStore(pg_url)
    other.add_user("someone", "admin", "x", None)
    other.close()
    assert migrate(path, pg_url, lang="zh") == 2
    assert "目标数据库不是空的（users 中已有数据），拒绝写入" in capsys.readouterr().err
    assert migrate(path, pg_url) == 2
    assert "the target database is not empty (rows in users); refused" in capsys.readouterr().err
    probe = OfficeStore(pg_url)
    assert probe.scalar("SELECT count(*) FROM records") == 0
    assert probe.scalar("SELECT to_regclass('migrate_db_runs')") is None
    probe.close()


def test_bad_places_are_refused(tmp_path, pg_url, capsys):
    assert migrate(tmp_path / "missing.sqlite3", pg_url) == 2
    assert "no source database file" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite3").exists()
    synthesize(tmp_path / "a.sqlite3", 1)
    assert migrate(tmp_path / "a.sqlite3", str(tmp_path / "b.sqlite3"), lang="zh") == 2
    assert "--to 须是 PostgreSQL 数据库地址" in capsys.readouterr().err


def test_a_tampered_record_stops_the_move_before_anything_is_written(source, pg_url, capsys):
    ref, raw = sqlite3.connect(source).execute(
        "SELECT ref, envelope FROM records WHERE synthetic=0 ORDER BY arrival LIMIT 1").fetchone()
    at = raw.index(b'"value_c":') + len(b'"value_c":')
    changed = raw[:at] + (b"2" if raw[at:at + 1] != b"2" else b"3") + raw[at + 1:]
    sha, photo = sqlite3.connect(source).execute("SELECT sha256, data FROM photos").fetchone()
    with sqlite3.connect(source) as conn:
        conn.execute("UPDATE records SET envelope=? WHERE ref=?", (changed, ref))
        conn.execute("UPDATE photos SET data=? WHERE sha256=?", (photo[:-1] + b"\0", sha))
    assert migrate(source, pg_url) == 2
    err = capsys.readouterr().err
    assert "2 items of evidence fail verification; nothing was written" in err
    assert f"{ref}: content changed" in err
    assert f"photo {sha}: the photo's bytes do not match its hash" in err
    probe = OfficeStore(pg_url)
    assert probe.scalar("SELECT count(*) FROM devices") == 0
    probe.close()
    with sqlite3.connect(source) as conn:
        conn.execute("UPDATE photos SET data=? WHERE sha256=?", (photo, sha))

    # Marked failed at the source after looking into it, it moves as failed evidence.
    assert office_main(["--db", str(source), "records", "--recheck", "--json"]) == 0
    capsys.readouterr()
    assert migrate(source, pg_url) == 0
    assert "7 verified, 1 already marked failed" in capsys.readouterr().out
    moved = OfficeStore(pg_url)
    assert moved.record(ref)["verification"] == "failed"
    assert moved.record_bytes(ref)[1] == changed
    moved.close()


def test_an_interrupted_move_resumes_where_it_stopped(tmp_path, pg_url, capsys):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 50)

    def crash(table: str, batches: int) -> None:
        if batches == 10:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        move_office(path, pg_url, batch_rows=7, after_batch=crash)
    half = OfficeStore(pg_url)
    assert half.scalar("SELECT count(*) FROM records") == 28    # 40 devices in 6 batches, then 4 × 7
    assert half.scalar("SELECT finished_at FROM migrate_db_runs") is None
    half.close()

    assert migrate(path, pg_url, "--batch-size", "3") == 0
    out = capsys.readouterr().out
    assert "resumed an interrupted move" in out
    assert f"{'records':<24}{50:>10}{50:>10}" in out



def test_a_source_changed_since_the_interruption_is_refused(tmp_path, pg_url, capsys):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 20)

    def crash(_table: str, batches: int) -> None:
        if batches == 2:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        move_office(path, pg_url, batch_rows=30, after_batch=crash)
    synthesize(path, 1, seed=2)                # the office ran again in between
    assert migrate(path, pg_url) == 2
    assert "the source has changed since. Empty the target" in capsys.readouterr().err


def test_a_source_written_to_during_the_move_is_refused(tmp_path, pg_url):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 20)

    def office_still_running(_table: str, batches: int) -> None:
        if batches == 1:
            synthesize(path, 1, seed=3)
    with pytest.raises(MoveRefused, match="written to during the move"):
        move_office(path, pg_url, after_batch=office_still_running)
    moved = OfficeStore(pg_url)
    assert moved.scalar("SELECT count(*) FROM records") == 20       # the snapshot, not finished
    assert moved.scalar("SELECT finished_at FROM migrate_db_runs") is None
    moved.close()


def test_a_move_killed_mid_way_resumes(tmp_path, pg_url, capsys):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 1500)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "inspector_app.office.cli", "migrate-db",
                              "--from", str(path), "--to", pg_url, "--batch-size", "1"],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    watch = Database(pg_url, pool_size=1, max_overflow=0)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert child.poll() is None, "the move ended before it could be killed"
            assert time.monotonic() < deadline
            if watch.scalar("SELECT to_regclass('migrate_db_tables') IS NOT NULL") and watch.scalar(
                    "SELECT copied_rows FROM migrate_db_tables WHERE table_name='records'"):
                break
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        copied = watch.scalar("SELECT count(*) FROM records")
    finally:
        if child.poll() is None:
            child.kill()
        watch.close()
    assert 0 < copied < 1500
    assert migrate(path, pg_url) == 0
    out = capsys.readouterr().out
    assert "resumed an interrupted move" in out
    assert f"{'records':<24}{1500:>10}{1500:>10}" in out


def test_a_source_table_it_does_not_know_stops_the_move(tmp_path, pg_url, capsys):
    path = tmp_path / "office.sqlite3"
    synthesize(path, 3)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE work_orders (id INTEGER PRIMARY KEY, body TEXT)")
    assert migrate(path, pg_url) == 2
    assert "tables this program does not know: work_orders" in capsys.readouterr().err


def test_an_older_source_is_upgraded_first_and_says_so(tmp_path, pg_url, capsys):
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    config = schema.alembic_config()
    with db.write() as c:
        config.attributes["connection"] = c.conn
        command.upgrade(config, schema.BASELINE)
        c.execute("INSERT INTO devices (device_id, public_key, enrolled_via, enrolled_at)"
                  " VALUES ('d1', 'k1', 'bundle', '2026-11-01T00:00:00+08:00')")
    db.close()
    assert migrate(path, pg_url) == 0
    out = capsys.readouterr().out
    assert f"upgraded in place: 0001 → {schema.head()}" in out
    assert f"{'devices':<24}{1:>10}{1:>10}" in out


def test_the_table_list_is_the_schema_in_foreign_key_order(tmp_path):
    store = OfficeStore(tmp_path / "office.sqlite3")
    with store.db.reading() as c:
        found = inspect(c.conn)
        assert set(found.get_table_names()) - set(NOT_COPIED) == set(TABLES)
        for i, table in enumerate(TABLES):
            for fk in found.get_foreign_keys(table):
                assert TABLES.index(fk["referred_table"]) <= i, (table, fk)
    store.close()
