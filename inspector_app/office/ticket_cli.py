"""`inspector-office tickets ...`: import the hotline's tickets, list, show, assign, cancel, close.

Why a module of its own: `office/cli.py` holds the server's administration; the dispatcher's
ticket commands are a small program of their own with one way of resolving a ticket number
(`CHANNEL/TICKET`, or a bare number when only one channel has it) and one way of saying a
refusal (zh/en by `--lang`, exit status 2, nothing half-written: each command is one store
call, and the store writes each in one transaction).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.tickets import (
    CONTACT_METHODS,
    EVENT_ZH,
    STATE_EN,
    STATE_ZH,
    STATES,
    TicketEvent,
    split_ticket_key,
)

TEXT_ERRORS_SHOWN = 200   # row errors printed as text; --json gives up to ERRORS_KEPT
LIST_PAGE = 200


def say(args: argparse.Namespace, zh: str, en: str) -> str:
    return zh if args.lang == "zh" else en


class Refused(Exception):
    """A refusal already worded in both languages: printed, exit status 2."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def add_ticket_commands(sub: argparse._SubParsersAction) -> None:
    """The `tickets` command and its actions, on the office CLI's subcommands."""
    p = sub.add_parser("tickets", help="complaint tickets: import, list, show, assign, cancel,"
                                       " close")
    actions = p.add_subparsers(dest="tickets_command", metavar="ACTION", required=True)

    q = actions.add_parser("import", help="import the hotline platform's export (CSV or JSON"
                                          " lines); see docs/tickets.md")
    q.add_argument("file", help="the export: .csv, or .jsonl/.ndjson")
    q.add_argument("--mapping", help="TOML file: [columns], [constants], [time] zone")
    q.add_argument("--format", choices=["csv", "jsonl"], help="default: by the file's extension")
    q.add_argument("--profile", default="changchun",
                   help="the rules whose contact limit applies (default changchun)")
    q.add_argument("--by", default=None, help="who imports (default: your login name)")
    q.add_argument("--json", action="store_true", help="the summary and row errors as JSON")
    q.set_defaults(run=cmd_import)

    q = actions.add_parser("list", help="tickets, oldest complaint first")
    q.add_argument("--state", choices=STATES)
    q.add_argument("--overdue", action="store_true", help="only those not contacted in time")
    q.add_argument("--inspector")
    q.add_argument("--district")
    q.add_argument("--company")
    q.add_argument("--channel")
    q.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=cmd_list)

    q = actions.add_parser("show", help="one ticket with its revisions and events")
    q.add_argument("ticket", help="CHANNEL/TICKET, or TICKET when only one channel has it")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=cmd_show)

    q = actions.add_parser("assign", help="dispatch a ticket to an inspector")
    q.add_argument("ticket", help="CHANNEL/TICKET, or TICKET when only one channel has it")
    q.add_argument("--inspector", required=True, help="an inspector account of the district")
    q.add_argument("--by", default=None, help="who assigns (default: your login name)")
    q.set_defaults(run=cmd_assign)

    q = actions.add_parser("cancel", help="cancel a ticket (with the reason)")
    q.add_argument("ticket")
    q.add_argument("--reason", required=True)
    q.add_argument("--by", default=None, help="who cancels (default: your login name)")
    q.set_defaults(run=cmd_cancel)

    q = actions.add_parser("close", help="close a tested (or unreachable) ticket")
    q.add_argument("ticket")
    q.add_argument("--reason", default="")
    q.add_argument("--by", default=None, help="who closes (default: your login name)")
    q.set_defaults(run=cmd_close)


def _store(args: argparse.Namespace):
    from inspector_app.office.cli import _store

    return _store(args)


def _who(args: argparse.Namespace) -> str:
    from inspector_app.office.cli import _who

    return _who(args)


