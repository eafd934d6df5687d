"""The failing-day timeline of a household's case: which days fail, on what basis, for how much.

`core.case_rule` states the definitions (effective tests, the failing runs, the governing test,
stop days, company failures, monitoring, the cap) and turns this plan into a ruling; this module
does the day-by-day work. Pure: no I/O, no clock; the same evidence in any order gives the same
plan, because every input is sorted by its own keys before use.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from inspector_app.core.case_model import CaseEvidence, CaseRoom, CaseTest, CompanyStop, MonitorDay
from inspector_app.core.decimal_math import round_to
from inspector_app.core.monitoring_day import COMPLIANT, NON_COMPLIANT
from inspector_app.core.profile import Profile
from inspector_app.core.verdict import FAIL, PASS, band_for

ZERO = Decimal(0)
CENT = 2
FAIL_STATUSES = ("fail", "company_failure", "monitor_fail")


@dataclass(frozen=True)
class CaseDay:
    """One day of the timeline. `status`: fail | pass | refused | stop | company_failure |
    monitor_fail | monitor_pass; `basis`: the governing test's ref, a stop_id, 'failure' or a
    monitoring point_id; `share`: the largest room share that day (0 when passing); `note`:
    'monitoring_insufficient:P1,P2' on a day in a run ruled by its test because every point of
    the household lacked data that day (monitoring asked for), else ""."""

    day: date
    status: str
    basis: str
    share: Decimal
    amount: Decimal
    note: str = ""

    @property
    def failing(self) -> bool:
        return self.amount > 0 or self.status in FAIL_STATUSES

    def to_dict(self) -> dict[str, str]:
        """JSON-safe, as a case's detail and a ruling list the timeline (`note` only when
        set, so rulings without monitoring read as before)."""
        out = {"day": self.day.isoformat(), "status": self.status, "basis": self.basis,
               "share": str(self.share), "amount": str(self.amount)}
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> CaseDay:
        return cls(date.fromisoformat(d["day"]), str(d["status"]), str(d["basis"]),
                   Decimal(d["share"]), Decimal(d["amount"]), str(d.get("note", "")))


@dataclass(frozen=True)
class Run:
    """A failing run: its first and last day, and the index (in the governing tests) of the test
    that judges its days before any later test (the one that started it, or judged its complaint).
    `judge` is None for a run of company failures on a case without tests."""

    first: date
    last: date
    judge: int | None


@dataclass(frozen=True)
class DayPlan:
    start: date                  # the case's start: the timeline's first day
    runs: tuple[Run, ...]        # the failing runs, in order, inside [start, until] and the season
    days: tuple[CaseDay, ...]
    stop_days: int
    failing_area: Decimal        # what the season cap is reckoned on
    notes: tuple[str, ...]


def local_day(moment: datetime, profile: Profile) -> date:
    return moment.astimezone(profile.zone).date()


def _test_order(t: CaseTest) -> tuple:
    return (t.test_at, t.ref)


def corrections(tests: Iterable[CaseTest]) -> dict[str, str]:
    """ref → the ref of the correction that replaces it (the latest one, if corrected twice)."""
    out: dict[str, str] = {}
    for t in sorted(tests, key=_test_order):
        if t.supersedes and t.supersedes != t.ref:
            out[t.supersedes] = t.ref
    return out


def why_not(test: CaseTest, corrected: dict[str, str], training_office: bool) -> str:
    """Why a test is not evidence ("" when it is)."""
    if test.ref in corrected:
        return "superseded"
    if test.verification != "verified":
        return "not_verified"
    if test.synthetic:
        return "synthetic"
    if test.training and not training_office:
        return "training"
    if test.verdict not in (PASS, FAIL):
        return "incomplete"
    return ""


def room_key(room: CaseRoom) -> tuple[str, str]:
    """A room across re-tests: room ids are new at each visit, so its kind and name."""
    return (room.kind, room.name.strip())


def stop_days(stop: CompanyStop, profile: Profile) -> tuple[date, ...]:
    """ceil(hours / 24) days from the stop's local start date, if it lasted ≥ stop_min_hours."""
    hours = Decimal(max((stop.end_at - stop.start_at).total_seconds(), 0)) / 3600
    if hours < profile.case_rule.stop_min_hours:
        return ()
    first = local_day(stop.start_at, profile)
    return tuple(first + timedelta(days=i) for i in range(math.ceil(hours / 24)))


