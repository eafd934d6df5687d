"""From captured readings to a ruling: point means, room means, pass/fail room by room, refund.

Means are exact (Decimal) and judged on the value shown to the resident, rounded by the profile's
rule, so the slip can never show 18.0 °C beside the word "fail".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from inspector_app.core.decimal_math import dec, mean, round_to
from inspector_app.core.model import Room, Visit
from inspector_app.core.profile import Profile, RefundBand, points_for_area

PASS, FAIL, INCOMPLETE = "pass", "fail", "incomplete"


@dataclass
class PointResult:
    index: int
    readings: list[Decimal]
    mean: Decimal | None
    manual: bool


@dataclass
class RoomResult:
    room_id: str
    kind: str
    name: str
    area_m2: float
    points_required: int
    points: list[PointResult]
    mean: Decimal | None            # shown value, rounded by the profile
    verdict: str
    band_share: Decimal = Decimal(0)
    refund_per_day: Decimal = Decimal(0)


@dataclass
class VisitResult:
    rooms: list[RoomResult]
    verdict: str                    # pass when every tested room passes
    lowest: RoomResult | None
    failing_area_m2: Decimal
    daily_fee_per_m2: Decimal
    refund_per_day: Decimal
    notes: list[str] = field(default_factory=list)

    def refund_for_days(self, days: int) -> Decimal:
        return round_to(self.refund_per_day * Decimal(days), 2, "half_up")

    def to_dict(self) -> dict:
        def num(x: Decimal | None) -> str | None:
            return None if x is None else str(x)
        return {
            "verdict": self.verdict,
            "lowest_room_id": self.lowest.room_id if self.lowest else None,
            "failing_area_m2": num(self.failing_area_m2),
            "daily_fee_per_m2": num(round_to(self.daily_fee_per_m2, 4, "half_up")),
            "refund_per_day": num(self.refund_per_day),
            "notes": list(self.notes),
            "rooms": [
                {
                    "room_id": r.room_id, "kind": r.kind, "name": r.name, "area_m2": r.area_m2,
                    "points_required": r.points_required, "mean": num(r.mean),
                    "verdict": r.verdict, "band_share": num(r.band_share),
                    "refund_per_day": num(r.refund_per_day),
                    "points": [
                        {"index": p.index, "readings": [str(x) for x in p.readings],
                         "mean": num(p.mean), "manual": p.manual}
                        for p in r.points
                    ],
                }
                for r in self.rooms
            ],
        }


def band_for(profile: Profile, shown: Decimal) -> RefundBand | None:
    """The refund band a room's shown mean falls in, or None (no refund share)."""
    if shown >= profile.min_temp_c:
        return None
    if profile.refund_basis == "below_standard":
        deficit = profile.min_temp_c - shown
        for band in profile.refund_bands:
            if band.below_max_c is None or deficit <= band.below_max_c:
                return band
        return None
    for band in profile.refund_bands:
        above_floor = band.from_c is None or shown >= band.from_c
        below_ceiling = band.to_c is None or shown < band.to_c
        if above_floor and below_ceiling:
            return band
    return None


def point_result(profile: Profile, index: int, readings: list[Decimal], manual: bool) -> PointResult:
    need = profile.readings_per_point
    value = mean(readings) if len(readings) >= need else None
    return PointResult(index, readings, value, manual)


def room_result(profile: Profile, room: Room) -> RoomResult:
    required = points_for_area(profile, room.area_m2)
    points = [
        point_result(profile, p.index, [dec(s.value_c) for s in p.captured],
                     any(s.manual for s in p.captured))
        for p in sorted(room.points, key=lambda p: p.index)
    ]
    done = [p.mean for p in points if p.mean is not None]
    if len(done) < required:
        return RoomResult(room.id, room.kind, room.name, room.area_m2, required, points, None,
                          INCOMPLETE)
    shown = round_to(mean(done[:required]), profile.display_decimals, profile.rounding)
    verdict = PASS if shown >= profile.min_temp_c else FAIL
    result = RoomResult(room.id, room.kind, room.name, room.area_m2, required, points, shown, verdict)
    band = band_for(profile, shown) if verdict == FAIL else None
    if band is not None:
        result.band_share = band.share
        result.refund_per_day = round_to(
            profile.daily_fee_per_m2 * dec(room.area_m2) * band.share, 2, "half_up")
    return result


def visit_result(profile: Profile, visit: Visit) -> VisitResult:
    """Judge every room; the home passes only when each tested room is complete and passes."""
    rooms = [room_result(profile, r) for r in visit.rooms]
    notes: list[str] = []
    tested_kinds = {r.kind for r in visit.rooms}
    for kind in profile.rooms_tested:
        if kind not in tested_kinds:
            notes.append(f"missing_room:{kind}")
    complete = [r for r in rooms if r.mean is not None]
    if not rooms or len(complete) < len(rooms) or notes:
        verdict = INCOMPLETE
    else:
        verdict = PASS if all(r.verdict == PASS for r in rooms) else FAIL
    lowest = min(complete, key=lambda r: r.mean) if complete else None
    failing = [r for r in rooms if r.verdict == FAIL]
    for r in failing:
        if r.band_share == 0:
            notes.append(f"no_band:{r.room_id}")
    return VisitResult(
        rooms=rooms,
        verdict=verdict,
        lowest=lowest,
        failing_area_m2=sum((dec(r.area_m2) for r in failing), Decimal(0)),
        daily_fee_per_m2=profile.daily_fee_per_m2,
        refund_per_day=sum((r.refund_per_day for r in failing), Decimal(0)),
        notes=notes,
    )
