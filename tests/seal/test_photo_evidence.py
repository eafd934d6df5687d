"""Photos in the sealed record: cited by hash, rehashed by `verify`, older records unchanged."""

import hashlib
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.seal.canonical import sha256_hex
from inspector_app.seal.photo_refs import PhotoRefError, photo_refs
from inspector_app.seal.record import seal_visit
from inspector_app.seal.verify import RECORD_KEYS, verify_envelope, verify_store
from inspector_app.store import photos
from inspector_app.store.database import connect, schema_version
from inspector_app.store.schema_photos import PHOTO_TRIGGERS
from tests.photos_helpers import picture
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


def tamper(db_path, *sql):
    conn = sqlite3.connect(db_path)
    for statement in sql:
        conn.execute(*statement) if isinstance(statement, tuple) else conn.execute(statement)
    conn.commit()
    conn.close()


def sealed_with_photos(db, key):
    visit = measured_visit(db, (17.2, 18.4))
    room, point = visit.rooms[0], visit.rooms[0].points[0]
    first = photos.attach_photo(db, visit.id, picture(label="17.2"), kind="thermometer",
                                room_id=room.id, point_id=point.id, caption="读数")
    second = photos.attach_photo(db, visit.id, picture(label="窗"), kind="windows_closed")
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    return env, first, second


def problems(report):
    return {(p.record_id, p.kind) for p in report.problems}


def test_attach_seal_verify_ok_and_the_record_cites_each_photo(db, key):
    env, first, second = sealed_with_photos(db, key)
    cited = env["record"]["photos"]
    assert [c["sha256"] for c in cited] == [first.sha256, second.sha256]
    assert cited[0]["attached_to"] == {"type": "point", "id": first.point_id}
    assert cited[1]["attached_to"] == {"type": "visit", "id": env["record"]["record_id"]}
    assert cited[0]["size"] == first.size and cited[0]["kind"] == "thermometer"
    assert [r.sha256 for r in photo_refs(env["record"])] == [first.sha256, second.sha256]
    assert verify_envelope(env, key.public_key_b64) == []
    report = verify_store(db, key.public_key_b64)
    assert report.ok and not report.warnings


def test_swapped_photo_bytes_fail_verify(db, db_path, key):
    env, first, _ = sealed_with_photos(db, key)
    rid = env["record"]["record_id"]
    tamper(db_path, "DROP TRIGGER photos_no_update",
           ("UPDATE photos SET data=? WHERE sha256=?", (picture(label="25.0"), first.sha256)))
    report = verify_store(db, key.public_key_b64)
    assert problems(report) == {(rid, "content_changed")}
    assert "swapped" in report.problems[0].message_en and "替换" in report.problems[0].message_zh
    assert any("photos_no_update" in en for _zh, en in report.warnings)


def test_a_deleted_photo_fails_verify(db, db_path, key):
    env, first, _ = sealed_with_photos(db, key)
    tamper(db_path, "PRAGMA foreign_keys=OFF", "DROP TRIGGER photos_no_delete_sealed",
           ("DELETE FROM photos WHERE sha256=?", (first.sha256,)))
    report = verify_store(db, key.public_key_b64)
    assert any("missing" in p.message_en for p in report.problems)


def test_a_photo_relinked_to_another_room_fails_verify(db, db_path, key):
    env, first, _ = sealed_with_photos(db, key)
    tamper(db_path, "DROP TRIGGER photo_links_frozen_update",
           ("UPDATE photo_links SET point_id=NULL WHERE id=?", (first.id,)))
    report = verify_store(db, key.public_key_b64)
    assert problems(report) == {(env["record"]["record_id"], "content_changed")}
    assert "photo links" in report.problems[0].message_en


def test_a_photo_added_to_a_sealed_visit_behind_its_back_fails_verify(db, db_path, key):
    visit = measured_visit(db, (18.4, 18.4))  # a bedroom and a living room: sealable
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    data = picture()
    sha = hashlib.sha256(data).hexdigest()
    tamper(db_path, "DROP TRIGGER photo_links_frozen_insert",
           ("INSERT INTO photos VALUES (?,?,'image/jpeg',640,480,'t')", (sha, data)),
           ("INSERT INTO photo_links (visit_id, sha256, kind, taken_at) VALUES (?,?,'other','t')",
            (visit.id, sha)))
    assert (env["record"]["record_id"], "content_changed") in problems(
        verify_store(db, key.public_key_b64))


