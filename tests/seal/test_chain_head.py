"""The chain head kept outside the database: a shortened, emptied or missing database is an
incident, not a fresh start (each case passed `verify` as "all verified" before)."""

import json
import os

import pytest

from inspector_app.cli import main
from inspector_app.core.errors import ProcedureError
from inspector_app.seal.chain_head import HEAD_FILENAME, write_head
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.seal.verify import verify_store
from inspector_app.store.database import connect
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for
from tests.seal.tampering import tamper_unseen


def seal_some(db, key, n=2):
    out = []
    for _ in range(n):
        visit = measured_visit(db)
        out.append(seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock))
    return out


def verify_json(capsys, data_dir):
    code = main(["--lang", "en", "--data-dir", str(data_dir), "verify", "--json"])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def remove_database(db, db_path, *, keep_empty_file):
    db.conn.close()
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    db_path.unlink()
    if keep_empty_file:
        db_path.write_bytes(b"")


@pytest.mark.parametrize("keep_empty_file", [True, False], ids=["0-byte file", "no file"])
def test_an_emptied_or_missing_database_with_an_existing_key_is_an_incident(
        data_dir, db, db_path, key, capsys, keep_empty_file):
    newest = seal_some(db, key)[-1]["record"]["record_id"]
    remove_database(db, db_path, keep_empty_file=keep_empty_file)
    code, out = verify_json(capsys, data_dir)
    assert code == 1 and not out["ok"] and out["checked"] == 0
    assert [(p["record_id"], p["kind"]) for p in out["problems"]] == [(newest, "link_missing")]
    assert "not a fresh start" in out["problems"][0]["message_en"]
    fresh = connect(db_path)
    visit = measured_visit(fresh)
    with pytest.raises(ProcedureError) as refused:  # the chain does not restart at 1
        seal_visit(fresh, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert "不能签封" in refused.value.message_zh
    assert fresh.execute("SELECT count(*) FROM sealed_records").fetchone()[0] == 0
    fresh.conn.close()


def test_deleting_the_newest_record_with_its_visit_rows_is_detected(db, db_path, data_dir, key):
    first, newest = seal_some(db, key)
    rid = newest["record"]["record_id"]
    tamper_unseen(db_path,
                  "DELETE FROM outbox WHERE record_id=?", "DELETE FROM sealed_records WHERE"
                  " record_id=?", "DELETE FROM samples WHERE point_id IN (SELECT p.id FROM points"
                  " p JOIN rooms r ON r.id=p.room_id WHERE r.visit_id=?)",
                  "DELETE FROM points WHERE room_id IN (SELECT id FROM rooms WHERE visit_id=?)",
                  "DELETE FROM rooms WHERE visit_id=?", "DELETE FROM visits WHERE id=?",
                  params=(rid,))
    report = verify_store(db, key.public_key_b64, key_folder=data_dir, protection=key.protection)
    assert [(p.record_id, p.kind) for p in report.problems] == [(rid, "link_missing")]
    assert "sealed up to record no. 2" in report.problems[0].message_en
    assert not report.warnings
    assert verify_store(db, key.public_key_b64).ok  # without the head nothing shows


def test_a_head_lowered_with_another_key_is_refused(db, db_path, data_dir, key):
    records = seal_some(db, key)
    rid = records[-1]["record"]["record_id"]
    tamper_unseen(db_path, "DELETE FROM outbox WHERE record_id=?",
                  "DELETE FROM sealed_records WHERE record_id=?",
                  "UPDATE visits SET state='complete' WHERE id=?", params=(rid,))
    forger = DeviceKey.generate()
    forger.folder = data_dir  # writes a head for seq 1 signed by a key that is not ours
    os.unlink(data_dir / HEAD_FILENAME)
    write_head(forger, 1, records[0]["sha256"], records[0]["record"]["record_id"])
    report = verify_store(db, key.public_key_b64, key_folder=data_dir, protection=key.protection)
    assert ("signature_invalid" in {p.kind for p in report.problems})


def test_a_fresh_key_with_no_database_is_a_fresh_start(data_dir, key, capsys):
    code, out = verify_json(capsys, data_dir)
    assert (code, out["ok"], out["checked"], out["problems"]) == (0, True, 0, [])


def test_a_database_ahead_of_the_head_is_accepted(db, data_dir, key):
    """A crash between the seal's commit and the head's write leaves the head behind."""
    first = seal_some(db, key, 1)[0]
    head_text = (data_dir / HEAD_FILENAME).read_bytes()
    seal_some(db, key, 1)
    (data_dir / HEAD_FILENAME).write_bytes(head_text)
    assert json.loads(head_text)["record_id"] == first["record"]["record_id"]
    assert verify_store(db, key.public_key_b64, key_folder=data_dir,
                        protection=key.protection).ok
    seal_some(db, key, 1)
    assert json.loads((data_dir / HEAD_FILENAME).read_text())["seq"] == 3


def test_a_file_key_from_before_the_head_gets_a_warning_then_a_head(db, data_dir, key):
    seal_some(db, key, 1)
    (data_dir / HEAD_FILENAME).unlink()
    report = verify_store(db, key.public_key_b64, key_folder=data_dir, protection=key.protection)
    assert report.ok and any("chain head" in en for _, en in report.warnings)
    seal_some(db, key, 1)
    assert json.loads((data_dir / HEAD_FILENAME).read_text())["seq"] == 2
