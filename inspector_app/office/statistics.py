"""Company statistics over a season, and the office's overall counts.

Why it is shaped this way: a season's report reads every record of the season (a million at
the biggest offices) and must come back within two seconds on SQLite and PostgreSQL alike.
The database groups; Python never sees a record. Two grouped reads give, per company, how many
records have each contact time (with their profile and failures) and each arrival time: a
histogram, as short as the distinct times are few (minutes, typed to the minute), from which
the counts, the breaches of each profile's contact limit and the exact medians follow without
sorting a million values. On SQLite each read walks a covering index in group order
(`records_stats_contact`, `records_stats_arrival`, revision 0003), so nothing is sorted or
looked up in the table; PostgreSQL hashes the groups from the same indexes or the table.
The few records that belong to a hotline ticket are then moved in the histograms from the
times typed at the door to the ticket's (`office.ticket_statistics`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.db import Database
from inspector_app.office.ticket_statistics import (
    SOURCE_DOOR,
    SOURCE_TICKET,
    SOURCE_TICKET_DOOR,
    TicketTimes,
    contact_limit,
    ticket_times,
)

CONTACT_INDEX = "records_stats_contact"
ARRIVAL_INDEX = "records_stats_arrival"


def stats_sql(where: str, postgres: bool) -> tuple[str, str]:
    """The two grouped reads (contact times with profile and failures; arrival times).

    SQLite is told the index (`INDEXED BY`): without statistics its planner would rather range
    over `records_training` and sort a million rows to group them.
    """
    def source(index: str) -> str:
        return "records" if postgres else f"records INDEXED BY {index}"

    contact = (f"SELECT company, contact_min, profile_name, count(*),"
               f" sum(CASE WHEN verdict = 'fail' THEN 1 ELSE 0 END)"
               f" FROM {source(CONTACT_INDEX)} WHERE {where}"
               f" GROUP BY company, contact_min, profile_name")
    arrival = (f"SELECT company, arrival_min, count(*) FROM {source(ARRIVAL_INDEX)}"
               f" WHERE {where} AND arrival_min IS NOT NULL GROUP BY company, arrival_min")
    return contact, arrival


class StatisticsStore:
    """Per-company figures (a part of `OfficeStore`)."""

    db: Database

    def company_stats(self, season: str, district: str | None = None,
                      contact_limits: dict[str, int | None] | None = None,
                      ) -> list[dict[str, Any]]:
        """Per heating company over one season (real, non-training records; `district` narrows).

        tests, failures and failure rate; median minutes from complaint to contact and to
        arrival; breaches: contact later than the record's profile's `contact_within_min`
        (`contact_limits` maps profile name → minutes; unknown profiles are not judged, and
        records without times count in `without_times`).

        A record that belongs to a ticket known at the office is counted with the ticket's
        complaint time and, where one was logged, its contact time (`ticket_statistics.
        ticket_times`) instead of the times typed at the door; `contact_sources` /
        `arrival_sources` count the records behind each median by source and
        `contact_source` / `arrival_source` name it in one word.
        """
        low, high = season_bounds(season)
        params: list[Any] = [low, high] + ([] if district is None else [district])
        where = _where("", district is not None)
        limits = contact_limits if contact_limits is not None else {}
        contact_sql, arrival_sql = stats_sql(where, self.db.postgres)
        groups: dict[str, dict[str, Any]] = {}

        def group(company: str) -> dict[str, Any]:
            return groups.setdefault(company, {"tests": 0, "failures": 0, "contact": Counter(),
                                               "arrival": Counter()})

        for company, contact, profile_name, n, failures in self.db.query(contact_sql, params):
            g = group(company)
            g["tests"] += n
            g["failures"] += failures
            g["contact"][(contact, profile_name)] += n
        for company, arrival, n in self.db.query(arrival_sql, params):
            group(company)["arrival"][arrival] += n
        linked = ticket_times(self.db, _where("r.", district is not None), params)
        for t in linked:  # a record with a ticket at the office: the ticket's times instead
            g = group(t.company)
            g["contact"][(t.door_contact, t.profile_name)] -= 1
            g["contact"][(t.contact, t.profile_name)] += 1
            if t.door_arrival is not None:
                g["arrival"][t.door_arrival] -= 1
            if t.arrival is not None:
                g["arrival"][t.arrival] += 1
        linked_by_company: dict[str, list[TicketTimes]] = {}
        for t in linked:
            linked_by_company.setdefault(t.company, []).append(t)
        out = []
        for company, g in sorted(groups.items(), key=lambda kv: (-kv[1]["tests"], kv[0])):
            timed = [(c, n) for (c, _p), n in g["contact"].items() if c is not None and n]
            breaches = 0
            for (contact, profile_name), n in g["contact"].items():
                if contact is None or not n:
                    continue
                if profile_name not in limits:
                    limits[profile_name] = contact_limit(profile_name)
                limit = limits[profile_name]
                if limit is not None and contact > limit:
                    breaches += n
            arrivals = [(a, n) for a, n in g["arrival"].items() if n]
            sources = _sources(linked_by_company.get(company, []),
                               sum(n for _c, n in timed), sum(n for _a, n in arrivals))
            out.append({
                "company": company, "tests": g["tests"], "failures": g["failures"],
                "failure_rate": round(g["failures"] / g["tests"], 4),
                "median_contact_min": _median(timed),
                "median_arrival_min": _median(arrivals),
                "contact_limit_breaches": breaches,
                "without_times": sum(n for (c, _p), n in g["contact"].items() if c is None),
                **sources})
        return out

    def counts(self) -> dict[str, int]:
        row = self.db.query_one(
            "SELECT (SELECT count(*) FROM records),"
            " (SELECT count(*) FROM records WHERE verification='verified'),"
            " (SELECT count(*) FROM chain_gaps WHERE closed_at IS NULL),"
            " (SELECT count(*) FROM devices)")
        assert row is not None
        return dict(zip(("records", "verified", "open_chain_problems", "devices"), row,
                        strict=True))


def _where(prefix: str, district: bool) -> str:
    """The season's real records (columns prefixed with `prefix`, e.g. 'r.')."""
    where = f"{prefix}test_at >= ? AND {prefix}test_at < ? AND {prefix}training=0"
    return where + (f" AND {prefix}district=?" if district else "")


