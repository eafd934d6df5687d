"""`inspector-app verify [--json]`: recompute every sealed record's hash, signature and chain.

Exit 0 when everything holds, 1 when any record fails (each named, with why), so a script or a
supervisor can trust the answer without reading it. It also says where the device key is kept
and checks the chain head kept outside the database, so an emptied or shortened database shows.
"""

from __future__ import annotations

import argparse
import json

from inspector_app.commands._common import open_db, say
from inspector_app.paths import data_dir
from inspector_app.seal.device_key import (
    MISSING,
    UNREACHABLE,
    device_id_for,
    key_protection,
    load_public_key,
)
from inspector_app.seal.problems import KIND_ZH
from inspector_app.seal.verify import verify_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check every sealed record: hash, device signature, chain")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    protection = key_protection(folder)
    public = load_public_key(folder)
    db = open_db(args)
    report = verify_store(db, public, key_folder=folder, protection=protection.kind)
    if protection.kind in (MISSING, UNREACHABLE):
        report.warnings.append((f"警告：{protection.message_zh}",
                                f"warning: {protection.message_en}"))
    if args.json:
        print(json.dumps({
            "ok": report.ok,
            "checked": report.checked,
            "device_id": device_id(public),
            "key_protection": {"kind": protection.kind, "message_zh": protection.message_zh,
                               "message_en": protection.message_en},
            "failing_records": report.failing_records(),
            "problems": [p.to_dict() for p in report.problems],
            "warnings": [{"message_zh": zh, "message_en": en} for zh, en in report.warnings],
        }, ensure_ascii=False))
        return 0 if report.ok else 1
    print(say(args, f"设备密钥保存在：{protection.message_zh}",
              f"Device key kept in: {protection.message_en}"))
    for zh, en in report.warnings:
        print(say(args, zh, en))
    for p in report.problems:
        kind = KIND_ZH.get(p.kind, p.kind) if args.lang == "zh" else p.kind
        print(f"✗ {p.record_id}  [{kind}]  {p.message(args.lang)}")
    bad = len(report.failing_records())
    if report.ok:
        print(say(args, f"全部 {report.checked} 条签封记录校验通过（哈希、设备签名、链条）。",
                  f"All {report.checked} sealed records verified (hash, device signature, chain)."))
        return 0
    print(say(args, f"校验未通过：{bad} 条记录有问题（共检查 {report.checked} 条）。",
              f"Verification FAILED: {bad} record(s) with problems ({report.checked} checked)."))
    return 1


def device_id(public_key_b64: str | None) -> str | None:
    return device_id_for(public_key_b64) if public_key_b64 else None
