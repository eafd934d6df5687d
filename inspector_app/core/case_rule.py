"""The refund ruling over a household's case: every test, re-test, stop and failure of a period.

Definitions (docs/cases.md works an example through by hand):
- Effective tests: verified, not training (unless the office is a training office), not
  synthetic, verdict pass or fail, dated on or before `until` (a later test is listed as
  `after_until` and changes nothing: the ruling rests on the case as it stood that day). A test
  that another test `supersedes` is replaced by that correction everywhere: both are listed,
  only the correction is used.
- Day: the profile's local date (`profile.zone`) of a time. The case's start: its `opened_at` day.
- Failing runs (a case may have several): the case's start, and a complaint made outside a run
  (after a passing test), are judged by the first effective test after them: failing, a run
  starts on the complaint's day; passing, no run. A failing test outside a run starts one on its
  own day. A run ends the day before the next effective passing test, else at `until` (the
  ruling date, inclusive). Days between runs pass (0), but for stop and company failure days.
  `until` before the start → no days. The ruling's `start` is the first run's first day (the
  case's start without a run), `end` the last run's last day (None without a run).
- Governing test of a day in a run: the latest effective test on or before it, else (before the
  run's first test) the test that judged its complaint. Without any effective test, only the
  company's failures make days fail (failed_to_test: from that day on); they are the runs.
- A refused test (the resident refused without good reason) neither governs, starts nor ends a
  run; its day counts as the profile's `refusal.day_counts_as` says (pass → 0 that day).
- Band per room and day: `each_test` → the governing test's room mean; `month_mean` → the mean
  of that room's means over the month's effective tests (passing ones too, none after
  `until`), each test day counting once (several tests on one day: that day's mean), rounded
  as the profile rounds; a day before the month's first test takes the governing test's own
  mean (the complaint is judged by the test it brought, not by tests yet to come). Rooms are
  matched across visits by kind and name. Day amount = Σ rooms round_half_up(fee × area ×
  share, 0.01).
- Company failure day: max(day amount, company_failure_share × fee × tested rooms' area).
- Stop days: a company stop of ≥ stop_min_hours gives ceil(hours / 24) days from its local
  start date; each such day in [start, until] (even after a passing re-test) is max(day amount,
  multiplier × fee × heated area). No multiplier in the profile → stops raise nothing.
- Monitoring (opt-in): a day in a run without a test is ruled by its worst point (non-compliant
  before compliant, then the lowest mean): compliant passes that day; non-compliant fails for
  the point's room kind at its mean's band, or at the first band (just below the standard) when
  the mean met the standard but the time below it went over the profile's limit. A day whose
  points all lacked data (`insufficient`) is ruled by its test, noted on the day. Monitoring
  neither starts nor ends a run. The ruling cites each point it used (`monitoring`: days, period;
  the office adds the digest of the readings).
- Heating end: when the office holds the company's announced heating period for the district,
  no day after its last day is counted (the fee pays for heating up to it; a test after it is
  listed as `after_heating_end`); the ruling notes `heating_ended:<day>`.
- Cap: the total over all runs ≤ fee × season_days × failing area (rooms with a share on some
  day; the heated area once a stop or company failure counts).

Pure: no I/O, no clock (the office passes `today`, its local date of issue: a ruling date after
it is refused). Adding a failing day or a complaint never lowers the amount, nor does a failing
test no warmer than the others but on the days it moves onto its month's mean (it became the
month's first test; a passing test may lower it too: it ends a run); tests after `until` change
nothing; the order of the evidence never changes the ruling
(tests/core/test_case_rule_properties.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from inspector_app.core.case_days import (
    CENT,
    ZERO,
    CaseDay,
    corrections,
    local_day,
    plan_days,
    stop_days,
    why_not,
)
from inspector_app.core.case_model import CaseEvidence, CaseTest
from inspector_app.core.decimal_math import dec, round_to
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile
from inspector_app.core.ruling import MAX_DAILY_FEE, NO_REFUND, REFUND, TRAINING_NOTE
from inspector_app.core.season import season_bounds

__all__ = ["CaseDay", "CaseRuling", "CaseRulingInput", "case_estimate", "case_timeline",
           "compute_case_ruling", "effective_tests", "monitoring_citations"]

CASE_REASONS = ("refund", "no_failing_days", "resident_refused", "no_band")


@dataclass(frozen=True)
class CaseRulingInput:
    daily_fee_per_m2: Decimal
    until: date                 # the ruling date (inclusive)
    use_monitoring: bool = False


@dataclass(frozen=True)
class CaseRuling:
    case_id: str
    household: str
    season: str
    profile_name: str
    profile_version: str
    decision: str               # core.ruling REFUND | NO_REFUND
    reason_code: str            # one of CASE_REASONS
    daily_fee_per_m2: Decimal
    start: date | None          # first day of the first failing run (the case's start without)
    end: date | None            # last day of the last failing run, None when there is none
    until: date
    failing_days: int           # days with amount > 0 or a failing status
    stop_days: int
    days: tuple[CaseDay, ...]
    tests: tuple[dict, ...]     # every test, used or not, and why not
    tickets: tuple[dict, ...]
    stops: tuple[dict, ...]
    amount_total: Decimal
    notes: tuple[str, ...]
    citations: dict[str, dict[str, str]] = field(default_factory=dict)
    band_basis: str = "each_test"
    use_monitoring: bool = False
    runs: tuple[tuple[date, date], ...] = ()    # the failing runs: (first day, last day)
    monitoring: tuple[dict, ...] = ()   # per point used: monitoring_citations(); + digest

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: Decimals and dates as strings, tuples as lists."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "days":
                value = [d.to_dict() for d in value]
            elif f.name in ("tests", "tickets", "stops", "monitoring"):
                value = [dict(x) for x in value]
            elif f.name == "notes":
                value = list(value)
            elif f.name == "runs":
                value = [[first.isoformat(), last.isoformat()] for first, last in value]
            elif f.name == "citations":
                value = {k: dict(v) for k, v in value.items()}
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CaseRuling:
        """The inverse of `to_dict`; rulings stored before `runs` existed read with none."""
        days = tuple(CaseDay.from_dict(x) for x in d["days"])
        return cls(
            case_id=str(d["case_id"]), household=str(d["household"]), season=str(d["season"]),
            profile_name=str(d["profile_name"]), profile_version=str(d["profile_version"]),
            decision=str(d["decision"]), reason_code=str(d["reason_code"]),
            daily_fee_per_m2=Decimal(d["daily_fee_per_m2"]),
            start=_date_or_none(d["start"]), end=_date_or_none(d["end"]),
            until=date.fromisoformat(d["until"]), failing_days=int(d["failing_days"]),
            stop_days=int(d["stop_days"]), days=days,
            tests=tuple(dict(x) for x in d["tests"]),
            tickets=tuple(dict(x) for x in d["tickets"]),
            stops=tuple(dict(x) for x in d["stops"]),
            amount_total=Decimal(d["amount_total"]), notes=tuple(str(n) for n in d["notes"]),
            citations={str(k): dict(v) for k, v in (d.get("citations") or {}).items()},
            band_basis=str(d.get("band_basis", "each_test")),
            use_monitoring=bool(d.get("use_monitoring", False)),
            runs=tuple((date.fromisoformat(a), date.fromisoformat(b))
                       for a, b in d.get("runs") or ()),
            monitoring=tuple(dict(x) for x in d.get("monitoring") or ()))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if isinstance(value, date) else value


def _date_or_none(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _refuse(zh: str, en: str, field: str) -> InspectionError:
    return InspectionError(zh, en, field=field)


# -- checks --------------------------------------------------------------------------------

def _fee(inputs: CaseRulingInput) -> Decimal:
    try:
        fee = inputs.daily_fee_per_m2
        fee = fee if isinstance(fee, Decimal) else dec(fee)
        ok = fee.is_finite() and ZERO < fee <= MAX_DAILY_FEE
    except (InvalidOperation, TypeError, ValueError):
        ok = False
    if not ok:
        raise _refuse(f"日单价须大于 0 元且不超过 {MAX_DAILY_FEE} 元/(m²·日)",
                      f"the daily fee must be above 0 and at most {MAX_DAILY_FEE} "
                      "yuan per m² per day", "daily_fee_per_m2")
    return fee


def _until(inputs: CaseRulingInput, today: date | None) -> date:
    """The ruling date, refused when it is not a date or (given `today`) still to come: a
    ruling counts only days that have happened."""
    until = inputs.until
    if not isinstance(until, date) or isinstance(until, datetime):
        raise _refuse("裁定日期须是一个日期", "the ruling date must be a date", "until")
    if today is not None and until > today:
        raise _refuse(f"裁定截止日期不能晚于今天（{today.isoformat()}）",
                      f"the ruling date cannot be after today ({today.isoformat()})", "until")
    return until


def _check_season(evidence: CaseEvidence, profile: Profile, until: date) -> None:
    """A ruling date past the season, or a period longer than one heating season, is refused."""
    try:
        season_end = date.fromisoformat(season_bounds(evidence.season)[1])
    except ValueError as exc:
        raise _refuse(f"供暖季 {evidence.season!r} 应形如 2026-2027",
                      f"the season {evidence.season!r} must look like 2026-2027",
                      "season") from exc
    if until >= season_end:
        raise _refuse(f"裁定日期 {until} 超出供暖季 {evidence.season}（止于 {season_end} 之前）",
                      f"the ruling date {until} is beyond the season {evidence.season} "
                      f"(which ends before {season_end})", "until")
    start = evidence.opened_at.astimezone(profile.zone).date()
    if (until - start).days + 1 > profile.season_days:
        raise _refuse(
            f"自立案日 {start} 至裁定日期 {until} 超过一个供暖期（{profile.season_days} 天）",
            f"from the case's start {start} to the ruling date {until} is more than one heating "
            f"season ({profile.season_days} days)", "until")


def _check_profiles(evidence: CaseEvidence, profile: Profile) -> None:
    """Any test of the case sealed under another profile refuses it (even one after `until`)."""
    for t in sorted(evidence.tests, key=lambda t: (t.test_at, t.ref)):
        if t.profile_name and t.profile_name != profile.name:
            raise _refuse(
                f"地区规则不一致：记录 {t.ref} 按“{t.profile_name}”检测，不能按“{profile.name}”裁定",
                f"profile mismatch: record {t.ref} was tested under {t.profile_name!r}, "
                f"not {profile.name!r}", "profile")


def _version_notes(known: CaseEvidence, profile: Profile) -> list[str]:
    return [f"profile_version_differs:{t.ref}:{t.profile_version}→{profile.version}"
            for t in sorted(known.tests, key=lambda t: (t.test_at, t.ref))
            if t.profile_version and t.profile_version != profile.version]


# -- the rule ------------------------------------------------------------------------------

def _known(evidence: CaseEvidence, profile: Profile, until: date) -> CaseEvidence:
    """The case as it stood on `until`: a test dated after it is not evidence of that ruling
    (listed as `after_until`), so it can neither end a run, judge a complaint nor move a
    month's mean."""
    return replace(evidence, tests=tuple(t for t in evidence.tests
                                         if local_day(t.test_at, profile) <= until))


