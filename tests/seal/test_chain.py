"""verify_chain on its own: what the office runs across the envelopes a device has sent."""

import copy

from inspector_app.seal.canonical import sha256_hex
from inspector_app.seal.record import seal_visit
from inspector_app.seal.verify import verify_chain
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


def chain_of(db, key, n):
    out = []
    for _ in range(n):
        v = measured_visit(db, (18.5,) * 2)
        out.append(seal_visit(db, v.id, signatures_for(v), key, clock=fixed_clock))
    return out


def ids(problems):
    return [(p.record_id, p.kind) for p in problems]


def rid(env):
    return env["record"]["record_id"]


def test_an_intact_chain_in_any_order_with_duplicates_passes(db, key):
    envs = chain_of(db, key, 3)
    assert verify_chain(envs) == []
    assert verify_chain([envs[2], envs[0], envs[1], copy.deepcopy(envs[1])]) == []


def test_gap_at_the_start_and_in_the_middle(db, key):
    envs = chain_of(db, key, 4)
    assert ids(verify_chain([envs[0], envs[2], envs[3]])) == [(rid(envs[2]), "link_missing")]
    assert ids(verify_chain(envs[1:])) == [(rid(envs[1]), "link_missing")]
    assert verify_chain(envs[1:], from_seq=2) == []


def test_a_replaced_record_breaks_the_next_link(db, key):
    envs = chain_of(db, key, 3)
    replaced = copy.deepcopy(envs[1])
    replaced["record"]["visit"]["notes"] = "换过"
    replaced["sha256"] = sha256_hex(replaced["record"])
    assert ids(verify_chain([envs[0], replaced, envs[2]])) == [(rid(envs[2]), "link_missing")]


def test_two_different_records_at_one_position_are_a_fork(db, key, other_key):
    envs = chain_of(db, key, 2)
    fork = copy.deepcopy(envs[1])
    fork["record"]["visit"]["notes"] = "另一条"
    fork["sha256"] = sha256_hex(fork["record"])
    found = ids(verify_chain(envs + [fork]))
    assert (rid(envs[1]), "link_missing") in found
    assert any("fork" in p.message_en for p in verify_chain(envs + [fork]))


def test_chains_are_per_device(db, key, other_key):
    ours = chain_of(db, key, 2)
    theirs = chain_of(db, other_key, 2)
    assert theirs[0]["record"]["chain"]["seq"] == 1
    assert verify_chain(ours + theirs) == []
    assert ids(verify_chain(ours + theirs[1:])) == [(rid(theirs[1]), "link_missing")]
