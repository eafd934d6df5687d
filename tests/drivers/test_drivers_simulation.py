"""Curve, the in-process simulated line, sim:// URLs and the `simulated` driver."""

from __future__ import annotations

import pytest
from serial import SerialException

from drivers import Curve, Disconnected, get, open_port
from drivers.emulators import model_for
from drivers.simline import SimulatedLine, line_from_url


def test_curve_settles_from_start_to_target() -> None:
    curve = Curve(target=20.0, start=5.0, settle_s=100.0, noise=0.0)
    assert curve.value_at(0) == 5.0
    assert 5.0 < curve.value_at(30) < 20.0
    assert abs(curve.true_value_at(100) - 20.0) <= 0.15 + 1e-9  # within 1 % of the 15 °C step
    assert curve.value_at(1000) == 20.0


def test_curve_drift_and_rounding() -> None:
    curve = Curve(target=18.0, drift_per_h=0.6, noise=0.0)
    assert curve.value_at(3600) == 18.6
    assert curve.value_at(1800) == 18.3
    assert Curve(target=21.26, noise=0.0).value_at(0) == 21.3


def test_seeded_noise_is_reproducible_and_bounded() -> None:
    a = Curve(target=20.0, noise=0.05, seed=7)
    b = Curve(target=20.0, noise=0.05, seed=7)
    values = [a.value_at(t) for t in range(200)]
    assert values == [b.value_at(t) for t in range(200)]
    assert len(set(values)) > 1 and all(19.6 <= v <= 20.4 for v in values)


def test_simulated_line_paces_frames_by_its_clock(manual_clock) -> None:  # noqa: ANN001
    model = model_for("lutron16", [21.0], clock=manual_clock)
    line = SimulatedLine(model, pace=1.0, timeout=0.0, clock=manual_clock,
                         sleep=manual_clock.advance)
    assert len(line.read(100)) == 16  # the frame due now
    assert line.read(100) == b""
    manual_clock.advance(2.0)
    assert line.in_waiting == 32


def test_simulated_line_read_waits_for_the_next_frame(manual_clock) -> None:  # noqa: ANN001
    model = model_for("ms6514", [21.0, 22.0], clock=manual_clock)
    line = SimulatedLine(model, pace=0.5, timeout=1.0, clock=manual_clock,
                         sleep=manual_clock.advance)
    line.read(18)
    start = manual_clock.now
    assert len(line.read(18)) == 18
    assert manual_clock.now - start == pytest.approx(0.5)


def test_simulated_driver_needs_no_device() -> None:
    driver = get("simulated")(None, temps=[18.2, 17.9], pace=0.01)
    seen = {}
    while len(seen) < 2:
        for r in driver.read(timeout=1.0):
            seen[r.channel] = r.value_c
    assert seen == {1: 18.2, 2: 17.9}


def test_simulated_options_refused_with_a_transport() -> None:
    with pytest.raises(TypeError, match="simulated line"):
        get("simulated")(SimulatedLine(model_for("lutron16", [1.0])), temps=[1.0])


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("simulated", "sim://?temps=21.5&pace=0.01", 21.5),
        ("ms6514", "sim://?protocol=ms6514&temps=19.5,20&pace=0.01&unit=F", 19.5),
        ("center309", "sim://?protocol=center309&temps=22.26", 22.3),
        ("modbus-th", "sim://?protocol=modbus-th&temps=-3.5", -3.5),
        ("appa55ii", "sim://?protocol=appa55ii&temps=24&unit=K&pace=0.01", 24.0),
    ],
)
def test_sim_url_through_pyserial(name: str, url: str, expected: float) -> None:
    port = open_port(url, 9600, 0.05)
    try:
        readings = get(name)(port, poll_interval=0).read(timeout=1.0)
    finally:
        port.close()
    assert readings[0].value_c == pytest.approx(expected, abs=0.06)


def test_sim_url_settling_with_time_scale() -> None:
    line = line_from_url("sim://?temps=20&start=0&settle=100&time_scale=1000&pace=0.01")
    driver = get("simulated")(line)
    first = driver.read(timeout=1.0)[0].value_c
    assert first is not None and first < 20.0


def test_bad_sim_url_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sim:// parameter"):
        line_from_url("sim://?tmps=20")


def test_unplugged_simulated_line_is_disconnected() -> None:
    line = SimulatedLine(model_for("lutron16", [20.0]), pace=0.01)
    driver = get("simulated")(line)
    driver.read(timeout=1.0)
    line.unplug()
    with pytest.raises(Disconnected):
        driver.poll()
    with pytest.raises(SerialException):
        line.write(b"x")
    line.replug()
    assert driver.read(timeout=1.0)


def test_models_map_temps_onto_channel_numbers(manual_clock) -> None:  # noqa: ANN001
    center = model_for("center309", [20.0, 21.0], channels=[1, 3], clock=manual_clock)
    assert center.values_c() == [20.0, None, 21.0, None]
    lutron = model_for("lutron16", [20.0, 21.0], channels=[4, 11], clock=manual_clock)
    frames = lutron.stream_bytes(0) + lutron.stream_bytes(0)
    readings = get("lutron16")(None).feed(frames)
    assert [(r.channel, r.value_c) for r in readings] == [(4, 20.0), (11, 21.0)]
    with pytest.raises(ValueError, match="channels 1..2"):
        model_for("ms6514", [20.0], channels=[3])
    with pytest.raises(ValueError):
        model_for("lutron16", [20.0, 21.0], channels=[1])


def test_sim_url_works_without_posix_terminals() -> None:
    """Windows has no termios/pty: the simulated thermometer must still work there."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, serial\n"  # pyserial picks its own platform backend first
        "for m in ('termios', 'pty', 'tty'): sys.modules[m] = None\n"
        "import drivers\n"
        "port = drivers.open_port('sim://?temps=19.5&pace=0.01', 9600, 0.05)\n"
        "print(drivers.get('simulated')(port).read()[0].value_c)\n"
        "from drivers import emulators\n"
        "try:\n"
        "    emulators.Emulator\n"
        "except ImportError:\n"
        "    print('no pty')\n"
    )
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["19.5", "no", "pty"]
