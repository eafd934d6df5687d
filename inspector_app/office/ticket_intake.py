"""Tickets from the hotline stored a batch at a time: new, revised or unchanged.

Why it is shaped this way: an import of 100,000 rows is stored in batches of about 1000, each
one transaction. A ticket seen for the first time needs no replay (its only event is
`received`), so new tickets, their first revisions and `received` events are written with one
`executemany` each; only a changed ticket (rare) goes through the per-ticket path, which
replays its events. The same content again (same digest) writes nothing, so re-importing a file
is harmless; a changed one is a new revision, never an overwrite. A closed or cancelled ticket
keeps its state: its new revision is stored and shown without an event, which the core refuses.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from inspector_app.core.model import address_line
from inspector_app.core.tickets import (
    FINAL_STATES,
    SOURCES,
    TicketData,
    TicketEvent,
)
from inspector_app.office.cases import mark_stale, refresh_for
from inspector_app.office.db import Tx
from inspector_app.office.households import UPSERT, household_of_parts
from inspector_app.office.ticket_events import lock_tickets, record_event
from inspector_app.office.ticket_listing import contact_limit
from inspector_app.office.values import now_iso, utc_iso

KEY_CHUNK = 400   # tickets read per statement (two parameters each)
CONTENT = ("digest", "data", "complaint_at", "complaint_utc", "deadline_utc", "profile_name",
           "city", "district", "company", "address", "household")
NEW_TICKET = ("channel", "ticket", "revision", *CONTENT, "state", "received_at", "updated_at")
RECEIVED_EVENT = ("event_id", "channel", "ticket", "kind", "at", "by", "source", "data",
                  "recorded_at")
REVISION = ("channel", "ticket", "revision", "digest", "data", "source", "by", "received_at")


@dataclass(frozen=True)
class SaveOutcome:
    """What storing one ticket did: 'new', 'revised' or 'unchanged', and its revision now."""

    channel: str
    ticket: str
    outcome: str
    revision: int


def content(data: TicketData, digest: str, profile_name: str,
            limit_min: int | None = None) -> tuple[Any, ...]:
    """The `tickets` columns a revision sets (`CONTENT`, in order). `data` is the ticket's
    canonical JSON (`TicketData.canonical_json`, the text its digest is made of)."""
    complaint = datetime.fromisoformat(data.complaint_at)    # normalised by `validated`
    limit = contact_limit(profile_name) if limit_min is None else limit_min
    home = household_of_parts(data.city, data.district, data.street, data.community,
                              data.building, data.unit, data.flat)
    return (digest, data.canonical_json(), data.complaint_at, utc_text(complaint),
            utc_text(complaint + timedelta(minutes=limit)), profile_name, data.city,
            data.district, data.company,
            address_line(data.city, data.district, data.street, data.community, data.building,
                         data.unit, data.flat), home.household_id if home else "")


def utc_text(moment: datetime) -> str:
    """`values.utc_iso` (YYYY-MM-DDTHH:MM:SSZ) without strftime, six times faster; the years
    strftime writes differently (below 1000, no leading zeros) go through `utc_iso`."""
    offset = moment.utcoffset()
    if offset is None:
        return utc_iso(moment)
    utc = moment - offset
    if not 1000 <= utc.year <= 9999:
        return utc_iso(moment)
    return utc.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def received_event_id(channel: str, ticket: str) -> str:
    """The `event_id` of a ticket's `received` event: `received-CHANNEL/TICKET`.

    Unique by construction: a ticket is received once, its key is the `tickets` primary key,
    and no other event id can hold a '/' (a laptop's are 32 hex digits, the supervisor API's
    match `[A-Za-z0-9_-]{8,80}`, the office's own are `office-` + hex). Made
    without a random number: an import of sequential ticket numbers appends to the
    `event_id` index instead of writing a random place of it for every ticket."""
    return f"received-{channel}/{ticket}"


def held_tickets(c: Tx, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """digest, revision, state and household of those of `keys` already stored."""
    found: dict[tuple[str, str], dict] = {}
    unique = sorted(set(keys))
    for start in range(0, len(unique), KEY_CHUNK):
        chunk = unique[start:start + KEY_CHUNK]
        values = ", ".join("(?, ?)" for _ in chunk)
        # a join on the VALUES list, not `(channel, ticket) IN (VALUES ...)`: SQLite scans the
        # whole table for the latter (an import of 100,000 rows grew quadratically)
        for channel, ticket, digest, revision, state, home, complaint_at in c.execute(
                "SELECT t.channel, t.ticket, t.digest, t.revision, t.state, t.household,"
                " t.complaint_at"
                f" FROM (VALUES {values}) AS k JOIN tickets AS t"
                " ON t.channel = k.column1 AND t.ticket = k.column2",
                [p for k in chunk for p in k]):
            found[(channel, ticket)] = {"digest": digest, "revision": revision, "state": state,
                                        "household": home, "complaint_at": complaint_at}
    return found


def save_batch(c: Tx, tickets: Sequence[TicketData], *, source: str, by: str,
               profile_name: str, defer_cases: bool = False) -> list[SaveOutcome]:
    """Store `tickets` in the open transaction `c`; one outcome each, in order.

    `defer_cases`: mark the households touched stale (`office.cases.mark_stale`) instead of
    regrouping them now; an import regroups them once at its end (`cases.regroup_stale`)."""
    event_source = source if source in SOURCES else "office"
    at = now_iso()
    keys = [(t.channel, t.ticket) for t in tickets]
    lock_tickets(c, keys)
    current = held_tickets(c, keys)
    outcomes: list[SaveOutcome] = []
    new_rows: list[tuple[Any, ...]] = []
    revisions: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    changed: list[tuple[TicketData, tuple[Any, ...], int, str]] = []
    homes: dict[str, tuple[Any, ...]] = {}        # households to upsert, by id
    touched: set[tuple[str, str]] = set()         # (household, complaint time) to regroup
    limit = contact_limit(profile_name)
    for data, key in zip(tickets, keys, strict=True):
        digest = data.digest()
        held = current.get(key)
        if held is not None and held["digest"] == digest:
            outcomes.append(SaveOutcome(*key, "unchanged", held["revision"]))
            continue
        columns = content(data, digest, profile_name, limit)
        revision = 1 if held is None else held["revision"] + 1
        revisions.append((*key, revision, digest, columns[1], source, by, at))
        home = columns[-1]
        if home and home not in homes:
            home_key = household_of_parts(data.city, data.district, data.street, data.community,
                                          data.building, data.unit, data.flat)
            homes[home] = (home, home_key.text if home_key else "", data.city, data.district,
                           columns[9], at)
        touched.add((columns[-1], data.complaint_at))
        if held is not None:   # a revision may move it: its old household is regrouped too
            touched.add((held["household"], held["complaint_at"]))
        if held is None:
            # its one event is `received`, whose replay is the state 'received' and nothing
            # else (the core's `apply`; the tests hold the two together). Its data is
            # json.dumps({"complaint_at", "digest"}, sort_keys=True) written out: the time is
            # the core's isoformat and the digest hex, neither needs escaping.
            new_rows.append((*key, revision, *columns, "received", at, at))
            events.append((received_event_id(*key), *key, "received", at, by, event_source,
                           f'{{"complaint_at": "{data.complaint_at}", "digest": "{digest}"}}',
                           at))
            current[key] = {"digest": digest, "revision": revision, "state": "received",
                            "household": columns[-1], "complaint_at": data.complaint_at}
        else:
            changed.append((data, columns, revision, held["state"]))
            current[key] = {**held, "digest": digest, "revision": revision,
                            "household": columns[-1], "complaint_at": data.complaint_at}
        outcomes.append(SaveOutcome(*key, "new" if held is None else "revised", revision))
    c.insert_rows("tickets", NEW_TICKET, new_rows)
    c.insert_rows("ticket_events", RECEIVED_EVENT, events)
    sets = ", ".join(f"{n}=?" for n in ("revision", *CONTENT, "updated_at"))
    for data, columns, revision, state in changed:   # after the new ones: a ticket new and
        key = (data.channel, data.ticket)              # changed in one batch is stored first
        c.execute(f"UPDATE tickets SET {sets} WHERE channel=? AND ticket=?",
                  (revision, *columns, at, *key))
        if state not in FINAL_STATES:
            record_event(c, *key, TicketEvent("revised", at, by, event_source,
                                              {"complaint_at": data.complaint_at,
                                               "digest": columns[0]}),
                         f"office-{uuid.uuid4().hex}")
    c.insert_rows("ticket_revisions", REVISION, revisions)
    c.executemany(UPSERT, sorted(homes.values()))
    if defer_cases:
        mark_stale(c, touched)
    else:
        refresh_for(c, touched)
    return outcomes
