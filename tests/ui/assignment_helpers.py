"""Assignments as the office sends them, stored on the laptop through the store's own pull.

`pull(db, tickets, now)` builds the office's answer (ticket JSON signed with an office key, as
`GET /api/v1/assignments` answers) and saves it with `store.assignments.save_pull`, so the UI
tests read exactly what a real sync leaves in the laptop's store.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from inspector_app.core.tickets import STATE_ZH, TicketData, iso
from inspector_app.seal.ticket_signature import sign_ticket
from inspector_app.store import assignments as store

RESIDENTS = ("王芳", "刘强", "陈静", "赵磊", "孙丽", "周洋")
STREETS = ("人民大街", "自由大路", "西安大路", "亚泰大街", "解放大路", "南湖大路")


@dataclass
class OfficeKey:
    private: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def public_b64(self) -> str:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    @property
    def key_id(self) -> str:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return hashlib.sha256(raw).hexdigest()[:16]


def ticket_item(key: OfficeKey, number: str, complaint: datetime, *, state: str = "assigned",
                inspector: str = "li", n: int = 0, **extra: Any) -> dict[str, Any]:
    """One ticket JSON of the feed (the spec's list item), signed."""
    data = TicketData.validated({
        "channel": "12345", "ticket": number, "complaint_at": iso(complaint),
        "resident_name": RESIDENTS[n % len(RESIDENTS)], "resident_phone": f"1381234{5600 + n}",
        "city": "长春市", "district": "朝阳区", "street": STREETS[n % len(STREETS)],
        "community": "阳光小区", "building": str(3 + n), "unit": "2", "flat": f"{501 + n}",
        "company": "长春热力", "text": "卧室温度低"}, complaint + timedelta(minutes=1))
    digest = data.digest()
    deadline = (complaint + timedelta(minutes=30)).astimezone(UTC)
    item = {
        "channel": data.channel, "ticket": data.ticket, "key": data.key, "revision": 1,
        "digest": digest, "data": data.to_dict(), "profile_name": "changchun",
        "contact_limit_min": 30, "state": state, "state_zh": STATE_ZH[state],
        "inspector": inspector, "complaint_at": data.complaint_at,
        "deadline_at": deadline.strftime("%Y-%m-%dT%H:%M:%SZ"), "overdue": False,
        "minutes_since_complaint": 0.0, "contacted_at": None, "contact_method": None,
        "minutes_to_contact": None, "contacted_within_limit": None, "visit_at": None,
        "attempts": 0, "reason": "", "records": [], "district": data.district,
        "company": data.company, "address": data.address().one_line(),
        "received_at": data.complaint_at, "updated_at": data.complaint_at,
        "signature": {"key_id": key.key_id, "value": sign_ticket(
            key.private, data.channel, data.ticket, 1, digest, data.complaint_at)},
    }
    item.update(extra)
    return item


def pull(db, key: OfficeKey, items: list[dict[str, Any]], now: datetime, *,  # noqa: ANN001
         removed: list[dict[str, str]] = ()) -> None:
    """Store one page of the office's answer through the laptop store's own pull."""
    store.save_pull(db, {"assignments": items, "removed": list(removed), "cursor": "c",
                         "more": False, "office_time": iso(now),
                         "office_key": {"key_id": key.key_id, "public_key": key.public_b64}},
                    now)


def recorded_words() -> list[str]:
    """The free text these tickets carry (names, places, the company): shown as recorded."""
    return [*RESIDENTS, *STREETS, "长春市", "朝阳区", "阳光小区", "长春热力", "卧室温度低",
            *(TicketData.validated(
                {"channel": "12345", "ticket": "X", "complaint_at": "2026-12-01T08:00:00+08:00",
                 "resident_name": "x", "resident_phone": "13812345678", "city": "长春市",
                 "district": "朝阳区", "street": STREETS[n % len(STREETS)],
                 "community": "阳光小区", "building": str(3 + n), "unit": "2",
                 "flat": f"{501 + n}", "company": "长春热力"},
                datetime(2026, 12, 2, tzinfo=UTC)).address().one_line() for n in range(6))]
