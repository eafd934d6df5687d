"""A household's season read from the database and grouped into cases (`core.case_grouping`).

One reader for both the cases' rows (`office.cases.refresh_household`) and a case's evidence
(`office.case_evidence`), so what a case holds is decided in one place: the list and the
ruling always agree on which records and tickets a case has.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any

from inspector_app.core.case_grouping import (
    OPEN,
    RECORD,
    RULED,
    TICKET,
    ClosedCase,
    GroupedCase,
    Item,
    StoredOpen,
    group_cases,
)
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import load_profile
from inspector_app.core.season import season_of
from inspector_app.office.db import Tx
from inspector_app.office.households import members_many
from inspector_app.office.values import record_ref

RECORD_COLS = ("ref", "record_id", "device_id", "seq", "sha256", "test_at", "received_at",
               "verdict", "supersedes", "verification", "training", "synthetic", "district",
               "company", "address", "profile_name", "household")
TICKET_COLS = ("channel", "ticket", "complaint_at", "received_at", "state", "district",
               "company", "address", "profile_name", "revision", "household")
CASE_COLS = ("case_id", "household", "season", "district", "company", "address", "state",
             "rank", "opened_at", "opened_kind", "opened_ref", "closed_at", "ruling_no",
             "records", "tickets", "failing_days", "estimate", "last_test_at",
             "evidence_after_ruling", "updated_at", "estimated_to")


def parse_time(text: str | None) -> datetime | None:
    """An aware time from an ISO text ('Z' or an offset); None for none or a naive one."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


@dataclass
class HouseholdSeason:
    """What a household (with the households merged into it) has in one season."""

    household: str
    season: str
    group: list[str]
    records: dict[str, dict[str, Any]]     # ref → row
    tickets: dict[str, dict[str, Any]]     # 'channel/ticket' → row
    stored: dict[str, dict[str, Any]]      # case_id → the stored case row
    cases: tuple[GroupedCase, ...]

    def keys(self, c: Tx) -> list[str]:
        """The group's household keys (normalised addresses), read when a stop needs them."""
        return [r[0] for r in c.execute(f"SELECT key FROM households WHERE household_id IN"
                                        f" ({','.join('?' * len(self.group))})", self.group)]

    def case(self, case_id: str) -> GroupedCase | None:
        return next((k for k in self.cases if k.case_id == case_id), None)


CHUNK = 500   # ids bound in one statement
DEFAULT_PROFILE = "changchun"


def load(c: Tx, household: str, season: str) -> HouseholdSeason:
    """The season of `household` (canonical) and its cases as grouped now."""
    return load_many(c, [(household, season)])[(household, season)]


def load_many(c: Tx, pairs: Iterable[tuple[str, str]]
              ) -> dict[tuple[str, str], HouseholdSeason]:
    """`load` for many (canonical household, season) at once, in a few statements whatever
    their number: a batch of a ticket import or a bundle regroups its households together."""
    pairs = sorted(set(pairs))
    homes = sorted({h for h, _ in pairs})
    groups = members_many(c, homes)
    home_of = {m: h for h in homes for m in groups[h]}
    records: dict[tuple[str, str], dict[str, dict]] = {p: {} for p in pairs}
    for row in chunked(c, f"SELECT {', '.join(RECORD_COLS)} FROM records WHERE synthetic=0"
                           " AND household IN ({})", sorted(home_of)):
        item = dict(zip(RECORD_COLS, row, strict=True))
        if parse_time(item["test_at"]) is not None:
            bucket = records.get((home_of[item["household"]], season_of(item["test_at"])))
            if bucket is not None:
                bucket[item["ref"]] = item
    tickets: dict[tuple[str, str], dict[str, dict]] = {p: {} for p in pairs}
    for row in chunked(c, f"SELECT {', '.join(TICKET_COLS)} FROM tickets"
                           " WHERE household IN ({})", sorted(home_of)):
        item = dict(zip(TICKET_COLS, row, strict=True))
        bucket = tickets.get((home_of[item["household"]], season_of(item["complaint_at"])))
        if bucket is not None:
            bucket[f"{item['channel']}/{item['ticket']}"] = item
    stored: dict[tuple[str, str], dict[str, dict]] = {p: {} for p in pairs}
    for row in chunked(c, f"SELECT {', '.join(CASE_COLS)} FROM cases"
                           " WHERE household IN ({})", homes):
        item = dict(zip(CASE_COLS, row, strict=True))
        bucket = stored.get((item["household"], item["season"]))
        if bucket is not None:
            bucket[item["case_id"]] = item
    ends = ruling_ends(c, [k["ruling_no"] for b in stored.values() for k in b.values()
                           if k["state"] == RULED and k["ruling_no"]])
    for bucket in stored.values():
        for k in bucket.values():
            k["ends_at"] = ends.get(k["ruling_no"]) if k["state"] == RULED else None
    out = {p: _grouped(p, groups[p[0]], records[p], tickets[p], stored[p], ()) for p in pairs}
    fresh = {k.case_id: p for p, data in out.items() for k in data.cases
             if k.case_id not in data.stored}
    for case_id, household in chunked(c, "SELECT case_id, household FROM cases"
                                          " WHERE case_id IN ({})", sorted(fresh)):
        p = fresh[case_id]
        if household != p[0]:   # the id is another household's (never, while merges keep
            taken = [r[0] for r in c.execute(   # cases with their canonical household)
                "SELECT case_id FROM cases WHERE case_id LIKE ? AND household<>?",
                (f"{p[0]}-{p[1]}-%", p[0]))]
            out[p] = _grouped(p, groups[p[0]], records[p], tickets[p], stored[p], taken)
    return out


