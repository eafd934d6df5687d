"""The measuring procedure for one visit: preconditions, rooms, points, readings, in order.

`VisitSession` decides; the UI and the CLI only show and forward. Every accepted reading goes to
the `Recorder` (the store) the moment it arrives, so a crash loses at most the reading in flight.
Time comes from an injectable monotonic clock; event times are offsets from the visit's start,
so changing the laptop's wall clock mid-visit cannot rewrite them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from datetime import time as dtime
from typing import Protocol

from inspector_app.core import validation as v
from inspector_app.core.decimal_math import dec
from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.core.model import Point, Room, Sample, Visit
from inspector_app.core.profile import Profile, points_for_area
from inspector_app.core.stability import DONE, StabilityRule, StabilityStatus, StabilityTracker
from inspector_app.core.verdict import VisitResult, visit_result

# Flags from the driver layer that make a reading unfit for a formal test.
REFUSED_FLAGS = frozenset({"hold", "overload", "no_probe", "rel", "min", "max", "stored",
                           "unknown_unit"})
FLAG_ZH = {"hold": "保持(HOLD)", "overload": "超量程", "no_probe": "未接探头", "rel": "相对值(REL)",
           "min": "最小值(MIN)", "max": "最大值(MAX)", "stored": "存储值", "unknown_unit": "未知单位"}


class Recorder(Protocol):
    """Where the session writes as it goes (the store implements this)."""

    def save_room(self, visit: Visit, room: Room) -> None: ...
    def update_room(self, room: Room) -> None: ...
    def delete_room(self, visit: Visit, room: Room) -> None: ...
    def save_point(self, room: Room, point: Point) -> None: ...
    def add_sample(self, point: Point, sample: Sample) -> int: ...
    def mark_captured(self, point: Point, sample_ids: list[int], stable_at_s: float) -> None: ...


@dataclass
class Feedback:
    """What one incoming reading did: shown live by the UI."""

    accepted: bool
    status: StabilityStatus | None
    message_zh: str = ""
    message_en: str = ""
    point_done: bool = False


@dataclass
class ResponseCheck:
    limit_min: int
    contact_min: float | None
    met: bool | None


def response_check(profile: Profile, visit: Visit) -> ResponseCheck:
    """Was the resident contacted within the profile's limit after complaining?"""
    if visit.complaint_at is None or visit.contact_at is None:
        return ResponseCheck(profile.contact_within_min, None, None)
    minutes = (visit.contact_at - visit.complaint_at).total_seconds() / 60
    return ResponseCheck(profile.contact_within_min, minutes, minutes <= profile.contact_within_min)


def within_test_hours(profile: Profile, when: datetime) -> bool:
    if not profile.test_hours:
        return True
    now = when.time()
    return any(dtime.fromisoformat(a) <= now <= dtime.fromisoformat(b) for a, b in profile.test_hours)


def closed_long_enough(profile: Profile, visit: Visit, now: datetime) -> bool:
    if visit.closed_since is None:
        return False
    return now - visit.closed_since >= timedelta(minutes=profile.min_closed_minutes)


