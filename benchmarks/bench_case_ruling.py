"""A ruling over a case of ten records against a one-record ruling: compute and render.

    .venv/bin/python benchmarks/bench_case_ruling.py [--rounds 15] [--lang zh|en] [--pg URL]

Ten visits of one Changchun household (the same address, company and laptop) are measured
and sealed through the real sealing path (`tests.sync.factory`: `seal.record.seal_visit` with a
generated device key), exported as a bundle from the laptop and imported into an office (a
temporary SQLite file; with `--pg`, a schema of its own on that server, dropped after) by
`office.bundle_import.import_bundle`, which verifies every record and, as at any office, files
them under their household and case. The records, season 2025-2026: a first test on 1 December
2025 at 15.0 / 16.0 °C, eight failing re-tests every third day (15.2–16.6 °C), a passing
re-test on 28 December (18.4 / 18.6 °C); the ruling is asked until 31 December. The baseline
is the first record alone: the single-record ruling with the days from its complaint to the
same date.

Each round times, in this order and in the same process:

- one-record: `records.envelope` read from the store, `core.ruling.compute_ruling`,
  `slip.ruling_pdf.render_ruling`;
- case: `office.case_evidence.case_evidence` (the ten envelopes and the case read and parsed),
  `core.case_rule.compute_case_ruling`, the case detail the PDF prints (as the PDF route reads
  it: `office.case_rulings._pdf_detail`, the case detail with each record's rooms),
  `slip.case_ruling_pdf.render_case_ruling`.

One warm-up round (fonts registered, caches filled), then `--rounds`; prints the median and the
fastest of each step in ms, the PDFs' pages and size, and case / one-record for the rule alone,
the render alone, and the whole (reads + rule + render).
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from inspector_app.core.model import Address  # noqa: E402
from inspector_app.core.ruling import RulingInput, compute_ruling  # noqa: E402
from inspector_app.office.bundle_import import import_bundle  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402
from inspector_app.seal.device_key import DeviceKey  # noqa: E402
from inspector_app.seal.record import seal_visit  # noqa: E402
from inspector_app.slip.ruling_pdf import render_ruling  # noqa: E402
from inspector_app.store.visits import VisitStore  # noqa: E402
from inspector_app.sync.bundle import export_bundle  # noqa: E402
from tests.pg_backend import drop_schema, with_search_path  # noqa: E402
from tests.slip.helpers import page_texts  # noqa: E402
from tests.sync.factory import laptop_db, make_visit, profile, signatures  # noqa: E402

FIRST = date(2025, 12, 1)
UNTIL = date(2025, 12, 31)
# (day after FIRST, bedroom °C, living room °C): a failing test, 8 failing re-tests, a pass
TESTS = ((0, 15.0, 16.0), *((3 * i, 15.0 + 0.2 * i, 16.0 + 0.1 * i) for i in range(1, 9)),
         (27, 18.4, 18.6))
ADDRESS = Address(city="长春市", district="朝阳区", street="人民大街", community="示范小区",
                  building="3", unit="2", flat="501")
COMPANY = "长春热力"
ISSUE = {"issued_by": "王科长", "issued_at": "2026-01-05T10:00:00+08:00"}


def sealed_bundle(folder: Path) -> Path:
    """The household's ten records sealed on one laptop and exported as a bundle file."""
    db = laptop_db(folder / "laptop")
    key = DeviceKey.generate()
    for i, (offset, bedroom, living) in enumerate(TESTS):
        visit = make_visit(i, temps=(bedroom, living), day=FIRST + timedelta(days=offset))
        visit.address, visit.company = ADDRESS, COMPANY
        VisitStore(db).import_measured(visit)
        seal_visit(db, visit.id, signatures(), key, profile=profile(),
                   clock=lambda v=visit: v.test_at + timedelta(minutes=20))
    path = folder / "household.bundle"
    export_bundle(db, path)
    return path


def read_envelope(store: OfficeStore, ref: str) -> dict:
    """The record's stored envelope, read as `office.rulings` reads it to rule."""
    row = store.query_one("SELECT envelope FROM records WHERE ref=?", (ref,))
    return json.loads(bytes(row[0]).decode("utf-8"))