class _Rule:
    """The day rule over one case: its inputs sorted, its per-room shares worked out once."""

    def __init__(self, evidence: CaseEvidence, profile: Profile, fee: Decimal,
                 effective: tuple[CaseTest, ...], use_monitoring: bool) -> None:
        self.profile, self.fee, self.rule = profile, fee, profile.case_rule
        self.day = lambda t: local_day(t, profile)
        self.start = self.day(evidence.opened_at)
        self.effective = effective
        # refused tests neither govern nor end the run; their own day counts as the profile says
        self.governing = tuple(t for t in effective if not t.refused)
        self.gov_dates = [self.day(t.test_at) for t in self.governing]      # sorted with them
        self.eff_dates = [self.day(t.test_at) for t in effective]
        self.gov_days = {self.day(t.test_at) for t in self.governing}
        self.refused = {}
        for t in effective:
            if t.refused:
                self.refused.setdefault(self.day(t.test_at), t.ref)
        self.test_days = {self.day(t.test_at) for t in effective}
        latest = effective[-1] if effective else None
        self.heated = latest.heated_area_m2 if latest else ZERO
        tested = sum((r.area_m2 for r in latest.rooms if r.kind in profile.rooms_tested), ZERO) \
            if latest else ZERO
        self.tested_area = tested or self.heated
        self.month_means = self._month_means()
        self.month_first: dict[tuple[int, int], date] = {}     # a month's first test day
        for d in self.gov_dates:
            self.month_first.setdefault((d.year, d.month), d)
        self._priced: dict[tuple[str, int, int, bool], tuple[list, Decimal]] = {}
        self.monitor: dict[date, MonitorDay] = {}       # the worst usable point of each day
        lacking: dict[date, set[str]] = {}              # points without enough data that day
        if use_monitoring:
            for m in sorted(evidence.monitor_days, key=_worst_first):
                if m.status in (COMPLIANT, NON_COMPLIANT) and m.mean_c is not None:
                    self.monitor.setdefault(m.day, m)
                else:
                    lacking.setdefault(m.day, set()).add(m.point_id)
        self.lacking = {d: ",".join(sorted(ids)) for d, ids in lacking.items()
                        if d not in self.monitor}

    def _month_means(self) -> dict[tuple[int, int, tuple[str, str]], Decimal]:
        """Per month and room, the mean over the month's test days of each day's mean: a day
        tested several times counts once, so repeated re-tests cannot outweigh the others.
        (The governing tests are those on or before `until`: the caller drops later ones.)"""
        by_day: dict[tuple[int, int, tuple[str, str]], dict[date, list[Decimal]]] = {}
        for t in self.governing:
            d = self.day(t.test_at)
            for r in t.rooms:
                if r.mean_c is not None:
                    by_day.setdefault((d.year, d.month, room_key(r)), {}).setdefault(
                        d, []).append(r.mean_c)
        out = {}
        for key, days in by_day.items():
            exact = sum((Fraction(sum(v, ZERO)) / len(v) for v in days.values()),
                        Fraction(0)) / len(days)
            out[key] = round_to(Decimal(exact.numerator) / Decimal(exact.denominator),
                                self.profile.display_decimals, self.profile.rounding)
        return out

    def governing_test(self, d: date, judge: int) -> CaseTest:
        """The latest governing test on or before d in a run, else (before any test of the run)
        the run's judge: a complaint is judged by the test it brought."""
        return self.governing[max(bisect_right(self.gov_dates, d) - 1, judge)]

    def latest_ref(self, d: date) -> str:
        """The ref of the latest effective test on or before d, else the first governing test's
        (the one that judged the complaint), "" without tests."""
        i = bisect_right(self.eff_dates, d)
        if i:
            return self.effective[i - 1].ref
        return self.governing[0].ref if self.governing else ""

    def runs(self, evidence: CaseEvidence, until: date) -> list[Run]:
        """The failing runs, walking the case's governing tests and complaints in time order.

        The case's start and a complaint made outside a run wait for the next test: failing, it
        starts a run on the complaint's day; passing, no run. A failing test outside a run (and
        with no complaint waiting) starts one on its own day. A passing test ends the run the day
        before; an open run reaches `until`. Tests dated before the start and complaints made
        inside a run change nothing."""
        events = sorted(
            [(t.test_at, 1, i) for i, t in enumerate(self.governing)
             if self.gov_dates[i] >= self.start]
            + [(k.complaint_at, 0, -1) for k in evidence.tickets
               if k.complaint_at > evidence.opened_at])
        runs: list[Run] = []
        waiting: date | None = self.start       # the day of a complaint awaiting its test
        open_run: Run | None = None
        for when, kind, i in events:
            if kind == 0:
                if open_run is None and waiting is None:
                    waiting = self.day(when)
                continue
            d, fails = self.gov_dates[i], self.governing[i].verdict == FAIL
            if open_run is not None and not fails:
                runs.append(Run(open_run.first, d - timedelta(days=1), open_run.judge))
                open_run = None
            elif open_run is None and fails:
                open_run = Run(d if waiting is None else waiting, until, i)
            waiting = None                      # judged: a run is open, or the test passed
        if open_run is not None:
            runs.append(open_run)
        return [r for r in runs if r.first <= r.last]

    def by_month(self, d: date) -> bool:
        """Whether d's band is its month's mean: under month_mean, once the month has a test on
        or before d. Before that the governing test's own means decide (the complaint is judged
        by the test it brought), not the mean of tests yet to come."""
        first = self.month_first.get((d.year, d.month))
        return self.rule.band_basis == "month_mean" and first is not None and first <= d

    def room_shares(self, test: CaseTest, d: date) -> list[tuple[CaseRoom, Decimal]]:
        out = []
        for r in test.rooms:
            if self.rule.band_basis == "month_mean":
                mean = (self.month_means.get((d.year, d.month, room_key(r)))
                        if self.by_month(d) else None)
                if mean is None and r.mean_c is not None:
                    mean = round_to(r.mean_c, self.profile.display_decimals, self.profile.rounding)
            else:
                mean = r.mean_c if r.verdict == FAIL else None
            band = band_for(self.profile, mean) if mean is not None else None
            out.append((r, band.share if band is not None else ZERO))
        return out

    def priced(self, test: CaseTest, d: date) -> tuple[list[tuple[CaseRoom, Decimal]], Decimal]:
        """The room shares and the day amount under `test` on d (the same on every day of d's
        month on the same side of the month's first test)."""
        key = (test.ref, d.year, d.month, self.by_month(d))
        if key not in self._priced:
            shares = self.room_shares(test, d)
            self._priced[key] = (shares, self.amount(shares))
        return self._priced[key]

    def amount(self, shares: list[tuple[CaseRoom, Decimal]]) -> Decimal:
        """Σ rooms fee × area × share, each rounded half-up to the fen."""
        return sum((round_to(self.fee * r.area_m2 * s, CENT, "half_up") for r, s in shares),
                   round_to(ZERO, CENT))


