"""The laptops' feed cursor: where a device's last pull ended, sealed so it cannot be made up.

Why sealed: the cursor is the only thing that says which changes a laptop has already seen.
A cursor altered to an earlier point merely repeats changes, but one copied from another
laptop, or written by hand past changes not yet seen, would make a laptop silently miss a
reassignment. So the office answers only cursors it made for the calling device: the cursor
is base64url(JSON {"s": sequence number, "d": device id}) + "." + base64url(HMAC-SHA256 of the
first part), keyed with a key derived from the office key (`office.office_key`). Anything else
is `BadCursor` (400 `bad_cursor` at the API).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json

MAX_CURSOR_CHARS = 300


class BadCursor(ValueError):
    """A cursor the office did not make for this device (forged, altered, another's, torn)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    if not text or any(ch not in _ALPHABET for ch in text):
        raise BadCursor("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise BadCursor("not base64url") from exc


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()


def make_cursor(key: bytes, seq: int, device_id: str) -> str:
    """The cursor after feed sequence number `seq`, for `device_id` only."""
    payload = _b64(json.dumps({"s": seq, "d": device_id}, separators=(",", ":")).encode())
    return f"{payload}.{_b64(_mac(key, payload))}"


def read_cursor(key: bytes, cursor: str, device_id: str) -> int:
    """The sequence number in `cursor`; `BadCursor` unless the office made it for `device_id`."""
    if not isinstance(cursor, str) or len(cursor) > MAX_CURSOR_CHARS:
        raise BadCursor("too long")
    payload, dot, mac = cursor.partition(".")
    if not dot or not hmac.compare_digest(_unb64(mac), _mac(key, payload)):
        raise BadCursor("not made by this office")
    try:
        body = json.loads(_unb64(payload))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadCursor("unreadable") from exc
    if not isinstance(body, dict) or body.get("d") != device_id:
        raise BadCursor("another device's")
    seq = body.get("s")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise BadCursor("no position")
    return seq
