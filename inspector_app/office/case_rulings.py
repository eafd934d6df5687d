"""Rulings on a household's case (按户案件裁定), issued at the office, and their PDF.

Why it is shaped this way:
- The office is the authority: the supervisor sends the daily fee, the ruling date and whether
  monitoring days count; the failing days and the amount are computed here by
  `core.case_rule.compute_case_ruling` from the case's evidence as stored (the records' exact
  bytes, tickets, stops, the company's failures), read inside the ruling's own transaction under
  the household's lock, so what is ruled is what is stored when the number is taken.
- A case is ruled only on evidence that stands: a record of the case that failed the office's
  verification, or a synthetic one, refuses the whole ruling (naming the record) rather than
  quietly leaving it out; a withdrawn case is not ruled; the rule must be confirmed at this
  office (`office.rulings.cite_rules`), and so must the monitoring section when the ruling counts
  monitoring days.
- Monitoring (`use_monitoring`): the household's points' dirty days are recomputed inside the
  ruling's transaction before the evidence is read, and the ruling cites each point it used with
  the digest of those days' valid raw readings (`office.monitoring.evidence`), recomputed then.
- Numbering, request keys and superseding are `office.rulings`' (one sequence per season across
  both kinds of ruling); a ruling on a case supersedes the case's ruling in force, so exactly
  one is in force per case whatever runs at once. The ruling closes the case (`ruled`, its
  closing time and number) and its household's cases are regrouped in the same transaction.
- The row cites one record (`record_ref`, the schema's): the latest record the ruling used; the
  ruling itself lists every record with its hash, and each one's history gets the ruling line.
- Any refusal leaves nothing changed: it is raised inside the transaction, which rolls back.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from inspector_app.core.case_model import CaseEvidence, CaseTest
from inspector_app.core.case_rule import CaseRulingInput, compute_case_ruling
from inspector_app.core.errors import InspectionError, ProfileError
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.ruling import Ruling
from inspector_app.office import cases, rulings
from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.case_evidence import case_evidence, evidence_in
from inspector_app.office.case_groups import load, parse_time, ruling_ends
from inspector_app.office.db import Tx
from inspector_app.office.errors import refusals
from inspector_app.office.households import HouseholdRefusal, lock_canonical
from inspector_app.office.monitoring.evidence import cite_digests
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.store import OfficeStore
from inspector_app.slip.case_ruling_pdf import render_case_ruling
from inspector_app.slip.ruling_pdf import render_ruling

router = APIRouter(tags=["rulings"], route_class=BoundedJsonRoute)
CASE_COLS = ("household", "season", "district", "state", "ruling_no")


class CaseRulingRequest(BaseModel):
    daily_fee_per_m2: str = Field(max_length=40, pattern=rulings.FEE_PATTERN,
                                  description="yuan per m² per day, e.g. '0.1607'")
    until: date = Field(description="the ruling date: failing days are counted up to it, "
                                    "inclusive; within the case's heating season")
    use_monitoring: bool = Field(False, description="count days from fixed monitoring points")
    comment: str = Field("", max_length=4000, pattern=NO_NUL)
    request_key: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="the client's key for this request: sending it again (after a lost answer) "
                    "returns the ruling it already issued (200) instead of issuing another")


def _case_row(c: Tx, case_id: str) -> dict[str, Any] | None:
    row = c.execute(f"SELECT {', '.join(CASE_COLS)} FROM cases WHERE case_id=?",
                    (case_id,)).fetchone()
    return None if row is None else dict(zip(CASE_COLS, row, strict=True))


def _no_case() -> Exception:
    return rulings.not_found("没有这个案件", "no such case")


def _standing(evidence: CaseEvidence) -> None:
    """Refuse a case resting on a record that is not evidence, naming it."""
    for test in sorted(evidence.tests, key=lambda t: (t.test_at, t.ref)):
        if test.verification != "verified":
            raise rulings.refuse(
                422, "record_not_verified",
                f"案件中的检测记录 {test.record_id} 未通过本办公室的验证，不能作为裁定依据；"
                "请先处理该记录（更正或复核）",
                f"record {test.record_id} of this case failed the office's verification and "
                "cannot be the basis of a ruling; deal with that record first")
        if test.synthetic:
            raise rulings.refuse(
                422, "synthetic", f"案件中的记录 {test.record_id} 是合成的测试数据，不是检测证据，不能裁定",
                f"record {test.record_id} of this case is synthetic, not evidence: the case "
                "cannot be ruled on")
    if not evidence.tests:
        raise rulings.refuse(
            422, "no_record", "案件中还没有检测记录，不能裁定（裁定须引用检测记录）",
            "the case holds no test record yet and cannot be ruled on (a ruling cites one)")


def _not_past_its_end(c: Tx, row: dict[str, Any], until: date) -> None:
    """A ruled case ends at its ruling date: what was tested or complained of after it is the
    next case's. A new ruling on it with a later date would count those days without that
    evidence (a passing re-test among it would be missed), so it is refused while the
    household has any record or ticket dated in between; without any, the later date stands."""
    if row["state"] != cases.RULED or not row["ruling_no"]:
        return
    ends = ruling_ends(c, [row["ruling_no"]]).get(row["ruling_no"])
    if ends is None or until < ends.date():
        return
    data = load(c, row["household"], row["season"])
    last = ends.date() - timedelta(days=1)
    times = [parse_time(r["test_at"]) for r in data.records.values()]
    times += [parse_time(t["complaint_at"]) for t in data.tickets.values()]
    if any(t is not None and ends <= t and t.astimezone(ends.tzinfo).date() <= until
           for t in times):
        raise rulings.refuse(
            409, "evidence_in_next_case",
            f"此案件已裁定至 {last}，其后的检测或投诉已归入该户的下一案件；新裁定的截止日期不能晚于 "
            f"{last}，其后的日子请在下一案件中裁定",
            f"this case was ruled up to {last} and the household's tests or complaints after "
            f"that day are in its next case: a new ruling on this case may not go past {last}; "
            "rule the later days on the next case")


def _not_before_opening(evidence: CaseEvidence, profile: Profile, until: date) -> None:
    """Refuse a ruling date before the case opened (a mistyped year or month): it would count
    no day, yet close the case at that date, so all its evidence would move to a new case and
    a no-refund ruling stay in force on a case holding nothing."""
    opened = evidence.opened_at.astimezone(profile.zone).date()
    if until < opened:
        raise rulings.refuse(
            422, "cannot_rule",
            f"裁定截止日期 {until} 早于案件立案日 {opened}：请核对日期",
            f"the ruling date {until} is before the case opened ({opened}): check the date")


def _profile(tests: tuple[CaseTest, ...]) -> Profile:
    name = next((t.profile_name for t in sorted(tests, key=lambda t: (t.test_at, t.ref),
                                                reverse=True) if t.profile_name), "")
    try:
        return load_profile(name or cases.DEFAULT_PROFILE)
    except (ProfileError, OSError, ValueError) as exc:
        raise rulings.refuse(422, "cannot_rule", "案件记录中没有可用的地区规则，不能裁定",
                             "the case's records name no usable profile: it cannot be ruled "
                             "on") from exc


def _cited(ruling: dict[str, Any], evidence: CaseEvidence) -> rulings.Cited:
    """The record the row cites: the latest the ruling used, else the case's latest."""
    used = [t for t in ruling["tests"] if t["used"]] or list(ruling["tests"])
    latest = max(used, key=lambda t: (t["test_at"], t["ref"]))
    return rulings.Cited(latest["ref"], latest["record_id"], latest["sha256"], evidence.case_id)


