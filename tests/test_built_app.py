"""The PyInstaller one-folder build runs on its own (issue #18, items 1, 2 and 4).

The build is made once per test run (`packaging/inspector-app.spec`, as `scripts/build-app`
makes it), or taken from INSPECTOR_BUILT_APP (a `dist/inspector-app` folder) when given. Every
program in it is started with an empty environment: only HOME (a fresh folder) and
QT_QPA_PLATFORM=offscreen, no PATH, no venv, no PYTHONPATH, so nothing outside the folder (and
the system's C libraries) can stand in for what the build forgot.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.test_upgrade import newer_release_folder, previous_release_folder

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "inspector-app.spec"
EXE = ".exe" if sys.platform == "win32" else ""
ERROR_LINE = re.compile(r"traceback|error|critical|fatal|cannot|could not|failed", re.I)


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory) -> Path:
    given = os.environ.get("INSPECTOR_BUILT_APP")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(SPEC)],
                   cwd=ROOT, check=True, timeout=900)
    return out / "dist" / "inspector-app"


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def run(app_dir: Path, program: str, *args: str, env: dict[str, str], cwd: Path):
    return subprocess.run([str(app_dir / f"{program}{EXE}"), *args], env=env, cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def mapped_files(pid: int) -> set[Path]:
    """The files a running process has mapped (Linux); empty where /proc is not there."""
    maps = Path(f"/proc/{pid}/maps")
    if not maps.exists():
        return set()
    return {Path(line.split(None, 5)[5].strip()) for line in maps.read_text().splitlines()
            if len(line.split(None, 5)) == 6 and line.split(None, 5)[5].startswith("/")}


def test_the_folder_holds_what_the_app_needs_and_no_unused_qt(app_dir):
    internal = app_dir / "_internal"
    for needed in ("forms/main_window.ui", "resources/profiles/changchun.toml",
                   "resources/i18n/inspector_zh_CN.qm",
                   "resources/fonts/DroidSansFallbackFull.ttf",
                   "resources/fonts/LICENSE-Apache-2.0.txt",
                   "inspector_app/office/migrations/env.py"):
        assert (internal / needed).is_file(), needed
    assert list(internal.rglob("qtbase_zh_CN.qm"))
    assert not [p for p in internal.rglob("*.qm") if p.name.startswith("qtbase_")
                and p.name != "qtbase_zh_CN.qm"]
    plugins = {p.parent.name + "/" + p.name for p in internal.rglob("plugins/*/*")}
    for wanted in ("platforms/libqoffscreen", "platforms/libqxcb", "printsupport/",
                   "imageformats/libqjpeg"):
        assert any(p.startswith(wanted) for p in plugins), wanted
    names = [p.name for p in internal.rglob("*")]
    for unused in ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Multimedia", "libgtk-3"):
        assert not [n for n in names if unused in n], unused
    assert not (internal / "tests").exists()
    size = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbuild size: {size / 2**20:.0f} MiB in {app_dir}")


def test_headless_demo_seals_a_record_that_verifies_with_an_empty_environment(
        app_dir, bare_env, tmp_path):
    demo = run(app_dir, "inspector-app", "demo", "--headless", "--json", env=bare_env,
               cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert demo.stderr == ""
    result = json.loads(demo.stdout)
    assert result["verdict"] == "fail"  # the demo's 17.2 °C bedroom, Changchun's 18 °C line
    assert result["stored_state"] == "sealed" and result["training"] is True
    assert Path(result["database"]).is_relative_to(bare_env["HOME"])
    verify = run(app_dir, "inspector-app", "verify", "--json", env=bare_env, cwd=tmp_path)
    assert verify.returncode == 0, verify.stderr
    checked = json.loads(verify.stdout)
    assert checked["ok"] is True and checked["checked"] == 1 and checked["failing_records"] == []


def test_the_gui_starts_and_keeps_running_offscreen(app_dir, bare_env, tmp_path):
    proc = subprocess.Popen([str(app_dir / f"inspector-app{EXE}")], env=bare_env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=10)  # alive after 10 s: it did not die on a missing piece
        venv = Path(sys.prefix).resolve()
        borrowed = [path for path in mapped_files(proc.pid) if not path.is_relative_to(app_dir)
                    and (path.is_relative_to(ROOT) or path.is_relative_to(venv)
                         or "python3" in path.name or "Qt6" in path.name)]
        assert borrowed == []  # nothing loaded from the checkout, the venv or a system Python
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert not [line for line in err.splitlines() if ERROR_LINE.search(line)], err


def test_versions_of_both_programs(app_dir, bare_env, tmp_path):
    from inspector_app import __version__

    office = run(app_dir, "inspector-office", "--version", env=bare_env, cwd=tmp_path)
    assert office.returncode == 0 and office.stdout.strip() == f"inspector-office {__version__}"
    app = run(app_dir, "inspector-app", "--version", env=bare_env, cwd=tmp_path)
    assert app.returncode == 0
    assert app.stdout.startswith(f"inspector-app {__version__} (record format "
                                 "heating-inspection-record/1, data schema ")


def test_the_build_upgrades_an_older_folder_and_refuses_a_newer_one(app_dir, bare_env,
                                                                     tmp_path):
    older = tmp_path / "older"
    older.mkdir()
    previous = previous_release_folder(older)
    opened = run(app_dir, "inspector-app", "--data-dir", str(older), "records", "--json",
                 env=bare_env, cwd=tmp_path)
    assert opened.returncode == 0, opened.stderr
    assert (older / f"inspections.sqlite3.schema-{previous}.bak").is_file()

    newer = tmp_path / "newer"
    newer.mkdir()
    version = newer_release_folder(newer)
    database = newer / "inspections.sqlite3"
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    refused = run(app_dir, "inspector-app", "--data-dir", str(newer), "--lang", "en", "records",
                  env=bare_env, cwd=tmp_path)
    assert refused.returncode == 2
    assert "newer version of the program" in refused.stderr and str(version) in refused.stderr
    assert "Traceback" not in refused.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
