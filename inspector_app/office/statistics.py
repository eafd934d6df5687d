"""Company statistics over a season, and the office's overall counts."""

from __future__ import annotations

from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.db import Database

# Per company: counts, breaches (`limit`: the row's profile's contact limit, NULL if not
# judged), and the middle one or two of its contact and arrival times. `n_*` counts the
# company's non-null values; NULLS LAST ranks them 1..n (SQLite sorts NULL first otherwise).
STATS_SQL = """
SELECT company, count(*), sum(CASE WHEN verdict = 'fail' THEN 1 ELSE 0 END),
       sum(CASE WHEN contact_min > limit_min THEN 1 ELSE 0 END),
       sum(CASE WHEN contact_min IS NULL THEN 1 ELSE 0 END),
       max(CASE WHEN contact_rank = (n_contact + 1) / 2 THEN contact_min END),
       max(CASE WHEN contact_rank = (n_contact + 2) / 2 THEN contact_min END),
       max(CASE WHEN arrival_rank = (n_arrival + 1) / 2 THEN arrival_min END),
       max(CASE WHEN arrival_rank = (n_arrival + 2) / 2 THEN arrival_min END)
FROM (SELECT company, verdict, contact_min, arrival_min, {limit} AS limit_min,
             count(contact_min) OVER (PARTITION BY company) AS n_contact,
             count(arrival_min) OVER (PARTITION BY company) AS n_arrival,
             row_number() OVER (PARTITION BY company ORDER BY contact_min NULLS LAST)
                 AS contact_rank,
             row_number() OVER (PARTITION BY company ORDER BY arrival_min NULLS LAST)
                 AS arrival_rank
      FROM records WHERE {where}) AS ranked
GROUP BY company"""


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

        Computed in the database in one pass (`STATS_SQL`), a million records in well under
        the two seconds a report may take: the profiles' limits go in as a CASE, and each
        median is read as the one or two middle values of the company's sorted values
        (`row_number` over the company), averaged here exactly as a list's median would be.
        """
        low, high = season_bounds(season)
        where = "test_at >= ? AND test_at < ? AND training=0"
        params: list[Any] = [low, high]
        if district is not None:
            where += " AND district=?"
            params.append(district)
        limits = contact_limits if contact_limits is not None else {}
        for (name,) in self.db.query("SELECT DISTINCT profile_name FROM records"
                                     f" WHERE {where} AND contact_min IS NOT NULL", params):
            if name not in limits:
                limits[name] = _contact_limit(name)
        judged = [(name, limit) for name, limit in sorted(limits.items()) if limit is not None]
        limit_sql = "CAST(NULL AS DOUBLE PRECISION)"  # typed: PostgreSQL reads NULL as text
        if judged:
            limit_sql = "CASE profile_name " + " ".join(
                "WHEN ? THEN CAST(? AS DOUBLE PRECISION)" for _ in judged) + " END"
        rows = self.db.query(STATS_SQL.format(limit=limit_sql, where=where),
                             [*(v for pair in judged for v in pair), *params])
        out = []
        for (company, tests, failures, breaches, without_times, contact_lo, contact_hi,
             arrival_lo, arrival_hi) in sorted(rows, key=lambda r: (-r[1], r[0])):
            out.append({
                "company": company, "tests": tests, "failures": failures,
                "failure_rate": round(failures / tests, 4),
                "median_contact_min": _middle(contact_lo, contact_hi),
                "median_arrival_min": _middle(arrival_lo, arrival_hi),
                "contact_limit_breaches": breaches, "without_times": without_times})
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


def _middle(low: float | None, high: float | None) -> float | None:
    """The median from the middle value (odd count: `low` is `high`) or the two middle ones."""
    if low is None:
        return None
    return round(low if low == high else (low + high) / 2, 2)


def _contact_limit(profile_name: str) -> int | None:
    """The profile's contact_within_min (as the office has it now), None if unknown."""
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile

    try:
        return load_profile(profile_name).contact_within_min if profile_name else None
    except ProfileError:
        return None