def _grouped(pair: tuple[str, str], group: list[str], records: dict[str, dict],
             tickets: dict[str, dict], stored: dict[str, dict],
             taken: Iterable[str]) -> HouseholdSeason:
    household, season = pair
    cases = group_cases(household, season, _items(records, tickets),
                        closed=[_closed(k) for k in stored.values() if k["state"] != OPEN],
                        stored_open=[StoredOpen(k["case_id"], parse_time(k["opened_at"]))
                                     for k in stored.values() if k["state"] == OPEN],
                        taken=taken)
    return HouseholdSeason(household, season, group, records, tickets, stored, cases)


def ruling_ends(c: Tx, numbers: list[str]) -> dict[str, datetime]:
    """Ruling number → the first instant after its ruling date (`until`, a local day of the
    ruling's profile): a case ruled on it holds nothing tested from then on. One-record
    rulings have no ruling date and are left out."""
    out = {}
    for number, inputs, ruling in chunked(c, "SELECT ruling_no, inputs, ruling FROM rulings"
                                             " WHERE ruling_no IN ({})", sorted(set(numbers))):
        until = json.loads(inputs).get("until")
        if until:
            zone = _zone(json.loads(ruling).get("profile_name") or "")
            day = date.fromisoformat(until) + timedelta(days=1)
            out[number] = datetime.combine(day, time(), zone)
    return out


@cache
def _zone(profile_name: str) -> tzinfo:
    """The zone of the profile named (Changchun's when it cannot be read here)."""
    try:
        return load_profile(profile_name or DEFAULT_PROFILE).zone
    except (InspectionError, OSError, ValueError):
        return load_profile(DEFAULT_PROFILE).zone


def chunked(c: Tx, sql: str, ids: list[str]) -> Iterator[tuple]:
    """Rows of `sql` (with `IN ({})`) for `ids`, CHUNK ids a statement."""
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        yield from c.execute(sql.format(",".join("?" * len(part))), part)


def _items(records: dict[str, dict], tickets: dict[str, dict]) -> list[Item]:
    items = [Item(kind=RECORD, ref=ref, at=parse_time(r["test_at"]),
                  received_at=parse_time(r["received_at"]), verdict=r["verdict"] or "",
                  supersedes=record_ref(r["device_id"], r["supersedes"])
                  if r["supersedes"] else None,
                  counts=r["verification"] == "verified")
             for ref, r in records.items()]
    items += [Item(kind=TICKET, ref=key, at=parse_time(t["complaint_at"]),
                   received_at=parse_time(t["received_at"]), counts=t["state"] != "cancelled")
              for key, t in tickets.items()]
    return items


def _closed(row: dict[str, Any]) -> ClosedCase:
    return ClosedCase(case_id=row["case_id"], state=row["state"],
                      closed_at=parse_time(row["closed_at"]),
                      opened_at=parse_time(row["opened_at"]), opened_kind=row["opened_kind"],
                      opened_ref=row["opened_ref"], ruling_no=row["ruling_no"],
                      ends_at=row.get("ends_at"))
