"""Round trips over pseudo-terminals, opened with pyserial exactly as the app opens a port."""

from __future__ import annotations

import os
import threading
import time

import pytest
from serial import Serial

from drivers import HOLD, OVERLOAD, Curve, get, open_port
from drivers.errors import Disconnected, NoSignal, WrongProtocol
from drivers.monitor import Monitor, ReadingEvent, StatusEvent
from drivers.probe import probe

TEMPS = {
    "center309": [21.4, 19.8],
    "lutron16": [21.4, 19.8],
    "ms6514": [21.4, 19.8],
    "appa55ii": [21.4, 19.8],
    "modbus-th": [21.4],
    "simulated": [21.4, 19.8],
}


def read_channels(driver, want: int, timeout: float = 2.0) -> dict[int, float | None]:  # noqa: ANN001
    """Values by channel until `want` channels were seen (streaming meters send in turn)."""
    seen: dict[int, float | None] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < want and time.monotonic() < deadline:
        for r in driver.read(timeout=timeout):
            seen.setdefault(r.channel, r.value_c)
    return seen


@pytest.mark.parametrize("name", sorted(TEMPS))
def test_pty_round_trip(name: str, emulator) -> None:  # noqa: ANN001
    emu = emulator(name, TEMPS[name])
    assert os.path.islink(emu.path) and os.readlink(emu.path) == emu.device
    port = open_port(emu.path, get(name).baudrate, 0.05)
    try:
        assert isinstance(port, Serial)
        driver = get(name)(port, poll_interval=0.0)
        seen = read_channels(driver, len(TEMPS[name]))
    finally:
        port.close()
    for channel, value in enumerate(TEMPS[name], start=1):
        assert seen[channel] == value


@pytest.mark.parametrize(("name", "unit"), [("ms6514", "K"), ("appa55ii", "F"),
                                            ("center309", "F"), ("lutron16", "F")])
def test_pty_units_are_converted(name: str, unit: str, emulator) -> None:  # noqa: ANN001
    emu = emulator(name, [20.0, 25.0], unit=unit)
    with open_port(emu.path, 9600, 0.05) as port:
        seen = read_channels(get(name)(port, poll_interval=0.0), 2)
    # The meter displays 0.1 of its own unit: 293.15 K shows as 293.1 or 293.2.
    assert seen[1] == pytest.approx(20.0, abs=0.06)
    assert seen[2] == pytest.approx(25.0, abs=0.06)


def test_pty_hold_overload_and_garbage(emulator) -> None:  # noqa: ANN001
    emu = emulator("appa55ii", [20.5, 21.5], garbage_every=2, seed=3)
    with open_port(emu.path, 9600, 0.05) as port:
        driver = get("appa55ii")(port)
        assert all(r.usable for r in driver.read())
        emu.set_hold(True)
        emu.set_overload(2, True)
        emu.inject_garbage(b"\x00\x13\x55\x37" * 5)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            t1, t2 = driver.read()
            if HOLD in t1.flags and OVERLOAD in t2.flags:
                break
        assert t1.value_c == 20.5 and not t1.usable
        assert t2.value_c is None and not t2.usable
        assert driver.buffer.skipped > 0
    assert emu.frames_dropped == 0


def test_pty_center309_keys_and_request_only(emulator) -> None:  # noqa: ANN001
    emu = emulator("center309", [20.0])
    with open_port(emu.path, 9600, 0.05) as port:
        time.sleep(0.1)
        assert port.in_waiting == 0  # a request/response meter never talks unasked
        port.write(b"H")
        time.sleep(0.05)
        readings = get("center309")(port).read()
        assert all(HOLD in r.flags for r in readings)


def test_pty_modbus_other_slave_stays_silent(emulator) -> None:  # noqa: ANN001
    emu = emulator("modbus-th", [20.0], address=5)
    with open_port(emu.path, 9600, 0.05) as port:
        with pytest.raises(NoSignal):
            get("modbus-th")(port, poll_interval=0.05).read(timeout=0.3)
        (reading,) = get("modbus-th")(port, address=5).read(timeout=1.0)
        assert reading.value_c == 20.0


def test_pty_wrong_protocol(emulator) -> None:  # noqa: ANN001
    emu = emulator("lutron16", [20.0])
    with open_port(emu.path, 9600, 0.05) as port, pytest.raises(WrongProtocol):
        get("ms6514")(port).read(timeout=0.4)


def test_pty_unplug_raises_disconnected(emulator) -> None:  # noqa: ANN001
    emu = emulator("ms6514", [20.0, 20.0])
    port = open_port(emu.path, 9600, 0.05)
    driver = get("ms6514")(port)
    driver.read()
    emu.unplug()
    assert not os.path.lexists(emu.path)
    with pytest.raises(Disconnected):
        driver.read(timeout=1.0)
    port.close()


