"""Errors a field user may see, each with an English str() and a short Chinese `message_zh`.

The app shows `message_zh` first; the English text goes to logs and to the command line.
`FrameError` is different: it is internal (a byte sequence that is not a valid frame) and is
never shown to a user, so it is a `ValueError`, not a `DriverError`.
"""

from __future__ import annotations


class FrameError(ValueError):
    """Bytes that do not form a valid frame of the protocol (bad marker, length or checksum)."""


class DriverError(Exception):
    """Base of every error the drivers report to the app or the command line."""

    default_message = "Thermometer communication error"
    message_zh = "温度计通讯错误"

    def __init__(self, message: str | None = None, *, message_zh: str | None = None) -> None:
        super().__init__(message or self.default_message)
        if message_zh is not None:
            self.message_zh = message_zh

    @property
    def message(self) -> str:
        return str(self)


class NoSignal(DriverError):
    """Nothing arrived within the timeout: meter off, PC-link off, or cable loose."""

    default_message = (
        "No signal from the thermometer: check that it is switched on, that data output is "
        "enabled, and that the cable is connected"
    )
    message_zh = "温度计无信号：请检查连接线和电源"


class Disconnected(DriverError):
    """The port went away under us (USB cable unplugged)."""

    default_message = "Thermometer disconnected: plug the USB cable back in"
    message_zh = "温度计已断开：请重新插入USB线"


class WrongProtocol(DriverError):
    """Bytes arrive but never form a frame of the selected protocol."""

    default_message = (
        "Data arrives but is not in the selected thermometer's format: check the thermometer model"
    )
    message_zh = "收到的数据不是所选型号的格式：请确认温度计型号"


class PortNotFound(DriverError):
    """The serial device named by the user does not exist (yet)."""

    default_message = "Serial port not found: plug in the thermometer's USB cable"
    message_zh = "找不到串口：请插入温度计的USB连接线"


class PortUnavailable(DriverError):
    """The port exists but cannot be opened: in use by another program, or no permission."""

    default_message = "The serial port exists but cannot be opened (in use, or no permission)"
    message_zh = "串口无法打开：可能被其他程序占用或没有权限"


class DeviceError(DriverError):
    """The device answered in its protocol, but with an error (e.g. a Modbus exception)."""

    default_message = "The thermometer rejected the request: check its address and registers"
    message_zh = "温度计拒绝了读取请求：请检查通讯地址和寄存器设置"
