"""The wheel carries forms/ and resources/ inside the package, and the installed code finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_ships_forms_resources_and_finds_them_when_installed(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(REPO)], check=True)
    wheel = next(tmp_path.glob("heating_inspector-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "inspector_app/resources/profiles/changchun.toml" in names
    assert "inspector_app/resources/fonts/DroidSansFallbackFull.ttf" in names
    assert "inspector_app/resources/fonts/LICENSE-Apache-2.0.txt" in names
    assert any(n.startswith("inspector_app/forms/") and n.endswith(".ui") for n in names)
    assert "drivers/__init__.py" in names or any(n.startswith("drivers/") for n in names)
    assert not any(n.startswith("tests/") for n in names)
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = ("import inspector_app.paths as p, inspector_app.core.profile as pr;"
             "print(p.shipped_dir('resources')); print(pr.load_profile('tianjin').title_zh)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(target)}, check=True)
    folder, title = out.stdout.splitlines()
    assert Path(folder) == target / "inspector_app" / "resources"
    assert title == "天津市"


def test_frozen_build_finds_its_folders_in_the_bundle(tmp_path, monkeypatch):
    """PyInstaller's `sys._MEIPASS` is asked first when frozen (packaging/inspector-app.spec
    puts forms/ and resources/ there), before any folder beside the package."""
    import inspector_app.paths as paths

    (tmp_path / "resources").mkdir()
    (tmp_path / "forms").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.shipped_dir("resources") == tmp_path / "resources"
    assert paths.form("main_window.ui") == tmp_path / "forms" / "main_window.ui"
    monkeypatch.setattr(sys, "frozen", False)
    assert paths.shipped_dir("resources") != tmp_path / "resources"
