"""Finding the thermometer again on another port, through real pseudo-terminals."""

from __future__ import annotations

from drivers.find import find_thermometer, port_present, present_ports


def test_absent_ports_and_urls(tmp_path) -> None:
    assert not port_present(str(tmp_path / "ttyUSB9"))
    assert port_present("sim://center309")
    assert str(tmp_path / "ttyUSB9") not in present_ports([str(tmp_path / "ttyUSB9")])


def test_finds_the_port_that_answers_in_the_protocol(emulator, tmp_path) -> None:  # noqa: ANN001
    other = emulator("modbus-th", [21.0])        # another meter on another port
    meter = emulator("center309", [19.5])
    gone = str(tmp_path / "ttyUSB0")             # where the meter was before
    candidates = present_ports([gone, other.path, meter.path])
    assert candidates[:2] == [other.path, meter.path] and gone not in candidates
    assert find_thermometer("center309", candidates, seconds_each=1.0) == meter.path
    assert find_thermometer("center309", [gone, other.path], seconds_each=0.5) is None