class Steps:
    """Times of named steps over the rounds (ms)."""

    def __init__(self) -> None:
        self.ms: dict[str, list[float]] = {}

    def run(self, name: str, fn: Callable[[], Any], measured: bool) -> Any:
        t = time.perf_counter()
        out = fn()
        if measured:
            self.ms.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        return out

    def median(self, *names: str) -> float:
        return sum(statistics.median(self.ms[n]) for n in names)

    def fastest(self, *names: str) -> float:
        return sum(min(self.ms[n]) for n in names)


def bench(target: str, args: argparse.Namespace, folder: Path) -> None:
    from inspector_app.core.case_rule import CaseRulingInput, compute_case_ruling
    from inspector_app.office.case_evidence import case_evidence
    from inspector_app.office.case_rulings import _pdf_detail
    from inspector_app.slip.case_ruling_pdf import render_case_ruling

    store = OfficeStore(target)
    report = import_bundle(store, sealed_bundle(folder), training_allowed=False,
                           max_record_bytes=4_000_000, accept_unknown_devices=True)
    [(case_id,)] = store.query("SELECT case_id FROM cases")
    first = store.query_one("SELECT ref FROM records ORDER BY test_at LIMIT 1")[0]
    cc = profile()
    fee = Decimal("0.1607")
    days = (UNTIL - FIRST).days + 1
    print(f"{len(report.added)} records imported; case {case_id}; baseline record {first}")

    steps = Steps()
    for measured in [False] + [True] * args.rounds:
        envelope = steps.run("1 read", lambda: read_envelope(store, first), measured)
        ruling = steps.run("1 rule", lambda e=envelope: compute_ruling(
            e, cc, RulingInput(fee, days)), measured)
        one_pdf = steps.run("1 render", lambda e=envelope, r=ruling: render_ruling(
            e, r, ruling_no="2025-2026-000001", lang=args.lang, profile=cc, **ISSUE), measured)
        evidence = steps.run("case read", lambda: case_evidence(store, case_id), measured)
        case_ruling = steps.run("case rule", lambda e=evidence: compute_case_ruling(
            e, cc, CaseRulingInput(daily_fee_per_m2=fee, until=UNTIL)), measured)
        detail = steps.run("case detail", lambda: _pdf_detail(store, case_id), measured)
        case_pdf = steps.run("case render", lambda r=case_ruling, d=detail: render_case_ruling(
            r.to_dict(), d, cc, args.lang, number="2025-2026-000002", **ISSUE), measured)
    store.close()

    print(f"one-record ruling: {ruling.decision} {ruling.amount_total} yuan for {days} days;"
          f" PDF {len(page_texts(one_pdf))} pages, {len(one_pdf) / 1024:.1f} KiB")
    print(f"case ruling: {case_ruling.decision} {case_ruling.amount_total} yuan,"
          f" {case_ruling.failing_days} failing days over {len(case_ruling.tests)} records;"
          f" PDF {len(page_texts(case_pdf))} pages, {len(case_pdf) / 1024:.1f} KiB")
    print(f"\n{'step':<14}{'median ms':>10}{'fastest':>9}")
    for name in steps.ms:
        print(f"{name:<14}{steps.median(name):>10.2f}{steps.fastest(name):>9.2f}")
    whole_1 = ("1 read", "1 rule", "1 render")
    whole_case = ("case read", "case rule", "case detail", "case render")
    print(f"\n{'case / one-record':<22}{'median':>8}{'fastest':>9}")
    for label, a, b in (("rule alone", ("case rule",), ("1 rule",)),
                        ("render alone", ("case render",), ("1 render",)),
                        ("whole", whole_case, whole_1)):
        print(f"{label:<22}{steps.median(*a) / steps.median(*b):>8.1f}"
              f"{steps.fastest(*a) / steps.fastest(*b):>9.1f}")
    print(f"{'whole ms':<22}{steps.median(*whole_case):>8.1f}{steps.fastest(*whole_case):>9.1f}"
          f"   (one-record {steps.median(*whole_1):.1f} / {steps.fastest(*whole_1):.1f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--lang", choices=("zh", "en"), default="zh")
    ap.add_argument("--pg", help="a postgresql:// URL: the office in a schema of its own there")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-case-ruling-") as tmp:
        folder = Path(tmp)
        if not args.pg:
            bench(str(folder / "office.sqlite3"), args, folder)
            return 0
        schema = f"bench_ruling_{secrets.token_hex(4)}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            bench(with_search_path(args.pg, schema), args, folder)
        finally:
            drop_schema(args.pg, schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
