"""The office's ticket store on SQLite and PostgreSQL: new / revised / unchanged, revisions
never overwritten, assignment and its refusals, the laptops' feed, idempotent events, keyset
paging, the overdue filter at a given moment, and concurrent writers on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from inspector_app.core.tickets import TicketEvent, replay
from inspector_app.office.store import OfficeStore, TicketFilter, TicketRefusal
from inspector_app.office.tickets import stored_events
from tests.office.ticket_helpers import NOW, add_inspector, add_laptop, feed, ticket


@pytest.fixture
def store(office_db):
    s = OfficeStore(office_db)
    yield s
    s.close()


def at(minutes: float) -> str:
    return (NOW + timedelta(minutes=minutes)).isoformat(timespec="seconds")


def test_new_unchanged_and_revised_and_a_revision_never_overwrites(store):
    first = store.save_tickets([ticket("A1"), ticket("A2")], source="hotline", by="import")
    assert [(o.ticket, o.outcome, o.revision) for o in first] == [("A1", "new", 1),
                                                                  ("A2", "new", 1)]
    again = store.save_tickets([ticket("A1"), ticket("A2")], source="hotline", by="import")
    assert [(o.outcome, o.revision) for o in again] == [("unchanged", 1), ("unchanged", 1)]
    assert store.scalar("SELECT count(*) FROM ticket_events") == 2     # nothing written

    changed = store.save_tickets([ticket("A1", text="暖气不热，家里有老人")], source="hotline",
                                 by="import")
    assert [(o.outcome, o.revision) for o in changed] == [("revised", 2)]
    detail = store.ticket_detail("12345", "A1")
    assert detail["revision"] == 2 and detail["data"]["text"] == "暖气不热，家里有老人"
    assert [(r["revision"], r["data"]["text"]) for r in detail["revisions"]] == [
        (1, "暖气不热"), (2, "暖气不热，家里有老人")]
    assert detail["revisions"][0]["digest"] == ticket("A1").digest()
    assert [e["kind"] for e in detail["events"]] == ["received", "revised"]
    assert detail["events"][1]["data"]["digest"] == detail["digest"]
    # back to the first content: a third revision, not "unchanged" against an old one
    assert store.save_tickets([ticket("A1")], source="hotline", by="i")[0].revision == 3


def test_the_ticket_json_has_the_agreed_keys_and_the_clock(store):
    store.save_tickets([ticket("A1", minutes_ago=40)], source="hotline", by="import")
    item = store.ticket_detail("12345", "A1", now=NOW)
    assert set(item) >= {"channel", "ticket", "key", "revision", "digest", "data",
                         "profile_name", "contact_limit_min", "state", "state_zh", "inspector",
                         "complaint_at", "deadline_at", "overdue", "minutes_since_complaint",
                         "contacted_at", "contact_method", "minutes_to_contact",
                         "contacted_within_limit", "visit_at", "attempts", "reason", "records",
                         "district", "company", "address", "received_at", "updated_at",
                         "revisions", "events"}
    assert item["key"] == "12345/A1" and item["state"] == "received"
    assert item["state_zh"] == "已接收" and item["contact_limit_min"] == 30
    assert item["complaint_at"].endswith("+08:00")
    assert item["deadline_at"] == "2026-01-05T03:50:00Z"
    assert item["overdue"] is True and item["minutes_since_complaint"] == 40.0
    assert item["address"].startswith("长春市") and item["district"] == "朝阳区"
    assert store.ticket_keys("A1") == [("12345", "A1")]
    assert store.ticket_detail("12345", "nope") is None


def test_a_final_ticket_keeps_its_state_when_revised(store):
    store.save_tickets([ticket("A1")], source="hotline", by="i")
    store.add_ticket_event("12345", "A1", TicketEvent("cancelled", at(1), "王", "office",
                                                      {"reason": "重复投诉"}))
    out = store.save_tickets([ticket("A1", text="新内容")], source="hotline", by="i")
    assert out[0].outcome == "revised"
    detail = store.ticket_detail("12345", "A1")
    assert detail["state"] == "cancelled" and detail["revision"] == 2
    assert [e["kind"] for e in detail["events"]] == ["received", "cancelled"]


def test_assignment_refusals_each_with_its_code(store):
    store.save_tickets([ticket("A1"), ticket("C1", district="南关区")], source="hotline",
                       by="i")
    add_inspector(store, "li")
    add_inspector(store, "zhao", laptops=0)
    add_inspector(store, "nan", "南关区")
    store.add_user("sup", "supervisor", "x", "朝阳区")

    def refused(channel, number, who):
        with pytest.raises(TicketRefusal) as caught:
            store.assign_ticket(channel, number, who, by="王")
        return caught.value.code, caught.value.status, bool(caught.value.zh), bool(
            caught.value.en)

    assert refused("12345", "nope", "li") == ("no_such_ticket", 404, True, True)
    assert refused("12345", "A1", "ghost") == ("no_such_inspector", 422, True, True)
    assert refused("12345", "A1", "sup") == ("no_such_inspector", 422, True, True)
    assert refused("12345", "A1", "nan") == ("other_district", 422, True, True)
    assert refused("12345", "A1", "zhao") == ("no_live_laptop", 409, True, True)
    with store.write() as c:                                   # revoked: not a live laptop
        c.execute("UPDATE devices SET revoked_at='x', token_hash=NULL WHERE inspector='li'")
    assert refused("12345", "A1", "li") == ("no_live_laptop", 409, True, True)
    add_laptop(store, "li")
    store.add_ticket_event("12345", "A1", TicketEvent("cancelled", at(1), "王", "office",
                                                      {"reason": "重复"}))
    assert refused("12345", "A1", "li") == ("bad_transition", 409, True, True)
    assert store.scalar("SELECT count(*) FROM ticket_feed") == 0
    with store.write() as c:
        c.execute("UPDATE users SET disabled_at='x' WHERE name='nan'")
    assert refused("12345", "C1", "nan") == ("no_such_inspector", 422, True, True)


def test_reassignment_moves_the_feed_row_with_increasing_numbers(store):
    store.save_tickets([ticket("A1")], source="hotline", by="i")
    add_inspector(store, "li")
    add_inspector(store, "wang")
    item = store.assign_ticket("12345", "A1", "li", by="王科长")
    assert item["state"] == "assigned" and item["inspector"] == "li"
    assert feed(store) == [("li", "12345", "A1", 1, False, "")]
    item = store.assign_ticket("12345", "A1", "wang", by="王科长")
    assert item["inspector"] == "wang" and item["state"] == "assigned"
    assert feed(store) == [("li", "12345", "A1", 2, True, "reassigned"),
                           ("wang", "12345", "A1", 3, False, "")]
    # a revision of an assigned ticket reaches its holder; a contact too
    store.save_tickets([ticket("A1", text="改")], source="hotline", by="i")
    store.add_ticket_event("12345", "A1", TicketEvent("contacted", at(1), "wang", "laptop",
                                                      {"method": "phone"}))
    assert [r[3] for r in feed(store)] == [2, 5] and feed(store)[1][0] == "wang"
    store.add_ticket_event("12345", "A1", TicketEvent("cancelled", at(2), "王", "office",
                                                      {"reason": "居民撤诉"}))
    assert feed(store)[-1] == ("wang", "12345", "A1", 6, True, "cancelled")
    detail = store.ticket_detail("12345", "A1")
    assert [e["kind"] for e in detail["events"]] == ["received", "assigned", "assigned",
                                                     "revised", "contacted", "cancelled"]
    assert detail["events"][1]["by"] == "王科长" and detail["events"][1]["source"] == "office"


def test_a_repeated_event_id_writes_nothing(store):
    store.save_tickets([ticket("A1")], source="hotline", by="i")
    add_inspector(store, "li")
    store.assign_ticket("12345", "A1", "li", by="王")
    event = TicketEvent("contact_attempt", at(1), "li", "laptop", {"method": "phone"})
    first, stored = store.add_ticket_event("12345", "A1", event, event_id="e" * 32,
                                           device_id="d1")
    assert stored and first["attempts"] == 1
    events, seq = store.scalar("SELECT count(*) FROM ticket_events"), feed(store)[-1][3]
    again, stored = store.add_ticket_event("12345", "A1", event, event_id="e" * 32)
    assert not stored and again["attempts"] == 1
    assert store.scalar("SELECT count(*) FROM ticket_events") == events
    assert feed(store)[-1][3] == seq
    assert store.ticket_detail("12345", "A1")["events"][-1]["device_id"] == "d1"


def test_a_refused_event_changes_nothing(store):
    store.save_tickets([ticket("A1")], source="hotline", by="i")
    with pytest.raises(TicketRefusal) as caught:
        store.add_ticket_event("12345", "A1", TicketEvent("contacted", at(1), "li", "laptop",
                                                          {"method": "phone"}))
    assert caught.value.code == "bad_transition" and caught.value.status == 409
    with pytest.raises(TicketRefusal) as caught:
        store.add_ticket_event("12345", "A1", TicketEvent("cancelled", at(1), "王", "office"))
    assert caught.value.code == "bad_event" and caught.value.status == 422
    with pytest.raises(TicketRefusal) as caught:
        store.add_ticket_event("12345", "B9", TicketEvent("cancelled", at(1), "王", "office",
                                                          {"reason": "x"}))
    assert caught.value.code == "no_such_ticket"
    assert store.scalar("SELECT count(*) FROM ticket_events") == 1


def test_keyset_paging_through_120_tickets_returns_each_once(store):
    tickets = [ticket(f"T{i:03d}", minutes_ago=(i * 7) % 120, channel=("12345", "96118")[i % 2])
               for i in range(120)]
    store.save_tickets(tickets, source="hotline", by="i")
    seen, after, pages = [], None, 0
    while True:
        items, after = store.list_tickets(TicketFilter(), limit=25, after=after, now=NOW)
        seen.extend(items)
        pages += 1
        if after is None:
            break
    assert pages == 5 and len(seen) == 120
    assert len({i["key"] for i in seen}) == 120
    order = [(i["deadline_at"], i["channel"], i["ticket"]) for i in seen]
    assert order == sorted(order)                          # oldest complaint first
    with pytest.raises(TicketRefusal) as caught:
        store.list_tickets(TicketFilter(), after="not a cursor!")
    assert caught.value.code == "bad_cursor" and caught.value.status == 400


def test_filters_and_the_overdue_filter_at_a_given_moment(store):
    store.save_tickets([ticket("OLD", minutes_ago=45), ticket("NEW", minutes_ago=5),
                        ticket("DONE", minutes_ago=50), ticket("FAR", minutes_ago=45,
                                                               district="南关区")],
                       source="hotline", by="i")
    add_inspector(store, "li")
    store.assign_ticket("12345", "DONE", "li", by="王")
    store.add_ticket_event("12345", "DONE", TicketEvent("contacted", at(-30), "li", "laptop",
                                                        {"method": "sms"}))

    def keys(f, now=NOW):
        return [i["ticket"] for i in store.list_tickets(f, now=now)[0]]

    assert keys(TicketFilter(overdue=True)) == ["FAR", "OLD"]     # same time: by ticket
    assert keys(TicketFilter(overdue=False)) == ["DONE", "NEW"]
    assert keys(TicketFilter(overdue=True), now=NOW + timedelta(minutes=30)) == [
        "FAR", "OLD", "NEW"]
    assert keys(TicketFilter(overdue=True), now=NOW - timedelta(minutes=20)) == []
    assert keys(TicketFilter(overdue=True, district="朝阳区")) == ["OLD"]
    assert keys(TicketFilter(inspector="li")) == ["DONE"]
    assert keys(TicketFilter(state="contacted")) == ["DONE"]
    assert keys(TicketFilter(company="别的公司")) == []
    done = store.list_tickets(TicketFilter(state="contacted"), now=NOW)[0][0]
    assert done["minutes_to_contact"] == 20.0 and done["contacted_within_limit"] is True
    assert done["overdue"] is False and done["contact_method"] == "sms"
    with pytest.raises(TicketRefusal):
        store.list_tickets(TicketFilter(state="nonsense"))


def test_inspectors_with_their_live_laptops(store):
    add_inspector(store, "li", laptops=2)
    add_inspector(store, "nan", "南关区", laptops=0)
    store.add_user("sup", "supervisor", "x", "朝阳区")
    assert store.inspectors() == [
        {"name": "li", "district": "朝阳区", "laptops": 2, "last_seen_at": None},
        {"name": "nan", "district": "南关区", "laptops": 0, "last_seen_at": None}]
    assert store.inspectors("南关区") == [
        {"name": "nan", "district": "南关区", "laptops": 0, "last_seen_at": None}]
    with pytest.raises(ValueError):
        store.add_user("nowhere", "inspector", "!", None)


def test_concurrent_assignments_and_events_keep_a_valid_history(store):
    """Writers in threads (several connections; on PostgreSQL truly at once): every ticket's
    stored events replay without a refusal, the state columns equal the replay, and the feed's
    numbers are unique and follow the order of the events."""
    numbers = [f"R{i}" for i in range(6)]
    store.save_tickets([ticket(n) for n in numbers], source="hotline", by="i")
    for name in ("li", "wang", "zhou"):
        add_inspector(store, name)
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        try:
            for round_ in range(8):
                for n in numbers:
                    try:
                        if (k + round_) % 3 == 0:
                            store.assign_ticket("12345", n, ("li", "wang", "zhou")[k % 3],
                                                by=f"w{k}")
                        else:
                            store.add_ticket_event("12345", n, TicketEvent(
                                "contact_attempt", at(round_), f"w{k}", "laptop",
                                {"method": "phone"}))
                    except TicketRefusal as exc:
                        assert exc.code == "bad_transition"   # an attempt before assignment
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for n in numbers:
        with store.db.reading() as c:
            status = replay(stored_events(c, "12345", n))
        item = store.ticket("12345", n)
        assert (item["state"], item["inspector"], item["attempts"]) == (
            status.state, status.inspector, status.attempts)
    seqs = [r[3] for r in feed(store)]
    assert len(seqs) == len(set(seqs))
    assert store.scalar("SELECT last_seq FROM ticket_feed_counter") >= max(seqs)
