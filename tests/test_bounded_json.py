"""The one bounded JSON reader: depth measured without recursion, size and text checked."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.bounded_json import JsonInputError, nesting_depth, read_json

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=8)
    | st.sampled_from(['"[', "]}", '\\"[', "{[", "\\"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=4) | st.sampled_from(["[", "}", '"{']), inner, max_size=4),
    max_leaves=30)


def depth_of(value):
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    return 0


@given(json_values, st.booleans())
def test_depth_matches_the_value_and_ignores_brackets_in_strings(value, ascii_only):
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert nesting_depth(text.encode("utf-8")) == depth_of(value)
    assert read_json(text, max_bytes=10**6) == value


@given(st.binary(max_size=200))
def test_any_bytes_are_read_or_refused_never_crash(data):
    try:
        read_json(data, max_bytes=100, max_depth=4)
    except JsonInputError as exc:
        assert exc.message_zh and exc.message_en


@pytest.mark.parametrize("bomb", [b"[" * 100_000, b'{"a":' * 50_000, b"[" * 33 + b"]" * 33])
def test_deep_nesting_is_refused_before_parsing(bomb):
    with pytest.raises(JsonInputError) as err:
        read_json(bomb, max_bytes=10**6, max_depth=32)
    assert "嵌套过深" in err.value.message_zh and "nests too deeply" in err.value.message_en


def test_exactly_the_limit_is_read():
    assert read_json(b"[" * 32 + b"]" * 32, max_bytes=100, max_depth=32) is not None


@pytest.mark.parametrize(("data", "zh", "en"), [
    (b"x" * 101, "过大", "too large"),
    (b'"\xff"', "UTF-8", "UTF-8"),
    (b"[NaN]", "不是有效的 JSON", "not valid JSON"),
    (b"[Infinity]", "不是有效的 JSON", "not valid JSON"),
    (b"1" * 5000, "不是有效的 JSON", "not valid JSON"),  # past Python's int digit limit
])
def test_other_refusals_say_why_in_both_languages(data, zh, en):
    with pytest.raises(JsonInputError) as err:
        read_json(data, max_bytes=100 if data.startswith(b"x") else 10**6)
    assert zh in err.value.message_zh and en in err.value.message_en
