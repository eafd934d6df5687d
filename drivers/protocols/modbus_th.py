"""Modbus-RTU temperature/humidity transmitters (XY-MD02 and other SHT20 boards), RS-485.

Default 9600 baud, slave address 1, function 0x04, input register 0x0001 = temperature
(int16 x 10), 0x0002 = humidity (x 10). Register maps vary by seller, so the address, function,
registers and scale are settings (`ModbusTHConfig`, or driver options of the same names).

Temperature is reported on channel 1; humidity, when read, as a "%RH" Reading on channel 2
(it has no value_c, so it can never pass for a temperature). Frames are checked by CRC-16/Modbus
(low byte first), slave address, function and byte count; a USB-RS485 adapter's echo of our
own request is skipped by the same resynchronisation. A Modbus exception answer is a valid
frame but raises `DeviceError` naming the exception.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from ..base import Driver
from ..checksums import crc16_modbus, crc16_modbus_bytes
from ..errors import DeviceError, FrameError
from ..framing import NEED_MORE, NO_FRAME, FrameBuffer
from ..reading import Reading
from ..registry import register

READ_HOLDING = 0x03
READ_INPUT = 0x04
MAX_SPAN = 16
EXCEPTIONS = {
    1: "illegal function",
    2: "illegal data address",
    3: "illegal data value",
    4: "slave device failure",
    6: "slave device busy",
}
HUMIDITY_CHANNEL = 2


@dataclass(frozen=True)
class ModbusTHConfig:
    """Where a transmitter keeps its values; defaults are the XY-MD02's."""

    address: int = 1
    function: int = READ_INPUT
    temperature_register: int = 0x0001
    humidity_register: int | None = 0x0002
    read_humidity: bool = False
    scale: float = 10.0

    def __post_init__(self) -> None:
        if not 1 <= self.address <= 247:
            raise ValueError("Modbus slave address must be 1..247")
        if self.function not in (READ_HOLDING, READ_INPUT):
            raise ValueError("function must be 3 (holding) or 4 (input registers)")
        if self.read_humidity and self.humidity_register is None:
            raise ValueError("read_humidity needs a humidity_register")
        if self.count > MAX_SPAN:
            raise ValueError(f"registers must lie within {MAX_SPAN} of each other")
        if self.scale <= 0:
            raise ValueError("scale must be positive")

    @property
    def registers(self) -> tuple[int, ...]:
        regs = [self.temperature_register]
        if self.read_humidity and self.humidity_register is not None:
            regs.append(self.humidity_register)
        return tuple(regs)

    @property
    def first_register(self) -> int:
        return min(self.registers)

    @property
    def count(self) -> int:
        return max(self.registers) - self.first_register + 1

    @property
    def response_size(self) -> int:
        return 5 + 2 * self.count


DEFAULT_CONFIG = ModbusTHConfig()
CONFIG_OPTIONS = tuple(f.name for f in fields(ModbusTHConfig))


def crc_ok(frame: bytes) -> bool:
    """Whether the last two bytes are the CRC of the rest (low byte first)."""
    return len(frame) >= 4 and crc16_modbus(frame[:-2]) == int.from_bytes(frame[-2:], "little")


def build_request(config: ModbusTHConfig = DEFAULT_CONFIG) -> bytes:
    """The read request for `config`, e.g. `01 04 00 01 00 01 60 0A`."""
    body = bytes([config.address, config.function])
    body += config.first_register.to_bytes(2, "big") + config.count.to_bytes(2, "big")
    return body + crc16_modbus_bytes(body)


def parse_request(frame: bytes) -> tuple[int, int, int, int]:
    """(address, function, first register, count) of an 8-byte read request; for emulators."""
    if len(frame) != 8 or not crc_ok(frame):
        raise FrameError("not a Modbus read request (length or CRC)")
    return frame[0], frame[1], int.from_bytes(frame[2:4], "big"), int.from_bytes(frame[4:6], "big")


def build_response(address: int, function: int, registers: list[int]) -> bytes:
    """A read answer carrying `registers` (ints, stored as 16-bit two's complement)."""
    data = b"".join((r & 0xFFFF).to_bytes(2, "big") for r in registers)
    body = bytes([address, function, len(data)]) + data
    return body + crc16_modbus_bytes(body)


