"""Lutron "16-digit data stream" frames (TM-946, TM-947SD, BTM-4208SD; Sper, MRC rebadges).

Protocol description: /work/shared/domain/thermometers.md, section "lutron16" (TM-946 /
TM-947SD / BTM-4208SD manuals). D15 = 02; D14 `4`; D13 channel (ASCII hex digit); D12-D11 unit
(`01` °C, `02` °F, `04` %RH); D10 sign; D9 decimals; D8-D1 eight ASCII digits; D0 = 0D.
No hold or battery flags.
"""

from __future__ import annotations

from drivers.protocols.lutron16 import build_frame
from drivers.reading import UNKNOWN_UNIT

from . import Expect, Vector, h

DOC = "thermometers.md lutron16"

VECTORS: tuple[Vector, ...] = (
    Vector(
        "printed example: T1 23.5 °C",
        h("02 34 31 30 31 30 31 30 30 30 30 30 32 33 35 0D"),
        (Expect(1, 23.5, 23.5),),
        f"{DOC} built example",
        encoded=lambda: build_frame(1, 23.5),
    ),
    Vector(
        "printed example: T2 -5.2 °C",
        h("02 34 32 30 31 31 31 30 30 30 30 30 30 35 32 0D"),
        (Expect(2, -5.2, -5.2),),
        f"{DOC} built example",
        encoded=lambda: build_frame(2, -5.2),
    ),
    Vector(
        "captured gaussmeter frame, unit code B2: reported as unknown, never used",
        h("02 34 31 42 32 30 32 30 30 30 30 30 30 35 32 0D"),
        (Expect(1, None, 0.52, "?B2", frozenset({UNKNOWN_UNIT})),),
        f"{DOC} captured example",
        encoded=lambda: build_frame(1, 0.52, decimals=2, unit_code="B2"),
    ),
)
