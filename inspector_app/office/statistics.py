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
"""

from __future__ import annotations

from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.db import Database

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
        """
        low, high = season_bounds(season)
        where = "test_at >= ? AND test_at < ? AND training=0"
        params: list[Any] = [low, high]
        if district is not None:
            where += " AND district=?"
            params.append(district)
        limits = contact_limits if contact_limits is not None else {}
        contact_sql, arrival_sql = stats_sql(where, self.db.postgres)
        groups: dict[str, dict[str, Any]] = {}
        for company, contact, profile_name, n, failures in self.db.query(contact_sql, params):
            g = groups.setdefault(company, {"tests": 0, "failures": 0, "contact": [],
                                            "arrival": [], "breaches": 0, "without_times": 0})
            g["tests"] += n
            g["failures"] += failures
            if contact is None:
                g["without_times"] += n
                continue
            g["contact"].append((contact, n))
            if profile_name not in limits:
                limits[profile_name] = _contact_limit(profile_name)
            limit = limits[profile_name]
            if limit is not None and contact > limit:
                g["breaches"] += n
        for company, arrival, n in self.db.query(arrival_sql, params):
            groups[company]["arrival"].append((arrival, n))
        out = []
        for company, g in sorted(groups.items(), key=lambda kv: (-kv[1]["tests"], kv[0])):
            out.append({
                "company": company, "tests": g["tests"], "failures": g["failures"],
                "failure_rate": round(g["failures"] / g["tests"], 4),
                "median_contact_min": _median(g["contact"]),
                "median_arrival_min": _median(g["arrival"]),
                "contact_limit_breaches": g["breaches"], "without_times": g["without_times"]})
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


def _contact_limit(profile_name: str) -> int | None:
    """The profile's contact_within_min (as the office has it now), None if unknown."""
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile

    try:
        return load_profile(profile_name).contact_within_min if profile_name else None
    except ProfileError:
        return None
