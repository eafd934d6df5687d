"""The office's own SQLite store: devices, one-time enrolment codes, records, chain gaps, reviews.

Why it is shaped this way:
- Its own migration list and its own file. The laptop's `store.database.MIGRATIONS` belongs to the
  app; the office must be upgradable on its own, so it keeps a small list here and counts it in
  `PRAGMA user_version` the same way (one transaction per step).
- One connection per thread (WAL): uvicorn runs the blocking handlers in a thread pool, and WAL
  lets reviewers read while a device uploads. Every write is one `BEGIN IMMEDIATE` transaction.
- The record keeps the exact bytes it arrived as (`envelope` BLOB) plus columns copied out of it
  for the review filters. The copied columns are derived data: the bytes are the evidence.
- Secrets are stored only as SHA-256 hashes: enrolment codes, device tokens, admin tokens and
  session tokens are all long random strings, so a fast hash is enough; people's passwords are
  argon2id hashes (`users.password_hash`, made in `office.auth`).
- Review states (migration 2): received → approved / has_issues / rejected by a reviewer; a
  record that supersedes an already reviewed one arrives `resubmitted`. Every change and comment
  is a `review_events` row (kind state|comment|resubmission|superseded, from_state, by, at).
- A record is identified by its device *and* its id (migration 7): `ref` = `device_id.record_id`
  is the key, and review events and rulings name records by it. Record ids are printed on every
  slip, so they are public: were the id alone the key, any enrolled laptop could store its own
  record under another laptop's id first and have the real one refused. Now each device has its
  own id space; records of several devices under one id are all kept and shown side by side
  (`records_by_public_id`, `record()["same_id_elsewhere"]`), and `supersedes` is resolved within
  the device. Device ids (16 hex) hold no dot, so a ref splits unambiguously (`split_ref`).
- Review listing must stay quick over a million records: every filter column has an index
  `(column, test_at, ref)`, so a filtered page is an index range read in sort order, and
  paging by keyset `(test_at, ref)` never scans skipped rows. Sorting by other columns
  (migration 4, rebuilt by 7) has `(district, column, test_at, ref)` indexes for a district's
  supervisor; the SQL pieces are in `office.listing`.
- Refund rulings (migration 5) are issued here, by the office, and kept with their inputs; a
  newer ruling on the same record supersedes the older, which stays (`office.rulings`).
- Enrolment (migration 8) needs the device key's signature over the code
  (`seal.enrolment_proof`); a device holding a credential re-enrols only with an administrator's
  leave (`allow_reenrolment`), and every enrolment, refusal, leave and revocation is a
  `device_events` row with who and when.
- Wrong passwords are counted in `login_failures` (migration 9) so a restart forgets nothing;
  the policy is in `office.login_throttle`.
- `test_at` is the visit's own ISO time with its offset, so a date filter is a prefix range on
  the inspector's local date; ordering compares the text, exact while a district's laptops share
  one UTC offset (all of China does).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.core.season import season_bounds  # noqa: F401 - re-exported
from inspector_app.office.listing import (
    FILTER_COLUMNS,
    SUMMARY_COLS,
    Ordering,
    Page,
    RecordFilter,
    page_sql,
)
from inspector_app.seal.device_key import device_id_for
from inspector_app.seal.enrolment_proof import normalise_code, proof_is_valid

DB_FILENAME = "office.sqlite3"

REVIEW_STATES = ("received", "approved", "has_issues", "rejected", "resubmitted")
REVIEW_STATE_ZH = {"received": "待审核", "approved": "已认可", "has_issues": "有问题待补充",
                   "rejected": "不予认可", "resubmitted": "已重新提交，待再审"}
# what a reviewer may set; "received" and "resubmitted" are set by arrivals only
REVIEWER_STATES = ("approved", "has_issues", "rejected")
_OLD_REVIEW_STATES = {"unreviewed": "received", "accepted": "approved", "queried": "has_issues",
                      "rejected": "rejected"}
ROLES = ("supervisor", "admin")
SESSION_TTL = timedelta(hours=12)
CHAIN_OK, CHAIN_GAP, CHAIN_FORK = "ok", "gap", "fork"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or typed from paper
COUNT_CAP = 10_000
SORT_INDEX_COLUMNS = ("company", "inspector", "verdict", "review_state", "received_at", "address")


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def record_ref(device_id: str, record_id: str) -> str:
    """The office's name for a record: its device and its own id (device ids hold no dot)."""
    return f"{device_id}.{record_id}"


def split_ref(ref: str) -> tuple[str, str] | None:
    """(device_id, record_id) of a ref; None for a bare record id (no dot)."""
    device_id, dot, record_id = ref.partition(".")
    return (device_id, record_id) if dot and device_id and record_id else None


