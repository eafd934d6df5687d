"""The seal refuses an incomplete record, listing every gap in both languages (issue #12, 5).

The rule is `core.completeness`, called by `seal_visit` itself, so the UI, the CLI and any
later caller obey it; training visits obey it too.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from inspector_app.core.completeness import IncompleteVisit
from inspector_app.core.errors import ProcedureError
from inspector_app.seal.record import seal_visit
from inspector_app.seal.signature import Refusal, Signatures, generated_signature
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import VisitStore
from tests.seal.helpers import T0, fixed_clock, measured_visit, signatures_for


def _edit(db, visit) -> None:
    VisitStore(db).update_details(visit)


def _refuses(db, key, visit, *fragments_en, sigs=None) -> IncompleteVisit:
    with pytest.raises(IncompleteVisit) as caught:
        seal_visit(db, visit.id, sigs or signatures_for(visit), key, clock=fixed_clock)
    exc = caught.value
    for fragment in fragments_en:
        assert fragment in exc.message_en
    assert exc.message_zh.startswith("记录不完整") and all(m.message_zh for m in exc.missing)
    assert SealedStore(db).envelope_for_visit(visit.id) is None  # nothing half-written
    return exc


@pytest.mark.parametrize("training", [False, True])
def test_an_incomplete_result_without_a_living_room_is_refused(db, key, training):
    visit = measured_visit(db, (17.2,), training=training)  # one bedroom: verdict "incomplete"
    exc = _refuses(db, key, visit, "living room")
    assert [m.step for m in exc.missing] == ["rooms"]
    assert "起居室" in exc.message_zh


@pytest.mark.parametrize("training", [False, True])
def test_an_unmet_precondition_is_refused_unless_exempted(db, key, training):
    visit = measured_visit(db, training=training)
    visit.preconditions["no_sun_on_sensor"] = False
    _edit(db, visit)
    exc = _refuses(db, key, visit, "No sun on the sensor")
    assert "测点无阳光直射" in exc.message_zh
    visit.exemptions = ["outdoor_below_design"]
    _edit(db, visit)
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert env["record"]["visit"]["exemptions"] == ["outdoor_below_design"]


def test_empty_details_are_listed_all_at_once(db, key):
    visit = measured_visit(db)
    visit.address.street = visit.address.building = visit.address.flat = ""
    visit.ticket = ""
    visit.outdoor_temp_c = None
    _edit(db, visit)
    exc = _refuses(db, key, visit)
    fields = {m.field for m in exc.missing}
    assert {"ticket", "address.street", "address.building", "address.flat",
            "outdoor_temp_c"} <= fields


def test_times_out_of_order_or_in_the_future_are_refused(db, key):
    visit = measured_visit(db)
    visit.arrival_at = visit.contact_at - timedelta(minutes=1)
    _edit(db, visit)
    _refuses(db, key, visit, "arrival time", "before the contact time")
    visit.arrival_at = visit.contact_at
    visit.test_at = fixed_clock() + timedelta(minutes=6)   # beyond the 5 min of clock skew
    _edit(db, visit)
    _refuses(db, key, visit, "in the future")
    visit.test_at = fixed_clock() + timedelta(minutes=4)   # within it
    visit.closed_since = visit.test_at - timedelta(minutes=40)
    _edit(db, visit)
    seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)


def test_doors_closed_too_briefly_before_the_test_is_refused(db, key):
    visit = measured_visit(db)
    visit.closed_since = visit.test_at - timedelta(minutes=10)
    _edit(db, visit)
    _refuses(db, key, visit, "closed less than 30 min")


def test_a_refusal_with_a_witness_waives_the_measuring_but_not_the_details(db, key):
    store = VisitStore(db)
    visit = measured_visit(db)
    store.set_state(visit.id, "in_progress")
    visit.rooms.clear()  # measured nothing: a fresh visit the resident refused at the door
    fresh = type(visit).from_dict({**json.loads(json.dumps(visit.to_dict())), "id": visit.id + "x"})
    fresh.preconditions = {}
    store.create(fresh)
    inspector = generated_signature("演示检测员", "inspector", 1, signed_at=T0)
    refusal = Refusal(reason="拒绝配合检测", witness_name="赵丽", witness_role="社区工作人员",
                      witness=generated_signature("赵丽", "witness", 3, signed_at=T0))
    no_witness = Refusal(reason="拒绝配合检测", witness_name="赵丽", witness_role="社区工作人员")
    with pytest.raises(Exception):  # noqa: B017 - the profile wants the witness's signature
        seal_visit(db, fresh.id, Signatures(inspector, refusal=no_witness), key, clock=fixed_clock)
    fresh.resident_name = ""
    store.update_details(fresh)
    _refuses(db, key, fresh, "resident_name", sigs=Signatures(inspector, refusal=refusal))
    fresh.resident_name = "演示用户"
    store.update_details(fresh)
    env = seal_visit(db, fresh.id, Signatures(inspector, refusal=refusal), key, clock=fixed_clock)
    assert env["record"]["result"]["verdict"] == "incomplete"
    assert env["record"]["signatures"]["refusal"]["witness"] is not None


def test_a_discarded_draft_cannot_be_sealed(db, key):
    visit = measured_visit(db)
    VisitStore(db).discard(visit.id)
    with pytest.raises(ProcedureError, match="discarded"):
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
