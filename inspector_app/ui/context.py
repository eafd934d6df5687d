"""What every window needs, made once: the data folder, the store, the profile, the clock.

Tests build an `AppContext` with an accelerated clock and an emulator; the app builds one from
the command line. Nothing here imports Qt except the settings object it carries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.core.profile import DEFAULT_PROFILE, Profile, load_profile
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.visits import VisitStore
from inspector_app.ui.reading_worker import EventSource, monitor_source
from inspector_app.ui.settings import open_settings

DEMO_PROTOCOL = "center309"
DEMO_TIME_SCALE = 120.0


class AcceleratedClock:
    """A monotonic clock running `scale` times faster than real time (1.0 = real).

    The demo and the tests use it so a ten-minute stability window passes in seconds; the
    emulator's curves run on the same scale, as in scripted_visit.py.
    """

    def __init__(self, scale: float = 1.0, base: Callable[[], float] = time.monotonic) -> None:
        self.scale, self.base = scale, base
        self._start = base()

    def __call__(self) -> float:
        return (self.base() - self._start) * self.scale


@dataclass
class AppContext:
    data_dir: Path
    db: sqlite_utils.Database
    profile: Profile
    clock_scale: float = 1.0
    demo: bool = False
    emulator: Any = None
    monitor_options: dict[str, Any] = field(default_factory=dict)
    source_factory: Callable[[str, str], EventSource] | None = None
    lang_override: str | None = None
    emulator_temps: tuple[float, ...] = (17.2, 18.4, 18.6, 18.1, 17.9)

    def __post_init__(self) -> None:
        self.store = VisitStore(self.db)
        self.settings = open_settings(self.data_dir)
        self.clock = AcceleratedClock(self.clock_scale)

    @classmethod
    def open(cls, data_dir: Path, profile_name: str = DEFAULT_PROFILE, **kwargs: Any) -> AppContext:
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        return cls(data_dir=data_dir, db=connect(data_dir / DB_FILENAME),
                   profile=load_profile(profile_name), **kwargs)

    def reading_source(self, port: str, protocol: str) -> EventSource:
        """Events of the thermometer on `port`; always through drivers.monitor and a real port."""
        if self.source_factory is not None:
            return self.source_factory(port, protocol)
        return monitor_source(port, protocol, options=self.monitor_options or None)

    def emulate_room(self, room_index: int) -> None:
        """Demo and tests: the emulated probe now sits in room `room_index` (a new curve)."""
        if self.emulator is None:
            return
        from drivers.curve import Curve

        target = self.emulator_temps[room_index % len(self.emulator_temps)]
        self.emulator.set_temps([Curve(target=target, start=target + 0.8, settle_s=60.0,
                                       noise=0.02, seed=room_index)])

    def profile_for(self, name: str) -> Profile:
        return self.profile if name == self.profile.name else load_profile(name)

    def close(self) -> None:
        if self.emulator is not None:
            self.emulator.stop()
            self.emulator = None
        self.settings.sync()
        self.db.conn.close()


def start_demo_emulator(time_scale: float, temps: tuple[float, ...] = (17.2,)) -> Any:
    """A Center 309 emulator on a pseudo-terminal, its curves on the accelerated clock."""
    from drivers.curve import Curve
    from drivers.emulators import Emulator

    curves = [Curve(target=t, start=t + 1.2, settle_s=90.0, noise=0.02, seed=i)
              for i, t in enumerate(temps)]
    emulator = Emulator.for_protocol(DEMO_PROTOCOL, curves, time_scale=time_scale)
    emulator.start()
    return emulator
