"""Signed assignments as a laptop pulls them (TICKETS_SPEC.md C), made without an office."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.core.tickets import TicketData
from inspector_app.seal.ticket_signature import sign_ticket

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)   # 10:00 in Changchun


def ticket_data(number: str = "A1", *, channel: str = "12345",
                complaint_at: str = "2026-12-01T08:00:00+08:00") -> TicketData:
    return TicketData.validated({
        "channel": channel, "ticket": number, "complaint_at": complaint_at,
        "resident_name": "李梅", "resident_phone": "13800000000", "city": "长春市",
        "district": "朝阳区", "street": "人民大街", "community": "示范小区", "building": "3",
        "unit": "2", "flat": "501", "company": "长春热力", "text": "卧室很冷"}, NOW)


def office_key() -> tuple[Ed25519PrivateKey, dict[str, str]]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
    return private, {"key_id": hashlib.sha256(raw).hexdigest()[:16],
                     "public_key": base64.b64encode(raw).decode("ascii")}


def signed_item(data: TicketData, private: Ed25519PrivateKey, key_id: str,
                revision: int = 1) -> dict[str, Any]:
    """The ticket JSON of an assignment with the office's signature, as the feed sends it."""
    digest = data.digest()
    return {"channel": data.channel, "ticket": data.ticket, "key": data.key,
            "revision": revision, "digest": digest, "data": data.to_dict(),
            "profile_name": "changchun", "contact_limit_min": 30, "state": "assigned",
            "inspector": "li", "complaint_at": data.complaint_at,
            "signature": {"key_id": key_id, "value": sign_ticket(
                private, data.channel, data.ticket, revision, digest, data.complaint_at)}}
