"""A case's evidence as the core's values (`core.case_model.CaseEvidence`), from stored bytes.

The rule over a case (`core.case_rule`) is computed by the office from what it holds, never
from a client: each test from the record's exact stored envelope (room means and verdicts as
sealed, the heated area, a refusal, what it supersedes, its chain position), the tickets'
complaint times, the company stops that reach the household (same company and district, the
scope naming its community or building, or the whole district; withdrawn stops left out), the
company's failures entered on the case, the announced end of the company's heating in the
district (`heating_end`), and the monitoring points' days: the stored daily
aggregates of every point of the household (and of the households merged into it) over the
case's span, each point from its installation to its removal (`monitor_days`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from inspector_app.core.case_grouping import GroupedCase
from inspector_app.core.case_model import (
    CaseEvidence,
    CaseRoom,
    CaseTest,
    CaseTicket,
    CompanyFailure,
    CompanyStop,
    MonitorDay,
)
from inspector_app.core.decimal_math import dec
from inspector_app.core.season import season_bounds
from inspector_app.office.case_groups import (
    CASE_COLS,
    HouseholdSeason,
    chunked,
    load,
    parse_time,
)
from inspector_app.office.company_stops import reaches
from inspector_app.office.db import Tx
from inspector_app.office.households import members
from inspector_app.office.monitoring.aggregates import (
    DAILY_COLS,
    points_of_household,
    refresh_points,
)

if TYPE_CHECKING:
    from inspector_app.office.store import OfficeStore

FAILURE_KINDS = ("company_failed_to_test", "company_failed_to_sign")


def case_evidence(store: OfficeStore, case_id: str) -> CaseEvidence | None:
    """The evidence of the case `case_id` as stored now, None if there is no such case."""
    with store.db.reading() as c:
        return evidence_in(c, case_id)


def evidence_in(c: Tx, case_id: str, *, until: date | None = None,
                refresh_monitoring: bool = False) -> CaseEvidence | None:
    """`case_evidence` inside an open transaction. `until`: the last day of monitoring wanted
    (a ruling's date), else the case's closing day or its season's end;
    `refresh_monitoring`: recompute the points' dirty days first (a write transaction)."""
    row = c.execute(f"SELECT {', '.join(CASE_COLS)} FROM cases WHERE case_id=?",
                    (case_id,)).fetchone()
    if row is None:
        return None
    case = dict(zip(CASE_COLS, row, strict=True))
    return evidence_loaded(c, case, load(c, case["household"], case["season"]), until=until,
                           refresh_monitoring=refresh_monitoring)


def evidence_loaded(c: Tx, case: dict[str, Any], data: HouseholdSeason, *,
                    until: date | None = None, refresh_monitoring: bool = False
                    ) -> CaseEvidence:
    """`evidence_in` for a case row whose household season the caller has already loaded
    (the case detail reads it once for both)."""
    case_id = case["case_id"]
    grouped = data.case(case_id)
    if grouped is None:   # a stored case its household no longer makes (kept for its events)
        return CaseEvidence(case_id=case_id, household=case["household"],
                            season=case["season"], opened_at=parse_time(case["opened_at"]),
                            failures=failures(c, case_id))
    days = monitor_days(c, data.household, *case_span(grouped, data.season, until),
                        refresh=refresh_monitoring)
    return replace(evidence_of(c, data, grouped, case["district"], case["company"]),
                   monitor_days=days)


def case_span(grouped: GroupedCase, season: str, until: date | None = None
              ) -> tuple[date, date]:
    """The days whose monitoring a case may use: from the day before it opened (its time's
    date, a day early so no time zone loses its first local day) to `until`, else its
    closing day, else its season's end. The rule counts only the days of its runs."""
    first = grouped.opened_at.date() - timedelta(days=1)
    if until is None:
        until = (grouped.closed_at.date() + timedelta(days=1) if grouped.closed_at
                 else date.fromisoformat(season_bounds(season)[1]) - timedelta(days=1))
    return first, until


def evidence_of(c: Tx, data: HouseholdSeason, grouped: GroupedCase, district: str,
                company: str, ahead: Prefetched | None = None) -> CaseEvidence:
    """The evidence of one grouped case of a loaded household season (`ahead`: what a batch
    read at once; anything else is read here), without the monitoring days: the list's
    estimate (`case_estimate`) never uses them, and `evidence_in` adds them."""
    ahead = ahead or Prefetched()
    tickets = tuple(CaseTicket(key=k, complaint_at=parse_time(data.tickets[k]["complaint_at"]),
                               state=data.tickets[k]["state"],
                               revision=int(data.tickets[k]["revision"]))
                    for k in grouped.tickets)
    if grouped.case_id not in data.stored:
        found: tuple[CompanyFailure, ...] = ()   # a new case has no events yet
    elif ahead.failures is not None:
        found = ahead.failures.get(grouped.case_id, ())
    else:
        found = failures(c, grouped.case_id)
    return CaseEvidence(
        case_id=grouped.case_id, household=data.household, season=data.season,
        opened_at=grouped.opened_at,
        tests=tuple(_test(c, data.records[ref], ahead.envelopes.get(ref))
                    for ref in grouped.records),
        tickets=tickets, stops=stops_reaching(c, data, district, company, ahead.stop_rows),
        failures=found,
        heating_end=heating_end(c, data.season, district, company, ahead.heating_ends))


@dataclass
class Prefetched:
    """What a batch reads once for all its cases: envelopes by ref, failures by case id,
    stop rows by (district, company) (filled as met)."""

    envelopes: dict[str, bytes] = field(default_factory=dict)
    failures: dict[str, tuple[CompanyFailure, ...]] | None = None
    stop_rows: dict[tuple[str, str], list[tuple]] = field(default_factory=dict)
    heating_ends: dict[tuple[str, str, str], date | None] = field(default_factory=dict)

    @classmethod
    def read(cls, c: Tx, refs: list[str], case_ids: list[str]) -> Prefetched:
        envelopes = {ref: bytes(raw) for ref, raw in chunked(
            c, "SELECT ref, envelope FROM records WHERE ref IN ({})", sorted(set(refs)))}
        found: dict[str, list[CompanyFailure]] = {}
        for case_id, kind, day, note in chunked(
                c, "SELECT case_id, kind, day, note FROM case_events WHERE case_id IN ({})"
                   " ORDER BY id", sorted(set(case_ids))):
            if kind in FAILURE_KINDS and day:
                found.setdefault(case_id, []).append(_failure(kind, day, note))
        return cls(envelopes, {k: tuple(v) for k, v in found.items()})


def _test(c: Tx, row: dict[str, Any], raw: bytes | None = None) -> CaseTest:
    if raw is None:
        raw = c.execute("SELECT envelope FROM records WHERE ref=?", (row["ref"],)).fetchone()[0]
    try:
        record = json.loads(bytes(raw).decode("utf-8")).get("record") or {}
    except (ValueError, UnicodeDecodeError, AttributeError):
        record = {}
    visit = record.get("visit") or {}
    result = record.get("result") or {}
    signatures = record.get("signatures") or {}
    profile = record.get("profile") or {}
    supersedes = record.get("supersedes")
    return CaseTest(
        ref=row["ref"], record_id=row["record_id"], device_id=row["device_id"],
        seq=int(row["seq"]), sha256=row["sha256"], test_at=parse_time(row["test_at"]),
        verdict=row["verdict"] or str(result.get("verdict") or ""),
        rooms=tuple(_room(r) for r in result.get("rooms") or () if isinstance(r, dict)),
        heated_area_m2=_decimal(visit.get("heated_area_m2")) or Decimal(0),
        refused=bool(signatures.get("refusal")),
        supersedes=(f"{row['device_id']}.{supersedes['record_id']}"
                    if isinstance(supersedes, dict) and supersedes.get("record_id") else None),
        verification=row["verification"], training=bool(row["training"]),
        synthetic=bool(row["synthetic"]), profile_name=str(profile.get("name") or ""),
        profile_version=str(profile.get("version") or ""))


def _room(room: dict[str, Any]) -> CaseRoom:
    return CaseRoom(room_id=str(room.get("room_id") or ""), name=str(room.get("name") or ""),
                    kind=str(room.get("kind") or ""),
                    area_m2=_decimal(room.get("area_m2")) or Decimal(0),
                    mean_c=_decimal(room.get("mean")), verdict=str(room.get("verdict") or ""))


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = dec(value)
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def heating_end(c: Tx, season: str, district: str, company: str,
                cache: dict[tuple[str, str, str], date | None] | None = None) -> date | None:
    """The last day of heating the company announced in the district for the season: the
    latest announced end of its heating periods there (an area is named in words, so the
    latest: no household loses a day to an area it may not be in). None: none entered."""
    key = (season, district, company)
    if cache is not None and key in cache:
        return cache[key]
    found = None
    if company:
        row = c.execute("SELECT max(announced_end) FROM heating_periods"
                        " WHERE season=? AND company=? AND district=?",
                        (season, company, district)).fetchone()
        found = date.fromisoformat(row[0]) if row and row[0] else None
    if cache is not None:
        cache[key] = found
    return found


def stops_reaching(c: Tx, data: HouseholdSeason, district: str, company: str,
                   rows: dict[tuple[str, str], list[tuple]] | None = None
                   ) -> tuple[CompanyStop, ...]:
    """The company's stops (not withdrawn) in the case's district whose scope names the
    household's community or building, or is the whole district (empty lists). `rows`: a
    batch's cache of the stop rows per (district, company)."""
    if not company:
        return ()
    rows = {} if rows is None else rows
    if (district, company) not in rows:
        rows[(district, company)] = list(c.execute(
            "SELECT stop_id, scope, start_at, end_at, cause, evidence FROM company_stops"
            " WHERE company=? AND district=? AND withdrawn_at IS NULL ORDER BY start_at",
            (company, district)))
    places: set[tuple[str, str]] | None = None
    out = []
    for stop_id, scope, start_at, end_at, cause, evidence in rows[(district, company)]:
        start, end = parse_time(start_at), parse_time(end_at)
        if places is None:
            places = _places(data.keys(c))
        if start is None or end is None or not _reaches(scope, places):
            continue
        named = json.loads(scope)
        out.append(CompanyStop(
            stop_id=stop_id, company=company, start_at=start, end_at=end, cause=cause,
            evidence=evidence or "",
            communities=tuple(str(x) for x in named.get("communities") or ()),
            buildings=tuple((str(a), str(b)) for a, b in named.get("buildings") or ())))
    return tuple(out)


def _places(keys: list[str]) -> set[tuple[str, str]]:
    """(community, building) of the household and those merged into it, as their keys
    normalise them."""
    return {tuple((key.split("|") + [""] * 6)[2:4]) for key in keys}


def _reaches(scope_text: str, places: set[tuple[str, str]]) -> bool:
    """The stop's scope reaches one of `places` (`office.company_stops.reaches`)."""
    try:
        scope = json.loads(scope_text)
    except ValueError:
        return False
    return isinstance(scope, dict) and any(reaches(scope, *p) for p in places)


def failures(c: Tx, case_id: str) -> tuple[CompanyFailure, ...]:
    """The days the company failed to test or to sign, as entered on the case."""
    return tuple(_failure(kind, day, note) for kind, day, note in c.execute(
        "SELECT kind, day, note FROM case_events WHERE case_id=? ORDER BY id", (case_id,))
        if kind in FAILURE_KINDS and day)


def _failure(kind: str, day: str, note: str) -> CompanyFailure:
    return CompanyFailure(day=date.fromisoformat(day), kind=kind.removeprefix("company_"),
                          note=note)


def monitor_days(c: Tx, household: str, start: date, end: date, *,
                 refresh: bool = False) -> tuple[MonitorDay, ...]:
    """The stored days start..end (inclusive) of every point of `household` and of the
    households merged into it, each point's only from its installation to its removal day.

    `refresh` (inside a write transaction, as a ruling is issued): those points' dirty days are
    recomputed from the raw readings first, so the ruling rests on current aggregates. A read
    (the case's detail) shows what is stored: the server's aggregator recomputes dirty days
    within its interval (`office.monitoring.refresher`)."""
    points = points_of_household(c, members(c, household))
    if not points:
        return ()
    if refresh:
        refresh_points(c, [p.point_no for p in points])
    by_no = {p.point_no: p for p in points}
    rows = c.execute(f"SELECT point_no, {', '.join(DAILY_COLS)} FROM monitoring_daily WHERE"
                     f" point_no IN ({', '.join('?' * len(by_no))}) AND day >= ? AND day <= ?"
                     " ORDER BY point_no, day",
                     [*sorted(by_no), start.isoformat(), end.isoformat()]).fetchall()
    out = []
    for no, *values in rows:
        point, d = by_no[int(no)], dict(zip(DAILY_COLS, values, strict=True))
        day = date.fromisoformat(d["day"])
        if day < point.installed_on or (point.removed_on and day > point.removed_on):
            continue
        out.append(MonitorDay(
            day=day, point_id=point.point_id, room_kind=point.room_kind,
            mean_c=None if d["mean_c"] is None else Decimal(d["mean_c"]),
            samples=int(d["valid"]), status=d["status"], coverage=Decimal(d["coverage"]),
            minutes_below=int(d["minutes_below"]), digest=d["digest"],
            room_name=point.room_name))
    return tuple(out)
