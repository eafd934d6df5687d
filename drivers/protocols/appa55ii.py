"""APPA 55II (RS 55II) dual thermometer: optical RS-232, 9600 baud, streams ~3 Hz.

Packet: `55 55`, type, content length, content, checksum (sum of all preceding bytes & 0xFF).
Type 0x00 is live data (20 content bytes, 25 in all); 0x11/0x14/0x18/0x19 are log transfer
packets, accepted as frames (they keep the stream in sync) but they carry no live reading.
An 8-bit sum passes a spliced window (a cut frame plus the next frame's head) 1 time in 256,
so the splitter also refuses a window inside which a valid packet starts.

Live content offsets:
    [1]      unit (1 °C, 2 °F, 3 K)
    [13]     display mode: upper nibble 0x2 = HOLD; bits3-2 1 MAX, 2 MIN, 3 AVG
    [14-15]  T1 int16 little-endian, [16] T1 flags: bit0 tenths, bit5/bit6 no value
    [17-18]  T2, [19] T2 flags; a meter with no probe sends 0x7FFF with bit5 set

"No value" (bit5/bit6) is reported as OVERLOAD and 0x7FFF as NO_PROBE; both have no value_c.
0x7FFF is reserved for "no probe", so the encoder refuses a value that would need it (3276.7).
"""

from __future__ import annotations

import math
import time
from typing import ClassVar

from ..base import Driver
from ..checksums import sum8
from ..errors import FrameError
from ..framing import NEED_MORE, NO_FRAME, FrameBuffer
from ..reading import AVG, HOLD, MAX, MIN, NO_PROBE, OVERLOAD, Reading
from ..registry import register
from ..units import to_celsius, unit_flags, unknown_unit

HEADER = b"\x55\x55"
LIVE = 0x00
LIVE_LENGTH = 20
FRAME_SIZE = 4 + LIVE_LENGTH + 1
LOG_TYPES = frozenset({0x11, 0x14, 0x18, 0x19})
MAX_CONTENT = 32
NO_PROBE_RAW = 0x7FFF
NO_VALUE = 0x20  # flag bit5, set with NO_PROBE_RAW by a meter without a probe
TENTHS = 0x01
OVERLOAD_FLAG = 0x40
# Tenths a live value may carry: int16 without the no-probe pattern.
MIN_TENTHS, MAX_TENTHS = -0x8000, NO_PROBE_RAW - 1
UNITS = {1: "C", 2: "F", 3: "K"}
UNIT_CODES = {unit: code for code, unit in UNITS.items()}
_MODE = {0x04: MAX, 0x08: MIN, 0x0C: AVG}
_MODE_BITS = {None: 0x00, "max": 0x04, "min": 0x08, "avg": 0x0C}


def _header_ok(ptype: int, length: int) -> bool:
    if ptype == LIVE:
        return length == LIVE_LENGTH
    return ptype in LOG_TYPES and length <= MAX_CONTENT


def is_valid(frame: bytes) -> bool:
    """Whether `frame` is one complete packet with a known type and a correct checksum."""
    return (
        len(frame) >= 5
        and frame[:2] == HEADER
        and _header_ok(frame[2], frame[3])
        and len(frame) == frame[3] + 5
        and sum8(frame[:-1]) == frame[-1]
    )


