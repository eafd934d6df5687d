"""Every driver decodes every vector of its protocol's table (tests/drivers/vectors) exactly,
and the encoders the emulators use produce the printed examples byte for byte."""

from __future__ import annotations

import time

import pytest

from drivers import get
from drivers.emulators import model_for
from drivers.protocols import appa55ii, center309, lutron16, modbus_th, ms6514
from drivers.transports import ScriptedTransport

from .vectors import Expect, Vector, h
from .vectors import appa55ii as appa_table
from .vectors import center309 as center_table
from .vectors import lutron16 as lutron_table
from .vectors import modbus_th as modbus_table
from .vectors import ms6514 as ms_table

T_WALL, T_MONO = 1_700_000_000.0, 42.0
TABLES = {
    "center309": (center309, center_table.VECTORS),
    "ms6514": (ms6514, ms_table.VECTORS),
    "appa55ii": (appa55ii, appa_table.VECTORS),
    "lutron16": (lutron16, lutron_table.VECTORS),
    "modbus-th": (modbus_th, modbus_table.VECTORS),
}
CASES = [(name, vector) for name, (_, vectors) in TABLES.items() for vector in vectors]


def decoded(protocol, frame: bytes) -> tuple[Expect, ...]:
    readings = protocol.parse_frame(frame, t_wall=T_WALL, t_mono=T_MONO)
    assert all((r.t_wall, r.t_mono) == (T_WALL, T_MONO) for r in readings)
    return tuple(Expect(r.channel, r.value_c, r.raw_value, r.unit, r.flags, r.device_time)
                 for r in readings)


@pytest.mark.parametrize(("name", "vector"), CASES, ids=[f"{n}: {v.name}" for n, v in CASES])
def test_vector_decodes_exactly(name: str, vector: Vector) -> None:
    protocol, _ = TABLES[name]
    if name != "modbus-th":  # a Modbus response is only valid against its request
        assert protocol.is_valid(vector.frame)
    assert decoded(protocol, vector.frame) == vector.readings


def test_every_vector_names_its_source() -> None:
    for _, vector in CASES:
        assert "thermometers.md" in vector.source, vector.name


def test_readings_are_time_stamped_now_when_no_time_is_given() -> None:
    """Reading timestamps: the caller's, else the wall and monotonic clocks at decoding."""
    for protocol, vectors in TABLES.values():
        before_wall, before_mono = time.time(), time.monotonic()
        readings = protocol.parse_frame(vectors[0].frame)
        after_wall, after_mono = time.time(), time.monotonic()
        assert readings
        for r in readings:
            assert before_wall <= r.t_wall <= after_wall
            assert before_mono <= r.t_mono <= after_mono


@pytest.mark.parametrize(("name", "vector"), [c for c in CASES if c[1].encoded],
                         ids=[f"{n}: {v.name}" for n, v in CASES if v.encoded])
def test_encoder_produces_the_vector(name: str, vector: Vector) -> None:
    """The encoders the emulators use send exactly the table's bytes."""
    assert vector.encoded() == vector.frame


def test_modbus_encoder_gives_the_vendor_requests() -> None:
    assert modbus_th.build_request() == h("01 04 00 01 00 01 60 0A")
    assert modbus_th.build_request(modbus_th.ModbusTHConfig(read_humidity=True)) == h(
        "01 04 00 01 00 02 20 0B")


# -- the emulators send the vectors ---------------------------------------------------------------

def _wall_at(hh: int, mm: int, ss: int) -> float:
    """A wall-clock time whose local time of day is hh:mm:ss (the MS6514 emulator's clock)."""
    return time.mktime((2026, 12, 2, hh, mm, ss, 0, 0, -1))


def test_ms6514_emulator_in_min_mode_sends_the_issue_13_frame() -> None:
    """T1 21.5, T2 30.0, MIN mode: the secondary display shows T1's minimum (issue #13 item 1)."""
    model = model_for("ms6514", [21.5, 30.0], wall_clock=lambda: _wall_at(3, 56, 59))
    model.set_mode("min")
    frame = model.stream_bytes(0.0)
    assert frame == ms_table.VECTORS[1].frame
    main, secondary = ms6514.parse_frame(frame)
    assert (secondary.channel, secondary.value_c) == (1, 21.5)


