"""Where did the thermometer go? Search the connected ports for one speaking a protocol.

A USB-serial adapter plugged back into another socket comes back under another name
(/dev/ttyUSB1 instead of /dev/ttyUSB0, COM7 instead of COM5). A reader that only retries the
old name waits forever, so when the old name is gone the app asks this module which present
port now answers in the visit's protocol. Only the ports given are probed, one at a time, each
for at most `seconds_each`; a port that is busy, refused or absent is skipped, never an error.

None of the supported protocols (Center 309, Lutron, MS6514, APPA 55II, Modbus TH) reports the
meter's own serial number, so a match is by protocol; the caller shows the port and lets the
inspector decide.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from .errors import Disconnected, PortNotFound, PortUnavailable
from .ports import list_ports, open_port
from .probe import probe


def port_present(url: str) -> bool:
    """Whether the port `url` names exists now (a URL such as sim:// or socket:// always does)."""
    if "://" in url:
        return True
    if os.path.exists(url):
        return True
    return any(info.device == url for info in list_ports())


def present_ports(extra: Iterable[str] = ()) -> list[str]:
    """Serial ports present now, plus `extra` (an emulator's pseudo-terminal), without repeats."""
    seen: list[str] = []
    for url in [*extra, *(info.device for info in list_ports())]:
        if url and url not in seen and port_present(url):
            seen.append(url)
    return seen


def find_thermometer(
    protocol: str,
    candidates: Iterable[str],
    *,
    seconds_each: float = 1.5,
    opener: Callable[..., Any] = open_port,
) -> str | None:
    """The first candidate port where a `protocol` thermometer answers, else None."""
    for url in candidates:
        try:
            if probe(url, [protocol], seconds_each, opener=opener) == protocol:
                return url
        except (PortNotFound, PortUnavailable, Disconnected, OSError):
            continue
    return None
