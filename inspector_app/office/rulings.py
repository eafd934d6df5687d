"""Refund rulings (退费裁定) issued at the office: computed here, numbered, stored, never edited.

Why it is shaped this way:
- The office is the authority: the supervisor sends only the daily fee and the failing days;
  the amounts are recomputed by `core.ruling.compute_ruling` from the record's stored bytes and
  the profile the record names, so a client cannot send a refund of its own making.
- Numbers run per heating season across all districts ("2025-2026-000001"), the season taken
  from the record's test time (`core.season`: 1 July to 1 July, as the company figures count).
  The next number is read and written in one immediate transaction, so two supervisors issuing
  at once cannot get the same one.
- A ruling is never changed: a second ruling on the same record supersedes the first
  (`superseded_by`), both are kept, and each is a `review_events` row (kind 'ruling') in the
  record's history with who and when.
- Synthetic rows and records that failed a recheck are not evidence and are refused.
- A formal ruling rests on published rules: refused while the record's refund rules are
  unconfirmed at this office (`profile_confirmations`); the ruling cites the rules it used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from inspector_app.core.case_rule import CaseRuling
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.ruling import TRAINING_NOTE, Ruling, RulingInput, compute_ruling
from inspector_app.core.season import season_of
from inspector_app.office import cases, record_names
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.case_groups import parse_time
from inspector_app.office.db import Tx
from inspector_app.office.errors import refusals
from inspector_app.office.households import lock_canonical
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.profile_confirmations import effective
from inspector_app.office.store import OfficeStore, now_iso
from inspector_app.office.values import utc_iso

COLS = ("ruling_no", "record_ref", "record_id", "record_sha256", "decision", "amount_total", "inputs",
        "ruling", "issued_by", "issued_at", "district", "superseded_by", "case_id")

R = TypeVar("R", Ruling, CaseRuling)
FEE_PATTERN = r"^\s*\d{1,3}(\.\d{1,6})?\s*$"
router = APIRouter(tags=["rulings"], route_class=BoundedJsonRoute)


class RulingRequest(BaseModel):
    daily_fee_per_m2: str = Field(max_length=40, pattern=FEE_PATTERN,
                                  description="yuan per m² per day, e.g. '0.1'")
    failing_days: int = Field(ge=0, description="at most the profile's season length")
    comment: str = Field("", max_length=4000, pattern=NO_NUL)
    request_key: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="the client's key for this request: sending it again (after a lost answer) "
                    "returns the ruling it already issued (200) instead of issuing another")


def _row(row: tuple) -> dict[str, Any]:
    out = dict(zip(COLS, row, strict=True))
    out["inputs"] = json.loads(out["inputs"])
    out["ruling"] = json.loads(out["ruling"])
    return out


def for_record(store: OfficeStore, ref: str) -> list[dict[str, Any]]:
    """Every ruling on the record `ref` in the order issued (the one in force is last): a
    record's rulings are all of its season, numbered in the order they were issued."""
    return [_row(r) for r in store.query(
        f"SELECT {', '.join(COLS)} FROM rulings WHERE record_ref=? ORDER BY ruling_no", (ref,))]


def get(store: OfficeStore, ruling_no: str) -> dict[str, Any] | None:
    row = store.query_one(f"SELECT {', '.join(COLS)} FROM rulings WHERE ruling_no=?",
                             (ruling_no,))
    return None if row is None else _row(row)


class Replayed(Exception):
    """The request key was used before: the ruling it issued, or a conflict."""

    def __init__(self, found: dict[str, Any]) -> None:
        super().__init__(found["ruling_no"])
        self.found = found


def check_request_key(c: Tx, request_key: str | None) -> None:
    """Hold `request_key` until commit and raise Replayed if it issued a ruling before.

    Held until commit: a key sent twice at once (to two office processes, perhaps for records
    of two seasons, whose numbers do not wait for each other) is looked up by the second only
    after the first has stored its ruling."""
    if not request_key:
        return
    c.lock(f"ruling request {request_key}")
    row = c.execute(f"SELECT {', '.join(COLS)} FROM rulings WHERE request_key=?",
                    (request_key,)).fetchone()
    if row is not None:
        raise Replayed(_row(row))


@dataclass(frozen=True)
class Cited:
    """The record a ruling row cites (`record_ref`): the one ruled on, or for a case the latest
    record the ruling used; and the case the ruling is on, if any (its earlier rulings are
    superseded, and the caller closes it)."""

    ref: str
    record_id: str
    sha256: str
    case_id: str | None = None


