"""Every way `seal.verify` decides: each branch of `verify_envelope`, `verify_chain` and
`verify_store` is reached by a record that takes it, and checked by what is reported (which
record, which kind), never by a message's wording."""

from __future__ import annotations

import copy
import re

import pytest

from inspector_app.seal.canonical import sha256_hex
from inspector_app.seal.device_key import KEY_STORE
from inspector_app.seal.record import seal_visit
from inspector_app.seal.signature import Refusal, Signatures, generated_signature
from inspector_app.seal.verify import verify_chain, verify_envelope, verify_store
from tests.seal.helpers import CC, T0, fixed_clock, measured_visit, signatures_for
from tests.seal.tampering import tamper, tamper_unseen


def seal(db, key, temps=(17.2, 18.4)):
    visit = measured_visit(db, temps)
    return seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)


def rid(env):
    return env["record"]["record_id"]


def kinds(problems):
    """(record, kind) of each problem; every problem must also say it in both languages."""
    for p in problems:
        assert isinstance(p.message_zh, str) and isinstance(p.message_en, str), p
        assert p.message_zh and p.message_en and p.message_zh != p.message_en, p
        assert "None" not in p.message_zh + p.message_en, p  # no Python value leaks into words
    return [(p.record_id, p.kind) for p in problems]


def edited(env, *path_and_value):
    """A deep copy of `env` with record[path...] = value (path given as steps then value)."""
    *path, value = path_and_value
    out = copy.deepcopy(env)
    target = out["record"]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


def resealed(env, key):
    """Re-hashed and signed again by `key`: a record whose content is consistent."""
    env["sha256"] = sha256_hex(env["record"])
    env["signature"] = key.sign_b64(bytes.fromhex(env["sha256"]))
    return env


# --- verify_envelope -------------------------------------------------------------------------

def test_an_intact_envelope_has_no_fault_with_or_without_the_trusted_key(db, key):
    env = seal(db, key)
    assert verify_envelope(env) == []
    assert verify_envelope(env, key.public_key_b64) == []


@pytest.mark.parametrize("sha", ["g" * 64, "z" * 64, "ab" * 31 + "x!", "0" * 63, "0" * 65,
                                 "", None, 64, ["0" * 64]])
def test_a_malformed_hash_is_reported_as_bad_format_not_a_crash(db, key, sha):
    env = seal(db, key)
    env["sha256"] = sha
    assert kinds(verify_envelope(env)) == [(rid(env), "bad_format")]


@pytest.mark.parametrize("signature", [None, 12, ["x"], {"sig": "x"}])
def test_a_missing_or_non_text_signature_is_bad_format(db, key, signature):
    env = seal(db, key)
    env["signature"] = signature
    assert kinds(verify_envelope(env)) == [(rid(env), "bad_format")]
    del env["signature"]
    assert kinds(verify_envelope(env)) == [(rid(env), "bad_format")]


def test_a_signature_that_is_text_but_not_the_device_s_is_signature_invalid(db, key):
    env = seal(db, key)
    env["signature"] = "not base64 at all"
    assert kinds(verify_envelope(env)) == [(rid(env), "signature_invalid")]


def test_an_envelope_edited_without_rehashing_is_content_changed_only(db, key):
    """The office's only check on a record sent to it: the hash no longer matches the content,
    while the signature still matches the (old) hash."""
    env = seal(db, key)
    forged = edited(env, "visit", "notes", "改过")
    assert kinds(verify_envelope(forged)) == [(rid(env), "content_changed")]
    assert kinds(verify_envelope(forged, key.public_key_b64)) == [(rid(env), "content_changed")]


def test_an_edited_envelope_signed_by_another_key_shows_every_fault(db, key, other_key):
    env = seal(db, other_key)
    forged = edited(env, "visit", "notes", "改过")
    forged["signature"] = key.sign_b64(bytes.fromhex(forged["sha256"]))
    assert kinds(verify_envelope(forged, key.public_key_b64)) == [
        (rid(env), "content_changed"), (rid(env), "signature_invalid"), (rid(env), "foreign_key")]


