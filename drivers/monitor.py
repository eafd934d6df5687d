"""A reconnecting reader loop: readings and connection status as one stream of events.

The desktop app runs `Monitor.events(stop)` in its worker thread and forwards each event to the
GUI thread; the CLI runs the same loop. The monitor owns the port: it opens it, notices it
vanish (USB unplugged), keeps trying the same path with a backoff, and carries on when the
adapter comes back, so the app never has to handle a dead port object.

Status states, emitted only when they change:
    connected       the port is open (again), or readings resumed after a silence
    no_signal       no valid frame for `no_signal_after` seconds
    wrong_protocol  bytes arrive but none form a frame of the chosen protocol
    disconnected    the port vanished or could not be opened
    reconnecting    waiting for the port to come back
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .base import Driver
from .errors import (
    DeviceError,
    Disconnected,
    DriverError,
    PortNotFound,
    PortUnavailable,
    WrongProtocol,
)
from .ports import open_port
from .reading import Reading
from .registry import get

CONNECTED = "connected"
NO_SIGNAL = "no_signal"
DISCONNECTED = "disconnected"
RECONNECTING = "reconnecting"
WRONG_PROTOCOL = "wrong_protocol"
STATES = (CONNECTED, NO_SIGNAL, DISCONNECTED, RECONNECTING, WRONG_PROTOCOL)

_WAIT_SLICE = 0.05  # how often a wait checks `stop`


@dataclass(frozen=True)
class ReadingEvent:
    reading: Reading


@dataclass(frozen=True)
class StatusEvent:
    state: str
    message: str
    message_zh: str


Event = ReadingEvent | StatusEvent


class Monitor:
    """Reads one thermometer on one port URL, reconnecting for as long as it runs."""

    def __init__(
        self,
        url: str,
        protocol: str,
        *,
        options: Mapping[str, Any] | None = None,
        no_signal_after: float = 3.0,
        reconnect_backoff: Sequence[float] = (0.2, 0.5, 1, 2),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        port_timeout: float = 0.1,
        opener: Callable[..., Any] = open_port,
    ) -> None:
        self.url = url
        self.protocol = protocol
        self.driver_class: type[Driver] = get(protocol)
        self.options = dict(options or {})
        self.no_signal_after = no_signal_after
        self.reconnect_backoff = tuple(reconnect_backoff) or (1.0,)
        self.clock = clock
        self.sleep = sleep
        self.port_timeout = port_timeout
        self.opener = opener
        self.state: str | None = None
        self.driver: Driver | None = None

    def __repr__(self) -> str:
        return f"Monitor({self.url!r}, {self.protocol!r}, state={self.state!r})"

    def events(self, stop: threading.Event) -> Iterator[Event]:
        """Readings and status changes until `stop` is set (checked at least every ~0.1 s)."""
        self.state = None
        attempt = 0
        while not stop.is_set():
            try:
                port = self._open()
            except (PortNotFound, PortUnavailable) as exc:
                if self.state not in (DISCONNECTED, RECONNECTING):
                    yield from self._status(DISCONNECTED, str(exc), exc.message_zh)
                yield from self._status(
                    RECONNECTING,
                    f"Waiting for the thermometer on {self.url} to come back",
                    "正在等待温度计重新连接…",
                )
                delay = self.reconnect_backoff[min(attempt, len(self.reconnect_backoff) - 1)]
                attempt += 1
                self._wait(stop, delay)
                continue
            attempt = 0
            try:
                yield from self._serve(port, stop)
            finally:
                self.driver = None
                with contextlib.suppress(Exception):  # a vanished port may fail to close
                    port.close()

    def _open(self) -> Any:
        baudrate = int(self.options.get("baudrate", self.driver_class.baudrate))
        lines = True if self.driver_class.wants_modem_lines else None
        return self.opener(self.url, baudrate, self.port_timeout, dtr=lines, rts=lines)

    def _serve(self, port: Any, stop: threading.Event) -> Iterator[Event]:
        driver = self.driver_class(port, clock=self.clock, **self.options)
        self.driver = driver
        connected = (f"Connected to the {driver.title} on {self.url}", "温度计已连接")
        yield from self._status(CONNECTED, *connected)
        last_good = self.clock()
        while not stop.is_set():
            started = self.clock()
            try:
                readings = driver.poll()
            except Disconnected as exc:
                yield from self._status(DISCONNECTED, str(exc), exc.message_zh)
                return
            except DeviceError as exc:
                yield from self._status(WRONG_PROTOCOL, str(exc), exc.message_zh)
                readings = []
            if readings:
                yield from self._status(CONNECTED, *connected)
                last_good = self.clock()
                for reading in readings:
                    yield ReadingEvent(reading)
            elif self.clock() - last_good >= self.no_signal_after:
                error: DriverError = driver.silence_error(self.no_signal_after)
                state = WRONG_PROTOCOL if isinstance(error, WrongProtocol) else NO_SIGNAL
                if self.state != WRONG_PROTOCOL or state == WRONG_PROTOCOL:
                    yield from self._status(state, str(error), error.message_zh)
            if driver.request_bytes() is not None and driver.poll_interval > 0:
                self._wait(stop, driver.poll_interval - (self.clock() - started))

    def _status(self, state: str, message: str, message_zh: str) -> Iterator[StatusEvent]:
        if state != self.state:
            self.state = state
            yield StatusEvent(state, message, message_zh)

    def _wait(self, stop: threading.Event, seconds: float) -> None:
        end = self.clock() + seconds
        while not stop.is_set():
            left = end - self.clock()
            if left <= 0:
                return
            self.sleep(min(left, _WAIT_SLICE))


def iter_readings(
    url: str,
    protocol: str,
    *,
    options: Mapping[str, Any] | None = None,
    stop: threading.Event | None = None,
    usable_only: bool = False,
) -> Iterator[Reading]:
    """Readings only, reconnecting silently: for simple scripts that just want numbers."""
    stop = stop or threading.Event()
    for event in Monitor(url, protocol, options=options).events(stop):
        if isinstance(event, ReadingEvent) and (event.reading.usable or not usable_only):
            yield event.reading
