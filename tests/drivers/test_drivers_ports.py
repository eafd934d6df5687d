"""Port discovery, bridge naming, opening errors and optional modem lines."""

from __future__ import annotations

import errno
from types import SimpleNamespace

import pytest
import serial

from drivers import ports
from drivers.errors import PortNotFound, PortUnavailable
from drivers.ports import PortInfo, bridge_name, list_ports, open_port, set_modem_lines


@pytest.mark.parametrize(
    ("vid", "pid", "name"),
    [
        (0x1A86, 0x7523, "CH340"),
        (0x10C4, 0xEA60, "CP210x"),
        (0x0403, 0x6001, "FTDI"),
        (0x0403, 0x6015, "FTDI"),
        (0x067B, 0x2303, "PL2303"),
        (0x1A86, 0xE008, None),  # UNI-T CH9325: USB HID, not a serial bridge
        (None, None, None),
    ],
)
def test_bridge_names(vid: int | None, pid: int | None, name: str | None) -> None:
    assert bridge_name(vid, pid) == name


def test_list_ports_describes_usb_bridges(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = [
        SimpleNamespace(device="/dev/ttyUSB1", description="USB2.0-Serial", vid=0x1A86,
                        pid=0x7523, serial_number=None, hwid="USB VID:PID=1A86:7523"),
        SimpleNamespace(device="/dev/ttyS0", description="n/a", vid=None, pid=None,
                        serial_number=None, hwid="n/a"),
        SimpleNamespace(device="/dev/ttyUSB0", description="CP2102 USB to UART", vid=0x10C4,
                        pid=0xEA60, serial_number="0001", hwid="USB VID:PID=10C4:EA60"),
    ]
    monkeypatch.setattr(ports._list_ports, "comports", lambda include_links=False: fake)
    found = list_ports()
    assert [p.device for p in found] == ["/dev/ttyS0", "/dev/ttyUSB0", "/dev/ttyUSB1"]
    assert [p.bridge for p in found] == [None, "CP210x", "CH340"]
    assert found[1].vid_pid == "10c4:ea60"
    assert found[2].label() == "/dev/ttyUSB1 [CH340] USB2.0-Serial (1a86:7523)"
    assert found[0].label() == "/dev/ttyS0"
    assert found[1].to_json()["vid_pid"] == "10c4:ea60"


def test_list_ports_runs_on_this_machine() -> None:
    assert all(isinstance(p, PortInfo) for p in list_ports())


def test_absent_device_is_port_not_found(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(PortNotFound) as info:
        open_port(str(tmp_path / "ttyUSB0"), 9600, 0.1)
    assert "not found" in str(info.value)
    assert info.value.message_zh == "找不到串口：请插入温度计的USB连接线"


def test_unknown_url_scheme_is_port_not_found() -> None:
    with pytest.raises(PortNotFound, match="not a serial port"):
        open_port("bogus://x", 9600, 0.1)


@pytest.mark.parametrize(("code", "text"), [(errno.EACCES, "dialout"), (errno.EBUSY, "in use")])
def test_permission_and_busy_are_port_unavailable(
    code: int, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refusing(serial.Serial):
        def open(self) -> None:
            raise serial.SerialException(code, "could not open port")

    monkeypatch.setattr(ports.serial, "serial_for_url",
                        lambda url, do_not_open=True: Refusing())
    with pytest.raises(PortUnavailable, match=text) as info:
        open_port("/dev/ttyUSB0", 9600, 0.1)
    assert info.value.message_zh


def test_pyserial_urls_work() -> None:
    port = open_port("loop://", 9600, 0.05)
    port.write(b"\x02abc")
    assert port.read(4) == b"\x02abc"
    assert set_modem_lines(port, dtr=True, rts=True)
    port.close()


def test_modem_lines_on_a_pty_are_optional(emulator) -> None:  # noqa: ANN001
    emu = emulator("lutron16", [20.0])
    port = open_port(emu.path, 9600, 0.05, dtr=True, rts=True)  # ENOTTY is swallowed
    try:
        assert set_modem_lines(port, dtr=True) is False
        assert port.is_open
    finally:
        port.close()


def test_other_modem_line_errors_propagate() -> None:
    class Broken:
        @property
        def dtr(self) -> bool:
            return False

        @dtr.setter
        def dtr(self, value: bool) -> None:
            raise OSError(errno.EPERM, "not permitted")

    with pytest.raises(OSError):
        set_modem_lines(Broken(), dtr=True)
