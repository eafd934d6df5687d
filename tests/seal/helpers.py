"""Build complete, measured visits in a real store without an instrument, and sign them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlite_utils

from inspector_app.core.model import Visit
from inspector_app.core.procedure import VisitSession
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.training import demo_visit
from inspector_app.seal.signature import Signatures, generated_signature
from inspector_app.store.visits import COMPLETE, VisitStore

CC = load_profile("changchun")
T0 = datetime(2026, 11, 26, 9, 0, tzinfo=timezone(timedelta(hours=8)))


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def measured_visit(db: sqlite_utils.Database, temps: tuple[float, ...] = (17.2, 18.4), *,
                   profile: Profile = CC, training: bool = True) -> Visit:
    """A complete visit: one small room per temperature, each point settled and read 3 times."""
    store = VisitStore(db)
    visit = demo_visit(profile, len(temps), now=T0)
    visit.training = training
    store.create(visit)
    clock = FakeClock()
    session = VisitSession(visit, profile, store, clock=clock, wall=lambda: T0)
    kinds = ["bedroom", "living_room"] + ["bedroom"] * len(temps)
    for i, temp in enumerate(temps):
        room = session.add_room(kinds[i], f"房间{i + 1}", 12.0 + i)
        for point in room.points:
            session.begin_point(room, point)
            for _ in range(40):
                clock.t += 60.0
                if session.feed(temp).point_done:
                    break
            else:
                raise AssertionError("point never settled")
    store.set_state(visit.id, COMPLETE)
    return store.load(visit.id)


def signatures_for(visit: Visit, seed: int | str = 1) -> Signatures:
    return Signatures(
        inspector=generated_signature(visit.inspector or "检测员", "inspector", seed,
                                      signed_at=T0),
        resident=generated_signature(visit.resident_name or "用户", "resident", seed,
                                     signed_at=T0))


def fixed_clock() -> datetime:
    return T0 + timedelta(minutes=30)