def _collect(monitor: Monitor, stop: threading.Event, sink: list) -> threading.Thread:
    def run() -> None:
        for event in monitor.events(stop):
            sink.append(event)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _wait_for(predicate, timeout: float = 3.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _states(events: list) -> list[str]:
    return [e.state for e in events if isinstance(e, StatusEvent)]


@pytest.mark.parametrize("name", ["lutron16", "center309"])
def test_monitor_unplug_and_replug(name: str, emulator) -> None:  # noqa: ANN001
    emu = emulator(name, [19.5])
    monitor = Monitor(emu.path, name, options={"poll_interval": 0.02}, no_signal_after=1.0,
                      reconnect_backoff=(0.05,))
    events: list = []
    stop = threading.Event()
    thread = _collect(monitor, stop, events)
    try:
        _wait_for(lambda: any(isinstance(e, ReadingEvent) for e in events))
        emu.unplug()
        _wait_for(lambda: "reconnecting" in _states(events))
        time.sleep(0.2)  # several failed attempts while the adapter is out
        emu.replug()
        _wait_for(lambda: _states(events)[-1:] == ["connected"]
                  and isinstance(events[-1], ReadingEvent))
    finally:
        stop.set()
        thread.join(timeout=2)
    assert not thread.is_alive()
    assert _states(events) == ["connected", "disconnected", "reconnecting", "connected"]
    cut = events.index(next(e for e in events if getattr(e, "state", "") == "disconnected"))
    before = [e.reading for e in events[:cut] if isinstance(e, ReadingEvent)]
    after = [e.reading for e in events[cut:] if isinstance(e, ReadingEvent)]
    assert before and after and after[0].value_c == 19.5
    assert "USB" in events[cut].message_zh


def test_monitor_reports_no_signal_then_connected_again(emulator) -> None:  # noqa: ANN001
    emu = emulator("center309", [20.0])
    monitor = Monitor(emu.path, "center309", options={"poll_interval": 0.02},
                      no_signal_after=0.3)
    events: list = []
    stop = threading.Event()
    thread = _collect(monitor, stop, events)
    try:
        _wait_for(lambda: any(isinstance(e, ReadingEvent) for e in events))
        emu.model.answer = lambda data, now: b""  # meter switched off, cable still in
        _wait_for(lambda: "no_signal" in _states(events))
        del emu.model.answer
        _wait_for(lambda: _states(events)[-1] == "connected")
    finally:
        stop.set()
        thread.join(timeout=2)
    assert _states(events) == ["connected", "no_signal", "connected"]
    no_signal = next(e for e in events if getattr(e, "state", "") == "no_signal")
    assert no_signal.message_zh == "温度计无信号：请检查连接线和电源"


def test_monitor_wrong_protocol(emulator) -> None:  # noqa: ANN001
    emu = emulator("lutron16", [20.0])
    events: list = []
    stop = threading.Event()
    thread = _collect(Monitor(emu.path, "appa55ii", no_signal_after=0.3), stop, events)
    try:
        _wait_for(lambda: "wrong_protocol" in _states(events))
    finally:
        stop.set()
        thread.join(timeout=2)
    assert not any(isinstance(e, ReadingEvent) for e in events)


def test_monitor_missing_port_then_arrival_and_prompt_stop(emulator, tmp_path) -> None:  # noqa: ANN001
    emu = emulator("ms6514", [20.0, 20.0])
    emu.unplug()
    events: list = []
    stop = threading.Event()
    thread = _collect(Monitor(emu.path, "ms6514", reconnect_backoff=(0.05, 0.1)), stop, events)
    _wait_for(lambda: _states(events) == ["disconnected", "reconnecting"])
    assert "not found" in events[0].message
    emu.replug()
    _wait_for(lambda: any(isinstance(e, ReadingEvent) for e in events))
    started = time.monotonic()
    stop.set()
    thread.join(timeout=2)
    assert not thread.is_alive() and time.monotonic() - started < 0.5


@pytest.mark.parametrize("name", ["center309", "lutron16", "ms6514", "appa55ii", "modbus-th"])
def test_probe_names_the_protocol(name: str, emulator) -> None:  # noqa: ANN001
    emu = emulator(name, TEMPS[name])
    assert probe(emu.path, seconds_each=0.3) == name


def test_probe_silent_port_is_none(emulator) -> None:  # noqa: ANN001
    emu = emulator("modbus-th", [20.0], address=9)
    assert probe(emu.path, seconds_each=0.15) is None


def test_probe_sim_url_and_subset() -> None:
    assert probe("sim://?temps=20&pace=0.02", seconds_each=0.3) == "simulated"
    assert probe("sim://?protocol=ms6514&temps=20&pace=0.02", ["appa55ii", "ms6514"],
                 seconds_each=0.3) == "ms6514"


def test_emulator_curves_and_time_scale(emulator) -> None:  # noqa: ANN001
    emu = emulator("lutron16", [Curve(20.0, start=10.0, settle_s=60.0, noise=0.0)],
                   time_scale=600.0)
    with open_port(emu.path, 9600, 0.05) as port:
        driver = get("lutron16")(port)
        time.sleep(0.2)  # 120 simulated seconds: fully settled
        driver.read()
        assert driver.read()[0].value_c == 20.0
