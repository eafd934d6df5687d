"""How the review list is filtered, ordered and paged: the SQL pieces, kept apart from storage.

Why it is shaped this way:
- Every sort orders by `(sort column, test_at, ref)` all in one direction, so one index
  `(…, sort column, test_at, ref)` serves it read forward (asc) or backward (desc), and ties on
  the sort column still page deterministically (`ref`, device.record id, is unique; a record id
  alone is not: two devices may use one).
- Keyset paging: the cursor carries those key values of the last row, and the next page is the
  row-value range `(keys) < (cursor)` (`>` ascending), an index seek that never walks skipped
  rows. The cursor also names its sort and order, so one made for another ordering is refused
  rather than silently starting somewhere odd. It is opaque base64 JSON for the client.
- The address prefix is an index range `address >= p AND address < p || U+10FFFF` (text is
  compared as UTF-8 bytes on both backends, collation "C" on PostgreSQL, and U+10FFFF encodes
  above every other character), not a LIKE scan.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inspector_app.bounded_json import JsonInputError, read_json

FILTER_COLUMNS = ("district", "company", "inspector", "verdict", "review_state", "training",
                  "device_id", "chain_state")
SUMMARY_COLS = ("ref", "record_id", "device_id", "seq", "sha256", "test_at", "sealed_at", "received_at",
                "received_via", "training", "district", "company", "inspector", "verdict",
                "ticket", "address", "supersedes", "verification", "chain_state", "review_state",
                "review_comment", "reviewed_at", "reviewed_by", "envelope_size", "synthetic")
SORTS = ("test_at", "received_at", "district", "company", "inspector", "verdict",
         "review_state", "address")
ORDERS = ("desc", "asc")
# Filter values written into the SQL rather than bound: columns of a few values, some rare (a
# training record, a chain gap, a resubmission). PostgreSQL may plan a prepared statement once
# for any value (a generic plan, after psycopg has run it five times on a connection); for
# `training = $1` that plan walks test_at and checks every row, fine for the common value and a
# table's worth of reading for the rare one. Written in, each value gets its own plan. Anything
# else (a value not listed here) is still bound as a parameter.
LITERAL_VALUES: dict[str, tuple[Any, ...]] = {
    "training": (0, 1),
    "verdict": ("pass", "fail", "incomplete"),
    "review_state": ("received", "approved", "has_issues", "rejected", "resubmitted"),
    "chain_state": ("ok", "gap", "fork"),
}
MAX_CHAR = 0x10FFFF
MAX_CURSOR_BYTES = 2000  # a cursor is [sort, order, key values]: flat and short


@dataclass
class RecordFilter:
    date_from: date | None = None
    date_to: date | None = None
    district: str | None = None
    company: str | None = None
    inspector: str | None = None
    verdict: str | None = None
    review_state: str | None = None
    training: bool | None = None
    device_id: str | None = None
    chain_state: str | None = None
    ticket: str | None = None
    address_prefix: str | None = None

    def where(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.date_from:
            clauses.append("test_at >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:  # inclusive: everything before the next day's first instant
            clauses.append("test_at < ?")
            params.append((self.date_to + timedelta(days=1)).isoformat())
        for name in FILTER_COLUMNS:
            value = getattr(self, name)
            if value is None:
                continue
            value = int(value) if isinstance(value, bool) else value
            if any(value == v and type(value) is type(v) for v in LITERAL_VALUES.get(name, ())):
                clauses.append(f"{name} = {value!r}")  # one of the listed ints or plain words
            else:
                clauses.append(f"{name} = ?")
                params.append(value)
        if self.ticket is not None:
            clauses.append("ticket = ?")
            params.append(self.ticket)
        if self.address_prefix:
            clauses += ["address >= ?", "address < ?"]
            params += [self.address_prefix, self.address_prefix + chr(MAX_CHAR)]
        return clauses, params


@dataclass
class Page:
    total: int
    items: list[dict[str, Any]]
    next_cursor: str | None
    offset: int | None = None
    total_exact: bool = True


@dataclass(frozen=True)
class Ordering:
    """A sort column and direction; raises ValueError for anything not in SORTS / ORDERS."""

    sort: str = "test_at"
    order: str = "desc"

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.order not in ORDERS:
            raise ValueError(f"order must be asc or desc, not {self.order!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return ("test_at", "ref") if self.sort == "test_at" else (
            self.sort, "test_at", "ref")

    def order_by(self) -> str:
        return ", ".join(f"{k} {self.order.upper()}" for k in self.keys)

    def after(self) -> str:
        """The keyset clause: rows past the cursor in this ordering."""
        op = "<" if self.order == "desc" else ">"
        return f"({', '.join(self.keys)}) {op} ({', '.join('?' * len(self.keys))})"

    def key_of(self, item: dict[str, Any]) -> list[str]:
        return [item[k] for k in self.keys]

    def encode(self, key: list[str]) -> str:
        raw = json.dumps([self.sort, self.order, *key], ensure_ascii=False).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    def decode(self, cursor: str) -> list[str]:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            sort, order, *key = read_json(raw, max_bytes=MAX_CURSOR_BYTES, max_depth=1,
                                          refuse_nul=True)
        except (ValueError, TypeError, JsonInputError) as exc:
            raise ValueError("malformed cursor") from exc
        if (sort, order) != (self.sort, self.order):
            raise ValueError(f"the cursor was made for sort={sort} order={order}, not for"
                             f" sort={self.sort} order={self.order}")
        if len(key) != len(self.keys) or not all(isinstance(v, str) for v in key):
            raise ValueError("malformed cursor")
        return key


def page_sql(columns: str, filt: RecordFilter, ordering: Ordering,
             key: list[str] | None, limit: int | None = None,
             offset: int | None = None) -> tuple[str, list[Any]]:
    """`SELECT columns ... ORDER BY ...` after `key` (None: from the start), `LIMIT limit`
    and `OFFSET offset` when given: the page and export queries, built only here so the plan
    tests check what the store runs."""
    clauses, params = filt.where()
    if key is not None:
        clauses.append(ordering.after())
        params += key
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT {columns} FROM records{where} ORDER BY {ordering.order_by()}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return sql, params


def count_sql(filt: RecordFilter, cap: int | None = None) -> tuple[str, list[Any]]:
    """Count the matching records, exactly or up to `cap` (the index stops being read there)."""
    clauses, params = filt.where()
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    if cap is None:
        return f"SELECT count(*) FROM records{where}", params
    return (f"SELECT count(*) FROM (SELECT 1 FROM records{where} LIMIT ?) AS capped",
            [*params, cap])
