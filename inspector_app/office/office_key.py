"""The office's own Ed25519 key: it signs the tickets sent to laptops, and keys the feed's cursors.

Why a key of the office's own: a sealed record started from a ticket carries the office's
signature over that ticket's digest and complaint time (`seal.ticket_signature`), so the
complaint time in the record is provably the hotline's. The key lives in the office database
(`office_keys`), so every office process behind a load balancer signs with the same key, and a
database moved with `migrate-db` keeps it. It is made on first need, under the transaction
lock `office_key` (PostgreSQL: an advisory lock; SQLite: the file's write lock), so two
processes starting at once still make only one. The laptop learns the public half at
enrolment (`ticket_key` in the enrolment answer) and again with every pull.

The feed's cursors (`office.ticket_feed`) are authenticated with an HMAC key derived from the
same secret (HKDF-SHA256, its own label), so no second secret needs keeping, and a cursor
cannot be made without the office's key.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.office.db import Tx
from inspector_app.office.values import now_iso

LOCK_KEY = "office_key"
CURSOR_KEY_LABEL = b"heating-inspector-feed-cursor/1"
_CURRENT = ("SELECT key_id, private_key FROM office_keys WHERE retired_at IS NULL"
            " ORDER BY created_at, key_id LIMIT 1")


class KeyedDatabase(Protocol):
    """What this module needs of the office database (`Database` or `OfficeStore`)."""

    def write(self) -> AbstractContextManager[Tx]: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...


def key_id_for(public_raw: bytes) -> str:
    """First 16 hex of sha256(raw public key), as a device id is named."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def _public_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw)


def _seed(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _load(private_b64: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64, validate=True))


def office_signing_key(db: KeyedDatabase) -> tuple[str, Ed25519PrivateKey]:
    """(key_id, private key) of the office's current key, made and stored on first need."""
    row = db.query_one(_CURRENT)
    if row is not None:
        return row[0], _load(row[1])
    with db.write() as c:
        c.lock(LOCK_KEY)  # a second process waits here, then finds the first one's key
        row = c.execute(_CURRENT).fetchone()
        if row is not None:
            return row[0], _load(row[1])
        key = Ed25519PrivateKey.generate()
        public_raw = _public_raw(key)
        key_id = key_id_for(public_raw)
        c.execute("INSERT INTO office_keys (key_id, public_key, private_key, created_at)"
                  " VALUES (?,?,?,?)",
                  (key_id, base64.b64encode(public_raw).decode("ascii"),
                   base64.b64encode(_seed(key)).decode("ascii"), now_iso()))
    return key_id, key


def public_from_private(key: Ed25519PrivateKey) -> str:
    """The base64 raw public half of `key`."""
    return base64.b64encode(_public_raw(key)).decode("ascii")


def public_office_key(db: KeyedDatabase) -> dict[str, str]:
    """`{"key_id", "public_key"}` (base64 raw) of the current key: what laptops pin."""
    key_id, key = office_signing_key(db)
    return {"key_id": key_id, "public_key": public_from_private(key)}


def office_public_keys(db: KeyedDatabase) -> dict[str, str]:
    """key_id → base64 public key of every key the office ever signed with (retired ones
    too): a record sealed months ago carries a signature by the key of its day."""
    return {row[0]: row[1] for row in db.query("SELECT key_id, public_key FROM office_keys")}


def cursor_mac_key(db: KeyedDatabase) -> bytes:
    """32 bytes for the feed cursors' HMAC, derived from the office key's secret."""
    _key_id, key = office_signing_key(db)
    return derive_cursor_key(key)


def derive_cursor_key(key: Ed25519PrivateKey) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=CURSOR_KEY_LABEL).derive(_seed(key))
