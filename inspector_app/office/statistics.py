"""Company statistics over a season, and the office's overall counts."""

from __future__ import annotations

from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.db import Database


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
        limits = contact_limits if contact_limits is not None else {}
        sql = ("SELECT company, verdict, contact_min, arrival_min, profile_name FROM records"
               " WHERE test_at >= ? AND test_at < ? AND training=0")
        params: list[Any] = [low, high]
        if district is not None:
            sql += " AND district=?"
            params.append(district)
        groups: dict[str, dict[str, Any]] = {}
        for company, verdict, contact, arrival, profile_name in self.db.query(sql, params):
            g = groups.setdefault(company, {"tests": 0, "failures": 0, "contact": [],
                                            "arrival": [], "breaches": 0, "without_times": 0})
            g["tests"] += 1
            g["failures"] += verdict == "fail"
            if contact is None:
                g["without_times"] += 1
            else:
                g["contact"].append(contact)
                if profile_name not in limits:
                    limits[profile_name] = _contact_limit(profile_name)
                limit = limits[profile_name]
                if limit is not None and contact > limit:
                    g["breaches"] += 1
            if arrival is not None:
                g["arrival"].append(arrival)
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


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    values.sort()
    mid = len(values) // 2
    value = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return round(value, 2)


def _contact_limit(profile_name: str) -> int | None:
    """The profile's contact_within_min (as the office has it now), None if unknown."""
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile

    try:
        return load_profile(profile_name).contact_within_min if profile_name else None
    except ProfileError:
        return None