def effective_tests(evidence: CaseEvidence, *,
                    training_office: bool = False) -> tuple[CaseTest, ...]:
    """The tests the rule uses, by test time (corrections in place of what they correct)."""
    corrected = corrections(evidence.tests)
    return tuple(t for t in sorted(evidence.tests, key=lambda t: (t.test_at, t.ref))
                 if not why_not(t, corrected, training_office))


def case_timeline(evidence: CaseEvidence, profile: Profile, inputs: CaseRulingInput, *,
                  training_office: bool = False, today: date | None = None
                  ) -> tuple[CaseDay, ...]:
    """The days as they stand on `inputs.until` (a view: a period longer than the season is cut
    at season_days rather than refused). A fee out of range, a date after `today` (when given)
    or a test of another profile is still refused with InspectionError, as the ruling would be."""
    fee, until = _fee(inputs), _until(inputs, today)
    _check_profiles(evidence, profile)
    last = counted_until(evidence, until)
    known = _known(evidence, profile, last)
    return plan_days(known, profile, fee, last,
                     effective_tests(known, training_office=training_office),
                     inputs.use_monitoring).days


def counted_until(evidence: CaseEvidence, until: date) -> date:
    """The last day a ruling dated `until` counts: the ruling date, or the announced end of
    heating when that came first (no heating was owed after it)."""
    end = evidence.heating_end
    return min(until, end) if end is not None else until


