"""Verification of photo evidence on the laptop: do the stored bytes still hash as sealed?

A sealed record cites each photo by SHA-256 (`photos`); the bytes live in the `photos` table.
Whoever holds the database file can drop the triggers and swap a photo's bytes or delete it, or
relink photos to other rooms: each shows here as "content changed" for the record. Kept apart
from `verify.py` so verification calls it with one line.
"""

from __future__ import annotations

import hashlib
from typing import Any

import sqlite_utils

from inspector_app.seal.local_checks import first_difference
from inspector_app.seal.photo_refs import PhotoRefError, photo_refs
from inspector_app.seal.problems import Problem
from inspector_app.store.schema_photos import PHOTO_TRIGGERS
from inspector_app.store.sealed import SealedRow

_LINK_FIELDS = ("sha256", "kind", "caption", "taken_at", "attached_to")


def check_photos(db: sqlite_utils.Database, row: SealedRow,
                 envelope: dict[str, Any]) -> list[Problem]:
    """Each cited photo rehashed from the stored bytes; the visit's photo links against the record."""
    rid = row.record_id
    record = envelope.get("record") if isinstance(envelope, dict) else None
    if not isinstance(record, dict):
        return []  # verify_envelope reports the format fault
    try:
        refs = photo_refs(record)
    except PhotoRefError as exc:
        return [Problem(rid, "bad_format", f"格式错误：{exc.zh}", f"bad format: {exc.en}")]
    problems: list[Problem] = []
    for ref in {r.sha256: r for r in refs}.values():
        found = db.conn.execute("SELECT data FROM photos WHERE sha256=?", (ref.sha256,)).fetchone()
        short = ref.sha256[:12]
        if found is None:
            problems.append(Problem(rid, "content_changed",
                                    f"内容被改动：签封记录引用的照片 {short}… 已从数据库中删除",
                                    f"content changed: photo {short}… cited by the record is "
                                    "missing from the database"))
        elif hashlib.sha256(bytes(found[0])).hexdigest() != ref.sha256:
            problems.append(Problem(rid, "content_changed",
                                    f"内容被改动：照片 {short}… 的内容与签封时的哈希不符（照片被替换）",
                                    f"content changed: photo {short}… no longer has the hash "
                                    "it was sealed with (the photo was swapped)"))
    sealed = [{k: item.get(k) for k in _LINK_FIELDS} for item in record.get("photos") or []]
    now = _stored_links(db, row.visit_id)
    if sealed != now:
        where = first_difference(sealed, now) or "photos"
        problems.append(Problem(rid, "content_changed",
                                f"内容被改动：数据库中的照片关联与签封记录不一致（{where}）",
                                f"content changed: the visit's photo links differ from the sealed "
                                f"record ({where})"))
    return problems


def _stored_links(db: sqlite_utils.Database, visit_id: str) -> list[dict[str, Any]]:
    rows = db.conn.execute("SELECT sha256, kind, caption, taken_at, room_id, point_id"
                           " FROM photo_links WHERE visit_id=? ORDER BY id", (visit_id,))
    out = []
    for sha, kind, caption, taken_at, room_id, point_id in rows:
        target = ({"type": "point", "id": point_id} if point_id else
                  {"type": "room", "id": room_id} if room_id else
                  {"type": "visit", "id": visit_id})
        out.append({"sha256": sha, "kind": kind, "caption": caption, "taken_at": taken_at,
                    "attached_to": target})
    return out


def check_photo_triggers(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """A warning when the photo triggers were dropped (the photos may still be intact)."""
    present = {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger'").fetchall()}
    missing = sorted(set(PHOTO_TRIGGERS) - present)
    if not missing:
        return []
    names = ", ".join(missing)
    return [(f"警告：照片的防篡改触发器已被删除（{names}）",
             f"warning: the photos' immutability triggers were dropped ({names})")]