def store_ruling(c: Tx, season: str, cited: Cited, ruling: dict[str, Any],
                 inputs: dict[str, Any], by: str, district: str,
                 request_key: str | None) -> tuple[str, str]:
    """Number the ruling in `season`, store it and supersede the ruling it replaces: the case's
    (with the record's from before cases), else the record's. Returns (number, issued_at)."""
    # The season's counter row is locked until commit: numbers are gap-free (a rollback
    # returns the number) and in the order issued, whichever office process issues them.
    c.execute("INSERT INTO ruling_sequences (season, last_no) VALUES (?, 0)"
              " ON CONFLICT DO NOTHING", (season,))
    serial = c.execute("UPDATE ruling_sequences SET last_no = last_no + 1 WHERE season=?"
                       " RETURNING last_no", (season,)).fetchone()[0]
    at = now_iso()  # inside the lock: times follow the order of numbering
    number = f"{season}-{serial:06d}"
    c.execute(f"INSERT INTO rulings ({', '.join(COLS)}, request_key)"
              f" VALUES ({', '.join('?' * (len(COLS) + 1))})",
              (number, cited.ref, cited.record_id, cited.sha256, ruling["decision"],
               ruling["amount_total"], json.dumps(inputs, ensure_ascii=False),
               json.dumps(ruling, ensure_ascii=False), by, at, district, None, cited.case_id,
               request_key))
    if cited.case_id:
        c.execute("UPDATE rulings SET superseded_by=? WHERE ruling_no<>? AND superseded_by IS NULL"
                  " AND (case_id=? OR (case_id IS NULL AND record_ref=?))",
                  (number, number, cited.case_id, cited.ref))
    else:
        c.execute("UPDATE rulings SET superseded_by=? WHERE record_ref=? AND ruling_no<>?"
                  " AND superseded_by IS NULL", (number, cited.ref, number))
    return number, at


def history_line(c: Tx, refs: Iterable[str], ruling: dict[str, Any], number: str,
                 comment: str, by: str, at: str) -> None:
    """The ruling in the history of each record it rests on (a `review_events` row of kind
    'ruling', its review state unchanged); the caller holds each record's lock."""
    words = (f"退费裁定 {ruling['amount_total']} 元" if ruling["decision"] == "refund"
             else "不退费裁定")
    line = f"{words}（{number}）" + (f"：{comment}" if comment else "")
    for ref in refs:
        state = c.execute("SELECT review_state FROM records WHERE ref=?", (ref,)).fetchone()[0]
        c.execute("INSERT INTO review_events (record_ref, state, comment, by, at, kind,"
                  " from_state) VALUES (?,?,?,?,?,'ruling',?)", (ref, state, line, by, at, state))


def open_ruled_case(c: Tx, ref: str, number: str, at: str) -> str | None:
    """A ruling on a record in no case (a passing test nobody complained about) opens that
    record's case, ruled by it at once; none when the record names no household, or when its
    household has an open case this season (a closed case reaching to now would take that
    case's evidence)."""
    row = c.execute("SELECT household, test_at, district, company, address FROM records"
                    " WHERE ref=?", (ref,)).fetchone()
    if row is None or not row[0] or parse_time(row[1]) is None:
        return None
    household, season = lock_canonical(c, row[0]), season_of(row[1])
    if c.execute("SELECT 1 FROM cases WHERE household=? AND season=? AND state=?",
                 (household, season, cases.OPEN)).fetchone() is not None:
        return None
    n = 1 + c.execute("SELECT count(*) FROM cases WHERE household=? AND season=?",
                      (household, season)).fetchone()[0]
    while c.execute("SELECT 1 FROM cases WHERE case_id=?",
                    (f"{household}-{season}-{n}",)).fetchone() is not None:
        n += 1
    case_id, closed = f"{household}-{season}-{n}", utc_iso(parse_time(at))
    c.execute("INSERT INTO cases (case_id, household, season, district, company, address, state,"
              " rank, opened_at, opened_kind, opened_ref, closed_at, ruling_no, updated_at)"
              " VALUES (?,?,?,?,?,?,?,1,?,'record',?,?,?,?)",
              (case_id, household, season, row[2], row[3], row[4], cases.RULED,
               utc_iso(parse_time(row[1])), ref, closed, number, closed))
    cases.refresh_household(c, household, season)
    return case_id


def _refuse_superseded(c: Tx, ref: str) -> None:
    """A record a correction replaces is no longer evidence: refused, naming the correction."""
    device_id, record_id = c.execute("SELECT device_id, record_id FROM records WHERE ref=?",
                                     (ref,)).fetchone()
    row = c.execute("SELECT record_id FROM records WHERE device_id=? AND supersedes=?"
                    " AND record_id<>? ORDER BY test_at DESC, ref DESC",
                    (device_id, record_id, record_id)).fetchone()
    if row is not None:
        raise refuse(422, "record_superseded",
                     f"该记录已被更正记录 {row[0]} 替代，不能作为裁定依据；请对更正记录裁定",
                     f"the record has been superseded by its correction {row[0]} and cannot be "
                     "ruled on: rule on the correction")


