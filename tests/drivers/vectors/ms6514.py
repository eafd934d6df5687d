"""MASTECH MS6514 frames, 18 bytes, streamed about twice a second.

Protocol description: /work/shared/domain/thermometers.md, section "ms6514" (sigrok wiki
MASTECH_MS6514; libsigrok src/hardware/mastech-ms6514), including the MIN/MAX display rule.

Layout: 0-1 = 65 14; 2 bit0 stored reading; 3-4 memory index; 5-6 main, 7-8 secondary display,
unsigned BE; 9 thermocouple type; 10 bit6 HOLD, bit5 REC, bits1-0 unit (1 °C, 2 °F, 3 K);
11 main / 12 secondary modifiers: bit7 minus, bit6 overload, bit3 tenths; (byte12 & 3) << 2 |
(byte11 & 3) = which channel each display shows, byte12 & 3 = 1/2/3 MAX/MIN/AVG on the secondary
display, which then shows the main display's channel; 13-15 device clock hh mm ss; 16-17 0D 0A.
"""

from __future__ import annotations

from drivers.protocols.ms6514 import build_frame
from drivers.reading import AVG, HOLD, MAX, MIN, OVERLOAD, REL, STORED, UNKNOWN_UNIT

from . import Expect, Vector, h

DOC = "thermometers.md ms6514"
BUILT = f"built by hand from the byte layout in {DOC}"


def pair(main: Expect, secondary: Expect) -> tuple[Expect, ...]:
    return (main, secondary)


