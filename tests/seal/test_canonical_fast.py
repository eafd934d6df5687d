"""The fast canonical form (the C JSON encoder) gives the reference's bytes, or the reference runs.

Every stored record's hash is taken over these bytes, so "equal" means equal text or the same
exception (type and message) for every input: generated values, every record the test factories
seal, and a fixed set of values chosen to sit on the edges of the fast path.
"""

from __future__ import annotations

import enum
import json
import math
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.seal.canonical import (
    _FIXED_REPRS,
    _canonical_reference,
    _fast_text,
    canonical_bytes,
    canonical_text,
    format_float,
)
from inspector_app.seal.device_key import DeviceKey
from inspector_app.store.sealed import SealedStore
from tests.slip.envelopes import envelope
from tests.sync.factory import laptop_db, seal_many


def _reference_bytes(obj):
    """canonical_bytes as it was before the fast path, over the reference text."""
    try:
        return _canonical_reference(obj).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"text that is not valid Unicode: {exc}") from exc


def _outcome(fn, obj):
    try:
        return "ok", fn(obj)
    except Exception as exc:
        return "error", type(exc), str(exc)


def assert_same(obj):
    assert _outcome(canonical_text, obj) == _outcome(_canonical_reference, obj)
    assert _outcome(canonical_bytes, obj) == _outcome(_reference_bytes, obj)
    fast = _fast_text(obj)
    if fast is not None:
        assert fast == _canonical_reference(obj)


# Floats on both sides of the fast path's test: reprs with 0-8 decimals and 1-12 integer digits
# (the lemma holds up to 9), -0.0, exponent forms, subnormals, NaN and the infinities.
TRICKY_FLOATS = [
    0.0, -0.0, 18.4, -0.5, 0.1 + 0.2, 17.95, 1e-4, -1e-4, 1e-5, 1e-6, 1e-7, -1e-9, 0.000001,
    1234.5678949, 999999999.5, 999999999.999999, -999999999.999999, 1e9, 123456789.123456,
    9486310426.3817,  # a 10-digit repr with 4 decimals whose fixed-point text differs (…381701)
    1e15 + 0.125, 1e16, 1e20, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
    float(2**53), float(2**53 + 2), math.nan, math.inf, -math.inf,
]
TRICKY_INTS = [0, -1, 2**53, 2**53 + 1, -(2**63), 2**64, 10**30, -(10**40)]
TRICKY_TEXT = ["", "\ud800", "\udfff", "a\udc80b", "\u2028\u2029", "\x00\x1f\x7f\x80",
               '"\\/', "\b\f\n\r\t", "😀", "张三", "\ufeff", "\U0010ffff"]

fixed_floats = st.builds(lambda n, k: n / 10**k, st.integers(-(10**12), 10**12),
                         st.integers(0, 8))
any_float = st.floats() | fixed_floats | st.sampled_from(TRICKY_FLOATS)
any_int = st.integers() | st.integers(-(2**80), 2**80) | st.sampled_from(TRICKY_INTS)
any_text = st.text(st.characters(exclude_categories=()) | st.sampled_from("".join(TRICKY_TEXT))
                   | st.sampled_from("aAbB_"), max_size=8) | st.sampled_from(TRICKY_TEXT)
any_key = any_text | st.integers() | st.booleans() | st.none() | st.floats()
leaf = st.none() | st.booleans() | any_int | any_float | any_text
json_like = st.recursive(
    leaf,
    lambda inner: (st.lists(inner, max_size=5) | st.lists(inner, max_size=5).map(tuple)
                   | st.dictionaries(any_text, inner, max_size=5)
                   | st.dictionaries(any_key, inner, max_size=3)),
    max_leaves=30)

# Values the fast path must take: what sealed records are made of. Its floats: 0 or at least
# 1e-4 (below, repr has an exponent) and under 1e9, at most 6 decimals.
plain_leaf = (st.none() | st.booleans() | any_int | any_text
              | st.builds(lambda n, k: n / 10**k, st.integers(-(10**9) + 1, 10**9 - 1),
                          st.integers(0, 6)).filter(lambda f: f == 0 or abs(f) >= 1e-4))
