"""Nothing on a slip is printed smaller than 8 pt: not the resident's statement ("本人在场见证…"),
not the footnotes, on A4 or on the 80 mm roll, in either language (issue #13, item 10)."""

from __future__ import annotations

import pytest

from inspector_app.slip import render
from inspector_app.slip.render import SMALLEST_TYPE
from tests.slip.conftest import OFFICE_URL
from tests.slip.envelopes import LONG_ADDRESS, envelope
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


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("rooms", [4, 5, 8])
def test_a4_keeps_8_pt_for_big_homes(kind, rooms, lang):
    """Homes of four, five and eight rooms with the longest address print every character of
    every page at 8 pt or more: type is never shrunk to keep one page per copy (a copy that does
    not fit runs over a second page instead). Compared without tolerance: 7.99 pt is too small."""
    result = render(envelope(kind, rooms=rooms, address=LONG_ADDRESS), paper="a4", lang=lang,
                    office_url=OFFICE_URL)
    for page in range(result.pages):
        smallest = min(size for _, size in printed_sizes(result.pdf, page))
        assert smallest >= SMALLEST_TYPE - 1e-6, f"page {page + 1}: {smallest:.3f} pt"
