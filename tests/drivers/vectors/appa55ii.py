"""APPA 55II (RS 55II) packets: `55 55`, type, content length, content, sum checksum.

Protocol description: /work/shared/domain/thermometers.md, section "appa55ii" (sigrok wiki
APPA_55II; libsigrok src/hardware/appa-55ii). It prints no example packet: every vector here is
built by hand from the documented offsets, checksum = sum of all preceding bytes & 0xFF.

Live content (type 00, 20 bytes): [0] probe type; [1] unit (1 °C, 2 °F, 3 K); [2-3] display
int16 LE; [13] upper nibble 2 = HOLD, bits3-2 1 MAX / 2 MIN / 3 AVG; [14-15] T1 int16 LE,
[16] T1 flags (bit0 tenths, bit5 or bit6 no value; no probe = 7F FF with bit5 set); [17-18] T2,
[19] T2 flags. Types 11/14/18/19 are log transfer: they carry no live reading.
"""

from __future__ import annotations

from drivers.protocols.appa55ii import build_frame
from drivers.reading import AVG, HOLD, MAX, MIN, NO_PROBE, OVERLOAD, UNKNOWN_UNIT

from . import Expect, Vector, h

DOC = "thermometers.md appa55ii"
BUILT = f"built by hand from the offsets in {DOC}"
SIGROK_UNIT = "sigrok 0.5.2 ignores the unit byte and reports °C"

VECTORS: tuple[Vector, ...] = (
    Vector(
        "°F and HOLD; T2 no probe as 7F FF without bit5 (still no probe)",
        h("55 55 00 14 01 02 F0 02 00 00 00 00 00 00 00 00 00 20 F0 02 01 FF 7F 00 44"),
        (Expect(1, 24.0, 75.2, "F", frozenset({HOLD})),
         Expect(2, None, None, "F", frozenset({HOLD, NO_PROBE}))),
        BUILT,
        sigrok_differs=SIGROK_UNIT + "; T2: sigrok reads 7F FF without bit5 as the value 32767, "
                       "the description reserves 7F FF for no probe",
    ),
    Vector(
        "T1 no probe as the meter sends it: 7F FF with bit5 set",
        h("55 55 00 14 01 01 D7 00 00 00 00 00 00 00 00 00 00 00 FF 7F 20 D7 00 01 0D"),
        (Expect(1, None, None, flags=frozenset({NO_PROBE})), Expect(2, 21.5, 21.5)),
        f"{BUILT}; the project's emulator with T1 unset and T2 21.5 (issue #13 item 2)",
        encoded=lambda: build_frame(None, 21.5),
    ),
    Vector(
        "bit6 and bit5 each mean no value (overload) whatever the value bytes say",
        h("55 55 00 14 01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 40 D7 00 20 F7"),
        (Expect(1, None, None, flags=frozenset({OVERLOAD})),
         Expect(2, None, None, flags=frozenset({OVERLOAD}))),
        BUILT,
    ),
    Vector(
        "whole degrees (bit0 clear) and a negative value in tenths",
        h("55 55 00 14 01 01 15 00 00 00 00 00 00 00 00 00 00 00 15 00 00 CC FF 01 B6"),
        (Expect(1, 21.0, 21.0), Expect(2, -5.2, -5.2)),
        BUILT,
    ),
    Vector(
        "kelvin, MAX mode",
        h("55 55 00 14 01 03 96 0B 00 00 00 00 00 00 00 00 00 04 96 0B 01 9A 0B 01 AF"),
        (Expect(1, 23.45, 296.6, "K", frozenset({MAX})),
         Expect(2, 23.85, 297.0, "K", frozenset({MAX}))),
        BUILT,
        sigrok_differs=SIGROK_UNIT,
        encoded=lambda: build_frame(296.6, 297.0, unit="K", mode="max"),
    ),
    Vector(
        "MIN mode",
        h("55 55 00 14 01 01 C8 00 00 00 00 00 00 00 00 00 00 08 C8 00 01 C9 00 01 23"),
        (Expect(1, 20.0, 20.0, flags=frozenset({MIN})),
         Expect(2, 20.1, 20.1, flags=frozenset({MIN}))),
        BUILT,
        encoded=lambda: build_frame(20.0, 20.1, mode="min"),
    ),
    Vector(
        "AVG mode with HOLD",
        h("55 55 00 14 01 01 C8 00 00 00 00 00 00 00 00 00 00 2C C8 00 01 C9 00 01 47"),
        (Expect(1, 20.0, 20.0, flags=frozenset({HOLD, AVG})),
         Expect(2, 20.1, 20.1, flags=frozenset({HOLD, AVG}))),
        BUILT,
        encoded=lambda: build_frame(20.0, 20.1, hold=True, mode="avg"),
    ),
    Vector(
        "unit code 0 is unknown: reported, never used",
        h("55 55 00 14 01 00 C8 00 00 00 00 00 00 00 00 00 00 00 C8 00 01 C9 00 01 1A"),
        (Expect(1, None, 20.0, "?00", frozenset({UNKNOWN_UNIT})),
         Expect(2, None, 20.1, "?00", frozenset({UNKNOWN_UNIT}))),
        BUILT,
    ),
    Vector(
        "log transfer packet (type 18, empty): a frame, but no reading",
        h("55 55 18 00 C2"),
        (),
        BUILT,
    ),
)
