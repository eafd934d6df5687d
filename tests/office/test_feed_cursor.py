"""The feed cursor is read back only as the office made it, for the device it was made for."""

from __future__ import annotations

import base64
import json

import pytest

from inspector_app.office.feed_cursor import BadCursor, make_cursor, read_cursor

KEY = bytes(range(32))
DEVICE = "0123456789abcdef"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_round_trip():
    for seq in (0, 1, 41, 2**62):
        assert read_cursor(KEY, make_cursor(KEY, seq, DEVICE), DEVICE) == seq


def test_another_devices_or_another_keys_cursor_is_refused():
    cursor = make_cursor(KEY, 7, DEVICE)
    with pytest.raises(BadCursor):
        read_cursor(KEY, cursor, "fedcba9876543210")
    with pytest.raises(BadCursor):
        read_cursor(bytes(32), cursor, DEVICE)


def test_an_altered_position_is_refused():
    cursor = make_cursor(KEY, 7, DEVICE)
    mac = cursor.partition(".")[2]
    earlier = b64(json.dumps({"s": 0, "d": DEVICE}, separators=(",", ":")).encode())
    with pytest.raises(BadCursor):
        read_cursor(KEY, f"{earlier}.{mac}", DEVICE)


@pytest.mark.parametrize("text", [
    "", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "x" * 301, "\u00e9.\u00e9",
    b64(b'{"s":1,"d":"0123456789abcdef"}'),  # no MAC at all
])
def test_garbage_is_refused(text):
    with pytest.raises(BadCursor):
        read_cursor(KEY, text, DEVICE)


def test_a_well_sealed_but_wrong_body_is_refused():
    """Should the key ever leak into a cursor's maker, the body is still checked."""
    import hashlib
    import hmac
    for body in (b"[]", b'{"s":-1,"d":"0123456789abcdef"}', b'{"s":true,"d":"0123456789abcdef"}',
                 b'{"s":"1","d":"0123456789abcdef"}', b"\xff"):
        payload = b64(body)
        mac = b64(hmac.new(KEY, payload.encode(), hashlib.sha256).digest())
        with pytest.raises(BadCursor):
            read_cursor(KEY, f"{payload}.{mac}", DEVICE)
