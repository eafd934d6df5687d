"""The chain head kept outside the database: this device's last seq and hash, signed by its key.

Why: the chain inside the database proves every record but the newest. Delete the newest record
with its visit rows, or empty or replace the whole file, and what is left is a shorter chain that
is perfectly consistent. `chain_head.json` in the data folder remembers how far the chain got; it
is written when a key is made (seq 0) and after every seal, signed with the device key, so it
cannot be lowered without the key. With the key in the system key store a copied or stolen data
folder cannot re-sign it. Limits: a crash between the seal's commit and this write leaves the
head one behind (harmless: the database is ahead); an older signed head put back in place rolls
it back, which only the office's copy of the chain can tell.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from inspector_app.atomic_file import write_atomically
from inspector_app.core.errors import ProcedureError
from inspector_app.seal.canonical import canonical_bytes, canonical_text
from inspector_app.seal.device_key import FILE, DeviceKey, device_id_for, verify_digest
from inspector_app.seal.problems import Problem

HEAD_FILENAME = "chain_head.json"
FORMAT = "heating-inspector-chain-head/1"


@dataclass(frozen=True)
class Head:
    device_id: str
    seq: int
    sha256: str | None
    record_id: str | None

    def payload(self) -> dict:
        return {"format": FORMAT, "device_id": self.device_id, "seq": self.seq,
                "sha256": self.sha256, "record_id": self.record_id}


class HeadUnreadable(ValueError):
    """The head file does not parse, is another device's, or its signature does not hold."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _digest(head: Head) -> bytes:
    return hashlib.sha256(canonical_bytes(head.payload())).digest()


def read_head(folder: Path, public_key_b64: str) -> Head | None:
    """The signed head in `folder`, None when there is none; HeadUnreadable when it is bad."""
    path = Path(folder) / HEAD_FILENAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        head = Head(str(data["device_id"]), int(data["seq"]), data["sha256"], data["record_id"])
        signature = data["signature"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise HeadUnreadable(f"无法读取（{exc}）", f"it cannot be read ({exc})") from exc
    if data.get("format") != FORMAT:
        raise HeadUnreadable("格式未知", "its format is unknown")
    own = device_id_for(public_key_b64)
    if head.device_id != own:
        raise HeadUnreadable(f"它属于设备 {head.device_id}，不是本机密钥 {own}：设备密钥被删除或替换过",
                             f"it belongs to device {head.device_id}, not to this key {own}: the "
                             "device key was deleted or replaced")
    if not verify_digest(public_key_b64, _digest(head), signature):
        raise HeadUnreadable("签名不是本机设备密钥的，可能被伪造",
                             "its signature is not this device key's: it may be forged")
    return head


def write_head(key: DeviceKey, seq: int, sha256: str | None, record_id: str | None) -> None:
    """Record that the chain reached `seq`; never moves the head back (a stale writer)."""
    if key.folder is None:
        return
    try:
        current = read_head(key.folder, key.public_key_b64)
    except HeadUnreadable:
        current = None
    if current is not None and current.seq >= seq:
        return
    head = Head(key.device_id, seq, sha256, record_id)
    text = canonical_text({**head.payload(), "signature": key.sign_b64(_digest(head))})
    write_atomically(Path(key.folder) / HEAD_FILENAME, text.encode("utf-8"))


def write_genesis(key: DeviceKey) -> None:
    """A new key's head: nothing sealed yet (seq 0). Leaves an existing head alone."""
    if key.folder is not None and not (Path(key.folder) / HEAD_FILENAME).exists():
        write_head(key, 0, None, None)


@dataclass
class HeadCheck:
    """What the head says about the database: faults (an incident) and warnings."""

    problems: list[Problem]
    warnings: list[tuple[str, str]]


def check_head(db: sqlite_utils.Database, folder: Path, public_key_b64: str,
               protection: str) -> HeadCheck:
    """Does the database still hold the chain as far as the signed head says it went?"""
    device_id = device_id_for(public_key_b64)
    out = HeadCheck([], [])
    row = db.conn.execute("SELECT seq, sha256, record_id FROM sealed_records WHERE device_id=?"
                          " ORDER BY seq DESC LIMIT 1", (device_id,)).fetchone()
    db_seq = row[0] if row else 0
    try:
        head = read_head(folder, public_key_b64)
    except HeadUnreadable as exc:
        out.problems.append(Problem(
            device_id, "signature_invalid",
            f"签名无效：数据库之外的链头记录（{HEAD_FILENAME}）不可信：{exc.zh}。请报告区供热办公室",
            f"signature invalid: the chain head kept outside the database ({HEAD_FILENAME}) "
            f"cannot be trusted: {exc.en}. Report it to the district office"))
        return out
    if head is None:
        zh = (f"本机设备密钥的链头记录（{HEAD_FILENAME}）不存在：无法确认最新的记录没有被删除")
        en = (f"the chain head record of this device's key ({HEAD_FILENAME}) is missing: the "
              "removal of the newest records cannot be ruled out")
        if protection == FILE:  # a key file may predate the head; the next seal writes it
            out.warnings.append((f"警告：{zh}（下次签封时写入）",
                                 f"warning: {en} (it is written at the next seal)"))
        else:  # a key-store key always had its head: an incident
            out.problems.append(Problem(device_id, "link_missing", f"链条缺环：{zh}",
                                        f"link missing: {en}"))
        return out
    if db_seq < head.seq:
        held = "没有本机的签封记录" if db_seq == 0 else f"只到第 {db_seq} 号"
        held_en = "holds none of them" if db_seq == 0 else f"stops at no. {db_seq}"
        out.problems.append(Problem(
            head.record_id or device_id, "link_missing",
            f"链条缺环：本机已签封到第 {head.seq} 号记录（最新一条 {head.record_id}，由设备密钥签名"
            f"记录在数据库之外），但数据库{held}：记录被删除，或数据库被清空或替换。"
            "这不是新的开始：请报告区供热办公室，保留数据文件夹，不要在本机继续签封",
            f"link missing: this laptop sealed up to record no. {head.seq} (the newest, "
            f"{head.record_id}, is kept outside the database, signed by the device key), but the "
            f"database {held_en}: records were deleted, or the database was emptied or "
            "replaced. This is not a fresh start: report it to the district office, keep the "
            "data folder, and do not seal on this laptop"))
        return out
    if head.seq:
        at = db.conn.execute("SELECT sha256 FROM sealed_records WHERE device_id=? AND seq=?",
                             (device_id, head.seq)).fetchone()
        if at is None or at[0] != head.sha256:
            out.problems.append(Problem(
                head.record_id or device_id, "link_missing",
                f"链条断开：数据库中第 {head.seq} 号记录与数据库之外的链头记录不符，可能被替换",
                f"link broken: record no. {head.seq} in the database is not the one the chain "
                "head kept outside the database names (replaced?)"))
    return out


def require_head_held(db: sqlite_utils.Database, key: DeviceKey) -> None:
    """Refuse to extend a chain the database no longer holds in full (sealing would restart or
    fork it and hide the loss)."""
    if key.folder is None:
        return
    found = check_head(db, key.folder, key.public_key_b64, key.protection)
    if found.problems:
        p = found.problems[0]
        raise ProcedureError(f"不能签封：{p.message_zh}", f"cannot seal: {p.message_en}",
                             field="chain_head")
