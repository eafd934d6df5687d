"""The supervisor's client against a server that answers with a JSON bomb: a ReviewError in
both languages, never a RecursionError."""

import pytest

from inspector_app.review.client import ReviewError, ReviewSession
from tests.sync.hostile_servers import AnsweringServer


@pytest.mark.parametrize("status", [200, 403])
def test_a_bomb_answer_to_login_is_not_an_office_answer(status):
    with AnsweringServer(status, b"[" * 100_000) as bomb, pytest.raises(ReviewError) as err:
        ReviewSession.login(bomb.url, "chief", "password-1", timeout=5)
    assert err.value.message_zh and err.value.message_en
    assert err.value.status in (status, 502)
