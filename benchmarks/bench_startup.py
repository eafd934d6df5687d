"""Start time of the one-folder build against the same code run from the venv.

Both are started the same way in one run, alternated round by round so load on the machine
falls on both alike: `--version` (the interpreter, the imports of every command module, exit)
and the headless demo (a whole scripted visit on the emulated thermometer, sealed and stored in
a fresh data folder each time). The build gets an empty environment (HOME only), as a user's
shortcut would; the venv run gets the venv's Python with this checkout on PYTHONPATH.

    .venv/bin/python benchmarks/bench_startup.py --app dist/inspector-app [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {"--version": ["--version"], "demo --headless": ["demo", "--headless", "--json"]}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "inspector-app")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    built = [str(args.app / "inspector-app")]
    venv = [sys.executable, "-m", "inspector_app.cli"]
    print(f"{'case':16} {'build s':>8} {'venv s':>8} {'build/venv':>10}")
    for name, argv in CASES.items():
        times: dict[str, list[float]] = {"build": [], "venv": []}
        for _ in range(args.rounds):
            with tempfile.TemporaryDirectory() as home:
                bare = {"HOME": home, "QT_QPA_PLATFORM": "offscreen"}
                times["build"].append(timed(built + argv, bare))
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "HOME": home, "PYTHONPATH": str(ROOT),
                       "QT_QPA_PLATFORM": "offscreen"}
                env.pop("INSPECTOR_DATA_DIR", None)
                times["venv"].append(timed(venv + argv, env))
        b, v = statistics.median(times["build"]), statistics.median(times["venv"])
        print(f"{name:16} {b:8.2f} {v:8.2f} {b / v:10.2f}")


if __name__ == "__main__":
    main()
