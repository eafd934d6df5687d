"""Cases at the office: the rows the list shows, kept in step with their household's evidence.

Why it is shaped this way:
- A case is derived (`core.case_grouping` over the household's records, tickets and closures),
  but the list at a million records must be an index seek, not a grouping per page: so each
  case is a `cases` row with the columns the list filters, sorts and shows, rewritten by
  `refresh_household` in the same transaction as whatever changed the household's evidence
  (a record or ticket stored, a merge or split, a ruling, a withdrawal, a company event).
- `refresh_household` holds `household {id}` (advisory on PostgreSQL) for the canonical
  household, read again under the lock, so two office processes storing records of one home
  at once group them one after the other and never lose a row.
- The list orders open cases first, then the newest opening; paging is a keyset over
  (rank, opened_at, case_id), read as one index range per rank.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any

from inspector_app.core.case_days import corrections, why_not
from inspector_app.core.case_grouping import OPEN, RULED, TICKET, WITHDRAWN, GroupedCase
from inspector_app.core.case_model import CaseEvidence
from inspector_app.core.case_rule import CaseRulingInput, case_estimate, case_timeline
from inspector_app.core.decimal_math import round_to
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.season import season_of
from inspector_app.office.case_evidence import (
    FAILURE_KINDS,
    Prefetched,
    evidence_loaded,
    evidence_of,
)
from inspector_app.office.case_groups import (
    CASE_COLS,
    HouseholdSeason,
    chunked,
    load,
    load_many,
    parse_time,
)
from inspector_app.office.db import Database, Tx
from inspector_app.office.households import (
    HouseholdRefusal,
    household,
    lock_canonical,
    lock_canonical_many,
    members_many,
)
from inspector_app.office.values import now_iso, utc_iso

if TYPE_CHECKING:
    from inspector_app.office.store import OfficeStore

STATES = (OPEN, RULED, WITHDRAWN)
LIST_KEYS = ("case_id", "household", "season", "district", "company", "address", "state",
             "opened_at", "opened_kind", "opened_ref", "closed_at", "ruling_no", "records",
             "tickets", "failing_days", "estimate", "last_test_at", "evidence_after_ruling")
RULING_COLS = ("ruling_no", "record_ref", "record_id", "record_sha256", "decision",
               "amount_total", "inputs", "ruling", "issued_by", "issued_at", "district",
               "superseded_by", "case_id")
DEFAULT_PROFILE = "changchun"
MAX_PAGE = 500
STALE_BATCH = 1000  # (household, season) pairs regrouped a transaction after an import
STALE_ROWS = 5000   # about as many records and tickets read for them
ESTIMATE_BATCH = 200   # households whose open cases' estimates are recomputed a transaction


class CaseRefusal(HouseholdRefusal):
    """A case action refused (status, code, words in both languages); nothing written."""


# -- the estimate: the one place that calls the core's rule -------------------------------------

def estimate(evidence: CaseEvidence, profile_name: str, today: date) -> tuple[int, str]:
    """Failing days so far and the estimated refund (yuan, 2 places) for the list, by the
    core's rule at the profile's daily fee (`core.case_rule.case_estimate`)."""
    days, amount = case_estimate(evidence, profile_of(profile_name), today)
    return days, str(amount)


def timeline(evidence: CaseEvidence, profile_name: str, today: date) -> list[dict[str, Any]]:
    """The failing-day timeline up to `today` at the profile's daily fee, as the estimate
    counts it (`core.case_rule.case_timeline`); empty when the rule would refuse the case
    (its ruling says why)."""
    profile = profile_of(profile_name)
    start = evidence.opened_at.astimezone(profile.zone).date()
    until = min(today, start + timedelta(days=profile.season_days - 1))
    fee = round_to(profile.daily_fee_per_m2, 4, "half_up")
    try:
        days = case_timeline(evidence, profile, CaseRulingInput(fee, until))
    except InspectionError:
        return []
    return [d.to_dict() for d in days]


# -- keeping the rows in step ------------------------------------------------------------------

def refresh_household(c: Tx, household_id: str, season: str,
                      today: date | None = None) -> tuple[str, ...]:
    """Regroup the cases of `household_id` (its canonical household) in `season` and rewrite
    their rows; a stored open case the grouping no longer makes is removed, its events moved
    to the case that now holds its evidence. Returns the case ids, oldest first."""
    hid = lock_canonical(c, household_id)
    return _refresh(c, {(hid, season)}, today)[(hid, season)]


def refresh_for(c: Tx, rows: set[tuple[str, str]]) -> None:
    """`refresh_household` for each (household, time) a write touched, all at once: the
    households locked in id order (two writers never wait in a circle), read and written in
    a few statements for the whole batch."""
    touched = {(h, t) for h, t in rows if h and t}
    if touched:
        canonical = lock_canonical_many(c, [h for h, _ in touched])
        _refresh(c, {(canonical[h], season_of(t)) for h, t in touched})


def refresh_company(c: Tx, company: str, district: str) -> None:
    """Regroup the open cases of `company` in `district`: a stop entered or withdrawn may
    reach any of them (the closed ones keep what they were ruled on)."""
    rows = c.execute("SELECT household, season FROM cases WHERE company=? AND district=?"
                     " AND rank=0", (company, district)).fetchall()
    if rows:
        canonical = lock_canonical_many(c, [r[0] for r in rows])
        _refresh(c, {(canonical[h], season) for h, season in rows})


def refresh_due_estimates(db: Database, today: date | None = None,
                          batch: int = ESTIMATE_BATCH) -> int:
    """Recompute the open cases whose estimate runs to a day before `today` (the office's
    local date; each case's profile's own when None): an open case's failing days grow with
    every day its run goes on, while its row is rewritten only when evidence comes. `batch`
    households a transaction, in household order; returns the (household, season) pairs
    recomputed. The office's server runs this in the background (`EstimateRefresher`)."""
    due = (today or _today(DEFAULT_PROFILE)).isoformat()
    after: tuple[str, str] = ("", "")
    done = 0
    while True:
        with db.write() as c:
            rows = c.execute(
                "SELECT DISTINCT household, season FROM cases WHERE rank=0"
                " AND (estimated_to IS NULL OR estimated_to < ?)"
                " AND (household > ? OR (household = ? AND season > ?))"
                " ORDER BY household, season LIMIT ?",
                (due, after[0], after[0], after[1], batch)).fetchall()
            if not rows:
                return done
            after = (rows[-1][0], rows[-1][1])
            canonical = lock_canonical_many(c, [h for h, _ in rows])
            _refresh(c, {(canonical[h], season) for h, season in rows}, today)
            done += len(rows)


