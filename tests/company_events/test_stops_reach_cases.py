"""A stop entered or withdrawn reaches the cases of its household: the case's evidence holds
the stops whose scope names the household (not another community's, not another company's),
the case rule's estimate rises with a 3-day stop (2 × the daily fee for a stop of ≥ 48 h) and
falls back when it is withdrawn, and the open case's row is recomputed in the same
transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inspector_app.core.case_rule import case_estimate
from inspector_app.core.profile import load_profile
from inspector_app.office import company_stops
from inspector_app.office.case_evidence import case_evidence
from inspector_app.office.store import OfficeStore
from tests.cases.homes import Laptop, store_envelopes

UNTIL = date(2025, 12, 20)


@pytest.fixture
def store(office_db):
    store = OfficeStore(office_db)
    yield store
    store.close()


def case(store) -> dict:
    [row] = store.query("SELECT case_id, company, district, state, estimate FROM cases")
    return dict(zip(("case_id", "company", "district", "state", "estimate"), row, strict=True))


def estimate(store, case_id: str) -> Decimal:
    return case_estimate(case_evidence(store, case_id), load_profile("changchun"), UNTIL)[1]


def failing_case(store, tmp_path) -> dict:
    laptop = Laptop(tmp_path / "laptop")
    store_envelopes(store, laptop.seal(day=date(2025, 12, 1), temps=(18.4, 17.2)))
    found = case(store)
    assert found["state"] == "open"
    return found


def stop(found: dict, **changes) -> dict:
    return {"company": found["company"], "district": found["district"], "cause": "爆管",
            "evidence": "", "by": "王科长", "scope": {},
            "start_at": "2025-12-06T08:00:00+08:00", "end_at": "2025-12-09T08:00:00+08:00",
            **changes}


def test_the_stops_reaching_a_household_raise_its_estimate_until_withdrawn(store, tmp_path):
    found = failing_case(store, tmp_path)
    plain = estimate(store, found["case_id"])
    assert plain > 0
    company_stops.add_stop(store, **stop(found, company="另一家热力"))
    company_stops.add_stop(store, **stop(found, scope={"communities": ["和平小区"]}))
    assert case_evidence(store, found["case_id"]).stops == ()
    assert estimate(store, found["case_id"]) == plain
    entered = company_stops.add_stop(store, **stop(
        found, scope={"buildings": [["幸福 小区", "３号楼"]]}, start_at="2025-12-10T08:00:00+08:00",
        end_at="2025-12-13T08:00:00+08:00"))
    assert [s.stop_id for s in case_evidence(store, found["case_id"]).stops] == \
        [entered["stop_id"]]
    assert estimate(store, found["case_id"]) > plain
    company_stops.withdraw_stop(store, entered["stop_id"], "误报", by="王科长")
    assert case_evidence(store, found["case_id"]).stops == ()
    assert estimate(store, found["case_id"]) == plain


def test_the_case_row_follows_a_stop_in_the_same_transaction(store, tmp_path):
    found = failing_case(store, tmp_path)
    entered = company_stops.add_stop(store, **stop(found, scope={"communities": ["幸福小区"]}))
    raised = case(store)["estimate"]
    assert Decimal(raised) > Decimal(found["estimate"])
    company_stops.withdraw_stop(store, entered["stop_id"], "误报", by="王科长")
    assert case(store)["estimate"] == found["estimate"]
