"""Thermometer drivers: bytes from handheld thermometers in, `Reading`s out.

Qt-free and knows nothing of inspections. Main entry points:
    drivers.get(name)(transport).read()       one protocol over any transport
    drivers.Monitor(url, name).events(stop)   reconnecting reader loop (app worker thread, CLI)
    drivers.probe(url)                         which protocol does this port speak
    drivers.list_ports() / drivers.open_port(url, baudrate, timeout)
    drivers.emulators.Emulator.for_protocol(name, temps)   emulated meter on a pty
"""

from .base import Driver
from .curve import Curve
from .errors import (
    DeviceError,
    Disconnected,
    DriverError,
    FrameError,
    NoSignal,
    PortNotFound,
    PortUnavailable,
    WrongProtocol,
)
from .monitor import Monitor, ReadingEvent, StatusEvent, iter_readings
from .ports import PortInfo, list_ports, open_port
from .probe import probe
from .reading import (
    AVG,
    HOLD,
    LOW_BATTERY,
    MAX,
    MIN,
    NO_PROBE,
    OVERLOAD,
    REL,
    STORED,
    UNKNOWN_UNIT,
    Reading,
)
from .registry import get, names, register

__all__ = [
    "AVG",
    "HOLD",
    "LOW_BATTERY",
    "MAX",
    "MIN",
    "NO_PROBE",
    "OVERLOAD",
    "REL",
    "STORED",
    "UNKNOWN_UNIT",
    "Curve",
    "DeviceError",
    "Disconnected",
    "Driver",
    "DriverError",
    "FrameError",
    "Monitor",
    "NoSignal",
    "PortInfo",
    "PortNotFound",
    "PortUnavailable",
    "Reading",
    "ReadingEvent",
    "StatusEvent",
    "WrongProtocol",
    "get",
    "iter_readings",
    "list_ports",
    "names",
    "open_port",
    "probe",
    "register",
]
