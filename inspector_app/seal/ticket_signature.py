"""The office's signature over a dispatched ticket, checked by the laptop and the office alike.

Why: a sealed record that starts from a ticket must prove that its complaint time is the
hotline's, not one typed at the door. The office signs, with its own Ed25519 key
(`office.office_key`), a statement naming the ticket, the revision of its content and that
content's digest (`core.tickets.ticket_digest`), and the complaint time; the laptop pins the
office's public key at enrolment and checks the signature when it pulls and again when it
seals, and the office checks it once more when the record arrives. Pure (no database, no
network) so both sides run the very same code.

The signed statement: SHA-256 of the UTF-8 lines `heating-inspector-ticket-signature/1`,
channel, ticket, revision (decimal), digest, complaint_at, joined by "\\n" (no trailing
newline). Signatures and keys travel as standard base64 (raw 32-byte keys, 64-byte signatures).
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.seal.device_key import verify_digest

SIGNATURE_CONTEXT = "heating-inspector-ticket-signature/1"


def ticket_statement(channel: str, ticket: str, revision: int, digest: str,
                     complaint_at: str) -> bytes:
    """The 32 bytes the office signs for one revision of one ticket.

    A line break inside a field would let two different tickets share a statement, so it is
    refused (ValueError); no real channel, number, digest or time holds one.
    """
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
        raise ValueError("a ticket revision is a whole number from 1")
    parts = (channel, ticket, digest, complaint_at)
    if any(not isinstance(p, str) or "\n" in p or "\r" in p for p in parts):
        raise ValueError("ticket fields for a signature are text without line breaks")
    text = "\n".join((SIGNATURE_CONTEXT, channel, ticket, str(revision), digest, complaint_at))
    return hashlib.sha256(text.encode("utf-8")).digest()


def sign_ticket(private_key: Ed25519PrivateKey, channel: str, ticket: str, revision: int,
                digest: str, complaint_at: str) -> str:
    """The office's base64 signature over the ticket's statement."""
    statement = ticket_statement(channel, ticket, revision, digest, complaint_at)
    return base64.b64encode(private_key.sign(statement)).decode("ascii")


def ticket_signature_valid(public_key_b64: str, signature_b64: str, channel: str, ticket: str,
                           revision: int, digest: str, complaint_at: str) -> bool:
    """True when `signature_b64` is the office key's signature over exactly these values;
    False for anything else (another value, a malformed key or signature, a wrong type)."""
    try:
        statement = ticket_statement(channel, ticket, revision, digest, complaint_at)
    except (ValueError, TypeError):
        return False
    if not isinstance(public_key_b64, str) or not isinstance(signature_b64, str):
        return False
    return verify_digest(public_key_b64, statement, signature_b64)
