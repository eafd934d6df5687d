"""An in-process serial line with an emulated thermometer behind it: no OS port needed.

`SimulatedLine` has the pyserial surface a driver uses (read/write/timeout/in_waiting/
reset_input_buffer) and paces a streaming model at its real rate from an injectable clock.
It backs the `simulated` protocol and the `sim://` URL scheme, so demos and training also
work where no pseudo-terminal exists (Windows).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from serial import SerialException

from .emulators.models import DeviceModel

_MAX_BACKLOG_S = 1.0  # a line nobody reads keeps only the last second of frames
_MAX_BUFFER = 4096  # and never more than a UART driver buffer's worth


class SimulatedLine:
    """A fake serial port fed by a `DeviceModel`."""

    def __init__(
        self,
        model: DeviceModel,
        *,
        pace: float | None = None,
        timeout: float | None = 0.1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.pace = pace if pace is not None else (model.real_pace or 0.0)
        if model.streaming and self.pace <= 0:
            raise ValueError("a streaming device needs a positive pace")
        self.timeout = timeout
        self.clock = clock
        self.sleep = sleep
        self.is_open = True
        self.connected = True
        self._rx = bytearray()
        self._next_due = clock()

    # -- training helpers -------------------------------------------------------------------
    def unplug(self) -> None:
        """Behave like a USB adapter pulled out: reads and writes fail."""
        self.connected = False

    def replug(self) -> None:
        self.connected = True
        self._rx.clear()
        self._next_due = self.clock()

    # -- pyserial surface -------------------------------------------------------------------
    def _check(self) -> None:
        if not self.is_open:
            raise SerialException("simulated port is closed")
        if not self.connected:
            raise SerialException("simulated thermometer disconnected")

    def _produce(self) -> float:
        now = self.clock()
        if self.model.streaming:
            if now - self._next_due > _MAX_BACKLOG_S:
                self._next_due = now - _MAX_BACKLOG_S
            while now >= self._next_due:
                self._rx += self.model.stream_bytes(self._next_due)
                self._next_due += self.pace
            if len(self._rx) > _MAX_BUFFER:
                del self._rx[:-_MAX_BUFFER]
        return now

    @property
    def in_waiting(self) -> int:
        self._check()
        self._produce()
        return len(self._rx)

    def read(self, size: int = 1) -> bytes:
        """Up to `size` bytes, waiting at most `timeout` seconds (pyserial semantics)."""
        self._check()
        now = self._produce()
        deadline = None if self.timeout is None else now + self.timeout
        while len(self._rx) < size:
            if deadline is not None and now >= deadline:
                break
            if not self.model.streaming:
                if deadline is None:
                    break  # nothing will come without a request: don't block forever
                self.sleep(deadline - now)
            else:
                wait = self._next_due - now
                if deadline is not None:
                    wait = min(wait, deadline - now)
                self.sleep(max(wait, 0.0))
            self._check()
            now = self._produce()
        data = bytes(self._rx[:size])
        del self._rx[:size]
        return data

    def write(self, data: bytes) -> int:
        self._check()
        now = self._produce()
        if not self.model.streaming:
            self._rx += self.model.answer(bytes(data), now)
        return len(data)

    def reset_input_buffer(self) -> None:
        self._check()
        self._produce()
        self._rx.clear()

    def reset_output_buffer(self) -> None:
        self._check()

    def flush(self) -> None:
        self._check()

    def close(self) -> None:
        self.is_open = False


def line_from_url(url: str, *, timeout: float | None = 0.1) -> SimulatedLine:
    """Build a line from `sim://?temps=18.2,17.9&noise=0.05[&protocol=ms6514...]`.

    Parameters: protocol (default "simulated", i.e. Lutron frames), temps (°C targets, comma
    separated), start (°C start values, to show settling), settle (s), drift (°C/h), noise (°C),
    seed, pace (s between frames), time_scale, unit (C/F/K where the device has it).
    """
    from urllib.parse import parse_qs, urlsplit

    from .curve import Curve
    from .emulators.models import model_for

    parts = urlsplit(url)
    if parts.scheme.lower() != "sim":
        raise ValueError(f"not a sim:// URL: {url!r}")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    known = {"protocol", "temps", "start", "settle", "drift", "noise", "seed", "pace",
             "time_scale", "unit"}
    unknown = set(query) - known
    if unknown:
        raise ValueError(f"unknown sim:// parameter(s) {sorted(unknown)}; known: {sorted(known)}")
    protocol = query.get("protocol", "simulated")
    targets = [float(t) for t in query.get("temps", "20.0").split(",") if t]
    starts = [float(t) for t in query["start"].split(",")] if "start" in query else []
    noise = float(query.get("noise", 0.0))
    seed = int(query["seed"]) if "seed" in query else None
    curves = [
        Curve(
            target,
            start=starts[i] if i < len(starts) else None,
            settle_s=float(query.get("settle", 120.0)),
            drift_per_h=float(query.get("drift", 0.0)),
            noise=noise,
            seed=None if seed is None else seed + i,
        )
        for i, target in enumerate(targets)
    ]
    model = model_for(
        protocol, curves, unit=query.get("unit", "C"),
        time_scale=float(query.get("time_scale", 1.0)), seed=seed,
    )
    pace = float(query["pace"]) if "pace" in query else None
    return SimulatedLine(model, pace=pace, timeout=timeout)
