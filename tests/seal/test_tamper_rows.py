"""Rows edited by hand with the triggers dropped and recreated: `verify` must name the record.

Each case failed before the field list: `verify` compared only the visit as `VisitStore.load`
reads it (the `details` JSON and the readings), so the `training`, `ticket`, `address` and
`company` columns that `records` shows could be forged unseen, and samples were matched by
position.
"""

import pytest

from inspector_app.seal.record import seal_visit
from inspector_app.seal.verify import verify_store
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for
from tests.seal.tampering import tamper_unseen


@pytest.fixture
def sealed(db, key):
    """Two sealed records; the second is the one tampered with."""
    out = []
    for temps in ((17.2, 18.4), (16.0, 18.6)):
        visit = measured_visit(db, temps)
        out.append(seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock))
    return out


def only_problem(db, key, record_id):
    report = verify_store(db, key.public_key_b64)
    assert not report.warnings  # the triggers are back: nothing but the content tells
    assert [(p.record_id, p.kind) for p in report.problems] == [(record_id, "content_changed")]
    return report.problems[0]


@pytest.mark.parametrize("column, value", [
    ("training", 0), ("ticket", "12345-FORGED"), ("address", "长春市某区某路1栋1单元101室"),
    ("company", "另一家供热公司"), ("profile_version", "1999.1"),
])
def test_a_visits_column_edited_unseen_is_content_changed(db, db_path, key, sealed, column, value):
    rid = sealed[1]["record"]["record_id"]
    tamper_unseen(db_path, f"UPDATE visits SET {column}=? WHERE id=?", params=(value, rid))
    problem = only_problem(db, key, rid)
    assert column in problem.message_en and column in problem.message_zh
    assert sealed[0]["record"]["record_id"] not in problem.record_id


def test_the_details_json_edited_is_named_by_its_field(db, db_path, key, sealed):
    rid = sealed[1]["record"]["record_id"]
    tamper_unseen(db_path, "UPDATE visits SET details=json_set(details, '$.notes', '改过')"
                           " WHERE id=?", params=(rid,))
    problem = only_problem(db, key, rid)
    assert "notes" in problem.message_en and "改过" in problem.message_zh


@pytest.mark.parametrize("table, column, value", [
    ("rooms", "name", "伪造的房间"), ("rooms", "area_m2", 99.0), ("rooms", "kind", "other"),
    ("points", "stable_at_s", 1.0), ("points", "idx", 7),
])
def test_a_room_or_point_edited_unseen_is_content_changed(db, db_path, key, sealed, table,
                                                          column, value):
    rid = sealed[1]["record"]["record_id"]
    room_id = sealed[1]["record"]["visit"]["rooms"][0]["id"]
    where = "id=?" if table == "rooms" else "room_id=?"
    tamper_unseen(db_path, f"UPDATE {table} SET {column}=? WHERE {where}", params=(value, room_id))
    problem = only_problem(db, key, rid)
    assert column in problem.message_en


@pytest.mark.parametrize("column, value", [
    ("value_c", 19.5), ("raw_c", 19.5), ("t_wall", "2026-11-26T10:00:00+08:00"), ("captured", 0),
    ("manual", 1), ("reason", "手工"), ("flags", "edited"),
])
def test_a_sample_edited_unseen_is_content_changed(db, db_path, key, sealed, column, value):
    rid = sealed[1]["record"]["record_id"]
    point = sealed[1]["record"]["visit"]["rooms"][0]["points"][0]
    tamper_unseen(db_path, f"UPDATE samples SET {column}=? WHERE id=(SELECT max(id) FROM samples"
                           " WHERE point_id=?)", params=(value, point["id"]))
    problem = only_problem(db, key, rid)
    assert column in problem.message_en and "sample at t=" in problem.message_en


def test_a_deleted_sample_is_reported_removed_not_as_shifted_values(db, db_path, key, sealed):
    rid = sealed[1]["record"]["record_id"]
    point = sealed[1]["record"]["visit"]["rooms"][0]["points"][0]
    first = point["samples"][0]
    tamper_unseen(db_path, "DELETE FROM samples WHERE id=(SELECT min(id) FROM samples"
                           " WHERE point_id=?)", params=(point["id"],))
    problem = only_problem(db, key, rid)
    t = f"t={first['t_offset_s']} s"
    assert f"sample at {t}: removed from the database" in problem.message_en
    assert "已从数据库删除" in problem.message_zh
    assert "→" not in problem.message_en  # nothing else differs: no shifted values


def test_an_added_sample_is_reported_added(db, db_path, key, sealed):
    rid = sealed[1]["record"]["record_id"]
    point = sealed[1]["record"]["visit"]["rooms"][0]["points"][0]
    tamper_unseen(db_path, "INSERT INTO samples (point_id, value_c, raw_c, t_offset_s, t_wall)"
                           " VALUES (?, 19.9, 19.9, 1.5, '2026-11-26T09:00:01+08:00')",
                  params=(point["id"],))
    problem = only_problem(db, key, rid)
    assert "sample at t=1.5 s: added after sealing" in problem.message_en
    assert "→" not in problem.message_en


def test_a_deleted_room_is_reported_removed(db, db_path, key, sealed):
    rid = sealed[1]["record"]["record_id"]
    room = sealed[1]["record"]["visit"]["rooms"][1]
    tamper_unseen(db_path,
                  "DELETE FROM samples WHERE point_id IN (SELECT id FROM points WHERE room_id=?)",
                  "DELETE FROM points WHERE room_id=?", "DELETE FROM rooms WHERE id=?",
                  params=(room["id"],))
    problem = only_problem(db, key, rid)
    assert f'room "{room["name"]}": removed from the database' in problem.message_en


def test_rooms_put_in_another_order_are_content_changed(db, db_path, key, sealed):
    """The record keeps the rooms' order (the slip and verdict list them so); the positions'
    numbers may have gaps, but swapping two rooms is an edit."""
    rid = sealed[1]["record"]["record_id"]
    first, second = (r["id"] for r in sealed[1]["record"]["visit"]["rooms"][:2])
    tamper_unseen(db_path, "UPDATE rooms SET position = CASE id WHEN ? THEN 1 ELSE 0 END"
                           " WHERE id IN (?, ?)", params=(first, first, second))
    problem = only_problem(db, key, rid)
    assert "order was changed" in problem.message_en and "顺序被改动" in problem.message_zh
