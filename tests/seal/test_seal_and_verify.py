import copy
import sqlite3

import pytest

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.seal.canonical import canonical_bytes, sha256_hex
from inspector_app.seal.record import FORMAT, Supersedes, seal_visit, start_correction
from inspector_app.seal.signature import Refusal, Signature, Signatures, generated_signature
from inspector_app.seal.verify import verify_envelope, verify_store
from inspector_app.store.sealed import SealedStore, SignatureDrafts
from inspector_app.store.visits import VisitStore
from tests.seal.helpers import CC, T0, fixed_clock, measured_visit, signatures_for


def seal(db, key, temps=(17.2, 18.4), **kw):
    visit = measured_visit(db, temps)
    return seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock, **kw)


def kinds(report):
    return {(p.record_id, p.kind) for p in report.problems}


def tamper(db_path, *sql):
    """Edit the database file by hand, as someone with the file and sqlite3 could; a statement
    is SQL text or (SQL, parameters), since an envelope's text may hold any quote."""
    conn = sqlite3.connect(db_path)
    for statement in sql:
        conn.execute(*((statement,) if isinstance(statement, str) else statement))
    conn.commit()
    conn.close()


def test_sealed_record_matches_the_documented_format(db, key):
    env = seal(db, key)
    rec = env["record"]
    assert set(env) == {"record", "sha256", "signature"}
    assert rec["format"] == FORMAT and rec["training"] is True
    assert rec["visit"]["id"] == rec["record_id"]
    assert rec["device"] == key.device_dict()
    assert rec["chain"] == {"seq": 1, "prev_sha256": None}
    assert rec["profile"]["name"] == "changchun" and rec["profile"]["min_temp_c"] == "18.0"
    assert rec["result"]["verdict"] == "fail"
    assert rec["signatures"]["inspector"]["role"] == "inspector"
    assert rec["signatures"]["refusal"] is None
    assert rec["sealed_at"] == fixed_clock().isoformat(timespec="seconds")
    assert rec["supersedes"] is None
    assert env["sha256"] == sha256_hex(rec)
    samples = rec["visit"]["rooms"][0]["points"][0]["samples"]
    assert sum(1 for s in samples if s["captured"]) == 3
    assert verify_envelope(env, key.public_key_b64) == []


def test_stored_envelope_is_the_canonical_text_and_visit_is_sealed(db, key):
    env = seal(db, key)
    rid = env["record"]["record_id"]
    store = SealedStore(db)
    assert store.envelope_text(rid).encode() == canonical_bytes(env)
    assert store.envelope(rid) == env
    assert VisitStore(db).rows()[0].state == "sealed"


def test_seal_then_verify_passes_and_chains(db, key):
    envs = [seal(db, key, (t, 18.5)) for t in (17.0, 18.2, 19.0)]
    assert [e["record"]["chain"]["seq"] for e in envs] == [1, 2, 3]
    assert envs[1]["record"]["chain"]["prev_sha256"] == envs[0]["sha256"]
    assert envs[2]["record"]["chain"]["prev_sha256"] == envs[1]["sha256"]
    report = verify_store(db, key.public_key_b64)
    assert report.ok and report.checked == 3 and not report.warnings


def test_a_reading_changed_by_hand_names_the_record(db, db_path, key):
    good, victim = seal(db, key), seal(db, key, (16.0, 18.4))
    rid = victim["record"]["record_id"]
    room_id = victim["record"]["visit"]["rooms"][0]["id"]
    tamper(db_path, "DROP TRIGGER samples_frozen_update",
           "UPDATE samples SET value_c = 19.5 WHERE id = (SELECT s.id FROM samples s"
           f" JOIN points p ON p.id = s.point_id WHERE p.room_id = '{room_id}' AND s.captured = 1)")
    report = verify_store(db, key.public_key_b64)
    assert kinds(report) == {(rid, "content_changed")}
    assert "value_c" in report.problems[0].message_en and "19.5" in report.problems[0].message_zh
    assert good["record"]["record_id"] not in report.failing_records()
    assert report.warnings  # the dropped trigger is noticed too


