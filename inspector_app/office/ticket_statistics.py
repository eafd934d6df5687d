"""Response figures from the hotline tickets, and the ticket times behind the company figures.

Why it is shaped this way:
- The tickets' clock is the hotline's complaint time and the contact logged against the ticket
  (by the laptop or the office), not what an inspector typed at the door. So "contacted within
  the limit" counts here come from the `tickets` rows (their state columns are the replay of
  their events, kept by `office.tickets`), judged against each ticket's own profile's
  `contact_within_min`.
- A season's tickets are read in one query and counted in Python: medians need the values,
  and a district's season holds at most some tens of thousands of tickets (100,000 read and
  counted in about a second; past a few hundred thousand this wants the histogram approach of
  `office.statistics`). The rows are chosen on `complaint_utc` (indexed) with a day's margin
  each side, then kept by the season of the complaint's own local date, as records are
  counted by their local test date.
- `ticket_times(...)` gives, for the records of a season that belong to a ticket known at the
  office, the minutes from the ticket's complaint to the contact (the ticket's, else the one
  typed at the door) and to the arrival (typed at the door, measured from the ticket's
  complaint); `office.statistics` swaps them in for the door's figures and says which source
  each figure used.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from statistics import median
from typing import Any, NamedTuple

from inspector_app.core.season import season_bounds, season_of
from inspector_app.office.db import Database
from inspector_app.office.values import minutes_between

FIGURES = ("tickets", "contacted", "contacted_within_limit", "median_minutes_to_contact",
           "median_minutes_to_visit", "tested", "unreachable", "cancelled")

# sources of a record's minutes in the company figures
SOURCE_TICKET = "ticket"            # complaint and contact both from the ticket
SOURCE_TICKET_DOOR = "ticket+door"  # complaint from the ticket, the other time typed at the door
SOURCE_DOOR = "door"                # both typed at the door (no ticket known at the office)


def _utc_day(text: str, days: int) -> str:
    moment = datetime.fromisoformat(text) + timedelta(days=days)
    return moment.strftime("%Y-%m-%dT00:00:00Z")


def _season_rows(db: Database, season: str, district: str | None) -> list[tuple]:
    low, high = season_bounds(season)
    where = "t.complaint_utc >= ? AND t.complaint_utc < ?"
    params: list[Any] = [_utc_day(low, -1), _utc_day(high, 1)]
    if district is not None:
        where += " AND t.district = ?"
        params.append(district)
    sql = ("SELECT t.company, t.district, t.state, t.complaint_at, t.contacted_at, t.visit_at,"
           " t.profile_name,"
           " (SELECT count(*) FROM ticket_events e WHERE e.channel = t.channel"
           "  AND e.ticket = t.ticket AND e.kind = 'tested'),"
           " (SELECT count(*) FROM ticket_events e WHERE e.channel = t.channel"
           "  AND e.ticket = t.ticket AND e.kind = 'unreachable')"
           f" FROM tickets t WHERE {where}")
    return [r for r in db.query(sql, params) if season_of(r[3]) == season]


def contact_limit(profile_name: str) -> int | None:
    """The profile's contact_within_min (as the office has it now), None if unknown."""
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile

    try:
        return load_profile(profile_name).contact_within_min if profile_name else None
    except ProfileError:
        return None


def _limit(profile_name: str, cache: dict[str, int | None]) -> int | None:
    if profile_name not in cache:
        cache[profile_name] = contact_limit(profile_name)
    return cache[profile_name]


def _figures(rows: Iterable[tuple], limits: dict[str, int | None]) -> dict[str, Any]:
    n = contacted = within = tested = unreachable = cancelled = 0
    to_contact: list[float] = []
    to_visit: list[float] = []
    for (_company, _district, state, complaint, contacted_at, visit_at, profile, n_tested,
         n_unreachable) in rows:
        n += 1
        minutes = minutes_between(complaint, contacted_at)
        if minutes is not None:
            contacted += 1
            to_contact.append(minutes)
            limit = _limit(profile, limits)
            within += limit is not None and minutes <= limit
        visit = minutes_between(complaint, visit_at)
        if visit is not None:
            to_visit.append(visit)
        tested += n_tested > 0
        unreachable += n_unreachable > 0
        cancelled += state == "cancelled"
    return {"tickets": n, "contacted": contacted, "contacted_within_limit": within,
            "median_minutes_to_contact": _median(to_contact),
            "median_minutes_to_visit": _median(to_visit), "tested": tested,
            "unreachable": unreachable, "cancelled": cancelled}


def _median(values: list[float]) -> float | None:
    return round(float(median(values)), 2) if values else None


