"""Cases written out by hand for the case rule's tests: a Changchun flat, its tests and stops."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from inspector_app.core.case_model import (
    CaseEvidence,
    CaseRoom,
    CaseTest,
    CaseTicket,
    CompanyStop,
)
from inspector_app.core.profile import Profile, load_profile

CST = timezone(timedelta(hours=8))
CC = load_profile("changchun")                       # band_basis = month_mean
CC_EACH = replace(CC, case_rule=replace(CC.case_rule, band_basis="each_test"))
FEE = Decimal("0.1607")                              # 27 / 168 = 0.160714… to 4 places
BEDROOM, LIVING, HEATED = Decimal("12.0"), Decimal("20.0"), Decimal("60")


def at(day: int, hour: int = 10, minute: int = 0, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


def verdict_of(mean: Decimal, profile: Profile = CC) -> str:
    return "fail" if mean < profile.min_temp_c else "pass"


def flat_test(ref: str, when: datetime, bedroom: str, living: str, **kw) -> CaseTest:
    """A test of the flat: bedroom 12.0 m² and living room 20.0 m², heated area 60 m²."""
    rooms = (
        CaseRoom(f"{ref}-b", "主卧", "bedroom", BEDROOM, Decimal(bedroom),
                 verdict_of(Decimal(bedroom))),
        CaseRoom(f"{ref}-l", "客厅", "living_room", LIVING, Decimal(living),
                 verdict_of(Decimal(living))),
    )
    overall = "fail" if any(r.verdict == "fail" for r in rooms) else "pass"
    fields = {"device_id": "lap1", "seq": 1, "sha256": "0" * 64, "heated_area_m2": HEATED,
              "profile_name": CC.name, "profile_version": CC.version, "verdict": overall}
    fields.update(kw)
    return CaseTest(ref=ref, record_id=ref.split(".")[-1], test_at=when, rooms=rooms, **fields)


# The household of the "Done when": complaint 1 Dec 08:00, fails at 15.0 °C on 1 Dec,
# re-tested failing at 16.5 °C on 5 Dec, passing on 9 Dec (the living room passes throughout).
T1 = flat_test("lap1.r1", at(1, 9, 15), "15.0", "18.5", seq=1)
T2 = flat_test("lap1.r2", at(5), "16.5", "18.5", seq=2)
T3 = flat_test("lap1.r3", at(9), "18.3", "18.6", seq=3)
TICKET = CaseTicket("12345/2026120100017", at(1, 8, 0), "closed")
# ... and fails again on 20 Dec at 16.0 °C, after the pass on 9 Dec: a second failing run
T11 = flat_test("lap1.r11", at(20), "16.0", "18.5", seq=11)


def complaint(when: datetime, n: int = 2) -> CaseTicket:
    """Another hotline ticket of the household (the case's first is TICKET)."""
    return CaseTicket(f"12345/20261201000{n:02d}", when, "open")


def worked_case(*tests: CaseTest, **kw) -> CaseEvidence:
    fields = {"case_id": "h0123456789abcdef0123-2026-2027-1",
              "household": "h0123456789abcdef0123", "season": "2026-2027",
              "opened_at": at(1, 8, 0), "tests": tests or (T1, T2, T3), "tickets": (TICKET,)}
    fields.update(kw)
    return CaseEvidence(**fields)


def stop(stop_id: str, start: datetime, hours: float) -> CompanyStop:
    return CompanyStop(stop_id, "长春热力", start, start + timedelta(hours=hours), "管网抢修")


UNTIL = date(2026, 12, 20)
