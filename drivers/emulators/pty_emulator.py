"""Emulated thermometers on a pseudo-terminal, for tests, the app's demo mode and training.

The reader opens `emulator.path` with pyserial exactly as it would open /dev/ttyUSB0, so the
whole serial path is exercised. `path` is a symlink in a private temp directory that points at
the pty slave; `unplug()` removes it and closes the pty (an open reader gets an I/O error, as
when a USB adapter is pulled out) and `replug()` makes a new pty behind the same path, as a USB
adapter comes back as the same /dev/ttyUSB0.

Pitfalls handled here: the pty is put in raw mode at once (no echo of frames in cooked mode);
pyserial flushes input when it opens a port, so a streaming emulator simply keeps streaming while
a request/response one only answers; writes are non-blocking and paced at the device's rate,
because a pty nobody reads would otherwise fill up and block the serving thread.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import shutil
import tempfile
import threading
import time
import tty
from collections import deque
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, ClassVar

from .models import (
    Appa55IIModel,
    Center309Model,
    DeviceModel,
    Lutron16Model,
    ModbusTHModel,
    MS6514Model,
    SimulatedModel,
    TempSpec,
)

_IDLE_WAKE = 0.5  # the thread also wakes through a pipe; this only bounds a lost wake-up


class Emulator:
    """Base: a `DeviceModel` served on a pty by a daemon thread. One subclass per protocol."""

    protocol: ClassVar[str] = ""
    model_class: ClassVar[type[DeviceModel]]
    _by_protocol: ClassVar[dict[str, type[Emulator]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("protocol"):
            Emulator._by_protocol[cls.protocol] = cls

    def __init__(
        self,
        temps: Sequence[TempSpec],
        *,
        noise: float = 0.0,
        pace: float | None = None,
        time_scale: float = 1.0,
        unit: str = "C",
        garbage_every: int = 0,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        **model_options: Any,
    ) -> None:
        """`pace`: seconds between frames of a streaming device (default: its real rate); for
        a request/response device, the delay before it answers (default 0)."""
        self.model = self.model_class(
            temps, noise=noise, unit=unit, time_scale=time_scale, seed=seed, clock=clock,
            **model_options,
        )
        if self.model.streaming:
            self.pace = float(pace if pace is not None else self.model.real_pace or 1.0)
            if self.pace <= 0:
                raise ValueError("pace must be positive for a streaming device")
        else:
            self.pace = float(pace or 0.0)
        self.garbage_every = garbage_every
        self.clock = clock
        self.path = ""
        self.device = ""  # the current /dev/pts/N behind `path`
        self.frames_sent = 0
        self.frames_dropped = 0
        self.last_write = 0.0  # clock() when os.write() of the last frame returned
        # clock() just before each frame's os.write() (the benchmark measures latency from it)
        self.write_times: deque[float] = deque(maxlen=10_000)
        self._dir = ""
        self._master: int | None = None
        self._slave: int | None = None
        self._fd_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake_r = self._wake_w = -1
        self._thread: threading.Thread | None = None
        self._pending: list[tuple[float, bytes]] = []  # delayed answers

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def for_protocol(cls, name: str, temps: Sequence[TempSpec], **kwargs: Any) -> Emulator:
        """The emulator of protocol `name` (see `Emulator.protocols()`)."""
        try:
            subclass = cls._by_protocol[name]
        except KeyError:
            raise KeyError(
                f"no emulator for {name!r}; emulated protocols: {', '.join(cls.protocols())}"
            ) from None
        return subclass(temps, **kwargs)

    @classmethod
    def protocols(cls) -> list[str]:
        return sorted(cls._by_protocol)

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> str:
        """Create the pty and start serving; returns the stable device path."""
        if self._thread is not None:
            return self.path
        self._dir = tempfile.mkdtemp(prefix=f"thermo-{self.protocol}-")
        self.path = os.path.join(self._dir, f"tty{self.protocol.replace('-', '')}")
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        with self._fd_lock:
            self._plug()
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._serve, name=f"emulator-{self.protocol}", daemon=True
        )
        self._thread.start()
        return self.path

    def stop(self) -> None:
        """Stop serving, close the pty and remove the temp directory."""
        self._stop.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        with self._fd_lock:
            self._unplug()
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._wake_r = self._wake_w = -1
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Emulator:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def unplug(self) -> None:
        """Pull the cable: remove the path and close the pty so an open reader gets an error."""
        with self._fd_lock:
            self._unplug()
        self._wake()

    def replug(self) -> None:
        """Plug back in: a new pty behind the same path."""
        with self._fd_lock:
            if self._master is None:
                self._plug()
        self._wake()

    def _plug(self) -> None:
        master, slave = pty.openpty()
        tty.setraw(slave)  # no echo, no line discipline: bytes are bytes
        os.set_blocking(master, False)
        self.device = os.ttyname(slave)
        temp_link = self.path + ".new"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_link)
        os.symlink(self.device, temp_link)
        os.replace(temp_link, self.path)
        # Keep our own slave fd open: without it, reading the master fails with EIO whenever
        # no reader has the port open, and the device would "vanish" between two readers.
        self._master, self._slave = master, slave
        self._pending.clear()

    def _unplug(self) -> None:
        if self.path:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    def _wake(self) -> None:
        if self._wake_w >= 0:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")

    # -- device state (delegated to the model) ----------------------------------------------
    def set_temps(self, temps: Sequence[TempSpec]) -> None:
        self.model.set_temps(temps)

    def set_hold(self, on: bool) -> None:
        self.model.set_hold(on)

    def set_overload(self, channel: int, on: bool) -> None:
        self.model.set_overload(channel, on)

    def set_mode(self, mode: str | None) -> None:
        self.model.set_mode(mode)

    def set_low_battery(self, on: bool) -> None:
        self.model.set_low_battery(on)

    def inject_garbage(self, data: bytes) -> None:
        """Write bytes that are not a frame (line noise) right now."""
        with self._fd_lock:
            self._write(data)

    # -- serving ----------------------------------------------------------------------------
    def _write(self, data: bytes) -> bool:
        if self._master is None:
            return False
        try:
            written = os.write(self._master, data)
        except BlockingIOError:
            return False  # nobody reads and the pty is full: the bytes are lost, as on a UART
        except OSError:
            return False
        return written == len(data)

    def _send_frame(self, frame: bytes) -> None:
        if self.garbage_every and (self.frames_sent + 1) % self.garbage_every == 0:
            self._write(self.model.garbage())
        # Stamped before the write: the reader may hold the bytes before os.write() returns.
        self.write_times.append(self.clock())
        if self._write(frame):
            self.last_write = self.clock()
            self.frames_sent += 1
        else:
            self.write_times.pop()
            self.frames_dropped += 1

    def _serve(self) -> None:
        streaming = self.model.streaming
        next_due = self.clock()
        while not self._stop.is_set():
            now = self.clock()
            timeout = _IDLE_WAKE
            if streaming and self._master is not None:
                timeout = min(timeout, max(0.0, next_due - now))
            if self._pending:
                timeout = min(timeout, max(0.0, self._pending[0][0] - now))
            master = self._master
            fds = [self._wake_r] + ([master] if master is not None else [])
            try:
                ready, _, _ = select.select(fds, [], [], timeout)
            except (OSError, ValueError):
                ready = []  # the pty was closed under us by unplug(); loop again
            if self._wake_r in ready:
                with contextlib.suppress(OSError):
                    os.read(self._wake_r, 4096)
            with self._fd_lock:
                if self._master is None:
                    next_due = self.clock()
                    continue
                now = self.clock()
                if master is not None and master == self._master and master in ready:
                    self._receive(now)
                if streaming and now >= next_due:
                    self._send_frame(self.model.stream_bytes(now))
                    next_due = max(next_due + self.pace, now - self.pace)
                while self._pending and self._pending[0][0] <= now:
                    self._send_frame(self._pending.pop(0)[1])

    def _receive(self, now: float) -> None:
        try:
            data = os.read(self._master, 4096)  # type: ignore[arg-type]
        except OSError:
            return
        if self.model.streaming or not data:
            return  # a streaming meter ignores what the PC sends
        answer = self.model.answer(data, now)
        if not answer:
            return
        if self.pace > 0:
            self._pending.append((now + self.pace, answer))
        else:
            self._send_frame(answer)


class Center309Emulator(Emulator):
    """Answers `A` requests with 45-byte frames; `H`/`C` press HOLD and °C/°F."""

    protocol = "center309"
    model_class = Center309Model


class Lutron16Emulator(Emulator):
    """Streams 16-byte frames, channels in turn (~1 frame/s)."""

    protocol = "lutron16"
    model_class = Lutron16Model


class MS6514Emulator(Emulator):
    """Streams 18-byte frames at ~2 Hz."""

    protocol = "ms6514"
    model_class = MS6514Model


class Appa55IIEmulator(Emulator):
    """Streams 25-byte live packets at ~3 Hz."""

    protocol = "appa55ii"
    model_class = Appa55IIModel


class ModbusTHEmulator(Emulator):
    """Answers Modbus-RTU function 0x04 (and 0x03) requests with CRC; silent to other slaves."""

    protocol = "modbus-th"
    model_class = ModbusTHModel


class SimulatedEmulator(Emulator):
    """The `simulated` thermometer (Lutron frames) on a pty."""

    protocol = "simulated"
    model_class = SimulatedModel
