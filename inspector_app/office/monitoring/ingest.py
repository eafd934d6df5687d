"""Readings in, exactly once: validated row by row, filed in one transaction, never altered.

Both ways in (HTTP batches from a platform, MQTT messages) end here, so the rules are one:
- a row must be `{point_id, t, value_c}`: a point id the collector reports, an RFC 3339 time
  with its zone, a finite number; anything else is refused with its index and reason and the
  rest of the batch goes on (a platform resends the whole batch after fixing one row, and the
  repeats are harmless);
- (point, time) is stored once: the same value again is a repeat (counted, not stored); another
  value for the same time is a conflict, kept in `monitoring_conflicts` and shown as the first
  reading's `duplicate` flag, never written over it;
- a reading for a point the registry does not know, for a removed point, or with a time no
  clock could mean (a day ahead, over a year back) is quarantined, kept as it came and listed,
  released to the readings when its point is registered (`release_quarantined`);
- a platform key files readings for its own company's points only (`point_of_another_company`);
- the point-days a new reading touches are marked for the aggregator (`monitoring_dirty`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from inspector_app.core.monitoring_day import utc_text
from inspector_app.core.profile import DEFAULT_PROFILE, load_profile
from inspector_app.office.db import Tx
from inspector_app.office.monitoring.partitions import ensure_partitions

MAX_BATCH = 10_000
POINT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
SOURCES = {"http": 1, "mqtt": 2, "import": 3}
AHEAD = timedelta(days=1)          # later than this after arrival: quarantined, not stored
BEHIND = timedelta(days=400)       # earlier than this before arrival: quarantined
MAX_ABS_C = Decimal(1000)          # beyond any sensor: a unit or encoding error, refused
_CHUNK = 500


@dataclass(frozen=True)
class RowRefusal:
    index: int
    point_id: str
    code: str
    zh: str
    en: str

    def as_json(self) -> dict[str, Any]:
        return {"index": self.index, "point_id": self.point_id, "error": self.code,
                "reason": self.en, "reason_zh": self.zh}


@dataclass
class IngestResult:
    received: int = 0
    stored: int = 0
    repeated: int = 0
    conflicts: int = 0
    quarantined: int = 0
    refused: list[RowRefusal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"received": self.received, "stored": self.stored, "repeated": self.repeated,
                "conflicts": self.conflicts, "quarantined": self.quarantined,
                "refused": [r.as_json() for r in self.refused]}


class Row(NamedTuple):
    """One well-formed reading (a tuple: a batch makes 10,000 of them)."""

    index: int
    point_id: str
    t: datetime          # UTC
    value: Decimal
    text: str            # the value as sent, exactly


def parse_rows(rows: Sequence[object], result: IngestResult,
               default_point: str | None = None) -> list[Row]:
    """The well-formed rows; each other one goes to `result.refused` with its reason."""
    good: list[Row] = []
    for i, raw in enumerate(rows):
        parsed = _parse(i, raw, default_point)
        if isinstance(parsed, RowRefusal):
            result.refused.append(parsed)
        else:
            good.append(parsed)
    return good


def _parse(i: int, raw: object, default_point: str | None) -> Row | RowRefusal:
    if not isinstance(raw, dict):
        return RowRefusal(i, "", "not_an_object", "每条读数须是 JSON 对象 {point_id, t, value_c}",
                          "each reading must be a JSON object {point_id, t, value_c}")
    point = raw.get("point_id", default_point)
    if not isinstance(point, str) or not POINT_ID.match(point):
        return RowRefusal(i, str(point)[:64] if point is not None else "", "bad_point_id",
                          "point_id 须是 1–64 位字母、数字或 . _ : -",
                          "point_id must be 1-64 letters, digits or . _ : -")
    if default_point is not None and point != default_point:
        return RowRefusal(i, point, "point_not_topic", f"读数的 point_id 与主题中的 {default_point} 不符",
                          f"the reading's point_id differs from the topic's {default_point}")
    t = parse_time(raw.get("t"))
    if t is None:
        return RowRefusal(i, point, "bad_time", "t 须是带时区的 RFC 3339 时间，如 2026-12-03T08:00:00+08:00",
                          "t must be an RFC 3339 time with its zone, e.g. 2026-12-03T08:00:00+08:00")
    value = raw.get("value_c")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return RowRefusal(i, point, "bad_value", "value_c 须是数字（摄氏度）",
                          "value_c must be a number (°C)")
    number = value if isinstance(value, Decimal) else _decimal(value)
    if number is None or not number.is_finite() or abs(number) >= MAX_ABS_C:
        return RowRefusal(i, point, "bad_value", "value_c 须是有限的、合理的摄氏度数",
                          "value_c must be a finite, plausible number of °C")
    text = format(number, "f") if isinstance(value, Decimal) else str(number)
    return Row(i, point, t, number, text)


def _decimal(value: int | float) -> Decimal | None:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None


def parse_time(value: object) -> datetime | None:
    """An aware UTC datetime from RFC 3339 text with a zone (Z or ±hh:mm), else None."""
    if not isinstance(value, str) or not 20 <= len(value) <= 40 or "T" not in value.upper():
        return None
    try:
        t = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    if t.tzinfo is None or t.utcoffset() is None:
        return None
    return t.astimezone(UTC)


def ingest(store: Any, rows: Sequence[object], *, company: str | None, source: str,
           now: datetime, default_point: str | None = None) -> IngestResult:
    """File `rows` (parsed JSON values) exactly once; `company`: the platform key's company
    (None: not checked, e.g. a broker that checks it); `now`: the office clock."""
    result = IngestResult(received=len(rows))
    good = parse_rows(rows, result, default_point)
    file_rows(store, good, result, company=company, source=source, now=now)
    result.refused.sort(key=lambda r: r.index)
    return result


def file_rows(store: Any, good: list[Row], result: IngestResult, *, company: str | None,
              source: str, now: datetime) -> None:
    """`ingest` after parsing: the well-formed rows into readings, conflicts or quarantine."""
    if not good:
        return
    now_utc = now.astimezone(UTC)
    plausible = [r for r in good if now_utc - BEHIND <= r.t <= now_utc + AHEAD]
    if store.db.postgres and plausible:
        ensure_partitions(store.db, {r.t for r in plausible})
    with store.db.write() as c:
        points = _points(c, {r.point_id for r in good})
        keep: dict[tuple[int, datetime], Row] = {}
        aside: list[tuple[Row, str]] = []
        for r in good:
            point = points.get(r.point_id)
            if point is not None and company is not None and point["company"] != company:
                result.refused.append(RowRefusal(
                    r.index, r.point_id, "point_of_another_company",
                    f"监测点 {r.point_id} 属于另一家供热企业，本平台密钥不能为它上传",
                    f"point {r.point_id} belongs to another heating company; this platform "
                    "key cannot file its readings"))
            elif not now_utc - BEHIND <= r.t <= now_utc + AHEAD:
                aside.append((r, "implausible_time"))
            elif point is None:
                aside.append((r, "unknown_point"))
            elif point["removed_on"] and _local_day(r.t) > date.fromisoformat(
                    point["removed_on"]):
                aside.append((r, "point_removed"))
            else:
                key = (point["point_no"], r.t)
                first = keep.get(key)
                if first is None:
                    keep[key] = r
                elif first.value == r.value:
                    result.repeated += 1
                else:
                    _conflict(c, key, r, source, now_utc, result)
        _store(c, keep, source, now_utc, result)
        _quarantine(c, aside, company or "", source, now_utc, result)


def _points(c: Tx, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    ordered = sorted(ids)
    if c.postgres:   # one array parameter: no statement of 500 placeholders to build and parse
        for pid, no, company, removed in c.execute(
                "SELECT point_id, point_no, company, removed_on FROM monitoring_points"
                " WHERE point_id = ANY(?)", (ordered,)):
            found[pid] = {"point_no": int(no), "company": company, "removed_on": removed}
        return found
    for i in range(0, len(ordered), _CHUNK):
        part = ordered[i:i + _CHUNK]
        for pid, no, company, removed in c.execute(
                "SELECT point_id, point_no, company, removed_on FROM monitoring_points"
                f" WHERE point_id IN ({', '.join('?' * len(part))})", part):
            found[pid] = {"point_no": int(no), "company": company, "removed_on": removed}
    return found


def _db_time(c: Tx, t: datetime) -> datetime | str:
    return t if c.postgres else utc_text(t)


def _existing(c: Tx, keys: list[tuple[int, datetime]]) -> dict[tuple[int, datetime], Decimal]:
    """The stored values at these (point_no, t)."""
    found: dict[tuple[int, datetime], Decimal] = {}
    by_point: dict[int, list[datetime]] = {}
    for no, t in keys:
        by_point.setdefault(no, []).append(t)
    for no, times in by_point.items():
        for i in range(0, len(times), _CHUNK):
            part = times[i:i + _CHUNK]
            rows = c.execute("SELECT t, value_c FROM monitoring_readings WHERE point_no=?"
                             f" AND t IN ({', '.join('?' * len(part))})",
                             [no, *(_db_time(c, t) for t in part)])
            for t, value in rows:
                found[(no, _as_utc(t))] = Decimal(str(value))
    return found


def _as_utc(t: datetime | str) -> datetime:
    if isinstance(t, datetime):
        return t.astimezone(UTC)
    return datetime.fromisoformat(t.replace("Z", "+00:00"))


def _store(c: Tx, keep: dict[tuple[int, datetime], Row], source: str, now: datetime,
           result: IngestResult) -> None:
    if not keep:
        return
    code = SOURCES[source]
    if c.postgres:   # stores, marks the days and notes the arrival in one statement
        inserted = _insert_postgres(c, keep, code, now)
    else:
        inserted = _insert_sqlite(c, keep, code, now)
    others = [k for k in keep if k not in inserted]
    stored_values = _existing(c, others)
    for key in others:
        if stored_values.get(key) == keep[key].value:
            result.repeated += 1
        else:
            _conflict(c, key, keep[key], source, now, result)
    result.stored += len(inserted)
    if not c.postgres:
        newest: dict[int, datetime] = {}
        for no, t in inserted:
            newest[no] = max(t, newest.get(no, t))
        _mark_dirty(c, inserted)
        _note_arrival(c, sorted({k[0] for k in keep}), newest, now)


def _note_arrival(c: Tx, touched: list[int], newest: dict[int, datetime], now: datetime
                  ) -> None:
    """Each touched point heard from now, its newest stored time moved on: one row update a
    point, one statement a batch on PostgreSQL (arrays), a chunk on SQLite."""
    stamp = utc_text(now)
    latest = [utc_text(newest[no]) if no in newest else None for no in touched]
    if c.postgres:
        c.execute("UPDATE monitoring_points AS p SET last_received_at=?,"
                  " last_t=CASE WHEN v.t IS NOT NULL AND (p.last_t IS NULL OR p.last_t < v.t)"
                  " THEN v.t ELSE p.last_t END"
                  " FROM unnest(?::integer[], ?::text[]) AS v(no, t) WHERE p.point_no=v.no",
                  (stamp, touched, latest))
        return
    c.executemany("UPDATE monitoring_points SET last_received_at=?, last_t=CASE WHEN ? IS NOT"
                  " NULL AND (last_t IS NULL OR last_t < ?) THEN ? ELSE last_t END"
                  " WHERE point_no=?",
                  [(stamp, t, t, t, no) for no, t in zip(touched, latest, strict=True)])


def _insert_sqlite(c: Tx, keep: dict[tuple[int, datetime], Row], code: int,
                   now: datetime) -> set[tuple[int, datetime]]:
    """SQLite's write lock is held (BEGIN IMMEDIATE): what is not there now is ours to add."""
    there = set(_existing(c, list(keep)))
    new = [k for k in keep if k not in there]
    c.executemany("INSERT INTO monitoring_readings (point_no, t, value_c, received_at, source)"
                  " VALUES (?, ?, ?, ?, ?)",
                  [(no, utc_text(t), keep[(no, t)].text, utc_text(now), code) for no, t in new])
    return set(new)