plain_json = st.recursive(
    plain_leaf,
    lambda inner: (st.lists(inner, max_size=5) | st.lists(inner, max_size=5).map(tuple)
                   | st.dictionaries(any_text, inner, max_size=5)),
    max_leaves=30)


@settings(max_examples=2000)
@given(json_like)
def test_fast_equals_reference(obj):
    assert_same(obj)


@settings(max_examples=500)
@given(plain_json)
def test_fast_path_taken_for_plain_values(obj):
    assert _fast_text(obj) == _canonical_reference(obj)


@settings(max_examples=3000)
@given(st.floats() | fixed_floats | st.sampled_from(TRICKY_FLOATS))
def test_a_float_passes_the_repr_check_only_if_its_repr_is_the_canonical_text(f):
    if _FIXED_REPRS.fullmatch(float.__repr__(f) + ","):
        assert format_float(f) == repr(f)


@pytest.mark.parametrize("value", TRICKY_FLOATS + TRICKY_INTS + TRICKY_TEXT, ids=repr)
def test_tricky_scalars(value):
    assert_same(value)
    assert_same([value, {"k": value}, (value,)])


class Level(enum.IntEnum):
    HIGH = 2


class Wide(float):
    def __format__(self, spec):
        return "7.000000"


class Key(str):
    pass


class Listy(list):
    def __iter__(self):
        return iter(["seen by the reference"])


class Mapping(dict):
    def items(self):
        return [("x", "seen by the C encoder")]


def _nested(depth):
    value = [1.5]
    for _ in range(depth):
        value = [value]
    return value


def _cycle():
    a = [1]
    a.append(a)
    return a


@pytest.mark.parametrize("value", [
    {1: 2}, {True: 1}, {None: 1}, {1.5: 2}, {"a": 1, 2: "b"}, {Key("b"): 1, "a": 2},
    ("a", (1, [2.5, ()])), [], {}, (), {"": ""}, {"b": 1, "a": 2, "B": 3, "\ud800": 4, "é": 5},
    Level.HIGH, {"level": Level.HIGH}, Wide(2.5), [Wide(1.25)], Key("x\u2028"), Listy([1, 2]),
    Mapping(a=1), OrderedDict(b=1, a=2), Decimal("18.4"), b"bytes", {1, 2}, object(),
    10**5000, [10**5000], {"a": [1.0, math.nan]}, {"a": -0.0},
    _nested(31), _nested(32), _nested(33), _nested(100), _nested(5000), _cycle(),
], ids=lambda v: type(v).__name__)
def test_tricky_values(value):
    assert_same(value)


def test_fast_path_depth_bound():
    assert _fast_text(_nested(32)) is not None
    assert _fast_text(_nested(33)) is None


@pytest.mark.parametrize("kind", ["resident", "refusal", "training"])
@pytest.mark.parametrize("rooms", [1, 3, 8])
def test_slip_envelopes(kind, rooms):
    env = envelope(kind, rooms=rooms)
    assert_same(env)
    sealed = json.loads(canonical_bytes(env["record"]))  # what a sealed record holds
    assert _fast_text(sealed) is not None
    assert_same(sealed)
    assert_same({**env, "record": sealed})


def test_every_factory_sealed_record(tmp_path: Path):
    db = laptop_db(tmp_path / "laptop")
    key = DeviceKey.generate()
    fast = seal_many(db, key, 6) + seal_many(db, key, 3, start=6, training=True,
                                             temps=(17.95, -0.5))
    fast += seal_many(db, key, 2, start=9, temps=(-44.999999, 0.0001))
    slow = seal_many(db, key, 2, start=11, temps=(0.000001, 64.1234567))  # 1e-06: no fast path
    rows = SealedStore(db).rows_with_text()
    assert {row.record_id for row, _ in rows} == set(fast) | set(slow)
    for row, text in rows:
        env = json.loads(text)
        for value in (env, env["record"]):
            assert (_fast_text(value) is not None) == (row.record_id in fast)
            assert_same(value)
        assert canonical_text(env) == text
        assert canonical_bytes(env["record"]) == _reference_bytes(env["record"])
        assert row.sha256 == env["sha256"]
