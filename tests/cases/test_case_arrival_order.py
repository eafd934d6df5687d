"""The case of a household is the same whatever order its records and tickets reach the office.

`core.case_grouping` is order-free over one list (`test_case_grouping`); this is the office's
side: each record and ticket arrives in its own upload or save, regrouping as it lands, in a
random order, and the stored cases (ids, openings, members, failing days, estimates) and what
each case holds come out the same every time.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.office.cases import case_detail
from inspector_app.office.store import OfficeStore
from tests.cases.homes import Laptop, cases_of, store_envelopes
from tests.office.ticket_helpers import ticket

# One household of 幸福小区3栋2单元501 (the complaint, a failing test, its correction, a
# failing re-test, a pass, a later failure), and its neighbour at 502 failing once.
ARRIVALS: list[tuple[str, object]] = []


@pytest.fixture(scope="module")
def arrivals(tmp_path_factory) -> list[tuple[str, object]]:
    if not ARRIVALS:
        lap = Laptop(tmp_path_factory.mktemp("laptop"))
        first = lap.seal(day=date(2026, 1, 2), temps=(15.0, 15.0))
        first_id = json.loads(first)["record"]["record_id"]
        ARRIVALS.extend([
            ("record", first),
            ("record", lap.seal(day=date(2026, 1, 2), temps=(13.5, 15.0), hour=11,
                                supersedes=first_id)),
            ("record", lap.seal(day=date(2026, 1, 5), temps=(16.5, 16.5))),
            ("record", lap.seal(day=date(2026, 1, 9), temps=(18.4, 18.6))),
            ("record", lap.seal(day=date(2026, 1, 20), temps=(16.0, 18.6))),
            ("record", lap.seal(day=date(2026, 1, 3), temps=(15.5, 15.5), flat="502")),
            ("ticket", ticket("A1", minutes_ago=0,
                              now=datetime(2026, 1, 1, 0, 30, tzinfo=UTC))),
            ("ticket", ticket("A2", minutes_ago=0,
                              now=datetime(2026, 1, 15, 2, 0, tzinfo=UTC))),
        ])
    return ARRIVALS


def arrive(folder, items: list[tuple[str, object]]) -> list[dict]:
    """A new office that receives `items` one upload (or ticket save) at a time: its cases,
    each with what it holds."""
    store = OfficeStore(str(folder / "office.sqlite3"))
    try:
        for kind, item in items:
            if kind == "record":
                store_envelopes(store, item)
            else:
                store.save_tickets([item], source="hotline", by="import")
        out = []
        for case in sorted(cases_of(store), key=lambda k: k["case_id"]):
            detail = case_detail(store, case["case_id"])
            assert detail is not None
            out.append({**{k: v for k, v in case.items() if k != "updated_at"},
                        "held": sorted(r["ref"] for r in detail["records"]),
                        "tickets_held": sorted(str(t.get("key") or t.get("ticket"))
                                               for t in detail["tickets"]),
                        "timeline": detail["timeline"]})
        return out
    finally:
        store.close()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(8)))
def test_the_case_is_the_same_whatever_order_its_evidence_arrives_in(arrivals, tmp_path_factory,
                                                                    order):
    expected = arrive(tmp_path_factory.mktemp("in-order"), arrivals)
    assert len(expected) == 2                       # 501 and 502, one case each
    mine = next(k for k in expected if k["records"] == 5)
    assert (mine["tickets"], mine["opened_kind"]) == (2, "ticket")
    assert arrive(tmp_path_factory.mktemp("shuffled"), [arrivals[i] for i in order]) == expected
