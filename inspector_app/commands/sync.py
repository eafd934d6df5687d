"""`inspector-app sync`: send every sealed record the office has not confirmed yet, then the
ticket events logged (contacts, agreed visits) and pull this inspector's assignments.

First queues any sealed record missing from the outbox (idempotent), then pushes with the same
client the app's background sync uses. An explicit `sync` ignores the persistent back-off (the
inspector asked for it now); `--retry-rejected` gives refused records another chance (e.g. after
the office changed its mind or was restarted with `--training`). `--status` only shows the outbox.
Exit status 0 when nothing is left unsent (records and ticket events) and the assignments are up
to date, 1 otherwise, 2 when another sync is already running
on this data folder (it is never two runs at once: `sync.run_lock`). Each request gives up after
`--timeout` seconds and the run after `--deadline` seconds in all; it then says how many records
are left (they stay queued for the next run).
"""

from __future__ import annotations

import argparse
import json
import sys

from inspector_app.commands._common import open_db, say
from inspector_app.paths import data_dir
from inspector_app.store import outbox, ticket_outbox
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import load_link

DEFAULT_DEADLINE_S = 120.0
DEFAULT_TIMEOUT_S = 15.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="upload sealed records to the office")
    p.add_argument("--status", action="store_true", help="show the outbox; send nothing")
    p.add_argument("--retry-rejected", action="store_true",
                   help="also try records the office refused before")
    p.add_argument("--due-only", action="store_true",
                   help="respect the back-off of records that failed recently")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--deadline", type=_seconds, default=DEFAULT_DEADLINE_S, metavar="SECONDS",
                   help=f"stop after this long in all, leaving the rest queued "
                        f"(default {DEFAULT_DEADLINE_S:g})")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"give up on one request after this long (default {DEFAULT_TIMEOUT_S:g})")
    p.set_defaults(run=run)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 86400: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    outbox.enqueue_missing(db)
    if args.status:
        return _status(args, db)
    folder = data_dir(args.data_dir)
    link = load_link(folder)
    if args.retry_rejected:
        outbox.requeue(db, from_states=(outbox.REJECTED,))
        ticket_outbox.requeue(db, from_states=(ticket_outbox.REJECTED,))

    def progress(done: int, total: int, text: str) -> None:
        if not args.json and text and done < total:
            print(f"[{done + 1}/{total}] {text}", file=sys.stderr, flush=True)

    with SyncClient(db, link, verify=link.verify_for(folder), timeout=args.timeout,
                    deadline_s=args.deadline) as client:
        report = client.sync_all(progress, include_not_due=not args.due_only)
    left, events = outbox.counts(db), ticket_outbox.counts(db)
    tickets = report.tickets
    if args.json:
        print(json.dumps({"report": {k: v for k, v in vars(report).items()
                                     if k not in ("results", "tickets")},
                          "results": [vars(r) for r in report.results], "outbox": left,
                          "tickets": None if tickets is None else {
                              k: v for k, v in vars(tickets).items() if k != "results"},
                          "ticket_events": [vars(r) for r in tickets.results] if tickets else [],
                          "ticket_outbox": events}, ensure_ascii=False))
    else:
        for r in report.results:
            if r.state != outbox.SENT:
                state = outbox.STATE_ZH[r.state] if args.lang == "zh" else r.state
                reason = r.reason_zh if args.lang == "zh" else r.reason_en
                print(f"  {r.record_id}  {state}  {reason}")
        for e in tickets.results if tickets else []:
            if e.state != ticket_outbox.SENT:
                state = ticket_outbox.STATE_ZH[e.state] if args.lang == "zh" else e.state
                reason = e.reason_zh if args.lang == "zh" else e.reason_en
                print(f"  {e.key} {e.kind}  {state}  {reason}")
        print(report.summary(args.lang))
    done = left["pending"] == 0 and left["rejected"] == 0
    done = done and events["pending"] == 0 and events["rejected"] == 0
    return 0 if done and (tickets is None or tickets.ok) else 1


def _status(args: argparse.Namespace, db) -> int:  # noqa: ANN001
    rows = outbox.entries(db)
    if args.json:
        print(json.dumps({"outbox": outbox.counts(db), "records": [e.to_dict() for e in rows]},
                         ensure_ascii=False))
        return 0
    for e in rows:
        state = outbox.STATE_ZH[e.state] if args.lang == "zh" else e.state
        print(f"#{e.seq:<4} {e.record_id}  {state}  {e.reason(args.lang)}")
    c = outbox.counts(db)
    print(say(args, f"共 {c['total']} 条：已上传 {c['sent']}，待上传 {c['pending']}，被拒收 {c['rejected']}",
              f"{c['total']} records: sent {c['sent']}, pending {c['pending']}, "
              f"rejected {c['rejected']}"))
    return 0
