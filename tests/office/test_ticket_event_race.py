"""A reassignment racing a laptop's event: "is this ticket yours" is decided under the ticket's
lock, in the transaction that stores the event, so no event is ever stored on a ticket that was
no longer that laptop's inspector's when it was stored (both backends; PostgreSQL is the one
with real concurrent writers).

How the race is made certain, not hoped for: the test holds the ticket's lock in an open write
transaction that reassigns the ticket, lets the laptop's request run into that lock over real
HTTP, and only then commits. A check made before the lock (as the feed route did) saw the old
inspector and let the event through.
"""

from __future__ import annotations

import json
import threading
import time
import uuid

from inspector_app.core.tickets import TicketEvent
from inspector_app.office.ticket_events import record_event
from inspector_app.office.values import now_iso
from tests.office.test_ticket_feed import dispatch, event, laptop_of


def _waiting_for_a_lock(office, before: float) -> bool:
    if office.store.db.postgres:
        return bool(office.store.scalar(
            "SELECT count(*) FROM pg_locks WHERE locktype='advisory' AND NOT granted"))
    return time.monotonic() - before > 1.0  # SQLite: the request waits on BEGIN IMMEDIATE


def test_an_event_racing_a_reassignment_is_refused_not_stored(office, tmp_path):
    li = laptop_of(office, tmp_path, "li")
    laptop_of(office, tmp_path, "wang")
    dispatch(office, "R1", to="li")
    results: list[dict] = []
    sender = threading.Thread(target=lambda: results.extend(
        li.send(event("R1", "contacted", method="phone"))))
    with office.store.write() as c:
        c.lock("ticket:12345/R1")
        record_event(c, "12345", "R1", TicketEvent("assigned", now_iso(), "dispatcher", "office",
                                                   {"inspector": "wang"}),
                     f"office-{uuid.uuid4().hex}")
        sender.start()
        started = time.monotonic()
        while not _waiting_for_a_lock(office, started):
            assert time.monotonic() - started < 20, "the laptop's request never reached the lock"
            time.sleep(0.02)
    sender.join(timeout=30)
    [result] = results
    assert result["outcome"] == "refused" and result["error"]["error"] == "not_yours"
    assert result["error"]["reason_zh"]
    assert office.store.scalar("SELECT COUNT(*) FROM ticket_events WHERE source='laptop'") == 0
    assert office.store.ticket("12345", "R1")["state"] == "assigned"


def test_many_events_racing_reassignments_land_only_while_the_ticket_is_theirs(office, tmp_path):
    """Threads: li's and wang's laptops keep sending attempts while the dispatcher moves the
    ticket between them; replaying the stored events, every laptop event follows an
    assignment to its own inspector."""
    laptops = {"li": laptop_of(office, tmp_path, "li"), "wang": laptop_of(office, tmp_path, "wang")}
    dispatch(office, "R2", to="li")
    stop = threading.Event()

    def keep_sending(name: str) -> None:
        while not stop.is_set():
            laptops[name].send(event("R2", "contact_attempt", method="phone"))

    senders = [threading.Thread(target=keep_sending, args=(n,)) for n in laptops]
    for t in senders:
        t.start()
    try:
        for i in range(30):
            office.store.assign_ticket("12345", "R2", ("wang", "li")[i % 2], by="dispatcher")
    finally:
        stop.set()
        for t in senders:
            t.join(timeout=30)
    holder = None
    laptop_events = 0
    for kind, by, source, data in office.store.query(
            "SELECT kind, by, source, data FROM ticket_events WHERE channel='12345'"
            " AND ticket='R2' ORDER BY id"):
        if kind == "assigned":
            holder = json.loads(data)["inspector"]
        if source == "laptop":
            laptop_events += 1
            assert by == holder, f"{by}'s event stored while the ticket was {holder}'s"
    assert laptop_events > 0


def test_one_event_id_raced_onto_two_tickets_is_stored_once_and_refused_once(office_db):
    """Two tickets' locks do not exclude each other, so two requests may both find an event id
    unused; the unique index keeps one and the other is told `event_id_taken`, never a 500."""
    from inspector_app.office.store import OfficeStore
    from inspector_app.office.tickets import TicketRefusal
    from tests.office.ticket_helpers import add_inspector, add_laptop, ticket

    store = OfficeStore(office_db)
    try:
        add_inspector(store, "li")
        add_laptop(store, "li")
        for round_no in range(12):
            numbers = (f"E{round_no}a", f"E{round_no}b")
            store.save_tickets([ticket(n) for n in numbers], source="hotline", by="t")
            for n in numbers:
                store.assign_ticket("12345", n, "li", by="t")
            event_id = uuid.uuid4().hex
            outcomes: list[str] = []
            gate = threading.Barrier(2)

            def send(number: str, event_id: str = event_id, gate: threading.Barrier = gate,
                     outcomes: list[str] = outcomes) -> None:
                gate.wait()
                try:
                    store.add_ticket_event("12345", number, TicketEvent(
                        "contact_attempt", now_iso(), "li", "laptop", {"method": "phone"}),
                        event_id=event_id, expect_inspector="li")
                    outcomes.append("stored")
                except TicketRefusal as refusal:
                    outcomes.append(refusal.code)

            threads = [threading.Thread(target=send, args=(n,)) for n in numbers]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=30)
            assert sorted(outcomes) == ["event_id_taken", "stored"], outcomes
            assert store.scalar("SELECT count(*) FROM ticket_events WHERE event_id=?",
                                (event_id,)) == 1
    finally:
        store.close()
