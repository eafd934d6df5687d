"""Photos and room edits together: editing or deleting a room never loses a photo nor makes a
sealed record fail its own verification (photo evidence meets issue #12, item 4)."""

from __future__ import annotations

from inspector_app.seal.photo_refs import photo_refs
from inspector_app.seal.record import seal_visit
from inspector_app.seal.verify import verify_store
from inspector_app.store import photos
from inspector_app.store.visits import COMPLETE
from tests.photos_helpers import picture
from tests.seal.helpers import fixed_clock, signatures_for
from tests.seal.test_room_edits import measure, session_for


def test_a_room_photographed_before_measuring_is_deleted_and_its_photo_stays_with_the_visit(db):
    store, visit, _clock, session = session_for(db)
    room = session.add_room("bedroom", "卧室1", 12.0)
    item = photos.attach_photo(db, visit.id, picture(), kind="radiator", room_id=room.id,
                               point_id=room.points[0].id)
    session.delete_room(room, "2026-11-26T09:10:00+08:00")
    assert store.load(visit.id).rooms == []
    assert [p.target for p in photos.links(db, visit.id)] == [("visit", visit.id)]
    assert photos.links(db, visit.id)[0].sha256 == item.sha256


def test_a_point_the_new_plan_drops_leaves_its_photo_on_the_room(db):
    store, visit, _clock, session = session_for(db)
    room = session.add_room("living_room", "客厅", 24.0)
    last, first = room.points[-1], room.points[0]
    photos.attach_photo(db, visit.id, picture(label="last"), kind="other", room_id=room.id,
                        point_id=last.id)
    photos.attach_photo(db, visit.id, picture(label="first"), kind="other", room_id=room.id,
                        point_id=first.id)
    session.update_room(room, "living_room", "客厅", 12.0)  # fewer points: new ids
    kept = {p.id for p in store.load(visit.id).rooms[0].points}
    for link in photos.links(db, visit.id):
        assert link.room_id == room.id and (link.point_id is None or link.point_id in kept)
    point = store.load(visit.id).rooms[0].points[0]
    photos.attach_photo(db, visit.id, picture(label="new"), kind="other", room_id=room.id,
                        point_id=point.id)
    before = [link.point_id for link in photos.links(db, visit.id)]
    assert before == [None, None, point.id]
    session.update_room(room, "living_room", "大客厅", 12.0)  # same plan: point photos stay
    assert [link.point_id for link in photos.links(db, visit.id)] == before


def test_a_deleted_measured_room_keeps_its_photo_and_the_sealed_record_verifies(db, key):
    store, visit, clock, session = session_for(db)
    rooms = [session.add_room(kind, name, 12.0) for kind, name in
             (("bedroom", "卧室1"), ("living_room", "客厅"), ("bedroom", "卧室2"))]
    for room in rooms:
        measure(session, clock, room)
    gone = rooms[2]
    photos.attach_photo(db, visit.id, picture(), kind="thermometer", room_id=gone.id,
                        point_id=gone.points[0].id)
    session.delete_room(gone, "2026-11-26T09:20:00+08:00")
    store.set_state(visit.id, COMPLETE)
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert [(r.target_type, r.target_id) for r in photo_refs(env["record"])] == \
        [("point", gone.points[0].id)]
    assert verify_store(db, key.public_key_b64).ok
