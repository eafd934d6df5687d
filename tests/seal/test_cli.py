"""`inspector-app verify` and `sealed`, and the demo's signing-and-sealing hook."""

import argparse
import json
import sqlite3
from types import SimpleNamespace

from inspector_app.cli import main
from inspector_app.commands.demo import _after_measuring
from inspector_app.seal.record import seal_visit
from inspector_app.store.sealed import SealedStore
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


def run_json(capsys, *argv):
    code = main(["--lang", "en", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_verify_on_an_empty_store_passes(data_dir, capsys):
    code, out = run_json(capsys, "verify")
    assert code == 0 and out["ok"] and out["checked"] == 0


def test_verify_passes_then_names_the_tampered_record(data_dir, db, db_path, key, capsys):
    visits = [measured_visit(db) for _ in range(2)]
    for v in visits:
        seal_visit(db, v.id, signatures_for(v), key, clock=fixed_clock)
    code, out = run_json(capsys, "verify")
    assert (code, out["checked"], out["problems"]) == (0, 2, [])

    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER samples_frozen_update")
    conn.execute("UPDATE samples SET raw_c = raw_c + 1 WHERE id = (SELECT s.id FROM samples s"
                 " JOIN points p ON p.id = s.point_id JOIN rooms r ON r.id = p.room_id"
                 " WHERE r.visit_id = ? LIMIT 1)", (visits[1].id,))
    conn.commit()
    conn.close()
    code, out = run_json(capsys, "verify")
    assert code == 1 and not out["ok"]
    assert out["failing_records"] == [visits[1].id]
    assert out["problems"][0]["kind"] == "content_changed"
    assert out["warnings"]

    assert main(["verify"]) == 1  # Chinese text by default
    text = capsys.readouterr().out
    assert visits[1].id in text and "内容被改动" in text and "校验未通过" in text


def test_sealed_lists_the_device_and_chain(data_dir, db, key, capsys):
    v = measured_visit(db)
    seal_visit(db, v.id, signatures_for(v), key, clock=fixed_clock)
    code, out = run_json(capsys, "sealed")
    assert code == 0
    assert out["device"] == key.device_dict()
    assert [r["record_id"] for r in out["records"]] == [v.id]


def test_demo_hook_signs_and_seals_the_training_record(data_dir, db, capsys):
    visit = measured_visit(db)
    args = argparse.Namespace(data_dir=str(data_dir), lang="zh")
    stored = _after_measuring(args, SimpleNamespace(visit=visit))
    assert stored["stored_state"] == "sealed"
    env = SealedStore(db).envelope(visit.id)
    assert env["sha256"] == stored["stored_sha256"]
    assert env["record"]["training"] is True
    assert env["record"]["signatures"]["resident"]["signer_name"] == visit.resident_name
    assert main(["verify"]) == 0
