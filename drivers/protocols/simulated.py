"""The `simulated` protocol: a thermometer that needs no device, for demos and training.

Design: the simulated thermometer *speaks the Lutron 16-digit format* over a simulated line, and
the driver is the Lutron driver under another name. So the demo exercises the same framing,
parsing and fault paths as a real meter instead of a shortcut that returns floats.

Where the bytes come from:
- `SimulatedDriver(None, temps=[18.2, Curve(...)], noise=0.05)` builds an in-process
  `drivers.simline.SimulatedLine` from the options (temps, noise, seed, pace, time_scale, unit);
- `open_port("sim://?temps=18.2,17.9&noise=0.05")` gives the same line through pyserial's URL
  mechanism, so the Monitor, probe and CLI take a simulated thermometer like any port;
- `python -m drivers emulate --protocol simulated` serves it on a pseudo-terminal.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from ..base import Clock
from ..registry import register
from .lutron16 import Lutron16Driver

SIMULATION_OPTIONS = ("temps", "noise", "seed", "pace", "time_scale", "unit")


@register
class SimulatedDriver(Lutron16Driver):
    """Lutron-format driver whose default transport is a simulated line."""

    name: ClassVar[str] = "simulated"
    title: ClassVar[str] = "Simulated thermometer (demo / training)"
    wants_modem_lines: ClassVar[bool] = False

    def __init__(
        self,
        transport: Any = None,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
        **options: Any,
    ) -> None:
        simulation = {key: options.pop(key) for key in SIMULATION_OPTIONS if key in options}
        if transport is None:
            transport = self.make_line(clock=clock, **simulation)
        elif simulation:
            raise TypeError(
                f"options {sorted(simulation)} describe a simulated line; "
                "they do not apply when a transport is given"
            )
        super().__init__(transport, clock=clock, wall_clock=wall_clock, **options)

    @staticmethod
    def make_line(
        temps: Any = (20.0,),
        noise: float = 0.0,
        seed: int | None = None,
        pace: float | None = None,
        time_scale: float = 1.0,
        unit: str = "C",
        clock: Clock = time.monotonic,
    ) -> Any:
        """A `SimulatedLine` with a simulated (Lutron-format) thermometer behind it."""
        from ..emulators.models import SimulatedModel
        from ..simline import SimulatedLine

        model = SimulatedModel(
            list(temps), noise=noise, seed=seed, time_scale=time_scale, unit=unit, clock=clock
        )
        return SimulatedLine(model, pace=pace, clock=clock)