def _insert_postgres(c: Tx, keep: dict[tuple[int, datetime], Row], code: int,
                     now: datetime) -> set[tuple[int, datetime]]:
    """COPY into a temporary table, then one statement: INSERT … ON CONFLICT DO NOTHING (the
    rows another transaction stored first come back as repeats or conflicts, never twice),
    the new rows' days marked dirty (as `dirty_days` says) and every point of the batch noted
    as heard from, its newest stored time moved on. Returns the (point_no, t) inserted."""
    c.execute("CREATE TEMP TABLE IF NOT EXISTS monitoring_incoming (point_no integer,"
              " t timestamptz, value_c numeric) ON COMMIT DELETE ROWS")
    c.insert_rows("monitoring_incoming", ("point_no", "t", "value_c"),
                  [(no, t.isoformat(), keep[(no, t)].text) for no, t in keep])
    stamp, local = utc_text(now), f"(i.t AT TIME ZONE INTERVAL '{_OFFSET}')"
    rows = c.execute(
        "WITH ins AS (INSERT INTO monitoring_readings (point_no, t, value_c, received_at, source)"
        " SELECT point_no, t, value_c, ?, ? FROM monitoring_incoming"
        " ON CONFLICT (point_no, t) DO NOTHING RETURNING point_no, t),"
        " dirty AS (INSERT INTO monitoring_dirty (point_no, day)"
        " SELECT DISTINCT i.point_no, to_char(d.day, 'YYYY-MM-DD') FROM ins i CROSS JOIN LATERAL"
        f" (VALUES ({local}::date), (CASE WHEN extract(hour FROM {local}) >= 12"
        f" THEN {local}::date + 1 END), (CASE WHEN extract(hour FROM {local}) < 4"
        f" THEN {local}::date - 1 END)) AS d(day) WHERE d.day IS NOT NULL"
        " ON CONFLICT DO NOTHING),"
        " seen AS (UPDATE monitoring_points p SET last_received_at=?, last_t=CASE"
        " WHEN n.m IS NOT NULL AND (p.last_t IS NULL OR p.last_t < n.m) THEN n.m"
        " ELSE p.last_t END FROM (SELECT a.point_no, max(to_char(i.t AT TIME ZONE 'UTC',"
        " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) AS m FROM (SELECT DISTINCT point_no"
        " FROM monitoring_incoming) a LEFT JOIN ins i ON i.point_no=a.point_no"
        " GROUP BY a.point_no) n WHERE p.point_no=n.point_no)"
        " SELECT point_no, extract(epoch FROM t)::bigint FROM ins",
        (now, code, stamp))
    return {(int(no), datetime.fromtimestamp(epoch, UTC)) for no, epoch in rows}


