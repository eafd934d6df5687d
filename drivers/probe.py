"""Which protocol does the thermometer on this port speak?

Streaming meters talk without being asked, so they are recognised together: the port is
listened to once for `seconds_each` and the bytes are offered to every streaming parser.
Request/response meters are then asked in turn, each for up to `seconds_each`. A protocol
"answers" when a frame passes its full validation (markers, length, checksum), never on a
partial match.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any

from .base import TRANSPORT_ERRORS, Driver
from .errors import DeviceError, Disconnected, NoSignal, WrongProtocol
from .ports import open_port
from .registry import get, names

SIMULATED = "simulated"


def default_order(url: str) -> list[str]:
    """Protocols to try on `url`: `simulated` only for sim:// URLs (it shares Lutron's frames)."""
    real = [name for name in names() if name != SIMULATED]
    return [SIMULATED, *real] if url.lower().startswith("sim://") else real


def probe(
    url: str,
    protocols: Sequence[str] | None = None,
    seconds_each: float = 1.5,
    *,
    opener: Callable[..., Any] = open_port,
) -> str | None:
    """The first protocol in `protocols` (default: all) that yields a valid frame, else None.

    PortNotFound / PortUnavailable / Disconnected propagate: they are not a protocol question.
    """
    classes = [get(name) for name in (protocols or default_order(url))]
    order = {cls.name: i for i, cls in enumerate(classes)}
    by_baud = sorted(classes, key=lambda cls: (cls.baudrate != 9600, cls.baudrate, order[cls.name]))
    for baudrate, group in groupby(by_baud, key=lambda cls: cls.baudrate):
        members = list(group)
        lines = True if any(cls.wants_modem_lines for cls in members) else None
        port = opener(url, baudrate, 0.05, dtr=lines, rts=lines)
        try:
            found = _listen(port, [c for c in members if c.streaming], seconds_each)
            if found:
                return found
            for cls in members:
                if not cls.streaming and _ask(port, cls, seconds_each):
                    return cls.name
        finally:
            port.close()
    return None


def _listen(port: Any, classes: list[type[Driver]], seconds: float) -> str | None:
    """Offer everything heard for `seconds` to every streaming parser; first to decode wins."""
    if not classes:
        return None
    drivers = [cls(port) for cls in classes]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            data = drivers[0].read_available()
        except TRANSPORT_ERRORS as exc:
            raise Disconnected(f"Thermometer disconnected ({exc})") from exc
        for driver in drivers:
            if driver.feed(data):
                return driver.name
    return None


def _ask(port: Any, cls: type[Driver], seconds: float) -> bool:
    driver = cls(port)
    try:
        driver.read(timeout=seconds)
    except (NoSignal, WrongProtocol):
        return False
    except DeviceError:
        return True  # a valid answer in this protocol, only refusing our register settings
    return True