def issue_on_case(store: OfficeStore, case_id: str, inputs: CaseRulingInput,
                  asked: dict[str, Any], who: Supervisor, *, training_office: bool,
                  request_key: str | None, now: datetime) -> dict[str, Any]:
    """Compute, number and store the ruling on `case_id` and close the case, in one
    transaction; raises Replayed for a request key used before, HTTPException to refuse.
    `now` (the office's clock) gives today in the profile's zone: a ruling date after it is
    refused, since a ruling counts only days that have happened."""
    before = case_evidence(store, case_id)
    if before is None:
        raise _no_case()
    with store.write() as c:
        rulings.check_request_key(c, request_key)
        # Lock order as a record's arrival takes them (record, then household): the records
        # the case held a moment ago, then the household, under whose lock it is read again.
        for ref in sorted(t.ref for t in before.tests):
            c.lock(f"record {ref}")
        row = _case_row(c, case_id)
        if row is None:
            raise _no_case()
        lock_canonical(c, row["household"])
        row = _case_row(c, case_id)
        if row is None or not who.may_see(row["district"]):
            raise _no_case()
        if row["state"] == cases.WITHDRAWN:
            raise rulings.refuse(409, "case_withdrawn", "案件已撤回，不能裁定",
                                 "the case was withdrawn and cannot be ruled on")
        evidence = evidence_in(c, case_id, until=inputs.until,
                               refresh_monitoring=inputs.use_monitoring)
        assert evidence is not None
        _standing(evidence)
        _not_past_its_end(c, row, inputs.until)
        profile = _profile(evidence.tests)
        _not_before_opening(evidence, profile, inputs.until)
        try:
            computed = compute_case_ruling(evidence, profile, inputs,
                                           training_office=training_office,
                                           today=now.astimezone(profile.zone).date())
        except InspectionError as exc:
            raise rulings.refuse(422, "cannot_rule", exc.message_zh, exc.message_en) from exc
        computed = rulings.cite_rules(store, profile, computed,
                                      monitoring=inputs.use_monitoring)
        ruling = cite_digests(c, computed, profile).to_dict()
        cited = _cited(ruling, evidence)
        number, at = rulings.store_ruling(c, row["season"], cited, ruling, asked, who.name,
                                          row["district"], request_key)
        rests_on = sorted({cited.ref, *(t["ref"] for t in ruling["tests"] if t["used"])})
        rulings.history_line(c, rests_on, ruling, number, asked["comment"], who.name, at)
        try:
            cases.close_case(c, case_id, cases.RULED, at, number)
        except HouseholdRefusal as exc:
            raise rulings.refuse(exc.status, exc.code, exc.zh, exc.en) from exc
    found = rulings.get(store, number)
    assert found is not None
    return found


