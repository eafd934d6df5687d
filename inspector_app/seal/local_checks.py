"""Checks only the laptop can make: do the database rows still say what the envelope sealed?

The envelope proves itself by hash and signature; these checks catch someone who edits the
visit's rows (after dropping the triggers) so the app and the slip would show other values.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from inspector_app.seal.canonical import canonical_bytes, canonical_text
from inspector_app.seal.problems import Problem
from inspector_app.seal.record_rows import SEALED_RECORDS, VISITS, Differences, Table
from inspector_app.store.schema_seal import TRIGGERS
from inspector_app.store.sealed import SealedRow


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


def _rows(db: sqlite_utils.Database, sql: str, params: tuple) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _same(sealed: Any, now: Any) -> bool:
    try:
        return canonical_bytes(sealed) == canonical_bytes(now)
    except (TypeError, ValueError):
        return False


def _show(value: Any) -> str:
    try:
        return canonical_text(value)
    except (TypeError, ValueError):
        return repr(value)


def _keyed(items: list[dict[str, Any]], table: Table) -> dict[tuple[Any, int], int]:
    """Identity (with its occurrence, for equal identities) -> index in `items`."""
    seen: dict[Any, int] = {}
    out = {}
    for i, item in enumerate(items):
        ident = table.identity(item)
        out[(ident, seen.get(ident, 0))] = i
        seen[ident] = seen.get(ident, 0) + 1
    return out


def _items(sealed: Any, key: str | None) -> list[dict[str, Any]]:
    items = sealed.get(key) if isinstance(sealed, dict) and key else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _check_order(table: Table, lists: list[list[dict[str, Any]]], views: list[dict[str, Any]],
                 where: tuple[str, str], found: Differences) -> None:
    """Each sealed list's items must come in the same order as their rows do."""
    stored = [table.identity(v) for v in views]
    for items in lists:
        sealed_order = [table.identity(i) for i in items]
        wanted = set(sealed_order)
        if [ident for ident in stored if ident in wanted] != sealed_order:
            names = "、".join(table.describe(i)[0] for i in items)
            names_en = ", ".join(table.describe(i)[1] for i in items)
            found.add(f"{where[0]}：顺序被改动（签封时为 {names}）",
                      f"{where[1]}: the order was changed (sealed as {names_en})")


def compare_item(db: sqlite_utils.Database, table: Table, sealed: dict[str, Any],
                 row: dict[str, Any], position: int, where: tuple[str, str],
                 found: Differences) -> None:
    """Every field of `row` against the sealed item, then its child rows, recursively."""
    zh_at, en_at = where
    for f in table.fields:
        try:
            want = f.sealed_value(sealed, position)
        except (KeyError, TypeError, AttributeError):
            want = None
        try:
            got = f.stored(row[f.column])
        except (TypeError, ValueError, AttributeError) as exc:
            found.add(f"{zh_at}：{f.column} 无法读取（{exc}）",
                      f"{en_at}: {f.column} cannot be read ({exc})")
            continue
        if _same(want, got):
            continue
        inner = first_difference(want, got) if isinstance(want, dict | list) else None
        change = inner or f"{_show(want)} → {_show(got)}"
        found.add(f"{zh_at}：{f.column} {change}", f"{en_at}: {f.column} {change}")
    for child in table.children:
        lists = [_items(sealed, key) for key in child.sealed_lists]
        items = [item for one in lists for item in one]
        rows = _rows(db, f"SELECT * FROM {child.name} WHERE {child.parent_column}=?"
                         f" ORDER BY {child.order_by}", (row[table.key_column],))
        views = [child.sealed_view(r) for r in rows]
        sealed_keys, row_keys = _keyed(items, child), _keyed(views, child)
        if child.ordered:
            _check_order(child, lists, views, where, found)
        for key, i in sealed_keys.items():
            zh, en = child.describe(items[i])
            at = (f"{zh_at} › {zh}", f"{en_at} › {en}")
            if key not in row_keys:
                found.add(f"{at[0]}：已从数据库删除", f"{at[1]}: removed from the database")
            else:
                compare_item(db, child, items[i], rows[row_keys[key]], i, at, found)
        for key, j in row_keys.items():
            if key not in sealed_keys:
                zh, en = child.describe(views[j])
                found.add(f"{zh_at} › {zh}：签封后新增（签封记录中没有）",
                          f"{en_at} › {en}: added after sealing (not in the sealed record)")


def _listed(found: Differences, lang: int, limit: int = 4) -> str:
    lines = [pair[lang] for pair in found.lines]
    more = len(lines) - limit
    shown = "; ".join(lines[:limit])
    if more > 0:
        shown += f"；另有 {more} 处" if lang == 0 else f"; and {more} more"
    return shown


def check_rows(db: sqlite_utils.Database, row: SealedRow,
               envelope: dict[str, Any]) -> list[Problem]:
    """The sealed_records row and every row of the visit against the stored envelope."""
    rid = row.record_id
    problems: list[Problem] = []
    try:
        record = envelope["record"]
        visit = record["visit"]
        expected = {f.column: f.sealed_value(envelope, 0) for f in SEALED_RECORDS.fields}
    except (KeyError, TypeError, AttributeError):
        return problems  # verify_envelope reports the format fault
    differing = [k for k, v in expected.items() if getattr(row, k) != v]
    if differing:
        problems.append(Problem(rid, "row_mismatch",
                                f"数据库行与签封记录不一致：{', '.join(differing)}",
                                f"row mismatch: {', '.join(differing)} differ from the envelope"))
    visit_rows = _rows(db, "SELECT * FROM visits WHERE id=?", (row.visit_id,))
    if not visit_rows:
        problems.append(Problem(rid, "content_changed",
                                "内容被改动：该记录的检测数据已从数据库中删除",
                                "content changed: the visit's rows were deleted from the database"))
        return problems
    state = visit_rows[0]["state"]
    if state not in ("sealed", "synced"):
        problems.append(Problem(rid, "row_mismatch",
                                f"数据库行与签封记录不一致：记录状态为 {state}",
                                f"row mismatch: the visit's state is {state!r}, not sealed"))
    found = Differences()
    compare_item(db, VISITS, visit if isinstance(visit, dict) else {}, visit_rows[0], 0,
                 ("检测记录", "visit"), found)
    if found:
        problems.append(Problem(
            rid, "content_changed",
            f"内容被改动：数据库中的检测数据与签封记录不一致（{_listed(found, 0)}）",
            f"content changed: the visit's rows differ from the sealed record "
            f"({_listed(found, 1)})"))
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
