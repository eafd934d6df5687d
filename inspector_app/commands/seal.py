"""`inspector-app sealed [--json]`: this laptop's device key and its chain of sealed records.

The device id and public key are what the district office enrols; the chain listing shows at a
glance which records exist and in what order they were sealed.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from inspector_app.commands._common import open_db, say
from inspector_app.paths import data_dir
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.store.sealed import SealedStore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sealed", help="show this laptop's device key and its sealed records")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    key = load_or_create_device_key(data_dir(args.data_dir))
    rows = SealedStore(open_db(args)).list()
    if args.json:
        print(json.dumps({"device": key.device_dict(), "records": [asdict(r) for r in rows]},
                         ensure_ascii=False))
        return 0
    print(say(args, f"设备编号：{key.device_id}", f"Device id: {key.device_id}"))
    print(say(args, f"设备公钥：{key.public_key_b64}", f"Public key: {key.public_key_b64}"))
    if not rows:
        print(say(args, "没有签封记录", "no sealed records"))
    for r in rows:
        mark = say(args, f"  更正 {r.supersedes}", f"  supersedes {r.supersedes}") \
            if r.supersedes else ""
        own = "" if r.device_id == key.device_id else f"  [{r.device_id}]"
        print(f"#{r.seq:<4} {r.record_id}  {r.sealed_at}  {r.sha256[:16]}…{own}{mark}")
    return 0