def parse_frame(
    frame: bytes, *, t_wall: float | None = None, t_mono: float | None = None
) -> list[Reading]:
    """Decode one packet: two Readings (T1, T2) for live data, none for log packets."""
    if not is_valid(frame):
        raise FrameError("not a valid APPA 55II packet (header, type, length or checksum)")
    if frame[2] != LIVE:
        return []
    content = frame[4:-1]
    unit = UNITS.get(content[1]) or unknown_unit(f"{content[1]:02X}")
    flags: set[str] = set(unit_flags(unit))
    mode = content[13]
    if mode & 0xF0 == 0x20:
        flags.add(HOLD)
    if mode & 0x0C:
        flags.add(_MODE[mode & 0x0C])
    t_wall = time.time() if t_wall is None else t_wall
    t_mono = time.monotonic() if t_mono is None else t_mono
    readings = []
    for channel in (1, 2):
        offset = 14 + 3 * (channel - 1)
        raw_int = int.from_bytes(content[offset:offset + 2], "little", signed=True)
        channel_flags = content[offset + 2]
        this = set(flags)
        raw: float | None
        if raw_int == NO_PROBE_RAW:
            this.add(NO_PROBE)
            raw = value_c = None
        elif channel_flags & (NO_VALUE | OVERLOAD_FLAG):
            this.add(OVERLOAD)
            raw = value_c = None
        else:
            raw = raw_int / 10 if channel_flags & TENTHS else float(raw_int)
            value_c = to_celsius(raw, unit)
        readings.append(Reading(value_c, raw, unit, channel, t_wall, t_mono, frozenset(this)))
    return readings


def build_packet(ptype: int, content: bytes) -> bytes:
    """Frame `content` as a packet of type `ptype` with its checksum."""
    body = HEADER + bytes([ptype, len(content)]) + content
    return body + bytes([sum8(body)])


def encodable(value: float) -> bool:
    """Whether a live value fits the format in tenths (int16, 0x7FFF reserved for no probe)."""
    return math.isfinite(value) and MIN_TENTHS <= round(value * 10) <= MAX_TENTHS


def build_frame(
    t1: float | None,
    t2: float | None,
    *,
    unit: str = "C",
    hold: bool = False,
    mode: str | None = None,
    overload: tuple[bool, bool] = (False, False),
) -> bytes:
    """Encode a live packet (display unit, tenths; overload wins, then None = no probe).

    ValueError for a value that is not `encodable`."""
    content = bytearray(LIVE_LENGTH)
    content[0] = 0x01  # probe type K
    content[1] = UNIT_CODES[unit]
    content[13] = (0x20 if hold else 0x00) | _MODE_BITS[mode]
    display = None
    for i, value in enumerate((t1, t2)):
        offset = 14 + 3 * i
        if overload[i]:
            content[offset + 2] = OVERLOAD_FLAG
            continue
        if value is None:
            content[offset:offset + 2] = NO_PROBE_RAW.to_bytes(2, "little")
            content[offset + 2] = NO_VALUE
            continue
        if not encodable(value):
            raise ValueError(f"APPA 55II values run from {MIN_TENTHS / 10} to "
                             f"{MAX_TENTHS / 10}, not {value}")
        content[offset:offset + 2] = round(value * 10).to_bytes(2, "little", signed=True)
        content[offset + 2] = TENTHS
        display = value if display is None else display
    content[2:4] = round((display or 0.0) * 10).to_bytes(2, "little", signed=True)
    return build_packet(LIVE, bytes(content))


class Appa55IIFrameBuffer(FrameBuffer):
    start = HEADER
    check_inner = True

    def match(self, buf: bytearray, i: int) -> int:
        if len(buf) - i < 4:
            return NEED_MORE
        if not _header_ok(buf[i + 2], buf[i + 3]):
            return NO_FRAME
        size = buf[i + 3] + 5
        if len(buf) - i < size:
            return NEED_MORE
        return size if is_valid(bytes(buf[i:i + size])) else NO_FRAME


@register
class Appa55IIDriver(Driver):
    """Streaming driver for the APPA 55II."""

    name: ClassVar[str] = "appa55ii"
    title: ClassVar[str] = "APPA 55II / RS 55II"
    frame_size: ClassVar[int] = FRAME_SIZE

    def make_buffer(self) -> Appa55IIFrameBuffer:
        return Appa55IIFrameBuffer()

    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        return parse_frame(frame, t_wall=t_wall, t_mono=t_mono)
