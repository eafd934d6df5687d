"""Lutron "16-digit data stream" (TM-946, TM-947SD, BTM-4208SD; Sper and MRC rebadges).

9600 baud, streamed continuously, one 16-byte ASCII frame per value; multichannel meters send
each channel in turn. The format has no checksum, so every byte is checked against its field:
a frame with a non-digit where a digit belongs is rejected, not guessed at.

    D15 0x02 | D14 '4' | D13 channel hex digit | D12-D11 unit | D10 sign | D9 decimals |
    D8-D1 eight digits | D0 0x0D

The format carries no hold or battery flag.
"""

from __future__ import annotations

import time
from typing import ClassVar

from ..base import Driver
from ..errors import FrameError
from ..framing import FixedFrameBuffer
from ..reading import Reading
from ..registry import register
from ..units import to_celsius, unit_flags, unknown_unit

FRAME_SIZE = 16
START = 0x02
END = 0x0D

UNIT_CODES = {"01": "C", "02": "F", "04": "%RH"}
CODE_FOR_UNIT = {unit: code for code, unit in UNIT_CODES.items()}
_CHANNEL_DIGITS = "123456789ABC"  # 'A'..'C' are channels 10..12
_DIGITS = frozenset(b"0123456789")
_UNIT_CHARS = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _check(frame: bytes) -> None:
    if len(frame) != FRAME_SIZE:
        raise FrameError(f"Lutron frame must be {FRAME_SIZE} bytes, got {len(frame)}")
    if frame[0] != START or frame[15] != END:
        raise FrameError("Lutron frame must start with 0x02 and end with 0x0D")
    if frame[1] != 0x34:
        raise FrameError("Lutron frame byte D14 must be '4'")
    if chr(frame[2]) not in _CHANNEL_DIGITS:
        raise FrameError(f"bad Lutron channel digit {frame[2]:#04x}")
    if frame[3] not in _UNIT_CHARS or frame[4] not in _UNIT_CHARS:
        raise FrameError("bad Lutron unit code")
    if frame[5] not in b"01":
        raise FrameError("bad Lutron sign digit")
    if frame[6] not in b"0123":
        raise FrameError("bad Lutron decimal-point digit")
    if not all(b in _DIGITS for b in frame[7:15]):
        raise FrameError("bad Lutron value digits")


def is_valid(frame: bytes) -> bool:
    """Whether `frame` is a structurally valid Lutron frame."""
    try:
        _check(frame)
    except FrameError:
        return False
    return True


def parse_frame(
    frame: bytes, *, t_wall: float | None = None, t_mono: float | None = None
) -> list[Reading]:
    """Decode one 16-byte frame into one Reading; FrameError if it is not a valid frame."""
    _check(frame)
    channel = _CHANNEL_DIGITS.index(chr(frame[2])) + 1
    code = frame[3:5].decode("ascii")
    unit = UNIT_CODES.get(code) or unknown_unit(code)
    raw = int(frame[7:15]) / 10 ** (frame[6] - 0x30)
    if frame[5] == 0x31:
        raw = -raw
    return [
        Reading(
            value_c=to_celsius(raw, unit),
            raw_value=raw,
            unit=unit,
            channel=channel,
            t_wall=time.time() if t_wall is None else t_wall,
            t_mono=time.monotonic() if t_mono is None else t_mono,
            flags=unit_flags(unit),
        )
    ]


def build_frame(channel: int, value: float, *, unit: str = "C", decimals: int = 1,
                unit_code: str | None = None) -> bytes:
    """Encode one value the way the meter sends it (for emulators and tests)."""
    code = unit_code if unit_code is not None else CODE_FOR_UNIT[unit]
    if len(code) != 2:
        raise ValueError("Lutron unit code is two characters")
    if not 1 <= channel <= len(_CHANNEL_DIGITS):
        raise ValueError(f"Lutron channels are 1..{len(_CHANNEL_DIGITS)}")
    scaled = round(abs(value) * 10**decimals)
    if scaled > 99_999_999:
        raise ValueError("value does not fit in eight digits")
    text = "4" + _CHANNEL_DIGITS[channel - 1] + code + ("1" if value < 0 and scaled else "0")
    text += f"{decimals}{scaled:08d}"
    return bytes([START]) + text.encode("ascii") + bytes([END])


class LutronFrameBuffer(FixedFrameBuffer):
    start = bytes([START])
    check_inner = True
    size = FRAME_SIZE

    def valid(self, frame: bytes) -> bool:
        return is_valid(frame)


@register
class Lutron16Driver(Driver):
    """Streaming driver for the Lutron 16-digit format."""

    name: ClassVar[str] = "lutron16"
    title: ClassVar[str] = "Lutron TM-946 / TM-947SD / BTM-4208SD (16-digit stream)"
    frame_size: ClassVar[int] = FRAME_SIZE
    wants_modem_lines: ClassVar[bool] = True

    def make_buffer(self) -> LutronFrameBuffer:
        return LutronFrameBuffer()

    def parse(self, frame: bytes, t_wall: float, t_mono: float) -> list[Reading]:
        return parse_frame(frame, t_wall=t_wall, t_mono=t_mono)