def _conflict(c: Tx, key: tuple[int, datetime], r: Row, source: str, now: datetime,
              result: IngestResult) -> None:
    """Another value for a stored time: kept once beside the first, which is flagged."""
    no, t = key
    seen = c.execute("SELECT value_c FROM monitoring_conflicts WHERE point_no=? AND t=?",
                     (no, utc_text(t))).fetchall()
    if any(Decimal(str(v)) == r.value for (v,) in seen):
        result.repeated += 1
        return
    c.execute("INSERT INTO monitoring_conflicts (point_no, t, value_c, received_at, source)"
              " VALUES (?, ?, ?, ?, ?)", (no, utc_text(t), r.text, utc_text(now),
                                          SOURCES[source]))
    _mark_dirty(c, {key})
    result.conflicts += 1


def _quarantine(c: Tx, aside: list[tuple[Row, str]], company: str, source: str, now: datetime,
                result: IngestResult) -> None:
    for r, reason in aside:
        inserted = c.execute(
            "INSERT INTO monitoring_quarantine (point_id, t, value_c, reason, company, source,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (point_id, t, value_c) DO NOTHING",
            (r.point_id, utc_text(r.t), r.text, reason, company, source, utc_text(now)))
        if inserted.rowcount:
            result.quarantined += 1
        else:
            result.repeated += 1


