"""`inspector-office points import|list|remove` and `platform-key`: the monitoring registry
from the office machine.

- `points import FILE.csv [--encoding utf-8|gbk]`: the installers' list (`points_csv`); row
  errors with line and column, the good rows imported; exit 2 when a row or the file was
  refused
- `points list [--district --company --state]`, `points remove POINT_ID --on DATE`
- `platform-key --company NAME [--label L]` prints a new key once; `--list`; `--revoke KEY_ID`

As `office.ticket_cli`: refusals in the chosen language (`--lang`), exit status 2, nothing
half-written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from inspector_app.office.ticket_cli import Refused, refusals, say

ERRORS_SHOWN = 200
STATE_ZH = {"reporting": "正常上报", "silent": "未上报", "flagged": "数据存疑", "removed": "已拆除"}


def add_points_commands(sub: argparse._SubParsersAction) -> None:
    """The `points` and `platform-key` commands on the office CLI's subcommands."""
    from inspector_app.office.monitoring.point_listing import STATES

    p = sub.add_parser("points", help="fixed monitoring points: import, list, remove")
    actions = p.add_subparsers(dest="points_command", metavar="ACTION", required=True)
    q = actions.add_parser("import", help="register points from a CSV file (docs/monitoring.md)")
    q.add_argument("file", type=Path)
    q.add_argument("--encoding", choices=["utf-8", "gbk"], default="utf-8")
    q.add_argument("--by", default=None, help="who imports (default: your login name)")
    q.add_argument("--json", action="store_true", help="the summary and row errors as JSON")
    q.set_defaults(run=refusals(_import))
    q = actions.add_parser("list", help="points with their state, in point_id order")
    q.add_argument("--district")
    q.add_argument("--company")
    q.add_argument("--state", choices=STATES)
    q.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=refusals(_list))
    q = actions.add_parser("remove", help="record the day a point was taken down")
    q.add_argument("point_id")
    q.add_argument("--on", required=True, help="YYYY-MM-DD")
    q.add_argument("--reason", default="")
    q.add_argument("--by", default=None, help="who removes it (default: your login name)")
    q.set_defaults(run=refusals(_remove))

    p = sub.add_parser("platform-key", help="API keys of the companies' monitoring platforms")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--company", help="make a key for this heating company's platform")
    what.add_argument("--list", action="store_true", help="list the keys (never the keys)")
    what.add_argument("--revoke", metavar="KEY_ID", help="revoke a key")
    p.add_argument("--label", default="", help="with --company: a note, e.g. the platform")
    p.add_argument("--by", default=None, help="who acts (default: your login name)")
    p.set_defaults(run=refusals(_platform_key))


def _store(args: argparse.Namespace):
    from inspector_app.office.cli import _store

    return _store(args)


def _who(args: argparse.Namespace) -> str:
    from inspector_app.office.cli import _who

    return _who(args)


def _now() -> datetime:
    return datetime.now(UTC)


def _import(args: argparse.Namespace) -> int:
    from inspector_app.office.monitoring.points_csv import FileRefused, import_points

    try:
        summary = import_points(_store(args), args.file, _who(args), _now(),
                                encoding=args.encoding, progress=lambda rows: print(
                                    say(args, f"已处理 {rows} 行…", f"{rows} rows…"),
                                    file=sys.stderr, flush=True))
    except FileRefused as exc:
        if args.json:
            print(json.dumps({"error": "file_refused", "reason": exc.message_en,
                              "reason_zh": exc.message_zh}, ensure_ascii=False))
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
        return 2 if summary.refused else 0
    for error in summary.errors[:ERRORS_SHOWN]:
        print(error.message(args.lang))
    hidden = summary.refused - min(len(summary.errors), ERRORS_SHOWN)
    if hidden:
        print(say(args, f"……另有 {hidden} 行被拒收（--json 可列出前 {len(summary.errors)} 行）",
                  f"... and {hidden} more refused rows (--json lists the first "
                  f"{len(summary.errors)})"))
    print(say(args, f"共 {summary.rows} 行：新增 {summary.new}，更新 {summary.updated}，"
                    f"未变 {summary.unchanged}，拒收 {summary.refused}",
              f"{summary.rows} rows: {summary.new} new, {summary.updated} updated, "
              f"{summary.unchanged} unchanged, {summary.refused} refused"))
    if summary.released:
        print(say(args, f"已从隔离区归档 {summary.released} 条此前到达的读数",
                  f"{summary.released} readings that arrived earlier left quarantine"))
    if not summary.new and not summary.updated:
        print(say(args, "登记册没有任何变化", "nothing in the registry changed"))
    return 2 if summary.refused else 0


