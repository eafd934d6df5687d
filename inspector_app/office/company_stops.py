"""Company-caused heating stops, entered at the office as company events (storage, no web code).

Why it is shaped this way:
- A stop is evidence in the cases it reaches (a stop of ≥ 48 h raises the refund as the
  profile says), so it is entered with its cause and evidence, audited (who entered it and
  when; who withdrew it, when and why) and never edited or deleted: a wrong stop is withdrawn
  and entered again.
- Its scope is the whole district of the company (empty scope) or named communities and
  buildings; a household is reached when its community, or its community and building, are
  named (`reaches`), compared as the household key normalises them (`core.household`), so
  "3号楼" and "３栋" are one building.
- Two stops of one company that overlap in time and in scope would count the same cold days
  twice: refused, naming the stop already entered. The check and the insert run in one
  transaction under one lock, so two offices entering at once cannot both pass it.
- Times are RFC 3339 with their zone (a stop without a zone is refused: the office cannot guess
  whose clock it is), and not in the future: a stop is entered once it has ended.
- Numbers run per season of the stop's start ('2025-2026-S0001'); after a stop is stored or
  withdrawn the open cases of that company and district are recomputed in the same transaction
  (`office.cases.refresh_company`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from inspector_app.core.household import household_key
from inspector_app.core.season import season_of
from inspector_app.office.db import Tx
from inspector_app.office.event_refusal import EventRefused
from inspector_app.office.values import now_iso

COLS = ("stop_id", "company", "district", "scope", "start_at", "end_at", "cause", "evidence",
        "entered_by", "entered_at", "withdrawn_at", "withdrawn_by", "withdrawn_reason")
CLOCK_GRACE = timedelta(minutes=5)   # a supervisor's clock a little ahead of the office's
# The longest heating season of the profiles is 183 days (Harbin, Heilongjiang: 20 Oct to 20 Apr);
# a stop cannot outlast the heating it stops, so one of more than 200 days is a typing error
# (a wrong year or month), not a stop: it would turn a whole season into refund days.
MAX_STOP = timedelta(days=200)
# Days a stop may fall on (its own local date): from the first season the office knows
# (2000-2001) to the end of 2099. An earlier or later day is a typing error (1025, 2205).
FIRST_DAY, LAST_DAY = date(2000, 7, 1), date(2099, 12, 31)
LOCK = "company stops"


def parse_moment(text: str, field: str, now: datetime | None = None) -> datetime:
    """An RFC 3339 time with its zone, on a plausible day (`FIRST_DAY` to `LAST_DAY`), not in
    the future; EventRefused otherwise."""
    try:
        moment = datetime.fromisoformat(str(text).strip().replace("z", "Z"))
    except ValueError as exc:
        raise EventRefused("bad_time", f"{field} 不是有效的时间（RFC 3339，如 "
                           f"2025-12-03T08:00:00+08:00）：{text!r}",
                           f"{field} is not a time (RFC 3339, e.g. 2025-12-03T08:00:00+08:00): "
                           f"{text!r}", field=field) from exc
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise EventRefused("time_without_zone", f"{field} 须带时区，如 +08:00：{text!r}",
                           f"{field} needs its zone, e.g. +08:00: {text!r}", field=field)
    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise EventRefused("implausible_date", f"{field}（{text}）不在 {FIRST_DAY} 至 {LAST_DAY} "
                           "之间：请核对日期", f"{field} ({text}) is outside {FIRST_DAY} to "
                           f"{LAST_DAY}: check the date", field=field)
    if moment > (now or datetime.now(UTC)) + CLOCK_GRACE:
        raise EventRefused("future_time", f"{field} 在将来：{text!r}；停热结束后再登记",
                           f"{field} is in the future: {text!r}; enter a stop once it has ended",
                           field=field)
    return moment


def normal_scope(scope: dict[str, Any] | None) -> dict[str, list]:
    """The scope as stored: trimmed, empty names dropped, duplicates dropped, sorted."""
    scope = scope or {}
    communities = sorted({str(c).strip() for c in scope.get("communities") or []
                          if str(c).strip()})
    buildings = sorted({(str(c).strip(), str(b).strip()) for c, b in scope.get("buildings") or []
                        if str(c).strip() and str(b).strip()})
    return {"communities": communities, "buildings": [list(b) for b in buildings]}


def _place(community: str, building: str = "") -> tuple[str, str]:
    key = household_key("", "", "", community, building, "", "")
    return key.place, key.building


def _keys(scope: dict[str, Any]) -> tuple[set[str], set[tuple[str, str]]]:
    return ({_place(c)[0] for c in scope.get("communities", [])},
            {_place(c, b) for c, b in scope.get("buildings", [])})


def whole_district(scope: dict[str, Any]) -> bool:
    return not scope.get("communities") and not scope.get("buildings")


def reaches(scope: dict[str, Any], community: str, building: str) -> bool:
    """Whether a stop of this scope reaches a household of `community` and `building` (in its
    company's district): the whole district, its community, or its building is named."""
    if whole_district(scope):
        return True
    communities, buildings = _keys(scope)
    place = _place(community, building)
    return place[0] in communities or place in buildings


def scopes_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if whole_district(a) or whole_district(b):
        return True
    comm_a, build_a = _keys(a)
    comm_b, build_b = _keys(b)
    return bool(comm_a & comm_b or build_a & build_b
                or {c for c, _ in build_a} & comm_b or {c for c, _ in build_b} & comm_a)


def _row(row: Sequence[Any]) -> dict[str, Any]:
    out = dict(zip(COLS, row, strict=True))
    out["scope"] = json.loads(out["scope"])
    start, end = datetime.fromisoformat(out["start_at"]), datetime.fromisoformat(out["end_at"])
    out["hours"] = round((end - start).total_seconds() / 3600, 2)
    out["season"] = season_of(out["start_at"])
    out["state"] = "withdrawn" if out["withdrawn_at"] else "in_force"
    return out


def _text(value: str, field: str, zh: str, limit: int, required: bool = True) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise EventRefused("missing", f"请填写{zh}（{field}）", f"{field} is required",
                           field=field)
    if len(text) > limit or "\x00" in text:
        raise EventRefused("too_long", f"{zh}过长（至多 {limit} 字）",
                           f"{field} is too long (at most {limit} characters)", field=field)
    return text


def add_stop(store: Any, *, company: str, district: str, scope: dict[str, Any] | None,
             start_at: str, end_at: str, cause: str, evidence: str, by: str,
             now: datetime | None = None) -> dict[str, Any]:
    """Store a stop (refusing a bad or overlapping one) and refresh the cases it reaches."""
    company = _text(company, "company", "供热企业", 200)
    district = _text(district, "district", "区", 200)
    cause = _text(cause, "cause", "停热原因", 1000)
    evidence = _text(evidence, "evidence", "证据", 4000, required=False)
    scope = normal_scope(scope)
    start = parse_moment(start_at, "start_at", now)
    end = parse_moment(end_at, "end_at", now)
    if end <= start:
        raise EventRefused("ends_before_start", f"停热结束时间（{end_at}）须晚于开始时间（{start_at}）",
                           f"the stop ends ({end_at}) before it starts ({start_at})",
                           field="end_at")
    if end - start > MAX_STOP:
        raise EventRefused("stop_too_long", f"一次停热不能超过 {MAX_STOP.days} 日（end_at）：请核对日期",
                           f"a stop cannot last more than {MAX_STOP.days} days (end_at): check "
                           "the dates", field="end_at")
    start_text, end_text = start.isoformat(), end.isoformat()
    season = season_of(start_text)
    with store.write() as c:
        c.lock(LOCK)
        for other in _stops(c, "company=? AND district=? AND withdrawn_at IS NULL",
                            (company, district)):
            if (datetime.fromisoformat(other["start_at"]) < end
                    and start < datetime.fromisoformat(other["end_at"])
                    and scopes_overlap(scope, other["scope"])):
                raise EventRefused(
                    "overlapping_stop",
                    f"与已登记的停热 {other['stop_id']}（{other['start_at']} 至 {other['end_at']}）"
                    "在时间和范围上重叠：同一段停热不能登记两次；如原登记有误，请先撤回",
                    f"overlaps the stop already entered, {other['stop_id']} "
                    f"({other['start_at']} to {other['end_at']}), in time and scope: one stop "
                    "cannot be entered twice; withdraw the other first if it is wrong",
                    status=409, field="start_at")
        serial = c.execute("SELECT count(*) FROM company_stops WHERE stop_id LIKE ?",
                           (f"{season}-S%",)).fetchone()[0] + 1
        stop_id = f"{season}-S{serial:04d}"
        c.execute(f"INSERT INTO company_stops ({', '.join(COLS)})"
                  f" VALUES ({', '.join('?' * len(COLS))})",
                  (stop_id, company, district, json.dumps(scope, ensure_ascii=False),
                   start_text, end_text, cause, evidence, by, now_iso(), None, None, ""))
        _refresh_cases(c, company, district)
    found = get_stop(store, stop_id)
    assert found is not None
    return found


def withdraw_stop(store: Any, stop_id: str, reason: str, by: str) -> dict[str, Any]:
    """Withdraw a stop in force (the row stays, with who, when and why)."""
    reason = _text(reason, "reason", "撤回理由", 1000)
    with store.write() as c:
        c.lock(LOCK)
        found = _stops(c, "stop_id=?", (stop_id,))
        if not found:
            raise no_such_stop(stop_id)
        if found[0]["withdrawn_at"]:
            raise EventRefused("already_withdrawn",
                               f"停热 {stop_id} 已于 {found[0]['withdrawn_at']} 撤回",
                               f"stop {stop_id} was withdrawn already, at "
                               f"{found[0]['withdrawn_at']}", status=409)
        c.execute("UPDATE company_stops SET withdrawn_at=?, withdrawn_by=?, withdrawn_reason=?"
                  " WHERE stop_id=?", (now_iso(), by, reason, stop_id))
        _refresh_cases(c, found[0]["company"], found[0]["district"])
    done = get_stop(store, stop_id)
    assert done is not None
    return done


def no_such_stop(stop_id: str) -> EventRefused:
    return EventRefused("not_found", f"没有停热登记 {stop_id}", f"no stop {stop_id}", status=404)


def _stops(c: Tx, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return [_row(r) for r in c.execute(
        f"SELECT {', '.join(COLS)} FROM company_stops WHERE {where}", params).fetchall()]


def get_stop(store: Any, stop_id: str) -> dict[str, Any] | None:
    with store.db.reading() as c:
        found = _stops(c, "stop_id=?", (stop_id,))
    return found[0] if found else None


def list_stops(store: Any, *, company: str | None = None, district: str | None = None,
               season: str | None = None, in_force_only: bool = False) -> list[dict[str, Any]]:
    """Stops by start time (then number); `season` by the stop's start (its local date)."""
    where, params = ["1=1"], []
    for column, value in (("company", company), ("district", district)):
        if value is not None:
            where.append(f"{column}=?")
            params.append(value)
    if in_force_only:
        where.append("withdrawn_at IS NULL")
    with store.db.reading() as c:
        rows = _stops(c, " AND ".join(where), params)
    rows = [r for r in rows if season is None or r["season"] == season]
    rows.sort(key=lambda r: (datetime.fromisoformat(r["start_at"]), r["stop_id"]))
    return rows


def _refresh_cases(c: Tx, company: str, district: str) -> None:
    """The open cases the stop may reach, regrouped in the same transaction. Imported here:
    `office.cases` reads stops through this module (`reaches`)."""
    from inspector_app.office.cases import refresh_company

    refresh_company(c, company, district)
