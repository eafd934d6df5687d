"""Per heating company over a season: how its monitored households' days went.

A household-day is one household (as its points were registered) on one local day with at
least one stored day of its points. It is monitored when at least one of its points' days is
sufficient, and then compliant when every sufficient one is compliant, non-compliant otherwise;
a household-day whose points' days are all insufficient is counted apart (`insufficient`), in
neither share. `compliant_share` is compliant / monitored (None when nothing was monitored).

At 290,000 points a season holds about 49 million point-days, so the database groups twice
(point-days into household-days, household-days into companies) and Python sees one row a
company. The figures are as current as the aggregator (it recomputes arriving readings' days
every 30 s); merged households are not joined here (a merge joins two keys of one flat, whose
points rarely differ in company).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.db import Tx


def company_monitoring(c: Tx, season: str, district: str | None = None
                       ) -> list[dict[str, Any]]:
    """Per company (of `district`) over `season`: points, households, household-days
    monitored, compliant, non_compliant, insufficient and the compliant share; most
    monitored household-days first. ValueError for a malformed season."""
    first, after = season_bounds(season)
    narrow, params = ("", []) if district is None else (" AND p.district = ?", [district])
    per_day = ("SELECT p.company AS company, p.household AS household, d.day AS day,"
               " SUM(CASE WHEN d.status = 'compliant' THEN 1 ELSE 0 END) AS ok,"
               " SUM(CASE WHEN d.status = 'non_compliant' THEN 1 ELSE 0 END) AS bad"
               " FROM monitoring_daily d JOIN monitoring_points p ON p.point_no = d.point_no"
               f" WHERE d.day >= ? AND d.day < ?{narrow}"
               " GROUP BY p.company, p.household, d.day")
    rows = c.execute(
        "SELECT company, SUM(CASE WHEN bad = 0 AND ok > 0 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN bad > 0 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN bad = 0 AND ok = 0 THEN 1 ELSE 0 END)"
        f" FROM ({per_day}) AS household_days GROUP BY company",
        [first, after, *params]).fetchall()
    days = {company: (int(ok), int(bad), int(none)) for company, ok, bad, none in rows}
    points = {company: (int(n), int(h)) for company, n, h in c.execute(
        "SELECT p.company, COUNT(*), COUNT(DISTINCT p.household) FROM monitoring_points p"
        " WHERE p.installed_on < ? AND (p.removed_on IS NULL OR p.removed_on >= ?)"
        f"{narrow} GROUP BY p.company", [after, first, *params])}
    out = []
    for company in sorted(set(days) | set(points)):
        ok, bad, none = days.get(company, (0, 0, 0))
        n, homes = points.get(company, (0, 0))
        monitored = ok + bad
        out.append({"company": company, "points": n, "households": homes,
                    "household_days": monitored, "compliant": ok, "non_compliant": bad,
                    "insufficient": none,
                    "compliant_share": (float((Decimal(ok) / monitored).quantize(
                        Decimal("0.0001"))) if monitored else None)})
    return sorted(out, key=lambda g: (-g["household_days"], g["company"]))
