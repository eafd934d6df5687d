"""Byte-exchange tests per driver, without a port (ScriptedTransport)."""

from __future__ import annotations

import pytest

from drivers import HOLD, MAX, MIN, OVERLOAD, REL, get
from drivers.errors import DeviceError, Disconnected, NoSignal, WrongProtocol
from drivers.protocols import appa55ii, center309, lutron16, modbus_th, ms6514
from drivers.transports import ScriptedTransport


def stamps(clock) -> dict:  # noqa: ANN001
    return {"clock": clock, "wall_clock": lambda: 1_700_000_000.0}


# -- center309 (request/response) -----------------------------------------------------------
def test_center309_poll_writes_A_and_decodes_the_answer(manual_clock) -> None:  # noqa: ANN001
    answer = center309.build_frame([21.4, 20.9, None, None], hold=True)
    transport = ScriptedTransport([(b"A", answer)])
    driver = get("center309")(transport, **stamps(manual_clock))
    readings = driver.poll()
    assert transport.written == b"A"
    assert [(r.channel, r.value_c) for r in readings] == [(1, 21.4), (2, 20.9), (3, None),
                                                           (4, None)]
    assert all(HOLD in r.flags for r in readings)
    assert OVERLOAD in readings[2].flags
    assert {r.t_mono for r in readings} == {manual_clock.now}
    assert {r.t_wall for r in readings} == {1_700_000_000.0}


def test_center309_skips_noise_before_the_answer(manual_clock) -> None:  # noqa: ANN001
    answer = center309.build_frame([19.5, 19.6, 19.7, 19.8])
    transport = ScriptedTransport([(b"A", b"\x00\xff\x03\x17" + answer)])
    readings = get("center309")(transport, **stamps(manual_clock)).poll()
    assert [r.value_c for r in readings] == [19.5, 19.6, 19.7, 19.8]


def test_center309_stale_bytes_are_discarded_before_a_request(manual_clock) -> None:  # noqa: ANN001
    """Half an old answer left in the input must not be joined to the new one."""
    old = center309.build_frame([1.0, 1.0, 1.0, 1.0])
    transport = ScriptedTransport([(b"A", center309.build_frame([22.0, 22.0, 22.0, 22.0]))],
                                  incoming=old[:30])
    readings = get("center309")(transport, **stamps(manual_clock)).poll()
    assert [r.value_c for r in readings] == [22.0] * 4


def test_center309_modes_are_flagged(manual_clock) -> None:  # noqa: ANN001
    for kwargs, flags in [({"mode": "max"}, {MAX}), ({"mode": "min"}, {MIN}),
                          ({"mode": "maxmin"}, {MIN, MAX}), ({"rel": True}, {REL})]:
        answer = center309.build_frame([20.0, 20.0, 20.0, 20.0], **kwargs)
        readings = get("center309")(ScriptedTransport([(b"A", answer)])).poll()
        assert all(r.flags == flags and not r.usable for r in readings)


def test_center309_fahrenheit_is_converted() -> None:
    answer = center309.build_frame([68.0, 32.0, -4.0, 212.0], celsius=False)
    readings = get("center309")(ScriptedTransport([(b"A", answer)])).poll()
    assert [r.value_c for r in readings] == [20.0, 0.0, -20.0, 100.0]
    assert {r.unit for r in readings} == {"F"}


def test_center309_silence_is_no_signal() -> None:
    transport = ScriptedTransport([(b"A", b"")] * 100)
    driver = get("center309")(transport, poll_interval=0.0, response_timeout=0.0)
    with pytest.raises(NoSignal) as info:
        driver.read(timeout=0.05)
    assert info.value.message_zh == "温度计无信号：请检查连接线和电源"


def test_center309_foreign_bytes_are_wrong_protocol() -> None:
    lutron_burst = lutron16.build_frame(1, 20.0) * 4
    transport = ScriptedTransport([(b"A", lutron_burst)] * 100)
    driver = get("center309")(transport, poll_interval=0.0, response_timeout=0.0)
    with pytest.raises(WrongProtocol) as info:
        driver.read(timeout=0.05)
    assert "Center 309" in str(info.value)
    assert info.value.message_zh == "收到的数据不是所选型号的格式：请确认温度计型号"


# -- modbus-th (request/response, configurable) ---------------------------------------------
def test_modbus_default_exchange_is_the_vendor_example() -> None:
    transport = ScriptedTransport([(bytes.fromhex("01 04 00 01 00 01 60 0A"),
                                    bytes.fromhex("01 04 02 01 31 79 74"))])
    (reading,) = get("modbus-th")(transport).poll()
    assert reading.value_c == 30.5 and transport.remaining_exchanges == 0


def test_modbus_humidity_and_both_registers() -> None:
    transport = ScriptedTransport([(bytes.fromhex("01 04 00 01 00 02 20 0B"),
                                    bytes.fromhex("01 04 04 01 31 02 22 2A CE"))])
    temp, rh = get("modbus-th")(transport, read_humidity=True).poll()
    assert (temp.channel, temp.value_c) == (1, 30.5)
    assert (rh.channel, rh.unit, rh.raw_value, rh.value_c) == (2, "%RH", 54.6, None)


def test_modbus_address_function_and_registers_are_settings() -> None:
    config = modbus_th.ModbusTHConfig(address=7, function=3, temperature_register=0x0100,
                                      humidity_register=None)
    request = modbus_th.build_request(config)
    assert request[:6] == bytes([7, 3, 0x01, 0x00, 0x00, 0x01])
    response = modbus_th.build_response(7, 3, [-55])
    transport = ScriptedTransport([(request, response)])
    driver = get("modbus-th")(transport, address=7, function=3, temperature_register=0x100,
                              humidity_register=None)
    (reading,) = driver.poll()
    assert reading.value_c == -5.5


