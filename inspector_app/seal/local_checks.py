"""Checks only the laptop can make: do the database rows still say what the envelope sealed?

The envelope proves itself by hash and signature; these checks catch someone who edits the
visit's rows (after dropping the triggers) so the app and the slip would show other values.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector_app.seal.canonical import canonical_bytes
from inspector_app.seal.problems import Problem
from inspector_app.store.schema_seal import TRIGGERS
from inspector_app.store.sealed import SealedRow
from inspector_app.store.visits import VisitStore


def first_difference(sealed: Any, now: Any, path: str = "") -> str | None:
    """Where two JSON values first differ, as a path with both values: for the message."""
    if isinstance(sealed, dict) and isinstance(now, dict):
        for key in sorted(set(sealed) | set(now)):
            if key not in sealed or key not in now:
                return f"{path}.{key}".lstrip(".") + (" (added)" if key in now else " (removed)")
            found = first_difference(sealed[key], now[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(sealed, list) and isinstance(now, list):
        for i, (a, b) in enumerate(zip(sealed, now)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        if len(sealed) != len(now):
            return f"{path.lstrip('.')}: {len(sealed)} → {len(now)} items"
        return None
    if canonical_bytes(sealed) != canonical_bytes(now):
        return f"{path.lstrip('.')}: {json.dumps(sealed, ensure_ascii=False)} → " \
               f"{json.dumps(now, ensure_ascii=False)}"
    return None


def check_rows(db: sqlite_utils.Database, row: SealedRow,
               envelope: dict[str, Any]) -> list[Problem]:
    """The sealed_records columns and the visit's rows against the stored envelope."""
    rid = row.record_id
    problems: list[Problem] = []
    try:
        record = envelope["record"]
        expected = {"record_id": record["record_id"], "visit_id": record["visit"]["id"],
                    "device_id": record["device"]["device_id"], "seq": record["chain"]["seq"],
                    "sha256": envelope["sha256"], "prev_sha256": record["chain"]["prev_sha256"],
                    "sealed_at": record["sealed_at"],
                    "supersedes": (record["supersedes"] or {}).get("record_id")}
    except (KeyError, TypeError, AttributeError):
        return problems  # verify_envelope reports the format fault
    differing = [k for k, v in expected.items() if getattr(row, k) != v]
    if differing:
        problems.append(Problem(rid, "row_mismatch",
                                f"数据库行与签封记录不一致：{', '.join(differing)}",
                                f"row mismatch: {', '.join(differing)} differ from the envelope"))
    state = db.conn.execute("SELECT state FROM visits WHERE id=?", (row.visit_id,)).fetchone()
    if state is None:
        problems.append(Problem(rid, "content_changed",
                                "内容被改动：该记录的检测数据已从数据库中删除",
                                "content changed: the visit's rows were deleted from the database"))
        return problems
    if state[0] not in ("sealed", "synced"):
        problems.append(Problem(rid, "row_mismatch",
                                f"数据库行与签封记录不一致：记录状态为 {state[0]}",
                                f"row mismatch: the visit's state is {state[0]!r}, not sealed"))
    try:
        now = VisitStore(db).load(row.visit_id).to_dict()
    except (KeyError, TypeError, ValueError) as exc:
        problems.append(Problem(rid, "content_changed", f"内容被改动：检测数据无法读取（{exc}）",
                                f"content changed: the visit's rows cannot be read ({exc})"))
        return problems
    sealed = record["visit"]
    if canonical_bytes(sealed) != canonical_bytes(now):
        where = first_difference(sealed, now) or "visit"
        problems.append(Problem(rid, "content_changed",
                                f"内容被改动：数据库中的检测数据与签封记录不一致（{where}）",
                                f"content changed: the visit's rows differ from the sealed "
                                f"record ({where})"))
    return problems


def unsealed_frozen_visits(db: sqlite_utils.Database) -> list[Problem]:
    """Visits marked sealed whose record is gone: a deleted record names itself here."""
    return [Problem(vid, "link_missing",
                    "链条缺环：该记录标记为已签封，但签封记录已被删除",
                    "link missing: the visit is marked sealed but its sealed record is gone")
            for (vid,) in db.conn.execute(
                "SELECT id FROM visits WHERE state IN ('sealed','synced') AND id NOT IN"
                " (SELECT visit_id FROM sealed_records) ORDER BY created_at").fetchall()]


def check_triggers(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """Warnings when the immutability triggers were dropped (the data may still be intact)."""
    present = {r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger'").fetchall()}
    missing = sorted(set(TRIGGERS) - present)
    if not missing:
        return []
    names = ", ".join(missing)
    return [(f"警告：数据库的防篡改触发器已被删除（{names}）",
             f"warning: the database's immutability triggers were dropped ({names})")]
