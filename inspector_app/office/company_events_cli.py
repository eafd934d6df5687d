"""`inspector-office stops|heating-period|penalty ...`: company events from the office machine.

- `stops add|list|withdraw`: company-caused heating stops (`office.company_stops`)
- `heating-period add|set-actual|list`: announced and actual heating per area
- `penalty draft|pdf`: a penalty notice draft for a late start or early stop, and its PDF
  (`office.heating_periods`, `slip.penalty_pdf`)

As `office.ticket_cli`: refusals in the chosen language (`--lang`), exit status 2, nothing
written (each command is one store call, each a transaction that stores all or nothing).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.office.ticket_cli import Refused, refusals, say

KIND_WORDS = {"late_start": ("推迟开始供热", "late start"), "early_stop": ("提前停止供热",
                                                                         "early stop")}


def add_company_event_commands(sub: argparse._SubParsersAction) -> None:
    """The `stops`, `heating-period` and `penalty` commands on the office CLI's subcommands."""
    p = sub.add_parser("stops", help="company-caused heating stops: add, list, withdraw")
    actions = p.add_subparsers(dest="stops_command", metavar="ACTION", required=True)
    q = actions.add_parser("add", help="enter a stop (refused if it overlaps one entered)")
    q.add_argument("--company", required=True)
    q.add_argument("--district", required=True)
    q.add_argument("--start", required=True, help="RFC 3339 with zone: 2025-12-01T08:00:00+08:00")
    q.add_argument("--end", required=True, help="RFC 3339 with zone")
    q.add_argument("--cause", required=True)
    q.add_argument("--evidence", default="")
    q.add_argument("--community", action="append", default=[],
                   help="a community reached (repeat); none and no --building: the district")
    q.add_argument("--building", action="append", nargs=2, default=[],
                   metavar=("COMMUNITY", "BUILDING"), help="a building reached (repeat)")
    q.add_argument("--by", default=None, help="who enters it (default: your login name)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_stop_add))
    q = actions.add_parser("list", help="stops by start time")
    q.add_argument("--company")
    q.add_argument("--district")
    q.add_argument("--season", help="e.g. 2025-2026")
    q.add_argument("--in-force", action="store_true", help="leave out withdrawn stops")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_stop_list))
    q = actions.add_parser("withdraw", help="withdraw a stop (kept, with who and why)")
    q.add_argument("stop_id")
    q.add_argument("--reason", required=True)
    q.add_argument("--by", default=None, help="who withdraws it (default: your login name)")
    q.set_defaults(run=refusals(_stop_withdraw))

    p = sub.add_parser("heating-period", help="announced and actual heating per area")
    actions = p.add_subparsers(dest="period_command", metavar="ACTION", required=True)
    q = actions.add_parser("add", help="enter a company's announced heating period for an area")
    q.add_argument("--season", required=True, help="e.g. 2025-2026")
    q.add_argument("--company", required=True)
    q.add_argument("--district", required=True)
    q.add_argument("--area", required=True, help="the area heated, in words")
    q.add_argument("--heated-area", required=True, help="m², e.g. 12000")
    q.add_argument("--fee-per-m2", required=True, help="the season's heat fee per m², yuan")
    q.add_argument("--announced-start", required=True, help="YYYY-MM-DD")
    q.add_argument("--announced-end", required=True, help="YYYY-MM-DD")
    q.add_argument("--by", default=None, help="who enters it (default: your login name)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_period_add))
    q = actions.add_parser("set-actual", help="the actual start and/or end of heating")
    q.add_argument("period_id")
    q.add_argument("--start", help="YYYY-MM-DD")
    q.add_argument("--end", help="YYYY-MM-DD")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_period_set_actual))
    q = actions.add_parser("list", help="heating periods with late-start and early-stop days")
    q.add_argument("--season")
    q.add_argument("--company")
    q.add_argument("--district")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_period_list))

    p = sub.add_parser("penalty", help="penalty notice drafts for a late start or early stop")
    actions = p.add_subparsers(dest="penalty_command", metavar="ACTION", required=True)
    q = actions.add_parser("draft", help="draft a numbered notice (supersedes the previous); "
                           "the fine range is the district's rules, from its latest record")
    q.add_argument("period_id")
    q.add_argument("--kind", required=True, choices=sorted(KIND_WORDS))
    q.add_argument("--multiple", required=True, help="within the rule's range, e.g. 3")
    q.add_argument("--reason", required=True, help="why this multiple")
    q.add_argument("--by", default=None, help="who drafts it (default: your login name)")
    q.add_argument("--pdf", type=Path, help="also write the draft's PDF here")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_penalty_draft))
    q = actions.add_parser("pdf", help="write a notice draft's PDF")
    q.add_argument("notice_no")
    q.add_argument("--out", type=Path, required=True)
    q.set_defaults(run=refusals(_penalty_pdf))


