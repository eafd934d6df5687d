"""Modbus-RTU temperature/humidity transmitter responses (XY-MD02 and other SHT20 boards).

Protocol description: /work/shared/domain/thermometers.md, section "modbus-th" (the vendor's
example exchange): function 04, input register 0001 temperature int16 × 10, 0002 humidity × 10,
CRC-16/Modbus low byte first.
"""

from __future__ import annotations

from drivers.protocols.modbus_th import build_response

from . import Expect, Vector, h

DOC = "thermometers.md modbus-th"

VECTORS: tuple[Vector, ...] = (
    Vector(
        "vendor example: temperature register, 30.5 °C",
        h("01 04 02 01 31 79 74"),
        (Expect(1, 30.5, 30.5),),
        f"{DOC} vendor example",
        encoded=lambda: build_response(1, 4, [0x0131]),
    ),
    Vector(
        "vendor example: both registers, 30.5 °C and 54.6 %RH (humidity is never a temperature)",
        h("01 04 04 01 31 02 22 2A CE"),
        (Expect(1, 30.5, 30.5), Expect(2, None, 54.6, "%RH")),
        f"{DOC} vendor example",
        encoded=lambda: build_response(1, 4, [0x0131, 0x0222]),
    ),
    Vector(
        "raw FF33 is -20.5 °C",
        h("01 04 02 FF 33 B8 D5"),
        (Expect(1, -20.5, -20.5),),
        f"{DOC} (raw FF33 = -20.5 °C); CRC computed for this vector",
        encoded=lambda: build_response(1, 4, [0xFF33]),
    ),
)