def _refuse_case_ruled(c: Tx, case_id: str) -> None:
    """A case ruled over its whole evidence is not undone by a one-record ruling on one of its
    records (that would supersede the case ruling): a new ruling on the case is the way."""
    for number, text in c.execute("SELECT ruling_no, ruling FROM rulings WHERE case_id=?"
                                  " AND superseded_by IS NULL ORDER BY ruling_no", (case_id,)):
        if "days" in json.loads(text):   # a ruling on the case, not on one record
            raise refuse(409, "case_ruled",
                         f"该记录所在的案件已有生效的按户案件裁定 {number}，不能再对单条记录裁定；"
                         "如需改判，请对案件重新裁定",
                         f"the record's case has a case ruling in force ({number}): a ruling on "
                         "one record cannot replace it; rule on the case again instead")


def issue(store: OfficeStore, ref: str, ruling: dict[str, Any], inputs: dict[str, Any],
          by: str, request_key: str | None = None) -> dict[str, Any]:
    """Store a computed one-record ruling under the next number of its season; supersede the
    previous. The record's case gets the ruling and is closed by it (opened by it when the
    record is in none, `open_ruled_case`). A
    `request_key` seen before raises Replayed with the ruling it issued (nothing stored)."""
    with store.write() as c:
        check_request_key(c, request_key)
        c.lock(f"record {ref}")   # the review state in the history line is the current one
        record_id, test_at, district = c.execute(
            "SELECT record_id, test_at, district FROM records WHERE ref=?", (ref,)).fetchone()
        case_id = cases.case_of_record(c, ref)   # under the household's lock from here on
        _refuse_superseded(c, ref)
        if case_id:
            _refuse_case_ruled(c, case_id)
        cited = Cited(ref, record_id, ruling["record_sha256"], case_id)
        number, at = store_ruling(c, season_of(test_at), cited, ruling, inputs, by, district,
                                  request_key)
        history_line(c, [ref], ruling, number, inputs["comment"], by, at)
        if case_id:
            cases.close_case(c, case_id, cases.RULED, at, number)
        elif (case_id := open_ruled_case(c, ref, number, at)) is not None:
            c.execute("UPDATE rulings SET case_id=? WHERE ruling_no=?", (case_id, number))
    found = get(store, number)
    assert found is not None
    return found


def refuse(status: int, code: str, zh: str, en: str) -> HTTPException:
    return HTTPException(status, detail={"error": code, "reason": en, "reason_zh": zh})


def not_found(what_zh: str = "没有这条记录", what_en: str = "no such record") -> HTTPException:
    return refuse(404, "not_found", what_zh, what_en)


def parse_fee(text: str) -> Decimal:
    if not re.fullmatch(FEE_PATTERN, text):
        raise refuse(422, "bad_decimal", f"日单价应写成如 0.1607 的数字：{text!r}",
                      f"write the daily fee as a plain number such as 0.1607: {text!r}")
    try:
        fee = Decimal(text.strip())
    except InvalidOperation as exc:
        raise refuse(422, "bad_decimal", f"日单价不是有效的数字：{text!r}",
                      f"the daily fee is not a decimal number: {text!r}") from exc
    if not fee.is_finite():
        raise refuse(422, "bad_decimal", "日单价须是有限的数字", "the daily fee must be finite")
    return fee


REFUSAL_NOTES = ("resident_refused", "refusal_counts_as_fail", "company_failures_count_as_pass")
REFUSAL_DAYS = ("refused", "company_failure")


def rests_on_refusal(ruling: Ruling | CaseRuling) -> bool:
    """Whether the `[refusal]` section decided something in the ruling: a resident's refusal
    counted as the profile says, a day the company failed to test or sign counted (or, under
    the profile, left out)."""
    if any(n.split(":")[0] in REFUSAL_NOTES for n in ruling.notes):
        return True
    return isinstance(ruling, CaseRuling) and any(d.status in REFUSAL_DAYS for d in ruling.days)


def cite_rules(store: OfficeStore, profile: Profile, ruling: R, *,
               monitoring: bool = False) -> R:
    """The ruling with the rules it rests on as this office holds them. A formal ruling is
    refused while the standard (it decides which rooms fail) or the refund section is
    unconfirmed here (and, for a ruling that counts monitoring days, the monitoring section:
    its thresholds judge those days; for a ruling a resident's refusal or a company's failure
    to test or sign entered, the refusal section: it says what such a day counts as); a
    training ruling only practises."""
    held = effective(store, profile)
    sections = ("standard", "refund", *(("monitoring",) if monitoring else ()),
                *(("refusal",) if rests_on_refusal(ruling) else ()))
    for section in sections:
        if TRAINING_NOTE not in ruling.notes and not held[section].settled:
            raise _unconfirmed(profile, section)
    return replace(ruling, citations={s: held[s].to_dict() for s in sections})