@router.post("/api/v1/cases/{case_id}/rulings", status_code=201,
             response_description="the ruling row issued (`ruling` is the computed ruling, "
                                  "`case_id` set); the case is closed as ruled",
             responses={200: {"description": "this request key already issued this ruling"},
                        **refusals(400, 401, 404, 409, 413, 422,
                                   s409="the case was withdrawn (`case_withdrawn`); this "
                                        "request key was used for another ruling "
                                        "(`request_key_reused`); or a new ruling on a ruled "
                                        "case would go past its ruling date while the "
                                        "household's next case holds evidence dated after it "
                                        "(`evidence_in_next_case`)",
                                   s422="a record of the case failed verification "
                                        "(`record_not_verified`, naming it) or is synthetic; "
                                        "the standard or the refund rule (with "
                                        "`use_monitoring`, also the monitoring rule; for a "
                                        "refusal or company failure day, the refusal rule) is "
                                        "unconfirmed here "
                                        "(`rule_unconfirmed`); the ruling date is after the office's today (in the "
                                        "profile's zone), before the case opened or beyond "
                                        "the season, or bad inputs "
                                        "(`cannot_rule`, `bad_decimal`)")})
def issue_case_ruling(case_id: Annotated[str, Path(description="the case to rule on")], req: CaseRulingRequest, request: Request,
                      who: Annotated[Supervisor, Depends(require_supervisor)],
                      store: Annotated[OfficeStore, Depends(office_store)]) -> JSONResponse:
    fee = rulings.parse_fee(req.daily_fee_per_m2)
    inputs = CaseRulingInput(daily_fee_per_m2=fee, until=req.until,
                             use_monitoring=req.use_monitoring)
    asked = {"daily_fee_per_m2": str(fee), "until": req.until.isoformat(),
             "use_monitoring": req.use_monitoring, "comment": req.comment}
    try:
        stored = issue_on_case(store, case_id, inputs, asked, who,
                               training_office=bool(request.app.state.training),
                               request_key=req.request_key, now=request.app.state.clock())
    except rulings.Replayed as again:
        if again.found["case_id"] != case_id or again.found["inputs"] != asked:
            raise rulings.refuse(409, "request_key_reused", "这个请求编号已用于另一份裁定",
                                 "this request key was used for another ruling") from again
        return JSONResponse(status_code=200, content=again.found)
    return JSONResponse(status_code=201, content=stored)


