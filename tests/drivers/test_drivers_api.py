"""Reading, flags, errors, registry and the package boundary."""

from __future__ import annotations

import ast
import json
import math
import pathlib

import pytest

import drivers
from drivers import (
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
from drivers.errors import (
    Disconnected,
    DriverError,
    NoSignal,
    PortNotFound,
    WrongProtocol,
)
from drivers.units import to_celsius

DRIVERS_DIR = pathlib.Path(drivers.__file__).parent


def reading(**kwargs) -> Reading:  # noqa: ANN003
    base = {"value_c": 20.5, "raw_value": 20.5, "unit": "C", "channel": 1, "t_wall": 1.0,
            "t_mono": 2.0}
    return Reading(**(base | kwargs))


def test_flag_constants_have_the_agreed_values() -> None:
    assert (HOLD, LOW_BATTERY, OVERLOAD, NO_PROBE, REL, MIN, MAX, STORED, UNKNOWN_UNIT) == (
        "hold", "low_battery", "overload", "no_probe", "rel", "min", "max", "stored",
        "unknown_unit")


@pytest.mark.parametrize("flag", [HOLD, OVERLOAD, NO_PROBE, REL, MIN, MAX, STORED, UNKNOWN_UNIT])
def test_blocking_flags_make_a_reading_unusable(flag: str) -> None:
    assert reading().usable
    assert not reading(flags=frozenset({flag})).usable


def test_low_battery_is_a_warning_only_and_none_value_is_unusable() -> None:
    assert reading(flags={LOW_BATTERY}).usable
    assert not reading(value_c=None).usable
    assert isinstance(reading(flags={LOW_BATTERY}).flags, frozenset)


def test_reading_is_frozen_and_validated() -> None:
    r = reading()
    with pytest.raises(AttributeError):
        r.value_c = 1.0  # type: ignore[misc]
    with pytest.raises(ValueError):
        reading(channel=0)
    with pytest.raises(ValueError):
        reading(flags={"bogus"})
    with pytest.raises(ValueError):
        reading(unit="Celsius")
    with pytest.raises(ValueError):
        reading(value_c=math.inf)


def test_to_json_keys_and_sorted_flags() -> None:
    data = reading(flags={MAX, HOLD}, device_time="12:30:00").to_json()
    assert data == {"value_c": 20.5, "raw_value": 20.5, "unit": "C", "channel": 1,
                    "flags": ["hold", "max"], "t_wall": 1.0, "t_mono": 2.0,
                    "device_time": "12:30:00"}
    json.dumps(data)


def test_unit_conversion() -> None:
    assert to_celsius(68.0, "F") == 20.0
    assert to_celsius(296.6, "K") == 23.45
    assert to_celsius(21.3, "C") == 21.3
    assert to_celsius(50.0, "%RH") is None
    assert to_celsius(0.52, "?B2") is None


@pytest.mark.parametrize(
    ("error", "zh"),
    [
        (NoSignal, "温度计无信号：请检查连接线和电源"),
        (Disconnected, "温度计已断开：请重新插入USB线"),
        (WrongProtocol, "收到的数据不是所选型号的格式：请确认温度计型号"),
        (PortNotFound, "找不到串口：请插入温度计的USB连接线"),
    ],
)
def test_errors_carry_english_and_chinese(error: type[DriverError], zh: str) -> None:
    exc = error()
    assert isinstance(exc, DriverError)
    assert exc.message_zh == zh
    assert str(exc) and str(exc).isascii()
    custom = error("detail", message_zh="细节")
    assert (str(custom), custom.message_zh) == ("detail", "细节")


def test_registry_names_and_lookup() -> None:
    assert drivers.names() == ["appa55ii", "center309", "lutron16", "modbus-th", "ms6514",
                               "simulated"]
    for name in drivers.names():
        cls = drivers.get(name)
        assert cls.name == name and cls.title and cls.baudrate == 9600
    with pytest.raises(KeyError, match="known protocols: appa55ii, center309"):
        drivers.get("testo435")


def test_register_refuses_a_second_driver_for_a_name() -> None:
    class Impostor(drivers.get("lutron16")):
        pass

    with pytest.raises(ValueError, match="already registered"):
        drivers.register(Impostor)


def _imports(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_drivers_import_no_qt_and_nothing_of_the_app() -> None:
    forbidden = {"PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "inspector_app"}
    for path in DRIVERS_DIR.rglob("*.py"):
        assert not (_imports(path) & forbidden), path
