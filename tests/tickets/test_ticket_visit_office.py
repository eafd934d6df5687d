"""A visit from a dispatched ticket, sealed on the laptop and verified at a live office.

The office (both backends) imports a ticket, assigns it to inspector li, whose laptop pulls
it (pinning the office key); the visit takes the ticket's complaint time, is sealed, uploaded,
verified and the ticket marked tested. Every way of changing the complaint time, the digest or
the signature is refused when sealing, and, in an envelope built by hand and re-signed by the
device key, refused by the office with 422 ticket_ref_invalid and nothing stored.
"""

from __future__ import annotations

import base64
import copy

import httpx
import pytest

from inspector_app.core.completeness import IncompleteVisit
from inspector_app.core.errors import ProcedureError
from inspector_app.core.model import Visit
from inspector_app.office.store import record_ref
from inspector_app.seal.canonical import canonical_bytes
from inspector_app.seal.record import envelope_for, seal_visit
from inspector_app.seal.ticket_signature import sign_ticket
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import COMPLETE, VisitStore
from inspector_app.sync.client import SyncClient
from tests.sync.factory import profile, seal_new, signatures
from tests.tickets.items import office_key
from tests.tickets.office_visit import (
    COMPLAINT,
    dispatch_and_pull,
    measured_from,
    seal_clock,
)


def _seal(laptop, visit: Visit) -> dict:
    VisitStore(laptop.db).import_measured(visit)
    return seal_visit(laptop.db, visit.id, signatures(), laptop.key, profile=profile(),
                      clock=seal_clock(visit))


def test_a_visit_from_a_ticket_is_sealed_verified_and_marks_the_ticket_tested(office, laptop):
    d = dispatch_and_pull(office, laptop)
    visit = measured_from(d.item)
    envelope = _seal(laptop, visit)
    sealed_visit = envelope["record"]["visit"]
    assert sealed_visit["complaint_at"] == COMPLAINT == sealed_visit["ticket_ref"]["complaint_at"]
    assert sealed_visit["ticket_ref"]["digest"] == d.item["digest"]
    with SyncClient(laptop.db, d.link) as client:
        report = client.push_pending()
    assert report.sent == 1, report
    ref = record_ref(laptop.key.device_id, visit.id)
    assert office.store.record_bytes(ref) is not None
    ticket = office.store.ticket_detail("12345", "A1")
    assert ticket["state"] == "tested" and ticket["records"] == [ref]
    [tested] = [e for e in ticket["events"] if e["kind"] == "tested"]
    assert (tested["source"], tested["by"], tested["device_id"], tested["data"]) == (
        "laptop", "li", laptop.key.device_id, {"record": ref})
    detail = office.store.record(ref)["ticket_source"]
    assert detail["dispatched"] and detail["label_zh"] == "派单工单 12345/A1（办公室签发）"
    assert detail["label_en"] == "dispatched ticket 12345/A1 (signed by the office)"


def test_a_walk_in_visit_still_seals_and_is_marked_so(office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    rid = seal_new(laptop.db, laptop.key, 3)
    assert "ticket_ref" not in SealedStore(laptop.db).envelope(rid)["record"]["visit"]
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    detail = office.store.record(record_ref(laptop.key.device_id, rid))["ticket_source"]
    assert detail == {"dispatched": False, "label_zh": "现场录入（无派单）",
                      "label_en": "typed at the door (no dispatched ticket)"}


def _forged(ref: dict) -> dict:
    private, _ = office_key()   # another key under the office's key id
    return {**ref, "signature": sign_ticket(private, ref["channel"], ref["ticket"],
                                            ref["revision"], ref["digest"],
                                            ref["complaint_at"])}


LATER = "2026-11-01T07:05:00+08:00"   # still before the contact (07:10)
CHANGES = {
    # the complaint time typed over in the visit: the ref no longer matches (completeness)
    "visit complaint time": lambda v: setattr(v, "complaint_at", v.complaint_at.replace(
        minute=5)),
    # both moved together: the office never signed that time
    "ref complaint time": lambda v: (setattr(v, "complaint_at", v.complaint_at.replace(
        minute=5)), v.ticket_ref.update(complaint_at=LATER)),
    "digest": lambda v: v.ticket_ref.update(digest="0" * 64),
    "forged signature": lambda v: v.ticket_ref.update(_forged(v.ticket_ref)),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_ticket_ref_is_refused_at_the_seal(office, laptop, change):
    d = dispatch_and_pull(office, laptop)
    visit = measured_from(d.item)
    CHANGES[change](visit)
    with pytest.raises(ProcedureError) as err:
        _seal(laptop, visit)
    if change == "visit complaint time":
        assert isinstance(err.value, IncompleteVisit)
        assert "投诉时间取自工单，不能修改" in err.value.message_zh
    else:
        assert err.value.field == "ticket_ref"
        assert "签名无效" in err.value.message_zh and "not valid" in err.value.message_en
    assert SealedStore(laptop.db).head(laptop.key.device_id) is None   # nothing sealed
    assert laptop.db.execute("SELECT state FROM visits WHERE id=?",
                             [visit.id]).fetchone()[0] == COMPLETE


def _resealed(envelope: dict, key, change) -> bytes:  # noqa: ANN001
    record = copy.deepcopy(envelope["record"])
    change(record["visit"])
    return canonical_bytes(envelope_for(record, key))


OFFICE_CHANGES = {
    "visit complaint time": lambda v: v.update(complaint_at=LATER),
    "ref complaint time": lambda v: (v.update(complaint_at=LATER),
                                     v["ticket_ref"].update(complaint_at=LATER)),
    "digest": lambda v: v["ticket_ref"].update(digest="0" * 64),
    "forged signature": lambda v: v["ticket_ref"].update(_forged(v["ticket_ref"])),
    "unknown office key": lambda v: v["ticket_ref"].update(key_id="0" * 16),
    "other ticket": lambda v: (v.update(ticket="A2"), v["ticket_ref"].update(ticket="A2")),
}


@pytest.mark.parametrize("change", list(OFFICE_CHANGES))
def test_a_changed_ticket_ref_re_signed_by_the_device_is_refused_by_the_office(
        office, laptop, change):
    d = dispatch_and_pull(office, laptop)
    visit = measured_from(d.item)
    envelope = _seal(laptop, visit)
    body = _resealed(envelope, laptop.key, OFFICE_CHANGES[change])
    headers = {"Authorization": f"Bearer {d.link.token}", "X-Device-Id": d.link.device_id,
               "Content-Type": "application/json"}
    answer = httpx.put(f"{office.url}/api/v1/records/{visit.id}", content=body,
                       headers=headers, timeout=10)
    assert answer.status_code == 422, answer.text
    error = answer.json()
    assert error["error"] == "ticket_ref_invalid"
    assert "派单工单" in error["reason_zh"] and "dispatched ticket" in error["reason"]
    assert office.store.record_bytes(record_ref(laptop.key.device_id, visit.id)) is None
    assert office.store.ticket_detail("12345", "A1")["state"] == "assigned"
    # the honest record, sent afterwards, is taken
    with SyncClient(laptop.db, d.link) as client:
        assert client.push_pending().sent == 1
    assert office.store.ticket_detail("12345", "A1")["state"] == "tested"


def test_a_signature_with_a_bad_base64_is_simply_invalid(office, laptop):
    d = dispatch_and_pull(office, laptop)
    visit = measured_from(d.item)
    visit.ticket_ref["signature"] = base64.b64encode(b"x" * 64).decode() + "!"
    with pytest.raises(ProcedureError, match="not valid"):
        _seal(laptop, visit)
