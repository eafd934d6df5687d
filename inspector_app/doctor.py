"""`inspector-app doctor`: what is wrong with this laptop's data folder, and a rescue copy.

Checks the folder, the database file (on a snapshot: the original is never opened, let alone
written), the device key and the chain head kept outside the database, and the sealed records.
When the file is damaged (or a rescue is asked for) every readable row is recovered into a new
database file beside it; the damaged file stays as it was, as evidence.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from inspector_app.seal.chain_head import check_head
from inspector_app.seal.device_key import (
    FILE,
    KEY_STORE,
    NONE,
    DeviceKeyError,
    key_protection,
    load_public_key,
)
from inspector_app.seal.verify import verify_store
from inspector_app.store.database import DB_FILENAME, latest_version
from inspector_app.store.health import StoreError, check_folder
from inspector_app.store.recovery import (
    Recovery,
    RecoveryError,
    examine,
    open_snapshot,
    recover,
    snapshot,
)


@dataclass(frozen=True)
class Finding:
    ok: bool
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


@dataclass
class DoctorReport:
    findings: list[Finding] = field(default_factory=list)
    recovery: Recovery | None = None

    @property
    def healthy(self) -> bool:
        return all(f.ok for f in self.findings)

    def good(self, zh: str, en: str) -> None:
        self.findings.append(Finding(True, zh, en))

    def bad(self, zh: str, en: str) -> None:
        self.findings.append(Finding(False, zh, en))


def _utc_now() -> datetime:
    return datetime.now(UTC)


def recovered_name(clock: Callable[[], datetime] = _utc_now) -> str:
    return f"inspections.recovered-{clock().strftime('%Y%m%dT%H%M%SZ')}.sqlite3"


def examine_folder(folder: Path, *, output: Path | None = None, rescue: bool = False,
                   clock: Callable[[], datetime] = _utc_now) -> DoctorReport:
    """Everything doctor checks; recovers into `output` (default: beside the database) when the
    database is damaged or `rescue` is asked. Raises StoreError when `folder` is not a folder."""
    folder = Path(folder)
    report = DoctorReport()
    writable = _check_folder(folder, report)
    db_path = folder / DB_FILENAME
    with tempfile.TemporaryDirectory(prefix="inspector-doctor-") as scratch:
        copy = snapshot(db_path, Path(scratch))
        check = examine(copy)
        _report_file(check, db_path, report)
        public = _check_key(folder, report)
        snapshot_db = sqlite_utils.Database(open_snapshot(copy)) if copy is not None and check.readable else None
        try:
            if snapshot_db is not None and public is not None:
                _check_chain(snapshot_db, folder, public, report, "数据库", "the database")
            if snapshot_db is not None and check.sound:
                _check_records(snapshot_db, public, report, "数据库", "the database")
        finally:
            if snapshot_db is not None:
                snapshot_db.conn.close()
        if copy is not None and (rescue or not check.sound):
            target = output or (folder / recovered_name(clock) if writable else None)
            if target is None:
                report.bad("数据文件夹不可写，恢复的数据库无处存放：请用 -o 指定另一个位置的新文件",
                           "the data folder is not writable, so the recovered database has "
                           "nowhere to go: name a new file elsewhere with -o")
            else:
                _recover(copy, target, folder, public, report)
    return report


def _check_folder(folder: Path, report: DoctorReport) -> bool:
    if folder.exists() and not folder.is_dir():
        check_folder(folder)  # raises: nothing else can be checked
    try:
        check_folder(folder)
    except StoreError as exc:
        report.bad(exc.message_zh, exc.message_en)
        return False
    report.good(f"数据文件夹 {folder} 可以读写", f"the data folder {folder} is readable and writable")
    return True


def _report_file(check, db_path: Path, report: DoctorReport) -> None:  # noqa: ANN001
    if not check.exists:
        report.good(f"没有数据库文件 {db_path}（首次使用时会新建）",
                    f"there is no database file {db_path} (made on first use)")
        return
    if check.size == 0:
        report.good(f"数据库文件 {db_path} 是空的（0 字节）", f"the database file {db_path} is "
                    "empty (0 bytes)")
        return
    if check.header_fault is not None:
        report.bad(f"数据库文件 {db_path}：{check.header_fault[0]}",
                   f"the database file {db_path}: {check.header_fault[1]}")
    if not check.readable:
        report.bad("数据库的结构无法读取", "the database's schema cannot be read")
        return
    if check.version is not None and check.version > latest_version():
        report.bad(f"数据库由更新版本的程序建立（结构版本 {check.version}）：请使用更新的程序",
                   f"the database was made by a newer program (schema version {check.version}): "
                   "use the newer program")
    if check.integrity:
        shown = "; ".join(check.integrity[:3])
        report.bad(f"SQLite 完整性检查未通过：{shown}", f"SQLite's integrity check failed: {shown}")
    elif check.header_fault is None:
        report.good("SQLite 完整性检查通过", "SQLite's integrity check passed")


def _check_key(folder: Path, report: DoctorReport) -> str | None:
    try:
        protection = key_protection(folder)
        public = load_public_key(folder)
    except DeviceKeyError as exc:
        report.bad(exc.message_zh, exc.message_en)
        return None
    ok = protection.kind in (KEY_STORE, FILE, NONE)
    (report.good if ok else report.bad)(f"设备密钥保存在：{protection.message_zh}",
                                        f"device key kept in: {protection.message_en}")
    return public


def _open(path: Path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(path))


def _check_chain(db: sqlite_utils.Database, folder: Path, public: str, report: DoctorReport,
                 zh_name: str, en_name: str) -> None:
    try:
        head = check_head(db, folder, public, key_protection(folder).kind)
    except sqlite3.Error as exc:
        report.bad(f"无法对照{zh_name}检查链头（{exc}）", f"the chain head cannot be checked "
                   f"against {en_name} ({exc})")
        return
    for p in head.problems:
        report.bad(p.message_zh, p.message_en)
    for zh, en in head.warnings:
        report.bad(zh, en)
    if not head.problems and not head.warnings:
        report.good(f"{zh_name}包含链头记录所记的全部签封记录",
                    f"{en_name} holds every sealed record the chain head counts")


def _check_records(db: sqlite_utils.Database, public: str | None, report: DoctorReport,
                   zh_name: str, en_name: str) -> None:
    try:
        found = verify_store(db, public)
    except sqlite3.Error as exc:
        report.bad(f"{zh_name}中的签封记录无法全部读取（{exc}）",
                   f"the sealed records in {en_name} cannot all be read ({exc})")
        return
    if found.ok:
        report.good(f"{zh_name}中的 {found.checked} 条签封记录校验通过",
                    f"{found.checked} sealed records in {en_name} verify")
    else:
        bad = len(found.failing_records())
        report.bad(f"{zh_name}中有 {bad} 条签封记录校验未通过（共 {found.checked} 条）：详见 "
                   "inspector-app verify", f"{bad} of {found.checked} sealed records in "
                   f"{en_name} fail verification: see inspector-app verify")


def _recover(copy: Path, target: Path, folder: Path, public: str | None,
             report: DoctorReport) -> None:
    try:
        recovery = recover(copy, target)
    except RecoveryError as exc:
        report.bad(f"无法从损坏的数据库中恢复任何数据（{exc}）：请从备份恢复；已上传的记录在区供热办公室有副本",
                   f"nothing could be recovered from the damaged database ({exc}): restore a "
                   "backup; records already synced are kept at the district office")
        return
    except (FileExistsError, sqlite3.Error, OSError) as exc:
        report.bad(f"无法写入恢复的数据库 {target}（{exc}）",
                   f"the recovered database {target} cannot be written ({exc})")
        return
    report.recovery = recovery
    per_table = ", ".join(f"{t.table} {t.copied}" for t in recovery.tables)
    lost = [t.table for t in recovery.tables
            if t.unreadable or t.damaged_stretches or t.unreadable_rows or t.rejected]
    whole = recovery.complete and recovery.integrity_ok
    (report.good if whole else report.bad)(
        f"已把 {recovery.rows} 行数据恢复到新文件 {target}（{per_table}）"
        + ("" if not lost else f"；{', '.join(lost)} 中有无法读取的部分")
        + ("" if not recovery.orphans else f"；{sum(recovery.orphans.values())} 行的上级数据丢失"),
        f"recovered {recovery.rows} rows into the new file {target} ({per_table})"
        + ("" if not lost else f"; parts of {', '.join(lost)} could not be read")
        + ("" if not recovery.orphans else
           f"; {sum(recovery.orphans.values())} rows lost the row they belong to"))
    recovered = _open(target)
    try:
        if public is not None:
            _check_chain(recovered, folder, public, report, "恢复的数据库", "the recovered database")
        _check_records(recovered, public, report, "恢复的数据库", "the recovered database")
    finally:
        recovered.conn.close()
    report.good(f"原数据库文件未被改动。核对后如要使用恢复的文件：先关闭程序，把原文件移到别处保存（它是证据，"
                f"不要删除），再把 {target.name} 改名为 {DB_FILENAME}",
                f"the original database file was not changed. To use the recovered file after "
                f"checking it: close the app, move the original somewhere safe (it is evidence: "
                f"do not delete it), then rename {target.name} to {DB_FILENAME}")
