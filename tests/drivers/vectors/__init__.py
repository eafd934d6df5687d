"""Test vectors for every driver: one table per protocol, bytes -> expected readings and flags.

Each table module names, in its docstring, the protocol description its vectors come from
(/work/shared/domain/thermometers.md and the sources it cites), and each vector says where its
bytes come from: an example printed in that description, a frame built by hand from its byte
layout, or the project's own emulator. `tests/drivers/test_drivers_vectors.py` decodes them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def h(text: str) -> bytes:
    """Bytes from hex text; spaces and line breaks are ignored."""
    return bytes.fromhex(text)


@dataclass(frozen=True)
class Expect:
    """One Reading as the driver must report it."""

    channel: int
    value_c: float | None
    raw_value: float | None
    unit: str = "C"
    flags: frozenset[str] = frozenset()
    device_time: str | None = None


@dataclass(frozen=True)
class Vector:
    name: str
    frame: bytes
    readings: tuple[Expect, ...]
    source: str
    #: The encoder call (used by the emulators) that must produce exactly these bytes, if any.
    encoded: Callable[[], bytes] | None = None
    #: Where sigrok-cli 0.5.2 (a second, independent reader) decodes the frame differently, and
    #: why the protocol description wins; empty when it agrees or cannot decode the protocol.
    sigrok_differs: str = ""
