"""The sealed envelope's shape: every record the seal makes fits it; anything else is refused
with its path named, and no input makes the check crash."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.seal.record import seal_visit, start_correction
from inspector_app.seal.record_schema import (
    PhotoListShapeError,
    RecordShapeError,
    check_envelope,
    envelope_json_schema,
    read_envelope,
)
from inspector_app.seal.signature import Refusal, Signatures, generated_signature
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import VisitStore
from tests.seal.helpers import CC, T0, fixed_clock, measured_visit, signatures_for


@pytest.fixture
def envelopes(db, key):
    """A plain record, one with a witnessed refusal, and a correction of the first."""
    plain = measured_visit(db, (17.2, 18.4, 16.0))
    first = seal_visit(db, plain.id, signatures_for(plain), key, clock=fixed_clock)
    refused = measured_visit(db, (19.0,), training=False)
    witness = generated_signature("赵六", "witness", 1, signed_at=T0)
    sigs = Signatures(signatures_for(refused).inspector,
                      refusal=Refusal("用户拒绝签字", "赵六", CC.witness_roles[0], witness))
    second = seal_visit(db, refused.id, sigs, key, clock=fixed_clock)
    fix = start_correction(db, plain.id, "门牌号填错")
    fix.address.flat = "502"
    VisitStore(db).update_details(fix)
    third = seal_visit(db, fix.id, signatures_for(fix), key, clock=fixed_clock)
    return [first, second, third]


def test_every_kind_of_sealed_record_fits(envelopes):
    for env in envelopes:
        assert check_envelope(env) is env
        text = json.dumps(env, ensure_ascii=False)
        assert read_envelope(text.encode("utf-8"), max_bytes=len(text) * 4) == env


def mutate(env, path, value):
    env = copy.deepcopy(env)
    target = env
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return env


DELETE = object()
BAD = [
    (("record", "chain", "seq"), "1", "record.chain.seq"),
    (("record", "chain", "seq"), True, "record.chain.seq"),
    (("record", "chain", "seq"), 0, "record.chain.seq"),
    (("record", "training"), 1, "record.training"),
    (("record", "device", "device_id"), "ZZ", "record.device.device_id"),
    (("record", "signatures", "inspector", "strokes"), [[[1, 2, 3]]],
     "record.signatures.inspector.strokes"),
    (("record", "signatures", "inspector", "role"), "boss", "record.signatures.inspector.role"),
    (("record", "visit", "rooms"), {"a": 1}, "record.visit.rooms"),
    (("record", "visit", "rooms", 0, "points", 0, "samples", 0, "value_c"), "17.2",
     "record.visit.rooms.0.points.0.samples.0.value_c"),
    (("record", "extra"), 1, "record.extra"),
    (("record", "supersedes"), DELETE, "record.supersedes"),
    (("sha256",), "A" * 64, "sha256"),
    (("record", "visit", "notes"), "x" * 20_001, "record.visit.notes"),
]


@pytest.mark.parametrize(("path", "value", "named"), BAD, ids=[b[2] for b in BAD])
def test_a_misshapen_record_is_refused_naming_where(envelopes, path, value, named):
    with pytest.raises(RecordShapeError) as err:
        check_envelope(mutate(envelopes[0], path, value))
    assert named in err.value.message_en and named in err.value.message_zh


def test_a_later_app_versions_visit_field_is_allowed(envelopes):
    check_envelope(mutate(envelopes[0], ("record", "visit", "heating_kind"), "floor"))


def test_a_removed_rooms_list_in_the_visit_is_allowed(envelopes):
    """Another branch adds `visit.removed_rooms`: the visit is open, so such records fit."""
    check_envelope(mutate(envelopes[0], ("record", "visit", "removed_rooms"),
                          [{"id": "r9", "reason": "locked"}]))


@pytest.fixture
def with_photos(db, key):
    """A record sealed with two photos, as `seal_visit` writes it (and checks it)."""
    from tests.photos_helpers import seal_with_photos

    rid, _ = seal_with_photos(db, key)
    return SealedStore(db).envelope(rid)


def test_a_record_citing_photos_fits(with_photos):
    assert len(with_photos["record"]["photos"]) == 2
    assert check_envelope(with_photos) is with_photos


BAD_PHOTOS = [
    (("record", "photos"), None, "record.photos"),  # absent, never null
    (("record", "photos"), [], "record.photos"),  # absent, never empty
    (("record", "photos", 0, "sha256"), "not-a-hash", "record.photos.0.sha256"),
    (("record", "photos", 0, "size"), 0, "record.photos.0.size"),
    (("record", "photos", 0, "size"), "12", "record.photos.0.size"),
    (("record", "photos", 0, "mime"), "image/png", "record.photos.0.mime"),
    (("record", "photos", 0, "kind"), "selfie", "record.photos.0.kind"),
    (("record", "photos", 1, "attached_to", "type"), "house", "record.photos.1.attached_to.type"),
    (("record", "photos", 1, "exif"), {"gps": [43.8, 126.5]}, "record.photos.1.exif"),
    (("record", "photos", 1, "caption"), "x" * 201, "record.photos.1.caption"),
]


@pytest.mark.parametrize(("path", "value", "named"), BAD_PHOTOS, ids=[b[2] for b in BAD_PHOTOS])
def test_a_misshapen_photo_list_is_refused_as_such(with_photos, path, value, named):
    """Only the photo list at fault: `PhotoListShapeError` (the office answers `bad_photos`)."""
    with pytest.raises(PhotoListShapeError) as err:
        check_envelope(mutate(with_photos, path, value))
    assert named in err.value.message_en and "照片" in err.value.message_zh


def test_a_photo_fault_beside_another_is_a_plain_shape_error(with_photos):
    bad = mutate(mutate(with_photos, ("record", "photos", 0, "kind"), "selfie"),
                 ("record", "chain", "seq"), "1")
    with pytest.raises(RecordShapeError) as err:
        check_envelope(bad)
    assert not isinstance(err.value, PhotoListShapeError)


def test_the_schema_document_names_the_envelope_parts():
    schema = envelope_json_schema()
    assert set(schema["required"]) == {"record", "sha256", "signature"}
    assert "RecordShape" in schema["$defs"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["record", "sha256", "signature", "chain", "seq", "visit", "x"]),
        inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300)
@given(json_values)
def test_arbitrary_json_is_refused_cleanly(value):
    with pytest.raises(RecordShapeError):
        check_envelope(value)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # copied, never changed
@given(st.data())
def test_any_single_leaf_changed_to_another_type_is_refused_or_still_well_typed(envelopes, data):
    """Replacing one value by a value of another JSON type never crashes the check, and a
    refusal always names a path."""
    env = copy.deepcopy(envelopes[1])
    node, path = env, []
    while isinstance(node, dict | list) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        path.append(key)
        if not isinstance(node[key], dict | list) or not node[key] or data.draw(st.booleans()):
            break
        node = node[key]
    replacement = data.draw(st.none() | st.booleans() | st.text(max_size=3) | st.just([]))
    before = node[path[-1]]
    node[path[-1]] = replacement
    if type(before) is type(replacement) or before is None:
        return
    try:
        check_envelope(env)
    except RecordShapeError as exc:
        assert ":" in exc.message_en
