"""The window tour's report, made once per language per test session (it takes a few seconds)."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from window_tour import screen_config

TOUR = Path(__file__).with_name("window_tour.py")


@functools.cache
def tour(lang: str) -> dict[str, Any]:
    """Run the tour in its own Qt process on a 1366×728 screen; its stops and recorded text."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / f"tour-{lang}.json"
        env = dict(os.environ, QT_QPA_PLATFORM=screen_config(folder))
        done = subprocess.run([sys.executable, str(TOUR), lang, str(out)], env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-4000:]
        return json.loads(out.read_text(encoding="utf-8"))