def mark_stale(c: Tx, rows: set[tuple[str, str]]) -> None:
    """Mark each (household, time) a write touched as to be regrouped later (`regroup_stale`),
    in the caller's transaction: a ticket import's batch stores its tickets and their marks
    together, so an import stopped half-way leaves what it stored marked, never lost. Regrouping
    a household's whole season every batch made an import's time grow with what was stored."""
    marks = sorted({(h, season_of(t)) for h, t in rows if h and t})
    token = uuid.uuid4().hex   # a batch marking a pair again keeps it marked (`_clear_marks`)
    c.executemany("INSERT INTO cases_stale (household, season, token) VALUES (?,?,?)"
                  " ON CONFLICT (household, season) DO UPDATE SET token=excluded.token",
                  [(h, season, token) for h, season in marks])


def regroup_stale(db: Database, batch: int = STALE_BATCH, rows: int = STALE_ROWS) -> int:
    """Regroup the (household, season) pairs marked stale, a transaction for at most `batch`
    pairs holding about `rows` records and tickets (a household's season is read whole, so
    120 households of 800 tickets each at once would hold 100,000 rows), each deleting the
    marks it regrouped; returns how many marks were regrouped."""
    done = 0
    while True:
        with db.write() as c:
            marks = c.execute("SELECT household, season FROM cases_stale"
                              " ORDER BY household, season LIMIT ?", (batch,)).fetchall()
            if not marks:
                return done
            marks = _within(marks, _evidence_counts(c, [h for h, _ in marks]), rows)
            canonical = lock_canonical_many(c, [h for h, _ in marks])
            _refresh(c, {(canonical[h], season) for h, season in marks})
            done += len(marks)


