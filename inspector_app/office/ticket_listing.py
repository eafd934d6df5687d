"""How the office shows a ticket: its JSON (one shape for every API and the UI), the
supervisors' filtered list with keyset paging, and the opaque cursor of that list.

Why apart from `office.tickets`: the store decides what is written (under locks, from the
events); this module only reads the `tickets` row, whose state columns are the replay of the
events, and adds what depends on the moment of asking (overdue, minutes since the complaint).
The list is ordered oldest complaint first on (complaint_utc, channel, ticket), an index seek
per page (`tickets_list`) however deep the paging goes.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from inspector_app.core.profile import load_profile
from inspector_app.core.tickets import STATE_ZH, STATES, TicketStatus
from inspector_app.office.db import Database
from inspector_app.office.values import utc_iso

# The tickets row as the JSON needs it; `_item` reads them by position.
TICKET_COLUMNS = ("channel", "ticket", "revision", "digest", "data", "profile_name",
                  "complaint_at", "deadline_utc", "state", "inspector", "contacted_at",
                  "contact_method", "visit_at", "attempts", "reason", "district", "company",
                  "address", "received_at", "updated_at", "delivered_at")
SELECT_TICKET = f"SELECT {', '.join(TICKET_COLUMNS)} FROM tickets"
MAX_CURSOR_CHARS = 2000
MAX_LIMIT = 500
# Overdue, as SQL: still open and not contacted, its deadline passed (one `?`: now, UTC text).
OVERDUE_SQL = ("(state IN ('received', 'assigned') AND contacted_at IS NULL"
               " AND deadline_utc < ?)")


class TicketRefusal(Exception):
    """An office refusal about tickets: a code for programs, words in both languages, and the
    HTTP status an API answers with."""

    def __init__(self, code: str, zh: str, en: str, status: int = 422) -> None:
        super().__init__(en)
        self.code, self.zh, self.en, self.status = code, zh, en, status

    def body(self) -> dict[str, str]:
        return {"error": self.code, "reason": self.en, "reason_zh": self.zh}


@dataclass(frozen=True)
class TicketFilter:
    """What a list of tickets is narrowed to; None is 'any'."""

    district: str | None = None
    state: str | None = None
    overdue: bool | None = None
    inspector: str | None = None
    company: str | None = None
    channel: str | None = None


@lru_cache(maxsize=32)
def contact_limit(profile_name: str) -> int:
    """Minutes within which the resident must be contacted, by the ticket's profile."""
    return load_profile(profile_name).contact_within_min


def ticket_item(row: Sequence[Any], now: datetime, records: Sequence[str] = ()) -> dict[str, Any]:
    """The ticket JSON of one `SELECT_TICKET` row, as seen at `now` (aware)."""
    r = dict(zip(TICKET_COLUMNS, row, strict=True))
    limit = contact_limit(r["profile_name"])
    status = TicketStatus(state=r["state"], complaint_at=r["complaint_at"],
                          inspector=r["inspector"], contacted_at=r["contacted_at"],
                          contact_method=r["contact_method"], attempts=r["attempts"],
                          visit_at=r["visit_at"], reason=r["reason"])
    return {
        "channel": r["channel"], "ticket": r["ticket"], "key": f"{r['channel']}/{r['ticket']}",
        "revision": r["revision"], "digest": r["digest"], "data": json.loads(r["data"]),
        "profile_name": r["profile_name"], "contact_limit_min": limit,
        "state": r["state"], "state_zh": STATE_ZH[r["state"]], "inspector": r["inspector"],
        "complaint_at": r["complaint_at"], "deadline_at": r["deadline_utc"],
        "overdue": status.overdue(limit, now),
        "minutes_since_complaint": status.minutes_since_complaint(now),
        "contacted_at": r["contacted_at"], "contact_method": r["contact_method"],
        "minutes_to_contact": status.minutes_to_contact(),
        "contacted_within_limit": status.contacted_within(limit),
        "visit_at": r["visit_at"], "attempts": r["attempts"], "reason": r["reason"],
        "records": list(records), "district": r["district"], "company": r["company"],
        "address": r["address"], "received_at": r["received_at"], "updated_at": r["updated_at"],
        # when a laptop of the inspector holding it first received this assignment (None: not
        # yet, or not assigned); see `office.delivery`
        "delivered_at": r["delivered_at"] if r["inspector"] else None,
    }


def tested_records(db: Database, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str],
                                                                             list[str]]:
    """The records each ticket was tested by (its `tested` events), oldest first."""
    found: dict[tuple[str, str], list[str]] = {}
    if not keys:
        return found
    keys = list(dict.fromkeys(keys))
    values = ", ".join("(?, ?)" for _ in keys)
    params = [part for key in keys for part in key]
    # joined, not `(channel, ticket) IN (VALUES ...)`, which SQLite answers with a full scan
    for channel, ticket, data in db.query(
            "SELECT e.channel, e.ticket, e.data FROM (VALUES " + values + ") AS k"
            " JOIN ticket_events AS e ON e.channel = k.column1 AND e.ticket = k.column2"
            " WHERE e.kind = 'tested' ORDER BY e.id", params):
        found.setdefault((channel, ticket), []).append(str(json.loads(data).get("record", "")))
    return found


def _bad_cursor() -> TicketRefusal:
    return TicketRefusal("bad_cursor", "分页游标无效", "the paging cursor is not valid", 400)


def encode_cursor(keys: Sequence[str]) -> str:
    raw = json.dumps(list(keys), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> list[str]:
    """[complaint_utc, channel, ticket] of the last row of the previous page."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise _bad_cursor()
    try:
        keys = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise _bad_cursor() from exc
    if (not isinstance(keys, list) or len(keys) != 3
            or not all(isinstance(k, str) and "\x00" not in k for k in keys)):
        raise _bad_cursor()
    return keys


def list_tickets(db: Database, f: TicketFilter, *, limit: int = 50, after: str | None = None,
                 now: datetime | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of tickets matching `f`, oldest complaint first, and the next page's cursor
    (None at the end). `now` decides what is overdue (default: the clock)."""
    if f.state is not None and f.state not in STATES:
        raise TicketRefusal("bad_state", "工单状态只能是：" + "、".join(STATES),
                            f"a ticket state is one of {', '.join(STATES)}")
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    limit = max(1, min(limit, MAX_LIMIT))
    clauses: list[str] = []
    params: list[Any] = []
    for column in ("district", "state", "inspector", "company", "channel"):
        value = getattr(f, column)
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.overdue is not None:
        clauses.append(OVERDUE_SQL if f.overdue else f"NOT {OVERDUE_SQL}")
        params.append(utc_iso(now))
    if after is not None:
        clauses.append("(complaint_utc, channel, ticket) > (?, ?, ?)")
        params.extend(decode_cursor(after))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.query(f"SELECT {', '.join(TICKET_COLUMNS)}, complaint_utc FROM tickets{where}"
                    " ORDER BY complaint_utc, channel, ticket LIMIT ?", [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    records = tested_records(db, [(r[0], r[1]) for r in rows])
    items = [ticket_item(r[:-1], now, records.get((r[0], r[1]), ())) for r in rows]
    cursor = encode_cursor([rows[-1][-1], rows[-1][0], rows[-1][1]]) if more else None
    return items, cursor