def plan_days(evidence: CaseEvidence, profile: Profile, fee: Decimal, until: date,
              effective: tuple[CaseTest, ...], use_monitoring: bool) -> DayPlan:
    """Every day from the case's start to its last counted day (≤ until, ≤ season_days): the
    failing runs, the passing days between them, stop, failure and test days after them."""
    rule = _Rule(evidence, profile, fee, effective, use_monitoring)
    start, notes = rule.start, []
    failures = sorted(evidence.failures, key=lambda f: (f.day, f.kind, f.note))
    if failures and profile.company_failure_counts_as == PASS:
        # the profile counts the company's failures to test or sign as passing: they raise
        # nothing, and the ruling says why they were left out
        notes.append("company_failures_count_as_pass")
        failures = []
    failure_days = {f.day for f in failures}
    if rule.governing:
        runs = rule.runs(evidence, until)
    else:   # no test: the company's failure days are the runs (failed_to_test: every day on)
        untested = [f.day for f in failures if f.kind == "failed_to_test"]
        failure_days |= set(_span(max(min(untested), start), until)) if untested else set()
        runs = _spans(sorted(d for d in failure_days if start <= d <= until))

    multiplier = rule.rule.company_stop_48h_multiplier
    stops: dict[date, str] = {}
    for stop in sorted(evidence.stops, key=lambda s: (s.start_at, s.stop_id)):
        days = stop_days(stop, profile)
        if not days:
            notes.append(f"stop_too_short:{stop.stop_id}")
        for d in days:
            stops.setdefault(d, stop.stop_id)
    if evidence.stops and multiplier is None:
        notes.append("stops_do_not_raise_refund")
        stops = {}

    events = [d for d in (*stops, *failure_days, *rule.refused, *rule.gov_days)
              if start <= d <= until]
    runs = [Run(r.first, min(r.last, until), r.judge) for r in runs if r.first <= until]
    last = max([start - timedelta(days=1), *events, *(r.last for r in runs)])
    season_last = start + timedelta(days=profile.season_days - 1)
    if last > season_last:
        notes.append("capped_at_season")
        last = season_last
    runs = [Run(r.first, min(r.last, season_last), r.judge) for r in runs
            if r.first <= season_last]
    judges = {d: r.judge for r in runs if r.judge is not None for d in _span(r.first, r.last)}
    stop_amount = (round_to(multiplier * fee * rule.heated, CENT, "half_up")
                   if multiplier is not None else ZERO)
    failure_amount = round_to(rule.rule.company_failure_share * fee * rule.tested_area, CENT,
                              "half_up")

    out, areas, whole_home, counted_stops = [], {}, False, 0
    for d in _span(start, last):
        day = _band_day(rule, d, judges.get(d), use_monitoring, areas)
        if d in failure_days and failure_amount >= day.amount and (
                failure_amount > 0 or day.status == "pass"):
            day = CaseDay(d, "company_failure", "failure", rule.rule.company_failure_share,
                          failure_amount)
            whole_home = True
        if d in stops:
            counted_stops += 1
            whole_home = True
            if stop_amount > 0 and stop_amount >= day.amount:
                day = CaseDay(d, "stop", stops[d], multiplier, stop_amount)
        out.append(day)
    failing_area = sum(areas.values(), ZERO)
    if whole_home:
        failing_area = max(failing_area, rule.heated, rule.tested_area)
    if not effective and not failures:
        notes.append("no_effective_test")
    if failure_amount == 0 and any(d in failure_days for d in _span(start, last)):
        notes.append("no_area_for_company_failure")
    return DayPlan(start, tuple(runs), tuple(out), counted_stops, failing_area, tuple(notes))