def _offset_text(zone: Any) -> str:
    """'+08:00' for PostgreSQL's AT TIME ZONE INTERVAL (ISO sign: east of UTC positive)."""
    minutes = int(datetime.now(zone).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


ZONE = load_profile(DEFAULT_PROFILE).zone   # China keeps one zone: days are +08:00 days
_OFFSET = _offset_text(ZONE)


def _local_day(t: datetime) -> date:
    return t.astimezone(ZONE).date()


def dirty_days(t: datetime) -> set[date]:
    """The local days whose aggregates a reading at `t` can change: its own, the next when a
    flat run or a gap may carry over (afternoon), the previous when a spike may fall back
    after midnight (small hours)."""
    local = t.astimezone(ZONE)
    days = {local.date()}
    if local.hour >= 12:
        days.add(local.date() + timedelta(days=1))
    if local.hour < 4:
        days.add(local.date() - timedelta(days=1))
    return days


def _mark_dirty(c: Tx, keys: Iterable[tuple[int, datetime]]) -> None:
    marks = sorted({(no, d.isoformat()) for no, t in keys for d in dirty_days(t)})
    if c.postgres and marks:
        c.execute("INSERT INTO monitoring_dirty (point_no, day) SELECT * FROM"
                  " unnest(?::integer[], ?::text[]) ON CONFLICT DO NOTHING",
                  ([no for no, _d in marks], [d for _no, d in marks]))
        return
    for i in range(0, len(marks), _CHUNK):
        part = marks[i:i + _CHUNK]
        c.execute("INSERT INTO monitoring_dirty (point_no, day) VALUES "
                  + ", ".join(["(?, ?)"] * len(part)) + " ON CONFLICT DO NOTHING",
                  [v for m in part for v in m])


def release_quarantined(store: Any, point_ids: Iterable[str], now: datetime) -> int:
    """File the quarantined readings of points registered since; returns how many left
    quarantine. A reading its point still cannot take (after the point's removal, or at an
    implausible time) stays."""
    ids = sorted(set(point_ids))
    now_utc = now.astimezone(UTC)
    released = 0
    for i in range(0, len(ids), _CHUNK):
        part = ids[i:i + _CHUNK]
        with store.db.reading() as c:
            points = _points(c, part)
            rows = c.execute(
                "SELECT id, point_id, t, value_c, source FROM monitoring_quarantine"
                f" WHERE released_at IS NULL AND point_id IN ({', '.join('?' * len(part))})"
                " ORDER BY id", part).fetchall()
        fileable: dict[str, list[tuple[int, Row]]] = {}
        for q, p, t, v, source in rows:
            point, when = points.get(p), _as_utc(t)
            if (point is None or not now_utc - BEHIND <= when <= now_utc + AHEAD
                    or point["removed_on"]
                    and _local_day(when) > date.fromisoformat(point["removed_on"])):
                continue
            fileable.setdefault(source if source in SOURCES else "import", []).append(
                (int(q), Row(int(q), p, when, Decimal(v), v)))
        for source, items in sorted(fileable.items()):
            result = IngestResult(received=len(items))
            file_rows(store, [r for _q, r in items], result, company=None, source=source,
                      now=now)
            with store.db.write() as c:
                c.executemany("UPDATE monitoring_quarantine SET released_at=? WHERE id=?",
                              [(utc_text(now_utc), q) for q, _r in items])
            released += len(items)
    return released
