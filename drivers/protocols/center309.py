"""Center 309 / Voltcraft K204 (also Center 304): four thermocouple channels, request/response.

The PC sends `A` (0x41); the meter answers 45 bytes, 0x02 ... 0x03. No checksum: a frame is
accepted on its start byte, end byte and length only, and the driver clears its input before
each request so half an old answer cannot join a new one.

    byte 1   bit7 °C (else °F), bit6 low battery, bit5 HOLD, bit4 REL, bit3 T1-T2 shown,
             bits2-1 mode (0 normal, 1 MAX, 2 MIN, 3 MAX/MIN), bit0 recording
    7-14     T1..T4, int16 big-endian (read as signed; not confirmed by a document)
    15-38    REL, MIN and MAX copies of T1..T4 (not read)
    39       overload bit per channel (bit0 = T1) for the values in bytes 7-14, in every mode
    40-42    overload bits of the REL, MAX and MIN copies: not about bytes 7-14, so not read
             (Voltcraft K204 sheet "304,309 protocol of serial interface")
    43       per-channel bit; 0 = the value is in tenths

The T1..T4 bytes hold the channel temperatures whatever the display shows (libsigrok reads them
the same way), so "T1-T2 shown" is not a flag; REL/MIN/MAX are, and the procedure refuses them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..base import Driver
from ..errors import FrameError
from ..framing import FixedFrameBuffer
from ..reading import HOLD, LOW_BATTERY, MAX, MIN, OVERLOAD, REL, Reading
from ..registry import register
from ..units import to_celsius

FRAME_SIZE = 45
START = 0x02
END = 0x03
CHANNELS = 4
REQUEST = b"A"
KEY_UNIT = b"C"
KEY_HOLD = b"H"
KEY_MODEL = b"K"

_MODES = {0: (), 1: (MAX,), 2: (MIN,), 3: (MIN, MAX)}
_MODE_BITS = {None: 0, "max": 1, "min": 2, "maxmin": 3}


def is_valid(frame: bytes) -> bool:
    """Whether `frame` has the length and markers of a Center 309 answer."""
    return len(frame) == FRAME_SIZE and frame[0] == START and frame[44] == END


def parse_frame(
    frame: bytes, *, t_wall: float | None = None, t_mono: float | None = None
) -> list[Reading]:
    """Decode one 45-byte answer into four Readings (T1..T4); FrameError if invalid."""
    if not is_valid(frame):
        raise FrameError("Center 309 frame must be 45 bytes, 0x02 ... 0x03")
    status = frame[1]
    unit = "C" if status & 0x80 else "F"
    flags: set[str] = set(_MODES[(status >> 1) & 0x03])
    if status & 0x40:
        flags.add(LOW_BATTERY)
    if status & 0x20:
        flags.add(HOLD)
    if status & 0x10:
        flags.add(REL)
    overload = frame[39]
    t_wall = time.time() if t_wall is None else t_wall
    t_mono = time.monotonic() if t_mono is None else t_mono
    readings = []
    for i in range(CHANNELS):
        bit = 1 << i
        if overload & bit:
            raw = value_c = None
            channel_flags = frozenset(flags | {OVERLOAD})
        else:
            raw = int.from_bytes(frame[7 + 2 * i:9 + 2 * i], "big", signed=True)
            if not frame[43] & bit:
                raw /= 10
            raw = float(raw)
            value_c = to_celsius(raw, unit)
            channel_flags = frozenset(flags)
        readings.append(Reading(value_c, raw, unit, i + 1, t_wall, t_mono, channel_flags))
    return readings


def build_frame(
    values: Sequence[float | None],
    *,
    celsius: bool = True,
    hold: bool = False,
    low_battery: bool = False,
    rel: bool = False,
    mode: str | None = None,
    overload: Iterable[int] = (),
) -> bytes:
    """Encode an answer (values in the display unit, tenths; None or `overload` -> OL)."""
    frame = bytearray(FRAME_SIZE)
    frame[0], frame[44] = START, END
    frame[1] = (
        (0x80 if celsius else 0) | (0x40 if low_battery else 0) | (0x20 if hold else 0)
        | (0x10 if rel else 0) | (_MODE_BITS[mode] << 1)
    )
    over = set(overload)
    for i in range(CHANNELS):
        value = values[i] if i < len(values) else None
        if value is None or (i + 1) in over:
            frame[39] |= 1 << i
            value = 0.0
        frame[7 + 2 * i:9 + 2 * i] = round(value * 10).to_bytes(2, "big", signed=True)
    # An open channel has no REL/MAX/MIN either: its copies are overloaded too.
    if rel:
        frame[40] = frame[39]
    if mode in ("max", "maxmin"):
        frame[41] = frame[39]
    if mode in ("min", "maxmin"):
        frame[42] = frame[39]
    return bytes(frame)


class Center309FrameBuffer(FixedFrameBuffer):
    start = bytes([START])
    size = FRAME_SIZE

    def valid(self, frame: bytes) -> bool:
        return is_valid(frame)


@register
class Center309Driver(Driver):
    """Request/response driver: writes `A`, reads the 45-byte answer."""

    name: ClassVar[str] = "center309"
    title: ClassVar[str] = "Center 309 / Voltcraft K204"
    frame_size: ClassVar[int] = FRAME_SIZE
    request: ClassVar[bytes | None] = REQUEST
    streaming: ClassVar[bool] = False
    default_poll_interval: ClassVar[float] = 0.5

    def make_buffer(self) -> Center309FrameBuffer:
        return Center309FrameBuffer()

    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        return parse_frame(frame, t_wall=t_wall, t_mono=t_mono)
