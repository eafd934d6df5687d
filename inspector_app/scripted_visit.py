"""A whole visit run by script against an emulated thermometer, through the real serial path.

Used by `inspector-app demo --headless`, by the app on a machine with no display, and by the
end-to-end tests. The thermometer is a Center 309 emulator on a pseudo-terminal; the procedure's
clock runs `time_scale` times faster than the wall so a ten-minute stability window takes about a
second, and the emulator's curves run on the same accelerated time. The record is always marked
as training: it can never pass for evidence from a real home.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.curve import Curve
from drivers.emulators import Emulator
from drivers.ports import open_port
from drivers.registry import get as get_driver
from inspector_app.core.errors import ProcedureError
from inspector_app.core.model import Visit
from inspector_app.core.procedure import VisitSession
from inspector_app.core.profile import Profile
from inspector_app.core.training import DEMO_PROTOCOL, demo_visit
from inspector_app.core.verdict import VisitResult
from inspector_app.store.visits import COMPLETE, VisitStore

DEMO_AREAS = (12.0, 20.0, 10.5, 9.0, 14.0)


@dataclass
class ScriptedVisitResult:
    visit: Visit
    result: VisitResult
    readings_seen: int
    port: str
    events: list[str] = field(default_factory=list)


def room_plan(temps: list[float]) -> list[tuple[str, str, float, float]]:
    """(kind, name, area, temperature) for each temperature: bedroom, living room, more bedrooms."""
    plan = []
    for i, temp in enumerate(temps):
        if i == 1:
            plan.append(("living_room", "客厅", DEMO_AREAS[1], temp))
        else:
            n = 1 if i == 0 else i
            plan.append(("bedroom", f"卧室{n}", DEMO_AREAS[min(i, len(DEMO_AREAS) - 1)], temp))
    return plan


def run_scripted_visit(store: VisitStore, profile: Profile, temps: list[float], *,
                       time_scale: float = 900.0, point_timeout_s: float = 30.0,
                       progress: Callable[[str], None] = lambda _msg: None,
                       visit: Visit | None = None) -> ScriptedVisitResult:
    """Measure every room of a demo home on an emulated thermometer and store the visit.

    `visit`: the (training) visit to measure, e.g. one started from a dispatched ticket
    (`commands.demo`); by default a made-up demo home (`core.training.demo_visit`).
    """
    if not temps:
        raise ValueError("at least one room temperature is needed")
    plan = room_plan(temps)
    visit = visit or demo_visit(profile, len(plan))
    store.create(visit)
    start = time.monotonic()

    def clock() -> float:  # the procedure's accelerated monotonic time
        return (time.monotonic() - start) * time_scale

    session = VisitSession(visit, profile, store, clock=clock)
    session.check_ready_to_measure()
    rooms = [session.add_room(kind, name, area) for kind, name, area, _ in plan]
    seen = 0
    events: list[str] = []
    curves = [Curve(target=temp, start=temp + 1.2, settle_s=90.0, noise=0.02, seed=i)
              for i, (_, _, _, temp) in enumerate(plan)]
    with Emulator.for_protocol(DEMO_PROTOCOL, [curves[0]], time_scale=time_scale) as emulator:
        port_path = emulator.start() if not getattr(emulator, "path", None) else emulator.path
        driver_cls = get_driver(DEMO_PROTOCOL)
        with open_port(port_path, driver_cls.baudrate, timeout=0.2) as port:
            driver = driver_cls(port)
            for room, curve in zip(rooms, curves, strict=True):
                emulator.set_temps([curve])
                for point in room.points:
                    session.begin_point(room, point)
                    progress(f"{room.name} 测点 {point.index}/{len(room.points)}")
                    seen += _measure_point(session, driver, point_timeout_s)
                    events.append(f"{room.name}#{point.index}")
    store.save_elapsed(visit.id, session.elapsed())
    store.set_state(visit.id, COMPLETE)
    visit.instrument.port = port_path
    return ScriptedVisitResult(store.load(visit.id), session.result(), seen, port_path, events)


def _measure_point(session: VisitSession, driver, timeout_s: float) -> int:  # noqa: ANN001
    """Feed channel-1 readings until the point has its official readings; returns how many."""
    seen = 0
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for reading in driver.read(timeout=3.0):
            if reading.channel != 1:
                continue
            seen += 1
            if session.feed(reading.value_c, flags=reading.flags).point_done:
                return seen
    room, point = session.room, session.point
    raise ProcedureError(f"{room.name} 测点 {point.index} 未能稳定",
                         f"{room.name} point {point.index} never settled")
