"""`inspector-app export-bundle -o FILE`: sealed records on a USB stick for an offline office.

By default every sealed record goes in (the office adds only what it lacks, so a bigger bundle
is harmless); `--only-unsent` leaves out records the office already confirmed over the network.
"""

from __future__ import annotations

import argparse
import json
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
                          "record_ids": report.record_ids}, ensure_ascii=False))
        return 0
    print(say(args, f"已导出 {report.count} 条签封记录到 {report.path}",
              f"exported {report.count} sealed records to {report.path}"))
    return 0
