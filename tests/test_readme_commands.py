"""Every command line in the README's shell blocks, run as written (issue #13, item 5).

The lines run in a fresh folder with the README's programs on the PATH (the checkout's code, via
small launchers), against a temporary data folder and office database. `serve` is started,
asked for its health and the residents' page, and stopped. `./scripts/run-demo` runs for real
(it sets up .venv and runs the scripted visit headless). `./scripts/test` would run this very
suite again, so it is checked to be the same pytest run instead. A line of any other shape fails
the test: nothing is skipped silently.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = {"inspector-app": "inspector_app.cli", "inspector-office": "inspector_app.office.cli"}


def readme_lines() -> list[str]:
    """Command lines of the ```sh blocks, continuation lines joined, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


LINES = readme_lines()


def test_the_readme_shows_the_commands_this_test_runs():
    assert "./scripts/run-demo" in LINES and "./scripts/test" in LINES
    assert any(line.startswith("inspector-office serve ") and "--db" in line.split("serve")[1]
               for line in LINES)
    assert any(line.startswith("inspector-app demo") and "--lang en" in line for line in LINES)
    assert any(line.startswith("inspector-office serve ") and "--trusted-proxy" in line
               for line in LINES)
    assert any(line.startswith("inspector-office device-log") for line in LINES)


@pytest.fixture
def place(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder and an environment whose PATH finds the README's programs."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, module in PROGRAMS.items():
        launcher = bin_dir / name
        launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m {module} "$@"\n',
                            encoding="utf-8")
        launcher.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "INSPECTOR_LANG",
                        "INSPECTOR_OFFICE_DB")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONPATH=str(ROOT),
               INSPECTOR_DATA_DIR=str(tmp_path / "data"))
    return work, env


def _port_of(line: str) -> int:
    return int(shlex.split(line)[shlex.split(line).index("--port") + 1])


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _serve(line: str, work: Path, env: dict[str, str]) -> None:
    port = _port_of(line)
    deadline = time.monotonic() + 30
    while not _free(port):           # another run of this test may still be closing it
        assert time.monotonic() < deadline, f"port {port} of the README's line stays busy"
        time.sleep(0.5)
    proc = subprocess.Popen(["bash", "-c", line], cwd=work, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
        assert health["service"] == "inspector-office"
        page = httpx.get(f"http://127.0.0.1:{port}/v/no-such-record", timeout=5)
        assert page.status_code == 404 and "本办公室没有这条记录" in page.text
        assert (work / "office.sqlite3").exists()        # --db after the subcommand was used
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)


@pytest.mark.slow
def test_every_readme_command_line_runs_as_written(place):
    work, env = place
    ran = []
    for line in LINES:
        program = line.split()[0]
        if line == "./scripts/test":
            script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
            assert 'exec .venv/bin/python -m pytest "$@"' in script
            assert "./scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        elif line == "./scripts/run-demo":
            done = subprocess.run(["bash", "-c", line], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=900)
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
            assert "inspections.sqlite3" in done.stdout
        elif program == "inspector-office" and line.split()[1] == "serve":
            _serve(line, work, env)
        elif program in PROGRAMS or line.startswith("printf "):
            done = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True,
                                  text=True, timeout=300)
            assert done.returncode == 0, (line, done.stdout[-1500:], done.stderr[-1500:])
            assert "Traceback" not in done.stderr
        else:
            pytest.fail(f"the README shows a command this test does not know how to run: {line}")
        ran.append(line)
    assert ran == LINES


def test_global_options_go_before_or_after_the_subcommand(tmp_path, capsys):
    """Every subcommand of both programs takes the global options after it."""
    from inspector_app.cli import build_parser as app_parser
    from inspector_app.office.cli import build_parser as office_parser

    for build, globals_ in ((app_parser, ("--data-dir", "--lang")),
                            (office_parser, ("--db", "--lang"))):
        parser = build()
        sub = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
        for name, subparser in sub.choices.items():
            options = {o for a in subparser._actions for o in a.option_strings}
            assert set(globals_) <= options, (parser.prog, name)
    args = office_parser().parse_args(["--db", "a", "--lang", "en", "serve", "--db", "b"])
    assert str(args.db) == "b" and args.lang == "en"          # after wins over before
    args = app_parser().parse_args(["demo", "--lang", "en", "--data-dir", str(tmp_path)])
    assert args.lang == "en" and args.data_dir == str(tmp_path)
    assert app_parser().parse_args(["records"]).lang in ("zh", "en")
