"""Decode the driver test vectors with sigrok-cli, a second and independent reader.

Usage: .venv/bin/python scripts/sigrok/crosscheck.py   (needs sigrok-cli and a C compiler)

Each vector of the Center 309 and APPA 55II tables (tests/drivers/vectors) is served on a
pseudo-terminal and read by sigrok-cli; its values are compared with the table's. sigrok-cli
reaches a pty only through ptyshim.c (LD_PRELOAD): libserialport looks the port up under
/sys/class/tty and sets modem lines, which a pty has neither of. The MS6514 cannot be checked:
sigrok's mastech-ms6514 scan asks for a packet size twice its buffer and never finds the meter.
A difference the table explains in `sigrok_differs` is expected (the protocol description wins);
any other difference fails. Exit code 1 on an unexplained difference.
"""

from __future__ import annotations

import math
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tty
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.drivers.vectors import Vector  # noqa: E402
from tests.drivers.vectors import appa55ii as appa_table  # noqa: E402
from tests.drivers.vectors import center309 as center_table  # noqa: E402

SIGROK_DRIVERS = {"center309": ("center-309", center_table), "appa55ii": ("appa-55ii", appa_table)}
LINE = re.compile(r"^(T\d): (\S+) ?(\S*)")
UNITS = {"C": "°C", "F": "°F", "K": "K"}


def build_shim(folder: Path) -> Path:
    shim = folder / "ptyshim.so"
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(shim),
                    str(Path(__file__).with_name("ptyshim.c")), "-ldl"], check=True)
    return shim


def sigrok_read(driver: str, frame: bytes, shim: Path) -> dict[int, tuple[float, str]]:
    """Channel -> (value, unit) as sigrok-cli prints them (inf for overload), from `frame` sent
    repeatedly."""
    master, slave = pty.openpty()
    tty.setraw(master)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                os.write(master, frame)
            except OSError:
                return
            time.sleep(0.2)

    threading.Thread(target=serve, daemon=True).start()
    try:
        out = subprocess.run(
            ["sigrok-cli", "-d", f"{driver}:conn={os.ttyname(slave)}", "--samples", "3"],
            capture_output=True, text=True, timeout=20,
            env=dict(os.environ, LD_PRELOAD=str(shim)),
        ).stdout
    finally:
        stop.set()
        os.close(master)
        os.close(slave)
    values: dict[int, tuple[float, str]] = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            values[int(m.group(1)[1:])] = (float(m.group(2)), m.group(3))
    return values


def expected(vector: Vector, got: dict[int, tuple[float, str]]) -> dict[int, tuple[float, str]]:
    """What sigrok should print: the raw display value (inf where there is none) and its unit
    (an unknown unit is not compared)."""
    return {
        r.channel: (math.inf if r.raw_value is None else r.raw_value,
                    UNITS.get(r.unit, got.get(r.channel, (0, ""))[1]))
        for r in vector.readings
    }


def main() -> int:
    if not shutil.which("sigrok-cli") or not shutil.which("cc"):
        print("sigrok-cli and a C compiler are needed (Debian: sigrok-cli, gcc)", file=sys.stderr)
        return 2
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        shim = build_shim(Path(tmp))
        for protocol, (driver, table) in SIGROK_DRIVERS.items():
            for vector in table.VECTORS:
                if not vector.readings:
                    continue  # a log packet: nothing for sigrok to print
                got = sigrok_read(driver, vector.frame, shim)
                want = expected(vector, got)
                same = got == want
                verdict = "agrees" if same else (
                    "differs, explained" if vector.sigrok_differs else "DIFFERS")
                failures += verdict == "DIFFERS"
                print(f"{protocol:10} {verdict:18} {vector.name}")
                if not same:
                    print(f"{'':10} sigrok {got}  table {want}  {vector.sigrok_differs}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
