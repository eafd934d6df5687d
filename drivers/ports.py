"""Finding and opening serial ports, with errors a field user can act on.

`open_port` goes through `serial.serial_for_url`, so besides device paths and COM ports it takes
`loop://`, `socket://host:port`, `spy://PORT?file=log.txt` (a hex log of a real port, useful in
the field) and our own `sim://` simulated thermometer.
"""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass
from typing import Any

import serial
from serial.tools import list_ports as _list_ports

from .errors import PortNotFound, PortUnavailable

try:
    import termios

    _TERMIOS_ERRORS: tuple[type[Exception], ...] = (termios.error,)
except ImportError:  # Windows
    _TERMIOS_ERRORS = ()

_HANDLERS = "drivers.urlhandler"
if _HANDLERS not in serial.protocol_handler_packages:
    serial.protocol_handler_packages.append(_HANDLERS)

# USB-serial bridges found in thermometer cables, by USB vendor:product id.
BRIDGES: dict[tuple[int, int], str] = {
    (0x1A86, 0x7523): "CH340",
    (0x1A86, 0x5523): "CH340",  # CH341 in serial mode
    (0x1A86, 0x7522): "CH340",
    (0x1A86, 0x55D4): "CH340",  # CH9102, same driver family
    (0x10C4, 0xEA60): "CP210x",
    (0x10C4, 0xEA70): "CP210x",
    (0x10C4, 0xEA71): "CP210x",
    (0x0403, 0x6001): "FTDI",
    (0x0403, 0x6010): "FTDI",
    (0x0403, 0x6011): "FTDI",
    (0x0403, 0x6014): "FTDI",
    (0x0403, 0x6015): "FTDI",
    (0x067B, 0x2303): "PL2303",
    (0x067B, 0x23A3): "PL2303",
    (0x067B, 0x23C3): "PL2303",
    (0x067B, 0x23D3): "PL2303",
}
_NOT_FOUND_ERRNOS = {errno.ENOENT, errno.ENODEV, errno.ENXIO}
_MODEM_LINE_ERRNOS = {errno.ENOTTY, errno.EINVAL, errno.EIO}


@dataclass(frozen=True)
class PortInfo:
    """One serial port as the operating system describes it."""

    device: str
    description: str
    vid: int | None = None
    pid: int | None = None
    bridge: str | None = None
    serial_number: str | None = None
    hwid: str = ""

    @property
    def vid_pid(self) -> str | None:
        """'1a86:7523' style id, or None for a port without USB ids."""
        if self.vid is None or self.pid is None:
            return None
        return f"{self.vid:04x}:{self.pid:04x}"

    def label(self) -> str:
        """One line for a port chooser: device, bridge, description, ids."""
        parts = [self.device]
        if self.bridge:
            parts.append(f"[{self.bridge}]")
        if self.description and self.description != "n/a":
            parts.append(self.description)
        if self.vid_pid:
            parts.append(f"({self.vid_pid})")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["vid_pid"] = self.vid_pid
        return data


def bridge_name(vid: int | None, pid: int | None) -> str | None:
    """'CH340', 'CP210x', 'FTDI', 'PL2303' for a known USB-serial bridge, else None."""
    if vid is None or pid is None:
        return None
    name = BRIDGES.get((vid, pid))
    if name is None and vid == 0x0403:
        name = "FTDI"  # FTDI's own vendor id: every product is one of their bridges
    return name


def list_ports(include_links: bool = False) -> list[PortInfo]:
    """Serial ports present now, USB bridges named; sorted by device name."""
    ports = []
    for p in _list_ports.comports(include_links=include_links):
        ports.append(
            PortInfo(
                device=p.device,
                description=p.description or "",
                vid=p.vid,
                pid=p.pid,
                bridge=bridge_name(p.vid, p.pid),
                serial_number=p.serial_number,
                hwid=p.hwid or "",
            )
        )
    return sorted(ports, key=lambda info: info.device)


def _is_absent(exc: serial.SerialException) -> bool:
    if exc.errno in _NOT_FOUND_ERRNOS:
        return True
    text = str(exc)
    # Windows: "could not open port 'COM7': FileNotFoundError(2, 'The system cannot find ...')"
    return "FileNotFoundError" in text or "No such file" in text or "cannot find" in text


def open_port(
    url: str,
    baudrate: int = 9600,
    timeout: float = 0.1,
    *,
    dtr: bool | None = None,
    rts: bool | None = None,
) -> serial.Serial:
    """Open a port or pyserial URL at 8N1; PortNotFound / PortUnavailable with a clear message.

    `dtr`/`rts` raise or lower the modem lines after opening (Lutron cables are powered from
    them); on a pseudo-terminal or a URL without modem lines the request is ignored.
    """
    try:
        port = serial.serial_for_url(url, do_not_open=True)
    except ValueError as exc:
        raise PortNotFound(
            f"{url!r} is not a serial port or a known port URL ({exc})",
            message_zh="串口地址无效：请检查端口名称",
        ) from exc
    port.baudrate = baudrate
    port.bytesize = serial.EIGHTBITS
    port.parity = serial.PARITY_NONE
    port.stopbits = serial.STOPBITS_ONE
    port.timeout = timeout
    port.write_timeout = max(1.0, timeout)
    try:
        port.open()
    except serial.SerialException as exc:
        if _is_absent(exc):
            raise PortNotFound(
                f"Serial port {url} not found: plug in the thermometer's USB cable "
                "(or pick another port)"
            ) from exc
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise PortUnavailable(
                f"No permission to open {url}: on Linux add the user to the 'dialout' group",
                message_zh="没有权限打开串口：请联系管理员",
            ) from exc
        if exc.errno == errno.EBUSY:
            raise PortUnavailable(
                f"{url} is in use by another program: close it and try again",
                message_zh="串口被其他程序占用：请关闭该程序后重试",
            ) from exc
        raise PortUnavailable(f"Cannot open {url}: {exc}") from exc
    set_modem_lines(port, dtr=dtr, rts=rts)
    return port


def set_modem_lines(port: Any, *, dtr: bool | None = None, rts: bool | None = None) -> bool:
    """Set DTR/RTS where the port has them; False when it has not (pseudo-terminal: ENOTTY)."""
    try:
        if dtr is not None:
            port.dtr = dtr
        if rts is not None:
            port.rts = rts
    except (OSError, AttributeError, NotImplementedError, *_TERMIOS_ERRORS) as exc:
        code = getattr(exc, "errno", None)
        if isinstance(exc, OSError) and code is not None and code not in _MODEM_LINE_ERRNOS:
            raise
        return False
    return True