def _evidence_counts(c: Tx, homes: list[str]) -> dict[str, int]:
    """Records and tickets stored under each of `homes` (all seasons: an upper bound)."""
    counts: dict[str, int] = {}
    for table in ("records", "tickets"):
        for home, n in chunked(c, f"SELECT household, count(*) FROM {table}"
                                  " WHERE household IN ({}) GROUP BY household",
                               sorted(set(homes))):
            counts[home] = counts.get(home, 0) + n
    return counts


def _within(marks: list[tuple[str, str]], counts: dict[str, int], rows: int
            ) -> list[tuple[str, str]]:
    """The first marks whose evidence adds up to at most `rows` (at least one mark)."""
    total = 0
    for n, (home, _) in enumerate(marks):
        total += counts.get(home, 0)
        if total > rows and n:
            return marks[:n]
    return marks


def _marks_of(c: Tx, pairs: set[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The stale marks of the households (with those merged into them) of `pairs`."""
    homes = sorted({h for h, _ in pairs})
    groups = members_many(c, homes)
    wanted = {(m, season) for h, season in pairs for m in groups[h]}
    return [(h, season, token) for h, season, token in chunked(
        c, "SELECT household, season, token FROM cases_stale WHERE household IN ({})",
        sorted({m for m, _ in wanted})) if (h, season) in wanted]


def _clear_marks(c: Tx, marks: list[tuple[str, str, str]]) -> None:
    """Delete the marks read before regrouping; one a writer marked again since (another
    token: evidence this regrouping may not have seen) stays."""
    c.executemany("DELETE FROM cases_stale WHERE household=? AND season=? AND token=?", marks)


def _refresh(c: Tx, pairs: set[tuple[str, str]], today: date | None = None
             ) -> dict[tuple[str, str], tuple[str, ...]]:
    marks = _marks_of(c, pairs)   # read before the evidence: what they mark is then seen
    loaded = load_many(c, pairs)
    ahead = Prefetched.read(
        c, [r for data in loaded.values() for k in data.cases for r in k.records],
        [case_id for data in loaded.values() for case_id in data.stored])
    at = now_iso()
    rows = [values for data in loaded.values() for case in data.cases
            if (values := _values(c, data, case, at, today, ahead)) is not None]
    sets = ", ".join(f"{k}=excluded.{k}" for k in CASE_COLS if k != "case_id")
    c.executemany(f"INSERT INTO cases ({', '.join(CASE_COLS)}) VALUES"
                  f" ({', '.join('?' * len(CASE_COLS))}) ON CONFLICT (case_id) DO UPDATE"
                  f" SET {sets}", rows)
    for data in loaded.values():
        _drop_stale(c, data)
    if marks:
        _clear_marks(c, marks)
    return {p: tuple(k.case_id for k in data.cases) for p, data in loaded.items()}


def _drop_stale(c: Tx, data: HouseholdSeason) -> None:
    """Remove the stored open cases the grouping no longer makes (after a merge joined two,
    or evidence moved away); their events go to the case that holds the evidence now."""
    kept = {k.case_id for k in data.cases}
    heir = next((k.case_id for k in reversed(data.cases) if k.state == OPEN),
                data.cases[-1].case_id if data.cases else None)
    for case_id, row in data.stored.items():
        if case_id in kept or row["state"] != OPEN:
            continue
        has_events = c.execute("SELECT 1 FROM case_events WHERE case_id=?",
                               (case_id,)).fetchone() is not None
        if has_events and heir is None:
            continue   # kept with its events until evidence comes back to it
        if has_events:
            c.execute("UPDATE case_events SET case_id=? WHERE case_id=?", (heir, case_id))
        c.execute("DELETE FROM cases WHERE case_id=?", (case_id,))


def _values(c: Tx, data: HouseholdSeason, case: GroupedCase, at: str, today: date | None,
            ahead: Prefetched) -> list[Any] | None:
    """The case's row as it must be stored, None when the stored one already is."""
    source = (data.tickets.get(case.opened_ref) if case.opened_kind == TICKET
              else data.records.get(case.opened_ref)) or _first_member(data, case) or \
        data.stored.get(case.case_id) or {}
    district, company = source.get("district") or "", source.get("company") or ""
    profile_name = _profile_name(data, case)
    evidence = evidence_of(c, data, case, district, company, ahead)
    until = today or _today(profile_name)
    if case.closed_at is not None:
        until = min(until, case.closed_at.astimezone(_zone(profile_name)).date())
    failing_days, amount = estimate(evidence, profile_name, until)
    values = {
        "case_id": case.case_id, "household": data.household, "season": data.season,
        "district": district, "company": company, "address": source.get("address") or "",
        "state": case.state, "rank": 0 if case.state == OPEN else 1,
        "opened_at": utc_iso(case.opened_at), "opened_kind": case.opened_kind,
        "opened_ref": case.opened_ref,
        "closed_at": None if case.closed_at is None else utc_iso(case.closed_at),
        "ruling_no": case.ruling_no, "records": len(case.records),
        "tickets": len(case.tickets), "failing_days": failing_days, "estimate": amount,
        "last_test_at": None if case.last_test_at is None else utc_iso(case.last_test_at),
        "evidence_after_ruling": int(case.evidence_after_ruling), "updated_at": at,
        "estimated_to": until.isoformat()}
    stored = data.stored.get(case.case_id)
    if stored is not None:
        if stored["state"] != OPEN:   # a closure's time and ruling stay as they were set
            values["closed_at"], values["ruling_no"] = stored["closed_at"], stored["ruling_no"]
        if all(stored[k] == values[k] for k in CASE_COLS if k != "updated_at"):
            return None
    return [values[k] for k in CASE_COLS]


def _first_member(data: HouseholdSeason, case: GroupedCase) -> dict[str, Any] | None:
    for key in case.tickets:
        return data.tickets[key]
    for ref in case.records:
        return data.records[ref]
    return None


def _profile_name(data: HouseholdSeason, case: GroupedCase) -> str:
    names = [data.records[r]["profile_name"] for r in case.records] + \
        [data.tickets[t]["profile_name"] for t in case.tickets]
    return next((n for n in reversed(names) if n), DEFAULT_PROFILE)


@cache
def profile_of(profile_name: str) -> Profile:
    """The profile a case is estimated under (read once a process; the default when the name
    is unknown here)."""
    try:
        return load_profile(profile_name)
    except (InspectionError, OSError, ValueError):
        return load_profile(DEFAULT_PROFILE)


def _zone(profile_name: str) -> tzinfo:
    return profile_of(profile_name).zone


def _today(profile_name: str) -> date:
    return datetime.now(_zone(profile_name)).date()


def close_case(c: Tx, case_id: str, state: str, at: str | None = None,
               ruling_no: str | None = None) -> dict[str, Any]:
    """Close `case_id` as ruled (with the ruling in force) or withdrawn, in the caller's
    transaction; a ruled case ruled again keeps its closing time and takes the new number.
    Returns the case row."""
    row = _case_row(c, case_id)
    if row is None:
        raise _no_case(case_id)
    lock_canonical(c, row["household"])
    at = utc_iso(parse_time(at)) if at else utc_iso(datetime.now(UTC))
    c.execute("UPDATE cases SET state=?, rank=1, closed_at=coalesce(closed_at, ?),"
              " ruling_no=coalesce(?, ruling_no) WHERE case_id=?",
              (state, at, ruling_no, case_id))
    refresh_household(c, row["household"], row["season"])
    found = _case_row(c, case_id)
    assert found is not None
    return found


def case_of_record(c: Tx, ref: str) -> str | None:
    """The case holding the record `ref` now, None when it is in none."""
    row = c.execute("SELECT household, test_at FROM records WHERE ref=?", (ref,)).fetchone()
    if row is None or not row[0]:
        return None
    data = load(c, lock_canonical(c, row[0]), season_of(row[1]))
    return next((k.case_id for k in data.cases if ref in k.records), None)


# -- reading -----------------------------------------------------------------------------------

def _case_row(c: Tx, case_id: str) -> dict[str, Any] | None:
    row = c.execute(f"SELECT {', '.join(CASE_COLS)} FROM cases WHERE case_id=?",
                    (case_id,)).fetchone()
    return None if row is None else dict(zip(CASE_COLS, row, strict=True))


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A case row as the API shows it (`LIST_KEYS`)."""
    out = {k: row[k] for k in LIST_KEYS}
    out["evidence_after_ruling"] = bool(out["evidence_after_ruling"])
    return out


def _no_case(case_id: str) -> CaseRefusal:
    return CaseRefusal(404, "not_found", f"没有这个案件：{case_id}", f"no such case: {case_id}")


@dataclass(frozen=True)
class CaseFilter:
    """The list's filters; `district` is forced to a supervisor's own by the API."""

    district: str | None = None
    state: str | None = None
    season: str | None = None
    company: str | None = None
    household: str | None = None
    q: str | None = None

    def where(self, postgres: bool) -> tuple[list[str], list[Any]]:
        clauses, params = [], []
        for name in ("district", "state", "season", "company", "household"):
            value = getattr(self, name)
            if value is not None:
                clauses.append(f"{name} = ?")
                params.append(value)
        if self.q:
            clauses.append("(strpos(address, ?) > 0 OR case_id = ?)" if postgres
                           else "(instr(address, ?) > 0 OR case_id = ?)")
            params += [self.q, self.q]
        return clauses, params


def encode_cursor(row: dict[str, Any]) -> str:
    raw = json.dumps([row["rank"], row["opened_at"], row["case_id"]]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(text: str) -> tuple[int, str, str]:
    """ValueError for anything not made by `encode_cursor`."""
    try:
        rank, opened_at, case_id = json.loads(
            base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, TypeError) as exc:
        raise ValueError("malformed cursor") from exc
    if rank not in (0, 1) or not isinstance(opened_at, str) or not isinstance(case_id, str):
        raise ValueError("malformed cursor")
    return rank, opened_at, case_id


def cases_page(store: OfficeStore, filt: CaseFilter, limit: int = 50,
               after: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """A page of cases: open first, then the newest opening, then case id (both descending);
    (items, cursor of the next page or None). ValueError for a bad cursor or limit."""
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be 1..{MAX_PAGE}")
    start = decode_cursor(after) if after else None
    clauses, params = filt.where(store.db.postgres)
    # A state filter allows one rank only: reading the other would walk every case of the
    # district that cannot pass it (the last page of the open ones took 0.5–1 s at 1M records).
    allowed = (0, 1) if filt.state is None else (0,) if filt.state == "open" else (1,)
    ranks = tuple(r for r in allowed if start is None or r >= start[0])
    rows: list[dict[str, Any]] = []
    with store.db.reading() as c:
        for rank in ranks:
            where, args = [*clauses, "rank = ?"], [*params, rank]
            if start is not None and rank == start[0]:
                where.append("(opened_at, case_id) < (?, ?)")
                args += [start[1], start[2]]
            want = limit + 1 - len(rows)
            rows += [dict(zip(CASE_COLS, r, strict=True)) for r in c.execute(
                f"SELECT {', '.join(CASE_COLS)} FROM cases WHERE {' AND '.join(where)}"
                " ORDER BY opened_at DESC, case_id DESC LIMIT ?", [*args, want])]
            if len(rows) > limit:
                break
    more = len(rows) > limit
    rows = rows[:limit]
    return [public(r) for r in rows], encode_cursor(rows[-1]) if more and rows else None


def case_row(store: OfficeStore, case_id: str) -> dict[str, Any] | None:
    with store.db.reading() as c:
        return _case_row(c, case_id)


def case_detail(store: OfficeStore, case_id: str, today: date | None = None
                ) -> dict[str, Any] | None:
    """The case with its household, records, tickets, stops, failures, monitoring days,
    timeline to `today`, estimate, rulings and history (see docs/cases.md)."""
    found = case_detail_and_evidence(store, case_id, today)
    return None if found is None else found[0]


def case_detail_and_evidence(store: OfficeStore, case_id: str, today: date | None = None
                             ) -> tuple[dict[str, Any], CaseEvidence] | None:
    """`case_detail` and the evidence it was built from, read in one transaction with the
    household's season loaded once (the ruling PDF needs both)."""
    with store.db.reading() as c:
        row = _case_row(c, case_id)
        if row is None:
            return None
        data = load(c, row["household"], row["season"])
        grouped = data.case(case_id)
        evidence = evidence_loaded(c, row, data)
        profile_name = _profile_name(data, grouped) if grouped else DEFAULT_PROFILE
        closed = parse_time(row["closed_at"])
        records = _with_use(_records(data, grouped, closed), evidence)
        tickets = [{"key": k, **{n: data.tickets[k][n] for n in (
            "channel", "ticket", "complaint_at", "received_at", "state", "revision",
            "household")}} for k in (grouped.tickets if grouped else ())]
        events = [dict(zip(("id", "kind", "day", "note", "by", "at"), r, strict=True))
                  for r in c.execute("SELECT id, kind, day, note, by, at FROM case_events"
                                     " WHERE case_id=? ORDER BY id", (case_id,))]
        rulings = [_ruling(r) for r in c.execute(
            f"SELECT {', '.join(RULING_COLS)} FROM rulings WHERE case_id=? ORDER BY ruling_no",
            (case_id,))]
    home = household(store, row["household"]) or {}
    until = today or _today(profile_name)
    history = [{"kind": e["kind"], "at": e["at"], "by": e["by"], "day": e["day"],
                "note": e["note"]} for e in events]
    history += [{"kind": "ruling", "at": r["issued_at"], "by": r["issued_by"],
                 "ruling_no": r["ruling_no"], "decision": r["decision"],
                 "amount_total": r["amount_total"], "superseded_by": r["superseded_by"]}
                for r in rulings]
    history += [{"kind": ch["kind"], "at": ch["at"], "by": ch["by"], "change_id": ch["id"],
                 "household_id": ch["household_id"], "into_id": ch["into_id"],
                 "note": ch["reason"]} for ch in home.get("changes", ())]
    history.sort(key=lambda h: (parse_time(h["at"]) or datetime.min.replace(tzinfo=UTC)))
    detail = {
        "case": public(row),
        "household": {k: home.get(k) for k in ("household_id", "key", "address", "district",
                                                "merged", "changes")},
        "records": records, "tickets": tickets,
        "stops": [{"stop_id": s.stop_id, "company": s.company,
                   "start_at": s.start_at.isoformat(), "end_at": s.end_at.isoformat(),
                   "cause": s.cause} for s in evidence.stops],
        "failures": [e for e in events if e["kind"] in FAILURE_KINDS],
        "monitor_days": [{"day": m.day.isoformat(), "point_id": m.point_id,
                          "room_kind": m.room_kind, "room_name": m.room_name,
                          "mean_c": None if m.mean_c is None else str(m.mean_c),
                          "samples": m.samples, "status": m.status,
                          "coverage": str(m.coverage), "minutes_below": m.minutes_below,
                          "digest": m.digest} for m in evidence.monitor_days],
        "timeline": timeline(evidence, profile_name, until),
        "estimate": {"failing_days": row["failing_days"], "amount": row["estimate"]},
        "rulings": rulings, "history": history}
    return detail, evidence


def _records(data: HouseholdSeason, grouped: GroupedCase | None,
             closed: datetime | None) -> list[dict[str, Any]]:
    refs = grouped.records if grouped else ()
    corrections = {f"{data.records[r]['device_id']}.{data.records[r]['supersedes']}": r
                   for r in refs if data.records[r]["supersedes"]}
    out = []
    for ref in refs:
        r = data.records[ref]
        received = parse_time(r["received_at"])
        out.append({
            **{k: r[k] for k in ("ref", "record_id", "device_id", "seq", "sha256", "test_at",
                                 "received_at", "verdict", "verification", "household")},
            "training": bool(r["training"]),
            "supersedes": f"{r['device_id']}.{r['supersedes']}" if r["supersedes"] else None,
            "superseded_by": corrections.get(ref),
            "after_closing": bool(closed and received and received > closed)})
    return out


def _with_use(records: list[dict[str, Any]], evidence: CaseEvidence
              ) -> list[dict[str, Any]]:
    """Each record as the rule reads it today: `refused` (the resident refused to sign, a
    witness signed), `used` and, when not, `why_not` (`core.case_days.why_not`: superseded,
    not_verified, synthetic, training, incomplete), so the screen can say why a record in the
    case counts nothing."""
    corrected = corrections(evidence.tests)
    tests = {t.ref: t for t in evidence.tests}
    out = []
    for r in records:
        test = tests.get(r["ref"])
        reason = why_not(test, corrected, False) if test else "not_verified"
        out.append({**r, "refused": bool(test and test.refused), "used": not reason,
                    "why_not": reason or None})
    return out


def _ruling(row: tuple) -> dict[str, Any]:
    out = dict(zip(RULING_COLS, row, strict=True))
    out["inputs"] = json.loads(out["inputs"])
    out["ruling"] = json.loads(out["ruling"])
    return out


# -- what a supervisor does to a case ----------------------------------------------------------

def _open_case_for_change(c: Tx, case_id: str, may_see: Any) -> dict[str, Any]:
    row = _case_row(c, case_id)
    if row is None or (may_see is not None and not may_see(row["district"])):
        raise _no_case(case_id)
    lock_canonical(c, row["household"])
    row = _case_row(c, case_id)   # read again under the household's lock
    if row is None:
        raise _no_case(case_id)
    return row


def withdraw(store: OfficeStore, case_id: str, by: str, reason: str,
             may_see: Any = None) -> dict[str, Any]:
    """Close an open case as withdrawn (the complaint was taken back), with who and why."""
    if not reason.strip():
        raise CaseRefusal(422, "reason_required", "请写明撤回原因", "say why the case is withdrawn")
    with store.write() as c:
        row = _open_case_for_change(c, case_id, may_see)
        if row["state"] != OPEN:
            raise CaseRefusal(409, "case_closed",
                              f"案件已{'裁定' if row['state'] == RULED else '撤回'}，不能撤回",
                              f"the case is already {row['state']} and cannot be withdrawn")
        at = now_iso()
        c.execute("INSERT INTO case_events (case_id, kind, day, note, by, at) VALUES"
                  " (?, 'withdrawn', NULL, ?, ?, ?)", (case_id, reason.strip(), by, at))
        return public(close_case(c, case_id, WITHDRAWN, at))


def add_event(store: OfficeStore, case_id: str, kind: str, day: date, note: str, by: str,
              may_see: Any = None, today: date | None = None) -> dict[str, Any]:
    """Enter a day the company failed to test or to sign on a case (not a withdrawn one);
    the case's estimate is recomputed. Returns the event."""
    if kind not in FAILURE_KINDS:
        raise CaseRefusal(422, "bad_kind", f"事件类型应为 {'、'.join(FAILURE_KINDS)}",
                          f"kind must be one of {', '.join(FAILURE_KINDS)}")
    with store.write() as c:
        row = _open_case_for_change(c, case_id, may_see)
        if row["state"] == WITHDRAWN:
            raise CaseRefusal(409, "case_closed", "案件已撤回，不能再记事件",
                              "the case is withdrawn: no events can be added")
        opened = parse_time(row["opened_at"])
        zone = _zone(DEFAULT_PROFILE)
        if season_of(day) != row["season"] or (opened and day < opened.astimezone(zone).date()) \
                or day > (today or _today(DEFAULT_PROFILE)):
            raise CaseRefusal(
                422, "bad_day", f"日期 {day} 不在案件期间（{row['season']} 供暖季、立案之后、今天之前）",
                f"the day {day} is outside the case (its season {row['season']}, from its"
                " opening, not in the future)")
        if c.execute("SELECT 1 FROM case_events WHERE case_id=? AND kind=? AND day=?",
                     (case_id, kind, day.isoformat())).fetchone() is not None:
            raise CaseRefusal(409, "duplicate_event", f"{day} 已记过这类事件",
                              f"this kind of event is already entered for {day}")
        at = now_iso()
        event_id = c.execute("INSERT INTO case_events (case_id, kind, day, note, by, at) VALUES"
                             " (?,?,?,?,?,?) RETURNING id",
                             (case_id, kind, day.isoformat(), note, by, at)).fetchone()[0]
        refresh_household(c, row["household"], row["season"])
    return {"id": event_id, "case_id": case_id, "kind": kind, "day": day.isoformat(),
            "note": note, "by": by, "at": at}
