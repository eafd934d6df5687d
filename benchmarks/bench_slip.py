"""How long a test slip takes to render, against the cheapest PDF reportlab can make with the font.

The baseline (one page, one short Chinese line, the same bundled TrueType registered, subset
embedded) runs in the same process and the same run, so the ratio says what the slip's layout
costs on this machine regardless of how fast the machine is.

    .venv/bin/python benchmarks/bench_slip.py [--n 15] [--lang zh|en]

reportlab's C accelerators (PyPI package `rl_accel`, imported as `_rl_accel`) with and without,
in the same run: each side is a child process of this script, alternated `--rounds` times.

    .venv/bin/pip install --target /tmp/rl-accel rl_accel      # or into the venv
    .venv/bin/python benchmarks/bench_slip.py --compare-accel /tmp/rl-accel
"""

from __future__ import annotations

import sys

if "--no-accel" in sys.argv:        # before reportlab is imported: its pure-Python fallbacks
    sys.modules["_rl_accel"] = None  # type: ignore[assignment]

import argparse  # noqa: E402
import hashlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.lib import rl_accel  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from inspector_app.slip import render  # noqa: E402
from inspector_app.slip.fonts import CJK_FONT, ensure_fonts  # noqa: E402
from tests.slip.envelopes import envelope  # noqa: E402

KINDS = ("resident", "refusal", "training")
PAPERS = ("a4", "80mm")


def minimal_pdf() -> bytes:
    """One A4 page, one short Chinese line in the bundled font: the floor for any CJK PDF."""
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.setFont(CJK_FONT, 12)
    c.drawString(72, 770, "测温记录单 室内温度合格")
    c.showPage()
    c.save()
    return buf.getvalue()


def timings_ms(fn: Callable[[], object], n: int) -> list[float]:
    fn()  # warm: caches, imports
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def measure(n: int, lang: str) -> dict:
    """Every case timed in this process: the figures as a dict (what --json prints)."""
    t = time.perf_counter()
    ensure_fonts()
    register_ms = (time.perf_counter() - t) * 1000
    base = statistics.median(timings_ms(minimal_pdf, n * 4))
    cases = []
    for kind in KINDS:
        env = envelope(kind)
        for paper in PAPERS:
            result = render(env, paper=paper, lang=lang)
            times = timings_ms(lambda env=env, paper=paper: render(env, paper=paper, lang=lang), n)
            cases.append({"case": f"{kind} {paper}", "median": statistics.median(times),
                          "min": min(times), "pages": result.pages, "bytes": len(result.pdf),
                          "sha256": hashlib.sha256(result.pdf).hexdigest()})
    return {"accel": sorted(rl_accel._c_funcs), "register_ms": register_ms, "base": base,
            "base_bytes": len(minimal_pdf()), "lang": lang, "cases": cases}


def print_table(data: dict) -> None:
    base = data["base"]
    accel = ", ".join(data["accel"]) or "none (pure Python)"
    print(f"reportlab C accelerators in use: {accel}")
    print(f"font registration (once per process): {data['register_ms']:.0f} ms")
    print(f"baseline, minimal 1-page PDF with the same font: {base:.2f} ms median "
          f"({data['base_bytes'] / 1024:.1f} KiB)")
    print(f"{'case':16} {'ms/slip':>8} {'min':>7} {'ms/page':>8} {'pages':>6} {'KiB':>7} "
          f"{'x baseline':>11}")
    for c in data["cases"]:
        print(f"{c['case']:16} {c['median']:8.1f} {c['min']:7.1f} {c['median'] / c['pages']:8.1f} "
              f"{c['pages']:6d} {c['bytes'] / 1024:7.1f} {c['median'] / base:11.1f}")


def child(accel: bool, path: str | None, n: int, lang: str) -> dict:
    """One measuring run in a fresh interpreter, with or without the accelerators."""
    env = dict(os.environ)
    argv = [sys.executable, str(Path(__file__).resolve()), "--json", "--n", str(n), "--lang", lang]
    if accel:
        if path:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [path, env.get("PYTHONPATH")]))
    else:
        argv.append("--no-accel")
    out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compare(path: str | None, n: int, rounds: int, lang: str) -> int:
    runs: dict[bool, list[dict]] = {False: [], True: []}
    for _ in range(rounds):              # alternate, so a change in the machine's load hits both
        for accel in (False, True):
            runs[accel].append(child(accel, path, n, lang))
    if not runs[True][0]["accel"]:
        print("rl_accel is not importable: install it (see --help) or pass its folder",
              file=sys.stderr)
        return 1
    print(f"with: {', '.join(runs[True][0]['accel'])}")
    print(f"{rounds} rounds alternated, {n} timed renders a case each; per side the lowest "
          "median and the fastest run over the rounds; speed-up = min off / min on")

    def best(accel: bool, i: int, key: str) -> float:
        return min(r["cases"][i][key] for r in runs[accel])

    print(f"{'case':16} {'median off':>10} {'median on':>10} {'min off':>8} {'min on':>8} "
          f"{'speed-up':>9} {'same bytes':>10}")
    for i, case in enumerate(runs[False][0]["cases"]):
        off, on = best(False, i, "min"), best(True, i, "min")   # min: least moved by load
        same = case["sha256"] == runs[True][0]["cases"][i]["sha256"]
        print(f"{case['case']:16} {best(False, i, 'median'):10.1f} {best(True, i, 'median'):10.1f} "
              f"{off:8.1f} {on:8.1f} {off / on:8.2f}x {'yes' if same else 'NO':>10}")
    for accel in (False, True):
        base = min(r["base"] for r in runs[accel])
        reg = min(r["register_ms"] for r in runs[accel])
        print(f"accelerators {'on ' if accel else 'off'}: baseline {base:.2f} ms, "
              f"font registration {reg:.0f} ms")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15, help="timed runs per case (median)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="slip language")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-accel", action="store_true",
                        help="hide reportlab's C accelerators (_rl_accel) from this run")
    parser.add_argument("--compare-accel", nargs="?", const="", default=None, metavar="DIR",
                        help="time without and with rl_accel, each in a child process; DIR: "
                             "where `pip install --target DIR rl_accel` put it, if not installed")
    parser.add_argument("--rounds", type=int, default=2,
                        help="with --compare-accel: alternated runs per side")
    args = parser.parse_args(argv)
    if args.compare_accel is not None:
        return compare(args.compare_accel or None, args.n, args.rounds, args.lang)
    data = measure(args.n, args.lang)
    if args.json:
        print(json.dumps(data))
    else:
        print_table(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