def _store(args: argparse.Namespace):
    from inspector_app.office.cli import _store

    return _store(args)


def _who(args: argparse.Namespace) -> str:
    from inspector_app.office.cli import _who

    return _who(args)


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False))


# -- stops -----------------------------------------------------------------------------------

def _stop_line(args: argparse.Namespace, s: dict) -> str:
    scope = "、".join(s["scope"]["communities"] + [f"{c} {b}" for c, b in s["scope"]["buildings"]])
    scope = scope or say(args, "全区", "whole district")
    state = "" if s["state"] == "in_force" else say(
        args, f"  【已撤回：{s['withdrawn_reason']}】", f"  [withdrawn: {s['withdrawn_reason']}]")
    return (f"{s['stop_id']}  {s['company']}  {s['district']}  {s['start_at']} → {s['end_at']}  "
            f"{s['hours']:g} h  {scope}  {s['cause']}{state}")


def _stop_add(args: argparse.Namespace) -> int:
    from inspector_app.office.company_stops import add_stop

    scope = {"communities": args.community, "buildings": args.building}
    stop = add_stop(_store(args), company=args.company, district=args.district, scope=scope,
                    start_at=args.start, end_at=args.end, cause=args.cause,
                    evidence=args.evidence, by=_who(args))
    if args.json:
        _print_json(stop)
    else:
        print(say(args, f"已登记停热 {stop['stop_id']}（{stop['hours']:g} 小时）",
                  f"stop {stop['stop_id']} entered ({stop['hours']:g} h)"))
    return 0


def _season(args: argparse.Namespace) -> str | None:
    from inspector_app.core.season import season_bounds

    if args.season is None:
        return None
    try:
        season_bounds(args.season)
    except ValueError as exc:
        raise Refused(f"供暖季格式应为 2025-2026：{args.season}",
                      f"the season must look like 2025-2026: {args.season}") from exc
    return args.season


def _stop_list(args: argparse.Namespace) -> int:
    from inspector_app.office.company_stops import list_stops

    stops = list_stops(_store(args), company=args.company, district=args.district,
                       season=_season(args), in_force_only=args.in_force)
    if args.json:
        _print_json(stops)
        return 0
    if not stops:
        print(say(args, "没有停热登记", "no stops"))
    for s in stops:
        print(_stop_line(args, s))
    return 0


def _stop_withdraw(args: argparse.Namespace) -> int:
    from inspector_app.office.company_stops import withdraw_stop

    stop = withdraw_stop(_store(args), args.stop_id, args.reason, by=_who(args))
    print(say(args, f"已撤回停热 {stop['stop_id']}", f"stop {stop['stop_id']} withdrawn"))
    return 0


# -- heating periods -------------------------------------------------------------------------

def _period_line(args: argparse.Namespace, p: dict) -> str:
    actual = f"{p['actual_start'] or '—'} → {p['actual_end'] or '—'}"
    late = say(args, f"  推迟 {p['late_start_days']} 日", f"  {p['late_start_days']} day(s) late") \
        if p["late_start_days"] else ""
    early = say(args, f"  提前停 {p['early_stop_days']} 日",
                f"  stopped {p['early_stop_days']} day(s) early") if p["early_stop_days"] else ""
    notices = [n["notice_no"] for n in p.get("notices", []) if not n["superseded_by"]]
    drafts = say(args, f"  通知书草稿：{'、'.join(notices)}", f"  drafts: {', '.join(notices)}") \
        if notices else ""
    return (f"{p['period_id']}  {p['company']}  {p['district']}  {p['area']}  "
            f"{p['announced_start']} → {p['announced_end']}  "
            f"{say(args, '实际', 'actual')} {actual}{late}{early}{drafts}")