def compute_case_ruling(evidence: CaseEvidence, profile: Profile, inputs: CaseRulingInput, *,
                        training_office: bool = False, today: date | None = None) -> CaseRuling:
    """The ruling on the case up to `inputs.until` under `profile`, on the tests dated on or
    before it. Raises InspectionError, in both languages with `field` set, for a fee out of
    range, a ruling date after `today` (the office's local date of issue, when given), beyond
    the season or more than season_days after the start, or a test of another profile."""
    fee, until = _fee(inputs), _until(inputs, today)
    _check_profiles(evidence, profile)
    _check_season(evidence, profile, until)
    last = counted_until(evidence, until)
    known = _known(evidence, profile, last)
    notes = _version_notes(known, profile)
    effective = effective_tests(known, training_office=training_office)
    plan = plan_days(known, profile, fee, last, effective, inputs.use_monitoring)
    notes.extend(plan.notes)
    if last < until:
        notes.append(f"heating_ended:{last.isoformat()}")
    if any(t.training for t in effective):
        notes.insert(0, TRAINING_NOTE)

    total = sum((d.amount for d in plan.days), round_to(ZERO, CENT))
    # rounded down, so the total never exceeds the exact season's fee for the failing area
    cap = (fee * profile.season_days * plan.failing_area).quantize(Decimal("0.01"), ROUND_DOWN)
    if total > cap:
        notes.append("capped_at_season_fee")
        total = cap
    failing = sum(1 for d in plan.days if d.failing)
    if total > 0:
        reason = "refund"
    elif failing:
        reason = "no_band"
    elif any(d.status == "refused" for d in plan.days):
        reason = "resident_refused"
    else:
        reason = "no_failing_days"
    return CaseRuling(
        case_id=evidence.case_id, household=evidence.household, season=evidence.season,
        profile_name=profile.name, profile_version=profile.version,
        decision=REFUND if total > 0 else NO_REFUND, reason_code=reason,
        daily_fee_per_m2=fee, start=plan.runs[0].first if plan.runs else plan.start,
        end=plan.runs[-1].last if plan.runs else None, until=until,
        failing_days=failing, stop_days=plan.stop_days, days=plan.days,
        tests=_tests(evidence, known, training_office, profile, until),
        tickets=_tickets(evidence),
        stops=_stops(evidence, profile), amount_total=total, notes=tuple(notes),
        band_basis=profile.case_rule.band_basis, use_monitoring=inputs.use_monitoring,
        runs=tuple((r.first, r.last) for r in plan.runs),
        monitoring=monitoring_citations(evidence, plan.days))


