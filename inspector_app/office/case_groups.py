"""A household's season read from the database and grouped into cases (`core.case_grouping`).

One reader for both the cases' rows (`office.cases.refresh_household`) and a case's evidence
(`office.case_evidence`), so what a case holds is decided in one place: the list and the
ruling always agree on which records and tickets a case has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from inspector_app.core.case_grouping import (
    OPEN,
    RECORD,
    TICKET,
    ClosedCase,
    GroupedCase,
    Item,
    StoredOpen,
    group_cases,
)
from inspector_app.core.season import season_bounds, season_of
from inspector_app.office.db import Tx
from inspector_app.office.households import members
from inspector_app.office.values import record_ref

RECORD_COLS = ("ref", "record_id", "device_id", "seq", "sha256", "test_at", "received_at",
               "verdict", "supersedes", "verification", "training", "synthetic", "district",
               "company", "address", "profile_name", "household")
TICKET_COLS = ("channel", "ticket", "complaint_at", "received_at", "state", "district",
               "company", "address", "profile_name", "revision", "household")
CASE_COLS = ("case_id", "household", "season", "district", "company", "address", "state",
             "rank", "opened_at", "opened_kind", "opened_ref", "closed_at", "ruling_no",
             "records", "tickets", "failing_days", "estimate", "last_test_at",
             "evidence_after_ruling", "updated_at")


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
    keys: list[str]                        # the group's household keys (normalised addresses)
    cases: tuple[GroupedCase, ...]

    def case(self, case_id: str) -> GroupedCase | None:
        return next((k for k in self.cases if k.case_id == case_id), None)


def load(c: Tx, household: str, season: str) -> HouseholdSeason:
    """The season of `household` (canonical) and its cases as grouped now."""
    group = members(c, household)
    marks = ",".join("?" * len(group))
    low, high = season_bounds(season)
    records = {}
    for row in c.execute(f"SELECT {', '.join(RECORD_COLS)} FROM records WHERE household IN"
                         f" ({marks}) AND test_at >= ? AND test_at < ?", (*group, low, high)):
        item = dict(zip(RECORD_COLS, row, strict=True))
        if parse_time(item["test_at"]) is not None and not item["synthetic"]:
            records[item["ref"]] = item
    # complaint_utc is indexed; a day either side covers the zones, the season is then exact
    wide = (f"{_shift(low, -1)}", f"{_shift(high, 1)}")
    tickets = {}
    for row in c.execute(f"SELECT {', '.join(TICKET_COLS)} FROM tickets WHERE household IN"
                         f" ({marks}) AND complaint_utc >= ? AND complaint_utc < ?",
                         (*group, *wide)):
        item = dict(zip(TICKET_COLS, row, strict=True))
        if season_of(item["complaint_at"]) == season:
            tickets[f"{item['channel']}/{item['ticket']}"] = item
    stored = {r[0]: dict(zip(CASE_COLS, r, strict=True)) for r in c.execute(
        f"SELECT {', '.join(CASE_COLS)} FROM cases WHERE household=? AND season=?",
        (household, season))}
    prefix = f"{household}-{season}-"
    taken = [r[0] for r in c.execute("SELECT case_id FROM cases WHERE case_id LIKE ?"
                                     " AND household<>?", (prefix + "%", household))]
    cases = group_cases(household, season, _items(records, tickets),
                        closed=[_closed(k) for k in stored.values() if k["state"] != OPEN],
                        stored_open=[StoredOpen(k["case_id"], parse_time(k["opened_at"]))
                                     for k in stored.values() if k["state"] == OPEN],
                        taken=taken)
    keys = [r[0] for r in c.execute(f"SELECT key FROM households WHERE household_id IN"
                                    f" ({marks})", group)]
    return HouseholdSeason(household, season, group, records, tickets, stored, keys, cases)


def _shift(day: str, days: int) -> str:
    return (datetime.fromisoformat(day) + timedelta(days=days)).date().isoformat()


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
                      opened_ref=row["opened_ref"], ruling_no=row["ruling_no"])