def _period_add(args: argparse.Namespace) -> int:
    from inspector_app.office.heating_periods import add_period

    period = add_period(_store(args), season=args.season, company=args.company,
                        district=args.district, area=args.area, heated_area_m2=args.heated_area,
                        fee_per_m2=args.fee_per_m2, announced_start=args.announced_start,
                        announced_end=args.announced_end, by=_who(args))
    if args.json:
        _print_json(period)
    else:
        print(say(args, f"已登记供热期 {period['period_id']}",
                  f"heating period {period['period_id']} entered"))
    return 0


def _period_set_actual(args: argparse.Namespace) -> int:
    from inspector_app.office.heating_periods import set_actual

    period = set_actual(_store(args), args.period_id, actual_start=args.start,
                        actual_end=args.end)
    if args.json:
        _print_json(period)
    else:
        print(_period_line(args, period))
    return 0


def _period_list(args: argparse.Namespace) -> int:
    from inspector_app.office.heating_periods import list_periods

    periods = list_periods(_store(args), season=_season(args), company=args.company,
                           district=args.district)
    if args.json:
        _print_json(periods)
        return 0
    if not periods:
        print(say(args, "没有供热期登记", "no heating periods"))
    for p in periods:
        print(_period_line(args, p))
    return 0


# -- penalty notices -------------------------------------------------------------------------

def _write_pdf(args: argparse.Namespace, notice: dict, path: Path) -> None:
    from inspector_app.atomic_file import write_atomically
    from inspector_app.slip.penalty_pdf import render_penalty

    pdf = render_penalty(notice["data"], notice_no=notice["notice_no"], lang=args.lang,
                         superseded_by=notice["superseded_by"])
    try:
        write_atomically(path, pdf)
    except OSError as exc:
        raise Refused(f"无法写入 {path}：{exc.strerror or exc}",
                      f"cannot write {path}: {exc.strerror or exc}") from exc


def _penalty_draft(args: argparse.Namespace) -> int:
    from inspector_app.office.heating_periods import draft_notice

    if args.pdf is not None and (args.pdf.is_dir() or not args.pdf.parent.is_dir()):
        raise Refused(f"--pdf 应为已有文件夹中的文件路径：{args.pdf}",
                      f"--pdf must be a file path in an existing folder: {args.pdf}")
    notice = draft_notice(_store(args), args.period_id, kind=args.kind, multiple=args.multiple,
                          reason=args.reason, by=_who(args))
    if args.pdf is not None:
        _write_pdf(args, notice, args.pdf)
    if args.json:
        _print_json(notice)
        return 0
    pen = notice["data"]["penalty"]
    kind = KIND_WORDS[args.kind][0 if args.lang == "zh" else 1]
    print(say(args, f"处罚通知书草稿 {notice['notice_no']}：{kind} {pen['days']} 日，热费 {pen['fee']} 元，"
                    f"幅度 {pen['fine_min']}–{pen['fine_max']} 元，选定 {pen['multiple']} 倍 = "
                    f"{pen['fine']} 元",
              f"penalty notice draft {notice['notice_no']}: {kind} of {pen['days']} day(s), "
              f"heat fee {pen['fee']} yuan, range {pen['fine_min']} to {pen['fine_max']} yuan, "
              f"{pen['multiple']} times = {pen['fine']} yuan"))
    return 0


def _penalty_pdf(args: argparse.Namespace) -> int:
    from inspector_app.office.heating_periods import get_notice

    if args.out.is_dir() or not args.out.parent.is_dir():
        raise Refused(f"--out 应为已有文件夹中的文件路径：{args.out}",
                      f"--out must be a file path in an existing folder: {args.out}")
    notice = get_notice(_store(args), args.notice_no)
    if notice is None:
        raise Refused(f"没有处罚通知书 {args.notice_no}", f"no penalty notice {args.notice_no}")
    _write_pdf(args, notice, args.out)
    print(say(args, f"已写入 {args.out}", f"written: {args.out}"))
    return 0
