"""Real office processes (`inspector-office serve`) on free ports, for tests and benchmarks.

Unlike the threaded live office (`tests.sync.live`), each of these is its own Python process, so
nothing can be shared between two of them but the database: what two of them agree on, the
database made them agree on.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from tests.pg_backend import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0


class OfficeProcess:
    """`python -m inspector_app.office.cli --db DB --lang en serve` on 127.0.0.1 and a free port."""

    def __init__(self, db: str, *extra: str, log: Path | None = None) -> None:
        self.db, self.extra, self.log = db, extra, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> OfficeProcess:
        """Launch the process (answers /api/v1/health once `wait_ready` returns)."""
        out = open(self.log, "wb") if self.log else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "inspector_app.office.cli", "--db", self.db,
                 "--lang", "en", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--log-level", "warning", *self.extra],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        finally:
            if self.log:
                out.close()
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"office process on port {self.port} exited with "
                                   f"{self.proc.returncode}: {self._log_tail()}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"office process on port {self.port} did not answer "
                                   f"/api/v1/health: {self._log_tail()}")
            time.sleep(0.1)

    def stop(self) -> int | None:
        """SIGINT (uvicorn's clean shutdown, as Ctrl-C), then SIGKILL if it hangs; its exit
        status."""
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def _log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log and self.log.exists() \
            else "(no log)"


@contextmanager
def office_processes(db: str, count: int = 2, *extra: str,
                     logs: Path | None = None) -> Iterator[Sequence[OfficeProcess]]:
    """`count` office processes over `db`, started together (so they race to upgrade a fresh
    schema) and all answering before this yields; stopped cleanly afterwards."""
    with ExitStack() as stack:
        offices = []
        for n in range(count):
            office = OfficeProcess(db, *extra,
                                   log=logs / f"office-{n}.log" if logs else None).start()
            stack.callback(office.stop)
            offices.append(office)
        for office in offices:
            office.wait_ready()
        yield offices
        for office in offices:   # 130: the command's answer to Ctrl-C once uvicorn has stopped
            assert office.stop() in (0, 130) and "Traceback" not in office._log_tail(), (
                "an office process did not stop cleanly", office._log_tail())