VECTORS: tuple[Vector, ...] = (
    Vector(
        "printed example: live, T1 23.5 °C main, T2 24.1 °C secondary",
        h("65 14 00 00 00 00 EB 00 F1 01 01 08 08 0C 1E 00 0D 0A"),
        pair(Expect(1, 23.5, 23.5, device_time="12:30:00"),
             Expect(2, 24.1, 24.1, device_time="12:30:00")),
        f"{DOC} built example",
        encoded=lambda: build_frame(23.5, 24.1),
    ),
    Vector(
        "MIN mode: the secondary display shows T1's minimum, not T2",
        h("65 14 00 00 00 00 d7 00 d7 01 01 08 0a 03 38 3b 0d 0a"),
        pair(Expect(1, 21.5, 21.5, device_time="03:56:59"),
             Expect(1, 21.5, 21.5, flags=frozenset({MIN}), device_time="03:56:59")),
        f"{DOC} MIN example; the project's emulator with T1 21.5, T2 30.0 in MIN mode "
        "(issue #13 item 1)",
        encoded=lambda: build_frame(21.5, 21.5, assignment=8, clock=(3, 56, 59)),
    ),
    Vector(
        "MIN mode with T2 on the main display: the secondary shows T2's minimum",
        h("65 14 00 00 00 01 2C 01 2A 01 01 09 0A 08 00 00 0D 0A"),
        pair(Expect(2, 30.0, 30.0, device_time="08:00:00"),
             Expect(2, 29.8, 29.8, flags=frozenset({MIN}), device_time="08:00:00")),
        BUILT,
        encoded=lambda: build_frame(30.0, 29.8, assignment=9, clock=(8, 0, 0)),
    ),
    Vector(
        "assignment 1: T2 on the main display, T1 on the secondary",
        h("65 14 00 00 00 00 C8 00 D2 01 01 09 08 17 3B 3B 0D 0A"),
        pair(Expect(2, 20.0, 20.0, device_time="23:59:59"),
             Expect(1, 21.0, 21.0, device_time="23:59:59")),
        BUILT,
        encoded=lambda: build_frame(20.0, 21.0, assignment=1, clock=(23, 59, 59)),
    ),
    Vector(
        "assignment 2: T1-T2 on the main display (channel 1, REL), T1 on the secondary",
        h("65 14 00 00 00 00 0A 00 D2 01 01 8A 08 00 00 00 0D 0A"),
        pair(Expect(1, -1.0, -1.0, flags=frozenset({REL}), device_time="00:00:00"),
             Expect(1, 21.0, 21.0, device_time="00:00:00")),
        BUILT,
        encoded=lambda: build_frame(-1.0, 21.0, assignment=2, clock=(0, 0, 0)),
    ),
    Vector(
        "assignment 3: T1-T2 on the main display, T2 on the secondary",
        h("65 14 00 00 00 00 0A 00 C8 01 01 0B 08 0C 00 00 0D 0A"),
        pair(Expect(1, 1.0, 1.0, flags=frozenset({REL}), device_time="12:00:00"),
             Expect(2, 20.0, 20.0, device_time="12:00:00")),
        BUILT,
        encoded=lambda: build_frame(1.0, 20.0, assignment=3, clock=(12, 0, 0)),
    ),
    Vector(
        "MAX mode with T2 on the main display: T2 and T2's maximum",
        h("65 14 00 00 00 00 C8 00 FA 01 01 09 09 0C 00 00 0D 0A"),
        pair(Expect(2, 20.0, 20.0, device_time="12:00:00"),
             Expect(2, 25.0, 25.0, flags=frozenset({MAX}), device_time="12:00:00")),
        BUILT,
        encoded=lambda: build_frame(20.0, 25.0, assignment=5, clock=(12, 0, 0)),
    ),
    Vector(
        "AVG mode with T1-T2 on the main display: both displays are REL, the second AVG",
        h("65 14 00 00 00 00 05 00 06 01 01 0A 0B 0C 00 00 0D 0A"),
        pair(Expect(1, 0.5, 0.5, flags=frozenset({REL}), device_time="12:00:00"),
             Expect(1, 0.6, 0.6, flags=frozenset({REL, AVG}), device_time="12:00:00")),
        BUILT,
        encoded=lambda: build_frame(0.5, 0.6, assignment=14, clock=(12, 0, 0)),
    ),
    Vector(
        "whole-degree displays (no tenths bit), one negative",
        h("65 14 00 00 00 00 17 00 05 01 01 00 80 0C 00 00 0D 0A"),
        pair(Expect(1, 23.0, 23.0, device_time="12:00:00"),
             Expect(2, -5.0, -5.0, device_time="12:00:00")),
        BUILT,
    ),
    Vector(
        "overload on the main display, negative tenths on the secondary",
        h("65 14 00 00 00 00 00 00 19 01 01 48 88 0C 00 00 0D 0A"),
        pair(Expect(1, None, None, flags=frozenset({OVERLOAD}), device_time="12:00:00"),
             Expect(2, -2.5, -2.5, device_time="12:00:00")),
        BUILT,
        encoded=lambda: build_frame(None, -2.5, clock=(12, 0, 0)),
    ),
    Vector(
        "stored reading, HOLD, °F; device clock hour 24 is not a time of day",
        h("65 14 01 00 07 02 A8 02 B2 01 42 08 08 18 00 00 0D 0A"),
        pair(Expect(1, 20.0, 68.0, "F", frozenset({STORED, HOLD})),
             Expect(2, 20.556, 69.0, "F", frozenset({STORED, HOLD}))),
        BUILT,
        encoded=lambda: build_frame(68.0, 69.0, unit="F", hold=True, stored=True,
                                     clock=(24, 0, 0), memory_index=7),
    ),
    Vector(
        "kelvin, REC bit (not a flag); device clock minute 60 is not a time of day",
        h("65 14 00 00 00 0B 95 0B 9F 01 23 08 08 0C 3C 00 0D 0A"),
        pair(Expect(1, 23.35, 296.5, "K"), Expect(2, 24.35, 297.5, "K")),
        BUILT,
    ),
    Vector(
        "unit code 0 is unknown: reported, never used; second 60 is not a time of day",
        h("65 14 00 00 00 00 C8 00 C8 01 00 08 08 0C 00 3C 0D 0A"),
        pair(Expect(1, None, 20.0, "?00", frozenset({UNKNOWN_UNIT})),
             Expect(2, None, 20.0, "?00", frozenset({UNKNOWN_UNIT}))),
        BUILT,
    ),
)
