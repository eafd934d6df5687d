"""Nothing on a slip is printed smaller than 8 pt: not the resident's statement ("本人在场见证…"),
not the footnotes, on A4 or on the 80 mm roll, in either language (issue #13, item 10)."""

from __future__ import annotations

import copy

import pytest

from inspector_app.slip import render
from inspector_app.slip.render import SMALLEST_TYPE
from tests.slip.helpers import printed_sizes, squash

KINDS = ("resident", "refusal", "training")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("paper", ["a4", "80mm"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_character_is_at_least_8_pt(rendered, kind, paper, lang):
    result = rendered(kind, paper, lang)
    for page in range(result.pages):
        sizes = printed_sizes(result.pdf, page)
        small = "".join(ch for ch, size in sizes if size < SMALLEST_TYPE - 0.01)
        assert not small, f"page {page + 1} prints below 8 pt: {small[:80]}"


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_the_residents_statement_is_printed_at_8_pt(rendered, resident_envelope, paper):
    statement = resident_envelope["record"]["signatures"]["resident"]["statement_zh"]
    sizes = printed_sizes(rendered("resident", paper).pdf)
    text = "".join(ch for ch, _ in sizes)
    at = text.find(squash(statement)[:6])
    assert at >= 0, "the statement is on the slip"
    assert min(size for _, size in sizes[at:at + 6]) >= SMALLEST_TYPE - 0.01


def test_a4_keeps_8_pt_for_four_rooms(resident_envelope):
    """A home of four rooms (one of them with five points) still fits an A4 page at 8 pt; only
    bigger homes are shrunk to keep one page per copy."""
    four = copy.deepcopy(resident_envelope)
    rooms = four["record"]["result"]["rooms"]
    four["record"]["result"]["rooms"] = (rooms * 2)[:4]
    for lang in ("zh", "en"):
        result = render(four, paper="a4", lang=lang)
        assert min(size for _, size in printed_sizes(result.pdf)) >= SMALLEST_TYPE - 0.01