def test_each_missing_top_level_field_is_bad_format(db, key):
    env = seal(db, key)
    for name in ("format", "record_id", "training", "visit", "result", "profile", "signatures",
                 "device", "chain", "sealed_at", "supersedes"):
        broken = copy.deepcopy(env)
        del broken["record"][name]
        named = "?" if name == "record_id" else rid(env)
        assert kinds(verify_envelope(broken)) == [(named, "bad_format")], name


@pytest.mark.parametrize("envelope", ["text", None, [], {}, {"record": None}, {"record": []},
                                      {"record": "x"}, {"sha256": "0" * 64}])
def test_what_is_not_an_envelope_is_bad_format_under_an_unknown_id(envelope):
    assert kinds(verify_envelope(envelope)) == [("?", "bad_format")]


def test_the_record_id_names_the_fault_even_when_the_record_is_incomplete():
    assert kinds(verify_envelope({"record": {"record_id": "R-1"}})) == [("R-1", "bad_format")]


@pytest.mark.parametrize("path_and_value", [
    ("format", "other/1"), ("format", 2),
    ("device", None), ("device", {}), ("device", "key"),
    ("device", "public_key", None), ("device", "public_key", 5), ("device", "public_key", "!!"),
    ("device", "device_id", None),
    ("visit", None), ("visit", "id", None),
    ("signatures", None), ("signatures", "inspector", None), ("signatures", "inspector", "x"),
    ("chain", None), ("chain", "seq", None), ("chain", "seq", "1"), ("chain", "seq", -1),
    ("chain", "seq", 0), ("chain", "seq", 1.0),
])
def test_a_misshapen_part_of_the_record_is_bad_format(db, key, path_and_value):
    env = seal(db, key)
    assert kinds(verify_envelope(edited(env, *path_and_value))) == [(rid(env), "bad_format")]


def test_signatures_need_the_resident_or_a_refusal(db, key):
    env = seal(db, key)
    no_one = edited(env, "signatures", "resident", None)
    no_one["record"]["signatures"].pop("refusal", None)
    assert kinds(verify_envelope(no_one)) == [(rid(env), "bad_format")]


def test_a_refusal_with_a_witness_stands_in_for_the_resident(db, key):
    visit = measured_visit(db)
    witness = generated_signature("赵六", "witness", 1, signed_at=T0)
    sigs = Signatures(signatures_for(visit).inspector,
                      refusal=Refusal("用户拒绝签字", "赵六", CC.witness_roles[0], witness))
    env = seal_visit(db, visit.id, sigs, key, clock=fixed_clock)
    assert env["record"]["signatures"]["resident"] is None
    assert verify_envelope(env, key.public_key_b64) == []
    no_refusal = resealed(edited(env, "signatures", "refusal", None), key)
    assert kinds(verify_envelope(no_refusal)) == [(rid(env), "bad_format")]


def test_a_record_later_in_the_chain_passes(db, key):
    seal(db, key)
    second = seal(db, key)
    assert second["record"]["chain"]["seq"] == 2
    assert verify_envelope(second, key.public_key_b64) == []


def test_a_record_without_a_canonical_form_is_bad_format(db, key):
    env = seal(db, key)
    assert kinds(verify_envelope(edited(env, "visit", "notes", float("nan")))) == [
        (rid(env), "bad_format")]
    assert kinds(verify_envelope(edited(env, "visit", "notes", {1: "x"}))) == [
        (rid(env), "bad_format")]
    assert kinds(verify_envelope(edited(env, "visit", "notes", {"x"}))) == [
        (rid(env), "bad_format")]


# --- verify_chain ----------------------------------------------------------------------------

def chain_of(db, key, n):
    return [seal(db, key, (18.5, 18.5)) for _ in range(n)]