def _span(first: date, last: date) -> Iterable[date]:
    for i in range((last - first).days + 1):
        yield first + timedelta(days=i)


def _spans(days: list[date]) -> list[Run]:
    """Sorted distinct days as runs of consecutive days."""
    out: list[Run] = []
    for d in days:
        if out and out[-1].last == d - timedelta(days=1):
            out[-1] = Run(out[-1].first, d, None)
        else:
            out.append(Run(d, d, None))
    return out


def _band_day(rule: _Rule, d: date, judge: int | None, use_monitoring: bool,
              areas: dict[tuple[str, str], Decimal]) -> CaseDay:
    """The day by its tests (or monitoring), before stops and company failures. Outside a run
    (`judge` None) a day passes."""
    if d in rule.refused and d not in rule.gov_days and rule.profile.refusal_day_counts_as == PASS:
        return CaseDay(d, "refused", rule.refused[d], ZERO, round_to(ZERO, CENT))
    if judge is None:
        return CaseDay(d, "pass", rule.latest_ref(d), ZERO, round_to(ZERO, CENT))
    test = rule.governing_test(d, judge)
    by_points = use_monitoring and d not in rule.test_days
    point = rule.monitor.get(d) if by_points else None
    if point is not None:
        return _monitor_day(rule, d, test, point, areas)
    note = f"monitoring_insufficient:{rule.lacking[d]}" if by_points and d in rule.lacking \
        else ""
    if test.verdict == PASS and rule.rule.band_basis == "each_test":
        return CaseDay(d, "pass", test.ref, ZERO, round_to(ZERO, CENT), note)
    shares, amount = rule.priced(test, d)
    for r, s in shares:
        if s > 0:
            areas[room_key(r)] = max(areas.get(room_key(r), ZERO), r.area_m2)
    top = max((s for _, s in shares), default=ZERO)
    status = "fail" if test.verdict == FAIL or top > 0 else "pass"
    return CaseDay(d, status, test.ref, top, amount, note)


def _worst_first(m: MonitorDay) -> tuple:
    """Several points on one day: a non-compliant one before a compliant one, then the lowest
    mean (every field after, so equal points sort the same whatever their order)."""
    return (m.status != NON_COMPLIANT, m.mean_c is None, m.mean_c or ZERO, m.point_id,
            m.day, m.room_kind, m.room_name, m.samples, m.status, m.coverage,
            m.minutes_below, m.digest)


def first_band_share(profile: Profile) -> Decimal:
    """The share of the band just below the standard (one display step under it): a day whose
    mean met the standard but that spent too long below it fails at the mildest band."""
    step = Decimal(1).scaleb(-profile.display_decimals)
    band = band_for(profile, profile.min_temp_c - step)
    return band.share if band is not None else ZERO


def _monitor_day(rule: _Rule, d: date, test: CaseTest, point: MonitorDay,
                 areas: dict[tuple[str, str], Decimal]) -> CaseDay:
    """A day in a run without a test, ruled by its worst point: compliant passes (the run goes
    on); non-compliant fails at the band of its daily mean, or at the first band when the mean
    met the standard and the time below it went over the profile's limit."""
    profile = rule.profile
    if point.status == COMPLIANT:
        return CaseDay(d, "monitor_pass", point.point_id, ZERO, round_to(ZERO, CENT))
    assert point.mean_c is not None        # a usable day has a mean (see _Rule)
    mean = round_to(point.mean_c, profile.display_decimals, profile.rounding)
    if mean < profile.min_temp_c:
        band = band_for(profile, mean)
        share = band.share if band is not None else ZERO
    else:
        share = first_band_share(profile)
    rooms = ([r for r in test.rooms if r.kind == point.room_kind]
             or [r for r in test.rooms if r.kind in profile.rooms_tested] or list(test.rooms))
    if share > 0:
        for r in rooms:
            areas[room_key(r)] = max(areas.get(room_key(r), ZERO), r.area_m2)
    return CaseDay(d, "monitor_fail", point.point_id, share,
                   rule.amount([(r, share) for r in rooms]))