def ticket_stats(db: Database, season: str, district: str | None = None) -> dict[str, Any]:
    """Per heating company and district over one season (by the complaint's local date).

    tickets; contacted (a contact logged); contacted within the ticket's profile limit; median
    minutes complaint → contact and complaint → agreed visit time; tested (a sealed record
    reported for it); unreachable (ever marked so); cancelled. `total` sums every group.
    Raises ValueError for a malformed season.
    """
    rows = _season_rows(db, season, district)
    limits: dict[str, int | None] = {}
    groups: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        groups.setdefault((row[0], row[1]), []).append(row)
    out = [{"company": company, "district": where, **_figures(members, limits)}
           for (company, where), members in groups.items()]
    out.sort(key=lambda g: (-g["tickets"], g["company"], g["district"]))
    return {"season": season, "district": district, "groups": out,
            "total": _figures(rows, limits)}


class TicketTimes(NamedTuple):
    """One record of the season that belongs to a ticket: its door figures and the ticket's."""

    company: str
    profile_name: str
    door_contact: float | None
    door_arrival: float | None
    contact: float | None
    contact_source: str | None
    arrival: float | None
    arrival_source: str | None


def _at(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    """As `values.minutes_between`, on times already read."""
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60, 2)


def _door(door_complaint: datetime | None, door_minutes: float | None) -> datetime | None:
    """A time typed at the door (kept as minutes after the door's complaint time)."""
    if door_complaint is None or door_minutes is None:
        return None
    return door_complaint + timedelta(minutes=door_minutes)


def ticket_times_sql(where: str, postgres: bool) -> str:
    """The records matching `where` (over `records r`) joined to their tickets (`t`)."""
    records = "records r" if postgres else "records r INDEXED BY records_ticket"
    return ("SELECT r.ref, r.company, r.profile_name, r.complaint_at, r.contact_min,"
            " r.arrival_min, t.channel, t.ticket, t.complaint_at, t.contacted_at"
            f" FROM tickets t CROSS JOIN {records}"
            " WHERE r.ticket = t.ticket AND r.district = t.district AND r.ticket <> ''"
            f" AND {where}")


def ticket_times(db: Database, where: str, params: list[Any]) -> list[TicketTimes]:
    """The records matching `where` (over `records r`) that belong to a ticket at the office.

    A record belongs to the ticket of its number in its district (a visit started from an
    assignment carries both; a number typed at the door that names a known ticket counts too).
    Where one number names tickets of several channels in a district, the ticket whose
    `tested` event names the record decides; otherwise the record keeps its door times.
    On SQLite `CROSS JOIN` walks the tickets (far fewer than records) and `INDEXED BY` finds
    their records through `records_ticket`: left to itself the planner ranges over the season
    in `records_training` once per ticket (100,000 tickets × a million records).
    PostgreSQL hashes the tickets and scans the season's records (0.8 s at a million records
    and 100,000 tickets) when its statistics are current; with stale ones (just after a bulk
    load, before autovacuum's ANALYZE) it chose a nested loop over the records that ran for
    minutes, so nested loops are turned off for this one read.
    """
    sql = ticket_times_sql(where, db.postgres)
    found: dict[str, list[tuple]] = {}
    with db.reading() as c:
        if db.postgres:   # see the docstring: a hash join whatever the statistics say
            c.execute("SET LOCAL enable_nestloop = off")
        rows = c.execute(sql, params).fetchall()
    for row in rows:
        found.setdefault(row[0], []).append(row)
    ambiguous = {ref for ref, rows in found.items() if len(rows) > 1}
    chosen = {ref: rows[0] for ref, rows in found.items() if len(rows) == 1}
    if ambiguous:
        chosen.update(_tested_links(db, found, ambiguous))
    out = []
    for (_ref, company, profile, door_complaint_at, door_contact, door_arrival, _channel,
         _ticket, complaint_at, contacted_at) in chosen.values():
        complaint = _at(complaint_at)
        if complaint is None:
            continue
        door_complaint = _at(door_complaint_at)
        contact = _minutes(complaint, _at(contacted_at))
        contact_source = SOURCE_TICKET if contact is not None else None
        if contact is None:
            contact = _minutes(complaint, _door(door_complaint, door_contact))
            contact_source = SOURCE_TICKET_DOOR if contact is not None else None
        arrival = _minutes(complaint, _door(door_complaint, door_arrival))
        out.append(TicketTimes(company, profile, door_contact, door_arrival, contact,
                               contact_source, arrival,
                               SOURCE_TICKET_DOOR if arrival is not None else None))
    return out


def _tested_links(db: Database, found: dict[str, list[tuple]],
                  ambiguous: set[str]) -> dict[str, tuple]:
    import json

    out: dict[str, tuple] = {}
    for ref in ambiguous:
        for row in found[ref]:
            for (data,) in db.query("SELECT data FROM ticket_events WHERE channel = ? AND"
                                    " ticket = ? AND kind = 'tested'", (row[6], row[7])):
                try:
                    named = json.loads(data).get("record")
                except (ValueError, AttributeError):
                    continue
                if named == ref:
                    out[ref] = row
    return out