def test_a_record_without_photos_has_no_photos_key(db, key):
    visit = measured_visit(db, (18.4, 18.4))  # a bedroom and a living room: sealable
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert set(env["record"]) == set(RECORD_KEYS)
    assert photo_refs(env["record"]) == []


def test_an_older_database_and_its_record_verify_after_the_upgrade(db_path, key):
    """A version-3 database (before photos) sealed a record; opening it adds the photo tables."""
    db = connect(db_path)
    visit = measured_visit(db, (18.4, 18.4))  # a bedroom and a living room: sealable
    env = seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    db.conn.close()
    tamper(db_path, *[f"DROP TRIGGER {name}" for name in PHOTO_TRIGGERS],
           "DROP TABLE photo_links", "DROP TABLE photos", "DROP TABLE assignments",
           "DROP TABLE assignment_sync", "DROP TABLE ticket_event_outbox",  # step 7: tickets
           "PRAGMA user_version=3")
    upgraded = connect(db_path)
    assert schema_version(upgraded) >= 6
    report = verify_store(upgraded, key.public_key_b64)
    assert report.ok and not report.warnings and report.checked == 1
    assert sha256_hex(env["record"]) == env["sha256"]


@pytest.mark.parametrize("bad", [
    [], "x", [{"sha256": "ab", "size": 1, "kind": "other",
               "attached_to": {"type": "visit", "id": "v"}}],
    [{"sha256": "a" * 64, "size": 0, "kind": "other", "attached_to": {"type": "visit", "id": "v"}}],
    [{"sha256": "a" * 64, "size": 5, "kind": "selfie", "attached_to": {"type": "visit", "id": "v"}}],
    [{"sha256": "a" * 64, "size": 5, "kind": "other", "attached_to": {"type": "car", "id": "v"}}],
])
def test_a_malformed_photos_field_is_refused_in_both_languages(bad):
    with pytest.raises(PhotoRefError) as exc:
        photo_refs({"photos": bad, "visit": {"id": "v", "rooms": []}})
    assert exc.value.zh and exc.value.en


def test_a_photo_must_belong_to_something_in_the_record(db, key):
    env, first, _ = sealed_with_photos(db, key)
    record = env["record"]
    assert len(photo_refs(record)) == 2
    record["photos"][0]["attached_to"]["id"] = "another-point"
    with pytest.raises(PhotoRefError) as exc:
        photo_refs(record)
    assert "point" in exc.value.en and "测点" in exc.value.zh


def test_a_correction_keeps_the_photos_on_its_own_rooms_and_points(db, key):
    from inspector_app.seal.record import start_correction

    env, first, second = sealed_with_photos(db, key)
    old = env["record"]["record_id"]
    correction = start_correction(db, old, "地址门牌号写错")
    copied = photos.links(db, correction.id)
    assert [c.sha256 for c in copied] == [first.sha256, second.sha256]
    assert copied[0].room_id == correction.rooms[0].id
    assert copied[0].point_id == correction.rooms[0].points[0].id
    assert copied[1].target == ("visit", correction.id)
    new = seal_visit(db, correction.id, signatures_for(correction), key, clock=fixed_clock)
    assert [p["sha256"] for p in new["record"]["photos"]] == [first.sha256, second.sha256]
    assert verify_store(db, key.public_key_b64).ok


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=70),
                           lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.sampled_from(
                               ["sha256", "size", "kind", "attached_to", "type", "id"]), inner,
                               max_size=6), max_leaves=20)


@given(json_values)
def test_photo_refs_reads_any_json_or_refuses_it_in_words(value):
    try:
        refs = photo_refs({"photos": value})
    except PhotoRefError as exc:
        assert exc.zh and exc.en
    else:
        assert refs and all(len(r.sha256) == 64 and r.size > 0 for r in refs)