def monitoring_citations(evidence: CaseEvidence, days: tuple[CaseDay, ...]
                         ) -> tuple[dict, ...]:
    """Each monitoring point whose days the ruling used (a day ruled monitor_fail or
    monitor_pass on it), by point id: its room, the first and last day used, those days, how
    many failed, and `digest` left empty (the office recomputes it from the raw readings of
    exactly those days, `office.monitoring.evidence`)."""
    used: dict[str, list[CaseDay]] = {}
    for d in days:
        if d.status in ("monitor_fail", "monitor_pass"):
            used.setdefault(d.basis, []).append(d)
    rooms = {m.point_id: (m.room_kind, m.room_name)
             for m in sorted(evidence.monitor_days, key=lambda m: (m.day, m.point_id))}
    out = []
    for point_id in sorted(used):
        kind, name = rooms.get(point_id, ("", ""))
        its = used[point_id]
        out.append({"point_id": point_id, "room_kind": kind, "room_name": name,
                    "first": its[0].day.isoformat(), "last": its[-1].day.isoformat(),
                    "days": [d.day.isoformat() for d in its],
                    "failing_days": sum(1 for d in its if d.status == "monitor_fail"),
                    "digest": ""})
    return tuple(out)


def _tests(evidence: CaseEvidence, known: CaseEvidence, training_office: bool,
           profile: Profile, until: date) -> tuple[dict, ...]:
    """Every test of the case, used or not and why not (`after_until`: dated after the ruling
    date, `after_heating_end`: after the announced end of heating but not the ruling date; a
    correction dated after it leaves what it corrects in use)."""
    corrected = corrections(known.tests)
    out = []
    for t in sorted(evidence.tests, key=lambda t: (t.test_at, t.ref)):
        if t in known.tests:
            reason = why_not(t, corrected, training_office)
        else:
            reason = ("after_until" if local_day(t.test_at, profile) > until
                      else "after_heating_end")
        out.append({"ref": t.ref, "record_id": t.record_id, "sha256": t.sha256,
                    "device_id": t.device_id, "seq": t.seq, "test_at": t.test_at.isoformat(),
                    "verdict": t.verdict, "refused": t.refused, "used": not reason,
                    "superseded_by": corrected.get(t.ref), "why_not": reason})
    return tuple(out)


