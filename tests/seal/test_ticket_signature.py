"""The office's signature over a dispatched ticket: valid for exactly the signed values."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.seal.ticket_signature import (
    SIGNATURE_CONTEXT,
    sign_ticket,
    ticket_signature_valid,
    ticket_statement,
)

SIGNED = {"channel": "12345", "ticket": "A1", "revision": 2, "digest": "ab" * 32,
          "complaint_at": "2026-12-01T08:00:00+08:00"}
ORDER = ("channel", "ticket", "revision", "digest", "complaint_at")


def public_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def values(**changed) -> tuple:
    return tuple({**SIGNED, **changed}[name] for name in ORDER)


def test_a_signature_verifies_with_the_office_key(key):
    signature = sign_ticket(key, *values())
    assert len(base64.b64decode(signature)) == 64
    assert ticket_signature_valid(public_b64(key), signature, *values())


@pytest.mark.parametrize("field,other", [
    ("channel", "12319"), ("ticket", "A2"), ("revision", 3), ("revision", 1),
    ("digest", "ac" + "ab" * 31), ("complaint_at", "2026-12-01T08:00:01+08:00"),
    ("complaint_at", "2026-12-01T00:00:00Z"),  # the same moment, written otherwise
])
def test_every_signed_field_changed_makes_it_invalid(key, field, other):
    signature = sign_ticket(key, *values())
    assert not ticket_signature_valid(public_b64(key), signature, *values(**{field: other}))


def test_another_key_or_a_damaged_signature_is_invalid(key):
    signature = sign_ticket(key, *values())
    other = public_b64(Ed25519PrivateKey.generate())
    assert not ticket_signature_valid(other, signature, *values())
    raw = bytearray(base64.b64decode(signature))
    raw[0] ^= 1
    damaged = base64.b64encode(bytes(raw)).decode()
    assert not ticket_signature_valid(public_b64(key), damaged, *values())


@pytest.mark.parametrize("public,signature", [
    ("not base64!", None), ("", None), (base64.b64encode(b"short").decode(), None),
    (None, "not base64!"), (None, ""), (None, base64.b64encode(b"x" * 63).decode()),
])
def test_malformed_keys_and_signatures_are_invalid_not_errors(key, public, signature):
    good = sign_ticket(key, *values())
    assert not ticket_signature_valid(public if public is not None else public_b64(key),
                                      signature if signature is not None else good, *values())


def test_wrong_types_are_invalid_not_errors(key):
    good = sign_ticket(key, *values())
    assert not ticket_signature_valid(public_b64(key), good, *values(revision="2"))
    assert not ticket_signature_valid(public_b64(key), good, *values(revision=True))
    assert not ticket_signature_valid(public_b64(key), good, *values(ticket=None))
    assert not ticket_signature_valid(None, good, *values())


def test_fields_cannot_be_shifted_across_a_line_break(key):
    """"A\\n2" + revision … must not read as another ticket's statement."""
    with pytest.raises(ValueError):
        ticket_statement("12345", "A1\n2", 2, "ab" * 32, "2026-12-01T08:00:00+08:00")
    assert not ticket_signature_valid(public_b64(key), sign_ticket(key, *values()),
                                      "12345", "A1\n2", 2, "ab" * 32, "x")


def test_the_statement_is_the_documented_one():
    import hashlib
    text = "\n".join((SIGNATURE_CONTEXT, "12345", "A1", "2", "ab" * 32,
                      "2026-12-01T08:00:00+08:00"))
    assert ticket_statement(*values()) == hashlib.sha256(text.encode("utf-8")).digest()
    assert SIGNATURE_CONTEXT == "heating-inspector-ticket-signature/1"
