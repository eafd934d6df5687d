"""Command line: list ports, probe a port, read a thermometer, run an emulator.

    python -m drivers list [--json]
    python -m drivers probe --port URL
    python -m drivers read --protocol NAME --port URL [--count N] [--json]
    python -m drivers emulate --protocol NAME --temps 18.2[,17.9,...]

URL is a device path (/dev/ttyUSB0), a COM port (COM3) or any pyserial URL (socket://,
spy://, loop://, and sim:// for a simulated thermometer). Faults go to stderr in English and
Chinese, with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import Any, TextIO

from .curve import Curve
from .errors import DriverError
from .monitor import (
    DISCONNECTED,
    NO_SIGNAL,
    WRONG_PROTOCOL,
    Monitor,
    ReadingEvent,
    StatusEvent,
)
from .ports import list_ports
from .probe import probe
from .reading import Reading
from .registry import get, names

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # probe: no protocol answered
EXIT_USAGE = 2
EXIT_NO_SIGNAL = 3
EXIT_WRONG_PROTOCOL = 4
EXIT_DISCONNECTED = 5
_EXIT_FOR_STATE = {
    NO_SIGNAL: EXIT_NO_SIGNAL,
    WRONG_PROTOCOL: EXIT_WRONG_PROTOCOL,
    DISCONNECTED: EXIT_DISCONNECTED,
}


def _floats(text: str) -> list[float]:
    try:
        return [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas: {text!r}") from None


def _option(text: str) -> tuple[str, Any]:
    """KEY=VALUE with VALUE read as bool/None/int/float when it looks like one."""
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    lowered = raw.lower()
    value: Any
    if lowered in ("true", "yes", "on"):
        value = True
    elif lowered in ("false", "no", "off"):
        value = False
    elif lowered in ("none", "null"):
        value = None
    else:
        try:
            value = int(raw, 0)
        except ValueError:
            try:
                value = float(raw)
            except ValueError:
                value = raw
    return key.replace("-", "_"), value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m drivers", description="Thermometer drivers: ports, probing, reading."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="serial ports (USB bridges named) and protocols")
    listing.add_argument("--json", action="store_true", help="one JSON document")
    listing.add_argument("--links", action="store_true", help="include symlinks to ports")

    probing = commands.add_parser("probe", help="find which protocol the port speaks")
    probing.add_argument("--port", required=True, metavar="URL")
    probing.add_argument("--seconds", type=float, default=1.5, help="per protocol (default 1.5)")
    probing.add_argument("--protocols", help="comma-separated subset to try, in order")

    reading = commands.add_parser("read", help="print readings")
    reading.add_argument("--protocol", required=True, choices=names())
    reading.add_argument("--port", required=True, metavar="URL")
    reading.add_argument("--count", type=int, help="stop after N readings (exit 0)")
    reading.add_argument("--channel", type=int, help="only this channel (T1 = 1)")
    reading.add_argument("--json", action="store_true", help="one JSON object per line")
    reading.add_argument("--timeout", type=float, default=3.0,
                         help="seconds without a valid reading before giving up (default 3)")
    reading.add_argument("--reconnect", action="store_true",
                         help="keep waiting through faults instead of exiting")
    reading.add_argument("--option", "-o", action="append", type=_option, default=[],
                         metavar="KEY=VALUE", help="driver option, e.g. address=2 (repeatable)")

    emulate = commands.add_parser("emulate", help="serve an emulated thermometer on a pty")
    emulate.add_argument("--protocol", required=True)
    emulate.add_argument("--temps", required=True, type=_floats, help="°C, e.g. 18.2,17.9")
    emulate.add_argument("--start", type=_floats, help="°C at start, to show settling")
    emulate.add_argument("--settle", type=float, default=120.0, help="settling time in s")
    emulate.add_argument("--drift", type=float, default=0.0, help="drift in °C per hour")
    emulate.add_argument("--noise", type=float, default=0.0, help="gaussian noise in °C")
    emulate.add_argument("--pace", type=float,
                         help="seconds between frames (request/response meters: answer delay)")
    emulate.add_argument("--time-scale", type=float, default=1.0, help="curve speed-up")
    emulate.add_argument("--garbage-every", type=int, default=0, metavar="N",
                         help="line noise before every Nth frame")
    emulate.add_argument("--unit", default="C", help="display unit (C, F or K)")
    emulate.add_argument("--hold", action="store_true", help="start with HOLD on")
    emulate.add_argument("--seed", type=int, help="seed for noise and garbage")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"list": cmd_list, "probe": cmd_probe, "read": cmd_read, "emulate": cmd_emulate}
    try:
        return handler[args.command](args)
    except KeyboardInterrupt:
        return 130
    except DriverError as exc:
        _fail(exc.message, exc.message_zh)
        return EXIT_DISCONNECTED
    except (KeyError, ValueError, TypeError, NotImplementedError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _fail(message: str, message_zh: str, stream: TextIO | None = None) -> None:
    print(f"{message}\n{message_zh}", file=stream or sys.stderr, flush=True)


def cmd_list(args: argparse.Namespace) -> int:
    ports = list_ports(include_links=args.links)
    protocols = [{"name": n, "title": get(n).title, "baudrate": get(n).baudrate} for n in names()]
    if args.json:
        json.dump({"ports": [p.to_json() for p in ports], "protocols": protocols}, sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    print("Ports:")
    for port in ports:
        print(f"  {port.label()}")
    if not ports:
        print("  (none found: is the USB cable plugged in?)")
    print("Protocols:")
    for proto in protocols:
        print(f"  {proto['name']:<10} {proto['title']} ({proto['baudrate']} baud)")
    return EXIT_OK


def cmd_probe(args: argparse.Namespace) -> int:
    protocols = [p.strip() for p in args.protocols.split(",")] if args.protocols else None
    found = probe(args.port, protocols, seconds_each=args.seconds)
    if found is None:
        _fail(f"No known protocol answered on {args.port}",
              "未识别温度计：请确认型号、数据输出已打开并检查连接线")
        return EXIT_NOT_FOUND
    print(f"{found}\t{get(found).title}", flush=True)
    return EXIT_OK


def format_reading(reading: Reading) -> str:
    """One human line: 'T1  23.9 °C', 'T2  75.2 °F (24.0 °C)', 'T4  --  [overload]'."""
    if reading.raw_value is None:
        text = "--"
    elif reading.unit == "%RH":
        text = f"{reading.raw_value:.1f} %RH"
    elif reading.unit == "C":
        text = f"{reading.raw_value:.1f} °C"
    elif reading.value_c is not None:
        symbol = "°F" if reading.unit == "F" else reading.unit
        text = f"{reading.raw_value:.1f} {symbol} ({reading.value_c:.1f} °C)"
    else:
        text = f"{reading.raw_value:g} {reading.unit}"
    flags = f"  [{', '.join(sorted(reading.flags))}]" if reading.flags else ""
    return f"T{reading.channel}  {text}{flags}"


def cmd_read(args: argparse.Namespace) -> int:
    options = dict(args.option)
    monitor = Monitor(args.port, args.protocol, options=options, no_signal_after=args.timeout)
    stop = threading.Event()
    shown = 0
    for event in monitor.events(stop):
        if isinstance(event, StatusEvent):
            if event.state in _EXIT_FOR_STATE and not args.reconnect:
                _fail(event.message, event.message_zh)
                return _EXIT_FOR_STATE[event.state]
            if args.reconnect:
                print(f"[{event.state}] {event.message}", file=sys.stderr, flush=True)
            continue
        assert isinstance(event, ReadingEvent)
        reading = event.reading
        if args.channel is not None and reading.channel != args.channel:
            continue
        if args.json:
            print(json.dumps(reading.to_json(), ensure_ascii=False), flush=True)
        else:
            print(format_reading(reading), flush=True)
        shown += 1
        if args.count is not None and shown >= args.count:
            stop.set()
            break
    return EXIT_OK


def cmd_emulate(args: argparse.Namespace) -> int:
    from .emulators import Emulator

    starts = args.start or []
    curves = [
        Curve(t, start=starts[i] if i < len(starts) else None, settle_s=args.settle,
              drift_per_h=args.drift, noise=args.noise,
              seed=None if args.seed is None else args.seed + i)
        for i, t in enumerate(args.temps)
    ]
    emulator = Emulator.for_protocol(
        args.protocol, curves, noise=args.noise, pace=args.pace, time_scale=args.time_scale,
        garbage_every=args.garbage_every, unit=args.unit, seed=args.seed,
    )
    stop = threading.Event()

    def _terminate(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Both handled explicitly: a job started in the background by a shell inherits SIGINT as
    # ignored, and "serves until SIGINT/SIGTERM" must hold there too.
    previous = {sig: signal.signal(sig, _terminate) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with emulator:
            if args.hold:
                emulator.set_hold(True)
            print(emulator.path, flush=True)
            print(f"Emulating {emulator.model.title} on {emulator.path} -> {emulator.device}; "
                  "Ctrl-C to stop", file=sys.stderr, flush=True)
            while not stop.wait(0.5):
                pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK
