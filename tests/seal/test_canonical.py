import json
import math
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.seal.canonical import canonical_bytes, format_float, normalised, sha256_hex

FIXED = re.compile(r"^-?\d+\.\d{1,6}$")

json_leaf = st.none() | st.booleans() | st.integers() | st.text() | st.floats(
    allow_nan=False, allow_infinity=False)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)
no_float_leaf = st.none() | st.booleans() | st.integers() | st.text()
no_float_value = st.recursive(
    no_float_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)


@pytest.mark.parametrize(("value", "text"), [
    (18.4, "18.4"), (18.0, "18.0"), (-0.5, "-0.5"), (0.000001, "0.000001"), (1e-06, "0.000001"),
    (1e-7, "0.0"), (-0.0, "0.0"), (-1e-9, "0.0"), (0.1 + 0.2, "0.3"), (17.95, "17.95"),
    (1234.5678949, "1234.567895"), (100.0, "100.0"), (1e20, "100000000000000000000.0"),
])
def test_fixed_point_examples(value, text):
    assert format_float(value) == text
    assert canonical_bytes(value) == text.encode()


def test_matches_the_documented_json_dumps_without_floats():
    record = {"b": [1, True, None, "张三"], "a": {"z": "\u2028\n\"", "y": -3}}
    expected = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False).encode("utf-8")
    assert canonical_bytes(record) == expected


@given(no_float_value)
def test_equals_json_dumps_whenever_no_float_is_involved(obj):
    try:
        expected = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        expected_bytes = expected.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: refused by both
        with pytest.raises(ValueError):
            canonical_bytes(obj)
        return
    assert canonical_bytes(obj) == expected_bytes


@given(st.dictionaries(st.text(max_size=6), json_leaf, max_size=8), st.randoms())
def test_stable_under_key_order(d, rnd):
    items = list(d.items())
    rnd.shuffle(items)
    try:
        expected = canonical_bytes(d)
    except ValueError:
        return
    assert canonical_bytes(dict(items)) == expected
    assert sha256_hex(dict(items)) == sha256_hex(d)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_are_fixed_point_rounded_to_six_decimals(x):
    text = canonical_bytes(x).decode()
    assert FIXED.match(text), text
    assert "e" not in text.lower()
    assert not (text.endswith("0") and not text.endswith(".0"))  # trailing zeros dropped
    assert math.isclose(float(text), x, rel_tol=1e-12, abs_tol=5.1e-7)


@given(json_value)
def test_round_trip_through_the_canonical_bytes(obj):
    try:
        first = canonical_bytes(obj)
    except ValueError:  # lone surrogates
        return
    again = json.loads(first)
    assert canonical_bytes(again) == first
    assert canonical_bytes(normalised(obj)) == first


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, {"a": [1.0, math.nan]}])
def test_nan_and_infinity_refused(bad):
    with pytest.raises(ValueError):
        canonical_bytes(bad)


@pytest.mark.parametrize("bad", [Decimal("18.4"), {1: "x"}, object(), b"bytes"])
def test_types_without_a_canonical_form_refused(bad):
    with pytest.raises(TypeError):
        canonical_bytes(bad)


def test_integers_stay_integers_and_floats_floats():
    assert canonical_bytes([18, 18.0, True, False, None]) == b"[18,18.0,true,false,null]"


def test_utf8_not_escaped():
    assert canonical_bytes({"房间": "卧室"}) == "{\"房间\":\"卧室\"}".encode()
