"""`inspector-office`: run and administer the district office server.

Subcommands: `serve`, `enrollment-code`, `admin-token`, `add-user`, `devices`, `revoke-device`,
`allow-reenrolment`, `device-log`, `import-bundle`, `records`, `synth`, `profile list|confirm`,
`tickets import|list|show|assign|cancel|close` (`office.ticket_cli`), `stops`, `heating-period`
and `penalty` (`office.company_events_cli`), and `migrate-db` (from the SQLite file to PostgreSQL; it names its own two databases).
The others work on the office database given by `--db` (default
`INSPECTOR_OFFICE_DB`, else `office.sqlite3` in the platform's user data folder), so the
administration commands can run on the office machine while `serve` is running (WAL).
Messages are Chinese by default (`--lang en` for English); exit status 2 for refusals.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from datetime import timedelta
from pathlib import Path

import platformdirs
from sqlalchemy.exc import DBAPIError, OperationalError

from inspector_app import __version__
from inspector_app.cli_options import DefaultOf, add_everywhere
from inspector_app.office.app import DEFAULT_MAX_RECORD_BYTES
from inspector_app.office.company_events_cli import add_company_event_commands
from inspector_app.office.db import BadDatabaseAddress, describe, is_postgres
from inspector_app.office.monitoring.mqtt_cli import add_mqtt_commands
from inspector_app.office.photos import incomplete_records
from inspector_app.office.schema import SchemaTooNew
from inspector_app.office.store import DB_FILENAME, REVIEW_STATE_ZH, EnrollmentError, OfficeStore
from inspector_app.office.ticket_cli import add_ticket_commands

VERIFY_ZH = {"verified": "已验证", "failed": "校验失败"}
CHAIN_ZH = {"ok": "", "gap": "，链条缺环（前一条记录未到）", "fork": "，链条分叉"}
CHAIN_EN = {"ok": "", "gap": ", chain gap (previous record missing)", "fork": ", chain fork"}


def _say(args: argparse.Namespace, zh: str, en: str) -> str:
    return zh if args.lang == "zh" else en


def default_db() -> str:
    """INSPECTOR_OFFICE_DB (a SQLite path or a postgresql:// URL), else the user data folder."""
    env = os.environ.get("INSPECTOR_OFFICE_DB")
    if env:
        return env
    return str(Path(platformdirs.user_data_dir("heating-inspector-office", appauthor=False))
               / DB_FILENAME)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector-office",
                                     description="供热室温检测 区办公室服务 — district office server")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("serve", help="run the HTTP(S) service")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--training", action="store_true",
                   help="a training office: accept training/demo records")
    p.add_argument("--cert", type=Path, help="TLS certificate (PEM); with --key serves HTTPS")
    p.add_argument("--key", type=Path, help="TLS private key (PEM)")
    p.add_argument("--max-record-bytes", type=int, default=DEFAULT_MAX_RECORD_BYTES)
    p.add_argument("--public-url", default=os.environ.get("INSPECTOR_OFFICE_PUBLIC_URL"),
                   help="the office's https address as residents' phones reach it: slips' QR "
                        "codes link to its /v/RECORD_ID page (told to laptops at enrolment)")
    p.add_argument("--log-level", default="info")
    p.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                   help="a reverse proxy whose X-Forwarded-For is believed (address or network;"
                        " repeat for several); without one the header is ignored")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("enrollment-code", help="print a one-time code to enrol one laptop")
    p.add_argument("--ttl-hours", type=float, default=24.0,
                   help=f"valid for (default 24 h, at most {MAX_TTL_HOURS:g} h)")
    p.add_argument("--inspector", help="the inspector account whose laptop this code enrols"
                                       " (it then pulls that inspector's tickets)")
    p.set_defaults(run=cmd_enrollment_code)

    p = sub.add_parser("admin-token", help="print a new supervisor token for the review API")
    p.add_argument("--label", default="admin", help="whose token (kept in the review trail)")
    p.set_defaults(run=cmd_admin_token)

    p = sub.add_parser("add-user", help="create a supervisor, admin or inspector account")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["supervisor", "admin", "inspector"])
    p.add_argument("--district", help="the district a supervisor reviews or an inspector works"
                                      " in (required for them)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input (else asked twice at a prompt)")
    p.set_defaults(run=cmd_add_user)

    p = sub.add_parser("db-status", help="the database's schema revision and pending upgrades"
                                         " (changes nothing)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_db_status)

    p = sub.add_parser("upgrade-db", help="bring the database's schema up to date now (every"
                                          " office command also does so when it opens it)")
    p.set_defaults(run=cmd_upgrade_db)

    p = sub.add_parser("devices", help="list enrolled devices")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_devices)

    p = sub.add_parser("revoke-device", help="stop a device from uploading")
    p.add_argument("device_id")
    p.add_argument("--reason", default="")
    p.add_argument("--by", default=None, help="who revokes it (default: your login name)")
    p.set_defaults(run=cmd_revoke)

    p = sub.add_parser("allow-reenrolment",
                       help="let an enrolled device enrol once more (logged with who and when)")
    p.add_argument("device_id")
    p.add_argument("--by", default=None, help="who allows it (default: your login name)")
    p.add_argument("--reason", default="", help="why (kept in the device log)")
    p.add_argument("--ttl-hours", type=float, default=24.0,
                   help=f"the leave lapses after (default 24 h, at most {MAX_TTL_HOURS:g} h)")
    p.set_defaults(run=cmd_allow_reenrolment)

    p = sub.add_parser("device-log", help="enrolments, re-enrolments, refusals, revocations")
    p.add_argument("device_id", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_device_log)

    p = sub.add_parser("import-bundle", help="import an offline bundle (all or nothing)")
    p.add_argument("file", type=Path)
    p.add_argument("--training", action="store_true", help="accept training/demo records")
    p.add_argument("--accept-unknown-device", action="store_true",
                   help="register devices not yet enrolled, from the keys in the records")
    p.add_argument("--max-record-bytes", type=int, default=DEFAULT_MAX_RECORD_BYTES)
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("records", help="list stored records with their verification state")
    p.add_argument("--json", action="store_true", help="one JSON array")
    p.add_argument("--recheck", action="store_true",
                   help="re-verify every stored record's hash and signature now")
    p.set_defaults(run=cmd_records)

    p = sub.add_parser("synth", help="add synthetic (marked) rows for scale tests")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--season", default="2025-2026", help="heating season YYYY-YYYY")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=cmd_synth)

    p = sub.add_parser("migrate-db", help="move the office from its SQLite file to PostgreSQL")
    p.add_argument("--from", dest="source", required=True, metavar="SQLITE_PATH",
                   help="the office's SQLite file (stop the office first)")
    p.add_argument("--to", dest="target", required=True, metavar="POSTGRES_URL",
                   help="an empty PostgreSQL database: postgresql://user@host:port/dbname")
    p.add_argument("--batch-size", type=int, default=1000,
                   help="rows per transaction (default 1000)")
    p.set_defaults(run=cmd_migrate_db)

    p = sub.add_parser("profile", help="the rules' provenance at this office; confirm a section")
    profile_sub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    q = profile_sub.add_parser("list", help="each profile section's provenance here")
    q.add_argument("name", nargs="?", help="one profile (default: all)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=cmd_profile_list)
    q = profile_sub.add_parser("confirm", help="confirm a section against the published rule")
    q.add_argument("name", help="profile name, e.g. changchun")
    q.add_argument("--section", required=True, help="e.g. refund")
    q.add_argument("--citation-zh", required=True,
                   help="the published document: title and number, in Chinese")
    q.add_argument("--citation-en", default="", help="the same in English (no Chinese characters)")
    q.add_argument("--by", required=True, help="the confirming office administrator's account")
    q.set_defaults(run=cmd_profile_confirm)
    add_ticket_commands(sub)
    add_company_event_commands(sub)
    add_mqtt_commands(sub)
    add_everywhere(parser, sub, _global_options,
                   {"db": None, "lang": os.environ.get("INSPECTOR_LANG", "zh")})
    return parser


def _global_options(p: argparse.ArgumentParser, default_of: DefaultOf) -> None:
    """`--db` and `--lang`, before or after the subcommand."""
    p.add_argument("--db", default=default_of("db"),
                   help="office database: a SQLite file or postgresql://user@host:port/dbname"
                        " (default: INSPECTOR_OFFICE_DB, else a file in the user data folder)")
    p.add_argument("--lang", choices=["zh", "en"], default=default_of("lang"),
                   help="language of messages (default zh)")


def _store(args: argparse.Namespace) -> OfficeStore:
    return OfficeStore(args.db or default_db())


MONITORING_EVERY = 30.0  # seconds between two passes over the monitoring points' touched days
ESTIMATES_EVERY = 600.0   # seconds: the open cases' failing days so far kept current


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from inspector_app.office.app import create_app
    from inspector_app.office.serving import uvicorn_config
    from inspector_app.slip.content import SlipError, office_address

    if bool(args.cert) != bool(args.key):
        print(_say(args, "--cert 与 --key 需要同时提供", "--cert and --key go together"),
              file=sys.stderr)
        return 2
    try:
        public_url = office_address(args.public_url)
    except SlipError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    db = args.db or default_db()
    try:
        app = create_app(db, training=args.training, max_record_bytes=args.max_record_bytes,
                         public_url=public_url, trusted_proxies=args.trusted_proxy,
                         refresh_estimates_every=ESTIMATES_EVERY,
                         refresh_monitoring_every=MONITORING_EVERY)
    except ValueError as exc:
        print(_say(args, f"--trusted-proxy 不是有效的地址或网段：{exc}",
                   f"--trusted-proxy is not an address or network: {exc}"), file=sys.stderr)
        return 2
    scheme = "https" if args.cert else "http"
    mode = _say(args, "（培训模式）", " (training)") if args.training else ""
    where = describe(db)
    print(_say(args, f"办公室服务{mode}：{scheme}://{args.host}:{args.port}  数据库：{where}",
               f"office service{mode}: {scheme}://{args.host}:{args.port}  database: {where}"),
          flush=True)
    uvicorn.Server(uvicorn_config(app, host=args.host, port=args.port, log_level=args.log_level,
                                  ssl_certfile=str(args.cert) if args.cert else None,
                                  ssl_keyfile=str(args.key) if args.key else None)).run()
    return 0


MAX_TTL_HOURS = 24.0 * 30


def _ttl(args: argparse.Namespace) -> timedelta | None:
    """--ttl-hours as a timedelta, or None after saying why it is refused."""
    hours = args.ttl_hours
    if not math.isfinite(hours) or hours <= 0 or hours > MAX_TTL_HOURS:
        print(_say(args, f"--ttl-hours 须大于 0 且不超过 {MAX_TTL_HOURS:g}（现为 {hours:g}）",
                   f"--ttl-hours must be above 0 and at most {MAX_TTL_HOURS:g} (got {hours:g})"),
              file=sys.stderr)
        return None
    return timedelta(hours=hours)


def _who(args: argparse.Namespace) -> str:
    import getpass

    return (args.by or "").strip() or getpass.getuser()


def cmd_enrollment_code(args: argparse.Namespace) -> int:
    ttl = _ttl(args)
    if ttl is None:
        return 2
    inspector = (args.inspector or "").strip() or None
    try:
        code, expires = _store(args).new_enrollment_code(ttl, inspector=inspector)
    except EnrollmentError as exc:
        print(_say(args, exc.zh, exc.en), file=sys.stderr)
        return 2
    local = expires.astimezone().isoformat(timespec="minutes")
    print(code)
    whose = (_say(args, f"（检测员 {inspector} 的电脑）", f" (a laptop of inspector {inspector})")
             if inspector else "")
    print(_say(args, f"一次性注册码{whose}，有效期至 {local}",
               f"one-time code{whose}, valid until {local}"), file=sys.stderr)
    return 0


def cmd_admin_token(args: argparse.Namespace) -> int:
    print(_store(args).new_admin_token(args.label))
    print(_say(args, "审核接口凭证（只显示这一次，请妥善保存）",
               "review API token (shown only this once; keep it safe)"), file=sys.stderr)
    return 0


MIN_PASSWORD_LENGTH = 8


def cmd_add_user(args: argparse.Namespace) -> int:
    import getpass

    from sqlalchemy.exc import IntegrityError

    from inspector_app.office.auth import hash_password

    if args.role == "supervisor" and not (args.district or "").strip():
        print(_say(args, "审核员账号需要 --district（所管辖的区）",
                   "a supervisor account needs --district"), file=sys.stderr)
        return 2
    if args.role == "inspector":
        return _add_inspector(args)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(_say(args, "密码：", "Password: "))
        if getpass.getpass(_say(args, "再输一次：", "Again: ")) != password:
            print(_say(args, "两次输入的密码不一致", "the passwords differ"), file=sys.stderr)
            return 2
    if len(password) < MIN_PASSWORD_LENGTH:
        print(_say(args, f"密码至少 {MIN_PASSWORD_LENGTH} 个字符",
                   f"the password needs at least {MIN_PASSWORD_LENGTH} characters"),
              file=sys.stderr)
        return 2
    try:
        _store(args).add_user(args.name, args.role, hash_password(password), args.district)
    except IntegrityError:
        print(_say(args, f"已有账号 {args.name}", f"account {args.name} already exists"),
              file=sys.stderr)
        return 2
    print(_say(args, f"已创建账号 {args.name}", f"account {args.name} created"))
    return 0


NO_PASSWORD = "!"   # not an argon2 hash: no password ever matches it (`auth.check_password`)


def _add_inspector(args: argparse.Namespace) -> int:
    """An inspector account: the district it works in, no password (it never logs in to the
    review API; its laptops authenticate with their device credentials)."""
    from sqlalchemy.exc import IntegrityError

    district = (args.district or "").strip()
    name = args.name.strip()
    if not district:
        print(_say(args, "检测员账号需要 --district（所在的区）", "an inspector account needs --district"),
              file=sys.stderr)
        return 2
    if not name or any(ch.isspace() or not ch.isprintable() for ch in name):
        print(_say(args, "账号名不能为空，也不能含空格", "an account name is not empty and has no spaces"),
              file=sys.stderr)
        return 2
    if args.password_stdin:
        print(_say(args, "检测员账号没有密码（不登录审核接口）：不要给 --password-stdin",
                   "an inspector account has no password (it never logs in to the review API):"
                   " drop --password-stdin"), file=sys.stderr)
        return 2
    try:
        _store(args).add_user(name, "inspector", NO_PASSWORD, district)
    except IntegrityError:
        print(_say(args, f"已有账号 {name}", f"account {name} already exists"), file=sys.stderr)
        return 2
    print(_say(args, f"已创建检测员账号 {name}（{district}）",
               f"inspector account {name} created ({district})"))
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    import time

    from inspector_app.office.synth import synthesize

    if args.count < 1:
        print(_say(args, "--count 至少为 1", "--count must be at least 1"), file=sys.stderr)
        return 2
    began = time.perf_counter()
    added = synthesize(args.db or default_db(), args.count, season=args.season, seed=args.seed)
    took = time.perf_counter() - began
    print(_say(args, f"已生成 {added} 条合成记录（标记为 synthetic），用时 {took:.1f} 秒",
               f"{added} synthetic rows added (marked synthetic) in {took:.1f} s"))
    return 0


def cmd_migrate_db(args: argparse.Namespace) -> int:
    from inspector_app.office.move_office import MoveRefused, move_office

    if args.batch_size < 1:
        print(_say(args, "--batch-size 至少为 1", "--batch-size must be at least 1"),
              file=sys.stderr)
        return 2
    try:
        report = move_office(args.source, args.target, batch_rows=args.batch_size,
                             progress=_progress_printer(args))
    except MoveRefused as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    except OperationalError as exc:
        print(_say(args, f"无法打开数据库：{_first_line(exc)}",
                   f"cannot open a database: {_first_line(exc)}"), file=sys.stderr)
        return 2
    except DBAPIError as exc:
        print(_say(args, f"目标数据库拒收一行，迁移停止（可修正后重新运行以接续）：{_first_line(exc)}",
                   f"the target refused a row; the move stopped (run it again to resume once "
                   f"fixed): {_first_line(exc)}"), file=sys.stderr)
        return 2
    for line in _move_report(args, report):
        print(line)
    return 0


def _progress_printer(args: argparse.Namespace):
    """Progress on stderr: each table when copied, and every few seconds in a big one."""
    import time

    last = [0.0]

    def show(phase: str, table: str, done: int, total: int) -> None:
        now = time.monotonic()
        if (done < total or phase == "check") and now - last[0] < 2:
            return
        last[0] = now
        if phase == "check":
            print(_say(args, f"  校验 {table}：{done}/{total}", f"  checking {table}: {done}/{total}"),
                  file=sys.stderr, flush=True)
        else:
            print(_say(args, f"  {table}：已复制 {done}/{total}", f"  {table}: {done}/{total} copied"),
                  file=sys.stderr, flush=True)

    return show


def _move_report(args: argparse.Namespace, report) -> list[str]:
    lines = [_say(args, f"源：{report.source}", f"source: {report.source}")]
    if report.upgraded_from:
        lines.append(_say(
            args, f"  源数据库的结构已先就地升级：{report.upgraded_from} → {report.revision}"
                  "（与办公室服务启动时所做的相同）",
            f"  the source file was first upgraded in place: {report.upgraded_from} → "
            f"{report.revision} (as the office does when it starts)"))
    lines.append(_say(args, f"目标：{report.target}", f"target: {report.target}"))
    if report.resumed:
        lines.append(_say(args, "  接续此前中断的迁移", "  resumed an interrupted move"))
    lines.append(_say(args, f"{'表':<23}{'源':>9}{'目标':>8}",
                      f"{'table':<24}{'source':>10}{'target':>10}"))
    lines += [f"{t.name:<24}{t.source:>10}{t.target:>10}" for t in report.tables]
    lines.append(_say(
        args, f"记录：已验证 {report.verified}，源中已标为校验失败 {report.marked_failed}，"
              f"合成记录（无法校验）{report.synthetic}；照片哈希相符 {report.photos_checked}",
        f"records: {report.verified} verified, {report.marked_failed} already marked failed in "
        f"the source, {report.synthetic} synthetic (not verifiable); photos matching their hash: "
        f"{report.photos_checked}"))
    lines.append(_say(args, "各表行数及每行每列内容（含记录原文与照片的字节）两边一致",
                      "every table's rows and every column of every row (record and photo bytes "
                      "included) are the same on both sides"))
    lines.append(_say(args, f"用时 {report.seconds:.1f} 秒", f"took {report.seconds:.1f} s"))
    return lines


STATUS_ZH = {"cited": "有文件依据", "confirmed": "本办公室已确认", "unconfirmed": "尚未确认"}


def cmd_profile_list(args: argparse.Namespace) -> int:
    from inspector_app.core.errors import ProfileError
    from inspector_app.core.profile import available_profiles, load_profile
    from inspector_app.core.provenance import Provenance
    from inspector_app.office.profile_confirmations import effective

    store = _store(args)
    try:
        profiles = [load_profile(n) for n in ([args.name] if args.name else available_profiles())]
    except ProfileError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    rows = [{"profile": p.name, "version": p.version, **prov.to_dict()}
            for p in profiles for prov in effective(store, p).values()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for r in rows:
        status = STATUS_ZH[r["status"]] if args.lang == "zh" else r["status"]
        cited = Provenance.from_dict(r).citation(args.lang) if r["status"] != "unconfirmed" else ""
        who = (_say(args, f"（{r['confirmed_by']} {r['confirmed_at']}）",
                    f" ({r['confirmed_by']} {r['confirmed_at']})") if r["confirmed_by"] else "")
        print(f"{r['profile']} {r['version']}  {r['section']:<13}  {status}  {cited}{who}".rstrip())
    return 0


def cmd_profile_confirm(args: argparse.Namespace) -> int:
    from inspector_app.office.profile_confirmations import ConfirmationError, confirm

    try:
        done = confirm(_store(args), args.name, args.section, args.citation_zh, args.citation_en,
                       args.by)
    except ConfirmationError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    print(_say(args, f"已确认：{args.name} 的 {args.section} 一节，依据 {done.citation_zh}"
                     f"（{done.confirmed_by}，{done.confirmed_at}）",
               f"confirmed: section {args.section} of {args.name}, per "
               f"{done.citation('en')} ({done.confirmed_by}, {done.confirmed_at})"))
    return 0


def _schema_status(args: argparse.Namespace) -> tuple[str, dict] | None:
    """(--db target, `schema.status` of it), read without changing anything; None (said why)
    for a SQLite file that does not exist yet."""
    from inspector_app.office import schema
    from inspector_app.office.db import Database

    target = args.db or default_db()
    if not is_postgres(target) and not Path(target).is_file():
        print(_say(args, f"没有办公室数据库：{target}", f"no office database at {target}"),
              file=sys.stderr)
        return None
    db = Database(target)
    try:
        return target, schema.status(db)
    finally:
        db.close()


def cmd_db_status(args: argparse.Namespace) -> int:
    found_status = _schema_status(args)
    if found_status is None:
        return 2
    _target, state = found_status
    if args.json:
        print(json.dumps(state, ensure_ascii=False))
        return 0
    found = state["revision"] or (
        _say(args, f"旧版（user_version {state['legacy_user_version']}）",
             f"pre-Alembic (user_version {state['legacy_user_version']})")
        if state["legacy_user_version"] is not None else _say(args, "空", "empty"))
    print(_say(args, f"数据库：{state['database']}（{state['backend']}）",
               f"database: {state['database']} ({state['backend']})"))
    print(_say(args, f"结构版本：{found}；本程序：{state['program']}",
               f"schema: {found}; this program: {state['program']}"))
    if state["too_new"]:
        print(_say(args, "数据库比本程序新：请使用新版程序", "the database is newer than this"
                   " program: use the newer one"))
    elif not state["pending"]:
        print(_say(args, "已是最新，无需升级", "up to date, nothing to upgrade"))
    else:
        print(_say(args, f"待升级 {len(state['pending'])} 步（先备份数据库）：",
                   f"{len(state['pending'])} step(s) to upgrade (back the database up first):"))
        for revision, title in state["pending"]:
            print(f"  {revision}  {title}")
    return 0


def cmd_upgrade_db(args: argparse.Namespace) -> int:
    found_status = _schema_status(args)
    if found_status is None:
        return 2
    target, before = found_status
    store = OfficeStore(target)
    store.close()
    print(_say(args, f"结构版本 {before['revision'] or '（旧版或空）'} → {store.revision}",
               f"schema {before['revision'] or '(pre-Alembic or empty)'} → {store.revision}"))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    devices = _store(args).devices()
    if args.json:
        print(json.dumps([d.to_dict() for d in devices], ensure_ascii=False))
        return 0
    if not devices:
        print(_say(args, "没有已注册的设备", "no devices"))
    for d in devices:
        state = (_say(args, f"已注销 {d.revoked_at}", f"revoked {d.revoked_at}") if d.revoked
                 else _say(args, "有效", "active"))
        inspector = d.inspector or _say(args, "（无检测员）", "(no inspector)")
        print(f"{d.device_id}  {state}  {inspector}  {d.enrolled_via}  {d.enrolled_at}  {d.label}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    store = _store(args)
    if store.device(args.device_id) is None:
        print(_say(args, f"没有设备 {args.device_id}", f"no device {args.device_id}"),
              file=sys.stderr)
        return 2
    changed = store.revoke_device(args.device_id, args.reason, by=_who(args))
    print(_say(args, "已注销" if changed else "该设备早已注销",
               "revoked" if changed else "already revoked"))
    return 0


def cmd_allow_reenrolment(args: argparse.Namespace) -> int:
    ttl = _ttl(args)
    if ttl is None:
        return 2
    who = _who(args)
    try:
        expires = _store(args).allow_reenrolment(args.device_id, who, args.reason, ttl)
    except KeyError:
        print(_say(args, f"没有设备 {args.device_id}", f"no device {args.device_id}"),
              file=sys.stderr)
        return 2
    except ValueError:
        print(_say(args, f"设备 {args.device_id} 已被注销，不能重新注册",
                   f"device {args.device_id} has been revoked and cannot enrol again"),
              file=sys.stderr)
        return 2
    local = expires.astimezone().isoformat(timespec="minutes")
    print(_say(args, f"已准许设备 {args.device_id} 重新注册一次（{who}），有效期至 {local}；"
                     "它原来的凭证在重新注册后失效",
               f"device {args.device_id} may enrol once more (allowed by {who}) until {local}; "
               "its present credential stops working when it does"))
    return 0


EVENT_ZH = {"enrolled": "注册", "reenrolled": "重新注册", "reenrolment_allowed": "准许重新注册",
            "enrolment_refused": "拒绝注册", "revoked": "注销"}


def cmd_device_log(args: argparse.Namespace) -> int:
    events = _store(args).device_events(args.device_id)
    if args.json:
        print(json.dumps(events, ensure_ascii=False))
        return 0
    if not events:
        print(_say(args, "没有设备记录", "no device events"))
    for e in events:
        event = EVENT_ZH.get(e["event"], e["event"]) if args.lang == "zh" else e["event"]
        print(f"{e['at']}  {e['device_id']}  {event}  {e['by']}  {e['detail']}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from inspector_app.office.bundle_import import import_bundle
    from inspector_app.sync.bundle import BundleError

    store = _store(args)
    try:
        report = import_bundle(store, args.file, training_allowed=args.training,
                               max_record_bytes=args.max_record_bytes,
                               accept_unknown_devices=args.accept_unknown_device)
    except BundleError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    print(_say(args, f"数据包共 {report.total} 条：新增 {len(report.added)}，"
                     f"已存在 {len(report.present)}",
               f"bundle of {report.total}: added {len(report.added)}, "
               f"already present {len(report.present)}"))
    for device_id in report.devices_admitted:
        print(_say(args, f"  新登记设备（数据包）：{device_id}", f"  device admitted: {device_id}"))
    for rid in report.chain_problems:
        print(_say(args, f"  链条缺环或分叉：{rid}", f"  chain gap or fork: {rid}"))
    if report.photos_added:
        print(_say(args, f"  新增照片 {report.photos_added} 张", f"  photos added: {report.photos_added}"))
    for rid in report.incomplete:
        print(_say(args, f"  照片不全（证据不完整）：{rid}", f"  photos missing (incomplete): {rid}"))
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    store = _store(args)
    rows = []
    for summary, raw in store.iter_records():
        if args.recheck:
            summary["verification"], summary["problems"] = _recheck(store, summary, raw)
        rows.append(summary)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print(_say(args, "没有记录", "no records"))
    for r in rows:
        verified = VERIFY_ZH.get(r["verification"], r["verification"]) if args.lang == "zh" \
            else r["verification"]
        chain = (CHAIN_ZH if args.lang == "zh" else CHAIN_EN)[r["chain_state"]]
        review = REVIEW_STATE_ZH[r["review_state"]] if args.lang == "zh" else r["review_state"]
        training = _say(args, "【培训】", "[training] ") if r["training"] else ""
        print(f"{r['record_id']}  {r['device_id']}  {training}{verified}{chain}  {review}  "
              f"{r['test_at']}  {r['district']}  {r['company']}  {r['inspector']}  "
              f"{r['verdict']}")
        for problem in r.get("problems") or []:
            print(f"    {problem}")
    gaps = store.chain_problems(open_only=True)
    if gaps:
        print(_say(args, f"未闭合的链条问题 {len(gaps)} 个：", f"{len(gaps)} open chain problems:"))
        for g in gaps:
            print(f"  {g['kind']}  device {g['device_id']}  seq {g['seq']}  {g['record_id']}  "
                  f"{g['detail']}")
    waiting = incomplete_records(store)
    if waiting:
        print(_say(args, f"照片不全（证据不完整）的记录 {len(waiting)} 条：",
                   f"{len(waiting)} records still missing photos (incomplete):"))
        for rid in waiting:
            print(f"  {rid}")
    return 0


def _recheck(store: OfficeStore, summary: dict, raw: bytes) -> tuple[str, list[str]]:
    """Verify stored bytes again under the enrolled key; remember a failure in the store."""
    from inspector_app.seal.verify import verify_envelope

    device = store.device(summary["device_id"])
    try:
        env = json.loads(raw.decode("utf-8"))
        problems = [p.message_en for p in verify_envelope(
            env, trusted_public_key_b64=device.public_key if device else None)]
    except ValueError as exc:
        problems = [f"not JSON: {exc}"]
    state = "failed" if problems else "verified"
    if state != summary["verification"]:
        store.set_verification(summary["ref"], state)
    return state, problems


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except (SchemaTooNew, BadDatabaseAddress) as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    except OperationalError as exc:
        where = describe(args.db or default_db())
        print(_say(args, f"无法打开办公室数据库 {where}：{_first_line(exc)}",
                   f"cannot open the office database {where}: {_first_line(exc)}"),
              file=sys.stderr)
        return 2


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else ""


if __name__ == "__main__":
    sys.exit(main())
