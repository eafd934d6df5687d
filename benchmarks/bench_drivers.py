"""Driver benchmark: parser throughput and pseudo-terminal latency per protocol.

    .venv/bin/python benchmarks/bench_drivers.py [--frames N] [--seconds S]

For each protocol it prints
- frames/s of the pure parser (`parse_frame` on valid frames) and of the driver path
  (`Driver.feed`: splitter + resynchronisation + parse) on a concatenated byte stream;
- the latency from the emulator's write of a frame's bytes to the pseudo-terminal to the
  `Reading` returned by `Driver.poll()` in Python (median and p99), beside the frame's wire time
  at 9600 baud (bytes x 10 bits / 9600), and the ratio latency / wire time. The emulator runs
  in a separate process; for request/response meters the figure covers the answer frame only
  (the request and the meter's own reaction time are not part of it).

A ratio well below 1 means the software adds less delay than the serial line itself.
Not a timed test: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import bisect
import multiprocessing
import os
import platform
import signal
import statistics
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from drivers import get, open_port  # noqa: E402
from drivers.emulators import Emulator  # noqa: E402
from drivers.protocols import appa55ii, center309, lutron16, modbus_th, ms6514  # noqa: E402

BAUD = 9600
BITS_PER_BYTE = 10  # start + 8 data + stop (8N1)


def sample_frames(name: str, count: int = 200) -> list[bytes]:
    """`count` distinct valid frames of protocol `name` (values sweep a realistic range)."""
    values = [round(-20 + (i * 0.7) % 60, 1) for i in range(count)]
    makers: dict[str, Callable[[float], bytes]] = {
        "center309": lambda v: center309.build_frame([v, v + 1, v - 1, None]),
        "lutron16": lambda v: lutron16.build_frame(1 + int(abs(v)) % 4, v),
        "ms6514": lambda v: ms6514.build_frame(v, v + 0.5),
        "appa55ii": lambda v: appa55ii.build_frame(v, v - 0.5),
        "modbus-th": lambda v: modbus_th.build_response(1, 4, [round(v * 10)]),
    }
    return [makers[name](v) for v in values]


PARSERS: dict[str, Callable[[bytes], object]] = {
    "center309": lambda f: center309.parse_frame(f, t_wall=0.0, t_mono=0.0),
    "lutron16": lambda f: lutron16.parse_frame(f, t_wall=0.0, t_mono=0.0),
    "ms6514": lambda f: ms6514.parse_frame(f, t_wall=0.0, t_mono=0.0),
    "appa55ii": lambda f: appa55ii.parse_frame(f, t_wall=0.0, t_mono=0.0),
    "modbus-th": lambda f: modbus_th.parse_frame(f, t_wall=0.0, t_mono=0.0),
}


def parser_rate(name: str, seconds: float) -> tuple[float, float]:
    """(frames/s of parse_frame, frames/s of Driver.feed on a stream)."""
    frames = sample_frames(name)
    parse = PARSERS[name]
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for frame in frames:
            parse(frame)
        done += len(frames)
    pure = done / (time.perf_counter() - start)

    stream = b"".join(frames)
    chunks = [stream[i:i + 64] for i in range(0, len(stream), 64)]  # UART-sized reads
    driver = get(name)(None, clock=lambda: 0.0, wall_clock=lambda: 0.0)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for chunk in chunks:
            driver.feed(chunk)
        done += len(frames)
    fed = done / (time.perf_counter() - start)
    assert driver.frames_total == done, "every frame of the stream must decode"
    return pure, fed


def _serve_emulator(name: str, pace: float, conn: Connection) -> None:
    """Child process: serve the emulator, report its path, then its frame write times."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # terminated: still remove the pty
    streaming = get(name).streaming
    temps = [21.5, 20.5][: 1 if name == "modbus-th" else 2]
    with Emulator.for_protocol(name, temps, pace=pace if streaming else 0.0) as emulator:
        conn.send(emulator.path)
        conn.recv()  # the parent is done reading
        conn.send(list(emulator.write_times))


def pty_latency(name: str, frames: int, pace: float) -> tuple[list[float], int]:
    """Latencies (s) from write-to-pty to Reading, and the frame size in bytes.

    The emulator runs in another process, as a real meter is another device: in the same
    process it would compete with the reader for the GIL and distort the figures.
    CLOCK_MONOTONIC is system-wide, so both sides' timestamps compare directly.
    """
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=_serve_emulator, args=(name, pace, child), daemon=True)
    process.start()
    received: list[float] = []
    try:
        path = parent.recv()
        port = open_port(path, BAUD, 0.2)
        try:
            driver = get(name)(port, poll_interval=0.0)
            driver.read(timeout=2.0)  # warm up: the first frame may predate the open
            while len(received) < frames:
                if driver.poll():
                    received.append(time.monotonic())
        finally:
            port.close()
        parent.send("done")
        written = parent.recv()
    finally:
        process.join(timeout=5)
    # Each Reading belongs to the latest frame written before it was decoded (frames are
    # `pace` apart, far more than the latency, so the match is unambiguous).
    latencies = [t - written[bisect.bisect_right(written, t) - 1] for t in received]
    frame_size = len(sample_frames(name, 1)[0])
    return latencies, frame_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300, help="latency samples per protocol")
    parser.add_argument("--seconds", type=float, default=0.5, help="per throughput figure")
    parser.add_argument("--pace", type=float, default=0.01, help="s between streamed frames")
    args = parser.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {platform.python_version()} on {platform.platform()}, "
          f"{os.cpu_count()} CPUs, load average {load:.2f}")
    print(f"latency: {args.frames} frames per protocol; streamed every {args.pace * 1000:g} ms, "
          "request/response polled back to back\n")
    header = (f"{'protocol':<10} {'parse/s':>9} {'feed/s':>9} {'bytes':>5} {'wire ms':>8} "
              f"{'median ms':>9} {'p99 ms':>7} {'median/wire':>11} {'p99/wire':>8}")
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    for name in ["center309", "lutron16", "ms6514", "appa55ii", "modbus-th"]:
        pure, fed = parser_rate(name, args.seconds)
        latencies, size = pty_latency(name, args.frames, args.pace)
        wire = size * BITS_PER_BYTE / BAUD
        median = statistics.median(latencies)
        p99 = statistics.quantiles(latencies, n=100)[98]
        print(f"{name:<10} {pure:>9,.0f} {fed:>9,.0f} {size:>5} {wire * 1e3:>8.2f} "
              f"{median * 1e3:>9.3f} {p99 * 1e3:>7.3f} {median / wire:>11.4f} "
              f"{p99 / wire:>8.4f}", flush=True)
    print(f"\n(total {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