def test_record_1_naming_a_previous_record_is_a_broken_link(db, key):
    first, second = chain_of(db, key, 2)
    named = resealed(edited(first, "chain", "prev_sha256", "0" * 64), key)
    found = kinds(verify_chain([named]))
    assert found == [(rid(first), "link_missing")]
    # the next record names the intact first one, not this one
    assert kinds(verify_chain([named, second])) == [(rid(first), "link_missing"),
                                                    (rid(second), "link_missing")]


def test_a_gap_of_several_records_is_one_fault_of_the_record_after_it(db, key):
    envs = chain_of(db, key, 4)
    assert kinds(verify_chain([envs[0], envs[3]])) == [(rid(envs[3]), "link_missing")]
    assert kinds(verify_chain([envs[3]])) == [(rid(envs[3]), "link_missing")]
    assert verify_chain([envs[3]], from_seq=4) == []
    assert verify_chain(envs[2:], from_seq=3) == []
    assert kinds(verify_chain(envs[2:], from_seq=2)) == [(rid(envs[2]), "link_missing")]


def test_a_gap_names_the_positions_that_are_missing(db, key):
    """Which records were deleted is what the office asks the inspector about."""
    envs = chain_of(db, key, 4)
    (one,) = verify_chain([envs[0], envs[2], envs[3]])
    (two,) = verify_chain([envs[0], envs[3]])
    for p, missing in ((one, {"2"}), (two, {"2", "3"})):
        for text in (p.message_zh, p.message_en):
            device = envs[0]["record"]["device"]["device_id"]
            numbers = set(re.findall(r"\d+", text.replace(device, "")))
            assert missing <= numbers and not numbers & {"1", "4"} - missing, (text, missing)
    assert "–" not in one.message_en and "2–3" in two.message_en and "2–3" in two.message_zh


def test_records_below_from_seq_are_still_linked_when_present(db, key):
    envs = chain_of(db, key, 3)
    assert verify_chain(envs, from_seq=2) == []
    replaced = resealed(edited(envs[1], "visit", "notes", "换过"), key)
    (broken,) = verify_chain([envs[0], replaced, envs[2]], from_seq=2)
    assert kinds([broken]) == [(rid(envs[2]), "link_missing")]
    # it names the position of the record that was replaced
    for text in (broken.message_zh, broken.message_en):
        assert set(re.findall(r"\d+", text)) == {"2"}, text


def test_a_malformed_envelope_does_not_hide_the_rest_of_the_chain(db, key):
    envs = chain_of(db, key, 3)
    junk = ["text", {}, {"record": {"chain": {"seq": 1}}}]
    assert kinds(verify_chain(junk + [envs[0], envs[2]])) == [(rid(envs[2]), "link_missing")]


@pytest.mark.parametrize("seq", ["x", None, [1], "1.5"])
def test_a_device_whose_only_record_has_no_readable_position_is_no_crash(db, key, seq):
    """Regression: the device's entry was made before its `seq` was read, so a record with a
    device id and a bad `seq` left an empty chain and `verify_chain` raised ValueError."""
    envs = chain_of(db, key, 2)
    bad = edited(envs[1], "chain", "seq", seq)
    bad["record"]["device"]["device_id"] = "another-device"
    assert verify_chain([bad]) == []
    assert verify_chain(envs + [bad]) == []


def test_after_a_fork_the_next_record_may_name_either_branch(db, key):
    envs = chain_of(db, key, 3)
    fork = resealed(edited(envs[1], "visit", "notes", "另一条"), key)
    found = kinds(verify_chain(envs + [fork]))
    assert sorted(found) == sorted([(rid(envs[1]), "link_missing"),
                                    (rid(fork), "link_missing")])
    # three different records at one position: each of them is named
    fork2 = resealed(edited(envs[1], "visit", "notes", "第三条"), key)
    assert len(verify_chain(envs + [fork, fork2])) == 3


