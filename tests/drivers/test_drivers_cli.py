"""The command line, in process and (for `emulate`) as real subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers import Reading
from drivers.cli import EXIT_DISCONNECTED, EXIT_NO_SIGNAL, EXIT_WRONG_PROTOCOL, format_reading
from drivers.cli import main as cli

REPO = Path(__file__).resolve().parents[2]


def test_list_json_names_protocols(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in data["protocols"]] == ["appa55ii", "center309", "lutron16",
                                                      "modbus-th", "ms6514", "simulated"]
    assert isinstance(data["ports"], list)


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["list"]) == 0
    out = capsys.readouterr().out
    assert "Ports:" in out and "center309" in out and "Center 309 / Voltcraft K204" in out


def test_read_json_count(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["read", "--protocol", "simulated", "--port", "sim://?temps=21.5,19&pace=0.01",
                "--count", "3", "--json"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines:
        obj = json.loads(line)
        assert {"value_c", "channel", "unit", "flags", "t_wall"} <= set(obj)
        assert obj["value_c"] in (21.5, 19.0) and obj["unit"] == "C" and obj["flags"] == []


def test_read_text_with_channel_and_option(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["read", "--protocol", "modbus-th", "--port",
                "sim://?protocol=modbus-th&temps=22.5", "--count", "2", "--channel", "1",
                "-o", "poll_interval=0.01"])
    assert code == 0
    assert capsys.readouterr().out.splitlines() == ["T1  22.5 °C", "T1  22.5 °C"]


def test_read_missing_port_exits_with_message(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["read", "--protocol", "lutron16", "--port", str(tmp_path / "ttyUSB9")])
    assert code == EXIT_DISCONNECTED
    err = capsys.readouterr().err
    assert "not found" in err and "找不到串口" in err


def test_read_no_signal_exits_non_zero(emulator, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    emu = emulator("modbus-th", [20.0], address=9)
    code = cli(["read", "--protocol", "modbus-th", "--port", emu.path, "--timeout", "0.3",
                "-o", "poll_interval=0.05"])
    assert code == EXIT_NO_SIGNAL
    assert "温度计无信号" in capsys.readouterr().err


def test_read_wrong_protocol_exits_non_zero(emulator, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    emu = emulator("lutron16", [20.0])
    code = cli(["read", "--protocol", "ms6514", "--port", emu.path, "--timeout", "0.3"])
    assert code == EXIT_WRONG_PROTOCOL
    assert "请确认温度计型号" in capsys.readouterr().err


def test_probe_prints_the_protocol(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["probe", "--port", "sim://?protocol=appa55ii&temps=20&pace=0.02",
                "--seconds", "0.3"]) == 0
    assert capsys.readouterr().out.startswith("appa55ii\t")


def test_unknown_protocol_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["read", "--protocol", "testo", "--port", "loop://"])
    assert info.value.code == 2


def test_format_reading() -> None:
    base = {"channel": 2, "t_wall": 0.0, "t_mono": 0.0}
    assert format_reading(Reading(24.0, 75.2, "F", **base)) == "T2  75.2 °F (24.0 °C)"
    assert format_reading(Reading(None, None, "C", flags={"overload"}, **base)) == (
        "T2  --  [overload]")
    assert format_reading(Reading(None, 0.52, "?B2", flags={"unknown_unit"}, **base)) == (
        "T2  0.52 ?B2  [unknown_unit]")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_emulate_and_read_as_subprocesses() -> None:
    emulate = subprocess.Popen(
        [sys.executable, "-m", "drivers", "emulate", "--protocol", "lutron16",
         "--temps", "18.2,17.9", "--pace", "0.05", "--garbage-every", "3", "--seed", "1"],
        cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        path = emulate.stdout.readline().strip()  # type: ignore[union-attr]
        assert os.path.islink(path)
        result = subprocess.run(
            [sys.executable, "-m", "drivers", "read", "--protocol", "lutron16", "--port", path,
             "--count", "4", "--json"],
            cwd=REPO, env=_env(), capture_output=True, text=True, timeout=20,
        )
        assert result.returncode == 0, result.stderr
        values = {json.loads(line)["value_c"] for line in result.stdout.splitlines()}
        assert values == {18.2, 17.9}
    finally:
        started = time.monotonic()
        emulate.send_signal(signal.SIGTERM)
        assert emulate.wait(timeout=5) == 0
        assert time.monotonic() - started < 2
    assert not os.path.lexists(path)


def test_emulate_stops_on_sigint_even_if_inherited_as_ignored() -> None:
    emulate = subprocess.Popen(
        [sys.executable, "-m", "drivers", "emulate", "--protocol", "ms6514", "--temps", "20"],
        cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # a shell's bg job
    )
    path = emulate.stdout.readline().strip()  # type: ignore[union-attr]
    emulate.send_signal(signal.SIGINT)
    assert emulate.wait(timeout=5) == 0
    assert path and not os.path.lexists(path)
