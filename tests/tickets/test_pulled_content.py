"""A pulled assignment's words must be the content its signed digest names.

The office signs channel, ticket, revision, digest and complaint time; the address, resident and
complaint text travel beside them. The laptop holds those words to the digest on pull, so the
list an inspector works from (whom to phone, which door) is the office's, not only the visit
started from it later.
"""

from __future__ import annotations

from inspector_app.sync.assignments import _badly_signed
from tests.tickets.items import office_key, signed_item, ticket_data


def test_the_pulled_words_are_held_to_the_signed_digest():
    private, public = office_key()
    item = signed_item(ticket_data(), private, public["key_id"])
    assert _badly_signed({"office_key": public, "assignments": [item]}) is None
    for field, value in (("flat", "502"), ("resident_phone", "13900000000"), ("text", "")):
        altered = {**item, "data": {**item["data"], field: value}}
        assert _badly_signed({"office_key": public, "assignments": [altered]}) == "12345/A1"
    missing = {**item, "data": {k: v for k, v in item["data"].items() if k != "company"}}
    assert _badly_signed({"office_key": public, "assignments": [missing]}) == "12345/A1"
    assert _badly_signed({"office_key": public,
                          "assignments": [{**item, "data": "not an object"}]}) == "12345/A1"
