"""`inspector-app doctor [-o FILE] [--recover] [--json]`: check the data folder and rescue what
a damaged database still holds into a new file (the damaged one is never touched).

Exit 0 when all is well, 1 when something is wrong (each finding says what to do), 2 when it
cannot run (the data folder is a file, the output file exists).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.commands._common import say
from inspector_app.doctor import examine_folder
from inspector_app.paths import data_dir
from inspector_app.store.health import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check the data folder and database; recover a damaged "
                                      "database into a new file")
    p.add_argument("-o", "--output", type=Path,
                   help="where to write the recovered database (a new file; default: beside the "
                        "damaged one)")
    p.add_argument("--recover", action="store_true",
                   help="recover into a new file even when the database looks sound")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.output is not None and args.output.exists():
        raise StoreError(f"{args.output} 已存在：恢复的数据库要写入一个新文件",
                         f"{args.output} already exists: the recovered database goes into a "
                         "new file", field="output")
    report = examine_folder(data_dir(args.data_dir), output=args.output, rescue=args.recover)
    recovered = str(report.recovery.path) if report.recovery else None
    if args.json:
        print(json.dumps({"healthy": report.healthy, "recovered": recovered,
                          "findings": [{"ok": f.ok, "message_zh": f.message_zh,
                                        "message_en": f.message_en} for f in report.findings]},
                         ensure_ascii=False))
    else:
        for f in report.findings:
            print(f"{'✓' if f.ok else '✗'} {f.message(args.lang)}")
        print(say(args, "检查完毕：一切正常。" if report.healthy else "检查完毕：发现问题（见上）。",
                  "Check complete: all is well." if report.healthy
                  else "Check complete: problems found (see above)."))
    return 0 if report.healthy else 1