def test_an_envelope_edited_by_hand_is_content_changed(db, db_path, key):
    env = seal(db, key)
    rid = env["record"]["record_id"]
    stored = SealedStore(db).envelope_text(rid)
    forged = stored.replace('"value_c":17.2', '"value_c":18.2', 1)
    assert forged != stored
    tamper(db_path, "DROP TRIGGER sealed_records_no_update",
           ("UPDATE sealed_records SET envelope = ? WHERE record_id = ?", (forged, rid)))
    assert (rid, "content_changed") in kinds(verify_store(db, key.public_key_b64))


def test_rehashing_without_the_key_shows_as_signature_invalid(db, key):
    env = seal(db, key)
    env["record"]["visit"]["notes"] = "改过"
    env["sha256"] = sha256_hex(env["record"])
    problems = verify_envelope(env, key.public_key_b64)
    assert [p.kind for p in problems] == ["signature_invalid"]


def test_a_deleted_sealed_record_shows_as_a_gap(db, db_path, key):
    first, middle, last = (seal(db, key, (t, 18.4)) for t in (17.0, 17.5, 18.0))
    gone = middle["record"]["record_id"]
    tamper(db_path, "DROP TRIGGER sealed_records_no_delete",
           f"DELETE FROM outbox WHERE record_id = '{gone}'",
           f"DELETE FROM sealed_records WHERE record_id = '{gone}'")
    report = verify_store(db, key.public_key_b64)
    found = kinds(report)
    assert (last["record"]["record_id"], "link_missing") in found  # the record after the hole
    assert (gone, "link_missing") in found                         # its visit is still marked
    assert first["record"]["record_id"] not in report.failing_records()
    gap = next(p for p in report.problems if p.record_id == last["record"]["record_id"])
    assert "2" in gap.message_en and "deleted" in gap.message_en


def test_deleting_the_newest_record_is_still_reported(db, db_path, key):
    seal(db, key)
    newest = seal(db, key)["record"]["record_id"]
    tamper(db_path, "DROP TRIGGER sealed_records_no_delete",
           f"DELETE FROM outbox WHERE record_id = '{newest}'",
           f"DELETE FROM sealed_records WHERE record_id = '{newest}'")
    assert kinds(verify_store(db, key.public_key_b64)) == {(newest, "link_missing")}


def test_a_record_signed_by_another_key_is_refused(db, key, other_key):
    ours = seal(db, key)
    theirs = seal(db, other_key)
    rid = theirs["record"]["record_id"]
    assert verify_envelope(theirs) == []  # internally consistent ...
    assert [p.kind for p in verify_envelope(theirs, key.public_key_b64)] == ["foreign_key"]
    report = verify_store(db, key.public_key_b64)  # ... but not this laptop's
    assert kinds(report) == {(rid, "foreign_key")}
    assert ours["record"]["record_id"] not in report.failing_records()


def test_a_signature_made_by_another_key_under_our_name_is_invalid(db, key, other_key):
    theirs = seal(db, other_key)
    forged = {**theirs, "record": {**theirs["record"], "device": key.device_dict()}}
    forged["sha256"] = sha256_hex(forged["record"])
    forged["signature"] = other_key.sign_b64(bytes.fromhex(forged["sha256"]))
    assert [p.kind for p in verify_envelope(forged, key.public_key_b64)] == ["signature_invalid"]


def test_malformed_envelopes_are_bad_format(db, key):
    assert [p.kind for p in verify_envelope({"record": {}})] == ["bad_format"]
    assert [p.kind for p in verify_envelope("nonsense")] == ["bad_format"]
    env = seal(db, key)
    for path, value in ((("format",), "other/1"), (("device", "device_id"), "0" * 16),
                        (("chain", "seq"), 0), (("signatures", "resident"), None),
                        (("visit", "id"), "another"), (("device", "public_key"), "AAAA")):
        broken = copy.deepcopy(env)
        target = broken["record"]
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        assert [p.kind for p in verify_envelope(broken)] == ["bad_format"], path