def _tickets(evidence: CaseEvidence) -> tuple[dict, ...]:
    return tuple({"key": k.key, "complaint_at": k.complaint_at.isoformat()}
                 for k in sorted(evidence.tickets, key=lambda k: (k.complaint_at, k.key)))


def _stops(evidence: CaseEvidence, profile: Profile) -> tuple[dict, ...]:
    return tuple({"stop_id": s.stop_id, "start_at": s.start_at.isoformat(),
                  "end_at": s.end_at.isoformat(), "cause": s.cause,
                  "days": len(stop_days(s, profile)), "company": s.company,
                  "communities": list(s.communities),
                  "buildings": [list(b) for b in s.buildings], "evidence": s.evidence}
                 for s in sorted(evidence.stops, key=lambda s: (s.start_at, s.stop_id)))


def case_estimate(evidence: CaseEvidence, profile: Profile, today: date) -> tuple[int, Decimal]:
    """Failing days so far and the estimated refund, at the profile's daily fee to 4 places, up
    to `today` (held inside the season). Never refuses: a case the rule would refuse estimates
    at (0, 0.00), and its ruling says why."""
    fee = round_to(profile.daily_fee_per_m2, 4, "half_up")
    start = evidence.opened_at.astimezone(profile.zone).date()
    try:
        season_end = date.fromisoformat(season_bounds(evidence.season)[1])
        until = min(today, season_end - timedelta(days=1),
                    start + timedelta(days=profile.season_days - 1))
        ruling = compute_case_ruling(evidence, profile, CaseRulingInput(fee, until))
    except (InspectionError, ValueError):   # ValueError: a malformed season name
        return 0, round_to(ZERO, CENT)
    return ruling.failing_days, ruling.amount_total
