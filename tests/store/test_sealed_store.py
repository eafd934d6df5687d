"""The store refuses to change sealed evidence: triggers on sealed_records and the visit's rows."""

import sqlite3

import pytest

from inspector_app.core.model import Point, Sample
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.store.database import DB_FILENAME, connect, schema_version
from inspector_app.store.schema_seal import TRIGGERS
from inspector_app.store.sealed import SealedStore, SignatureDrafts
from inspector_app.store.visits import VisitStore
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


@pytest.fixture
def db(data_dir):
    database = connect(data_dir / DB_FILENAME)
    database.execute("PRAGMA synchronous=OFF")  # tests are about content, not fsync
    yield database
    database.conn.close()


@pytest.fixture
def sealed(db):
    key = DeviceKey.generate()
    visit = measured_visit(db)
    seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    return visit, key


def refused(db, sql, params=()):
    with pytest.raises(sqlite3.DatabaseError) as exc:
        db.conn.execute(sql, params)
    return str(exc.value)


def test_migration_two_creates_tables_and_triggers(db):
    assert schema_version(db) >= 2
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master").fetchall()}
    assert {"sealed_records", "signatures"} <= names
    assert set(TRIGGERS) <= names


def test_sealed_records_refuse_update_and_delete(db, sealed):
    visit, _ = sealed
    assert "immutable" in refused(db, "UPDATE sealed_records SET sealed_at='x'")
    assert "不可修改" in refused(db, "DELETE FROM sealed_records WHERE record_id=?", (visit.id,))
    assert len(SealedStore(db).list()) == 1


def test_rows_of_a_sealed_visit_refuse_every_change(db, sealed):
    visit, _ = sealed
    room = visit.rooms[0]
    point = room.points[0]
    sample_id = point.samples[0].id
    for sql, params in [
        ("UPDATE samples SET value_c = 25 WHERE id = ?", (sample_id,)),
        ("DELETE FROM samples WHERE id = ?", (sample_id,)),
        ("INSERT INTO samples (point_id, value_c, raw_c, t_offset_s, t_wall)"
         " VALUES (?, 20, 20, 1, 'x')", (point.id,)),
        ("UPDATE points SET stable_at_s = 1 WHERE id = ?", (point.id,)),
        ("DELETE FROM points WHERE id = ?", (point.id,)),
        ("INSERT INTO points (id, room_id, idx) VALUES ('p-new', ?, 99)", (room.id,)),
        ("UPDATE rooms SET area_m2 = 30 WHERE id = ?", (room.id,)),
        ("DELETE FROM rooms WHERE id = ?", (room.id,)),
        ("INSERT INTO rooms (id, visit_id, position, kind, name, area_m2)"
         " VALUES ('r-new', ?, 9, 'bedroom', 'x', 10)", (visit.id,)),
        ("UPDATE visits SET details = '{}' WHERE id = ?", (visit.id,)),
        ("UPDATE visits SET ticket = 'X' WHERE id = ?", (visit.id,)),
        ("UPDATE visits SET state = 'complete' WHERE id = ?", (visit.id,)),
        ("DELETE FROM visits WHERE id = ?", (visit.id,)),
        ("INSERT INTO signatures (visit_id, slot, data, captured_at)"
         " VALUES (?, 'resident', '{}', 'x')", (visit.id,)),
    ]:
        assert "sealed" in refused(db, sql, params), sql


def test_the_store_api_cannot_edit_a_sealed_visit(db, sealed):
    visit, _ = sealed
    store = VisitStore(db)
    with pytest.raises(PermissionError):
        store.update_details(visit)
    with pytest.raises(sqlite3.DatabaseError):
        store.add_sample(visit.rooms[0].points[0], Sample(20.0, 20.0, 1.0, "x"))
    with pytest.raises(sqlite3.DatabaseError):
        store.save_point(visit.rooms[0], Point(index=7))


def test_state_moves_forward_to_synced_and_never_back(db, sealed):
    visit, _ = sealed
    store = VisitStore(db)
    store.set_state(visit.id, "synced")
    assert store.rows()[0].state == "synced"
    with pytest.raises(sqlite3.DatabaseError):
        store.set_state(visit.id, "sealed")


def test_a_visit_cannot_be_marked_sealed_without_a_record(db):
    visit = measured_visit(db)
    with pytest.raises(sqlite3.DatabaseError) as exc:
        VisitStore(db).set_state(visit.id, "sealed")
    assert "no sealed record" in str(exc.value)


def test_out_of_order_chain_inserts_are_refused(db, sealed):
    visit, key = sealed
    other = measured_visit(db)
    row = SealedStore(db).get(visit.id)
    with pytest.raises(sqlite3.DatabaseError):
        db.conn.execute(
            "INSERT INTO sealed_records (record_id, visit_id, device_id, seq, sha256, prev_sha256,"
            " envelope, sealed_at) VALUES (?,?,?,?,?,?,?,?)",
            (other.id, other.id, key.device_id, 3, "f" * 64, row.sha256, "{}", "x"))


def test_sealed_store_listing(db, sealed):
    visit, key = sealed
    store = SealedStore(db)
    [row] = store.list()
    assert row.record_id == visit.id and row.seq == 1 and row.prev_sha256 is None
    assert store.chain(key.device_id) == [row]
    assert store.devices() == [key.device_id]
    assert store.head(key.device_id) == row
    assert store.envelope_for_visit(visit.id)["sha256"] == row.sha256
    assert store.superseded_by(visit.id) is None
    with pytest.raises(KeyError):
        store.envelope("nope")


def test_signature_drafts_save_replace_and_clear(db):
    visit = measured_visit(db)
    drafts = SignatureDrafts(db)
    drafts.save(visit.id, "resident", {"a": 1})
    drafts.save(visit.id, "resident", {"a": 2})
    drafts.save(visit.id, "refusal", {"reason": "x"})
    assert drafts.load(visit.id) == {"resident": {"a": 2}, "refusal": {"reason": "x"}}
    drafts.clear(visit.id, "refusal")
    assert drafts.load(visit.id) == {"resident": {"a": 2}}
    with pytest.raises(ValueError):
        drafts.save(visit.id, "mayor", {})
