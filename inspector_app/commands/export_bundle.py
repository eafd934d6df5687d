"""`inspector-app export-bundle -o FILE`: sealed records on a USB stick for an offline office.

By default every sealed record goes in (the office adds only what it lacks, so a bigger bundle
is harmless); `--only-unsent` leaves out records the office already confirmed over the network.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector_app.commands._common import open_db, say
from inspector_app.sync.bundle import export_bundle


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-bundle", help="write sealed records to a bundle file (USB stick)")
    p.add_argument("-o", "--output", type=Path, required=True, help="bundle file to write")
    p.add_argument("--only-unsent", action="store_true",
                   help="leave out records the office has already confirmed")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = export_bundle(open_db(args), args.output, only_unsent=args.only_unsent)
    if args.json:
        print(json.dumps({"path": str(report.path), "count": report.count,
                          "record_ids": report.record_ids, "photos": report.photos,
                          "photos_missing": report.photos_missing}, ensure_ascii=False))
        return 0
    print(say(args, f"已导出 {report.count} 条签封记录（照片 {report.photos} 张）到 {report.path}",
              f"exported {report.count} sealed records ({report.photos} photos) to {report.path}"))
    if report.photos_missing:
        print(say(args, f"警告：{len(report.photos_missing)} 张照片在本机缺失或已被改动，未导出"
                        "（请运行 inspector-app verify）",
                  f"warning: {len(report.photos_missing)} photos are missing or changed on this "
                  "laptop and were left out (run inspector-app verify)"), file=sys.stderr)
    return 0
