"""`inspector-app records`: the local records and their state."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from inspector_app.commands._common import open_db, say
from inspector_app.store.visits import VisitStore

STATE_ZH = {"in_progress": "进行中", "complete": "已完成", "sealed": "已签封", "synced": "已上传",
            "abandoned": "已放弃"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("records", help="list the local records with their state")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rows = VisitStore(open_db(args)).rows()
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
        return 0
    if not rows:
        print(say(args, "没有记录", "no records"))
    for r in rows:
        state = STATE_ZH.get(r.state, r.state) if args.lang == "zh" else r.state
        training = say(args, "【培训】", "[training]") if r.training else ""
        print(f"{r.id}  {state:6}{training}  {r.created_at}  {r.ticket}  {r.address}")
    return 0
