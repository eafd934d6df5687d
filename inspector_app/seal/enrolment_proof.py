"""Proof that the laptop asking to enrol holds the private key of the public key it names.

Every sealed record carries its device's public key, so a key alone proves nothing: whoever had a
fresh enrolment code and a copy of a record could otherwise enrol "as" that laptop, take its
upload credential and have the real laptop refused. The laptop therefore signs, with its device
key, a statement binding the one-time code to its device id and key; the office checks it before
spending the code. The code is single-use and secret, so the statement cannot be replayed, and a
signature made for one code (or one office's code) is worthless for any other.

The signed digest: SHA-256 of the UTF-8 lines
`heating-inspector-enrolment/1`, the normalised code, the device id, the base64 public key,
joined by "\\n" (no trailing newline). `DeviceKey.sign` signs 32-byte digests, as for records.
"""

from __future__ import annotations

import hashlib

from inspector_app.seal.device_key import DeviceKey, verify_digest

PROOF_CONTEXT = "heating-inspector-enrolment/1"


def normalise_code(code: str) -> str:
    """Enrolment codes are typed by people: ignore case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def enrolment_digest(code: str, device_id: str, public_key_b64: str) -> bytes:
    """The 32 bytes a device signs to enrol with `code`."""
    text = "\n".join((PROOF_CONTEXT, normalise_code(code), device_id, public_key_b64))
    return hashlib.sha256(text.encode("utf-8")).digest()


def sign_enrolment(key: DeviceKey, code: str) -> str:
    """The base64 proof this laptop sends with its enrolment request."""
    return key.sign_b64(enrolment_digest(code, key.device_id, key.public_key_b64))


def proof_is_valid(code: str, device_id: str, public_key_b64: str, proof_b64: str) -> bool:
    """True when `proof_b64` was made by the private key of `public_key_b64` for this code."""
    return verify_digest(public_key_b64, enrolment_digest(code, device_id, public_key_b64),
                         proof_b64)
