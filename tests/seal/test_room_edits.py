"""Rooms can be corrected before measuring and deleted; a deleted room's readings stay on the
record (issue #12, item 4)."""

from __future__ import annotations

import pytest

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.core.procedure import VisitSession
from inspector_app.core.training import demo_visit
from inspector_app.seal.record import seal_visit, start_correction
from inspector_app.seal.verify import verify_store
from inspector_app.store.visits import COMPLETE, VisitStore
from tests.seal.helpers import CC, T0, FakeClock, fixed_clock, signatures_for
from tests.seal.tampering import tamper_unseen


def session_for(db):
    store = VisitStore(db)
    visit = demo_visit(CC, 2, now=T0)
    store.create(visit)
    clock = FakeClock()
    return store, visit, clock, VisitSession(visit, CC, store, clock=clock, wall=lambda: T0)


def measure(session, clock, room, temp=18.4):
    for point in room.points:
        session.begin_point(room, point)
        for _ in range(40):
            clock.t += 60.0
            if session.feed(temp).point_done:
                break


def test_a_room_is_corrected_before_measuring_and_its_plan_follows(db):
    store, visit, _clock, session = session_for(db)
    room = session.add_room("bedroom", "卧室1", 12.0)
    session.update_room(room, "living_room", "客厅", 24.0)
    stored = store.load(visit.id).rooms
    assert [(r.kind, r.name, r.area_m2, len(r.points)) for r in stored] == \
        [("living_room", "客厅", 24.0, 5)]
    with pytest.raises(ValidationError, match="at most 500"):
        session.update_room(room, "living_room", "客厅", 10000.0)  # refused, never truncated
    assert store.load(visit.id).rooms[0].area_m2 == 24.0


def seal_with_a_removed_room(db, key):
    """A visit whose first, measured room was deleted, sealed: (store, visit, readings, env)."""
    store, visit, clock, session = session_for(db)
    wrong = session.add_room("bedroom", "卧室（错）", 12.0)
    measure(session, clock, wrong, 17.0)
    with pytest.raises(ProcedureError, match="already has readings"):
        session.update_room(wrong, "bedroom", "卧室1", 12.0)
    readings = [s.value_c for s in wrong.points[0].samples]
    session.delete_room(wrong, T0.isoformat())
    empty = session.add_room("other", "储藏间", 5.0)
    session.delete_room(empty, T0.isoformat())  # no readings: simply gone
    for kind, name in (("bedroom", "卧室1"), ("living_room", "客厅")):
        measure(session, clock, session.add_room(kind, name, 12.0))
    store.set_state(visit.id, COMPLETE)

    loaded = store.load(visit.id)
    assert [r.name for r in loaded.rooms] == ["卧室1", "客厅"]
    assert [r.name for r in loaded.removed_rooms] == ["卧室（错）"]
    assert [s.value_c for s in loaded.removed_rooms[0].points[0].samples] == readings
    env = seal_visit(db, visit.id, signatures_for(loaded), key, clock=fixed_clock)
    return store, visit, readings, env


def test_a_measured_room_cannot_be_edited_but_can_be_deleted_keeping_its_readings(db, key):
    store, visit, readings, env = seal_with_a_removed_room(db, key)
    record = env["record"]
    removed = record["visit"]["removed_rooms"]
    assert removed[0]["removed_at"] == T0.isoformat()
    assert [s["value_c"] for s in removed[0]["points"][0]["samples"]] == readings
    assert [r["name"] for r in record["result"]["rooms"]] == ["卧室1", "客厅"]  # not judged
    assert verify_store(db, key.public_key_b64).ok  # rows read back as the sealed record

    fix = start_correction(db, visit.id, "地址门牌号写错")
    again = store.load(fix.id)
    assert [r.name for r in again.rooms] == ["卧室1", "客厅"] and again.removed_rooms == []


@pytest.mark.parametrize("edit", ["brought back", "deleted at another time"])
def test_a_deleted_measured_room_brought_back_unseen_is_content_changed(db, db_path, key, edit):
    """Undoing the deletion of a measured room in the database (so it would count again), or
    changing when it was deleted, shows: the record says it was removed, and when."""
    _store, visit, _readings, env = seal_with_a_removed_room(db, key)
    rid = env["record"]["record_id"]
    room_id = env["record"]["visit"]["removed_rooms"][0]["id"]
    change = ("json_remove(details, '$.removed_room_ids')" if edit == "brought back" else
              f"json_set(details, '$.removed_room_ids.\"{room_id}\"', '2000-01-01T00:00:00')")
    tamper_unseen(db_path, f"UPDATE visits SET details={change} WHERE id=?", params=(visit.id,))
    report = verify_store(db, key.public_key_b64)
    assert [(p.record_id, p.kind) for p in report.problems] == [(rid, "content_changed")]
    assert "removed_room_ids" in report.problems[0].message_en