def test_a_fork_whose_copies_are_identical_is_no_fork(db, key):
    envs = chain_of(db, key, 2)
    assert verify_chain(envs + [copy.deepcopy(envs[1]), copy.deepcopy(envs[0])]) == []


def test_the_link_after_a_gap_is_not_also_reported_as_broken(db, key):
    envs = chain_of(db, key, 3)
    assert len(verify_chain([envs[0], envs[2]])) == 1


# --- verify_store ----------------------------------------------------------------------------

def test_without_a_device_key_every_record_is_foreign_and_nothing_else(db, key):
    a, b = seal(db, key), seal(db, key)
    report = verify_store(db, None)
    assert kinds(report.problems) == [(rid(a), "foreign_key"), (rid(b), "foreign_key")]
    assert report.checked == 2


def test_faults_of_earlier_records_are_kept_when_later_ones_are_checked(db, key, other_key):
    """Each record's faults add to the report: a fault found early is never dropped by the
    checks of a later record (rows, photos, chain, unsealed visits)."""
    theirs = seal(db, other_key)
    ours = seal(db, key)
    report = verify_store(db, key.public_key_b64)
    assert kinds(report.problems) == [(rid(theirs), "foreign_key")]
    assert report.checked == 2 and rid(ours) not in report.failing_records()


def test_the_no_key_fault_is_kept_beside_the_envelope_s_own_faults(db, db_path, key):
    env = seal(db, key)
    text = db.conn.execute("SELECT envelope FROM sealed_records WHERE record_id=?",
                           (rid(env),)).fetchone()[0]
    forged = text.replace('"value_c":17.2', '"value_c":18.2', 1)
    assert forged != text
    tamper_unseen(db_path, "UPDATE sealed_records SET envelope=? WHERE record_id=?",
                  params=(forged, rid(env)))
    found = kinds(verify_store(db, None).problems)
    assert (rid(env), "foreign_key") in found and (rid(env), "content_changed") in found


@pytest.mark.parametrize("text", ["not json", "", "{", '"a string"', "[]", "null"])
def test_a_stored_envelope_that_is_not_an_envelope_is_bad_format(db, db_path, key, text):
    env = seal(db, key)
    later = seal(db, key)
    tamper_unseen(db_path, "UPDATE sealed_records SET envelope=? WHERE record_id=?",
                  params=(text, rid(env)))
    report = verify_store(db, key.public_key_b64)
    assert report.checked == 2
    assert (rid(env), "bad_format") in kinds(report.problems)
    # the unreadable record is left out of the chain: the next one sits after a hole
    assert (rid(later), "link_missing") in kinds(report.problems)


def test_warnings_of_both_trigger_checks_are_kept(db, db_path, key):
    seal(db, key)
    tamper(db_path, "DROP TRIGGER sealed_records_no_update")
    one = verify_store(db, key.public_key_b64).warnings
    assert len(one) == 1
    tamper(db_path, "DROP TRIGGER photos_no_update")
    assert len(verify_store(db, key.public_key_b64).warnings) == 2


def test_the_head_check_adds_to_the_report(data_dir, db, key):
    seal(db, key)
    report = verify_store(db, key.public_key_b64, key_folder=data_dir)
    assert report.ok and report.warnings == []
    (data_dir / "missing-folder").mkdir()
    report = verify_store(db, key.public_key_b64, key_folder=data_dir / "missing-folder")
    assert report.ok and len(report.warnings) == 1  # a key file may predate its head
    report = verify_store(db, key.public_key_b64, key_folder=data_dir / "missing-folder",
                          protection=KEY_STORE)
    assert [p.kind for p in report.problems] == ["link_missing"]


def test_without_a_trusted_key_the_head_is_not_checked(data_dir, db, key):
    seal(db, key)
    (data_dir / "empty").mkdir()
    report = verify_store(db, None, key_folder=data_dir / "empty", protection=KEY_STORE)
    assert {p.kind for p in report.problems} == {"foreign_key"} and report.warnings == []
