"""An attacker's look at the ticket flow, with real laptops against a live office (SQLite and
PostgreSQL over real HTTP): events for tickets that are not the laptop's, forged fields, dates
out of range, replayed event ids, ticket refs that are not the sending inspector's, cursors of
other laptops. Each test says what was tried and what the office must answer.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from inspector_app.core.errors import ProcedureError
from inspector_app.office.store import record_ref
from inspector_app.seal.canonical import canonical_bytes
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import Supersedes, envelope_for, seal_visit, start_correction
from inspector_app.store.assignments import assignment
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import VisitStore
from inspector_app.sync.assignments import pull_assignments
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import OfficeLink
from tests.office.ticket_helpers import raw_ticket, ticket
from tests.office.uploaded import supervisor
from tests.sync.factory import laptop_db, profile, signatures
from tests.sync.live import Laptop
from tests.tickets.items import ticket_data
from tests.tickets.office_visit import COMPLAINT, dispatch_and_pull, measured_from, seal_clock


def other_laptop(office, tmp_path, inspector: str, district: str = "朝阳区") -> tuple:
    """A second real laptop, enrolled for `inspector` (an account made if missing)."""
    if office.store.query_one("SELECT 1 FROM users WHERE name=?", (inspector,)) is None:
        office.store.add_user(inspector, "inspector", "!", district)
    folder = tmp_path / f"laptop-{inspector}-{uuid.uuid4().hex[:6]}"
    lap = Laptop(folder, laptop_db(folder), DeviceKey.generate())
    link = office.enroll_key(lap.folder, lap.key)
    with office.store.write() as c:
        c.execute("UPDATE devices SET inspector=? WHERE device_id=?", (inspector, link.device_id))
    return lap, link


def headers(link: OfficeLink) -> dict[str, str]:
    return {"Authorization": f"Bearer {link.token}", "X-Device-Id": link.device_id}


def send_events(office, link: OfficeLink, *events: dict) -> httpx.Response:
    return httpx.post(f"{office.url}/api/v1/ticket-events", json={"events": list(events)},
                      headers=headers(link), timeout=10)


def event(number: str = "A1", kind: str = "contacted", at: str | None = None,
          **extra) -> dict:
    at = at or datetime.now(UTC).isoformat(timespec="seconds")
    body = {"event_id": uuid.uuid4().hex, "channel": "12345", "ticket": number, "kind": kind,
            "at": at, "data": {"method": "phone"}}
    body.update(extra)
    return body


def outcome(answer: httpx.Response) -> list[tuple[str, str | None]]:
    assert answer.status_code == 200, answer.text[:300]
    return [(r["outcome"], (r["error"] or {}).get("error")) for r in answer.json()["results"]]


def seal_and_upload(office, lap, link: OfficeLink, item: dict) -> httpx.Response:
    """A measured visit from `item` (an assignment's ticket JSON), sealed on `lap` with the
    office key that laptop pinned, PUT to the office as the laptop's sync would."""
    visit = measured_from(item)
    VisitStore(lap.db).import_measured(visit)
    envelope = seal_visit(lap.db, visit.id, signatures(), lap.key, profile=profile(),
                          clock=seal_clock(visit))
    return httpx.put(f"{office.url}/api/v1/records/{visit.id}",
                     content=canonical_bytes(envelope),
                     headers={**headers(link), "Content-Type": "application/json"}, timeout=10)


# -- events pushed by a laptop --------------------------------------------------------------------

def test_a_laptop_cannot_log_events_on_a_ticket_of_another_inspector_or_district(
        office, laptop, tmp_path):
    d = dispatch_and_pull(office, laptop)                        # A1 → li (朝阳区)
    _, wang = other_laptop(office, tmp_path, "wang")              # same district, not assigned
    _, zhao = other_laptop(office, tmp_path, "zhao", "南关区")     # another district
    office.store.save_tickets([ticket("N1", district="南关区", now=datetime.now(UTC))],
                              source="hotline", by="hotline")
    assert outcome(send_events(office, wang, event("A1"))) == [("refused", "not_yours")]
    assert outcome(send_events(office, zhao, event("A1"))) == [("refused", "not_yours")]
    # an unassigned ticket of li's own laptop's district is not li's either
    assert outcome(send_events(office, d.link, event("N1"))) == [("refused", "not_yours")]
    # an office-only kind (tested, cancelled, assigned to oneself) is refused whatever the data
    for kind, data in (("tested", {"record": "x"}), ("cancelled", {"reason": "x"}),
                       ("assigned", {"inspector": "li"}), ("received", {})):
        assert outcome(send_events(office, d.link, event("A1", kind, data=data))) == [
            ("refused", "kind_not_allowed")]
    assert office.store.ticket_detail("12345", "A1")["state"] == "assigned"


def test_a_laptop_cannot_say_who_or_where_from(office, laptop):
    d = dispatch_and_pull(office, laptop)
    forged = event("A1", by="boss", source="office", device_id="0" * 16)
    assert outcome(send_events(office, d.link, forged)) == [("stored", None)]
    [stored] = [e for e in office.store.ticket_detail("12345", "A1")["events"]
                if e["event_id"] == forged["event_id"]]
    assert (stored["by"], stored["source"], stored["device_id"]) == (
        "li", "laptop", laptop.key.device_id)


def test_a_laptop_event_dated_far_in_the_future_or_before_the_complaint_is_refused(
        office, laptop):
    d = dispatch_and_pull(office, laptop)                 # complaint 2026-11-01T07:00+08:00
    before = event("A1", at="2026-11-01T06:00:00+08:00")
    assert outcome(send_events(office, d.link, before)) == [("refused", "bad_event")]
    future = (datetime.now(UTC) + timedelta(days=365)).isoformat(timespec="seconds")
    answer = send_events(office, d.link, event("A1", at=future))
    assert outcome(answer) == [("refused", "bad_event")]
    error = answer.json()["results"][0]["error"]
    assert error["field"] == "at" and "将来" in error["reason_zh"] and "future" in error["reason"]
    assert office.store.ticket_detail("12345", "A1")["contacted_at"] is None
    # a visit agreed for next week is fine: only the time the event happened is held to now
    assert outcome(send_events(office, d.link, event("A1"))) == [("stored", None)]
    week = (datetime.now(UTC) + timedelta(days=7)).isoformat(timespec="seconds")
    assert outcome(send_events(office, d.link, event(
        "A1", "visit_agreed", data={"visit_at": week}))) == [("stored", None)]


def test_another_laptops_event_id_is_not_replayed_nor_answered_as_a_duplicate(
        office, laptop, tmp_path):
    d = dispatch_and_pull(office, laptop)
    first = event("A1", "contact_attempt")
    assert outcome(send_events(office, d.link, first)) == [("stored", None)]
    assert outcome(send_events(office, d.link, first)) == [("duplicate", None)]
    _, wang = other_laptop(office, tmp_path, "wang")
    assert outcome(send_events(office, wang, first)) == [("refused", "event_id_taken")]
    # li's second laptop (re-enrolled) does not take over the first one's id either
    lap2, li2 = other_laptop(office, tmp_path, "li")
    assert outcome(send_events(office, li2, first)) == [("refused", "event_id_taken")]
    detail = office.store.ticket_detail("12345", "A1")
    assert detail["attempts"] == 1
    assert [e["event_id"] for e in detail["events"]].count(first["event_id"]) == 1


# -- records answering a ticket -------------------------------------------------------------------

def test_a_ticket_ref_copied_from_another_inspectors_assignment_is_refused(
        office, laptop, tmp_path):
    """wang's laptop (same office key pinned, a valid signature) seals a visit with li's
    assignment: the office must not let wang answer a ticket never dispatched to him."""
    d = dispatch_and_pull(office, laptop)
    lap, wang = other_laptop(office, tmp_path, "wang")
    with SyncClient(lap.db, wang) as client:        # pins the office key, pulls nothing
        pull_assignments(client)
    answer = seal_and_upload(office, lap, wang, d.item)
    assert answer.status_code == 422, answer.text[:300]
    body = answer.json()
    assert body["error"] == "ticket_ref_invalid"
    assert "wang" in body["reason"] and "wang" in body["reason_zh"]
    assert office.store.ticket_detail("12345", "A1")["state"] == "assigned"
    # li's own record of the same ticket is taken and marks it tested
    answer = seal_and_upload(office, laptop, d.link, d.item)
    assert answer.status_code == 201, answer.text[:300]
    assert office.store.ticket_detail("12345", "A1")["state"] == "tested"


def test_a_ticket_tested_by_two_laptops_of_its_inspectors_keeps_both_records(
        office, laptop, tmp_path):
    """li tests A1 offline, the office meanwhile reassigns it to wang, who tests it too; li's
    record arrives last: both records stand (each inspector was given the ticket), both
    `tested` events are in the history, each by its inspector."""
    d = dispatch_and_pull(office, laptop)
    li_visit = measured_from(d.item)
    VisitStore(laptop.db).import_measured(li_visit)
    seal_visit(laptop.db, li_visit.id, signatures(), laptop.key, profile=profile(),
               clock=seal_clock(li_visit))
    lap, wang = other_laptop(office, tmp_path, "wang")
    office.store.assign_ticket("12345", "A1", "wang", by="boss")
    with SyncClient(lap.db, wang) as client:
        assert pull_assignments(client).pulled == 1
    item = assignment(lap.db, "12345", "A1").item
    assert seal_and_upload(office, lap, wang, item).status_code == 201
    with SyncClient(laptop.db, d.link) as client:
        assert client.push_pending().sent == 1
    detail = office.store.ticket_detail("12345", "A1")
    assert detail["state"] == "tested" and len(detail["records"]) == 2
    assert [e["by"] for e in detail["events"] if e["kind"] == "tested"] == ["wang", "li"]
    assert record_ref(laptop.key.device_id, li_visit.id) in detail["records"]


# -- a revision that moves the ticket -------------------------------------------------------------

def test_a_revision_moving_the_ticket_to_another_district_takes_it_from_the_inspector(
        office, laptop, tmp_path):
    """The hotline corrects the district of a ticket already given to li (朝阳区): li's laptop
    loses it, the new district's supervisor sees it unassigned and gives it to one of hers;
    朝阳区's supervisor no longer sees it; li cannot log events on it any more."""

    d = dispatch_and_pull(office, laptop)
    _, zhao = other_laptop(office, tmp_path, "zhao", "南关区")
    assert outcome(send_events(office, d.link, event("A1"))) == [("stored", None)]
    moved = {**d.item["data"], "district": "南关区"}
    with office.admin() as admin:
        rows = admin.post("/api/v1/tickets", json={"tickets": [moved]}).json()["results"]
    assert [(r["outcome"], r["revision"]) for r in rows] == [("revised", 2)]
    detail = office.store.ticket_detail("12345", "A1")
    assert (detail["district"], detail["inspector"], detail["state"]) == (
        "南关区", None, "contacted")       # the contact made still counts for the clock
    assert outcome(send_events(office, d.link, event(
        "A1", "visit_agreed", data={"visit_at": datetime.now(UTC).isoformat()}))) == [
        ("refused", "not_yours")]
    with SyncClient(laptop.db, d.link) as client:
        pull_assignments(client)
    assert assignment(laptop.db, "12345", "A1").removed_reason == "reassigned"
    with supervisor(office, "sup-c", "朝阳区") as sup:
        assert sup.get("/api/v1/tickets/12345/A1").status_code == 404
    with supervisor(office, "sup-n", "南关区") as sup:
        item = sup.get("/api/v1/tickets/12345/A1").json()
        assert item["inspector"] is None
        item = sup.post("/api/v1/tickets/12345/A1/assignment", json={"inspector": "zhao"}).json()
        assert (item["inspector"], item["state"]) == ("zhao", "contacted")
    assert outcome(send_events(office, zhao, event(
        "A1", "visit_agreed", data={"visit_at": datetime.now(UTC).isoformat()}))) == [
        ("stored", None)]
    # the same district again (another field corrected) keeps the holder
    with office.admin() as admin:
        admin.post("/api/v1/tickets", json={"tickets": [{**moved, "text": "改"}]})
    assert office.store.ticket_detail("12345", "A1")["inspector"] == "zhao"


# -- what the hotline pushes ----------------------------------------------------------------------

def test_hostile_ticket_numbers_and_channels_are_refused_row_by_row(office):
    """Each bad row is refused with its field, the good row stored. '.' and '..' are refused:
    in a URL path they are dot segments, so no client could ever address such a ticket
    (`/api/v1/tickets/12345/../assignment` is `/api/v1/tickets/assignment`)."""
    rows = [raw_ticket("ok-1"), raw_ticket(".."), raw_ticket("."), raw_ticket("A/1"),
            raw_ticket("A\u200b1"), raw_ticket("A\u202e1"), raw_ticket("A 1"),
            raw_ticket("A\u30001"), raw_ticket("x" * 65), raw_ticket("B1", channel="walk_in"),
            raw_ticket("B2", channel="99999"), raw_ticket("B3", channel="12345\u200b"),
            raw_ticket("B4", complaint_at="2099-01-01T00:00:00+08:00"),
            raw_ticket("B5", complaint_at="2026-01-05 10:00")]
    with office.admin() as admin:
        results = admin.post("/api/v1/tickets", json={"tickets": rows}).json()["results"]
        assert [(r["outcome"], (r["error"] or {}).get("field")) for r in results] == [
            ("new", None)] + [("refused", "ticket")] * 8 + [("refused", "channel")] * 3 + [
            ("refused", "complaint_at")] * 2
        for r in results[1:]:
            assert r["error"]["reason"] and r["error"]["reason_zh"]
        # a NUL or a text beyond 20,000 characters: the request's shape is refused whole
        for bad in (raw_ticket("C1", text="a\x00b"), raw_ticket("C2", text="冷" * 20_001),
                    raw_ticket("C3", resident_name="张" * 201)):
            answer = admin.post("/api/v1/tickets", json={"tickets": [bad]})
            assert answer.status_code == 422 and answer.json()["reason_zh"], answer.text[:200]
        assert admin.get("/api/v1/tickets").json()["items"][0]["ticket"] == "ok-1"
    assert [k for k in ("..", ".", "C1", "C2", "C3") if office.store.ticket_keys(k)] == []


# -- the feed -------------------------------------------------------------------------------------

def pull(office, link: OfficeLink, cursor: str | None = None) -> httpx.Response:
    return httpx.get(f"{office.url}/api/v1/assignments", headers=headers(link), timeout=10,
                     params={"cursor": cursor} if cursor else {})


def test_cursors_travel_with_neither_laptop_nor_inspector_and_a_revoked_laptop_is_shut_out(
        office, laptop, tmp_path):
    d = dispatch_and_pull(office, laptop)
    mine = pull(office, d.link).json()["cursor"]
    _, li2 = other_laptop(office, tmp_path, "li")          # li's second laptop
    _, wang = other_laptop(office, tmp_path, "wang")
    for other in (li2, wang):
        answer = pull(office, other, mine)
        assert answer.status_code == 400 and answer.json()["error"] == "bad_cursor"
        assert answer.json()["reason_zh"]
    # wang's laptop, from the start, sees nothing of li's
    assert pull(office, wang).json()["assignments"] == []
    # re-enrolled for another inspector: the old cursor is refused (a fresh pull starts over)
    with office.store.write() as c:
        c.execute("UPDATE devices SET inspector='wang' WHERE device_id=?", (li2.device_id,))
    li2_cursor = pull(office, li2).json()["cursor"]
    with office.store.write() as c:
        c.execute("UPDATE devices SET inspector='li' WHERE device_id=?", (li2.device_id,))
    assert pull(office, li2, li2_cursor).status_code == 400
    # revoked: both endpoints 401, the laptop's events are not stored
    office.store.revoke_device(d.link.device_id, "lost")
    assert pull(office, d.link, mine).status_code == 401
    assert send_events(office, d.link, event("A1")).status_code == 401
    assert office.store.ticket_detail("12345", "A1")["state"] == "assigned"


# -- a correction cannot move a record to another ticket ------------------------------------------

def _correction_to(laptop, rid: str, item: dict | None):
    """A correction of sealed record `rid` made to answer `item`'s ticket (None: a walk-in)."""
    visit = start_correction(laptop.db, rid, "工单号填错")
    other = measured_from(item) if item is not None else None
    visit.ticket_ref = None if other is None else other.ticket_ref
    if other is not None:
        visit.channel, visit.ticket, visit.complaint_at = (other.channel, other.ticket,
                                                           other.complaint_at)
    VisitStore(laptop.db).update_details(visit)
    return visit


def test_a_correction_cannot_move_a_record_to_another_ticket(office, laptop):
    """li answered A1; a correction of that record that answers A2 instead (or no ticket)
    would leave A1 tested by a record that no longer stands and test A2 unseen: refused on
    the laptop before sealing, and by the office for an envelope built by hand."""

    d = dispatch_and_pull(office, laptop)
    office.store.save_tickets([ticket_data("A2", complaint_at=COMPLAINT)], source="hotline",
                              by="hotline")
    office.store.assign_ticket("12345", "A2", "li", by="boss")
    with SyncClient(laptop.db, d.link) as client:
        pull_assignments(client)
    a2 = assignment(laptop.db, "12345", "A2").item
    assert seal_and_upload(office, laptop, d.link, d.item).status_code == 201
    [rid] = [r[0] for r in laptop.db.execute("SELECT id FROM visits").fetchall()]
    for target in (a2, None):
        visit = _correction_to(laptop, rid, target)
        with pytest.raises(ProcedureError) as err:
            seal_visit(laptop.db, visit.id, signatures(), laptop.key, profile=profile(),
                       clock=seal_clock(visit))
        assert err.value.field == "ticket_ref" and "更正" in err.value.message_zh
        VisitStore(laptop.db).discard(visit.id)
    # the same, sealed by hand and signed by the device key, sent to the office
    original = SealedStore(laptop.db).envelope(rid)["record"]
    for target in (a2, None):
        record = copy.deepcopy(original)
        record["record_id"] = str(uuid.uuid4())
        record["visit"]["id"] = record["record_id"]
        record["supersedes"] = Supersedes(rid, "工单号填错").to_dict()
        other = measured_from(target).to_dict() if target else {}
        record["visit"].pop("ticket_ref")
        if target:
            for name in ("ticket_ref", "channel", "ticket", "complaint_at"):
                record["visit"][name] = other[name]
        body = canonical_bytes(envelope_for(record, laptop.key))
        answer = httpx.put(f"{office.url}/api/v1/records/{record['record_id']}", content=body,
                           headers={**headers(d.link), "Content-Type": "application/json"},
                           timeout=10)
        assert answer.status_code == 422, answer.text[:300]
        assert answer.json()["error"] == "ticket_ref_invalid"
        assert "更正" in answer.json()["reason_zh"] and "correct" in answer.json()["reason"]
    assert office.store.ticket_detail("12345", "A2")["state"] == "assigned"


# -- the hotline corrects the complaint time after the contact --------------------------------

def test_a_complaint_time_revised_after_the_contact_keeps_the_records_revision_provable(
        office, laptop):
    """li contacted the resident and sealed the visit from revision 1 (07:00); the hotline then
    says the complaint came at 06:20. The ticket's clock follows the hotline's latest word (the
    contact is now 50 minutes after the complaint, late), the record still verifies and names
    revision 1 with its digest and time, which the office holds."""
    d = dispatch_and_pull(office, laptop)
    contact = "2026-11-01T07:10:00+08:00"
    assert outcome(send_events(office, d.link, event("A1", at=contact))) == [("stored", None)]
    assert office.store.ticket("12345", "A1")["contacted_within_limit"] is True
    earlier = {**d.item["data"], "complaint_at": "2026-11-01T06:20:00+08:00"}
    with office.admin() as admin:
        rows = admin.post("/api/v1/tickets", json={"tickets": [earlier]}).json()["results"]
    assert [(r["outcome"], r["revision"]) for r in rows] == [("revised", 2)]
    item = office.store.ticket("12345", "A1")
    assert (item["minutes_to_contact"], item["contacted_within_limit"]) == (50.0, False)
    assert item["deadline_at"] == "2026-10-31T22:50:00Z"
    answer = seal_and_upload(office, laptop, d.link, d.item)      # sealed from revision 1
    assert answer.status_code == 201, answer.text[:300]
    [rid] = [r[0] for r in laptop.db.execute("SELECT id FROM visits").fetchall()]
    sealed = office.store.record(record_ref(laptop.key.device_id, rid))
    ref = json.loads(office.store.record_bytes(sealed["ref"])[1])["record"]["visit"]["ticket_ref"]
    revisions = {r["revision"]: r for r in office.store.ticket_detail("12345", "A1")["revisions"]}
    assert (ref["revision"], ref["digest"], ref["complaint_at"]) == (
        1, revisions[1]["digest"], revisions[1]["data"]["complaint_at"])
    source = sealed["ticket_source"]          # the reviewer sees it rests on an older revision
    assert (source["revision"], source["latest_revision"]) == (1, 2)
    assert source["label_zh"].endswith("依据第 1 版（工单现有 2 版）")
    assert source["label_en"].endswith("from revision 1 (the ticket now has 2)")
