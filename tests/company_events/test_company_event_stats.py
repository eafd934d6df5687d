"""The season's company figures carry the company events: stops (count and hours), late-start
and early-stop days, heating periods and notice drafts in force, per company and district."""

from __future__ import annotations

from datetime import date

from inspector_app.office import company_stops, heating_periods
from inspector_app.office.company_event_stats import season_events
from tests.company_events.helpers import PERIOD, STOP, record_in
from tests.office.uploaded import supervisor

TODAY = date(2026, 6, 30)


def fill(store, folder) -> None:
    """长春热力 朝阳区: stops of 72 h and 12.5 h (one more of 10 h withdrawn; one in another
    season), started 3 days late and stopped 5 days early, one notice in force (of two; the
    district's rules from a record of the season before). 城开热力 南关区: one stop of 48 h,
    heating on time."""
    record_in(store, folder, day=date(2024, 12, 1))
    add = company_stops.add_stop
    add(store, **STOP, by="a")
    add(store, **{**STOP, "start_at": "2026-01-05T08:00:00+08:00",
                  "end_at": "2026-01-05T20:30:00+08:00"}, by="a")
    gone = add(store, **{**STOP, "start_at": "2026-02-01T08:00:00+08:00",
                         "end_at": "2026-02-01T18:00:00+08:00"}, by="a")
    company_stops.withdraw_stop(store, gone["stop_id"], "误报", by="a")
    add(store, **{**STOP, "start_at": "2024-12-01T08:00:00+08:00",
                  "end_at": "2024-12-02T08:00:00+08:00"}, by="a")
    add(store, **{**STOP, "company": "城开热力", "district": "南关区",
                  "start_at": "2025-11-10T00:00:00+08:00", "end_at": "2025-11-12T00:00:00+08:00"},
        by="a")
    pid = heating_periods.add_period(store, **PERIOD, by="a")["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", actual_end="2026-04-05",
                               today=TODAY)
    for multiple in ("2", "3"):
        heating_periods.draft_notice(store, pid, kind="late_start", multiple=multiple,
                                     reason="r", by="a")
    on_time = heating_periods.add_period(store, **{**PERIOD, "company": "城开热力",
                                                   "district": "南关区"}, by="a")["period_id"]
    heating_periods.set_actual(store, on_time, actual_start="2025-10-19", today=TODAY)


def test_events_per_company_and_district_over_http(office, tmp_path):
    fill(office.store, tmp_path)
    with office.admin() as admin:
        answer = admin.get("/api/v1/companies/stats", params={"season": "2025-2026"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["companies"] == []          # no records: the test figures as before
        assert answer.json()["events"] == [
            {"company": "长春热力", "district": "朝阳区", "stops": 2, "stop_hours": 84.5,
             "late_start_days": 3, "early_stop_days": 5, "heating_periods": 1,
             "penalty_notices": 1},
            {"company": "城开热力", "district": "南关区", "stops": 1, "stop_hours": 48.0,
             "late_start_days": 0, "early_stop_days": 0, "heating_periods": 1,
             "penalty_notices": 0}]
        earlier = admin.get("/api/v1/companies/stats", params={"season": "2024-2025"}).json()
        assert [(e["company"], e["stops"], e["stop_hours"]) for e in earlier["events"]] == \
            [("长春热力", 1, 24.0)]
    with supervisor(office, "sup", "南关区") as sup:
        mine = sup.get("/api/v1/companies/stats", params={"season": "2025-2026"}).json()
        assert [e["company"] for e in mine["events"]] == ["城开热力"]
    assert season_events(office.store, "2026-2027") == []