def _unconfirmed(profile: Profile, section: str) -> HTTPException:
    part_zh = {"standard": "室温标准部分", "refund": "退费部分", "monitoring": "固定监测点部分",
               "refusal": "用户拒绝与企业未检测、未签字部分"}[section]
    part_en = {"standard": "standard section", "refund": "refund section",
               "monitoring": "monitoring section",
               "refusal": "refusal section (resident refusals, company failures to test or "
                          "sign)"}[section]
    return refuse(422, "rule_unconfirmed",
                  f"“{profile.title_zh}”规则（{profile.name} {profile.version}）的{part_zh}尚未经本"
                  "办公室确认，不能作正式裁定：请管理员对照已发布的文件确认（inspector-office "
                  f"profile confirm {profile.name} --section {section} --citation-zh … --by 姓名）",
                  f"the {part_en} of the {profile.title_en} rules ({profile.name} "
                  f"{profile.version}) is not confirmed at this office, so no formal ruling can "
                  "be issued: an admin must first confirm it against the published document "
                  f"(inspector-office profile confirm {profile.name} --section {section} "
                  "--citation-zh ... --by NAME)")


@router.post("/api/v1/records/{record_id}/rulings", status_code=201,
             responses={200: {"description": "this request key already issued this ruling"},
                        **refusals(400, 401, 404, 409, 413, 422,
                                   s409="this request key was used for another ruling "
                                        "(`request_key_reused`); the record's case has a case "
                                        "ruling in force (`case_ruled`, naming it); or "
                                        f"{record_names.AMBIGUOUS}",
                                   s422="a correction supersedes the record "
                                        "(`record_superseded`, naming it); cannot be ruled on, "
                                        "or bad inputs")})
def issue_ruling(record_id: str, req: RulingRequest, request: Request,
                 who: Annotated[Supervisor, Depends(require_supervisor)],
                 store: Annotated[OfficeStore, Depends(office_store)]) -> JSONResponse:
    ref = record_names.resolve(store, record_id, who)
    row = store.query_one("SELECT envelope, synthetic, district, verification FROM records"
                             " WHERE ref=?", (ref,))
    if row is None or not who.may_see(row[2]):
        raise not_found()
    if row[1]:
        raise refuse(422, "synthetic", "合成的测试数据，不是检测证据，不能裁定",
                      "synthetic record, not evidence: it cannot be ruled on")
    if row[3] != "verified":
        raise refuse(422, "not_verified", "该记录未通过验证，不能作为裁定依据",
                      "the record did not pass verification and cannot be ruled on")
    inputs = RulingInput(daily_fee_per_m2=parse_fee(req.daily_fee_per_m2),
                         failing_days=req.failing_days)
    try:
        envelope = json.loads(bytes(row[0]).decode("utf-8"))
        profile = load_profile(str(envelope["record"]["profile"]["name"]))
        ruling = compute_ruling(envelope, profile, inputs,
                                training_office=bool(request.app.state.training))
    except InspectionError as exc:
        raise refuse(422, "cannot_rule", exc.message_zh, exc.message_en) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(422, "cannot_rule", "记录中没有可用的地区规则，不能裁定",
                      "the record names no usable profile and cannot be ruled on") from exc
    ruling = cite_rules(store, profile, ruling)
    asked = {"daily_fee_per_m2": str(inputs.daily_fee_per_m2),
             "failing_days": inputs.failing_days, "comment": req.comment}
    try:
        stored = issue(store, ref, ruling.to_dict(), asked, who.name, req.request_key)
    except Replayed as again:
        same = again.found["record_ref"] == ref and again.found["inputs"] == asked
        if not same:
            raise refuse(409, "request_key_reused",
                          "这个请求编号已用于另一份裁定", "this request key was used for another "
                          "ruling") from again
        return JSONResponse(status_code=200, content=again.found)
    return JSONResponse(status_code=201, content=stored)


@router.get("/api/v1/rulings/{ruling_no}", responses=refusals(401, 404, s404="no such ruling"))
def ruling_detail(ruling_no: str, who: Annotated[Supervisor, Depends(require_supervisor)],
                  store: Annotated[OfficeStore, Depends(office_store)]) -> dict[str, Any]:
    found = get(store, ruling_no)
    if found is None or not who.may_see(found["district"]):
        raise not_found("没有这份裁定", "no such ruling")
    return found