def build_exception(address: int, function: int, code: int) -> bytes:
    """A Modbus exception answer."""
    body = bytes([address, function | 0x80, code])
    return body + crc16_modbus_bytes(body)


def parse_frame(
    frame: bytes,
    *,
    config: ModbusTHConfig = DEFAULT_CONFIG,
    t_wall: float | None = None,
    t_mono: float | None = None,
) -> list[Reading]:
    """Decode one answer; registers are taken to start at `config.first_register`.

    FrameError if the CRC, address, function or byte count is wrong; DeviceError for a valid
    exception answer.
    """
    if len(frame) < 5 or not crc_ok(frame):
        raise FrameError("Modbus frame too short or CRC mismatch")
    if frame[0] != config.address:
        raise FrameError(f"answer from slave {frame[0]}, expected {config.address}")
    if frame[1] == config.function | 0x80 and len(frame) == 5:
        code = frame[2]
        raise DeviceError(
            f"Modbus slave {frame[0]} answered exception {code} "
            f"({EXCEPTIONS.get(code, 'unknown')}): check the address and register settings"
        )
    if frame[1] != config.function:
        raise FrameError(f"answer to function {frame[1]}, expected {config.function}")
    if frame[2] != len(frame) - 5 or frame[2] % 2:
        raise FrameError("Modbus byte count does not match the frame length")
    t_wall = time.time() if t_wall is None else t_wall
    t_mono = time.monotonic() if t_mono is None else t_mono
    readings = []
    for index in range(frame[2] // 2):
        register_no = config.first_register + index
        word = int.from_bytes(frame[3 + 2 * index:5 + 2 * index], "big", signed=True)
        value = round(word / config.scale, 3)
        if register_no == config.temperature_register:
            readings.append(Reading(value, value, "C", 1, t_wall, t_mono))
        elif register_no == config.humidity_register:
            readings.append(Reading(None, value, "%RH", HUMIDITY_CHANNEL, t_wall, t_mono))
    readings.sort(key=lambda r: r.channel)
    return readings


class ModbusResponseBuffer(FrameBuffer):
    """Finds answers from our slave to our function with the expected byte count."""

    def __init__(self, config: ModbusTHConfig = DEFAULT_CONFIG) -> None:
        super().__init__()
        self.config = config
        self.start = bytes([config.address])

    def match(self, buf: bytearray, i: int) -> int:
        available = len(buf) - i
        if available < 3:
            return NEED_MORE
        function = buf[i + 1]
        if function == self.config.function | 0x80:
            size = 5
        elif function == self.config.function and buf[i + 2] == 2 * self.config.count:
            size = self.config.response_size
        else:
            return NO_FRAME
        if available < size:
            return NEED_MORE
        return size if crc_ok(bytes(buf[i:i + size])) else NO_FRAME


class ModbusRequestBuffer(FrameBuffer):
    """Finds read requests addressed to anyone (the emulator decides whether to answer)."""

    start = b""

    def match(self, buf: bytearray, i: int) -> int:
        if len(buf) - i < 8:
            return NEED_MORE
        if buf[i + 1] not in (READ_HOLDING, READ_INPUT):
            return NO_FRAME
        return 8 if crc_ok(bytes(buf[i:i + 8])) else NO_FRAME


@register
class ModbusTHDriver(Driver):
    """Request/response driver for Modbus-RTU temperature/humidity transmitters."""

    name: ClassVar[str] = "modbus-th"
    title: ClassVar[str] = "Modbus-RTU temperature/humidity transmitter (XY-MD02)"
    frame_size: ClassVar[int] = DEFAULT_CONFIG.response_size
    streaming: ClassVar[bool] = False
    default_poll_interval: ClassVar[float] = 0.5
    default_response_timeout: ClassVar[float] = 0.3

    def configure(self, options: dict[str, Any]) -> None:
        config = options.pop("config", None)
        given = {key: options.pop(key) for key in CONFIG_OPTIONS if key in options}
        if config is not None and given:
            raise TypeError("give either config= or individual register settings, not both")
        self.config = config or ModbusTHConfig(**given)
        self._request = build_request(self.config)

    def request_bytes(self) -> bytes:
        return self._request

    def response_size(self) -> int:
        return self.config.response_size

    def make_buffer(self) -> ModbusResponseBuffer:
        return ModbusResponseBuffer(self.config)

    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        return parse_frame(frame, config=self.config, t_wall=t_wall, t_mono=t_mono)
