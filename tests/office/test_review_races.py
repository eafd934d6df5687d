"""What reads a record's review state waits for a review decision in progress on that record.

A ruling and a record superseding it both write a history line carrying the record's review
state. On SQLite every write waits for the one before (BEGIN IMMEDIATE); on PostgreSQL, with
several office processes, they must take the record's lock as the review does, or a line
written beside an uncommitted decision shows a state the history says was already left.
Here a decision is held open in the test while the other writer runs on a thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from inspector_app.office import rulings
from inspector_app.office.store import OfficeStore, now_iso
from tests.office.test_record_identity import incoming

RULING = {"record_sha256": "h1", "decision": "refund", "amount_total": "1.00"}
HELD_S = 0.5   # how long the decision stays uncommitted while the other writer runs


def decided_while(store: OfficeStore, ref: str, state: str, other: Callable[[], Any]) -> Any:
    """Set `ref`'s review state as `set_review` does, starting `other` on a thread before
    committing; returns what `other` returned."""
    with ThreadPoolExecutor(1) as pool:
        with store.write() as c:
            c.lock(f"record {ref}")
            [was] = c.execute("SELECT review_state FROM records WHERE ref=?", (ref,)).fetchone()
            c.execute("UPDATE records SET review_state=? WHERE ref=?", (state, ref))
            c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                      " from_state) VALUES (?,?,'','王审核',?,'state',?)",
                      (ref, state, now_iso(), was))
            running = pool.submit(other)
            time.sleep(HELD_S)
        return running.result(timeout=60)


def assert_history_in_order(store: OfficeStore, ref: str) -> list[tuple[str, str]]:
    """Each line starts from the state the line before left; returns (kind, state) lines."""
    lines = store.query("SELECT kind, state, from_state FROM review_events WHERE record_ref=?"
                        " ORDER BY id", (ref,))
    state = "received"
    for kind, new, start in lines:
        assert start == state, lines
        state = new if kind in ("state", "resubmission") else state
        assert new == state, lines
    return [(kind, new) for kind, new, _ in lines]


def test_a_ruling_waits_for_a_review_decision_in_progress(office_db):
    store = OfficeStore(office_db)
    store.admit_device("aaaa", "key-aaaa")
    store.store_records([incoming("aaaa", "R1", 1, "h1")], "bundle")
    decided_while(store, "aaaa.R1", "rejected", lambda: rulings.issue(
        store, "aaaa.R1", RULING, {"comment": ""}, "张处长"))
    assert assert_history_in_order(store, "aaaa.R1") == [("state", "rejected"),
                                                         ("ruling", "rejected")]


def test_a_superseding_record_waits_for_a_review_of_the_old_one(office_db):
    store = OfficeStore(office_db)
    store.admit_device("aaaa", "key-aaaa")
    store.store_records([incoming("aaaa", "R1", 1, "h1")], "bundle")
    store.set_review("aaaa.R1", "approved", "", "王审核")
    decided_while(store, "aaaa.R1", "rejected", lambda: store.store_records(
        [incoming("aaaa", "R2", 2, "h2", supersedes="R1")], "bundle"))
    assert assert_history_in_order(store, "aaaa.R1") == [
        ("state", "approved"), ("state", "rejected"), ("superseded", "rejected")]
    [line] = store.query("SELECT comment FROM review_events WHERE record_ref='aaaa.R2'")
    assert line[0] == "supersedes R1 (rejected)"
