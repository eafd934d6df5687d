"""`inspector-office monitoring-synth`: a synthetic season of monitoring points for scale tests.

As `office.ticket_cli`: refusals in the chosen language (`--lang`), exit status 2, nothing
written when refused (the points are registered in one transaction before any reading).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from inspector_app.office.ticket_cli import Refused, refusals, say

SEASON_HELP = "heating season YYYY-YYYY (20 Oct - 5 Apr)"


def add_synth_commands(sub: argparse._SubParsersAction) -> None:
    """The `monitoring-synth` command on the office CLI's subcommands."""
    p = sub.add_parser("monitoring-synth",
                       help="register synthetic (marked) monitoring points and write a season")
    p.add_argument("--points", type=int, required=True, help="how many points (SYN-000001 …)")
    p.add_argument("--season", required=True, help=SEASON_HELP)
    p.add_argument("--from", dest="first_day", help="first day YYYY-MM-DD (default: the season's)")
    p.add_argument("--days", type=int, help="how many days (default: to the season's end)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2,
                   help="processes writing on PostgreSQL (SQLite: always one)")
    p.set_defaults(run=refusals(_synth))


def _synth(args: argparse.Namespace) -> int:
    from inspector_app.office.cli import _store
    from inspector_app.office.monitoring.synth import (
        AlreadySynthesized,
        season_range,
        synthesize,
    )

    if args.points < 1 or args.workers < 1:
        raise Refused("--points 和 --workers 至少为 1", "--points and --workers must be at least 1")
    try:
        start, length = season_range(args.season)
    except ValueError:
        raise Refused(f"供暖季 {args.season} 的格式应为 YYYY-YYYY",
                      f"season {args.season} must be YYYY-YYYY (two years in a row)") from None
    first = start
    if args.first_day:
        try:
            first = date.fromisoformat(args.first_day)
        except ValueError:
            raise Refused(f"--from {args.first_day} 不是 YYYY-MM-DD 日期",
                          f"--from {args.first_day} is not a YYYY-MM-DD date") from None
    days = args.days if args.days is not None else length - (first - start).days
    if days < 1:
        raise Refused("天数至少为 1（--from 在供暖季结束之后？）",
                      "at least one day is needed (--from after the season's end?)")
    store = _store(args)
    began = time.perf_counter()
    try:
        result = synthesize(store, args.points, args.season, first_day=first, days=days,
                            seed=args.seed, workers=args.workers,
                            progress=lambda done, total: print(
                                say(args, f"{done}/{total} 个监测点", f"{done}/{total} points"),
                                file=sys.stderr))
    except AlreadySynthesized as exc:
        raise Refused(f"库中已有 {exc.count} 个合成监测点：请用新的数据库",
                      f"{exc.count} synthetic points are already registered: use a fresh"
                      " database") from None
    finally:
        store.close()
    took = time.perf_counter() - began
    print(say(args, f"已生成 {result.points} 个合成监测点（标记为 synthetic）、{result.readings} 条读数、"
                    f"{result.days} 条日汇总，用时 {took:.1f} 秒",
              f"{result.points} synthetic points (marked synthetic), {result.readings} readings,"
              f" {result.days} daily aggregates in {took:.1f} s"))
    return 0
