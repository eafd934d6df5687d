"""Schema step 2: sealed records, signatures awaiting sealing, and the triggers that freeze both.

The database itself refuses to change a sealed record or the rows it was made from, so no code
path (ours or a careless future one) can edit evidence; `inspector-app verify` still compares
rows and envelopes, because whoever holds the file can drop a trigger.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.store.database import migration

FROZEN_STATES = "('sealed','synced')"
IMMUTABLE_MSG = "sealed record is immutable / 已签封记录不可修改"
FROZEN_MSG = "visit is sealed: its rows cannot change / 记录已签封，数据不可修改"

# name -> SQL; kept here so `verify` can tell when one has been dropped.
TRIGGERS: dict[str, str] = {}


def _trigger(name: str, sql: str) -> None:
    TRIGGERS[name] = f"CREATE TRIGGER {name} {sql}"


_trigger("sealed_records_no_update", f"""BEFORE UPDATE ON sealed_records
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MSG}'); END""")
_trigger("sealed_records_no_delete", f"""BEFORE DELETE ON sealed_records
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MSG}'); END""")
_trigger("sealed_records_chain", """BEFORE INSERT ON sealed_records
    WHEN NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM sealed_records
                                  WHERE device_id = NEW.device_id), 0) + 1
      OR NEW.prev_sha256 IS NOT (SELECT sha256 FROM sealed_records
                                 WHERE device_id = NEW.device_id ORDER BY seq DESC LIMIT 1)
    BEGIN SELECT RAISE(ABORT, 'sealed record out of chain order / 签封记录链顺序错误'); END""")

_VISIT_OF = {
    "rooms": "(SELECT state FROM visits WHERE id = {row}.visit_id)",
    "points": "(SELECT v.state FROM rooms r JOIN visits v ON v.id = r.visit_id"
              " WHERE r.id = {row}.room_id)",
    "samples": "(SELECT v.state FROM points p JOIN rooms r ON r.id = p.room_id"
               " JOIN visits v ON v.id = r.visit_id WHERE p.id = {row}.point_id)",
    "signatures": "(SELECT state FROM visits WHERE id = {row}.visit_id)",
}
for _table, _state in _VISIT_OF.items():
    _new, _old = _state.format(row="NEW"), _state.format(row="OLD")
    _trigger(f"{_table}_frozen_insert", f"""BEFORE INSERT ON {_table}
        WHEN {_new} IN {FROZEN_STATES}
        BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END""")
    _trigger(f"{_table}_frozen_update", f"""BEFORE UPDATE ON {_table}
        WHEN {_old} IN {FROZEN_STATES} OR {_new} IN {FROZEN_STATES}
        BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END""")
    _trigger(f"{_table}_frozen_delete", f"""BEFORE DELETE ON {_table}
        WHEN {_old} IN {FROZEN_STATES}
        BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END""")

# A sealed visit may only move sealed -> synced; its content columns never change.
_trigger("visits_frozen_update", f"""BEFORE UPDATE ON visits
    WHEN OLD.state IN {FROZEN_STATES} AND (
        NEW.id IS NOT OLD.id OR NEW.details IS NOT OLD.details
        OR NEW.training IS NOT OLD.training OR NEW.profile_name IS NOT OLD.profile_name
        OR NEW.profile_version IS NOT OLD.profile_version OR NEW.ticket IS NOT OLD.ticket
        OR NEW.address IS NOT OLD.address OR NEW.company IS NOT OLD.company
        OR NEW.created_at IS NOT OLD.created_at
        OR NEW.state NOT IN {FROZEN_STATES}
        OR (OLD.state = 'synced' AND NEW.state <> 'synced'))
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END""")
_trigger("visits_frozen_delete", f"""BEFORE DELETE ON visits
    WHEN OLD.state IN {FROZEN_STATES}
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END""")
# Only a stored sealed record makes a visit sealed.
_trigger("visits_seal_needs_record", f"""BEFORE UPDATE OF state ON visits
    WHEN NEW.state IN {FROZEN_STATES} AND OLD.state NOT IN {FROZEN_STATES}
      AND NOT EXISTS (SELECT 1 FROM sealed_records WHERE visit_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'no sealed record for this visit / 该记录尚未签封'); END""")
_trigger("visits_insert_unsealed", f"""BEFORE INSERT ON visits
    WHEN NEW.state IN {FROZEN_STATES}
    BEGIN SELECT RAISE(ABORT, 'no sealed record for this visit / 该记录尚未签封'); END""")


@migration(2, "sealed records, pending signatures, immutability triggers")
def _sealed(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE sealed_records (
            record_id TEXT PRIMARY KEY,
            visit_id TEXT NOT NULL UNIQUE REFERENCES visits(id),
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 1),
            sha256 TEXT NOT NULL UNIQUE,
            prev_sha256 TEXT,
            envelope TEXT NOT NULL,          -- the envelope JSON, canonical text
            sealed_at TEXT NOT NULL,
            supersedes TEXT,                 -- record_id of the record this one corrects
            UNIQUE (device_id, seq)
        )""")
    db.execute("CREATE INDEX sealed_supersedes ON sealed_records(supersedes)")
    db.execute("""
        CREATE TABLE signatures (
            visit_id TEXT NOT NULL REFERENCES visits(id),
            slot TEXT NOT NULL CHECK (slot IN ('inspector','resident','refusal')),
            data TEXT NOT NULL,              -- JSON: a SIGNATURE, or the refusal object
            captured_at TEXT NOT NULL,
            PRIMARY KEY (visit_id, slot)
        )""")
    for sql in TRIGGERS.values():
        db.execute(sql)
