"""Fixtures for the driver tests: emulators that always stop, and a manual clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from drivers.emulators import Emulator

# Fast paces keep the pty tests short; the real rates are exercised by the benchmark.
FAST_PACE = 0.02


class ManualClock:
    """A clock tests advance by hand, so timestamps and timeouts are deterministic."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def manual_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def emulator() -> Iterator[Callable[..., Emulator]]:
    """Factory: `emulator("lutron16", [21.5], pace=...)` started, stopped at teardown."""
    started: list[Emulator] = []

    def make(protocol: str, temps: list[Any], **kwargs: Any) -> Emulator:
        kwargs.setdefault("pace", FAST_PACE if protocol not in ("center309", "modbus-th") else 0)
        emu = Emulator.for_protocol(protocol, temps, **kwargs)
        emu.start()
        started.append(emu)
        return emu

    yield make
    for emu in started:
        emu.stop()
