"""Heating periods and the penalty notices a late start or early stop produces (storage).

Why it is shaped this way:
- 《吉林省城市供热条例》 Art. 33 fines a company that starts heating late or stops early 2–10 × the
  heat fee of the period not heated. The office records, per company, district and area, the
  announced start and end of heating and, once known, the actual ones; the figures are
  `core.penalty`'s, from these rows and the profile's `[penalty]` section.
- A notice is a draft for the supervisor to sign, numbered per season ('2025-2026-P0001') under
  a lock so two drafts at once never share a number; the whole computation is kept in the row
  (`data`), so a draft prints the same later whatever changes after. A new draft for the same
  period and kind supersedes the previous (both kept).
- Dates are calendar days in the district's own reckoning (YYYY-MM-DD); actual days cannot be
  in the future, and every day must fall in the season named.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.penalty import (
    EARLY_STOP,
    KINDS,
    LATE_START,
    HeatingPeriod,
    compute_penalty,
    parse_multiple,
    penalty_rule,
    unheated,
)
from inspector_app.core.profile import Profile, ProfileError, load_profile
from inspector_app.core.season import season_bounds, season_of
from inspector_app.office.cases import refresh_company
from inspector_app.office.db import Tx
from inspector_app.office.event_refusal import EventRefused
from inspector_app.office.values import now_iso

COLS = ("period_id", "season", "company", "district", "area", "heated_area_m2", "fee_per_m2",
        "announced_start", "announced_end", "actual_start", "actual_end", "entered_by",
        "entered_at", "updated_at")
NOTICE_COLS = ("notice_no", "season", "period_id", "kind", "data", "drafted_by", "drafted_at",
               "superseded_by")
AREA = re.compile(r"^\d{1,9}(\.\d{1,4})?$")
PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")   # a file name in resources/profiles
FEE = re.compile(r"^\d{1,4}(\.\d{1,4})?$")
FIRST_SEASON, LAST_SEASON = 2000, 2099     # first years of the seasons the office accepts
KIND_ZH = {"late_start": "推迟开始供热", "early_stop": "提前停止供热"}


def _text(value: str, field: str, zh: str, limit: int) -> str:
    text = str(value or "").strip()
    if not text:
        raise EventRefused("missing", f"请填写{zh}（{field}）", f"{field} is required",
                           field=field)
    if len(text) > limit or "\x00" in text:
        raise EventRefused("too_long", f"{zh}过长（至多 {limit} 字）",
                           f"{field} is too long (at most {limit} characters)", field=field)
    return text


def _season(text: str) -> str:
    """A season by name, 2000-2001 to 2099-2100 (as the API's list): an earlier or later one is
    a typing error (1025-1026), and its days would pass the in-season check unnoticed."""
    try:
        season_bounds(str(text))
    except ValueError as exc:
        raise EventRefused("bad_season", f"供暖季格式应为 2025-2026：{text!r}",
                           f"the season must look like 2025-2026: {text!r}",
                           field="season") from exc
    if not FIRST_SEASON <= int(str(text).split("-")[0]) <= LAST_SEASON:
        raise EventRefused("implausible_date",
                           f"供暖季（season）{text} 不在 {FIRST_SEASON}-{FIRST_SEASON + 1} 至 "
                           f"{LAST_SEASON}-{LAST_SEASON + 1} 之间：请核对",
                           f"season {text} is outside {FIRST_SEASON}-{FIRST_SEASON + 1} to "
                           f"{LAST_SEASON}-{LAST_SEASON + 1}: check it", field="season")
    return str(text)


def _decimal(text: str, pattern: re.Pattern[str], field: str, zh: str) -> Decimal:
    value = str(text or "").strip()
    if not pattern.match(value) or Decimal(value) <= 0:
        raise EventRefused("bad_decimal", f"{zh}应为大于零的数字，如 12000 或 27.5：{text!r}",
                           f"{field} must be a number above zero, such as 12000 or 27.5: "
                           f"{text!r}", field=field)
    return Decimal(value)


def _day(text: str | None, field: str, season: str, today: date | None = None) -> date:
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise EventRefused("bad_date", f"{field} 应为日期，如 2025-10-20：{text!r}",
                           f"{field} must be a date such as 2025-10-20: {text!r}",
                           field=field) from exc
    if season_of(day) != season:
        raise EventRefused("outside_season", f"{field}（{day}）不在供暖季 {season} 内",
                           f"{field} ({day}) is outside the season {season}", field=field)
    if today is not None and day > today:
        raise EventRefused("future_time", f"{field}（{day}）在将来：实际日期到了再登记",
                           f"{field} ({day}) is in the future: enter an actual day once it has "
                           "come", field=field)
    return day


def _row(row: Sequence[Any]) -> dict[str, Any]:
    out = dict(zip(COLS, row, strict=True))
    out["late_start_days"] = _unheated_days(LATE_START, out)
    out["early_stop_days"] = _unheated_days(EARLY_STOP, out)
    return out


def _unheated_days(kind: str, period: dict[str, Any]) -> int:
    """The days a notice of `kind` would count (`core.penalty.unheated`), 0 for none yet."""
    try:
        return unheated(kind, _heating_period(period))[2]
    except InspectionError:
        return 0


def _periods(c: Tx, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return [_row(r) for r in c.execute(
        f"SELECT {', '.join(COLS)} FROM heating_periods WHERE {where}"
        " ORDER BY season, company, district, area, period_id", params).fetchall()]


def no_such_period(period_id: str) -> EventRefused:
    return EventRefused("not_found", f"没有供热期登记 {period_id}", f"no heating period {period_id}",
                        status=404)


def add_period(store: Any, *, season: str, company: str, district: str, area: str,
               heated_area_m2: str, fee_per_m2: str, announced_start: str, announced_end: str,
               by: str) -> dict[str, Any]:
    """Store a company's announced heating period for an area (one per season and area)."""
    season = _season(season)
    company = _text(company, "company", "供热企业", 200)
    district = _text(district, "district", "区", 200)
    area = _text(area, "area", "供热区域", 500)
    heated = _decimal(heated_area_m2, AREA, "heated_area_m2", "供热面积（平方米）")
    fee = _decimal(fee_per_m2, FEE, "fee_per_m2", "每平方米供暖季热费（元）")
    start = _day(announced_start, "announced_start", season)
    end = _day(announced_end, "announced_end", season)
    if end <= start:
        raise EventRefused("ends_before_start", f"公布的停止供热日期（{end}）须晚于开始日期（{start}）",
                           f"the announced end ({end}) is not after the announced start ({start})",
                           field="announced_end")
    with store.write() as c:
        c.lock(f"heating periods {season}")
        same = _periods(c, "season=? AND company=? AND district=? AND area=?",
                        (season, company, district, area))
        if same:
            raise EventRefused("period_exists",
                               f"{season} 供暖季 {company} 在 {district}“{area}”已有供热期登记 "
                               f"{same[0]['period_id']}：请修改实际日期，不要重复登记",
                               f"{company} already has heating period {same[0]['period_id']} for "
                               f"{area!r} in {district}, season {season}: set its actual days "
                               "instead of entering it again", status=409, field="area")
        serial = c.execute("SELECT count(*) FROM heating_periods WHERE season=?",
                           (season,)).fetchone()[0] + 1
        period_id = f"{season}-H{serial:04d}"
        at = now_iso()
        c.execute(f"INSERT INTO heating_periods ({', '.join(COLS)})"
                  f" VALUES ({', '.join('?' * len(COLS))})",
                  (period_id, season, company, district, area, str(heated), str(fee),
                   start.isoformat(), end.isoformat(), None, None, by, at, at))
        # its announced end bounds the failing days of the company's cases in the district
        refresh_company(c, company, district)
    found = get_period(store, period_id)
    assert found is not None
    return found


def set_actual(store: Any, period_id: str, *, actual_start: str | None = None,
               actual_end: str | None = None, today: date | None = None) -> dict[str, Any]:
    """Set the actual start and/or end of heating (days already come, in the season)."""
    if actual_start is None and actual_end is None:
        raise EventRefused("missing", "请给出实际开始或停止供热日期（actual_start / actual_end）",
                           "give actual_start or actual_end", field="actual_start")
    today = today or date.today()
    with store.write() as c:
        c.lock(f"heating period {period_id}")
        found = _periods(c, "period_id=?", (period_id,))
        if not found:
            raise no_such_period(period_id)
        period = found[0]
        start = (_day(actual_start, "actual_start", period["season"], today)
                 if actual_start is not None else None)
        end = (_day(actual_end, "actual_end", period["season"], today)
               if actual_end is not None else None)
        new_start = start.isoformat() if start else period["actual_start"]
        new_end = end.isoformat() if end else period["actual_end"]
        if new_start and new_end and new_end <= new_start:
            raise EventRefused("ends_before_start",
                               f"实际停止供热日期（{new_end}）须晚于实际开始日期（{new_start}）",
                               f"the actual end ({new_end}) is not after the actual start "
                               f"({new_start})", field="actual_end")
        c.execute("UPDATE heating_periods SET actual_start=?, actual_end=?, updated_at=?"
                  " WHERE period_id=?", (new_start, new_end, now_iso(), period_id))
    done = get_period(store, period_id)
    assert done is not None
    return done


def get_period(store: Any, period_id: str) -> dict[str, Any] | None:
    with store.db.reading() as c:
        found = _periods(c, "period_id=?", (period_id,))
    if not found:
        return None
    found[0]["notices"] = notices_for(store, period_id)
    return found[0]


def list_periods(store: Any, *, season: str | None = None, company: str | None = None,
                 district: str | None = None) -> list[dict[str, Any]]:
    where, params = ["1=1"], []
    for column, value in (("season", season), ("company", company), ("district", district)):
        if value is not None:
            where.append(f"{column}=?")
            params.append(value)
    with store.db.reading() as c:
        rows = _periods(c, " AND ".join(where), params)
        notices = _notices(c, "1=1" if season is None else "season=?",
                           () if season is None else (season,))
    for row in rows:
        row["notices"] = [n for n in notices if n["period_id"] == row["period_id"]]
    return rows


# -- penalty notices -------------------------------------------------------------------------

def _notice(row: Sequence[Any]) -> dict[str, Any]:
    out = dict(zip(NOTICE_COLS, row, strict=True))
    out["data"] = json.loads(out["data"])
    out["district"] = out["data"]["period"]["district"]
    return out


def _notices(c: Tx, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return [_notice(r) for r in c.execute(
        f"SELECT {', '.join(NOTICE_COLS)} FROM penalty_notices WHERE {where}"
        " ORDER BY notice_no", params).fetchall()]


def notices_for(store: Any, period_id: str) -> list[dict[str, Any]]:
    with store.db.reading() as c:
        return _notices(c, "period_id=?", (period_id,))


def get_notice(store: Any, notice_no: str) -> dict[str, Any] | None:
    with store.db.reading() as c:
        found = _notices(c, "notice_no=?", (notice_no,))
    return found[0] if found else None


def draft_notice(store: Any, period_id: str, *, kind: str, multiple: str, reason: str,
                 by: str) -> dict[str, Any]:
    """Compute and store a numbered penalty notice draft; it supersedes the previous draft of
    the same period and kind. EventRefused (422) for what `core.penalty` refuses.

    The fine range is the `[penalty]` rule of the district's own rules, never one the client
    names (a client could otherwise pick the widest range): the profile of the district's
    latest stored record (`district_profile`)."""
    if kind not in KINDS:
        raise EventRefused("bad_kind", f"处罚类型只能是 late_start（推迟开始供热）或 early_stop"
                           f"（提前停止供热）：{kind!r}",
                           f"the kind must be late_start or early_stop, not {kind!r}",
                           field="kind")
    reason = _text(reason, "reason", "选择倍数的理由", 2000)
    try:
        chosen = parse_multiple(multiple)
    except InspectionError as exc:
        raise EventRefused("cannot_draft", exc.message_zh, exc.message_en,
                           field=exc.field) from exc
    with store.write() as c:
        c.lock(f"heating period {period_id}")   # the days drafted on are the days stored
        found = _periods(c, "period_id=?", (period_id,))
        if not found:
            raise no_such_period(period_id)
        period = found[0]
        profile = district_profile(c, period["district"])
        try:
            rule = penalty_rule(profile)
            penalty = compute_penalty(kind, _heating_period(period), rule, chosen, reason)
        except InspectionError as exc:
            raise EventRefused("cannot_draft", exc.message_zh, exc.message_en,
                               field=exc.field) from exc
        season = period["season"]
        c.lock(f"penalty notices {season}")
        serial = c.execute("SELECT count(*) FROM penalty_notices WHERE season=?",
                           (season,)).fetchone()[0] + 1
        number = f"{season}-P{serial:04d}"
        at = now_iso()
        data = {"notice_no": number, "period": period, "penalty": penalty.to_dict(),
                "profile": {"name": profile.name, "version": profile.version,
                            "title_zh": profile.title_zh, "title_en": profile.title_en,
                            "zone": profile.utc_offset},
                "drafted_by": by, "drafted_at": at}
        c.execute(f"INSERT INTO penalty_notices ({', '.join(NOTICE_COLS)})"
                  f" VALUES ({', '.join('?' * len(NOTICE_COLS))})",
                  (number, season, period_id, kind, json.dumps(data, ensure_ascii=False), by, at,
                   None))
        c.execute("UPDATE penalty_notices SET superseded_by=? WHERE period_id=? AND kind=?"
                  " AND notice_no<>? AND superseded_by IS NULL", (number, period_id, kind, number))
    found = get_notice(store, number)
    assert found is not None
    return found


def district_profile(c: Tx, district: str) -> Profile:
    """The rules the district works under: the profile named by its latest stored record (by
    test time; records without a profile name skipped, and training and synthetic ones, which
    are not evidence). EventRefused 422 `cannot_draft` when there is none or it cannot be
    loaded."""
    row = c.execute("SELECT profile_name FROM records WHERE district=? AND profile_name<>''"
                    " AND training=0 AND synthetic=0 ORDER BY test_at DESC, ref DESC LIMIT 1",
                    (district,)).fetchone()
    if row is None:
        raise EventRefused(
            "cannot_draft", f"{district}尚无注明地区规则的检测记录：无法确定适用哪一地区的罚款规则，"
            "不能起草处罚通知", f"{district} has no stored test record naming its rules: the "
            "office cannot tell which fine rule applies, so no penalty notice can be drafted",
            field="district")
    name = str(row[0])
    try:
        if not PROFILE_NAME.match(name):
            raise ProfileError(f"未知的地区规则：{name!r}", f"unknown profile {name!r}",
                               field="profile")
        return load_profile(name)
    except InspectionError as exc:
        raise EventRefused("cannot_draft", f"{district}最近一份记录的地区规则无法读取：{exc.message_zh}",
                           f"the rules of the latest record of {district} cannot be read: "
                           f"{exc.message_en}", field="district") from exc


def _heating_period(period: dict[str, Any]) -> HeatingPeriod:
    def day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return HeatingPeriod(
        announced_start=date.fromisoformat(period["announced_start"]),
        announced_end=date.fromisoformat(period["announced_end"]),
        actual_start=day(period["actual_start"]), actual_end=day(period["actual_end"]),
        heated_area_m2=Decimal(period["heated_area_m2"]), fee_per_m2=Decimal(period["fee_per_m2"]))
