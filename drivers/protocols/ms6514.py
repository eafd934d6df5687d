"""MASTECH MS6514 dual thermocouple thermometer (CP2102 bridge, streams ~2 Hz with PC-link on).

18 bytes: `65 14`, status, memory index, main and secondary display values, ..., `0D 0A`.
No checksum: a frame is accepted on its header, trailer and length, and not while a valid frame
starts inside it (a cut frame followed by the next one could otherwise line up).

    2      bit0 stored reading (memory playback), else live
    5-6    main display, 7-8 secondary display: unsigned big-endian
    10     bit6 HOLD, bit5 REC, bits1-0 unit (1 °C, 2 °F, 3 K)
    11/12  main/secondary modifiers: bit7 minus, bit6 overload, bit3 tenths;
           (byte12 & 3) << 2 | (byte11 & 3) says which channel each display shows
    13-15  device clock hh mm ss (None when it is not a time of day)

Each display becomes one Reading on the channel it shows. A display showing T1-T2 is reported on
channel 1 flagged REL, and a secondary display showing MAX/MIN/AVG (of the main display's
channel) is flagged so; both are refused by the procedure, while the live display beside them
stays usable.
"""

from __future__ import annotations

import time
from typing import ClassVar

from ..base import Driver
from ..errors import FrameError
from ..framing import FixedFrameBuffer
from ..reading import AVG, HOLD, MAX, MIN, OVERLOAD, REL, STORED, Reading
from ..registry import register
from ..units import to_celsius, unit_flags, unknown_unit

FRAME_SIZE = 18
HEADER = b"\x65\x14"
TRAILER = b"\x0d\x0a"
UNITS = {1: "C", 2: "F", 3: "K"}
UNIT_CODES = {unit: code for code, unit in UNITS.items()}

T1, T2, T1_MINUS_T2 = 0, 1, 2
# Index (byte12 & 3) << 2 | (byte11 & 3) -> (main shows, secondary shows); from the sigrok wiki.
# In the MAX, MIN and AVG modes (byte12 & 3 = 1, 2, 3) the secondary display shows that
# statistic of the main display's channel.
_NORMAL = ((T1, T2), (T2, T1), (T1_MINUS_T2, T1), (T1_MINUS_T2, T2))
_STATISTIC = ((T1, T1), (T2, T2), (T1_MINUS_T2, T1_MINUS_T2), (T1_MINUS_T2, T1_MINUS_T2))
_ASSIGNMENT = _NORMAL + _STATISTIC * 3
_SECONDARY_MODE = {0: None, 1: MAX, 2: MIN, 3: AVG}


def is_valid(frame: bytes) -> bool:
    """Whether `frame` has the length, header and trailer of an MS6514 frame."""
    return len(frame) == FRAME_SIZE and frame[:2] == HEADER and frame[16:] == TRAILER


def _device_time(frame: bytes) -> str | None:
    hh, mm, ss = frame[13], frame[14], frame[15]
    if hh < 24 and mm < 60 and ss < 60:
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    return None


def parse_frame(
    frame: bytes, *, t_wall: float | None = None, t_mono: float | None = None
) -> list[Reading]:
    """Decode one frame into two Readings (main and secondary display); FrameError if invalid."""
    if not is_valid(frame):
        raise FrameError("MS6514 frame must be 18 bytes, 65 14 ... 0D 0A")
    unit_code = frame[10] & 0x03
    unit = UNITS.get(unit_code) or unknown_unit(f"{unit_code:02X}")
    common: set[str] = set(unit_flags(unit))
    if frame[10] & 0x40:
        common.add(HOLD)
    if frame[2] & 0x01:
        common.add(STORED)
    shows = _ASSIGNMENT[((frame[12] & 0x03) << 2) | (frame[11] & 0x03)]
    secondary_mode = _SECONDARY_MODE[frame[12] & 0x03]
    t_wall = time.time() if t_wall is None else t_wall
    t_mono = time.monotonic() if t_mono is None else t_mono
    device_time = _device_time(frame)
    readings = []
    for display in (0, 1):
        modifiers = frame[11 + display]
        flags = set(common)
        if shows[display] == T1_MINUS_T2:
            flags.add(REL)
        if display == 1 and secondary_mode:
            flags.add(secondary_mode)
        channel = 2 if shows[display] == T2 else 1
        if modifiers & 0x40:
            flags.add(OVERLOAD)
            raw = value_c = None
        else:
            raw = float(int.from_bytes(frame[5 + 2 * display:7 + 2 * display], "big"))
            if modifiers & 0x80:
                raw = -raw
            if modifiers & 0x08:
                raw /= 10
            value_c = to_celsius(raw, unit)
        readings.append(
            Reading(value_c, raw, unit, channel, t_wall, t_mono, frozenset(flags), device_time)
        )
    return readings


def build_frame(
    main: float | None,
    secondary: float | None,
    *,
    unit: str = "C",
    hold: bool = False,
    stored: bool = False,
    assignment: int = 0,
    clock: tuple[int, int, int] = (12, 30, 0),
    memory_index: int = 0,
) -> bytes:
    """Encode a frame (values in tenths of the display unit; None = overload)."""
    frame = bytearray(FRAME_SIZE)
    frame[0:2], frame[16:18] = HEADER, TRAILER
    frame[2] = 0x01 if stored else 0x00
    frame[3:5] = memory_index.to_bytes(2, "big")
    frame[9] = 0x01  # thermocouple type K
    frame[10] = UNIT_CODES[unit] | (0x40 if hold else 0)
    for display, value in enumerate((main, secondary)):
        modifiers = 0x08
        if value is None:
            modifiers |= 0x40
            value = 0.0
        elif value < 0:
            modifiers |= 0x80
        frame[5 + 2 * display:7 + 2 * display] = round(abs(value) * 10).to_bytes(2, "big")
        frame[11 + display] = modifiers
    frame[11] |= assignment & 0x03
    frame[12] |= (assignment >> 2) & 0x03
    frame[13:16] = bytes(clock)
    return bytes(frame)


class MS6514FrameBuffer(FixedFrameBuffer):
    start = HEADER
    check_inner = True
    size = FRAME_SIZE

    def valid(self, frame: bytes) -> bool:
        return is_valid(frame)


@register
class MS6514Driver(Driver):
    """Streaming driver for the MASTECH MS6514."""

    name: ClassVar[str] = "ms6514"
    title: ClassVar[str] = "MASTECH MS6514"
    frame_size: ClassVar[int] = FRAME_SIZE

    def make_buffer(self) -> MS6514FrameBuffer:
        return MS6514FrameBuffer()

    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        return parse_frame(frame, t_wall=t_wall, t_mono=t_mono)