def _pdf_detail(store: OfficeStore, case_id: str) -> dict[str, Any]:
    """The case detail the PDF reads, each record with its rooms and heated area as sealed."""
    found = cases.case_detail_and_evidence(store, case_id)
    if found is None:
        return {}
    detail, evidence = found
    tests = {t.ref: t for t in evidence.tests}
    records = []
    for r in detail.get("records") or []:
        test = tests.get(r["ref"])
        extra = {} if test is None else {
            "heated_area_m2": str(test.heated_area_m2),
            "rooms": [{"room_id": x.room_id, "name": x.name, "kind": x.kind,
                       "area_m2": str(x.area_m2),
                       "mean": None if x.mean_c is None else str(x.mean_c),
                       "verdict": x.verdict} for x in test.rooms]}
        records.append({**r, **extra})
    return {**detail, "records": records}


@router.get("/api/v1/cases/{case_id}/rulings/{ruling_no}/pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}},
                             "description": "the ruling as an A4 PDF (the same bytes each time)"},
                       **refusals(401, 404, 422, s404="no such case or ruling, or another "
                                                      "district's")})
def case_ruling_pdf(case_id: Annotated[str, Path(description="the case ruled on")],
                    ruling_no: Annotated[str, Path(description="the ruling's number, e.g. "
                                                   "2026-2027-000001")],
                    who: Annotated[Supervisor, Depends(require_supervisor)],
                    store: Annotated[OfficeStore, Depends(office_store)],
                    lang: Annotated[Literal["zh", "en"], Query(
                        description="the language of the PDF")] = "zh") -> Response:
    found = rulings.get(store, ruling_no)
    if found is None or found["case_id"] != case_id or not who.may_see(found["district"]):
        raise rulings.not_found("没有这份裁定", "no such ruling")
    ruling = found["ruling"]
    issue = {"issued_at": found["issued_at"], "issued_by": found["issued_by"]}
    try:
        profile = load_profile(str(ruling["profile_name"]))
    except (ProfileError, OSError, ValueError) as exc:
        raise rulings.refuse(422, "cannot_render", "裁定所用的地区规则已不可用，不能生成裁定书",
                             "the rules this ruling used are no longer available") from exc
    if "days" in ruling:    # a ruling on the case
        pdf = render_case_ruling(ruling, _pdf_detail(store, case_id), profile, lang,
                                 number=ruling_no, **issue)
    else:                   # a one-record ruling that closed the case
        stored = store.record_bytes(found["record_ref"])
        assert stored is not None   # a ruling's record is never deleted (foreign key)
        envelope = json.loads(stored[1].decode("utf-8"))
        pdf = render_ruling(envelope, Ruling.from_dict(ruling), ruling_no=ruling_no, lang=lang,
                            profile=profile, **issue)
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{ruling_no}.pdf"'})