def refusals(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Say a refusal (ours, the core's or the store's) in the chosen language; exit 2."""
    from inspector_app.office.tickets import TicketRefusal

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except Refused as exc:
            zh, en = exc.zh, exc.en
        except TicketRefusal as exc:
            zh, en = exc.zh, exc.en
        except InspectionError as exc:
            zh, en = exc.message_zh, exc.message_en
        print(say(args, zh, en), file=sys.stderr)
        return 2

    return guarded


def resolve(store: Any, text: str) -> tuple[str, str]:
    """`CHANNEL/TICKET` or an unambiguous bare `TICKET` → (channel, ticket) of a stored one."""
    channel, number = split_ticket_key(text)
    if not number:
        raise Refused("请给出工单号（渠道/工单号，或只给工单号）",
                      "give a ticket: CHANNEL/TICKET, or TICKET")
    if channel is not None:
        if store.ticket_detail(channel, number) is None:
            raise Refused(f"没有工单 {channel}/{number}", f"no ticket {channel}/{number}")
        return channel, number
    keys = store.ticket_keys(number)
    if not keys:
        raise Refused(f"没有工单号为 {number} 的工单", f"no ticket numbered {number}")
    if len(keys) > 1:
        channels = [c for c, _ in keys]
        raise Refused(f"工单号 {number} 在多个渠道都有：{'、'.join(channels)}；请写成 渠道/工单号，如 "
                      f"{channels[0]}/{number}",
                      f"ticket number {number} exists in several channels: "
                      f"{', '.join(channels)}; write CHANNEL/TICKET, e.g. {channels[0]}/{number}")
    return keys[0]


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# -- import ----------------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    return refusals(_import)(args)


def _import(args: argparse.Namespace) -> int:
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import load_profile
    from inspector_app.office.ticket_import import (
        ImportRefused,
        Mapping,
        import_tickets,
        load_mapping,
    )

    try:
        if not Path(args.file).is_file():   # read twice (UTF-8 first): a pipe or a folder cannot be
            raise ImportRefused(f"{args.file} 不是可读取的文件（不能是目录或管道）：请给出导出文件的路径",
                                f"{args.file} is not a file that can be read (not a folder or a "
                                "pipe): give the path of the exported file")
        load_profile(args.profile)
        mapping = load_mapping(args.mapping) if args.mapping else Mapping()
    except (ProfileError, ImportRefused) as exc:
        return _file_refused(args, exc)
    store = _store(args)
    who = _who(args)

    def save(batch):
        return store.save_tickets(batch, source="hotline", by=who, profile_name=args.profile,
                                  defer_cases=True)

    def progress(rows: int) -> None:
        print(say(args, f"已处理 {rows} 行…", f"{rows} rows…"), file=sys.stderr, flush=True)

    try:
        summary = import_tickets(args.file, save, fmt=args.format, mapping=mapping,
                                 progress=progress, settle=store.regroup_stale_cases)
    except ImportRefused as exc:
        return _file_refused(args, exc)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        for error in summary.errors[:TEXT_ERRORS_SHOWN]:
            print(error.message(args.lang))
        hidden = summary.refused - min(len(summary.errors), TEXT_ERRORS_SHOWN)
        if hidden:
            print(say(args, f"……另有 {hidden} 行被拒收（--json 可列出前 {len(summary.errors)} 行）",
                      f"... and {hidden} more refused rows (--json lists the first "
                      f"{len(summary.errors)})"))
        print(say(args, f"共 {summary.rows} 行：新增 {summary.new}，更新（新版本）{summary.revised}，"
                        f"未变 {summary.unchanged}，文件内重复 {summary.repeated}，拒收 "
                        f"{summary.refused}",
                  f"{summary.rows} rows: {summary.new} new, {summary.revised} revised, "
                  f"{summary.unchanged} unchanged, {summary.repeated} repeated in the file, "
                  f"{summary.refused} refused"))
    return 2 if summary.refused else 0


def _file_refused(args: argparse.Namespace, exc: InspectionError) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"error": "file_refused", "reason": exc.message_en,
                          "reason_zh": exc.message_zh}, ensure_ascii=False))
    print(exc.message(args.lang), file=sys.stderr)
    return 2


# -- list and show ---------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    return refusals(_list)(args)


def _list(args: argparse.Namespace) -> int:
    from inspector_app.office.tickets import TicketFilter

    if args.limit < 1:
        raise Refused("--limit 至少为 1", "--limit must be at least 1")
    store = _store(args)
    wanted = TicketFilter(district=args.district, state=args.state,
                          overdue=True if args.overdue else None, inspector=args.inspector,
                          company=args.company, channel=args.channel)
    items: list[dict] = []
    after = None
    more = False
    while len(items) < args.limit:
        page, after = store.list_tickets(wanted, limit=min(LIST_PAGE, args.limit - len(items)),
                                         after=after)
        items.extend(page)
        if after is None:
            break
    else:
        more = after is not None
    if args.json:
        print(json.dumps(items, ensure_ascii=False))
        return 0
    if not items:
        print(say(args, "没有符合条件的工单", "no tickets"))
    for t in items:
        print(_line(args, t))
    if more:
        print(say(args, f"……仅列出前 {len(items)} 张（--limit 可调）",
                  f"... only the first {len(items)} (see --limit)"))
    return 0


def _state(args: argparse.Namespace, state: str) -> str:
    return STATE_ZH[state] if args.lang == "zh" else STATE_EN[state]


def _line(args: argparse.Namespace, t: dict) -> str:
    late = say(args, "  【超时未联系】", "  [OVERDUE]") if t.get("overdue") else ""
    since = t.get("minutes_since_complaint")
    since_text = "" if since is None else say(args, f"  {since:g} 分钟", f"  {since:g} min")
    who = t.get("inspector") or say(args, "（未派单）", "(unassigned)")
    return (f"{t['key']}  {_state(args, t['state'])}{late}  {t['complaint_at']}{since_text}  "
            f"{who}  {t.get('district', '')}  {t.get('company', '')}  {t.get('address', '')}")


SOURCE_ZH = {"office": "办公室", "laptop": "检测员电脑", "hotline": "热线"}
DATA_ZH = {"complaint_at": "投诉时间", "digest": "摘要", "inspector": "检测员", "method": "方式",
           "visit_at": "约定上门", "record": "检测记录", "reason": "原因", "attempts": "尝试次数"}


def _source(args: argparse.Namespace, source: str) -> str:
    return SOURCE_ZH.get(source, source) if args.lang == "zh" else source


def _method(args: argparse.Namespace, method: str | None) -> str:
    names = CONTACT_METHODS.get(method or "")
    return (names[0] if args.lang == "zh" else names[1]) if names else (method or "")


def _event_data(args: argparse.Namespace, data: dict) -> str:
    """An event's data in the output's language (a digest shortened: the JSON has it whole)."""
    parts = []
    for key, value in data.items():
        if key == "digest" and isinstance(value, str):
            value = value[:12]
        elif key == "method":
            value = _method(args, value)
        label = DATA_ZH.get(key, key) if args.lang == "zh" else key
        parts.append(f"{label}{'：' if args.lang == 'zh' else '='}{value}")
    return ("，" if args.lang == "zh" else ", ").join(parts)


def _in_zone(utc_text: str, like: str) -> str:
    """A UTC time shown in the zone of `like` (the complaint's), as the district reads it."""
    try:
        zone = datetime.fromisoformat(like).tzinfo
        moment = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return utc_text
    return moment.astimezone(zone).isoformat(timespec="minutes")


def cmd_show(args: argparse.Namespace) -> int:
    return refusals(_show)(args)


def _show(args: argparse.Namespace) -> int:
    store = _store(args)
    channel, number = resolve(store, args.ticket)
    detail = store.ticket_detail(channel, number)
    if args.json:
        print(json.dumps(detail, ensure_ascii=False))
        return 0
    print(_line(args, detail))
    data = detail["data"]
    print(say(args, f"  用户：{data['resident_name']}  {data['resident_phone']}",
              f"  resident: {data['resident_name']}  {data['resident_phone']}"))
    deadline = _in_zone(detail["deadline_at"], detail["complaint_at"])
    print(say(args, f"  时限：{detail['contact_limit_min']} 分钟内联系（截止 {deadline}）",
              f"  contact within {detail['contact_limit_min']} min (by {deadline})"))
    if detail.get("inspector"):  # whether the holder's laptop has it (`office.delivery`)
        at = detail.get("delivered_at")
        at = _in_zone(at, detail["complaint_at"]) if at else None
        print(say(args, f"  已送达检测员电脑：{at}" if at else "  未送达：检测员的电脑此后尚未同步",
                  f"  delivered to the inspector's laptop: {at}" if at
                  else "  not yet delivered: the inspector's laptop has not synced since"))
    if detail.get("contacted_at"):
        method = _method(args, detail.get("contact_method"))
        print(say(args, f"  已联系：{detail['contacted_at']}（{method}，"
                        f"{detail.get('minutes_to_contact')} 分钟）",
                  f"  contacted: {detail['contacted_at']} ({method}, "
                  f"{detail.get('minutes_to_contact')} min)"))
    if data.get("text"):
        print(say(args, f"  内容：{data['text']}", f"  text: {data['text']}"))
    print(say(args, "  版本：", "  revisions:"))
    for r in detail.get("revisions", []):
        print(f"    {r['revision']}  {r['received_at']}  {_source(args, r['source'])}  {r['by']}  "
              f"{r['digest'][:12]}")
    print(say(args, "  事件：", "  events:"))
    for e in detail.get("events", []):
        kind = EVENT_ZH.get(e["kind"], e["kind"]) if args.lang == "zh" else e["kind"]
        extra = _event_data(args, e.get("data") or {})
        note = f"  {e['note']}" if e.get("note") else ""
        print(f"    {e['at']}  {kind}  {e['by']}  {_source(args, e['source'])}  {extra}{note}")
    return 0


# -- changes ---------------------------------------------------------------------------------

def cmd_assign(args: argparse.Namespace) -> int:
    return refusals(_assign)(args)


def _assign(args: argparse.Namespace) -> int:
    store = _store(args)
    channel, number = resolve(store, args.ticket)
    ticket = store.assign_ticket(channel, number, args.inspector.strip(), by=_who(args))
    print(say(args, f"已将工单 {ticket['key']} 派给 {ticket['inspector']}",
              f"ticket {ticket['key']} assigned to {ticket['inspector']}"))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    return refusals(_cancel)(args)


def _cancel(args: argparse.Namespace) -> int:
    reason = args.reason.strip()
    if not reason:
        raise Refused("撤销工单需要写明原因（--reason）", "cancelling a ticket needs a --reason")
    return _office_event(args, "cancelled", {"reason": reason},
                         ("已撤销工单 {key}", "ticket {key} cancelled"))


def cmd_close(args: argparse.Namespace) -> int:
    return refusals(_close)(args)


def _close(args: argparse.Namespace) -> int:
    data = {"reason": args.reason.strip()} if args.reason.strip() else {}
    return _office_event(args, "closed", data, ("已办结工单 {key}", "ticket {key} closed"))


def _office_event(args: argparse.Namespace, kind: str, data: dict, done: tuple[str, str]) -> int:
    store = _store(args)
    channel, number = resolve(store, args.ticket)
    event = TicketEvent(kind=kind, at=_now(), by=_who(args), source="office", data=data)
    ticket, _stored = store.add_ticket_event(channel, number, event)
    print(say(args, done[0].format(key=ticket["key"]), done[1].format(key=ticket["key"])))
    return 0
