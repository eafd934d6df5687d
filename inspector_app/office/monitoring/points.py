"""The registry of fixed monitoring points: which collector hangs in which room of which home.

Why it is shaped this way:
- A point is known by the id its collector reports (`point_id`); its readings carry
  `point_no`, a small number given once (the highest so far + 1, under the `monitoring points`
  lock on PostgreSQL, SQLite's write lock otherwise) and never reused or changed, so a stored
  reading keeps naming the collector that sent it.
- Registering is an upsert: the same values again change nothing (not even `updated_at`), so
  a district re-imports its whole list after fixing a row; changed values update the row, and
  every act is kept in `monitoring_point_changes` (who, when, each field's old and new value):
  a calibration correction or a household changes the evidence a point's days give a case. A
  changed correction or district marks the point's stored days for the aggregator again
  (`monitoring_dirty`).
- A registration that does not give `removed_on` or the calibration fields (an import without
  those columns, an empty cell) keeps what is stored: re-importing the installers' list never
  brings a removed point back nor drops a calibration. Removal is its own act (`remove`).
- The household is the address's household key (`office.households`), upserted as records and
  tickets do, so a point's days reach the household's case.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.office.db import Tx
from inspector_app.office.households import ADDRESS_PARTS, UPSERT, household_of_parts
from inspector_app.office.monitoring.ingest import POINT_ID
from inspector_app.office.values import utc_iso

ROOM_KINDS = ("bedroom", "living_room", "other")
ROOM_WORDS = {"卧室": "bedroom", "客厅": "living_room", "起居室": "living_room", "其他": "other",
              **{k: k for k in ROOM_KINDS}}
ROOM_ZH = {"bedroom": "卧室", "living_room": "客厅", "other": "其他"}
POSITIONS = ("top", "ground", "end", "overhang")          # stored in this order
POSITION_WORDS = {"顶层": "top", "底层": "ground", "边户": "end", "悬空": "overhang",
                  **{k: k for k in POSITIONS}}
POSITION_ZH = {v: k for k, v in POSITION_WORDS.items() if k not in POSITIONS}
_POSITION_SPLIT = re.compile(r"[、,，;；|\s]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SUFFIXES = {"building": ("栋", re.compile("(栋|号楼|幢|楼|座)$")),
             "unit": ("单元", re.compile("(单元|门)$")), "flat": ("室", re.compile("(室|号|户)$"))}
MAX_TEXT = 200
MAX_CORRECTION = Decimal(10)     # °C: beyond any calibration, a typing error

# every field a registration may give; the last four keep the stored value when not given
FIELDS = ("point_id", *ADDRESS_PARTS, "room_kind", "room_name", "position", "company",
          "installed_on", "removed_on", "correction_c", "calibrated_on", "calibration_ref")
KEPT = ("removed_on", "correction_c", "calibrated_on", "calibration_ref")
KEPT_DEFAULTS: dict[str, str | None] = {"removed_on": None, "correction_c": "0",
                                        "calibrated_on": "", "calibration_ref": ""}
# the columns a registration writes (point_no, last_*, created/updated_at are the office's)
CONTENT = ("household", *ADDRESS_PARTS, "address", "room_kind", "room_name", "position",
           "company", "installed_on", *KEPT)
# what a point's stored days were computed with (`monitoring.aggregates`: the correction, and
# the rules of its district): a change marks them for the aggregator again
AGGREGATE_INPUTS = {"correction_c", "district"}
FIELD_ZH = {"point_id": "监测点编号", "city": "市", "district": "区", "street": "街道",
            "community": "小区", "building": "楼栋", "unit": "单元", "flat": "户",
            "room_kind": "房间类型", "room_name": "房间名称", "position": "位置",
            "company": "供热企业", "installed_on": "安装日期", "removed_on": "拆除日期",
            "correction_c": "校准修正值", "calibrated_on": "校准日期", "calibration_ref": "校准证书编号"}


class PointRefusal(InspectionError):
    """A registration or removal the registry will not make; `field` names the bad field,
    `status` the HTTP answer (422 a bad value, 404 an unknown point)."""

    def __init__(self, zh: str, en: str, field: str | None = None, status: int = 422,
                 code: str = "invalid_point") -> None:
        super().__init__(zh, en, field)
        self.status, self.code = status, code


@dataclass(frozen=True)
class Registration:
    """One point's validated values: `columns` holds each column it sets (household and
    address computed); a field of KEPT it did not give is absent."""

    point_id: str
    columns: dict[str, str | None]


def _bad(field: str, zh: str, en: str) -> PointRefusal:
    return PointRefusal(f"{FIELD_ZH[field]}{zh}", f"{field} {en}", field)


def _text(raw: Mapping[str, Any], field: str) -> str:
    value = raw.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(field, "须是文字", "must be text")
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise _bad(field, f"不能超过 {MAX_TEXT} 个字", f"must be at most {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise _bad(field, "含有控制字符", "contains control characters")
    return value


def _required(raw: Mapping[str, Any], field: str) -> str:
    value = _text(raw, field)
    if not value:
        raise _bad(field, "不能为空", "is required")
    return value


def parse_date(raw: Mapping[str, Any], field: str) -> str:
    """A YYYY-MM-DD day as text, '' when empty."""
    value = _text(raw, field)
    if not value:
        return ""
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise _bad(field, f"应写成 YYYY-MM-DD（现为“{value[:20]}”）",
                   f"must be a date YYYY-MM-DD (got {value[:20]!r})") from None
    return value


def room_kind(text: str) -> str:
    """bedroom | living_room | other from the key or its Chinese word."""
    kind = ROOM_WORDS.get(text.strip()) or ROOM_WORDS.get(text.strip().lower())
    if kind is None:
        raise _bad("room_kind", f"只能是 卧室、客厅（起居室）或 其他（现为“{text[:20]}”）",
                   f"must be bedroom, living_room or other (got {text[:20]!r})")
    return kind


def positions(value: object) -> tuple[str, ...]:
    """Position flags from Chinese words or keys, separated by 、,;| or spaces (or a list),
    in the fixed order of POSITIONS."""
    if value is None:
        return ()
    words = value if isinstance(value, list | tuple) else None
    if words is None:
        if not isinstance(value, str):
            raise _bad("position", "须是文字", "must be text")
        words = [w for w in _POSITION_SPLIT.split(value.strip()) if w]
    found = set()
    for word in words:
        key = None
        if isinstance(word, str):
            key = POSITION_WORDS.get(word.strip()) or POSITION_WORDS.get(word.strip().lower())
        if key is None:
            raise _bad("position", f"只能是 顶层、底层、边户、悬空 中的几个（“{str(word)[:20]}”不是）",
                       f"must be some of top, ground, end, overhang ({str(word)[:20]!r} is not)")
        found.add(key)
    return tuple(p for p in POSITIONS if p in found)


def correction(raw: Mapping[str, Any]) -> str:
    """The calibration correction as exact decimal text, '' when not given."""
    value = raw.get("correction_c")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        value = str(value)
    text = _text({"correction_c": value}, "correction_c")
    if not text:
        return ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or abs(number) > MAX_CORRECTION:
        raise _bad("correction_c", f"应是 −{MAX_CORRECTION} 到 {MAX_CORRECTION} 之间的数（摄氏度）",
                   f"must be a number of °C between -{MAX_CORRECTION} and {MAX_CORRECTION}")
    return "0" if number == 0 else format(number.normalize(), "f")


def one_line(parts: Mapping[str, str]) -> str:
    """The address on one line (长春市朝阳区绿园小区3栋2单元501室), a suffix added only where
    the part lacks one (an installer writes 3号楼 as often as 3)."""
    out = []
    for name in ADDRESS_PARTS:
        value, suffix = parts[name], _SUFFIXES.get(name)
        if value and suffix and not suffix[1].search(value):
            value += suffix[0]
        out.append(value)
    return "".join(out)


def registration(raw: Mapping[str, Any]) -> Registration:
    """Validate one point's fields (`raw`: field → text; absent or empty KEPT fields keep the
    stored values); `PointRefusal` names the first bad field."""
    point_id = _text(raw, "point_id")
    if not POINT_ID.match(point_id):
        raise _bad("point_id", "须是 1–64 位字母、数字或 . _ : -",
                   "must be 1-64 letters, digits or . _ : -")
    parts = {f: _text(raw, f) for f in ADDRESS_PARTS}
    if not parts["district"]:
        raise _bad("district", "不能为空", "is required")
    key = household_of_parts(*parts.values())
    if key is None:
        raise PointRefusal("地址须写明小区（或街道）以及楼栋或户号，才能确定住户",
                           "the address must name a community (or street) and a building or "
                           "flat to find the household", "community")
    columns: dict[str, str | None] = {
        "household": key.household_id, **parts, "address": one_line(parts),
        "room_kind": room_kind(_required(raw, "room_kind")),
        "room_name": _text(raw, "room_name"),
        "position": ",".join(positions(raw.get("position"))),
        "company": _required(raw, "company"),
        "installed_on": parse_date(raw, "installed_on") or _required(raw, "installed_on")}
    kept = {"removed_on": parse_date(raw, "removed_on"), "correction_c": correction(raw),
            "calibrated_on": parse_date(raw, "calibrated_on"),
            "calibration_ref": _text(raw, "calibration_ref")}
    columns.update({k: v for k, v in kept.items() if v})
    removed = columns.get("removed_on")
    if removed and removed < str(columns["installed_on"]):
        raise _bad("removed_on", "不能早于安装日期", "cannot be before installed_on")
    return Registration(point_id, columns)


@dataclass
class Outcome:
    point_id: str
    outcome: str           # new | updated | unchanged


def register(store: Any, items: Sequence[Registration], by: str, now: datetime
             ) -> list[Outcome]:
    """Upsert `items` in one transaction (a point twice: the later values win); each new one
    gets the next point_no. The households are upserted too; every change is audited."""
    at = utc_iso(now)
    outcomes: list[Outcome] = []
    with store.db.write() as c:
        c.lock("monitoring points")
        held = _held(c, {r.point_id for r in items})
        last_no = int(c.execute("SELECT COALESCE(MAX(point_no), 0) FROM monitoring_points"
                                ).fetchone()[0])
        fresh: dict[str, dict[str, Any]] = {}
        changed: dict[str, dict[str, Any]] = {}
        audit: list[tuple[str, str, str, str, str, str]] = []
        homes: dict[str, tuple[str, ...]] = {}
        stale: set[int] = set()
        for item in items:
            old = held.get(item.point_id)
            if old is None:
                row = {**KEPT_DEFAULTS, **item.columns}
                last_no += 1
                held[item.point_id] = fresh[item.point_id] = {**row, "point_no": last_no}
                audit.append((item.point_id, "registered", _json(
                    {k: [None, v] for k, v in row.items() if v not in (None, "")}), "", by, at))
                outcomes.append(Outcome(item.point_id, "new"))
            else:
                diff = {k: [old[k], v] for k, v in item.columns.items() if old[k] != v}
                if diff:
                    old.update(item.columns)
                    if item.point_id not in fresh:
                        changed[item.point_id] = old
                    if diff.keys() & AGGREGATE_INPUTS:
                        stale.add(int(old["point_no"]))
                    audit.append((item.point_id, "updated", _json(diff), "", by, at))
                outcomes.append(Outcome(item.point_id, "updated" if diff else "unchanged"))
                if "household" not in diff:
                    continue   # its household row is there since it was registered
            row = held[item.point_id]
            homes.setdefault(row["household"], (row["household"], *_home(row), at))
        cols = ("point_id", "point_no", *CONTENT, "created_at", "updated_at")
        c.insert_rows("monitoring_points", cols, [
            (pid, row["point_no"], *(row[k] for k in CONTENT), at, at)
            for pid, row in fresh.items()])
        sets = ", ".join(f"{k}=?" for k in (*CONTENT, "updated_at"))
        c.executemany(f"UPDATE monitoring_points SET {sets} WHERE point_id=?",
                      [(*(row[k] for k in CONTENT), at, pid) for pid, row in changed.items()])
        c.executemany(UPSERT, [homes[h] for h in sorted(homes)])
        for no in sorted(stale):   # its days were computed with the old correction or rules
            c.execute("INSERT INTO monitoring_dirty (point_no, day) SELECT point_no, day FROM"
                      " monitoring_daily WHERE point_no=? ON CONFLICT DO NOTHING", (no,))
        c.insert_rows("monitoring_point_changes",
                      ("point_id", "kind", "changes", "reason", "by", "at"), audit)
    return _latest(outcomes)


def _latest(outcomes: list[Outcome]) -> list[Outcome]:
    """One outcome a point: a point new in this call stays new whatever followed it."""
    merged: dict[str, Outcome] = {}
    for o in outcomes:
        first = merged.get(o.point_id)
        if first is None or (first.outcome == "unchanged" and o.outcome == "updated"):
            merged[o.point_id] = o
    return list(merged.values())


def _home(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """(key text, city, district, address) of the household row for a point's address."""
    key = household_of_parts(*(str(row[k]) for k in ADDRESS_PARTS))
    assert key is not None   # checked by `registration`
    return key.text, key.city, str(row["district"]), str(row["address"])


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _held(c: Tx, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        part = ordered[i:i + 500]
        for r in c.execute(f"SELECT point_id, point_no, {', '.join(CONTENT)} FROM"
                           f" monitoring_points WHERE point_id IN ({', '.join('?' * len(part))})",
                           part):
            found[r[0]] = {"point_no": r[1], **dict(zip(CONTENT, r[2:], strict=True))}
    return found


def remove(store: Any, point_id: str, on: date, by: str, now: datetime, reason: str = ""
           ) -> bool:
    """Record that `point_id` was taken down on `on` (readings after that day are
    quarantined); False when it was already removed on that day (nothing written)."""
    with store.db.write() as c:
        row = c.execute("SELECT installed_on, removed_on FROM monitoring_points"
                        " WHERE point_id=?", (point_id,)).fetchone()
        if row is None:
            raise unknown_point(point_id)
        day = on.isoformat()
        if day < row[0]:
            raise PointRefusal(f"拆除日期 {day} 早于安装日期 {row[0]}",
                               f"the removal day {day} is before the installation {row[0]}",
                               "on")
        if row[1] == day:
            return False
        at = utc_iso(now)
        c.execute("UPDATE monitoring_points SET removed_on=?, updated_at=? WHERE point_id=?",
                  (day, at, point_id))
        c.execute("INSERT INTO monitoring_point_changes (point_id, kind, changes, reason, by, at)"
                  " VALUES (?, 'removed', ?, ?, ?, ?)",
                  (point_id, _json({"removed_on": [row[1], day]}), reason.strip(), by, at))
    return True


def unknown_point(point_id: str) -> PointRefusal:
    return PointRefusal(f"没有编号为 {point_id} 的监测点", f"there is no monitoring point {point_id}",
                        "point_id", 404, "not_found")


def changes(c: Tx, point_id: str) -> list[dict[str, Any]]:
    """The registry's acts on a point, oldest first."""
    return [{"kind": k, "changes": json.loads(ch), "reason": r, "by": b, "at": a}
            for k, ch, r, b, a in c.execute(
                "SELECT kind, changes, reason, by, at FROM monitoring_point_changes"
                " WHERE point_id=? ORDER BY id", (point_id,))]
