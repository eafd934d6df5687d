"""Center 309 / Voltcraft K204 (also Center 304) answers, 45 bytes.

Protocol description: /work/shared/domain/thermometers.md, section "center309" (libsigrok
src/hardware/center-3xx; Center "304, 309 protocol" data sheet; Voltcraft K204 sheet "304,309
protocol of serial interface" for the overload bytes 39-42).

Layout: 0 = 02; 1 status (bit7 °C, bit6 low battery, bit5 HOLD, bit4 REL, bit3 T1-T2 shown,
bits2-1 mode 00 normal / 01 MAX / 10 MIN / 11 MAX/MIN, bit0 recording); 2 bit0 memory full,
bit7 auto power-off; 7-14 T1..T4 int16 BE; 15-38 REL/MIN/MAX copies; 39 overload of T1..T4;
40/41/42 overload of the REL/MAX/MIN copies only; 43 bit per channel, 0 = tenths; 44 = 03.
"""

from __future__ import annotations

from drivers.protocols.center309 import build_frame
from drivers.reading import HOLD, LOW_BATTERY, MAX, MIN, OVERLOAD, REL

from . import Expect, Vector, h

COPIES_ZERO = "00" * 24


def frame(head: str, temps: str, tail: str, copies: str = COPIES_ZERO) -> bytes:
    """Bytes 0-6, 7-14, (15-38,) 39-44 as hex text: the table stays readable as bytes."""
    return h(head + temps + copies + tail)


def four(values: tuple[float | None, ...], flags: frozenset[str] = frozenset(),
         unit: str = "C", value_c: tuple[float, ...] | None = None) -> tuple[Expect, ...]:
    out = []
    for i, raw in enumerate(values):
        if raw is None:
            out.append(Expect(i + 1, None, None, unit, flags | {OVERLOAD}))
        else:
            c = value_c[i] if value_c else raw
            out.append(Expect(i + 1, c, raw, unit, flags))
    return tuple(out)


DOC = "thermometers.md center309"
# libsigrok center-3xx reads byte 39 in normal mode only, byte 41 in MAX and 42 in MIN mode, as
# overload of T1..T4; the K204 sheet says 40-42 are about the REL/MAX/MIN copies.
SIGROK_OVERLOAD = "sigrok applies byte 41 (MAX) / 42 (MIN) to T1..T4 instead of byte 39"
BUILT = f"built by hand from the byte layout in {DOC}"

VECTORS: tuple[Vector, ...] = (
    Vector(
        "printed example: °C, T1 23.9, T2 25.8, T3 -5.0, T4 overload",
        frame("02 80 00 00 00 00 00", "00 EF 01 02 FF CE 00 00", "08 00 00 00 00 03"),
        four((23.9, 25.8, -5.0, None)),
        f"{DOC} built example; data sheet words 00 EF = 23.9, 01 02 = 25.8",
        sigrok_differs="T3: sigrok reads the word FF CE as unsigned (6548.6); the description "
                       "reads it as signed (-5.0)",
        encoded=lambda: build_frame([23.9, 25.8, -5.0, None]),
    ),
    Vector(
        "REL mode: byte 40 flags the REL copies, not T1..T4",
        frame("02 90 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 0F 00 00 00 03"),
        four((20.0, 20.1, 20.2, 20.3), frozenset({REL})),
        f"{BUILT} (issue #13 item 3)",
    ),
    Vector(
        "MAX mode: byte 41 flags the MAX copies, not T1..T4",
        frame("02 82 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 0F 00 00 03"),
        four((20.0, 20.1, 20.2, 20.3), frozenset({MAX})),
        f"{BUILT} (issue #13 item 3)",
        sigrok_differs=SIGROK_OVERLOAD,
    ),
    Vector(
        "MIN mode: byte 42 flags the MIN copies; byte 41 (MAX) is not read either",
        frame("02 84 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 0A 05 00 03"),
        four((20.0, 20.1, 20.2, 20.3), frozenset({MIN})),
        f"{BUILT} (issue #13 item 3)",
        sigrok_differs=SIGROK_OVERLOAD,
    ),
    Vector(
        "MAX/MIN with REL: only byte 39 (T2 open) makes a channel overload",
        frame("02 96 00 00 00 00 00", "00 C8 00 00 00 CA 00 CB", "02 0D 0D 0D 00 03"),
        four((20.0, None, 20.2, 20.3), frozenset({REL, MIN, MAX})),
        f"{BUILT} (issue #13 item 3)",
        sigrok_differs=SIGROK_OVERLOAD + "; in MAX/MIN it reads no overload byte (T2 shows 0.0)",
    ),
    Vector(
        "normal mode: each bit of byte 39 is its own channel (bit0 = T1 ... bit3 = T4)",
        frame("02 80 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "05 00 00 00 00 03"),
        four((None, 20.1, None, 20.3)),
        BUILT,
    ),
    Vector(
        "HOLD, low battery and recording: HOLD and low battery flagged, recording is not",
        frame("02 E1 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 00 00 00 03"),
        four((20.0, 20.1, 20.2, 20.3), frozenset({HOLD, LOW_BATTERY})),
        BUILT,
    ),
    Vector(
        "low battery alone is only a warning; memory full and auto power-off are not flags",
        frame("02 C1 81 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 00 00 00 03"),
        four((20.0, 20.1, 20.2, 20.3), frozenset({LOW_BATTERY})),
        BUILT,
    ),
    Vector(
        "T1-T2 shown (bit3) is not a flag: bytes 7-14 hold the channels whatever is shown",
        frame("02 88 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 00 00 00 03"),
        four((20.0, 20.1, 20.2, 20.3)),
        BUILT,
    ),
    Vector(
        "°F; byte 43 bit set = whole degrees for T1 and T3, tenths for T2 and T4",
        frame("02 00 00 00 00 00 00", "00 44 02 A8 FF FC 07 F8", "00 00 00 00 05 03"),
        four((68.0, 68.0, -4.0, 204.0), unit="F", value_c=(20.0, 20.0, -20.0, 95.556)),
        BUILT,
        sigrok_differs="T3: sigrok reads FF FC as unsigned 65532 °F",
    ),
    Vector(
        "REL/MIN/MAX copies (bytes 15-38) do not change the channel values",
        frame("02 80 00 00 00 00 00", "00 C8 00 C9 00 CA 00 CB", "00 00 00 00 00 03",
              copies="01 00" * 12),
        four((20.0, 20.1, 20.2, 20.3)),
        BUILT,
    ),
    Vector(
        "every status bit the encoder sets; two values for four channels, T1 forced open",
        frame("02 76 00 00 00 00 00", "00 00 00 C9 00 00 00 00", "0D 0D 0D 0D 00 03"),
        (Expect(1, None, None, "F", frozenset({LOW_BATTERY, HOLD, REL, MIN, MAX, OVERLOAD})),
         Expect(2, -6.611, 20.1, "F", frozenset({LOW_BATTERY, HOLD, REL, MIN, MAX})),
         Expect(3, None, None, "F", frozenset({LOW_BATTERY, HOLD, REL, MIN, MAX, OVERLOAD})),
         Expect(4, None, None, "F", frozenset({LOW_BATTERY, HOLD, REL, MIN, MAX, OVERLOAD}))),
        f"{BUILT}; the emulator's encoder",
        encoded=lambda: build_frame([20.0, 20.1], celsius=False, hold=True, low_battery=True,
                                    rel=True, mode="maxmin", overload=[1]),
    ),
)
