"""Company events in a season's company figures: stops, late starts, early stops, notices.

`/companies/stats` serves these beside the test figures (`events`), per company and district:
the stops in force that started in the season (count and hours), the days heating started late
and stopped early over the company's heating periods of the season, and the penalty notice
drafts in force. A season holds tens of stops and periods per company, so the rows are read
and summed here; withdrawn stops and superseded drafts do not count.
"""

from __future__ import annotations

from typing import Any

from inspector_app.core.season import season_bounds
from inspector_app.office.company_stops import list_stops
from inspector_app.office.heating_periods import list_periods


def season_events(store: Any, season: str, district: str | None = None) -> list[dict[str, Any]]:
    """Per (company, district) with any event in `season`, most stop hours first. Raises
    ValueError for a malformed season."""
    season_bounds(season)
    groups: dict[tuple[str, str], dict[str, Any]] = {}

    def group(company: str, where: str) -> dict[str, Any]:
        return groups.setdefault((company, where), {
            "company": company, "district": where, "stops": 0, "stop_hours": 0.0,
            "late_start_days": 0, "early_stop_days": 0, "heating_periods": 0,
            "penalty_notices": 0})

    for stop in list_stops(store, district=district, season=season, in_force_only=True):
        g = group(stop["company"], stop["district"])
        g["stops"] += 1
        g["stop_hours"] = round(g["stop_hours"] + stop["hours"], 2)
    for period in list_periods(store, season=season, district=district):
        g = group(period["company"], period["district"])
        g["heating_periods"] += 1
        g["late_start_days"] += period["late_start_days"]
        g["early_stop_days"] += period["early_stop_days"]
        g["penalty_notices"] += sum(1 for n in period["notices"] if not n["superseded_by"])
    return sorted(groups.values(), key=lambda g: (-g["stop_hours"], -g["late_start_days"]
                                                  - g["early_stop_days"], g["company"],
                                                  g["district"]))