def _sources(linked: list[TicketTimes], contacts: int, arrivals: int) -> dict[str, Any]:
    """Which times each figure of a company rests on: how many records' minutes came from
    the ticket (complaint and contact), from the ticket's complaint and a time typed at the
    door, or from the door alone; and in one word, "ticket", "ticket+door", "door" or
    "mixed" (None: no record has that figure)."""
    out: dict[str, Any] = {}
    for figure, total in (("contact", contacts), ("arrival", arrivals)):
        counts = {SOURCE_TICKET: 0, SOURCE_TICKET_DOOR: 0}
        for t in linked:
            source = t.contact_source if figure == "contact" else t.arrival_source
            if source is not None:
                counts[source] += 1
        counts[SOURCE_DOOR] = total - counts[SOURCE_TICKET] - counts[SOURCE_TICKET_DOOR]
        used = [k for k, n in counts.items() if n]
        out[f"{figure}_sources"] = counts
        out[f"{figure}_source"] = (used[0] if len(used) == 1 else "mixed") if used else None
    return out


def _median(histogram: list[tuple[float, int]]) -> float | None:
    """The median of the values `histogram` counts ((value, how many) pairs, any order), as
    the middle value, or the mean of the two middle ones, of the values sorted."""
    total = sum(n for _, n in histogram)
    if not total:
        return None
    histogram.sort()

    def nth(k: int) -> float:  # the k-th value (from 0) of the sorted values
        for value, n in histogram:
            if k < n:
                return value
            k -= n
        raise IndexError(k)

    mid = total // 2
    value = nth(mid) if total % 2 else (nth(mid - 1) + nth(mid)) / 2
    return round(value, 2)
