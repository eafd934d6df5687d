"""What a case rests on: the evidence of one household over a period, as plain values.

The office reads these from its stored bytes and rows (`office.case_evidence`); the core's rule
(`core.case_rule`) turns them into failing days and an amount. Nothing here does I/O, so the
rule can be tested with numbers written out by hand, and a new kind of evidence (the fixed
monitoring points' daily means, `MonitorDay`) is one more field, not a rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class CaseRoom:
    """One room of a test as sealed: its shown mean and verdict."""

    room_id: str
    name: str
    kind: str              # bedroom | living_room | other
    area_m2: Decimal
    mean_c: Decimal | None
    verdict: str           # pass | fail | incomplete


@dataclass(frozen=True)
class CaseTest:
    """One sealed record of the household (a test, a re-test or a correction)."""

    ref: str               # the office's record ref: device_id.record_id
    record_id: str
    device_id: str
    seq: int               # its position in the laptop's chain
    sha256: str
    test_at: datetime      # aware
    verdict: str           # pass | fail | incomplete
    rooms: tuple[CaseRoom, ...]
    heated_area_m2: Decimal
    refused: bool = False              # the resident refused to sign (a witness signed)
    supersedes: str | None = None      # the ref of the record this one corrects
    verification: str = "verified"     # the office's recheck; anything else is not evidence
    training: bool = False
    synthetic: bool = False
    profile_name: str = ""
    profile_version: str = ""


@dataclass(frozen=True)
class CaseTicket:
    """A complaint of the household: a hotline ticket."""

    key: str               # 'channel/ticket'
    complaint_at: datetime  # aware, as the hotline gave it
    state: str
    revision: int = 1


@dataclass(frozen=True)
class CompanyStop:
    """A company-caused heating stop that reaches the household."""

    stop_id: str
    company: str
    start_at: datetime     # aware
    end_at: datetime       # aware, after start_at
    cause: str
    evidence: str = ""     # what the office entered it on (a repair order, a notice)
    communities: tuple[str, ...] = ()              # its scope: none of either → the district
    buildings: tuple[tuple[str, str], ...] = ()    # (community, building)


@dataclass(frozen=True)
class CompanyFailure:
    """A day the company failed to test or to sign, entered at the office."""

    day: date
    kind: str              # failed_to_test | failed_to_sign
    note: str = ""


@dataclass(frozen=True)
class MonitorDay:
    """One fixed monitoring point's day in the household, as its daily aggregate stored it
    (`core.monitoring_day.DayAggregate`): the rule reads `status` (compliant | non_compliant |
    insufficient) and the mean; a ruling cites the point, its room and the days it used."""

    day: date
    point_id: str
    room_kind: str
    mean_c: Decimal | None        # None when the day had no valid reading
    samples: int                  # the valid readings of the day
    status: str
    coverage: Decimal = Decimal(1)
    minutes_below: int = 0
    digest: str = ""              # of the day's valid readings, as aggregated
    room_name: str = ""


@dataclass(frozen=True)
class CaseEvidence:
    """Everything one case rests on. Order of the tuples does not matter to the rule."""

    case_id: str
    household: str
    season: str
    opened_at: datetime                # aware: the complaint, else the first failing test
    tests: tuple[CaseTest, ...] = ()
    tickets: tuple[CaseTicket, ...] = ()
    stops: tuple[CompanyStop, ...] = ()
    failures: tuple[CompanyFailure, ...] = ()
    monitor_days: tuple[MonitorDay, ...] = field(default=())
    # the last day of heating the company announced for the household's district (the office's
    # heating periods); no failing day is counted after it. None: no period entered
    heating_end: date | None = None
