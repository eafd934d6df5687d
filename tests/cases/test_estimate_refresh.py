"""The open cases' failing days so far follow the days while no evidence comes (SQLite and
PostgreSQL): `refresh_due_estimates` recomputes the rows whose estimate runs to an earlier day,
and the office's server does it in a thread of its own.

The household fails at 15.0 °C in both rooms (12 m² each) on 1 Nov 2026. Changchun's month
mean is that test's 15.0 °C → band 14–<16 °C, 60 %; per room and day
0.1607 × 12 × 0.6 = 1.157 → 1.16, two rooms 2.32 a day. Counted to 3 Nov: 3 days, 6.96;
to 4 Nov: 4 days, 9.28; to 5 Nov: 5 days, 11.60.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient

from inspector_app.office import cases
from inspector_app.office.app import create_app
from tests.cases.homes import Laptop, cases_of, store_envelopes


def failing_case(store, tmp_path, flat: str = "501") -> dict:
    lap = Laptop(tmp_path / f"laptop-{flat}")
    store_envelopes(store, lap.seal(day=date(2026, 11, 1), temps=(15.0, 15.0), flat=flat))
    [case] = [k for k in cases_of(store) if k["address"].endswith(f"{flat}室")]
    return case


def as_if_counted_to(store, case_id: str, day: date) -> None:
    """Set the row as a refresh on `day` left it (the test's clock, not the machine's)."""
    with store.write() as c:
        cases._refresh(c, {tuple(c.execute("SELECT household, season FROM cases WHERE"
                                           " case_id=?", (case_id,)).fetchone())}, day)


def row(store, case_id: str) -> tuple:
    return store.query("SELECT failing_days, estimate, estimated_to, updated_at FROM cases"
                       " WHERE case_id=?", (case_id,))[0]


def test_an_open_case_counts_the_days_since_its_row_was_written(store, tmp_path):
    case = failing_case(store, tmp_path)
    as_if_counted_to(store, case["case_id"], date(2026, 11, 3))
    assert row(store, case["case_id"])[:3] == (3, "6.96", "2026-11-03")
    assert cases.refresh_due_estimates(store.db, date(2026, 11, 5)) == 1
    assert row(store, case["case_id"])[:3] == (5, "11.60", "2026-11-05")
    assert cases.refresh_due_estimates(store.db, date(2026, 11, 5)) == 0   # nothing due


def test_closed_cases_and_cases_counted_to_today_are_left_alone(store, tmp_path):
    done = failing_case(store, tmp_path, "601")
    current = failing_case(store, tmp_path, "602")
    as_if_counted_to(store, done["case_id"], date(2026, 11, 3))
    cases.withdraw(store, done["case_id"], "王科长", "住户撤诉")
    as_if_counted_to(store, current["case_id"], date(2026, 11, 5))
    before = {k: row(store, k) for k in (done["case_id"], current["case_id"])}
    assert cases.refresh_due_estimates(store.db, date(2026, 11, 5), batch=1) == 0
    assert {k: row(store, k) for k in before} == before


def test_many_households_in_small_batches_are_each_recomputed_once(store, tmp_path):
    ids = [failing_case(store, tmp_path, str(700 + i))["case_id"] for i in range(5)]
    for case_id in ids:
        as_if_counted_to(store, case_id, date(2026, 11, 2))
    assert cases.refresh_due_estimates(store.db, date(2026, 11, 4), batch=2) == 5
    assert {row(store, k)[:3] for k in ids} == {(4, "9.28", "2026-11-04")}


def test_the_office_server_keeps_them_current_in_the_background(office_db, tmp_path):
    noon = datetime(2026, 11, 5, 4, 0, tzinfo=UTC)   # 12:00 in Changchun
    app = create_app(office_db, clock=lambda: noon, refresh_estimates_every=0.05)
    store = app.state.store
    case = failing_case(store, tmp_path)
    as_if_counted_to(store, case["case_id"], date(2026, 11, 3))
    with TestClient(app):
        deadline = time.monotonic() + 20
        while row(store, case["case_id"])[2] != "2026-11-05" and time.monotonic() < deadline:
            time.sleep(0.05)
    assert row(store, case["case_id"])[:3] == (5, "11.60", "2026-11-05")
    store.close()
