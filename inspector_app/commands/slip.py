"""`inspector-app slip RECORD_ID -o FILE.pdf [--paper a4|80mm] [--lang zh|en]`: print a slip.

The slip is in Chinese unless English is asked for with the global `--lang` (before or after
the subcommand; it also sets the language of the messages) or INSPECTOR_LANG.

The envelope is read from the local store exactly as sealed and checked before printing (a slip
whose hash would not verify at the office is worse than none). The PDF is written to a temporary
file beside the target and renamed into place, so a crash never leaves half a PDF behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.atomic_file import write_atomically
from inspector_app.commands._common import open_db, say
from inspector_app.paths import data_dir
from inspector_app.seal.verify import verify_envelope
from inspector_app.slip import PAPERS, SlipError, render
from inspector_app.slip.settings import load_settings
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.config import enrolled_office_url

MIN_PREFIX = 8


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("slip", help="write the test slip (测温记录单) of a sealed record as a PDF")
    p.add_argument("record_id", metavar="RECORD_ID",
                   help="record id of a sealed record (a unique prefix of 8+ characters will do)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--paper", choices=PAPERS, default=None,
                   help="a4, or 80mm for a portable thermal roll printer (default: the setting)")
    p.add_argument("--office-url", default=None,
                   help="the office's public https address for the QR link (default: the enrolled "
                        "office's; none when not enrolled)")
    p.set_defaults(run=run)


def find_envelope(db: sqlite_utils.Database, record_id: str) -> dict[str, Any] | None:
    """The sealed envelope of `record_id` (or of a unique id prefix of 8+ characters), or None."""
    try:
        return SealedStore(db).envelope(record_id)
    except KeyError:
        pass
    if len(record_id) < MIN_PREFIX:
        return None
    pattern = record_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.conn.execute(
        "SELECT record_id FROM sealed_records WHERE record_id LIKE ? ESCAPE '\\' LIMIT 2",
        (pattern,)).fetchall()
    return SealedStore(db).envelope(rows[0][0]) if len(rows) == 1 else None


def verification_problems(envelope: dict[str, Any], lang: str) -> list[str]:
    """What the seal's verifier finds wrong with the envelope: hash, signature, format."""
    return [p.message(lang) for p in verify_envelope(envelope)]


def run(args: argparse.Namespace) -> int:
    settings = load_settings(data_dir(args.data_dir))
    paper = args.paper or settings.paper
    office_url = args.office_url or enrolled_office_url(data_dir(args.data_dir))
    out = Path(args.output).expanduser()
    if not out.parent.is_dir():
        raise SlipError(f"输出文件夹不存在：{out.parent}", f"output folder does not exist: {out.parent}",
                        field="output")
    envelope = find_envelope(open_db(args), args.record_id)
    if envelope is None:
        raise SlipError(
            f"没有编号为 {args.record_id} 的已签封记录（只有签封后的记录才能打印测温记录单）",
            f"no sealed record with id {args.record_id} (only sealed records have a slip)",
            field="record_id")
    problems = verification_problems(envelope, args.lang)
    if problems:
        raise SlipError("记录核验未通过，不能打印：" + "；".join(problems)
                        + "（请运行 inspector-app verify）",
                        "the record fails verification, no slip printed: " + "; ".join(problems)
                        + " (run inspector-app verify)", field="record_id")
    try:
        result = render(envelope, paper=paper, office_url=office_url, lang=args.lang)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SlipError(f"记录内容无法打印：{exc}", f"the record cannot be printed: {exc}") from exc
    write_atomically(out, result.pdf)
    record_id = envelope["record"]["record_id"]
    print(say(args, f"已生成测温记录单：{out}（{result.pages} 联，{paper}，中文，记录 {record_id}）",
              f"Slip written: {out} ({result.pages} copies, {paper}, English, record {record_id})"))
    return 0
