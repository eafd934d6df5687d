"""The office's signature over a dispatched ticket (TICKETS_SPEC.md section C), shared by the
office (which signs each assignment it sends) and the laptop (which checks it before sealing).

The statement is the sha256 of the UTF-8 lines `heating-inspector-ticket-signature/1`, channel,
ticket, revision (decimal), digest, complaint_at, joined by "\\n"; the signature is Ed25519 over
those 32 bytes, in standard base64. The domain line keeps this signature from ever being
mistaken for a device's signature over a record.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

DOMAIN = "heating-inspector-ticket-signature/1"


def ticket_statement(channel: str, ticket: str, revision: int, digest: str,
                     complaint_at: str) -> bytes:
    """The 32 bytes the office signs for one revision of one ticket."""
    lines = (DOMAIN, channel, ticket, str(int(revision)), digest, complaint_at)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).digest()


def sign_ticket(private_key: Ed25519PrivateKey, channel: str, ticket: str, revision: int,
                digest: str, complaint_at: str) -> str:
    """Base64 Ed25519 signature of the statement."""
    statement = ticket_statement(channel, ticket, revision, digest, complaint_at)
    return base64.b64encode(private_key.sign(statement)).decode("ascii")


def ticket_signature_valid(public_key_b64: str, signature_b64: str, channel: str, ticket: str,
                           revision: int, digest: str, complaint_at: str) -> bool:
    """True only if `signature_b64` is the key's signature of exactly this statement; any
    malformed input (bad base64, wrong lengths, wrong types) is simply not valid."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        signature = base64.b64decode(signature_b64, validate=True)
        statement = ticket_statement(channel, ticket, revision, digest, complaint_at)
        key.verify(signature, statement)
    except (InvalidSignature, ValueError, TypeError, binascii.Error, AttributeError):
        return False
    return True