# ----------------------------------------------------------------------------------------------
# migrations
Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def _migration(number: int, title: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        MIGRATIONS.append((number, title, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn
    return register


@_migration(1, "devices, enrolment codes, admin tokens, records, chain gaps, review events")
def _initial(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            public_key TEXT NOT NULL UNIQUE,       -- base64 raw Ed25519 key
            token_hash TEXT,                       -- NULL: admitted by bundle, cannot upload
            label TEXT NOT NULL DEFAULT '',
            enrolled_via TEXT NOT NULL CHECK (enrolled_via IN ('code', 'bundle')),
            enrolled_at TEXT NOT NULL,
            revoked_at TEXT,
            revoked_reason TEXT NOT NULL DEFAULT '',
            last_seen_at TEXT
        )""")
    conn.execute("""
        CREATE TABLE enrollment_codes (
            code_hash TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,              -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
            used_at TEXT,
            used_by TEXT
        )""")
    conn.execute("""
        CREATE TABLE admin_tokens (
            token_hash TEXT PRIMARY KEY,
            label TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            revoked_at TEXT
        )""")
    conn.execute("""
        CREATE TABLE records (
            record_id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL REFERENCES devices(device_id),
            seq INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            prev_sha256 TEXT,
            envelope BLOB NOT NULL,                -- the exact bytes received
            envelope_size INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            received_via TEXT NOT NULL CHECK (received_via IN ('upload', 'bundle')),
            sealed_at TEXT NOT NULL,
            training INTEGER NOT NULL,
            test_at TEXT NOT NULL,                 -- visit.test_at, else sealed_at: the sort key
            district TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            inspector TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL DEFAULT '',
            ticket TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            supersedes TEXT,
            verification TEXT NOT NULL DEFAULT 'verified',
            chain_state TEXT NOT NULL DEFAULT 'ok' CHECK (chain_state IN ('ok', 'gap', 'fork')),
            review_state TEXT NOT NULL DEFAULT 'unreviewed'
                CHECK (review_state IN ('unreviewed', 'accepted', 'queried', 'rejected')),
            review_comment TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT,
            reviewed_by TEXT
        )""")
    conn.execute("CREATE INDEX records_test_at ON records(test_at, record_id)")
    for column in FILTER_COLUMNS:
        conn.execute(f"CREATE INDEX records_{column} ON records({column}, test_at, record_id)")
    conn.execute("CREATE INDEX records_device_seq ON records(device_id, seq)")
    conn.execute("CREATE INDEX records_sha256 ON records(sha256)")
    conn.execute("CREATE INDEX records_supersedes ON records(supersedes)"
                 " WHERE supersedes IS NOT NULL")
    conn.execute("""
        CREATE TABLE chain_gaps (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('gap', 'fork')),
            record_id TEXT NOT NULL,               -- the record that revealed it
            seq INTEGER NOT NULL,
            missing_seq INTEGER,                   -- gap: the predecessor not yet received
            expected_sha256 TEXT,
            detail TEXT NOT NULL DEFAULT '',
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT
        )""")
    conn.execute("CREATE INDEX chain_gaps_open ON chain_gaps(device_id, missing_seq)"
                 " WHERE closed_at IS NULL")
    conn.execute("CREATE INDEX chain_gaps_record ON chain_gaps(record_id)")
    conn.execute("""
        CREATE TABLE review_events (
            id INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES records(record_id),
            state TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            by TEXT NOT NULL,
            at TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX review_events_record ON review_events(record_id, id)")


@_migration(2, "accounts, sessions, review states v2, review event kinds, synthetic flag")
def _accounts_and_review_states(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('supervisor', 'admin')),
            district TEXT,                         -- a supervisor sees only this district
            password_hash TEXT NOT NULL,           -- argon2id (argon2-cffi encoded string)
            created_at TEXT NOT NULL,
            disabled_at TEXT
        )""")
    conn.execute("""
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,           -- sha256 of the bearer token
            user_name TEXT NOT NULL REFERENCES users(name),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL               -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
        )""")
    # Review states are renamed (CHECK rewritten in place: a CHECK change does not touch the
    # on-disk format, see sqlite.org/lang_altertable.html; rebuilding a million rows is not
    # needed), then the stored values are mapped to the new names.
    old_check = ("review_state TEXT NOT NULL DEFAULT 'unreviewed'\n"
                 "                CHECK (review_state IN ('unreviewed', 'accepted', 'queried',"
                 " 'rejected'))")
    new_check = ("review_state TEXT NOT NULL DEFAULT 'received'\n"
                 "                CHECK (review_state IN ('received', 'approved', 'has_issues',"
                 " 'rejected', 'resubmitted'))")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name='records'"
                       ).fetchone()[0]
    if old_check not in sql:
        raise RuntimeError("records table is not the expected version 1 shape")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql=? WHERE type='table' AND name='records'",
                 (sql.replace(old_check, new_check),))
    conn.execute(f"PRAGMA schema_version={version + 1}")
    conn.execute("PRAGMA writable_schema=OFF")
    for old, new in _OLD_REVIEW_STATES.items():
        conn.execute("UPDATE records SET review_state=? WHERE review_state=?", (new, old))
        conn.execute("UPDATE review_events SET state=? WHERE state=?", (new, old))
    conn.execute("ALTER TABLE records ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE review_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'state'")
    conn.execute("ALTER TABLE review_events ADD COLUMN from_state TEXT")


@_migration(3, "profile name and complaint/contact/arrival delays for company statistics")
def _response_times(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE records ADD COLUMN profile_name TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE records ADD COLUMN complaint_at TEXT")
    conn.execute("ALTER TABLE records ADD COLUMN contact_min REAL")   # minutes from complaint
    conn.execute("ALTER TABLE records ADD COLUMN arrival_min REAL")
    # backfill from the stored bytes (SQLite's julianday understands the +08:00 offsets)
    conn.execute("""
        UPDATE records SET
            profile_name = coalesce(json_extract(e, '$.record.profile.name'), ''),
            complaint_at = json_extract(e, '$.record.visit.complaint_at'),
            contact_min = round((julianday(json_extract(e, '$.record.visit.contact_at'))
                                 - julianday(json_extract(e, '$.record.visit.complaint_at')))
                                * 1440, 2),
            arrival_min = round((julianday(json_extract(e, '$.record.visit.arrival_at'))
                                 - julianday(json_extract(e, '$.record.visit.complaint_at')))
                                * 1440, 2)
        FROM (SELECT record_id AS rid, CAST(envelope AS TEXT) AS e FROM records
              WHERE synthetic=0 AND json_valid(CAST(envelope AS TEXT))) AS src
        WHERE records.record_id = src.rid""")
    conn.execute("""
        UPDATE records SET
            profile_name = 'changchun',
            complaint_at = json_extract(CAST(envelope AS TEXT), '$.complaint_at'),
            contact_min = json_extract(CAST(envelope AS TEXT), '$.contact_min'),
            arrival_min = json_extract(CAST(envelope AS TEXT), '$.arrival_min')
        WHERE synthetic=1""")


@_migration(4, "indexes for sorting the review list within a district")
def _sort_indexes(conn: sqlite3.Connection) -> None:
    # A supervisor's list always has district=D: (district, X, test_at, record_id) serves a sort
    # by X (and a filter on X sorted by test_at) as one index walk, forward or backward.
    for column in SORT_INDEX_COLUMNS:
        conn.execute(f"CREATE INDEX records_district_{column}"
                     f" ON records(district, {column}, test_at, record_id)")
    conn.execute("CREATE INDEX records_received_at ON records(received_at, test_at, record_id)")
    conn.execute("CREATE INDEX records_address ON records(address, test_at, record_id)")
    conn.execute("CREATE INDEX records_ticket ON records(ticket)")


@_migration(5, "refund rulings issued at the office")
def _rulings(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE rulings (
            ruling_no TEXT PRIMARY KEY,            -- '2025-2026-000001': per heating season
            record_id TEXT NOT NULL REFERENCES records(record_id),
            record_sha256 TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('refund', 'no_refund')),
            amount_total TEXT NOT NULL,            -- exact decimal as text
            inputs TEXT NOT NULL,                  -- JSON: what the supervisor entered
            ruling TEXT NOT NULL,                  -- JSON: core.ruling.Ruling.to_dict()
            issued_by TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            district TEXT NOT NULL DEFAULT '',
            superseded_by TEXT REFERENCES rulings(ruling_no)
        )""")
    conn.execute("CREATE INDEX rulings_record ON rulings(record_id, issued_at)")


