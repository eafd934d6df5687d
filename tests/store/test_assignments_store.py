"""The laptop's assignments and ticket event outbox: pulls stored once, steps checked locally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from inspector_app.core.tickets import TicketError
from inspector_app.store import assignments as store
from inspector_app.store import ticket_outbox
from inspector_app.store.database import connect

NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)           # 09:00 in Changchun
COMPLAINT = "2026-12-01T08:40:00+08:00"
KEY = {"key_id": "k1", "public_key": "cHVibGlj"}


def item(ticket: str, state: str = "assigned", channel: str = "12345", **extra) -> dict:
    return {"channel": channel, "ticket": ticket, "key": f"{channel}/{ticket}", "revision": 1,
            "digest": "d" * 64, "data": {"resident_name": "李梅", "resident_phone": "13800000000"},
            "profile_name": "changchun", "contact_limit_min": 30, "state": state,
            "inspector": "li", "complaint_at": COMPLAINT, "contacted_at": None,
            "contact_method": None, "visit_at": None, "attempts": 0, "reason": "",
            "records": [], "address": "长春市朝阳区人民大街 1-2-301",
            "signature": {"key_id": "k1", "value": "c2ln"}, **extra}


def page(items=(), removed=(), cursor="c1", more=False, key=KEY) -> dict:
    return {"assignments": list(items), "removed": list(removed), "cursor": cursor,
            "more": more, "office_time": NOW.isoformat(), "office_key": key}


@pytest.fixture
def db(tmp_path):
    return connect(tmp_path / "inspections.sqlite3")


def test_a_page_is_stored_once_with_its_cursor_and_the_office_key(db):
    assert store.last_pull(db) is None and store.office_key(db) is None
    first = store.save_pull(db, page([item("A1"), item("A2")]), NOW)
    again = store.save_pull(db, page([item("A1"), item("A2")], cursor="c2"), NOW)
    assert first.pulled == again.pulled == 2
    assert [a.key for a in store.assignments(db)] == ["12345/A1", "12345/A2"]
    assert store.cursor(db) == "c2" and store.last_pull(db) == NOW
    assert store.office_key(db) == KEY
    a = store.assignment(db, "12345", "A1")
    assert a.status.state == "assigned" and a.signature == {"key_id": "k1", "value": "c2ln"}


def test_another_office_key_is_refused_and_nothing_changes(db):
    store.save_pull(db, page([item("A1")]), NOW)
    with pytest.raises(store.OfficeKeyChanged) as err:
        store.save_pull(db, page([item("A2")], cursor="c9",
                                 key={"key_id": "k2", "public_key": "b3RoZXI="}), NOW)
    assert "k2" in err.value.message_en and "密钥" in err.value.message_zh
    assert [a.ticket for a in store.assignments(db)] == ["A1"] and store.cursor(db) == "c1"


def test_steps_are_checked_against_the_local_status(db):
    store.save_pull(db, page([item("A1")]), NOW)
    at = NOW + timedelta(minutes=1)
    with pytest.raises(TicketError) as err:   # "visit agreed" before "contacted"
        store.log_event(db, "12345", "A1", "visit_agreed", at, {"visit_at": at}, now=NOW)
    assert "已派单" in err.value.message_zh and ticket_outbox.counts(db)["total"] == 0
    store.log_event(db, "12345", "A1", "contact_attempt", NOW, {"method": "phone"}, now=NOW)
    store.log_event(db, "12345", "A1", "contacted", NOW, {"method": "sms"}, now=NOW)
    store.log_event(db, "12345", "A1", "visit_agreed", NOW,
                    {"visit_at": "2026-12-01T14:00:00+08:00"}, now=NOW)
    a = store.assignment(db, "12345", "A1")
    assert a.status.state == "visit_agreed" and a.status.attempts == 1 and a.pending_events == 3
    assert a.status.contact_method == "sms" and a.status.minutes_to_contact() == 20.0
    assert [e.kind for e in ticket_outbox.entries(db)] == ["contact_attempt", "contacted",
                                                           "visit_agreed"]
    with pytest.raises(TicketError):          # contacted twice
        store.log_event(db, "12345", "A1", "contacted", NOW, {"method": "sms"}, now=NOW)


@pytest.mark.parametrize("kind, data, at, field", [
    ("tested", {"record": "r"}, NOW, "kind"),              # not a laptop's step
    ("contacted", {"method": "fax"}, NOW, "method"),
    ("contacted", {"method": "phone"}, NOW + timedelta(hours=1), "at"),   # in the future
    ("contacted", {"method": "phone"}, "2026-12-01T09:00:00", "at"),      # no zone
    ("unreachable", {"reason": "无人"}, NOW, "attempts"),   # needs an attempt first
])
def test_bad_steps_are_refused_with_the_field(db, kind, data, at, field):
    store.save_pull(db, page([item("A1")]), NOW)
    with pytest.raises(TicketError) as err:
        store.log_event(db, "12345", "A1", kind, at, data, now=NOW)
    assert err.value.field == field and ticket_outbox.counts(db)["total"] == 0


def test_a_ticket_taken_back_disappears_unless_its_visit_was_started(db):
    store.save_pull(db, page([item("A1"), item("A2"), item("A3")]), NOW)
    store.mark_visit_started(db, "12345", "A2", "visit-2")
    counts = store.save_pull(db, page(removed=[
        {"channel": "12345", "ticket": "A1", "reason": "reassigned"},
        {"channel": "12345", "ticket": "A2", "reason": "reassigned"},
        {"channel": "12345", "ticket": "ZZ", "reason": "reassigned"}], cursor="c2"), NOW)
    assert (counts.removed, counts.flagged) == (2, 1)
    listed = {a.ticket: a for a in store.assignments(db)}
    assert set(listed) == {"A2", "A3"} and listed["A2"].flagged and not listed["A3"].flagged
    assert listed["A2"].visit_id == "visit-2" and listed["A2"].removed_words("en") == \
        "reassigned to another inspector"
    assert {a.ticket for a in store.assignments(db, include_removed=True)} == {"A1", "A2", "A3"}
    for ticket in ("A1", "A2"):
        with pytest.raises(TicketError):
            store.log_event(db, "12345", ticket, "contacted", NOW, {"method": "phone"}, now=NOW)
    with pytest.raises(TicketError):
        store.mark_visit_started(db, "12345", "A1", "visit-1")
    store.save_pull(db, page([item("A1")], cursor="c3"), NOW)   # assigned back
    assert not store.assignment(db, "12345", "A1").removed


def test_an_event_the_office_confirmed_is_not_counted_twice_after_the_next_pull(db):
    store.save_pull(db, page([item("A1")]), NOW)
    event_id = store.log_event(db, "12345", "A1", "contact_attempt", NOW, {"method": "phone"},
                               now=NOW)
    claimed = ticket_outbox.claim_many(db, [event_id], lease_s=60)
    ticket_outbox.settle(db, [ticket_outbox.EventOutcome(event_id, ticket_outbox.SENT, 1, 200,
                                                          office_state="assigned")])
    assert claimed and store.assignment(db, "12345", "A1").status.attempts == 1
    store.save_pull(db, page([item("A1", attempts=1)], cursor="c2"), NOW)
    a = store.assignment(db, "12345", "A1")
    assert a.status.attempts == 1 and a.pending_events == 0


def test_a_rejected_event_no_longer_counts_and_later_events_wait_behind_a_failed_one(db):
    store.save_pull(db, page([item("A1"), item("A2")]), NOW)
    first = store.log_event(db, "12345", "A1", "contacted", NOW, {"method": "phone"}, now=NOW)
    store.log_event(db, "12345", "A1", "visit_agreed", NOW,
                    {"visit_at": "2026-12-01T15:00:00+08:00"}, now=NOW)
    other = store.log_event(db, "12345", "A2", "contacted", NOW, {"method": "phone"}, now=NOW)
    ticket_outbox.claim_many(db, [first], lease_s=60, now=0)
    ticket_outbox.settle(db, [ticket_outbox.EventOutcome(
        first, ticket_outbox.FAILED_RETRYING, 4, None, "网络错误", "network error",
        next_attempt_at=10_000)])
    assert [e.event_id for e in ticket_outbox.sendable(db, now=100)] == [other]
    assert len(ticket_outbox.sendable(db, now=100, include_not_due=True)) == 3
    ticket_outbox.claim_many(db, [first], lease_s=60, now=20_000)
    ticket_outbox.settle(db, [ticket_outbox.EventOutcome(first, ticket_outbox.REJECTED, 1, 200,
                                                          "不是您的工单", "not yours")])
    entry = ticket_outbox.entry(db, first)
    assert entry.state == "rejected" and entry.reason("zh") == "不是您的工单" and entry.attempts == 5
    assert store.assignment(db, "12345", "A1").status.state == "assigned"
