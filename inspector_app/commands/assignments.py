"""`inspector-app assignments`: the tickets dispatched to this laptop, and logging their steps.

`inspector-app assignments [--json] [--offline] [--all]` first asks the office (the queued
ticket events go out, the assignments come in); without network, not enrolled, or with
`--offline`, it shows the last pulled list and says how old it is ("最后同步于 N 分钟前").

`inspector-app assignments log CHANNEL/TICKET --contacted --method phone|sms|in_person
[--at ISO]`, `--attempt --method M`, `--visit-at ISO`, `--unreachable --reason TEXT` queue a
step for the office exactly as the inspector's window does (`store.assignments.log_event`: the
core refuses a step out of order, e.g. "visit agreed" before "contacted"); the next sync sends it.
Bad input: exit 2 and the reason in the chosen language, nothing queued.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from inspector_app.commands._common import open_db, say
from inspector_app.core.tickets import (
    CONTACT_METHODS,
    EVENT_ZH,
    STATE_EN,
    STATE_ZH,
    TicketError,
    split_ticket_key,
)
from inspector_app.paths import data_dir
from inspector_app.store import assignments as store
from inspector_app.store import ticket_outbox
from inspector_app.sync.config import NotEnrolled, load_link
from inspector_app.sync.run_lock import SyncBusy

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_DEADLINE_S = 60.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assignments", help="tickets dispatched to this laptop; log their steps")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--offline", action="store_true",
                   help="do not ask the office: show the last pulled list")
    p.add_argument("--all", action="store_true",
                   help="also show tickets the office took back")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"give up on one request after this long (default {DEFAULT_TIMEOUT_S:g})")
    p.set_defaults(run=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    log = actions.add_parser("log", help="log a contact, an attempt, an agreed visit, or "
                                         "'resident unreachable'")
    log.add_argument("key", metavar="CHANNEL/TICKET")
    log.add_argument("--contacted", action="store_true", help="the resident was reached")
    log.add_argument("--attempt", action="store_true", help="a contact attempt that failed")
    log.add_argument("--visit-at", metavar="ISO", help="the visit time agreed (with its zone)")
    log.add_argument("--unreachable", action="store_true",
                     help="the resident cannot be reached (needs --reason)")
    log.add_argument("--method", metavar="|".join(CONTACT_METHODS),
                     help="how: phone, sms or in_person (for --contacted and --attempt)")
    log.add_argument("--reason", metavar="TEXT", default="")
    log.add_argument("--at", metavar="ISO", help="when it happened (default: now)")
    log.add_argument("--note", metavar="TEXT", default="")
    log.add_argument("--json", action="store_true", help="one JSON object on stdout")
    log.set_defaults(run=run_log)


# -- the list --------------------------------------------------------------------------------
def run_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    refreshed, why_zh, why_en, sync_summary = _refresh(args, db)
    now = datetime.now(UTC)
    rows = store.assignments(db, include_removed=args.all)
    pulled = store.last_pull(db)
    age = None if pulled is None else round((now - pulled).total_seconds() / 60, 1)
    if args.json:
        print(json.dumps({"online": refreshed, "offline_reason": None if refreshed else
                          say(args, why_zh, why_en), "last_pull_at": pulled and pulled.isoformat(),
                          "age_minutes": age, "sync": sync_summary,
                          "assignments": [_json_row(a, now) for a in rows],
                          "ticket_outbox": ticket_outbox.counts(db)}, ensure_ascii=False))
        return 0
    if not refreshed:
        print(say(args, f"离线（{why_zh}）：显示最后同步的派单，{_age_words(age, 'zh')}",
                  f"offline ({why_en}): the last pulled list, {_age_words(age, 'en')}"))
    if not rows:
        print(say(args, "没有派单", "no assignments"))
    for a in rows:
        print(_line(args, a, now))
    return 0


def _refresh(args: argparse.Namespace, db: sqlite_utils.Database,
             ) -> tuple[bool, str, str, dict[str, Any] | None]:
    """Push events and pull assignments unless offline; (done, why not zh, en, summary)."""
    if args.offline:
        return False, "未连接办公室", "the office was not asked", None
    from inspector_app.sync.client import SyncClient

    folder = data_dir(args.data_dir)
    try:
        link = load_link(folder)
    except NotEnrolled:
        return False, "本机尚未注册到办公室", "this laptop is not enrolled", None
    try:
        with SyncClient(db, link, verify=link.verify_for(folder), timeout=args.timeout,
                        deadline_s=max(args.timeout, DEFAULT_DEADLINE_S)) as client:
            report = client.sync_tickets()
    except SyncBusy:
        return False, "另一个同步正在进行", "another sync is running", None
    summary = {k: v for k, v in vars(report).items() if k != "results"}
    if report.ok and report.pull_done:
        return True, "", "", summary
    return False, report.problem_zh or report.stopped_zh or report.note_zh or "办公室未答复", \
        report.problem_en or report.stopped_en or report.note_en or "the office did not answer", \
        summary


def _age_words(age: float | None, lang: str) -> str:
    if age is None:
        return "从未从办公室获取派单" if lang == "zh" else "never pulled from the office"
    if age < 120:
        n = max(0, round(age))
        return f"最后同步于 {n} 分钟前" if lang == "zh" else f"last synced {n} minutes ago"
    hours = round(age / 60)
    return f"最后同步于 {hours} 小时前" if lang == "zh" else f"last synced {hours} hours ago"


def _limit(a: store.Assignment) -> int:
    limit = a.item.get("contact_limit_min")
    return limit if isinstance(limit, int) and limit > 0 else 30


def _json_row(a: store.Assignment, now: datetime) -> dict[str, Any]:
    row = a.to_dict()
    row["local"]["overdue"] = a.status.overdue(_limit(a), now)
    row["local"]["minutes_since_complaint"] = a.status.minutes_since_complaint(now)
    return row


def _line(args: argparse.Namespace, a: store.Assignment, now: datetime) -> str:
    zh = args.lang == "zh"
    s = a.status
    state = STATE_ZH[s.state] if zh else STATE_EN[s.state]
    minutes = round(s.minutes_since_complaint(now))
    parts = [a.key, state, say(args, f"投诉 {s.complaint_at}", f"complaint {s.complaint_at}")]
    if s.state in ("received", "assigned"):
        parts.append(say(args, f"已过 {minutes} 分钟", f"{minutes} min ago"))
        if s.overdue(_limit(a), now):
            parts.append(say(args, f"【超过 {_limit(a)} 分钟未联系】",
                             f"[not contacted within {_limit(a)} min]"))
    if s.visit_at:
        parts.append(say(args, f"约定上门 {s.visit_at}", f"visit {s.visit_at}"))
    parts.append(str(a.item.get("address") or ""))
    data = a.item.get("data") or {}
    parts.append(f"{data.get('resident_name', '')} {data.get('resident_phone', '')}".strip())
    if a.pending_events:
        parts.append(say(args, f"（{a.pending_events} 条待发送）", f"({a.pending_events} to send)"))
    if a.removed:
        flag = say(args, "，检测已开始" if a.flagged else "", ", visit started" if a.flagged else "")
        parts.append(say(args, f"【已撤回：{a.removed_words('zh')}{flag}】",
                         f"[taken back: {a.removed_words('en')}{flag}]"))
    return "  ".join(p for p in parts if p)


# -- logging a step --------------------------------------------------------------------------
def run_log(args: argparse.Namespace) -> int:
    db = open_db(args)
    channel, ticket = _resolve(db, args.key)
    kind, data = _event_from_args(args)
    at = args.at or datetime.now().astimezone().isoformat(timespec="seconds")
    event_id = store.log_event(db, channel, ticket, kind, at, data, args.note)
    after = store.assignment(db, channel, ticket)
    state = after.status.state if after else ""
    if args.json:
        print(json.dumps({"event_id": event_id, "key": f"{channel}/{ticket}", "kind": kind,
                          "state": state}, ensure_ascii=False))
        return 0
    print(say(args, f"已记录：{channel}/{ticket} {EVENT_ZH[kind]}，工单现为“{STATE_ZH[state]}”，"
                    "下次同步时发送给办公室",
              f"logged: {channel}/{ticket} {kind.replace('_', ' ')}; the ticket is now "
              f"{STATE_EN[state]}; it is sent to the office at the next sync"))
    return 0


def _resolve(db: sqlite_utils.Database, text: str) -> tuple[str, str]:
    channel, number = split_ticket_key(text)
    if channel is not None:
        return channel, number
    keys = store.find_keys(db, number)
    if not keys:
        raise TicketError(f"工单 {number} 不在本机的派单中", f"ticket {number} is not assigned to "
                          "this laptop", field="ticket")
    if len(keys) > 1:
        channels = "、".join(c for c, _ in keys)
        raise TicketError(f"工单号 {number} 在多个渠道中都有（{channels}）：请写成 渠道/工单号",
                          f"ticket {number} exists in several channels "
                          f"({', '.join(c for c, _ in keys)}): write CHANNEL/TICKET",
                          field="ticket")
    return keys[0]


def _event_from_args(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    chosen = [k for k, on in (("contacted", args.contacted), ("contact_attempt", args.attempt),
                              ("visit_agreed", bool(args.visit_at)),
                              ("unreachable", args.unreachable)) if on]
    if len(chosen) != 1:
        raise TicketError("请只选一项：--contacted、--attempt、--visit-at 或 --unreachable",
                          "choose exactly one of --contacted, --attempt, --visit-at, "
                          "--unreachable", field="kind")
    kind = chosen[0]
    if kind in ("contacted", "contact_attempt"):
        if args.method not in CONTACT_METHODS:
            raise TicketError("请用 --method 说明联系方式：phone（电话）、sms（短信）或 in_person（当面）",
                              "say how with --method: phone, sms or in_person", field="method")
        return kind, {"method": args.method}
    if kind == "visit_agreed":
        return kind, {"visit_at": args.visit_at}
    if not args.reason.strip():
        raise TicketError("“联系不上”需要用 --reason 说明原因", "--unreachable needs --reason TEXT",
                          field="reason")
    return kind, {"reason": args.reason.strip()}
