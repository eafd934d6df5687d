"""Sealed records in the local store, and signatures waiting for their record to be sealed.

Sealed rows are only ever inserted (by `inspector_app.seal.record.seal_visit`, inside its chain
transaction); the schema's triggers refuse every UPDATE and DELETE. The envelope is stored as its
canonical JSON text, so what is uploaded or exported is byte for byte what was sealed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

SLOTS = ("inspector", "resident", "refusal")


@dataclass(frozen=True)
class SealedRow:
    record_id: str
    visit_id: str
    device_id: str
    seq: int
    sha256: str
    prev_sha256: str | None
    sealed_at: str
    supersedes: str | None


_COLUMNS = "record_id, visit_id, device_id, seq, sha256, prev_sha256, sealed_at, supersedes"


class SealedStore:
    """Read access to sealed records; `insert` is for the sealing transaction only."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def insert(self, row: SealedRow, envelope_text: str) -> None:
        """Insert within the caller's open transaction (the chain position was read in it)."""
        self.db.conn.execute(
            f"INSERT INTO sealed_records ({_COLUMNS}, envelope) VALUES (?,?,?,?,?,?,?,?,?)",
            (row.record_id, row.visit_id, row.device_id, row.seq, row.sha256, row.prev_sha256,
             row.sealed_at, row.supersedes, envelope_text))

    def head(self, device_id: str) -> SealedRow | None:
        """The device's latest sealed record: the next one links to it."""
        r = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM sealed_records WHERE device_id=? ORDER BY seq DESC LIMIT 1",
            (device_id,)).fetchone()
        return SealedRow(*r) if r else None

    def list(self, device_id: str | None = None) -> list[SealedRow]:
        """Sealed records, by device then chain position."""
        sql = f"SELECT {_COLUMNS} FROM sealed_records"
        params: tuple = ()
        if device_id is not None:
            sql += " WHERE device_id=?"
            params = (device_id,)
        sql += " ORDER BY device_id, seq"
        return [SealedRow(*r) for r in self.db.conn.execute(sql, params).fetchall()]

    def chain(self, device_id: str) -> list[SealedRow]:
        return self.list(device_id)

    def devices(self) -> list[str]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT DISTINCT device_id FROM sealed_records ORDER BY device_id").fetchall()]

    def get(self, record_id: str) -> SealedRow:
        r = self.db.conn.execute(f"SELECT {_COLUMNS} FROM sealed_records WHERE record_id=?",
                                 (record_id,)).fetchone()
        if r is None:
            raise KeyError(record_id)
        return SealedRow(*r)

    def envelope_text(self, record_id: str) -> str:
        """The envelope exactly as stored (canonical JSON): what sync uploads and export writes."""
        r = self.db.conn.execute("SELECT envelope FROM sealed_records WHERE record_id=?",
                                 (record_id,)).fetchone()
        if r is None:
            raise KeyError(record_id)
        return r[0]

    def envelope_and_sha256(self, record_id: str) -> tuple[str, str]:
        """`envelope_text` and the record's sha256 in one query (what sync sends per record)."""
        r = self.db.conn.execute("SELECT envelope, sha256 FROM sealed_records WHERE record_id=?",
                                 (record_id,)).fetchone()
        if r is None:
            raise KeyError(record_id)
        return r[0], r[1]

    def envelope(self, record_id: str) -> dict[str, Any]:
        return json.loads(self.envelope_text(record_id))

    def envelope_for_visit(self, visit_id: str) -> dict[str, Any] | None:
        r = self.db.conn.execute("SELECT envelope FROM sealed_records WHERE visit_id=?",
                                 (visit_id,)).fetchone()
        return json.loads(r[0]) if r else None

    def superseded_by(self, record_id: str) -> str | None:
        """The record that corrects `record_id`, if one was sealed."""
        r = self.db.conn.execute("SELECT record_id FROM sealed_records WHERE supersedes=?",
                                 (record_id,)).fetchone()
        return r[0] if r else None

    def rows_with_text(self) -> list[tuple[SealedRow, str]]:
        """Every row with its stored envelope text, for verification."""
        return [(SealedRow(*r[:8]), r[8]) for r in self.db.conn.execute(
            f"SELECT {_COLUMNS}, envelope FROM sealed_records ORDER BY device_id, seq").fetchall()]


class SignatureDrafts:
    """Signatures captured before sealing, saved at once so a crash in between loses nothing."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def save(self, visit_id: str, slot: str, data: dict[str, Any]) -> None:
        if slot not in SLOTS:
            raise ValueError(f"unknown signature slot {slot!r}")
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        with self.db.conn:
            self.db.conn.execute(
                "INSERT OR REPLACE INTO signatures (visit_id, slot, data, captured_at)"
                " VALUES (?,?,?,?)", (visit_id, slot, json.dumps(data, ensure_ascii=False), now))

    def load(self, visit_id: str) -> dict[str, dict[str, Any]]:
        return {slot: json.loads(data) for slot, data in self.db.conn.execute(
            "SELECT slot, data FROM signatures WHERE visit_id=?", (visit_id,)).fetchall()}

    def clear(self, visit_id: str, slot: str | None = None) -> None:
        """Drop one slot (e.g. the resident changed their mind about refusing), or all."""
        with self.db.conn:
            if slot is None:
                self.db.conn.execute("DELETE FROM signatures WHERE visit_id=?", (visit_id,))
            else:
                self.db.conn.execute("DELETE FROM signatures WHERE visit_id=? AND slot=?",
                                     (visit_id, slot))
