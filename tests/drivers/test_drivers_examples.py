"""Every example frame in /work/shared/domain/thermometers.md decodes exactly."""

from __future__ import annotations

import pytest

from drivers import HOLD, NO_PROBE, OVERLOAD, UNKNOWN_UNIT
from drivers.errors import DeviceError
from drivers.protocols import appa55ii, center309, lutron16, modbus_th, ms6514

T = {"t_wall": 1_700_000_000.0, "t_mono": 42.0}


def h(text: str) -> bytes:
    return bytes.fromhex(text)


CENTER309_EXAMPLE = h("02 80 00 00 00 00 00 00 EF 01 02 FF CE 00 00" + " 00" * 24
                      + " 08 00 00 00 00 03")


def test_center309_built_example() -> None:
    assert len(CENTER309_EXAMPLE) == 45
    t1, t2, t3, t4 = center309.parse_frame(CENTER309_EXAMPLE, **T)
    assert [r.channel for r in (t1, t2, t3, t4)] == [1, 2, 3, 4]
    assert (t1.value_c, t1.raw_value, t1.unit, t1.flags) == (23.9, 23.9, "C", frozenset())
    assert (t2.value_c, t2.unit) == (25.8, "C")
    assert (t3.value_c, t3.raw_value) == (-5.0, -5.0)
    assert t4.value_c is None and t4.raw_value is None
    assert t4.flags == {OVERLOAD} and not t4.usable
    assert all(r.usable for r in (t1, t2, t3))
    assert (t1.t_wall, t1.t_mono) == (T["t_wall"], T["t_mono"])


def test_center309_datasheet_words() -> None:
    """'00 EF' = 23.9 and '01 02' = 25.8 per the Center 304/309 data sheet."""
    assert center309.build_frame([23.9, 25.8, -5.0, None]) == CENTER309_EXAMPLE


@pytest.mark.parametrize(
    ("frame", "channel", "value"),
    [
        ("02 34 31 30 31 30 31 30 30 30 30 30 32 33 35 0D", 1, 23.5),
        ("02 34 32 30 31 31 31 30 30 30 30 30 30 35 32 0D", 2, -5.2),
    ],
)
def test_lutron_built_examples(frame: str, channel: int, value: float) -> None:
    (reading,) = lutron16.parse_frame(h(frame), **T)
    assert (reading.channel, reading.value_c, reading.raw_value, reading.unit) == (
        channel, value, value, "C")
    assert reading.flags == frozenset() and reading.usable
    assert lutron16.build_frame(channel, value) == h(frame)


def test_lutron_captured_gaussmeter_frame_is_unknown_unit() -> None:
    (reading,) = lutron16.parse_frame(h("02 34 31 42 32 30 32 30 30 30 30 30 30 35 32 0D"), **T)
    assert reading.unit == "?B2"
    assert reading.raw_value == 0.52
    assert reading.value_c is None
    assert reading.flags == {UNKNOWN_UNIT}
    assert not reading.usable


def test_ms6514_built_example() -> None:
    frame = h("65 14 00 00 00 00 EB 00 F1 01 01 08 08 0C 1E 00 0D 0A")
    t1, t2 = ms6514.parse_frame(frame, **T)
    assert (t1.channel, t1.value_c, t1.unit, t1.flags) == (1, 23.5, "C", frozenset())
    assert (t2.channel, t2.value_c, t2.unit, t2.flags) == (2, 24.1, "C", frozenset())
    assert t1.device_time == t2.device_time == "12:30:00"
    assert t1.usable and t2.usable
    assert ms6514.build_frame(23.5, 24.1) == frame


def test_modbus_vendor_request_bytes() -> None:
    assert modbus_th.build_request() == h("01 04 00 01 00 01 60 0A")
    both = modbus_th.ModbusTHConfig(read_humidity=True)
    assert modbus_th.build_request(both) == h("01 04 00 01 00 02 20 0B")


def test_modbus_vendor_temperature_response() -> None:
    (reading,) = modbus_th.parse_frame(h("01 04 02 01 31 79 74"), **T)
    assert (reading.channel, reading.value_c, reading.unit) == (1, 30.5, "C")
    assert reading.usable


def test_modbus_vendor_both_registers_response() -> None:
    temp, humidity = modbus_th.parse_frame(h("01 04 04 01 31 02 22 2A CE"), **T)
    assert (temp.channel, temp.value_c, temp.unit) == (1, 30.5, "C")
    assert (humidity.channel, humidity.raw_value, humidity.unit) == (2, 54.6, "%RH")
    assert humidity.value_c is None and not humidity.usable


def test_modbus_negative_raw_ff33_is_minus_20_5() -> None:
    frame = modbus_th.build_response(1, 4, [0xFF33])
    (reading,) = modbus_th.parse_frame(frame, **T)
    assert reading.value_c == -20.5


def test_modbus_crc_is_low_byte_first() -> None:
    assert modbus_th.build_response(1, 4, [0x0131]) == h("01 04 02 01 31 79 74")
    assert modbus_th.build_response(1, 4, [0x0131, 0x0222]) == h("01 04 04 01 31 02 22 2A CE")


def test_modbus_exception_answer_is_a_device_error() -> None:
    with pytest.raises(DeviceError, match="illegal data address") as info:
        modbus_th.parse_frame(modbus_th.build_exception(1, 4, 2), **T)
    assert info.value.message_zh


def test_appa55ii_live_packet_layout() -> None:
    """No example in the document: check the documented offsets on a packet built by hand."""
    content = bytearray(20)
    content[1] = 0x02  # °F
    content[13] = 0x20  # HOLD
    content[14:16] = (752).to_bytes(2, "little")  # T1 75.2 °F
    content[16] = 0x01  # tenths
    content[17:19] = (0x7FFF).to_bytes(2, "little")  # T2 no probe
    body = b"\x55\x55\x00\x14" + bytes(content)
    packet = body + bytes([sum(body) & 0xFF])
    assert len(packet) == 25
    t1, t2 = appa55ii.parse_frame(packet, **T)
    assert (t1.raw_value, t1.unit, t1.value_c) == (75.2, "F", 24.0)
    assert t1.flags == {HOLD} and not t1.usable
    assert t2.value_c is None and NO_PROBE in t2.flags