@_migration(6, "a ruling request's key, so a repeated request cannot issue a second ruling")
def _ruling_request_keys(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE rulings ADD COLUMN request_key TEXT")
    conn.execute("CREATE UNIQUE INDEX rulings_request_key ON rulings(request_key)"
                 " WHERE request_key IS NOT NULL")


_RECORD_COLUMNS = (
    "record_id, device_id, seq, sha256, prev_sha256, envelope, envelope_size, received_at,"
    " received_via, sealed_at, training, test_at, district, company, inspector, verdict, ticket,"
    " address, supersedes, verification, chain_state, review_state, review_comment, reviewed_at,"
    " reviewed_by, synthetic, profile_name, complaint_at, contact_min, arrival_min")


@_migration(7, "records keyed by (device, record id): no device can take another's record id")
def _records_keyed_by_device(conn: sqlite3.Connection) -> None:
    """Rebuild records (and the tables naming them) around `ref` = device_id.record_id.

    Up to version 6 `record_id` alone was the key, so whoever sent an id first owned it. Record
    ids were unique then, so every existing row maps to exactly one ref. SQLite cannot change a
    primary key in place: new tables are filled, the old dropped, the new renamed (renaming
    rewrites the references to them); foreign keys are checked at commit.
    """
    conn.execute("PRAGMA defer_foreign_keys=ON")
    conn.execute("""
        CREATE TABLE records_new (
            ref TEXT PRIMARY KEY,                  -- device_id || '.' || record_id
            record_id TEXT NOT NULL,               -- the record's own (public, printed) id
            device_id TEXT NOT NULL REFERENCES devices(device_id),
            seq INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            prev_sha256 TEXT,
            envelope BLOB NOT NULL,                -- the exact bytes received
            envelope_size INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            received_via TEXT NOT NULL CHECK (received_via IN ('upload', 'bundle')),
            sealed_at TEXT NOT NULL,
            training INTEGER NOT NULL,
            test_at TEXT NOT NULL,                 -- visit.test_at, else sealed_at: the sort key
            district TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            inspector TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL DEFAULT '',
            ticket TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            supersedes TEXT,                       -- a record id of the same device
            verification TEXT NOT NULL DEFAULT 'verified',
            chain_state TEXT NOT NULL DEFAULT 'ok' CHECK (chain_state IN ('ok', 'gap', 'fork')),
            review_state TEXT NOT NULL DEFAULT 'received'
                CHECK (review_state IN ('received', 'approved', 'has_issues', 'rejected',
                                        'resubmitted')),
            review_comment TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT,
            reviewed_by TEXT,
            synthetic INTEGER NOT NULL DEFAULT 0,
            profile_name TEXT NOT NULL DEFAULT '',
            complaint_at TEXT,
            contact_min REAL,
            arrival_min REAL,
            CHECK (ref = device_id || '.' || record_id),
            CHECK (instr(device_id, '.') = 0)
        )""")
    conn.execute(f"INSERT INTO records_new (ref, {_RECORD_COLUMNS})"
                 f" SELECT device_id || '.' || record_id, {_RECORD_COLUMNS} FROM records"
                 " ORDER BY rowid")
    conn.execute("""
        CREATE TABLE review_events_new (
            id INTEGER PRIMARY KEY,
            record_ref TEXT NOT NULL REFERENCES records_new(ref),
            state TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'state',
            from_state TEXT
        )""")
    conn.execute("INSERT INTO review_events_new (id, record_ref, state, comment, by, at, kind,"
                 " from_state) SELECT e.id, r.device_id || '.' || r.record_id, e.state,"
                 " e.comment, e.by, e.at, e.kind, e.from_state"
                 " FROM review_events e JOIN records r ON r.record_id = e.record_id")
    conn.execute("""
        CREATE TABLE rulings_new (
            ruling_no TEXT PRIMARY KEY,            -- '2025-2026-000001': per heating season
            record_ref TEXT NOT NULL REFERENCES records_new(ref),
            record_id TEXT NOT NULL,               -- the record's own id, cited on the ruling
            record_sha256 TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('refund', 'no_refund')),
            amount_total TEXT NOT NULL,            -- exact decimal as text
            inputs TEXT NOT NULL,                  -- JSON: what the supervisor entered
            ruling TEXT NOT NULL,                  -- JSON: core.ruling.Ruling.to_dict()
            issued_by TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            district TEXT NOT NULL DEFAULT '',
            superseded_by TEXT REFERENCES rulings_new(ruling_no),
            request_key TEXT
        )""")
    conn.execute("INSERT INTO rulings_new SELECT u.ruling_no, r.device_id || '.' || r.record_id,"
                 " u.record_id, u.record_sha256, u.decision, u.amount_total, u.inputs, u.ruling,"
                 " u.issued_by, u.issued_at, u.district, u.superseded_by, u.request_key"
                 " FROM rulings u JOIN records r ON r.record_id = u.record_id ORDER BY u.rowid")
    for table in ("review_events", "rulings"):
        before = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        after = conn.execute(f"SELECT count(*) FROM {table}_new").fetchone()[0]
        if before != after:
            raise RuntimeError(f"{table}: {before - after} rows name no stored record")
    for table in ("review_events", "rulings", "records"):
        conn.execute(f"DROP TABLE {table}")
    for table in ("records", "review_events", "rulings"):
        conn.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    _record_indexes(conn)
    conn.execute("CREATE INDEX review_events_record ON review_events(record_ref, id)")
    conn.execute("CREATE INDEX rulings_record ON rulings(record_ref, issued_at)")
    conn.execute("CREATE UNIQUE INDEX rulings_request_key ON rulings(request_key)"
                 " WHERE request_key IS NOT NULL")


def _record_indexes(conn: sqlite3.Connection) -> None:
    """The indexes of migrations 1 and 4, with `ref` (unique) as the last tie-breaker."""
    conn.execute("CREATE INDEX records_test_at ON records(test_at, ref)")
    for column in FILTER_COLUMNS:
        conn.execute(f"CREATE INDEX records_{column} ON records({column}, test_at, ref)")
    for column in SORT_INDEX_COLUMNS:
        conn.execute(f"CREATE INDEX records_district_{column}"
                     f" ON records(district, {column}, test_at, ref)")
    conn.execute("CREATE INDEX records_received_at ON records(received_at, test_at, ref)")
    conn.execute("CREATE INDEX records_address ON records(address, test_at, ref)")
    conn.execute("CREATE INDEX records_ticket ON records(ticket)")
    conn.execute("CREATE INDEX records_device_seq ON records(device_id, seq)")
    conn.execute("CREATE INDEX records_sha256 ON records(sha256)")
    conn.execute("CREATE INDEX records_record_id ON records(record_id)")
    conn.execute("CREATE INDEX records_supersedes ON records(device_id, supersedes)"
                 " WHERE supersedes IS NOT NULL")


@_migration(8, "device events log; re-enrolment of an enrolled device only by an admin's leave")
def _device_events(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE device_events (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            event TEXT NOT NULL,                   -- see DEVICE_EVENTS
            by TEXT NOT NULL,                      -- the administrator; 'laptop' for its own
            at TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        )""")
    conn.execute("CREATE INDEX device_events_device ON device_events(device_id, id)")
    conn.execute("""
        CREATE TABLE reenrolment_allowances (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL REFERENCES devices(device_id),
            allowed_by TEXT NOT NULL,
            allowed_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,              -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
            reason TEXT NOT NULL DEFAULT '',
            used_at TEXT                           -- spent by one re-enrolment
        )""")
    conn.execute("CREATE INDEX reenrolment_allowances_open ON reenrolment_allowances(device_id)"
                 " WHERE used_at IS NULL")


@_migration(9, "login failure counters kept across restarts")
def _login_failures(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE login_failures (
            key TEXT PRIMARY KEY,                  -- 'user:NAME' or 'client:ADDRESS'
            failures INTEGER NOT NULL,
            locked_until REAL NOT NULL,            -- seconds since the epoch
            last_failure REAL NOT NULL
        )""")
    conn.execute("CREATE INDEX login_failures_last ON login_failures(last_failure)")


@_migration(11, "photo evidence: photos by hash, the photos each record cites")
def _photos(conn: sqlite3.Connection) -> None:
    # Photos arrive on their own (PUT /photos/{sha256}), before or after the records that cite
    # them; the trigger fills `record_photos` from the record's bytes in the same insert, so a
    # record can never be stored without the list of what it still needs (`office.photos`).
    conn.execute("""
        CREATE TABLE photos (
            sha256 TEXT PRIMARY KEY,               -- hex SHA-256 of data, checked on arrival
            data BLOB NOT NULL,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_via TEXT NOT NULL CHECK (received_via IN ('upload', 'bundle')),
            device_id TEXT
        )""")
    conn.execute("""
        CREATE TABLE record_photos (
            record_ref TEXT NOT NULL REFERENCES records(ref),  -- device_id.record_id
            sha256 TEXT NOT NULL,
            PRIMARY KEY (record_ref, sha256)
        ) WITHOUT ROWID""")
    conn.execute("CREATE INDEX record_photos_sha256 ON record_photos(sha256, record_ref)")
    cited = ("SELECT {rid}, json_extract(p.value, '$.sha256') FROM {src}json_each("
             "CASE WHEN json_valid(CAST({env} AS TEXT)) THEN CAST({env} AS TEXT) ELSE '{{}}' END,"
             " '$.record.photos') AS p WHERE json_type(p.value, '$.sha256') = 'text'")
    conn.execute(f"""
        CREATE TRIGGER records_cite_photos AFTER INSERT ON records WHEN NEW.synthetic = 0
        BEGIN
            INSERT OR IGNORE INTO record_photos (record_ref, sha256)
            {cited.format(rid="NEW.ref", env="NEW.envelope", src="")};
        END""")
    backfill = cited.format(rid="r.ref", env="r.envelope", src="records r, ")
    conn.execute(f"INSERT OR IGNORE INTO record_photos (record_ref, sha256) {backfill}"
                 " AND r.synthetic = 0")


def minutes_between(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    try:
        delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    except (TypeError, ValueError):
        return None
    return round(delta.total_seconds() / 60, 2)


def migrate(conn: sqlite3.Connection) -> int:
    numbers = [m[0] for m in MIGRATIONS]
    # Numbers are reserved per feature, so a branch may skip some: unique, not consecutive.
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        raise RuntimeError(f"office migrations are not unique: {numbers}")
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, _title, step in MIGRATIONS:
        if number <= current:
            continue
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            step(conn)
            conn.execute(f"PRAGMA user_version={number}")
    return conn.execute("PRAGMA user_version").fetchone()[0]


# ----------------------------------------------------------------------------------------------
# rows
@dataclass
class Device:
    device_id: str
    public_key: str
    label: str
    enrolled_via: str
    enrolled_at: str
    revoked_at: str | None
    revoked_reason: str
    last_seen_at: str | None
    can_upload: bool = False

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_DEVICE_COLS = ("device_id, public_key, label, enrolled_via, enrolled_at, revoked_at,"
                " revoked_reason, last_seen_at, token_hash IS NOT NULL")


def _device(row: tuple) -> Device:
    return Device(*row[:8], can_upload=bool(row[8]))


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


class EnrollmentError(Exception):
    """A refused enrolment, with words for the person at the laptop and an HTTP status."""

    def __init__(self, code: str, zh: str, en: str, status: int = 403) -> None:
        super().__init__(en)
        self.code, self.zh, self.en, self.status = code, zh, en, status


# ----------------------------------------------------------------------------------------------
class OfficeStore:
    """All office data access. Thread-safe: each thread gets its own connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        migrate(self.conn)

    # -- connections ---------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of this thread's connection (for ad hoc tooling and tests)."""
        return sqlite_utils.Database(self.conn)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction: committed on success, rolled back on any error."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- enrolment -----------------------------------------------------------------------------
    def new_enrollment_code(self, ttl: timedelta = timedelta(hours=24)) -> tuple[str, datetime]:
        """A one-time code for one laptop; only its hash is kept."""
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        expires = datetime.now(UTC) + ttl
        with self.write() as c:
            c.execute("INSERT INTO enrollment_codes (code_hash, created_at, expires_at)"
                      " VALUES (?,?,?)", (secret_hash(raw), now_iso(), utc_iso(expires)))
        return code, expires

    def enroll(self, code: str, device_id: str, public_key: str, proof: str,
               label: str = "") -> str:
        """Spend `code` to register the device key; returns the bearer token (shown once).

        `proof` is the device key's signature over the code (`seal.enrolment_proof`): a public
        key alone, which every record carries, enrols nobody. A device that already holds a
        credential is re-enrolled only with an administrator's leave (`allow_reenrolment`),
        which is spent; a refusal of that kind is logged (`device_events`) and leaves the code
        unspent. A revoked device never enrols again.
        """
        try:
            derived = device_id_for(public_key)
        except (ValueError, TypeError):
            derived = None
        if derived != device_id:
            raise EnrollmentError("key_mismatch", "设备编号与公钥不符",
                                  "device id and public key disagree", status=422)
        if not proof_is_valid(code, device_id, public_key, proof):
            raise EnrollmentError(
                "proof_invalid", "注册请求没有本机设备密钥的签名（或签名不对）：只有持有私钥的电脑才能注册",
                "the enrolment is not signed by this device's key: only the laptop holding the "
                "private key can enrol")
        code_hash = secret_hash(normalise_code(code))
        token = secrets.token_urlsafe(32)
        refusal: EnrollmentError | None = None
        with self.write() as c:
            row = c.execute("SELECT expires_at, used_at FROM enrollment_codes WHERE code_hash=?",
                            (code_hash,)).fetchone()
            if row is None:
                raise EnrollmentError("code_unknown", "注册码不正确", "the enrolment code is wrong")
            if row[1] is not None:
                raise EnrollmentError("code_used", "注册码已经用过（每个注册码只能用一次）",
                                      "the enrolment code has already been used (one use each)")
            if row[0] < utc_iso(datetime.now(UTC)):
                raise EnrollmentError("code_expired", "注册码已过期，请向办公室索取新的注册码",
                                      "the enrolment code has expired; ask the office for a new one")
            existing = c.execute("SELECT device_id, public_key, revoked_at, token_hash"
                                 " FROM devices WHERE device_id=? OR public_key=?",
                                 (device_id, public_key)).fetchone()
            event, by, detail = "enrolled", "laptop", label
            if existing is not None:
                if existing[2] is not None:
                    raise EnrollmentError(
                        "device_revoked", "该设备已被注销，不能重新注册",
                        "this device has been revoked and cannot enrol again")
                if existing[0] != device_id or existing[1] != public_key:
                    raise EnrollmentError(
                        "key_mismatch", "设备编号与公钥不符", "device id and public key disagree")
                if existing[3] is not None:
                    leave = c.execute(
                        "SELECT id, allowed_by, reason FROM reenrolment_allowances"
                        " WHERE device_id=? AND used_at IS NULL AND expires_at >= ?"
                        " ORDER BY id LIMIT 1",
                        (device_id, utc_iso(datetime.now(UTC)))).fetchone()
                    if leave is None:
                        refusal = EnrollmentError(
                            "already_enrolled",
                            "该设备已经注册过：重新注册需要管理员先执行"
                            " inspector-office allow-reenrolment 明确准许",
                            "this device is already enrolled: enrolling it again needs an "
                            "administrator's leave first (inspector-office allow-reenrolment)",
                            status=409)
                        c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                                  " VALUES (?, 'enrolment_refused', 'laptop', ?, ?)",
                                  (device_id, now_iso(), "already enrolled, no leave"))
                    else:
                        c.execute("UPDATE reenrolment_allowances SET used_at=? WHERE id=?",
                                  (now_iso(), leave[0]))
                        event, by, detail = "reenrolled", leave[1], leave[2]
                if refusal is None:
                    c.execute("UPDATE devices SET token_hash=?, label=?, enrolled_via='code',"
                              " enrolled_at=? WHERE device_id=?",
                              (secret_hash(token), label, now_iso(), device_id))
            else:
                c.execute("INSERT INTO devices (device_id, public_key, token_hash, label,"
                          " enrolled_via, enrolled_at) VALUES (?,?,?,?,'code',?)",
                          (device_id, public_key, secret_hash(token), label, now_iso()))
            if refusal is None:
                c.execute("UPDATE enrollment_codes SET used_at=?, used_by=? WHERE code_hash=?",
                          (now_iso(), device_id, code_hash))
                c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                          " VALUES (?,?,?,?,?)", (device_id, event, by, now_iso(), detail))
        if refusal is not None:
            raise refusal
        return token

    def allow_reenrolment(self, device_id: str, by: str, reason: str = "",
                          ttl: timedelta = timedelta(hours=24)) -> datetime:
        """An administrator's leave for one re-enrolment of an enrolled device (logged with
        who and when); returns when it lapses. KeyError: no such device; ValueError: revoked."""
        if not by.strip():
            raise ValueError("say who allows it")
        expires = datetime.now(UTC) + ttl
        with self.write() as c:
            row = c.execute("SELECT revoked_at FROM devices WHERE device_id=?",
                            (device_id,)).fetchone()
            if row is None:
                raise KeyError(device_id)
            if row[0] is not None:
                raise ValueError("a revoked device cannot enrol again")
            c.execute("INSERT INTO reenrolment_allowances (device_id, allowed_by, allowed_at,"
                      " expires_at, reason) VALUES (?,?,?,?,?)",
                      (device_id, by, now_iso(), utc_iso(expires), reason))
            c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                      " VALUES (?, 'reenrolment_allowed', ?, ?, ?)",
                      (device_id, by, now_iso(), f"until {utc_iso(expires)}; {reason}"))
        return expires

    def device_events(self, device_id: str | None = None) -> list[dict[str, Any]]:
        """The device log, oldest first: enrolled, reenrolment_allowed, reenrolled,
        enrolment_refused, revoked (with who, when and a detail)."""
        cols = ("id", "device_id", "event", "by", "at", "detail")
        where, params = ("WHERE device_id=?", [device_id]) if device_id else ("", [])
        return [dict(zip(cols, r, strict=True)) for r in self.conn.execute(
            f"SELECT {', '.join(cols)} FROM device_events {where} ORDER BY id", params)]

    def admit_device(self, device_id: str, public_key: str, label: str = "") -> Device:
        """Register a device seen first in a bundle the operator vouched for (cannot upload)."""
        with self.write() as c:
            c.execute("INSERT OR IGNORE INTO devices (device_id, public_key, label, enrolled_via,"
                      " enrolled_at) VALUES (?,?,?,'bundle',?)",
                      (device_id, public_key, label, now_iso()))
        device = self.device(device_id)
        assert device is not None
        return device

    def device(self, device_id: str) -> Device | None:
        row = self.conn.execute(f"SELECT {_DEVICE_COLS} FROM devices WHERE device_id=?",
                                (device_id,)).fetchone()
        return _device(row) if row else None

    def devices(self) -> list[Device]:
        return [_device(r) for r in self.conn.execute(
            f"SELECT {_DEVICE_COLS} FROM devices ORDER BY enrolled_at, device_id").fetchall()]

    def authenticate_device(self, device_id: str, token: str) -> Device | None:
        """The enrolled, unrevoked device whose token this is; None for anything else."""
        row = self.conn.execute(f"SELECT {_DEVICE_COLS}, token_hash FROM devices"
                                " WHERE device_id=?", (device_id,)).fetchone()
        if row is None or row[9] is None or row[5] is not None:
            return None
        if not hmac.compare_digest(row[9], secret_hash(token)):
            return None
        return _device(row[:9])

    def touch_device(self, device_id: str) -> None:
        with self.write() as c:
            c.execute("UPDATE devices SET last_seen_at=? WHERE device_id=?", (now_iso(), device_id))

    def revoke_device(self, device_id: str, reason: str = "", by: str = "admin") -> bool:
        with self.write() as c:
            cur = c.execute("UPDATE devices SET revoked_at=?, revoked_reason=?, token_hash=NULL"
                            " WHERE device_id=? AND revoked_at IS NULL",
                            (now_iso(), reason, device_id))
            if cur.rowcount == 1:
                c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                          " VALUES (?, 'revoked', ?, ?, ?)", (device_id, by, now_iso(), reason))
        return cur.rowcount == 1

    # -- supervisors (admin token until accounts arrive) -----------------------------------------
    def new_admin_token(self, label: str = "") -> str:
        token = secrets.token_urlsafe(32)
        with self.write() as c:
            c.execute("INSERT INTO admin_tokens (token_hash, label, created_at) VALUES (?,?,?)",
                      (secret_hash(token), label, now_iso()))
        return token

    def admin_token_label(self, token: str) -> str | None:
        """The label of a valid admin token (who is acting), else None."""
        row = self.conn.execute("SELECT label FROM admin_tokens WHERE token_hash=?"
                                " AND revoked_at IS NULL", (secret_hash(token),)).fetchone()
        return None if row is None else (row[0] or "admin")

    # -- accounts ------------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str,
                 district: str | None = None) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        if role == "supervisor" and not district:
            raise ValueError("a supervisor needs a district")
        with self.write() as c:
            c.execute("INSERT INTO users (name, role, district, password_hash, created_at)"
                      " VALUES (?,?,?,?,?)", (name, role, district or None, password_hash,
                                              now_iso()))

    def user(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT name, role, district, password_hash FROM users"
                                " WHERE name=? AND disabled_at IS NULL", (name,)).fetchone()
        return None if row is None else dict(zip(("name", "role", "district", "password_hash"),
                                                 row, strict=True))

    def set_password_hash(self, name: str, password_hash: str) -> None:
        with self.write() as c:
            c.execute("UPDATE users SET password_hash=? WHERE name=?", (password_hash, name))

    def new_session(self, name: str, ttl: timedelta = SESSION_TTL) -> tuple[str, datetime]:
        """A bearer token for `name` (shown once; only its hash is kept) and its expiry."""
        token = secrets.token_urlsafe(32)
        expires = datetime.now(UTC) + ttl
        with self.write() as c:
            c.execute("DELETE FROM sessions WHERE expires_at < ?", (utc_iso(datetime.now(UTC)),))
            c.execute("INSERT INTO sessions (token_hash, user_name, created_at, expires_at)"
                      " VALUES (?,?,?,?)", (secret_hash(token), name, now_iso(),
                                            utc_iso(expires)))
        return token, expires

    def session_user(self, token: str) -> dict[str, Any] | None:
        """The live (unexpired, enabled) user of a session token, else None."""
        row = self.conn.execute(
            "SELECT u.name, u.role, u.district FROM sessions s JOIN users u ON u.name=s.user_name"
            " WHERE s.token_hash=? AND s.expires_at >= ? AND u.disabled_at IS NULL",
            (secret_hash(token), utc_iso(datetime.now(UTC)))).fetchone()
        return None if row is None else dict(zip(("name", "role", "district"), row,
                                                 strict=True))

    def end_session(self, token: str) -> None:
        with self.write() as c:
            c.execute("DELETE FROM sessions WHERE token_hash=?", (secret_hash(token),))

    # -- records -------------------------------------------------------------------------------
    def record_bytes(self, ref: str) -> tuple[str, bytes] | None:
        """(sha256, exact stored bytes) of the record `ref` (`record_ref`), or None."""
        row = self.conn.execute("SELECT sha256, envelope FROM records WHERE ref=?",
                                (ref,)).fetchone()
        return None if row is None else (row[0], bytes(row[1]))

    def refs_for(self, name: str) -> list[str]:
        """The refs a client's name for a record may mean: a ref itself, or a bare record id
        (several devices may hold records under one id; the caller decides what to do)."""
        if split_ref(name) is not None:
            found = self.conn.execute("SELECT ref FROM records WHERE ref=?", (name,)).fetchone()
            return [found[0]] if found else []
        return [r[0] for r in self.conn.execute(
            "SELECT ref FROM records WHERE record_id=? ORDER BY rowid", (name,))]

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
        for row in self.conn.execute(f"SELECT {', '.join(cols)} FROM records WHERE record_id=?"
                                     " AND synthetic=0 ORDER BY rowid", (record_id,)):
            item = dict(zip(cols, row, strict=True))
            item["training"] = bool(item["training"])
            item["superseded_by"] = [r[0] for r in self.conn.execute(
                "SELECT record_id FROM records WHERE device_id=? AND supersedes=?"
                " ORDER BY rowid", (item["device_id"], record_id))]
            out.append(item)
        return out

    def store_records(self, incoming: Iterable[Incoming], via: str,
                      all_or_nothing: bool = True) -> list[Stored]:
        """Store verified records in one transaction, tracking each device's chain.

        Same id and same sha256 → 'present' (nothing written). Same id, other sha256 →
        'conflict'; with `all_or_nothing` the first conflict rolls everything back (and is
        returned alone) so a bundle never half-imports.
        """
        items = sorted(incoming, key=lambda i: (i.device_id, i.seq, i.record_id))
        results: list[Stored] = []
        with self.write() as c:
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
        return results

    def _insert(self, c: sqlite3.Connection, item: Incoming, via: str) -> str:
        c.execute(
            "INSERT INTO records (ref, record_id, device_id, seq, sha256, prev_sha256, envelope,"
            " envelope_size, received_at, received_via, sealed_at, training, test_at, district,"
            " company, inspector, verdict, ticket, address, supersedes, profile_name,"
            " complaint_at, contact_min, arrival_min)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (item.ref, item.record_id, item.device_id, item.seq, item.sha256, item.prev_sha256,
             item.envelope, len(item.envelope), now_iso(), via, item.sealed_at,
             int(item.training), item.test_at, item.district, item.company, item.inspector,
             item.verdict, item.ticket, item.address, item.supersedes, item.profile_name,
             item.complaint_at, item.contact_min, item.arrival_min))
        state = self._link_chain(c, item)
        self._close_gaps(c, item)
        self._mark_resubmission(c, item)
        return state

    def _mark_resubmission(self, c: sqlite3.Connection, item: Incoming) -> None:
        """A record superseding a reviewed one needs review again: it arrives 'resubmitted'.

        Both records get a history line (by 'system'); the old one keeps its review state, so
        what the reviewer decided about it stays visible. A record supersedes only its own
        device's record (the laptop corrects its own): another device naming the id touches
        nothing.
        """
        if not item.supersedes:
            return
        old_ref = record_ref(item.device_id, item.supersedes)
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

    def _link_chain(self, c: sqlite3.Connection, item: Incoming) -> str:
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

    def _close_gaps(self, c: sqlite3.Connection, item: Incoming) -> None:
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

    def _refresh_chain_state(self, c: sqlite3.Connection, device_id: str,
                             record_id: str) -> None:
        kinds = {r[0] for r in c.execute("SELECT kind FROM chain_gaps WHERE device_id=?"
                                         " AND record_id=? AND closed_at IS NULL",
                                         (device_id, record_id))}
        state = CHAIN_FORK if "fork" in kinds else CHAIN_GAP if "gap" in kinds else CHAIN_OK
        c.execute("UPDATE records SET chain_state=? WHERE ref=?",
                  (state, record_ref(device_id, record_id)))

    def set_verification(self, ref: str, state: str) -> None:
        with self.write() as c:
            c.execute("UPDATE records SET verification=? WHERE ref=?", (state, ref))

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
        if count_cap is None:
            total, exact = self.count_records(filt), True
        else:
            total = self.count_records(filt, cap=count_cap + 1)
            exact = total <= count_cap
            total = min(total, count_cap)
        key = ordering.decode(cursor) if cursor else None
        sql, params = page_sql(", ".join(SUMMARY_COLS), filt, ordering, key)
        sql += " LIMIT ?"
        params.append(limit + 1)
        if offset and not cursor:
            sql += " OFFSET ?"
            params.append(offset)
        rows = self.conn.execute(sql, params).fetchall()
        items = [self._summary(r) for r in rows[:limit]]
        next_cursor = (ordering.encode(ordering.key_of(items[-1]))
                       if len(rows) > limit else None)
        return Page(total=total, items=items, next_cursor=next_cursor, offset=offset,
                    total_exact=exact)

    def count_records(self, filt: RecordFilter, cap: int | None = None) -> int:
        """Matching records, counted exactly or up to `cap`."""
        clauses, params = filt.where()
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        if cap is None:
            return self.conn.execute(f"SELECT count(*) FROM records{where}", params).fetchone()[0]
        return self.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM records{where} LIMIT ?)",
                                 [*params, cap]).fetchone()[0]

    def iter_summaries(self, filt: RecordFilter, ordering: Ordering,
                       chunk: int = 2000) -> Iterator[dict[str, Any]]:
        """Every matching record's summary in `ordering`, read `chunk` rows at a time by keyset.

        Each chunk is its own short query on the calling thread's connection, so a long export
        never holds a read transaction open and may be resumed on another worker thread.
        """
        key: list[str] | None = None
        while True:
            sql, params = page_sql(", ".join(SUMMARY_COLS), filt, ordering, key)
            rows = self.conn.execute(sql + " LIMIT ?", [*params, chunk]).fetchall()
            for row in rows:
                yield self._summary(row)
            if len(rows) < chunk:
                return
            key = ordering.key_of(self._summary(rows[-1]))

    @staticmethod
    def _summary(row: tuple) -> dict[str, Any]:
        item = dict(zip(SUMMARY_COLS, row, strict=True))
        item["training"] = bool(item["training"])
        item["synthetic"] = bool(item["synthetic"])
        return item

    def iter_records(self) -> Iterator[tuple[dict[str, Any], bytes]]:
        """Every record (summary, stored bytes) in arrival order: for `records --recheck`."""
        cur = self.conn.execute(f"SELECT {', '.join(SUMMARY_COLS)}, envelope FROM records"
                                " ORDER BY rowid")
        for row in cur:
            yield self._summary(row[:-1]), bytes(row[-1])

    def record(self, ref: str) -> dict[str, Any] | None:
        """Summary, the stored record, its review history, chain problems, successors, and the
        records other devices hold under the same record id (`same_id_elsewhere`: a sign of a
        copied or forged id, shown to the reviewer; never merged with this one)."""
        row = self.conn.execute(f"SELECT {', '.join(SUMMARY_COLS)}, envelope FROM records"
                                " WHERE ref=?", (ref,)).fetchone()
        if row is None:
            return None
        detail = self._summary(row[:-1])
        device_id, record_id = detail["device_id"], detail["record_id"]
        detail["envelope"] = json.loads(bytes(row[-1]).decode("utf-8"))
        detail["review_history"] = [
            {"kind": r[4], "from_state": r[5], "state": r[0], "comment": r[1], "by": r[2],
             "at": r[3]}
            for r in self.conn.execute("SELECT state, comment, by, at, kind, from_state"
                                       " FROM review_events WHERE record_ref=? ORDER BY id",
                                       (ref,))]
        detail["chain_problems"] = self.chain_problems(record_id=record_id, device_id=device_id,
                                                       open_only=False)
        detail["superseded_by"] = [r[0] for r in self.conn.execute(
            "SELECT record_id FROM records WHERE device_id=? AND supersedes=? ORDER BY rowid",
            (device_id, record_id))]
        detail["same_id_elsewhere"] = [
            {"ref": r[0], "device_id": r[1], "sha256": r[2], "received_at": r[3]}
            for r in self.conn.execute("SELECT ref, device_id, sha256, received_at FROM records"
                                       " WHERE record_id=? AND ref<>? ORDER BY rowid",
                                       (record_id, ref))]
        return detail

    def set_review(self, ref: str, state: str, comment: str, by: str) -> dict[str, Any]:
        """Set a reviewer's decision (REVIEWER_STATES); logged with who, when and from what."""
        if state not in REVIEWER_STATES:
            raise ValueError(f"review state must be one of {REVIEWER_STATES}, not {state!r}")
        at = now_iso()
        with self.write() as c:
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
        with self.write() as c:
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
        row = self.conn.execute("SELECT district FROM records WHERE ref=?", (ref,)).fetchone()
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
        return [dict(zip(cols, r, strict=True)) for r in self.conn.execute(
            f"SELECT {', '.join(cols)} FROM chain_gaps{where} ORDER BY id", params)]

    def company_stats(self, season: str, district: str | None = None,
                      contact_limits: dict[str, int | None] | None = None,
                      ) -> list[dict[str, Any]]:
        """Per heating company over one season (real, non-training records; `district` narrows).

        tests, failures and failure rate; median minutes from complaint to contact and to
        arrival; breaches: contact later than the record's profile's `contact_within_min`
        (`contact_limits` maps profile name → minutes; unknown profiles are not judged, and
        records without times count in `without_times`).
        """
        low, high = season_bounds(season)
        limits = contact_limits if contact_limits is not None else {}
        sql = ("SELECT company, verdict, contact_min, arrival_min, profile_name FROM records"
               " WHERE test_at >= ? AND test_at < ? AND training=0")
        params: list[Any] = [low, high]
        if district is not None:
            sql += " AND district=?"
            params.append(district)
        groups: dict[str, dict[str, Any]] = {}
        for company, verdict, contact, arrival, profile_name in self.conn.execute(sql, params):
            g = groups.setdefault(company, {"tests": 0, "failures": 0, "contact": [],
                                            "arrival": [], "breaches": 0, "without_times": 0})
            g["tests"] += 1
            g["failures"] += verdict == "fail"
            if contact is None:
                g["without_times"] += 1
            else:
                g["contact"].append(contact)
                if profile_name not in limits:
                    limits[profile_name] = _contact_limit(profile_name)
                limit = limits[profile_name]
                if limit is not None and contact > limit:
                    g["breaches"] += 1
            if arrival is not None:
                g["arrival"].append(arrival)
        out = []
        for company, g in sorted(groups.items(), key=lambda kv: (-kv[1]["tests"], kv[0])):
            out.append({
                "company": company, "tests": g["tests"], "failures": g["failures"],
                "failure_rate": round(g["failures"] / g["tests"], 4),
                "median_contact_min": _median(g["contact"]),
                "median_arrival_min": _median(g["arrival"]),
                "contact_limit_breaches": g["breaches"], "without_times": g["without_times"]})
        return out

    def counts(self) -> dict[str, int]:
        c = self.conn
        return {
            "records": c.execute("SELECT count(*) FROM records").fetchone()[0],
            "verified": c.execute("SELECT count(*) FROM records WHERE verification='verified'")
            .fetchone()[0],
            "open_chain_problems": c.execute("SELECT count(*) FROM chain_gaps"
                                             " WHERE closed_at IS NULL").fetchone()[0],
            "devices": c.execute("SELECT count(*) FROM devices").fetchone()[0],
        }


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    values.sort()
    mid = len(values) // 2
    value = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return round(value, 2)


def _contact_limit(profile_name: str) -> int | None:
    """The profile's contact_within_min (as the office has it now), None if unknown."""
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile

    try:
        return load_profile(profile_name).contact_within_min if profile_name else None
    except ProfileError:
        return None


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
