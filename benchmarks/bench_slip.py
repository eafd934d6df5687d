"""How long a test slip takes to render, against the cheapest PDF reportlab can make with the font.

The baseline (one page, one short Chinese line, the same bundled TrueType registered, subset
embedded) runs in the same process and the same run, so the ratio says what the slip's layout
costs on this machine regardless of how fast the machine is.

    .venv/bin/python benchmarks/bench_slip.py [--n 15]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from inspector_app.slip import render  # noqa: E402
from inspector_app.slip.fonts import CJK_FONT, ensure_fonts  # noqa: E402
from tests.slip.envelopes import envelope  # noqa: E402


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15, help="timed runs per case (median)")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    ensure_fonts()
    register_ms = (time.perf_counter() - t) * 1000
    base = statistics.median(timings_ms(minimal_pdf, args.n * 4))
    print(f"font registration (once per process): {register_ms:.0f} ms")
    print(f"baseline, minimal 1-page PDF with the same font: {base:.2f} ms median "
          f"({len(minimal_pdf()) / 1024:.1f} KiB)")
    print(f"{'case':16} {'ms/slip':>8} {'min':>7} {'ms/page':>8} {'pages':>6} {'KiB':>7} "
          f"{'x baseline':>11}")
    for kind in ("resident", "refusal", "training"):
        env = envelope(kind)
        for paper in ("a4", "80mm"):
            result = render(env, paper=paper)
            times = timings_ms(lambda env=env, paper=paper: render(env, paper=paper), args.n)
            ms = statistics.median(times)
            print(f"{kind + ' ' + paper:16} {ms:8.1f} {min(times):7.1f} "
                  f"{ms / result.pages:8.1f} {result.pages:6d} {len(result.pdf) / 1024:7.1f} "
                  f"{ms / base:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
