"""The office's SQLite schema steps before Alembic: versions 1 to 11, counted in `user_version`.

Offices made before the move to SQLAlchemy and Alembic keep their schema version in
`PRAGMA user_version`. Such a file is brought to version 11 here, exactly as it was before,
then stamped as Alembic's baseline (`office.migrations`, revision 0001, the same schema) and
upgraded from there like any other office. New offices never run these steps. They stay as
written: a step that has run on an office cannot be edited, only followed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from inspector_app.office.listing import FILTER_COLUMNS

SORT_INDEX_COLUMNS = ("company", "inspector", "verdict", "review_state", "received_at", "address")
LAST_LEGACY_VERSION = 11
_OLD_REVIEW_STATES = {"unreviewed": "received", "accepted": "approved", "queried": "has_issues",
                      "rejected": "rejected"}


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


@_migration(10, "profile sections confirmed at this office against the published rule")
def _profile_confirmations(conn: sqlite3.Connection) -> None:
    conn.execute("""
        CREATE TABLE profile_confirmations (
            id INTEGER PRIMARY KEY,
            profile TEXT NOT NULL,                 -- profile name, e.g. changchun
            profile_version TEXT NOT NULL,         -- the version the administrator checked
            section TEXT NOT NULL,                 -- e.g. refund
            citation_zh TEXT NOT NULL,             -- the published document: title and number
            citation_en TEXT NOT NULL DEFAULT '',
            confirmed_by TEXT NOT NULL,            -- an admin account's name
            confirmed_at TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX profile_confirmations_section"
                 " ON profile_confirmations(profile, section, id)")


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


def migrate(conn: sqlite3.Connection, *, in_transaction: bool = False) -> int:
    """Run the pending steps (each its own transaction, or all in the caller's); the version."""
    numbers = [m[0] for m in MIGRATIONS]
    # Numbers were reserved per feature, so a branch may skip some: distinct, starting at 1.
    if len(set(numbers)) != len(numbers) or numbers[0] != 1:
        raise RuntimeError(f"office migrations are not distinct, starting at 1: {numbers}")
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, _title, step in MIGRATIONS:
        if number <= current:
            continue
        if in_transaction:
            step(conn)
            conn.execute(f"PRAGMA user_version={number}")
            continue
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            step(conn)
            conn.execute(f"PRAGMA user_version={number}")
    return conn.execute("PRAGMA user_version").fetchone()[0]
