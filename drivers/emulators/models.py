"""Device models: what each thermometer would send, given settable temperatures and state.

A model is pure bytes-in / bytes-out with no I/O, so the same model serves a pseudo-terminal
(`drivers.emulators.pty_emulator`) and the in-process `sim://` port (`drivers.simline`).
Streaming models produce the next transmission with `stream_bytes(now)`; request/response
models answer with `answer(data, now)`. All state changes are thread-safe.
"""

from __future__ import annotations

import random
import threading
import time
from abc import ABC
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from ..curve import Curve
from ..protocols import appa55ii, center309, lutron16, modbus_th, ms6514
from ..units import from_celsius

TempSpec = float | Curve


def make_curves(temps: Sequence[TempSpec], noise: float = 0.0, seed: int | None = None) -> list[Curve]:
    """Curves from temperatures (held at that value, with `noise`) or ready-made Curves."""
    curves = []
    for index, temp in enumerate(temps):
        if isinstance(temp, Curve):
            curves.append(temp)
        else:
            curve_seed = None if seed is None else seed + index
            curves.append(Curve(float(temp), noise=noise, seed=curve_seed))
    return curves


class DeviceModel(ABC):
    """State of an emulated thermometer and the bytes it sends."""

    protocol: ClassVar[str]
    title: ClassVar[str]
    streaming: ClassVar[bool] = True
    #: Seconds between transmissions at the device's own rate (None for request/response).
    real_pace: ClassVar[float | None] = None
    #: Fixed number of channels, or None for "as many as temperatures given".
    channel_count: ClassVar[int | None] = None
    units: ClassVar[tuple[str, ...]] = ("C",)
    modes: ClassVar[tuple[str, ...]] = ()
    #: What `set_hold` / `set_overload` can show on this device's wire format.
    supports: ClassVar[frozenset[str]] = frozenset()
    #: Bytes injected garbage avoids, so that it cannot accidentally start a frame.
    start_bytes: ClassVar[bytes] = b""

    def __init__(
        self,
        temps: Sequence[TempSpec],
        *,
        noise: float = 0.0,
        unit: str = "C",
        time_scale: float = 1.0,
        seed: int | None = None,
        channels: Sequence[int] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        """`channels`: the channel numbers (T1 = 1) the temperatures apply to, in order;
        default 1, 2, ... Channels of a fixed-channel meter left without one show no probe."""
        if unit not in self.units:
            raise ValueError(f"{self.protocol} shows {', '.join(self.units)}, not {unit!r}")
        if time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self._lock = threading.RLock()
        self.clock = clock
        self.wall_clock = wall_clock
        self.noise = noise
        self.seed = seed
        self.unit = unit
        self.time_scale = time_scale
        self.hold = False
        self.low_battery = False
        self.mode: str | None = None
        self.overloaded: set[int] = set()
        self._held: list[float | None] | None = None
        self._rng = random.Random(seed)
        self.curves: list[Curve] = []
        self.fixed_numbers = list(channels) if channels else None
        self.channel_numbers: list[int] = []
        self._t0 = clock()
        self.set_temps(temps)

    # -- settable state ---------------------------------------------------------------------
    def set_temps(self, temps: Sequence[TempSpec]) -> None:
        """New temperatures or curves; curve time restarts now."""
        curves = make_curves(temps, self.noise, self.seed)
        if not curves:
            raise ValueError("give at least one temperature")
        numbers = self.fixed_numbers or list(range(1, len(curves) + 1))
        if len(numbers) != len(curves) or len(set(numbers)) != len(numbers):
            raise ValueError(f"{len(curves)} temperatures for channels {numbers}")
        top = self.channel_count or self.max_channel
        if min(numbers) < 1 or max(numbers) > top:
            raise ValueError(f"{self.protocol} has channels 1..{top}")
        with self._lock:
            self.curves = curves
            self.channel_numbers = numbers
            self._t0 = self.clock()

    def set_hold(self, on: bool) -> None:
        """Freeze the display (and set the HOLD flag where the format has one)."""
        self._require("hold")
        with self._lock:
            self._held = self.values_c() if on else None
            self.hold = on

    def set_overload(self, channel: int, on: bool) -> None:
        """Show overload (open thermocouple / no probe) on `channel` (1-based)."""
        self._require("overload")
        if not 1 <= channel <= self.n_channels:
            raise ValueError(f"{self.protocol} has channels 1..{self.n_channels}")
        with self._lock:
            (self.overloaded.add if on else self.overloaded.discard)(channel)

    def set_mode(self, mode: str | None) -> None:
        """REL / MIN / MAX display modes, as far as the device has them (None = normal)."""
        if mode is not None and mode not in self.modes:
            raise ValueError(f"{self.protocol} modes: {', '.join(self.modes) or 'none'}")
        with self._lock:
            self.mode = mode

    def set_low_battery(self, on: bool) -> None:
        self._require("low_battery")
        with self._lock:
            self.low_battery = on

    def _require(self, feature: str) -> None:
        if feature not in self.supports:
            raise NotImplementedError(f"the {self.protocol} format cannot show {feature}")

    # -- values -----------------------------------------------------------------------------
    #: Highest channel number of a meter without a fixed channel count.
    max_channel: ClassVar[int] = 12

    @property
    def n_channels(self) -> int:
        return self.channel_count or max(self.channel_numbers)

    def values_c(self, now: float | None = None) -> list[float | None]:
        """°C for channels 1..n as displayed now; None for overload or a channel without a
        curve."""
        with self._lock:
            if self._held is not None:
                values = list(self._held)
            else:
                t = ((self.clock() if now is None else now) - self._t0) * self.time_scale
                values = [None] * self.n_channels
                for number, curve in zip(self.channel_numbers, self.curves, strict=True):
                    values[number - 1] = curve.value_at(t)
            return [None if (i + 1) in self.overloaded else v for i, v in enumerate(values)]

    def displayed(self, value_c: float | None) -> float | None:
        """A °C value in the display unit, rounded to the 0.1 resolution of the display."""
        return None if value_c is None else round(from_celsius(value_c, self.unit), 1)

    def garbage(self, max_len: int = 24) -> bytes:
        """Random line noise that avoids the protocol's start bytes."""
        allowed = [b for b in range(256) if b not in self.start_bytes]
        return bytes(self._rng.choice(allowed) for _ in range(self._rng.randint(1, max_len)))

    # -- bytes ------------------------------------------------------------------------------
    def stream_bytes(self, now: float) -> bytes:
        """The next transmission of a streaming device."""
        raise NotImplementedError(f"{self.protocol} answers requests; it does not stream")

    def answer(self, data: bytes, now: float) -> bytes:
        """Bytes sent back for received `data` (maybe nothing) by a request/response device."""
        return b""


class Lutron16Model(DeviceModel):
    """Sends one 16-byte frame per transmission, cycling through its channels."""

    protocol = "lutron16"
    title = lutron16.Lutron16Driver.title
    real_pace = 1.0
    units = ("C", "F")
    supports = frozenset({"hold"})  # the format has no hold flag: the value just freezes
    start_bytes = bytes([lutron16.START])

    def __init__(self, temps: Sequence[TempSpec], *, unit_code: str | None = None,
                 **kwargs: Any) -> None:
        self.unit_code = unit_code  # e.g. "B2" to imitate the captured gaussmeter
        self._next = 0
        super().__init__(temps, **kwargs)

    def stream_bytes(self, now: float) -> bytes:
        with self._lock:
            values = self.values_c(now)
            number = self.channel_numbers[self._next % len(self.channel_numbers)]
            self._next += 1
            value = self.displayed(values[number - 1])
            return lutron16.build_frame(
                number, 0.0 if value is None else value, unit=self.unit,
                unit_code=self.unit_code,
            )


class Center309Model(DeviceModel):
    """Answers `A` with a 45-byte frame; `H` and `C` press the HOLD and °C/°F keys."""

    protocol = "center309"
    title = center309.Center309Driver.title
    streaming = False
    channel_count = center309.CHANNELS
    units = ("C", "F")
    modes = ("rel", "max", "min", "maxmin")
    supports = frozenset({"hold", "overload", "low_battery"})
    start_bytes = bytes([center309.START])

    def frame(self, now: float) -> bytes:
        with self._lock:
            values = [self.displayed(v) for v in self.values_c(now)]
            return center309.build_frame(
                values, celsius=self.unit == "C", hold=self.hold, low_battery=self.low_battery,
                rel=self.mode == "rel", mode=None if self.mode == "rel" else self.mode,
            )

    def answer(self, data: bytes, now: float) -> bytes:
        out = b""
        for byte in data:
            key = bytes([byte])
            if key == center309.REQUEST:
                out += self.frame(now)
            elif key == center309.KEY_HOLD:
                self.set_hold(not self.hold)
            elif key == center309.KEY_UNIT:
                with self._lock:
                    self.unit = "F" if self.unit == "C" else "C"
        return out


class MS6514Model(DeviceModel):
    """Streams ~2 Hz: T1 on the main display, T2 (or MAX/MIN/AVG of T1) on the secondary."""

    protocol = "ms6514"
    title = ms6514.MS6514Driver.title
    real_pace = 0.5
    channel_count = 2
    units = ("C", "F", "K")
    modes = ("rel", "max", "min", "avg")
    supports = frozenset({"hold", "overload"})
    start_bytes = ms6514.HEADER[:1]
    _ASSIGNMENT = {None: 0, "rel": 2, "max": 4, "min": 8, "avg": 12}

    def __init__(self, temps: Sequence[TempSpec], **kwargs: Any) -> None:
        self._extreme: list[float] = []
        super().__init__(temps, **kwargs)

    def set_mode(self, mode: str | None) -> None:
        super().set_mode(mode)
        with self._lock:
            self._extreme = []

    def _statistic(self, t1: float | None) -> float | None:
        """MAX/MIN/AVG of T1 so far; overload while T1 is open (no value to take it from)."""
        if t1 is None:
            return None
        self._extreme.append(t1)
        pick = {"max": max, "min": min}.get(self.mode or "")
        return pick(self._extreme) if pick else round(sum(self._extreme) / len(self._extreme), 1)

    def stream_bytes(self, now: float) -> bytes:
        with self._lock:
            t1, t2 = (self.displayed(v) for v in self.values_c(now))
            main, secondary = t1, t2
            if self.mode == "rel":
                main = None if t1 is None or t2 is None else round(t1 - t2, 1)
                secondary = t1
            elif self.mode in ("max", "min", "avg"):
                # the secondary display shows the statistic of the main display's channel (T1)
                secondary = self._statistic(t1)
            hh, mm, ss = time.localtime(self.wall_clock())[3:6]
            return ms6514.build_frame(
                main, secondary, unit=self.unit, hold=self.hold,
                assignment=self._ASSIGNMENT[self.mode], clock=(hh, mm, ss),
            )


class Appa55IIModel(DeviceModel):
    """Streams ~3 Hz live packets for T1 and T2 (a channel without a curve shows no probe)."""

    protocol = "appa55ii"
    title = appa55ii.Appa55IIDriver.title
    real_pace = 1 / 3
    channel_count = 2
    units = ("C", "F", "K")
    modes = ("max", "min", "avg")
    supports = frozenset({"hold", "overload"})
    start_bytes = appa55ii.HEADER[:1]

    def stream_bytes(self, now: float) -> bytes:
        with self._lock:
            t1, t2 = (self.displayed(v) for v in self.values_c(now))
            # A channel without a curve is sent as no probe (0x7FFF with the no-value bit, by
            # the encoder); a value the format cannot carry is shown as overload, as the meter
            # shows OL beyond its range.
            over = [
                number in self.overloaded or (value is not None and not appa55ii.encodable(value))
                for number, value in ((1, t1), (2, t2))
            ]
            return appa55ii.build_frame(
                None if over[0] else t1, None if over[1] else t2, unit=self.unit,
                hold=self.hold, mode=self.mode, overload=(over[0], over[1]),
            )


class ModbusTHModel(DeviceModel):
    """An XY-MD02-like transmitter: answers function 0x04 (and 0x03 settings) with CRC."""

    protocol = "modbus-th"
    title = modbus_th.ModbusTHDriver.title
    streaming = False
    channel_count = 1

    def __init__(self, temps: Sequence[TempSpec], *, address: int = 1,
                 temperature_register: int = 0x0001, humidity_register: int = 0x0002,
                 humidity: float = 45.0, **kwargs: Any) -> None:
        self.address = address
        self.temperature_register = temperature_register
        self.humidity_register = humidity_register
        self.humidity = humidity
        self._requests = modbus_th.ModbusRequestBuffer()
        super().__init__(temps, **kwargs)

    @property
    def start_bytes(self) -> bytes:  # type: ignore[override]
        return bytes([self.address])

    def _registers(self, function: int, now: float) -> dict[int, int]:
        if function == modbus_th.READ_HOLDING:
            return {0x0101: self.address, 0x0102: 0, 0x0103: 0, 0x0104: 0}
        temp = self.values_c(now)[0]
        return {
            self.temperature_register: round((temp or 0.0) * 10),
            self.humidity_register: round(self.humidity * 10),
        }

    def answer(self, data: bytes, now: float) -> bytes:
        out = b""
        for frame in self._requests.feed(data):
            address, function, first, count = modbus_th.parse_request(frame)
            if address != self.address:
                continue  # another slave on the bus: stay silent, as RS-485 devices do
            registers = self._registers(function, now)
            wanted = range(first, first + count)
            if not 1 <= count <= 16 or any(r not in registers for r in wanted):
                out += modbus_th.build_exception(address, function, 2)
            else:
                out += modbus_th.build_response(address, function, [registers[r] for r in wanted])
        return out


class SimulatedModel(Lutron16Model):
    """The `simulated` protocol speaks the Lutron format (see drivers.protocols.simulated)."""

    protocol = "simulated"
    title = "Simulated thermometer (demo / training)"


MODELS: dict[str, type[DeviceModel]] = {
    m.protocol: m
    for m in (Center309Model, Lutron16Model, MS6514Model, Appa55IIModel, ModbusTHModel,
              SimulatedModel)
}


def model_for(protocol: str, temps: Sequence[TempSpec], **kwargs: Any) -> DeviceModel:
    """A device model by protocol name; KeyError naming the known ones."""
    try:
        cls = MODELS[protocol]
    except KeyError:
        raise KeyError(
            f"no emulator for {protocol!r}; emulated protocols: {', '.join(sorted(MODELS))}"
        ) from None
    return cls(temps, **kwargs)