def _list(args: argparse.Namespace) -> int:
    from inspector_app.office.monitoring.point_listing import MAX_PAGE, PointFilter, points_page

    if args.limit < 1:
        raise Refused("--limit 至少为 1", "--limit must be at least 1")
    store = _store(args)
    filt = PointFilter(args.district, args.company, args.state)
    items: list[dict] = []
    after = None
    now = _now()
    while len(items) < args.limit:
        page, after = points_page(store, filt, now, limit=min(MAX_PAGE, args.limit - len(items)),
                                  after=after)
        items += page
        if after is None:
            break
    if args.json:
        print(json.dumps(items, ensure_ascii=False))
        return 0
    if not items:
        print(say(args, "没有符合条件的监测点", "no points"))
    for p in items:
        state = STATE_ZH[p["state"]] if args.lang == "zh" else p["state"]
        print(f"{p['point_id']}  {state}  {p['district']}  {p['company']}  {p['address']}  "
              f"{p['room_name'] or p['room_kind']}  {p['last_received_at'] or '-'}")
    if after is not None:
        print(say(args, f"……仅列出前 {len(items)} 个（--limit 可调）",
                  f"... only the first {len(items)} (see --limit)"))
    return 0


def _remove(args: argparse.Namespace) -> int:
    from inspector_app.office.monitoring.points import remove

    try:
        on = date.fromisoformat(args.on)
    except ValueError:
        raise Refused(f"--on 应写成 YYYY-MM-DD（现为“{args.on}”）",
                      f"--on must be a date YYYY-MM-DD (got {args.on!r})") from None
    if remove(_store(args), args.point_id, on, _who(args), _now(), args.reason):
        print(say(args, f"已登记监测点 {args.point_id} 于 {on} 拆除",
                  f"point {args.point_id} recorded as removed on {on}"))
    else:
        print(say(args, f"监测点 {args.point_id} 已登记为 {on} 拆除，未作改动",
                  f"point {args.point_id} was already removed on {on}; nothing changed"))
    return 0


def _platform_key(args: argparse.Namespace) -> int:
    from inspector_app.office.monitoring.platform_keys import create_key, list_keys, revoke_key

    store = _store(args)
    if args.list:
        keys = list_keys(store)
        if not keys:
            print(say(args, "还没有平台密钥", "no platform keys yet"))
        for k in keys:
            revoked = say(args, f"已吊销 {k['revoked_at']}", f"revoked {k['revoked_at']}") \
                if k["revoked_at"] else say(args, "有效", "live")
            print(f"{k['key_id']}  {k['company']}  {revoked}  {k['label']}  {k['created_at']}")
        return 0
    if args.revoke:
        done = revoke_key(store, args.revoke.strip(), _who(args))
        print(say(args, f"已吊销 {done['company']} 的平台密钥 {done['key_id']}",
                  f"platform key {done['key_id']} of {done['company']} revoked"))
        return 0
    new = create_key(store, args.company, _who(args), args.label)
    print(say(args, f"{new.company} 的平台密钥 {new.key_id}（只显示这一次，请妥善交给该平台）：",
              f"platform key {new.key_id} for {new.company} (shown this once; hand it to the "
              "platform safely):"))
    print(new.key)
    return 0