def test_ms6514_emulator_statistic_of_an_open_t1_is_overload_not_t2() -> None:
    model = model_for("ms6514", [21.5, 30.0])
    for mode in ("max", "min", "avg"):
        model.set_mode(mode)
        model.set_overload(1, True)
        main, secondary = ms6514.parse_frame(model.stream_bytes(0.0))
        assert main.flags >= {"overload"} and main.channel == 1
        assert secondary.channel == 1 and "overload" in secondary.flags
        assert secondary.value_c is None
        model.set_overload(1, False)


def test_appa_encoder_and_emulator_mark_a_missing_probe_as_the_meter_does() -> None:
    """No probe = 7F FF with flag bit5 set (issue #13 item 2)."""
    assert appa55ii.build_frame(None, 21.5) == appa_table.VECTORS[1].frame
    model = model_for("appa55ii", [21.5], channels=[2])
    assert model.stream_bytes(0.0) == appa_table.VECTORS[1].frame


@pytest.mark.parametrize("value", [3276.7, 3276.8, -3276.9, 1e6, float("inf"), float("nan")])
def test_appa_encoder_refuses_values_the_format_cannot_carry(value: float) -> None:
    """3276.7 would be 7F FF, the no-probe pattern: refused as out of range, like the others."""
    assert not appa55ii.encodable(value)
    with pytest.raises(ValueError, match="APPA 55II"):
        appa55ii.build_frame(value, 20.0)
    with pytest.raises(ValueError, match="APPA 55II"):
        appa55ii.build_frame(20.0, value)


@pytest.mark.parametrize("value", [3276.6, -3276.8, 0.0])
def test_appa_encoder_range_edges_round_trip(value: float) -> None:
    assert appa55ii.encodable(value)
    t1, _ = appa55ii.parse_frame(appa55ii.build_frame(value, None))
    assert t1.raw_value == value


def test_appa_emulator_shows_a_value_beyond_the_format_as_overload() -> None:
    model = model_for("appa55ii", [4000.0, 20.0])  # 40000 tenths: more than int16 carries
    t1, t2 = appa55ii.parse_frame(model.stream_bytes(0.0))
    assert "overload" in t1.flags and t1.value_c is None
    assert t2.value_c == 20.0


def test_center309_emulator_rel_and_statistic_modes_keep_the_channel_values() -> None:
    """The emulator flags REL/MIN/MAX; the channel values stay readable (issue #13 item 3)."""
    model = model_for("center309", [20.0, 20.1, 20.2, 20.3])
    for mode, flags in (("rel", {"rel"}), ("max", {"max"}), ("min", {"min"}),
                        ("maxmin", {"min", "max"})):
        model.set_mode(mode)
        readings = center309.parse_frame(model.answer(b"A", 0.0))
        assert [r.value_c for r in readings] == [20.0, 20.1, 20.2, 20.3]
        assert all(r.flags == flags for r in readings)


# -- the drivers stamp readings with their own clocks -------------------------------------------

STREAMING_VECTORS = {"ms6514": ms_table.VECTORS[0], "appa55ii": appa_table.VECTORS[1],
                     "lutron16": lutron_table.VECTORS[0]}


@pytest.mark.parametrize("name", sorted(STREAMING_VECTORS))
def test_a_streaming_driver_stamps_readings_with_its_clocks(name: str) -> None:
    driver = get(name)(ScriptedTransport(incoming=STREAMING_VECTORS[name].frame),
                       clock=lambda: 42.0, wall_clock=lambda: 1_700_000_000.0)
    readings = driver.poll()
    assert readings and {(r.t_wall, r.t_mono) for r in readings} == {(1_700_000_000.0, 42.0)}


def test_center309_stamps_readings_with_the_drivers_clocks() -> None:
    transport = ScriptedTransport([(b"A", center_table.VECTORS[0].frame)])
    driver = get("center309")(transport, clock=lambda: 42.0, wall_clock=lambda: 1_700_000_000.0)
    readings = driver.poll()
    assert len(readings) == 4
    assert {(r.t_wall, r.t_mono) for r in readings} == {(1_700_000_000.0, 42.0)}