def test_only_a_complete_visit_can_be_sealed_and_only_once(db, key):
    visit = measured_visit(db)
    VisitStore(db).set_state(visit.id, "in_progress")
    with pytest.raises(ProcedureError):
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    VisitStore(db).set_state(visit.id, "complete")
    seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    with pytest.raises(ProcedureError):
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert len(SealedStore(db).list()) == 1


def test_missing_or_trivial_signatures_block_sealing(db, key):
    visit = measured_visit(db)
    inspector = signatures_for(visit).inspector
    with pytest.raises(ValidationError):
        seal_visit(db, visit.id, Signatures(inspector), key, clock=fixed_clock)
    tap = Signature.capture("resident", "用户", (600, 200), [[[5, 5, 0, 1.0]]], T0)
    with pytest.raises(ValidationError):
        seal_visit(db, visit.id, Signatures(inspector, resident=tap), key, clock=fixed_clock)
    assert SealedStore(db).list() == [] and VisitStore(db).rows()[0].state == "complete"


def test_refusal_with_witness_is_sealed(db, key):
    visit = measured_visit(db)
    witness = generated_signature("赵六", "witness", 1, signed_at=T0)
    sigs = Signatures(signatures_for(visit).inspector,
                      refusal=Refusal("用户拒绝签字", "赵六", CC.witness_roles[0], witness))
    env = seal_visit(db, visit.id, sigs, key, clock=fixed_clock)
    refusal = env["record"]["signatures"]["refusal"]
    assert refusal["witness"]["signer_name"] == "赵六"
    assert env["record"]["signatures"]["resident"] is None


def test_signature_drafts_survive_and_are_sealed(db, key):
    visit = measured_visit(db)
    sigs = signatures_for(visit)
    drafts = SignatureDrafts(db)
    drafts.save(visit.id, "inspector", sigs.inspector.to_dict())
    drafts.save(visit.id, "resident", sigs.resident.to_dict())
    env = seal_visit(db, visit.id, None, key, clock=fixed_clock)
    assert env["record"]["signatures"] == sigs.to_dict() | {"refusal": None}
    assert drafts.load(visit.id) == {}


def test_a_correction_names_the_record_it_supersedes(db, key):
    old = seal(db, key)
    old_id = old["record"]["record_id"]
    fix = start_correction(db, old_id, "门牌号填错")
    fix.address.flat = "502"
    VisitStore(db).update_details(fix)
    env = seal_visit(db, fix.id, signatures_for(fix), key, clock=fixed_clock)
    rec = env["record"]
    assert rec["supersedes"] == {"record_id": old_id, "reason": "门牌号填错"}
    assert rec["visit"]["supersedes"] == old_id
    assert rec["visit"]["address"]["flat"] == "502"
    assert rec["result"]["verdict"] == old["record"]["result"]["verdict"]
    assert SealedStore(db).envelope(old_id) == old  # the old one stays as it was
    assert SealedStore(db).superseded_by(old_id) == fix.id
    assert SealedStore(db).get(fix.id).supersedes == old_id
    assert verify_store(db, key.public_key_b64).ok
    with pytest.raises(ProcedureError):
        start_correction(db, old_id, "再改一次")  # correct the latest record instead


def test_a_correction_needs_a_reason_and_a_known_record(db, key):
    with pytest.raises(ValidationError):
        start_correction(db, "whatever", "  ")
    with pytest.raises(ProcedureError):
        start_correction(db, "no-such-record", "原因")
    visit = measured_visit(db)
    with pytest.raises(ProcedureError):
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock,
                   supersedes=Supersedes("no-such-record", "原因"))


def test_two_connections_sealing_share_one_chain(db_path, db, key):
    from inspector_app.store.database import connect

    other = connect(db_path)
    a, b = measured_visit(db), measured_visit(other)
    seal_visit(other, b.id, signatures_for(b), key, clock=fixed_clock)
    seal_visit(db, a.id, signatures_for(a), key, clock=fixed_clock)
    other.conn.close()
    assert [r.seq for r in SealedStore(db).chain(key.device_id)] == [1, 2]
    assert verify_store(db, key.public_key_b64).ok
