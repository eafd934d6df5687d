"""The two-way ticket sync against a real office on 127.0.0.1 (SQLite and PostgreSQL):
assignments pulled, contacts pushed, reassignment, offline listing, refusals, a faulty network.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from inspector_app.cli import main as app_main
from inspector_app.core.tickets import TicketError
from inspector_app.seal.device_key import DeviceKey
from inspector_app.store import assignments as store
from inspector_app.store import ticket_outbox
from inspector_app.sync.assignments import pull_assignments, push_ticket_events
from inspector_app.sync.background import BackgroundSync
from inspector_app.sync.client import RetryPolicy, SyncClient
from inspector_app.sync.config import OfficeLink, save_link
from tests.office.ticket_helpers import ticket
from tests.sync.factory import laptop_db
from tests.sync.fault_proxy import FaultPlan, FaultProxy
from tests.sync.hostile_servers import AnsweringServer
from tests.sync.live import Laptop


def inspector_laptop(office, laptop, name: str = "li", district: str = "朝阳区") -> OfficeLink:
    """An inspector account and this laptop enrolled for it (as `enrollment-code --inspector`
    leaves it: `devices.inspector`)."""
    if office.store.query_one("SELECT 1 FROM users WHERE name=?", (name,)) is None:
        office.store.add_user(name, "inspector", "!", district)
    link = office.enroll_key(laptop.folder, laptop.key)
    with office.store.write() as c:
        c.execute("UPDATE devices SET inspector=? WHERE device_id=?", (name, link.device_id))
    return link


def dispatch(office, numbers, inspector: str = "li") -> None:
    now = datetime.now(UTC)
    office.store.save_tickets([ticket(n, now=now, minutes_ago=12) for n in numbers],
                              source="hotline", by="tester")
    for n in numbers:
        office.store.assign_ticket("12345", n, inspector, by="boss")


def second_laptop(tmp_path, name: str) -> Laptop:
    folder = tmp_path / name
    return Laptop(folder, laptop_db(folder), DeviceKey.generate())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def app(folder, *argv) -> int:
    return app_main(["--data-dir", str(folder), "--lang", "en", *argv])


def test_assign_pull_log_contact_push_and_the_office_says_contacted(office, laptop):
    link = inspector_laptop(office, laptop)
    dispatch(office, ["A1", "A2"])
    with SyncClient(laptop.db, link) as client:
        first = client.sync_all()
    assert first.tickets.pulled == 2 and first.tickets.pull_done and first.tickets.ok
    listed = {a.ticket: a for a in store.assignments(laptop.db)}
    assert set(listed) == {"A1", "A2"} and listed["A1"].status.state == "assigned"
    assert listed["A1"].item["data"]["resident_name"] == "张三"
    assert store.office_key(laptop.db)["key_id"] == listed["A1"].signature["key_id"]

    with pytest.raises(TicketError):   # the core's order, at the laptop: no visit before contact
        store.log_event(laptop.db, "12345", "A2", "visit_agreed", now_iso(),
                        {"visit_at": "2026-12-24T10:00:00+08:00"})
    store.log_event(laptop.db, "12345", "A1", "contacted", now_iso(), {"method": "phone"})
    store.log_event(laptop.db, "12345", "A1", "visit_agreed", now_iso(),
                    {"visit_at": "2026-12-24T10:00:00+08:00"})
    assert store.assignment(laptop.db, "12345", "A1").status.state == "visit_agreed"
    with SyncClient(laptop.db, link) as client:
        second = client.sync_all()
    t = second.tickets
    assert (t.events_sent, t.events_rejected, t.pulled) == (2, 0, 1)
    assert "ticket events: 2 sent" in second.summary("en") and "已发送 2 条" in second.summary("zh")

    detail = office.store.ticket_detail("12345", "A1")
    assert detail["state"] == "visit_agreed" and detail["contact_method"] == "phone"
    laptop_events = [e for e in detail["events"] if e["source"] == "laptop"]
    assert [(e["kind"], e["by"], e["device_id"]) for e in laptop_events] == [
        ("contacted", "li", link.device_id), ("visit_agreed", "li", link.device_id)]
    assert {e["event_id"] for e in laptop_events} == {
        e.event_id for e in ticket_outbox.entries(laptop.db)}
    a1 = store.assignment(laptop.db, "12345", "A1")
    assert a1.item["state"] == "visit_agreed" and a1.pending_events == 0  # folded into the pull
    assert a1.status.state == "visit_agreed"
    with SyncClient(laptop.db, link) as client:    # nothing new: an empty incremental pull
        third = client.sync_all()
    assert third.tickets.pulled == 0 and third.tickets.events_total == 0


def test_reassignment_takes_the_ticket_away_keeps_a_started_visit_and_rejects_a_late_event(
        office, laptop, tmp_path):
    li = inspector_laptop(office, laptop, "li")
    other = second_laptop(tmp_path, "wang-laptop")
    wang = inspector_laptop(office, other, "wang")
    dispatch(office, ["A1", "A2", "A3"], "li")
    with SyncClient(laptop.db, li) as client:
        client.sync_all()
    store.mark_visit_started(laptop.db, "12345", "A2", "visit-on-a2")
    late = store.log_event(laptop.db, "12345", "A1", "contacted", now_iso(), {"method": "sms"})
    for n in ("A1", "A2"):
        office.store.assign_ticket("12345", n, "wang", by="boss")

    with SyncClient(laptop.db, li) as client:
        report = client.sync_all()
    t = report.tickets
    assert (t.events_rejected, t.removed, t.flagged) == (1, 2, 1)
    entry = ticket_outbox.entry(laptop.db, late)
    assert entry.state == "rejected" and "no longer assigned" in entry.reason_en
    assert "不再派给您" in entry.reason_zh
    listed = {a.ticket: a for a in store.assignments(laptop.db)}
    assert set(listed) == {"A2", "A3"} and listed["A2"].flagged
    assert listed["A2"].visit_id == "visit-on-a2" and not listed["A3"].flagged
    with pytest.raises(TicketError):
        store.log_event(laptop.db, "12345", "A2", "contacted", now_iso(), {"method": "sms"})
    assert office.store.ticket_detail("12345", "A1")["state"] == "assigned"  # not contacted

    with SyncClient(other.db, wang) as client:
        assert client.sync_all().tickets.pulled == 2
    assert {a.ticket for a in store.assignments(other.db)} == {"A1", "A2"}


def test_the_cli_lists_online_then_offline_with_the_age_and_logs_steps(office, laptop, capsys):
    link = inspector_laptop(office, laptop)
    dispatch(office, ["A1"])
    assert app(laptop.folder, "assignments") == 0
    out = capsys.readouterr().out
    assert "12345/A1" in out and "assigned" in out and "offline" not in out

    code = app(laptop.folder, "assignments", "log", "A1", "--visit-at", "2026-12-24T10:00+08:00")
    err = capsys.readouterr().err
    assert code == 2 and "assigned" in err and "Traceback" not in err
    assert app(laptop.folder, "assignments", "log", "A1", "--contacted") == 2
    assert "--method" in capsys.readouterr().err
    assert ticket_outbox.counts(laptop.db)["total"] == 0            # nothing half-written
    assert app(laptop.folder, "assignments", "log", "12345/A1", "--contacted", "--method",
               "phone") == 0
    assert "contacted" in capsys.readouterr().out

    with laptop.db.conn:   # the last pull was 7 minutes ago, and now the office is gone
        laptop.db.conn.execute("UPDATE assignment_sync SET last_pull_at=?", (
            (datetime.now(UTC) - timedelta(minutes=7)).strftime("%Y-%m-%dT%H:%M:%SZ"),))
    save_link(laptop.folder, OfficeLink(**{**vars(link), "office_url": "http://127.0.0.1:9"}))
    assert app(laptop.folder, "assignments", "--timeout", "0.5") == 0
    out = capsys.readouterr().out
    assert "offline" in out and "last synced 7 minutes ago" in out and "contacted" in out
    assert not re.search("[\u4e00-\u9fff]", out.split("\n", 1)[0])
    assert app_main(["--data-dir", str(laptop.folder), "assignments", "--offline"]) == 0
    assert "最后同步于 7 分钟前" in capsys.readouterr().out
    assert app(laptop.folder, "assignments", "--offline", "--json") == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["online"] is False and 6.9 <= listing["age_minutes"] <= 8
    assert listing["assignments"][0]["local"]["state"] == "contacted"
    assert listing["ticket_outbox"]["pending"] == 1   # tried once, offline: kept

    save_link(laptop.folder, link)   # the office is back: `sync` sends the contact
    assert app(laptop.folder, "sync") == 0
    assert "ticket events: 1 sent" in capsys.readouterr().out
    assert office.store.ticket_detail("12345", "A1")["state"] == "contacted"


def test_a_revoked_laptop_stops_the_ticket_sync_and_keeps_its_events(office, laptop):
    link = inspector_laptop(office, laptop)
    dispatch(office, ["A1"])
    with SyncClient(laptop.db, link) as client:
        client.sync_all()
    store.log_event(laptop.db, "12345", "A1", "contacted", now_iso(), {"method": "phone"})
    with office.store.write() as c:
        c.execute("UPDATE devices SET revoked_at=? WHERE device_id=?", (now_iso(), link.device_id))
    with SyncClient(laptop.db, link) as client:
        report = client.sync_all()
    assert report.stopped and "does not accept this device" in report.stopped_en
    assert ticket_outbox.counts(laptop.db)["queued"] == 1   # not rejected: the device is refused


N = 200


@pytest.mark.slow
def test_two_hundred_assignments_and_contacts_through_a_faulty_link_arrive_once_each(
        office, laptop):
    link = inspector_laptop(office, laptop)
    numbers = [f"F{i:03d}" for i in range(N)]
    dispatch(office, numbers)
    plan = FaultPlan(p_drop=0.12, p_cut_request=0.1, p_cut_response=0.1, max_delay_s=0.05)
    proxy = FaultProxy(office.port, seed=20261202, plan=plan).start()
    via_proxy = OfficeLink(**{**vars(link), "office_url": f"http://127.0.0.1:{proxy.port}"})
    policy = RetryPolicy(attempts_per_run=4, base_delay_s=0.01, max_delay_s=0.05,
                         max_unreachable=10)
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    started = time.monotonic()
    runs = {"pull": 0, "push": 0}
    try:
        with SyncClient(laptop.db, via_proxy, timeout=2.0, policy=policy, transport=transport,
                        rng=random.Random(5)) as client:
            for _ in range(30):
                runs["pull"] += 1
                if pull_assignments(client, page_size=5).pull_done:
                    break
            assert len(store.assignments(laptop.db)) == N
            for number in numbers:
                store.log_event(laptop.db, "12345", number, "contacted", now_iso(),
                                {"method": "phone"})
            for _ in range(30):
                runs["push"] += 1
                push_ticket_events(client, include_not_due=True, batch_size=5)
                if ticket_outbox.counts(laptop.db)["pending"] == 0:
                    break
            for _ in range(30):   # the states come back, each ticket once more
                if pull_assignments(client, page_size=5).pull_done:
                    break
    finally:
        proxy.stop()
    faults = proxy.stats["drops"] + proxy.stats["cuts_request"] + proxy.stats["cuts_response"]
    print(f"\n{N} assignments and {N} contacts in {time.monotonic() - started:.2f} s, runs "
          f"{runs}; proxy {dict(proxy.stats)}")

    counts = ticket_outbox.counts(laptop.db)
    assert counts["sent"] == N and counts["pending"] == 0 and counts["rejected"] == 0
    rows = laptop.db.conn.execute("SELECT channel, ticket FROM assignments").fetchall()
    assert sorted(t for _, t in rows) == numbers                     # each once on the laptop
    local = store.assignments(laptop.db)
    assert {a.status.state for a in local} == {"contacted"}
    assert {a.item["state"] for a in local} == {"contacted"} and not any(
        a.pending_events for a in local)
    stored = office.store.query("SELECT event_id, ticket FROM ticket_events"
                                " WHERE kind='contacted' AND source='laptop'")
    assert len(stored) == N and sorted(t for _, t in stored) == numbers   # each once at the office
    assert {e for e, _ in stored} == {e.event_id for e in ticket_outbox.entries(laptop.db)}
    states = office.store.query("SELECT state, count(*) FROM tickets GROUP BY state")
    assert [tuple(r) for r in states] == [("contacted", N)]
    assert faults >= 20, proxy.stats


def test_the_background_sync_pulls_new_assignments(office, laptop):
    inspector_laptop(office, laptop)
    dispatch(office, ["B1"])
    done = threading.Event()
    reports = []

    def on_report(report, counts):
        reports.append(report)
        if report.tickets and report.tickets.pulled:
            done.set()
    worker = BackgroundSync(laptop.folder, interval_s=30, on_report=on_report).start()
    try:
        worker.poke()
        assert done.wait(15)
    finally:
        worker.stop()
    assert [a.ticket for a in store.assignments(laptop.db)] == ["B1"]
    pulled = [r for r in reports if r.tickets and r.tickets.pulled]  # a poke may add a run
    assert "assignments: 1 pulled" in pulled[0].summary("en")


def test_a_cursor_the_office_does_not_know_starts_the_pull_again(office, laptop):
    link = inspector_laptop(office, laptop)
    dispatch(office, ["A1", "A2"])
    with laptop.db.conn:
        laptop.db.conn.execute("UPDATE assignment_sync SET cursor='eyJzIjo5OTl9.forged'")
    with SyncClient(laptop.db, link) as client:
        report = client.sync_all().tickets
    assert report.ok and report.pulled == 2 and store.cursor(laptop.db) != "eyJzIjo5OTl9.forged"


@pytest.mark.parametrize("status, body", [(200, b"[" * 100_000), (200, b"<html>Wi-Fi login</html>"),
                                          (200, b'{"assignments": [{"channel": 5}], "removed": [],'
                                                b' "cursor": "c", "more": false}'),
                                          (503, b"busy")])
def test_an_answer_that_is_not_the_offices_stores_nothing(laptop, status, body):
    event_free = OfficeLink(office_url="", device_id=laptop.key.device_id, token="t0ken",
                            enrolled_at="2026-12-01T09:00:00+08:00")
    with AnsweringServer(status, body) as server, \
            SyncClient(laptop.db, OfficeLink(**{**vars(event_free), "office_url": server.url}),
                       timeout=5, sleep=lambda s: None, deadline_s=30) as client:
        report = client.sync_all().tickets
    assert not report.ok and not report.pull_done and "[[[" not in report.problem_en
    assert store.assignments(laptop.db, include_removed=True) == []
    assert store.cursor(laptop.db) is None and store.last_pull(laptop.db) is None
