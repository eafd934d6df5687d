"""The supervisor's client against a real office: refusals in both languages, atomic exports."""

from __future__ import annotations

import httpx
import pytest

from inspector_app.office import export
from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewError, ReviewSession
from tests.office.uploaded import upload

PASSWORD = "pass-word-9"


@pytest.fixture
def admin(office):
    office.store.add_user("adm", "admin", hash_password(PASSWORD), None)
    return office


def test_wrong_password_then_lockout_are_told_with_the_wait(admin):
    with pytest.raises(ReviewError) as first:
        ReviewSession.login(admin.url, "adm", "nope")
    assert first.value.status == 401 and first.value.message_zh and first.value.message_en
    statuses = []
    for _ in range(6):
        try:
            ReviewSession.login(admin.url, "adm", "nope")
        except ReviewError as exc:
            statuses.append(exc.status)
            last = exc
    assert statuses[-1] == 429
    assert "秒后再试" in last.message_zh and "try again in" in last.message_en
    with pytest.raises(ReviewError) as locked:      # even the right password waits its turn
        ReviewSession.login(admin.url, "adm", PASSWORD)
    assert locked.value.status == 429


def test_bad_address_and_non_office_answers():
    with pytest.raises(ReviewError) as bad:
        ReviewSession.login("office.example", "a", "b")
    assert bad.value.code == "bad_url"

    def portal(request: httpx.Request) -> httpx.Response:   # a captive Wi-Fi login page
        return httpx.Response(200, text="<html>please log in to the hotel Wi-Fi</html>")

    with pytest.raises(ReviewError) as err:
        ReviewSession.login("http://portal.test", "a", "b", transport=httpx.MockTransport(portal))
    assert err.value.code == "not_office"


def test_ended_session_says_log_in_again(admin):
    session = ReviewSession.login(admin.url, "adm", PASSWORD)
    session.logout()
    again = ReviewSession(session.base_url, "not-a-token", session.user)
    with pytest.raises(ReviewError) as err:
        again.list_records({})
    assert err.value.status == 401
    again.close()


def test_refused_export_leaves_no_file_and_keeps_the_earlier_one(admin, laptop, tmp_path,
                                                                  monkeypatch):
    upload(admin, laptop, 3)
    session = ReviewSession.login(admin.url, "adm", PASSWORD)
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "records.xlsx"
    session.export({}, target, fmt="xlsx")
    good = target.read_bytes()
    monkeypatch.setattr(export, "MAX_XLSX_ROWS", 2)
    with pytest.raises(ReviewError) as err:
        session.export({}, target, fmt="xlsx")
    assert err.value.status == 413 and "Excel" in err.value.message_zh
    assert target.read_bytes() == good
    assert [p.name for p in out.iterdir()] == ["records.xlsx"]   # no .part left behind
    session.close()
