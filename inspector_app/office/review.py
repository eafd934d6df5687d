"""The review list and a reviewer's decisions on a record.

- Review states: received → approved / has_issues / rejected by a reviewer; a record that
  supersedes an already reviewed one arrives `resubmitted`. Every change and comment is a
  `review_events` row (kind state|comment|resubmission|superseded, from_state, by, at).
- The list must stay quick over a million records: every filter column has an index
  `(column, test_at, ref)`, so a filtered page is an index range read in sort order, and paging
  by keyset `(test_at, ref)` never scans skipped rows; sorts by other columns have
  `(district, column, test_at, ref)` indexes for a district's supervisor (`office.listing`).
- `test_at` is the visit's own ISO time with its offset, so a date filter is a prefix range on
  the inspector's local date; ordering compares the text (bytes, on both backends), exact while
  a district's laptops share one UTC offset (all of China does).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from inspector_app.core.visit_from_ticket import ticket_source
from inspector_app.office.db import Database
from inspector_app.office.listing import (
    SUMMARY_COLS,
    Ordering,
    Page,
    RecordFilter,
    count_sql,
    page_sql,
)
from inspector_app.office.values import now_iso

REVIEW_STATES = ("received", "approved", "has_issues", "rejected", "resubmitted")
REVIEW_STATE_ZH = {"received": "待审核", "approved": "已认可", "has_issues": "有问题待补充",
                   "rejected": "不予认可", "resubmitted": "已重新提交，待再审"}
# what a reviewer may set; "received" and "resubmitted" are set by arrivals only
REVIEWER_STATES = ("approved", "has_issues", "rejected")
COUNT_CAP = 10_000


class ReviewStore:
    """Listing, reading and reviewing records (a part of `OfficeStore`)."""

    db: Database

    # -- review --------------------------------------------------------------------------------
    def list_records(self, filt: RecordFilter, limit: int = 50, cursor: str | None = None,
                     offset: int | None = None, count_cap: int | None = COUNT_CAP,
                     ordering: Ordering | None = None) -> Page:
        """A page in `ordering` (default: newest test first), with the total for the filters.

        Keyset (`cursor`) is the scalable way; `offset` is offered for jumping to a page number.
        The total is exact up to `count_cap` (then `total_exact` is False and the total is the
        cap, shown as "10000+"): counting two combined filters over a million rows means a
        table lookup per matching row when no index covers both, which a page view must not
        wait for. `count_cap=None` counts exactly. A cursor of another ordering: ValueError.
        """
        ordering = ordering or Ordering()
        key = ordering.decode(cursor) if cursor else None
        sql, params = page_sql(", ".join(SUMMARY_COLS), filt, ordering, key, limit=limit + 1,
                               offset=None if cursor else offset)
        cap = None if count_cap is None else count_cap + 1
        # one connection for both: on PostgreSQL each checkout costs round trips to the server
        with self.db.reading() as c:
            counted = c.execute(*count_sql(filt, cap)).scalar()
            rows = c.execute(sql, params).fetchall()
        exact = count_cap is None or counted <= count_cap
        total = counted if count_cap is None else min(counted, count_cap)
        items = [self._summary(r) for r in rows[:limit]]
        next_cursor = (ordering.encode(ordering.key_of(items[-1]))
                       if len(rows) > limit else None)
        return Page(total=total, items=items, next_cursor=next_cursor, offset=offset,
                    total_exact=exact)

    def count_records(self, filt: RecordFilter, cap: int | None = None) -> int:
        """Matching records, counted exactly or up to `cap`."""
        return self.db.scalar(*count_sql(filt, cap))

    def iter_summaries(self, filt: RecordFilter, ordering: Ordering,
                       chunk: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching record's summary in `ordering`, read `chunk` rows at a time by keyset.

        Each chunk is its own short query on the calling thread's connection, so a long export
        never holds a read transaction open and may be resumed on another worker thread.
        """
        key: list[str] | None = None
        while True:
            rows = self.db.query(*page_sql(", ".join(SUMMARY_COLS), filt, ordering, key,
                                           limit=chunk))
            for row in rows:
                yield self._summary(row)
            if len(rows) < chunk:
                return
            key = ordering.key_of(self._summary(rows[-1]))

    def _with_revisions(self, source: dict[str, Any]) -> dict[str, Any]:
        """Say on which of the ticket's revisions a dispatched record rests, and how many the
        office holds: a record sealed from an earlier revision is not hidden behind the
        latest one (the hotline may have corrected the complaint time since)."""
        if not source.get("dispatched"):
            return source
        latest = self.db.scalar("SELECT max(revision) FROM ticket_revisions WHERE channel=?"
                                " AND ticket=?", (source.get("channel"), source.get("ticket")))
        source["latest_revision"] = latest
        used = source.get("revision")
        if latest is not None and isinstance(used, int) and used < latest:
            source["label_zh"] += f"，依据第 {used} 版（工单现有 {latest} 版）"
            source["label_en"] += f", from revision {used} (the ticket now has {latest})"
        return source

    @staticmethod
    def _summary(row: tuple) -> dict[str, Any]:
        item = dict(zip(SUMMARY_COLS, row, strict=True))
        item["training"] = bool(item["training"])
        item["synthetic"] = bool(item["synthetic"])
        return item

    def iter_records(self, chunk: int = 500) -> Iterator[tuple[dict[str, Any], bytes]]:
        """Every record (summary, stored bytes) in arrival order: for `records --recheck` and
        `migrate-db`. Read `chunk` rows at a time by arrival number, so memory stays bounded."""
        after = 0
        while True:
            rows = self.db.query(f"SELECT {', '.join(SUMMARY_COLS)}, envelope, arrival"
                                 " FROM records WHERE arrival > ? ORDER BY arrival LIMIT ?",
                                 (after, chunk))
            for row in rows:
                yield self._summary(row[:-2]), bytes(row[-2])
            if len(rows) < chunk:
                return
            after = rows[-1][-1]

    def record(self, ref: str) -> dict[str, Any] | None:
        """Summary, the stored record, its review history, chain problems, successors, and the
        records other devices hold under the same record id (`same_id_elsewhere`: a sign of a
        copied or forged id, shown to the reviewer; never merged with this one)."""
        row = self.db.query_one(f"SELECT {', '.join(SUMMARY_COLS)}, envelope FROM records"
                                " WHERE ref=?", (ref,))
        if row is None:
            return None
        detail = self._summary(row[:-1])
        device_id, record_id = detail["device_id"], detail["record_id"]
        detail["envelope"] = json.loads(bytes(row[-1]).decode("utf-8"))
        record = detail["envelope"].get("record") if isinstance(detail["envelope"], dict) else None
        visit = record.get("visit") if isinstance(record, dict) else None  # synthetic rows: none
        detail["ticket_source"] = self._with_revisions(
            ticket_source(visit if isinstance(visit, dict) else {}))
        detail["review_history"] = [
            {"kind": r[4], "from_state": r[5], "state": r[0], "comment": r[1], "by": r[2],
             "at": r[3]}
            for r in self.db.query("SELECT state, comment, by, at, kind, from_state"
                                       " FROM review_events WHERE record_ref=? ORDER BY id",
                                       (ref,))]
        detail["chain_problems"] = self.chain_problems(record_id=record_id, device_id=device_id,
                                                       open_only=False)
        detail["superseded_by"] = [r[0] for r in self.db.query(
            "SELECT record_id FROM records WHERE device_id=? AND supersedes=? ORDER BY arrival",
            (device_id, record_id))]
        detail["same_id_elsewhere"] = [
            {"ref": r[0], "device_id": r[1], "sha256": r[2], "received_at": r[3]}
            for r in self.db.query("SELECT ref, device_id, sha256, received_at FROM records"
                                       " WHERE record_id=? AND ref<>? ORDER BY arrival",
                                       (record_id, ref))]
        return detail

    def set_review(self, ref: str, state: str, comment: str, by: str) -> dict[str, Any]:
        """Set a reviewer's decision (REVIEWER_STATES); logged with who, when and from what."""
        if state not in REVIEWER_STATES:
            raise ValueError(f"review state must be one of {REVIEWER_STATES}, not {state!r}")
        with self.db.write() as c:
            c.lock(f"record {ref}")
            at = now_iso()   # inside the lock: times follow the order of the history
            row = c.execute("SELECT review_state FROM records WHERE ref=?", (ref,)).fetchone()
            if row is None:
                raise KeyError(ref)
            c.execute("UPDATE records SET review_state=?, review_comment=?, reviewed_at=?,"
                      " reviewed_by=? WHERE ref=?", (state, comment, at, by, ref))
            c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                      " from_state) VALUES (?,?,?,?,?,'state',?)",
                      (ref, state, comment, by, at, row[0]))
        detail = self.record(ref)
        assert detail is not None
        return detail

    def add_comment(self, ref: str, comment: str, by: str) -> dict[str, Any]:
        """A comment without a change of state (still in the history, with who and when)."""
        with self.db.write() as c:
            c.lock(f"record {ref}")
            row = c.execute("SELECT review_state FROM records WHERE ref=?", (ref,)).fetchone()
            if row is None:
                raise KeyError(ref)
            c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                      " from_state) VALUES (?,?,?,?,?,'comment',?)",
                      (ref, row[0], comment, by, now_iso(), row[0]))
        detail = self.record(ref)
        assert detail is not None
        return detail

    def record_district(self, ref: str) -> str | None:
        row = self.db.query_one("SELECT district FROM records WHERE ref=?", (ref,))
        return None if row is None else row[0]

    def chain_problems(self, *, record_id: str | None = None, device_id: str | None = None,
                       open_only: bool = True) -> list[dict[str, Any]]:
        cols = ("id", "device_id", "kind", "record_id", "seq", "missing_seq", "expected_sha256",
                "detail", "opened_at", "closed_at", "closed_by")
        clauses, params = [], []
        if record_id:
            clauses.append("record_id=?")
            params.append(record_id)
        if device_id:
            clauses.append("device_id=?")
            params.append(device_id)
        if open_only:
            clauses.append("closed_at IS NULL")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return [dict(zip(cols, r, strict=True)) for r in self.db.query(
            f"SELECT {', '.join(cols)} FROM chain_gaps{where} ORDER BY id", params)]

