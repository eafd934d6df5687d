"""Records arriving at the office: stored once as the exact bytes, chained per device.

- The record keeps the exact bytes it arrived as (`envelope`) plus columns copied out of it for
  the review filters. The copied columns are derived data: the bytes are the evidence.
- A record is identified by its device *and* its id: `ref` = `device_id.record_id`. Record ids
  are printed on every slip, so they are public: were the id alone the key, any enrolled laptop
  could store its own record under another laptop's id first and have the real one refused.
  Records of several devices under one id are all kept and shown side by side
  (`records_by_public_id`, `record()["same_id_elsewhere"]`), and `supersedes` is resolved within
  the device.
- One device's records are linked into its chain under a lock on that device, so two office
  processes receiving the same laptop's records judge gaps and forks as one would.
- `arrival` numbers records in the order they arrived (a sequence on PostgreSQL).
- The photos a record cites are listed in `record_photos` in the same transaction, so a record
  is never stored without the list of what it still needs (`office.photos`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspector_app.office.cases import refresh_for
from inspector_app.office.db import Database, Tx
from inspector_app.office.households import UPSERT

if TYPE_CHECKING:
    from inspector_app.office.store import OfficeStore
from inspector_app.office.values import (
    CHAIN_FORK,
    CHAIN_GAP,
    CHAIN_OK,
    now_iso,
    record_ref,
    split_ref,
)


@dataclass
class Incoming:
    """A verified record ready to store: the bytes and the columns the review filters need."""

    record_id: str
    device_id: str
    seq: int
    sha256: str
    prev_sha256: str | None
    envelope: bytes
    sealed_at: str
    training: bool
    test_at: str
    district: str = ""
    company: str = ""
    inspector: str = ""
    verdict: str = ""
    ticket: str = ""
    address: str = ""
    supersedes: str | None = None
    profile_name: str = ""
    complaint_at: str | None = None
    contact_min: float | None = None
    arrival_min: float | None = None
    household: str = ""            # `core.household` id of the visit's address ('' if none)
    household_key: str = ""        # its normalised key

    @property
    def ref(self) -> str:
        return record_ref(self.device_id, self.record_id)


@dataclass
class Stored:
    """What happened to one incoming record: created, already present, or a conflict."""

    record_id: str
    outcome: str                   # 'created' | 'present' | 'conflict'
    sha256: str
    chain_state: str = CHAIN_OK
    existing_sha256: str | None = None
    ref: str = ""


def cited_photos(item: Incoming) -> list[str]:
    """The photo hashes a (real, verified) record cites in `record.photos`."""
    if b'"photos"' not in item.envelope:
        return []
    try:
        photos = json.loads(item.envelope).get("record", {}).get("photos", [])
    except (ValueError, AttributeError):
        return []
    if not isinstance(photos, list):
        return []
    return sorted({p["sha256"] for p in photos
                   if isinstance(p, dict) and isinstance(p.get("sha256"), str)})


class RecordStore:
    """Storing and reading records and their chains (a part of `OfficeStore`)."""

    db: Database

    @property
    def _next_arrival(self) -> str:
        """SQL for the next arrival number (SQLite: under the write lock every insert holds)."""
        return ("nextval('records_arrival_seq')" if self.db.postgres
                else "(SELECT coalesce(max(arrival), 0) + 1 FROM records)")

    # -- records -------------------------------------------------------------------------------
    def record_bytes(self, ref: str) -> tuple[str, bytes] | None:
        """(sha256, exact stored bytes) of the record `ref` (`record_ref`), or None."""
        row = self.db.query_one("SELECT sha256, envelope FROM records WHERE ref=?",
                                (ref,))
        return None if row is None else (row[0], bytes(row[1]))

    def refs_for(self, name: str) -> list[str]:
        """The refs a client's name for a record may mean: a ref itself, or a bare record id
        (several devices may hold records under one id; the caller decides what to do)."""
        if split_ref(name) is not None:
            found = self.db.query_one("SELECT ref FROM records WHERE ref=?", (name,))
            return [found[0]] if found else []
        return [r[0] for r in self.db.query(
            "SELECT ref FROM records WHERE record_id=? ORDER BY arrival", (name,))]

    def records_by_public_id(self, record_id: str) -> list[dict[str, Any]]:
        """Every record held under a public record id (the one printed on the slip and in the
        QR code), oldest arrival first, for the public verification page.

        Record ids are chosen by the laptops, so another device may have stored a record under
        the same id (by mistake or to confuse): the page must pick the one whose `sha256` is the
        hash after `#` in the QR link, and show the device it came from. Each item: ref,
        record_id, device_id, seq, sha256, sealed_at, test_at, received_at, training,
        verification, chain_state, review_state, supersedes, superseded_by (the record ids of
        the same device's records correcting it). Synthetic rows are never listed.
        """
        cols = ("ref", "record_id", "device_id", "seq", "sha256", "sealed_at", "test_at",
                "received_at", "training", "verification", "chain_state", "review_state",
                "supersedes")
        out = []
        for row in self.db.query(f"SELECT {', '.join(cols)} FROM records WHERE record_id=?"
                                     " AND synthetic=0 ORDER BY arrival", (record_id,)):
            item = dict(zip(cols, row, strict=True))
            item["training"] = bool(item["training"])
            item["superseded_by"] = [r[0] for r in self.db.query(
                "SELECT record_id FROM records WHERE device_id=? AND supersedes=?"
                " ORDER BY arrival", (item["device_id"], record_id))]
            out.append(item)
        return out

    def store_records(self, incoming: Iterable[Incoming], via: str,
                      all_or_nothing: bool = True,
                      seen_device: str | None = None) -> list[Stored]:
        """Store verified records in one transaction, tracking each device's chain.

        Same id and same sha256 → 'present' (nothing written). Same id, other sha256 →
        'conflict'; with `all_or_nothing` the first conflict rolls everything back (and is
        returned alone) so a bundle never half-imports. `seen_device`: the uploading device,
        noted as last seen in the same transaction (one commit per upload, not two).
        """
        items = sorted(incoming, key=lambda i: (i.device_id, i.seq, i.record_id))
        results: list[Stored] = []
        created: set[tuple[str, str]] = set()
        homes: dict[str, tuple[str, ...]] = {}
        with self.db.write() as c:
            for device_id in sorted({i.device_id for i in items}):
                c.lock(f"device {device_id}")   # one device's chain is judged by one writer
            if seen_device is not None:
                c.execute("UPDATE devices SET last_seen_at=? WHERE device_id=?",
                          (now_iso(), seen_device))
            for item in items:
                row = c.execute("SELECT sha256, chain_state FROM records WHERE ref=?",
                                (item.ref,)).fetchone()
                if row is not None:
                    if row[0] == item.sha256:
                        results.append(Stored(item.record_id, "present", item.sha256,
                                              chain_state=row[1], ref=item.ref))
                        continue
                    conflict = Stored(item.record_id, "conflict", item.sha256,
                                      existing_sha256=row[0], ref=item.ref)
                    if all_or_nothing:
                        raise _Abort(conflict)
                    results.append(conflict)
                    continue
                state = self._insert(c, item, via)
                results.append(Stored(item.record_id, "created", item.sha256, chain_state=state,
                                      ref=item.ref))
                created.add((item.household, item.test_at))
                if item.household:
                    homes.setdefault(item.household, (
                        item.household, item.household_key, item.household_key.split("|")[0],
                        item.district, item.address, now_iso()))
            # in id order: two uploads meeting the same new households never wait in a circle
            c.executemany(UPSERT, [homes[h] for h in sorted(homes)])
            refresh_for(c, created)   # the cases of the households these records reach
        return results

    def _insert(self, c: Tx, item: Incoming, via: str) -> str:
        c.execute(
            "INSERT INTO records (ref, record_id, device_id, seq, sha256, prev_sha256, envelope,"
            " envelope_size, received_at, received_via, sealed_at, training, test_at, district,"
            " company, inspector, verdict, ticket, address, supersedes, profile_name,"
            " complaint_at, contact_min, arrival_min, household, arrival)"
            f" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, {self._next_arrival})",
            (item.ref, item.record_id, item.device_id, item.seq, item.sha256, item.prev_sha256,
             item.envelope, len(item.envelope), now_iso(), via, item.sealed_at,
             int(item.training), item.test_at, item.district, item.company, item.inspector,
             item.verdict, item.ticket, item.address, item.supersedes, item.profile_name,
             item.complaint_at, item.contact_min, item.arrival_min, item.household))
        c.executemany("INSERT INTO record_photos (record_ref, sha256) VALUES (?,?)"
                      " ON CONFLICT DO NOTHING", [(item.ref, sha) for sha in cited_photos(item)])
        self._mark_resubmission(c, item)   # first: its record lock before any row is updated
        state = self._link_chain(c, item)
        self._close_gaps(c, item)
        return state

    def _mark_resubmission(self, c: Tx, item: Incoming) -> None:
        """A record superseding a reviewed one needs review again: it arrives 'resubmitted'.

        Both records get a history line (by 'system'); the old one keeps its review state, so
        what the reviewer decided about it stays visible. A record supersedes only its own
        device's record (the laptop corrects its own): another device naming the id touches
        nothing.
        """
        if not item.supersedes:
            return
        old_ref = record_ref(item.device_id, item.supersedes)
        c.lock(f"record {old_ref}")   # a review decision on it in progress is waited for
        old = c.execute("SELECT review_state FROM records WHERE ref=?", (old_ref,)).fetchone()
        if old is None or old[0] == "received":
            return
        at = now_iso()
        c.execute("UPDATE records SET review_state='resubmitted' WHERE ref=?", (item.ref,))
        c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                  " from_state) VALUES (?,?,?,?,?,'resubmission',?)",
                  (item.ref, "resubmitted", f"supersedes {item.supersedes} ({old[0]})",
                   "system", at, "received"))
        c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                  " from_state) VALUES (?,?,?,?,?,'superseded',?)",
                  (old_ref, old[0], f"superseded by {item.record_id}", "system", at, old[0]))

    def _link_chain(self, c: Tx, item: Incoming) -> str:
        """Judge the new record against its predecessor; record a gap or fork when needed."""
        problems: list[tuple[str, int | None, str | None, str]] = []
        same_seq = c.execute("SELECT record_id FROM records WHERE device_id=? AND seq=?"
                             " AND record_id<>?", (item.device_id, item.seq,
                                                   item.record_id)).fetchone()
        if same_seq is not None:
            problems.append(("fork", None, None, f"seq {item.seq} also used by {same_seq[0]}"))
        if item.seq <= 1 or item.prev_sha256 is None:
            if item.seq > 1 or item.prev_sha256 is not None:
                problems.append(("fork", None, item.prev_sha256,
                                 f"seq {item.seq} with prev_sha256 {item.prev_sha256!r}"))
        else:
            prev = c.execute("SELECT seq FROM records WHERE device_id=? AND sha256=?",
                             (item.device_id, item.prev_sha256)).fetchone()
            if prev is not None:
                if prev[0] != item.seq - 1:
                    problems.append(("fork", None, item.prev_sha256,
                                     f"previous record has seq {prev[0]}, expected {item.seq - 1}"))
            else:
                other = c.execute("SELECT record_id FROM records WHERE device_id=? AND seq=?",
                                  (item.device_id, item.seq - 1)).fetchone()
                if other is not None:
                    problems.append(("fork", item.seq - 1, item.prev_sha256,
                                     f"seq {item.seq - 1} is {other[0]} with another hash"))
                else:
                    problems.append(("gap", item.seq - 1, item.prev_sha256,
                                     f"seq {item.seq - 1} not received"))
        for kind, missing, expected, detail in problems:
            c.execute("INSERT INTO chain_gaps (device_id, kind, record_id, seq, missing_seq,"
                      " expected_sha256, detail, opened_at) VALUES (?,?,?,?,?,?,?,?)",
                      (item.device_id, kind, item.record_id, item.seq, missing, expected,
                       detail, now_iso()))
        state = CHAIN_FORK if any(p[0] == "fork" for p in problems) else (
            CHAIN_GAP if problems else CHAIN_OK)
        if state != CHAIN_OK:
            c.execute("UPDATE records SET chain_state=? WHERE ref=?", (state, item.ref))
        return state

    def _close_gaps(self, c: Tx, item: Incoming) -> None:
        """A late arrival closes the gap its successor opened (when its hash is the expected)."""
        waiting = c.execute("SELECT id, record_id, expected_sha256 FROM chain_gaps"
                            " WHERE device_id=? AND missing_seq=? AND kind='gap'"
                            " AND closed_at IS NULL", (item.device_id, item.seq)).fetchall()
        for gap_id, successor, expected in waiting:
            if expected == item.sha256:
                c.execute("UPDATE chain_gaps SET closed_at=?, closed_by=? WHERE id=?",
                          (now_iso(), item.record_id, gap_id))
                self._refresh_chain_state(c, item.device_id, successor)
            else:
                c.execute("INSERT INTO chain_gaps (device_id, kind, record_id, seq, missing_seq,"
                          " expected_sha256, detail, opened_at) VALUES (?,?,?,?,?,?,?,?)",
                          (item.device_id, "fork", item.record_id, item.seq, None, expected,
                           f"{successor} expects another record at seq {item.seq}", now_iso()))
                c.execute("UPDATE records SET chain_state='fork' WHERE ref IN (?,?)",
                          (item.ref, record_ref(item.device_id, successor)))

    def _refresh_chain_state(self, c: Tx, device_id: str,
                             record_id: str) -> None:
        kinds = {r[0] for r in c.execute("SELECT kind FROM chain_gaps WHERE device_id=?"
                                         " AND record_id=? AND closed_at IS NULL",
                                         (device_id, record_id))}
        state = CHAIN_FORK if "fork" in kinds else CHAIN_GAP if "gap" in kinds else CHAIN_OK
        c.execute("UPDATE records SET chain_state=? WHERE ref=?",
                  (state, record_ref(device_id, record_id)))

    def set_verification(self, ref: str, state: str) -> None:
        """The office's recheck of a stored record; a record that fails it opens no case, so
        its household's cases are regrouped."""
        with self.db.write() as c:
            row = c.execute("UPDATE records SET verification=? WHERE ref=?"
                            " RETURNING household, test_at", (state, ref)).fetchone()
            if row is not None:
                refresh_for(c, {(row[0], row[1])})



class _Abort(Exception):
    """Internal: roll back a bundle transaction on its first conflict."""

    def __init__(self, stored: Stored) -> None:
        super().__init__(stored.ref)
        self.stored = stored


def store_all_or_nothing(store: OfficeStore, incoming: list[Incoming],
                         via: str) -> tuple[list[Stored], Stored | None]:
    """`store_records` that returns (results, None) or ([], the conflicting record)."""
    try:
        return store.store_records(incoming, via, all_or_nothing=True), None
    except _Abort as abort:
        return [], abort.stored
