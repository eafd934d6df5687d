"""A visit started from a ticket: the ticket's words and complaint time, held to the ref."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from inspector_app.core.completeness import missing_for_seal, ticket_ref_missing
from inspector_app.core.model import TICKET_REF_KEYS, Visit
from inspector_app.core.profile import load_profile
from inspector_app.core.tickets import TicketError
from inspector_app.core.visit_from_ticket import (
    ticket_ref_label,
    ticket_source,
    visit_from_assignment,
)
from inspector_app.seal.ticket_ref import ticket_ref_signature_problem
from tests.tickets.items import NOW, office_key, signed_item, ticket_data

CC = load_profile("changchun")


@pytest.fixture
def signed():
    private, public = office_key()
    return signed_item(ticket_data(), private, public["key_id"]), public


def test_the_visit_takes_the_tickets_words_and_complaint_time(signed) -> None:
    item, _ = signed
    visit = visit_from_assignment(item, CC, inspector="张三", now=NOW)
    assert (visit.channel, visit.ticket) == ("12345", "A1")
    assert visit.address.one_line() == "长春市朝阳区人民大街示范小区3栋2单元501室"
    assert (visit.resident_name, visit.resident_phone, visit.company) == (
        "李梅", "13800000000", "长春热力")
    assert visit.complaint_at.isoformat() == "2026-12-01T08:00:00+08:00"
    assert tuple(visit.ticket_ref) == TICKET_REF_KEYS
    assert visit.ticket_ref["signature"] == item["signature"]["value"]
    # the ref survives the store's round trip and sits in the record's visit
    again = Visit.from_dict(visit.to_dict())
    assert again.ticket_ref == visit.ticket_ref
    assert visit.to_dict()["ticket_ref"]["complaint_at"] == visit.to_dict()["complaint_at"]
    assert ticket_ref_missing(visit) == []
    assert visit.contact_at is None          # nothing logged: the inspector types it


def test_the_contact_logged_on_the_assignment_is_the_visits_contact_time(signed) -> None:
    item, _ = signed
    visit = visit_from_assignment(item, CC, contacted_at="2026-12-01T08:12:00+08:00", now=NOW)
    assert visit.contact_at.isoformat() == "2026-12-01T08:12:00+08:00"


def test_a_walk_in_visit_has_no_ticket_ref_key_at_all() -> None:
    visit = Visit(profile_name=CC.name, profile_version=CC.version, ticket="T-1")
    assert "ticket_ref" not in visit.to_dict()
    assert Visit.from_dict(visit.to_dict()).ticket_ref is None
    assert ticket_ref_missing(visit) == []
    assert ticket_ref_label(None, "zh") == "现场录入（无派单）"
    assert ticket_ref_label(None, "en") == "typed at the door (no dispatched ticket)"
    assert ticket_source(visit.to_dict())["dispatched"] is False


def test_the_label_of_a_dispatched_ticket_is_in_one_language(signed) -> None:
    item, _ = signed
    ref = visit_from_assignment(item, CC).ticket_ref
    assert ticket_ref_label(ref, "zh") == "派单工单 12345/A1（办公室签发）"
    assert ticket_ref_label(ref, "en") == "dispatched ticket 12345/A1 (signed by the office)"


@pytest.mark.parametrize("change", ["data", "digest", "signature", "revision"])
def test_an_altered_or_unsigned_assignment_is_refused_before_a_visit_starts(signed,
                                                                           change) -> None:
    item, _ = signed
    if change == "data":
        item["data"] = {**item["data"], "complaint_at": "2026-12-01T09:00:00+08:00"}
    elif change == "digest":
        item["digest"] = "0" * 64
    elif change == "signature":
        del item["signature"]
    else:
        item["revision"] = 0
    with pytest.raises(TicketError) as err:
        visit_from_assignment(item, CC)
    assert err.value.message_zh.startswith("派单工单数据有误")
    assert err.value.message_en.startswith("the dispatched ticket is malformed")


def test_a_complaint_after_the_laptops_clock_is_refused(signed) -> None:
    item, _ = signed
    with pytest.raises(TicketError, match="clock"):
        visit_from_assignment(item, CC, now=datetime.fromisoformat(
            "2026-12-01T07:00:00+08:00"))


@pytest.mark.parametrize(("field", "value"), [
    ("complaint_at", datetime.fromisoformat("2026-12-01T08:10:00+08:00")),
    ("complaint_at", datetime.fromisoformat("2026-12-01T00:00:00+00:00")),  # same instant, other zone
    ("channel", "12319"),
    ("ticket", "A2"),
])
def test_a_visit_whose_fields_left_its_ticket_is_incomplete(signed, field, value) -> None:
    item, _ = signed
    visit = visit_from_assignment(item, CC, now=NOW)
    setattr(visit, field, value)
    missing = ticket_ref_missing(visit)
    assert [m.field for m in missing] == [field]
    assert "派单工单 12345/A1" in missing[0].message_zh
    assert "dispatched ticket 12345/A1" in missing[0].message_en
    # and the seal's one rule says so among the other gaps
    assert field in {m.field for m in missing_for_seal(visit, CC, NOW + timedelta(hours=1))}


def test_an_incomplete_ref_is_named(signed) -> None:
    item, _ = signed
    visit = visit_from_assignment(item, CC, now=NOW)
    del visit.ticket_ref["signature"]
    [missing] = ticket_ref_missing(visit)
    assert missing.field == "ticket_ref" and "signature" in missing.message_en


def test_the_signature_problem_names_what_is_wrong(signed) -> None:
    item, public = signed
    ref = visit_from_assignment(item, CC).ticket_ref
    assert ticket_ref_signature_problem(ref, public) is None
    zh, en = ticket_ref_signature_problem(ref, None)
    assert "请先同步" in zh and "sync first" in en
    _, other = office_key()
    zh, en = ticket_ref_signature_problem(ref, other)
    assert "另一把办公室密钥" in zh and "another office key" in en
    for key, value in (("complaint_at", "2026-12-01T08:10:00+08:00"), ("digest", "1" * 64),
                       ("revision", 2), ("ticket", "A2"), ("signature", "AAAA")):
        zh, en = ticket_ref_signature_problem({**ref, key: value}, public)
        assert "签名无效" in zh and "not valid" in en, key