def test_modbus_skips_adapter_echo_and_other_slaves() -> None:
    request = modbus_th.build_request()
    other_slave = modbus_th.build_response(2, 4, [999])
    answer = modbus_th.build_response(1, 4, [215])
    transport = ScriptedTransport([(request, request + other_slave + answer)])
    (reading,) = get("modbus-th")(transport).poll()
    assert reading.value_c == 21.5


def test_modbus_bad_crc_is_not_a_value() -> None:
    answer = bytearray(modbus_th.build_response(1, 4, [215]))
    answer[-1] ^= 0x01
    transport = ScriptedTransport([(modbus_th.build_request(), bytes(answer))])
    assert get("modbus-th")(transport, response_timeout=0.0).poll() == []


def test_modbus_exception_raises_device_error() -> None:
    transport = ScriptedTransport([(modbus_th.build_request(),
                                    modbus_th.build_exception(1, 4, 2))])
    with pytest.raises(DeviceError, match="exception 2"):
        get("modbus-th")(transport).poll()


def test_modbus_rejects_impossible_settings() -> None:
    with pytest.raises(ValueError):
        get("modbus-th")(None, address=0)
    with pytest.raises(ValueError):
        get("modbus-th")(None, temperature_register=1, humidity_register=100, read_humidity=True)


# -- streaming protocols ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "frame", "expected"),
    [
        ("lutron16", lutron16.build_frame(3, 18.7), [(3, 18.7)]),
        ("ms6514", ms6514.build_frame(18.7, -2.5), [(1, 18.7), (2, -2.5)]),
        ("appa55ii", appa55ii.build_frame(18.7, 19.1), [(1, 18.7), (2, 19.1)]),
        ("simulated", lutron16.build_frame(1, 18.7), [(1, 18.7)]),
    ],
)
def test_streaming_frames_split_across_reads(name: str, frame: bytes, expected: list) -> None:
    transport = ScriptedTransport()
    driver = get(name)(transport)
    transport.push(b"\x13\x37" + frame[:5])
    assert driver.poll() == []
    transport.push(frame[5:] + frame)
    readings = driver.poll()
    assert [(r.channel, r.value_c) for r in readings] == expected * 2
    assert driver.bytes_since_frame == 0
    assert transport.written == b""  # a streaming meter is never written to


def test_ms6514_flags_hold_stored_rel_and_secondary_modes() -> None:
    frame = ms6514.build_frame(20.0, 21.0, hold=True, stored=True)
    t1, t2 = get("ms6514")(ScriptedTransport(incoming=frame)).poll()
    assert {"hold", "stored"} <= t1.flags and not t1.usable
    rel_main, t1_aux = ms6514.parse_frame(ms6514.build_frame(-1.0, 20.0, assignment=2))
    assert REL in rel_main.flags and t1_aux.flags == frozenset() and t1_aux.channel == 1
    live, maximum = ms6514.parse_frame(ms6514.build_frame(20.0, 25.0, assignment=4))
    assert live.usable and MAX in maximum.flags and maximum.channel == 1


def test_ms6514_kelvin_and_overload() -> None:
    t1, t2 = ms6514.parse_frame(ms6514.build_frame(296.6, None, unit="K"))
    assert t1.value_c == 23.45 and t1.unit == "K"
    assert t2.value_c is None and OVERLOAD in t2.flags


def test_appa_log_packets_keep_sync_but_carry_no_reading() -> None:
    log = appa55ii.build_packet(0x18, b"")
    live = appa55ii.build_frame(20.5, None)
    driver = get("appa55ii")(ScriptedTransport(incoming=log + live))
    t1, t2 = driver.poll()
    assert t1.value_c == 20.5 and t2.value_c is None and "no_probe" in t2.flags


def test_lutron_unknown_unit_is_reported_not_used() -> None:
    frame = lutron16.build_frame(1, 0.52, decimals=2, unit_code="B2")
    (reading,) = get("lutron16")(ScriptedTransport(incoming=frame)).poll()
    assert reading.unit == "?B2" and reading.value_c is None and not reading.usable


def test_streaming_noise_only_is_wrong_protocol_silence_is_no_signal() -> None:
    noisy = ScriptedTransport(incoming=bytes(range(3, 200)))
    with pytest.raises(WrongProtocol):
        get("lutron16")(noisy).read(timeout=0.02)
    with pytest.raises(NoSignal):
        get("lutron16")(ScriptedTransport()).read(timeout=0.02)


# -- faults and construction ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["center309", "lutron16", "ms6514", "appa55ii", "modbus-th"])
def test_vanished_transport_is_disconnected(name: str) -> None:
    transport = ScriptedTransport()
    driver = get(name)(transport)
    transport.unplug()
    with pytest.raises(Disconnected) as info:
        driver.poll()
    assert info.value.message_zh == "温度计已断开：请重新插入USB线"


def test_unknown_option_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        get("lutron16")(ScriptedTransport(), adress=1)


def test_blocking_transport_gets_a_timeout() -> None:
    transport = ScriptedTransport()
    transport.timeout = None
    get("lutron16")(transport)
    assert transport.timeout == 0.1


def test_feed_decodes_a_capture_without_io() -> None:
    capture = lutron16.build_frame(1, 20.1) + b"\xff" + lutron16.build_frame(2, 20.2)
    driver = get("lutron16")(None)
    assert [r.value_c for r in driver.feed(capture)] == [20.1, 20.2]
