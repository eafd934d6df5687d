"""The laptops' feed cursor: where a device's last pull ended, sealed so it cannot be made up.

Why sealed: the cursor is the only thing that says which changes a laptop has already seen.
A cursor altered to an earlier point merely repeats changes, but one copied from another
laptop, or written by hand past changes not yet seen, would make a laptop silently miss a
reassignment. So the office answers only cursors it made for the calling device: the cursor
is base64url(JSON {"s": sequence number, "d": device id, "i": inspector}) + "." +
base64url(HMAC-SHA256 of the first part), keyed with a key derived from the office key
(`office.office_key`). Anything else is `BadCursor` (400 `bad_cursor` at the API).

Why the inspector too: the feed is the inspector's, not the laptop's. A laptop re-enrolled for
another inspector (an administrator's `allow-reenrolment` and a code for someone else) keeps
its device id; its old cursor points into the first inspector's sequence and would skip the
new inspector's earlier tickets. Bound to the inspector, that cursor is refused, and the laptop
pulls the new list from the start. (Cursors made before the inspector was bound are refused
once the same way: a laptop then merely pulls its list again.)

Why it also carries "a" (the position the laptop had acknowledged when this cursor was made)
and "t" (when the office made it): a laptop sends a cursor back only after it stored the page
that came with it, so a cursor coming back is the laptop's receipt for the changes between
"a" and "s", received at "t" (`office.delivery`). Sealed, the receipt cannot be made up either.
A cursor without them (made before) acknowledges nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass

MAX_CURSOR_CHARS = 600  # a long inspector name (escaped), the receipt and its time


@dataclass(frozen=True)
class CursorState:
    """What a cursor the office made says: the feed position after the page it came with
    (`seq`), the position acknowledged before it (`acked`), and when it was made (`at`)."""

    seq: int
    acked: int = 0
    at: str | None = None


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


def make_cursor(key: bytes, seq: int, device_id: str, inspector: str | None, *,
                acked: int = 0, at: str | None = None) -> str:
    """The cursor after feed sequence number `seq`, for `device_id` enrolled for `inspector`;
    `acked`: the position the laptop acknowledged by this pull, `at`: the office's time now."""
    body: dict[str, object] = {"s": seq, "d": device_id, "i": inspector}
    if acked:
        body["a"] = acked
    if at is not None:
        body["t"] = at
    payload = _b64(json.dumps(body, separators=(",", ":"), ensure_ascii=True).encode())
    return f"{payload}.{_b64(_mac(key, payload))}"


def read_cursor(key: bytes, cursor: str, device_id: str, inspector: str | None) -> int:
    """The sequence number in `cursor`; `BadCursor` unless the office made it for `device_id`
    while it was enrolled for `inspector`."""
    return read_cursor_state(key, cursor, device_id, inspector).seq


def read_cursor_state(key: bytes, cursor: str, device_id: str,
                      inspector: str | None) -> CursorState:
    """All the cursor says (see `read_cursor`, which refuses the same cursors)."""
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
    if "i" not in body or body["i"] != inspector:
        raise BadCursor("made for another inspector's list")
    seq = body.get("s")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise BadCursor("no position")
    acked, at = body.get("a", 0), body.get("t")
    if isinstance(acked, bool) or not isinstance(acked, int) or not 0 <= acked <= seq:
        acked = seq  # (the office never makes one: acknowledge nothing)
    return CursorState(seq, acked, at if isinstance(at, str) and len(at) <= 40 else None)
