"""Tickets, inspector accounts and their laptops for the office's ticket tests."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta, timezone

from inspector_app.core.tickets import TicketData
from inspector_app.office.store import OfficeStore
from inspector_app.office.values import now_iso, secret_hash

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 1, 5, 4, 0, tzinfo=UTC)   # in the past: the office refuses a future complaint


def raw_ticket(number: str = "A1", *, channel: str = "12345", district: str = "朝阳区",
               minutes_ago: float = 10, text: str = "暖气不热", now: datetime = NOW,
               **changes: str) -> dict[str, str]:
    complaint = (now - timedelta(minutes=minutes_ago)).astimezone(CST)
    raw = {"channel": channel, "ticket": number,
           "complaint_at": complaint.isoformat(timespec="seconds"),
           "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
           "district": district, "street": "人民大街", "community": "幸福小区",
           "building": "3", "unit": "2", "flat": "501", "company": "长春热力", "text": text}
    raw.update(changes)
    return raw


def ticket(number: str = "A1", **kw) -> TicketData:
    return TicketData.validated(raw_ticket(number, **kw), datetime.now(UTC))


def add_inspector(store: OfficeStore, name: str, district: str = "朝阳区", *,
                  laptops: int = 1) -> list[str]:
    """An inspector account with `laptops` enrolled laptops (device ids)."""
    store.add_user(name, "inspector", "!", district)
    return [add_laptop(store, name) for _ in range(laptops)]


def add_laptop(store: OfficeStore, inspector: str) -> str:
    """A laptop enrolled for `inspector` (as `enroll` leaves one: a token hash, the inspector)."""
    device_id = secrets.token_hex(8)
    with store.write() as c:
        c.execute("INSERT INTO devices (device_id, public_key, token_hash, label, enrolled_via,"
                  " enrolled_at, inspector) VALUES (?,?,?,?,'code',?,?)",
                  (device_id, secrets.token_hex(16), secret_hash(secrets.token_hex(8)),
                   "laptop", now_iso(), inspector))
    return device_id


def feed(store: OfficeStore) -> list[tuple]:
    return [tuple(r) for r in store.query(
        "SELECT inspector, channel, ticket, seq, removed, removed_reason FROM ticket_feed"
        " ORDER BY seq")]
