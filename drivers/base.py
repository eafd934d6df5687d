"""The driver interface: a transport in, `Reading`s out, faults as `DriverError`s.

A driver does no port handling of its own. It is given a *transport*: a pyserial port, or any
object with `read(n)`, `write(b)` and a `timeout` attribute (`in_waiting` and
`reset_input_buffer()` are used when present). That lets tests replay byte exchanges without a
port (`drivers.transports.ScriptedTransport`) while the emulators exercise the real serial path.

Parsing is separate from I/O: each protocol module has a pure `parse_frame` and a `FrameBuffer`;
the driver only moves bytes between the transport and those two and stamps the time.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

from .errors import Disconnected, DriverError, FrameError, NoSignal, WrongProtocol
from .framing import FrameBuffer
from .reading import Reading

Clock = Callable[[], float]

# What a transport raises when its device is gone. pyserial's SerialException subclasses
# OSError ("device reports readiness to read but returned no data" of an unplugged USB adapter,
# EIO); termios.error is not an OSError but is what reset_input_buffer() raises on a dead port.
try:
    import termios

    TRANSPORT_ERRORS: tuple[type[Exception], ...] = (OSError, termios.error)
except ImportError:  # Windows
    TRANSPORT_ERRORS = (OSError,)


class Driver(ABC):
    """Base class of every protocol driver.

    Streaming protocols (`request is None`) read what is available; request/response protocols
    write `request_bytes()` and read one answer per `poll()`.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    baudrate: ClassVar[int] = 9600
    #: Size of a typical frame; also the amount of unframed bytes that means "wrong protocol".
    frame_size: ClassVar[int]
    #: True when the meter talks unasked; False for request/response protocols.
    streaming: ClassVar[bool] = True
    #: Fixed request written by `poll()` (see `request_bytes()`); None for streaming protocols.
    request: ClassVar[bytes | None] = None
    #: Seconds between requests for request/response protocols (don't hammer the meter).
    default_poll_interval: ClassVar[float] = 0.0
    #: Seconds to wait for an answer to a request.
    default_response_timeout: ClassVar[float] = 0.5
    #: Whether the cable wants DTR/RTS raised (Lutron cables draw power from them).
    wants_modem_lines: ClassVar[bool] = False

    def __init__(
        self,
        transport: Any,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
        **options: Any,
    ) -> None:
        self.transport = transport
        self.clock = clock
        self.wall_clock = wall_clock
        self.poll_interval = float(options.pop("poll_interval", self.default_poll_interval))
        self.response_timeout = float(
            options.pop("response_timeout", self.default_response_timeout)
        )
        self.port_baudrate = int(options.pop("baudrate", type(self).baudrate))
        self.configure(options)
        if options:
            raise TypeError(f"{self.name}: unknown option(s) {', '.join(sorted(options))}")
        self.buffer = self.make_buffer()
        self.bytes_total = 0
        self.bytes_since_frame = 0
        self.frames_total = 0
        self._read_deadline: float | None = None  # read()'s deadline caps an exchange's wait
        if transport is not None and getattr(transport, "timeout", 0.0) is None:
            # A blocking port would make poll() wait forever for a meter that is switched off.
            transport.timeout = 0.1

    # -- protocol hooks -------------------------------------------------------------------
    def configure(self, options: dict[str, Any]) -> None:  # noqa: B027 - optional hook
        """Pop the protocol's own options from `options` (leftovers are an error)."""

    @abstractmethod
    def make_buffer(self) -> FrameBuffer:
        """A fresh frame splitter for this protocol (and its current settings)."""

    @abstractmethod
    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        """Decode one validated frame (delegates to the module's pure `parse_frame`)."""

    def request_bytes(self) -> bytes | None:
        """The request to write in `poll()`; None for a streaming protocol."""
        return self.request

    # -- I/O ------------------------------------------------------------------------------
    def feed(self, data: bytes) -> list[Reading]:
        """Decode bytes obtained elsewhere (a capture, a probe): readings of complete frames."""
        if not data:
            return []
        self.bytes_total += len(data)
        self.bytes_since_frame += len(data)
        frames = self.buffer.feed(data)
        if not frames:
            return []
        t_mono = self.clock()
        t_wall = self.wall_clock()
        readings: list[Reading] = []
        for frame in frames:
            try:
                readings.extend(self.parse(frame, t_wall, t_mono))
            except FrameError:
                continue
            self.frames_total += 1
            self.bytes_since_frame = 0
        return readings

    def poll(self) -> list[Reading]:
        """One exchange: readings from the complete valid frames it produced (maybe none)."""
        request = self.request_bytes()
        try:
            if request is None:
                return self.feed(self.read_available())
            return self._exchange(request)
        except DriverError:
            raise
        except TRANSPORT_ERRORS as exc:
            raise Disconnected(f"Thermometer disconnected ({exc})") from exc

    def read(self, timeout: float = 3.0) -> list[Reading]:
        """Poll until readings arrive; NoSignal or WrongProtocol after `timeout` seconds."""
        deadline = self.clock() + timeout
        self._read_deadline = deadline
        try:
            while True:
                before = self.bytes_total
                readings = self.poll()
                if readings:
                    return readings
                now = self.clock()
                if now >= deadline:
                    raise self.silence_error(timeout)
                if self.request_bytes() is not None and self.poll_interval > 0:
                    time.sleep(min(self.poll_interval, deadline - now))
                elif self.bytes_total == before and not getattr(self.transport, "timeout", 0):
                    time.sleep(0.005)  # a non-blocking transport: don't spin a core
        finally:
            self._read_deadline = None

    def silence_error(self, seconds: float | None = None) -> DriverError:
        """The fault to report after a silence: WrongProtocol if bytes came but no frame."""
        after = f" within {seconds:g} s" if seconds is not None else ""
        if self.bytes_since_frame >= self.frame_size:
            return WrongProtocol(
                f"{self.bytes_since_frame} bytes arrived{after} but none formed a valid "
                f"{self.title} frame: check the thermometer model"
            )
        return NoSignal(
            f"No data from the {self.title}{after}: check that it is switched on, that its "
            "data output is enabled, and that the cable is connected"
        )

    def read_available(self) -> bytes:
        """Whatever the transport has (waiting up to its timeout for the first byte)."""
        transport = self.transport
        waiting = getattr(transport, "in_waiting", 0) or 0
        data = transport.read(max(1, waiting))
        if data:
            more = getattr(transport, "in_waiting", 0) or 0
            if more:
                data += transport.read(more)
        return bytes(data)

    def _exchange(self, request: bytes) -> list[Reading]:
        transport = self.transport
        reset = getattr(transport, "reset_input_buffer", None)
        if reset is not None:
            reset()  # stale bytes from before the request cannot be part of its answer
        self.buffer.clear()
        transport.write(request)
        deadline = self.clock() + self.response_timeout
        if self._read_deadline is not None:
            deadline = min(deadline, self._read_deadline)
        frames_before = self.frames_total
        readings: list[Reading] = []
        while True:
            missing = max(1, self.response_size() - self.buffer.pending)
            waiting = getattr(transport, "in_waiting", 0) or 0
            readings.extend(self.feed(bytes(transport.read(max(missing, waiting)))))
            if self.frames_total > frames_before or self.clock() >= deadline:
                return readings

    def response_size(self) -> int:
        """Bytes expected in answer to a request (lets `read(n)` return as soon as they come)."""
        return self.frame_size
