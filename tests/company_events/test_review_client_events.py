"""The supervisor's client (`ReviewSession`) for the company events, against a live office on
each backend: stops listed, entered and withdrawn, heating periods entered with their actual
days, a penalty notice drafted and its PDF; every refusal arrives as the office's own words in
both languages with its code, and changes nothing."""

from __future__ import annotations

import pytest

from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewError, ReviewSession
from tests.company_events.helpers import PERIOD, STOP, record_in, rows

PASSWORD = "correct horse 7"


@pytest.fixture
def session(office, tmp_path):
    office.store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    record_in(office.store, tmp_path / "laptop")   # the district's rules: changchun
    live = ReviewSession.login(office.url, "chaoyang", PASSWORD)
    yield live
    live.close()


def stop_body() -> dict:
    body = {k: v for k, v in STOP.items() if k != "scope"}
    return {**body, "communities": STOP["scope"]["communities"]}


def test_stops_are_entered_listed_and_withdrawn(office, session):
    stop = session.add_stop(**stop_body())
    assert stop["stop_id"] == "2025-2026-S0001" and stop["hours"] == 72
    assert stop["scope"]["communities"] == ["幸福小区"] and stop["state"] == "in_force"
    listed = session.list_stops({"season": "2025-2026"})
    assert [s["stop_id"] for s in listed] == ["2025-2026-S0001"]
    before = rows(office.store)
    with pytest.raises(ReviewError) as overlap:
        session.add_stop(**{**stop_body(), "start_at": "2025-12-02T08:00:00+08:00"})
    assert overlap.value.status == 409 and overlap.value.code == "overlapping_stop"
    assert "2025-2026-S0001" in overlap.value.message_zh and "重叠" in overlap.value.message_zh
    assert "overlaps" in overlap.value.message_en
    with pytest.raises(ReviewError) as backwards:
        session.add_stop(**{**stop_body(), "end_at": "2025-11-30T08:00:00+08:00"})
    assert backwards.value.code == "ends_before_start" and "须晚于" in backwards.value.message_zh
    with pytest.raises(ReviewError) as elsewhere:
        session.add_stop(**{**stop_body(), "district": "南关区"})
    assert elsewhere.value.status == 403 and elsewhere.value.code == "other_district"
    assert rows(office.store) == before
    gone = session.withdraw_stop("2025-2026-S0001", "录入错误")
    assert gone["state"] == "withdrawn" and gone["withdrawn_reason"] == "录入错误"
    assert session.list_stops({"season": "2025-2026", "in_force": True}) == []
    with pytest.raises(ReviewError) as again:
        session.withdraw_stop("2025-2026-S0001", "再撤")
    assert again.value.code == "already_withdrawn"


def test_periods_actual_days_and_a_notice_with_its_pdf(office, session):
    period = session.add_heating_period(**PERIOD)
    pid = period["period_id"]
    assert pid == "2025-2026-H0001" and period["actual_start"] is None
    with pytest.raises(ReviewError) as twice:
        session.add_heating_period(**PERIOD)
    assert twice.value.status == 409 and twice.value.code == "period_exists"
    with pytest.raises(ReviewError) as early:
        session.draft_penalty_notice(pid, "late_start", "3", "推迟三日")
    assert early.value.code == "cannot_draft"
    late = session.set_actual_days(pid, actual_start="2025-10-23")
    assert late["late_start_days"] == 3 and late["actual_end"] is None
    with pytest.raises(ReviewError) as backwards:
        session.set_actual_days(pid, actual_end="2025-10-01")
    assert backwards.value.code == "ends_before_start"
    listed = session.list_heating_periods({"season": "2025-2026"})
    assert [p["actual_start"] for p in listed] == ["2025-10-23"]
    with pytest.raises(ReviewError) as outside:
        session.draft_penalty_notice(pid, "late_start", "11", "太重")
    assert outside.value.code == "cannot_draft"
    assert "2–10" in outside.value.message_zh and "2 to 10" in outside.value.message_en
    notice = session.draft_penalty_notice(pid, "late_start", "3", "推迟三日")
    assert notice["notice_no"] == "2025-2026-P0001"
    assert notice["data"]["penalty"]["fine"] == "16855.50"
    pdf = session.penalty_notice_pdf("2025-2026-P0001", "en")
    assert pdf.startswith(b"%PDF")
    assert session.list_heating_periods()[0]["notices"][0]["notice_no"] == "2025-2026-P0001"
    with pytest.raises(ReviewError) as missing:
        session.penalty_notice_pdf("2025-2026-P0009")
    assert missing.value.status == 404