class VisitSession:
    """Drives one visit through the profile's procedure."""

    def __init__(self, visit: Visit, profile: Profile, recorder: Recorder, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], datetime] = lambda: datetime.now().astimezone(),
                 elapsed_before: float = 0.0) -> None:
        if visit.profile_name != profile.name:
            raise ProcedureError("记录与地区规则不一致", "visit and profile do not match")
        self.visit, self.profile, self.recorder = visit, profile, recorder
        self.clock, self.wall = clock, wall
        self._base = clock() - elapsed_before
        self.rule = StabilityRule.from_profile(profile)
        self.room: Room | None = None
        self.point: Point | None = None
        self.tracker: StabilityTracker | None = None

    # -- setup -----------------------------------------------------------------------------
    def elapsed(self) -> float:
        return self.clock() - self._base

    def check_ready_to_measure(self) -> None:
        """Refuse to start a formal test whose preconditions or instrument are not in order."""
        if self.visit.training:
            return
        now = self.wall()
        self.visit.validate_details()
        self.visit.instrument.check_for_formal_test(now.date())
        missing = [c for c in self.profile.preconditions if not self.visit.preconditions.get(c.key)]
        if missing and not self.visit.exemptions:
            names = "、".join(c.zh for c in missing)
            raise ProcedureError(f"检测前提未满足：{names}",
                                 "preconditions not met: " + ", ".join(c.en for c in missing))
        if not closed_long_enough(self.profile, self.visit, now):
            raise ProcedureError(
                f"门窗关闭不足 {self.profile.min_closed_minutes} 分钟",
                f"doors and windows have been closed for less than "
                f"{self.profile.min_closed_minutes} min")
        if not within_test_hours(self.profile, now):
            hours = ", ".join(f"{a}–{b}" for a, b in self.profile.test_hours)
            raise ProcedureError(f"当前不在允许的检测时段（{hours}）",
                                 f"outside the permitted test hours ({hours})")

    def add_room(self, kind: str, name: str, area_m2: float) -> Room:
        room = Room(kind=kind, name=name, area_m2=area_m2)
        room.validate()
        room.points = [Point(index=i + 1) for i in range(points_for_area(self.profile, room.area_m2))]
        self.visit.rooms.append(room)
        self.recorder.save_room(self.visit, room)
        for point in room.points:
            self.recorder.save_point(room, point)
        return room

    def update_room(self, room: Room, kind: str, name: str, area_m2: float) -> Room:
        """Correct a room before it is measured; its point plan follows the new area."""
        if room not in self.visit.rooms:
            raise ProcedureError("房间不属于本次检测", "the room is not part of this visit")
        if room.has_readings():
            raise ProcedureError(
                f"“{room.name}”已有读数，不能修改；可删除该房间（读数保留在记录中）后重新添加",
                f"“{room.name}” already has readings and cannot be changed; delete it (its "
                "readings stay on the record) and add it again", field="room")
        edited = Room(kind=kind, name=name, area_m2=area_m2, id=room.id)
        edited.validate()
        room.kind, room.name, room.area_m2 = edited.kind, edited.name.strip(), edited.area_m2
        count = points_for_area(self.profile, room.area_m2)
        if count != len(room.points):
            room.points = [Point(index=i + 1) for i in range(count)]
        self.recorder.update_room(room)
        return room

    def delete_room(self, room: Room, now: str) -> None:
        """Take a room out of the visit. One with readings is kept, marked deleted at `now`:
        out of the verdict, but on the sealed record with every reading (never silently
        dropped). The caller asks the inspector first."""
        if room not in self.visit.rooms:
            raise ProcedureError("房间不属于本次检测", "the room is not part of this visit")
        if self.room is room:
            self.room = self.point = self.tracker = None
        self.visit.rooms.remove(room)
        if room.has_readings():
            room.removed_at = now
            self.visit.removed_rooms.append(room)
        self.recorder.delete_room(self.visit, room)

    # -- measuring ------------------------------------------------------------------------
    def next_open_point(self) -> tuple[Room, Point] | None:
        for room in self.visit.rooms:
            for point in room.points:
                if len(point.captured) < self.profile.readings_per_point:
                    return room, point
        return None

    def begin_point(self, room: Room, point: Point) -> None:
        """Start (or restart) the stability wait at a point; earlier evidence stays stored."""
        if point not in room.points or room not in self.visit.rooms:
            raise ProcedureError("测点不属于本次检测", "the point is not part of this visit")
        self.room, self.point = room, point
        self.tracker = StabilityTracker(self.rule)

    def feed(self, value_c: float | None, *, flags: frozenset[str] | tuple[str, ...] = (),
             t: float | None = None) -> Feedback:
        """One live reading from the instrument (already in °C, before correction)."""
        if self.point is None or self.tracker is None:
            raise ProcedureError("请先选择测点", "choose a point first")
        refused = REFUSED_FLAGS.intersection(flags)
        if value_c is None or refused:
            names = "、".join(FLAG_ZH.get(f, f) for f in sorted(refused)) or "无读数"
            return Feedback(False, self.tracker.status, f"读数不可用：{names}",
                            f"reading refused: {', '.join(sorted(refused)) or 'no value'}")
        try:
            v.check_reading(value_c)
        except ValidationError as exc:
            return Feedback(False, self.tracker.status, exc.message_zh, exc.message_en)
        t = self.elapsed() if t is None else t
        corrected = float(dec(value_c) + dec(self.visit.instrument.correction_c))
        sample = Sample(value_c=corrected, raw_c=float(value_c), t_offset_s=round(t, 3),
                        t_wall=self.wall().isoformat(timespec="seconds"), flags=tuple(sorted(flags)))
        sample.id = self.recorder.add_sample(self.point, sample)
        self.point.samples.append(sample)
        before = len(self.tracker.status.captured)
        status = self.tracker.feed(t, corrected)
        done = False
        if status.state == DONE or len(status.captured) != before or status.restarted:
            done = self._sync_captures(status)
        return Feedback(True, status, point_done=done)

    def enter_manually(self, values: list[float], reason: str) -> None:
        """Fallback when no instrument reading can be had: flagged, with a reason, never silent."""
        if self.point is None:
            raise ProcedureError("请先选择测点", "choose a point first")
        v.require_text(reason, "reason", "手工录入的原因")
        if len(values) != self.profile.readings_per_point:
            raise ValidationError(f"需要 {self.profile.readings_per_point} 个读数",
                                  f"{self.profile.readings_per_point} readings are needed",
                                  field="values")
        checked = [v.check_reading(x) for x in values]
        ids = []
        for i, value in enumerate(checked, start=1):
            t = self.elapsed()
            corrected = float(dec(value) + dec(self.visit.instrument.correction_c))
            sample = Sample(value_c=corrected, raw_c=value, t_offset_s=round(t, 3),
                            t_wall=self.wall().isoformat(timespec="seconds"), captured=0,
                            manual=True, reason=reason.strip())
            sample.id = self.recorder.add_sample(self.point, sample)
            self.point.samples.append(sample)
            ids.append((sample, i))
        self._mark(ids, stable_at=self.elapsed())

    def _sync_captures(self, status: StabilityStatus) -> bool:
        """Mark which stored samples are the official readings of this point."""
        assert self.point is not None and self.tracker is not None
        if status.state != DONE:
            return False
        wanted = {t for t, _ in status.captured}
        chosen = []
        for sample in self.point.samples:
            if not sample.manual and sample.t_offset_s in {round(t, 3) for t in wanted} \
                    and len(chosen) < self.profile.readings_per_point:
                chosen.append(sample)
        chosen.sort(key=lambda s: s.t_offset_s)
        self._mark([(s, i) for i, s in enumerate(chosen, start=1)],
                   stable_at=self.tracker.stable_at or status.captured[0][0])
        return True

    def _mark(self, pairs: list[tuple[Sample, int]], stable_at: float) -> None:
        assert self.point is not None
        for sample in self.point.samples:
            sample.captured = 0
        for sample, i in pairs:
            sample.captured = i
        self.point.stable_at_s = stable_at
        self.recorder.mark_captured(self.point, [s.id for s, _ in pairs if s.id is not None],
                                    stable_at)

    def result(self) -> VisitResult:
        return visit_result(self.profile, self.visit)
