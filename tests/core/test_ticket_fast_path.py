"""The core's fast path for a well-formed ticket gives exactly what the rules as written give.

`TicketData.validated` first tries `_fast` (cheap, exact equivalents of the checks) and hands
anything it is unsure of to `_checked` (the rules one after the other). If `_fast` ever accepted
what `_checked` refuses, or normalised differently, an import would store tickets the API
refuses; these tests hold the two together, field by field and with generated rows. The
canonical JSON built by hand must equal `json.dumps`' text, or digests would change.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from inspector_app.core.model import Address
from inspector_app.core.tickets import TicketData, TicketError, ticket_digest

NOW = datetime(2026, 1, 5, 4, 0, tzinfo=UTC)
GOOD = {"channel": "12345", "ticket": "A1", "complaint_at": "2026-01-05T11:50:00+08:00",
        "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
        "district": "朝阳区", "street": "人民大街", "community": "幸福小区", "building": "3",
        "unit": "2", "flat": "501", "company": "长春热力", "text": "暖气不热"}
ODD_VALUES = [None, "", " ", "  x  ", 5, b"x", "a\x00b", "\t", "\u3000", "\u00a0A1", "A 1",
              "A/1", "A\u200b1", "A\n", "x" * 64, "x" * 65, "x" * 200, "x" * 201, "\"'\\",
              "\u2028", "😀", "12345", "110", "96310", "walk_in", "2026-01-05T12:00:00+08:00",
              "2026-01-05T04:00:00Z", "2026-01-05T04:00:00z", "2026-01-05T12:00:00",
              "2026-01-05 12:00:00+08:00", "2026-01-05T12:06:00+08:00",
              "0999-01-05T12:00:00+08:00", "not a time", "13800138000", "+86 138-0013-8000",
              "138 0013 8000", "(0431)88888888", "0431-88888888", "12800138000", "1380013800",
              "١٣٨٠٠١٣٨٠٠٠", "13800138000\n", "０４３１-8888888", ".", "..", " .. "]


def outcome(fn, raw: dict) -> tuple:
    try:
        made = fn(raw, NOW)
    except TicketError as exc:
        return ("refused", exc.message_zh, exc.message_en, exc.field)
    return ("ok", made.to_dict(), made.digest())


def assert_same(raw: dict) -> None:
    fast = TicketData._fast(raw, NOW)
    checked = outcome(TicketData._checked, raw)
    if fast is not None:
        assert checked == ("ok", fast.to_dict(), fast.digest()), raw
        assert fast == TicketData._checked(raw, NOW)
    assert outcome(TicketData.validated, raw) == checked


def test_a_good_ticket_takes_the_fast_path():
    assert TicketData._fast(GOOD, NOW) is not None
    assert_same(GOOD)


@pytest.mark.parametrize("name", list(GOOD))
def test_every_odd_value_in_every_field_is_judged_alike(name):
    for value in ODD_VALUES:
        raw = {**GOOD, name: value}
        if value is None:
            del raw[name]
        assert_same(raw)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(list(GOOD)),
                       st.one_of(st.text(max_size=30), st.sampled_from(ODD_VALUES)),
                       max_size=5))
def test_generated_rows_are_judged_alike(changes):
    assert_same({**GOOD, **changes})


def test_only_the_ascii_space_is_both_printable_and_whitespace():
    """Why `" " not in number and number.isprintable()` is the rule's `no ch is unprintable or
    whitespace`, for every character."""
    assert [c for c in map(chr, range(sys.maxunicode + 1))
            if c.isprintable() and c.isspace()] == [" "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), min_size=14, max_size=14))
def test_the_canonical_json_is_json_dumps_text(texts):
    made = object.__new__(TicketData)
    made.__dict__.update(zip(TicketData.field_names(), texts, strict=True))
    expected = json.dumps(made.to_dict(), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
    assert made.canonical_json() == expected
    try:
        assert made.digest() == ticket_digest(made.to_dict())
    except UnicodeEncodeError:    # a lone surrogate: no digest either way
        with pytest.raises(UnicodeEncodeError):
            ticket_digest(made.to_dict())


def test_the_digest_of_a_known_ticket_did_not_change():
    """Tickets stored before this change must still read 'unchanged' on re-import (the value
    made by the code before it, with json.dumps)."""
    made = TicketData.validated(GOOD, NOW)
    assert made.digest() == ticket_digest(GOOD) == (
        "27298985b7ab2800a8b3348491fe54920bcd9591260c9633140ffe6395084512")


def _old_one_line(a: Address) -> str:
    parts = [a.city, a.district, a.street, a.community]
    tail = "".join(p for p in (f"{a.building}栋" if a.building else "",
                               f"{a.unit}单元" if a.unit else "",
                               f"{a.flat}室" if a.flat else ""))
    return "".join(p for p in parts if p) + tail


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=4), min_size=7, max_size=7))
def test_the_one_line_address_is_as_before(parts):
    address = Address(*parts)
    assert address.one_line() == _old_one_line(address)
