"""Checking sealed records: every hash recomputed, every signature checked, the chain walked.

Pure functions over envelopes (used by the office too) plus `verify_store` for the laptop, which
also compares each envelope with the rows the visit is stored in: whoever holds the database file
can drop the triggers and edit a reading, and that must show as "content changed" for the record.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.seal.canonical import canonical_bytes
from inspector_app.seal.chain_head import check_head
from inspector_app.seal.device_key import FILE, device_id_for, public_key_from_b64, verify_digest
from inspector_app.seal.local_checks import check_rows, check_triggers, unsealed_frozen_visits
from inspector_app.seal.photo_checks import check_photo_triggers, check_photos
from inspector_app.seal.problems import KIND_ZH, KINDS, Problem, VerifyReport
from inspector_app.seal.record import FORMAT
from inspector_app.seal.record_schema import RecordShapeError, read_envelope
from inspector_app.store.sealed import SealedStore

__all__ = ["KINDS", "KIND_ZH", "Problem", "VerifyReport", "verify_chain", "verify_envelope",
           "verify_store"]

MAX_STORED_ENVELOPE_BYTES = 64 * 1024 * 1024  # far above any real record; bounds a forged one
RECORD_KEYS = ("format", "record_id", "training", "visit", "result", "profile", "signatures",
               "device", "chain", "sealed_at", "supersedes")


def _record_id(envelope: Any) -> str:
    try:
        return str(envelope["record"]["record_id"])
    except (KeyError, TypeError):
        return "?"


def verify_envelope(envelope: Any, trusted_public_key_b64: str | None = None) -> list[Problem]:
    """Faults of one envelope: format, hash, signature, and (if given) the expected device key."""
    rid = _record_id(envelope)

    def bad(zh: str, en: str) -> list[Problem]:
        return [Problem(rid, "bad_format", f"格式错误：{zh}", f"bad format: {en}")]

    if not isinstance(envelope, dict) or not isinstance(envelope.get("record"), dict):
        return bad("不是签封记录", "not a sealed-record envelope")
    record = envelope["record"]
    missing = [k for k in RECORD_KEYS if k not in record]
    if missing:
        return bad(f"缺少 {', '.join(missing)}", f"missing {', '.join(missing)}")
    if record["format"] != FORMAT:
        return bad(f"未知格式 {record['format']}", f"unknown format {record['format']!r}")
    sha, sig = envelope.get("sha256"), envelope.get("signature")
    if not (isinstance(sha, str) and len(sha) == 64 and _is_hex(sha)) or not isinstance(sig, str):
        return bad("缺少哈希或签名", "sha256 or signature missing or malformed")
    device = record["device"]
    try:
        public_key_from_b64(device["public_key"])
        derived = device_id_for(device["public_key"])
    except (KeyError, TypeError, ValueError):
        return bad("设备公钥无效", "the device public key is not a valid Ed25519 key")
    if device.get("device_id") != derived:
        return bad("设备编号与公钥不符", "device_id does not match the public key")
    visit = record["visit"]
    if not isinstance(visit, dict) or visit.get("id") != record["record_id"]:
        return bad("记录编号与检测编号不符", "record_id does not match the visit id")
    sigs = record["signatures"]
    if not (isinstance(sigs, dict) and isinstance(sigs.get("inspector"), dict)
            and (sigs.get("resident") or sigs.get("refusal"))):
        return bad("缺少检测人员签名或用户签名/拒签记录",
                   "signatures need the inspector and the resident or a refusal")
    chain = record["chain"]
    if not (isinstance(chain, dict) and isinstance(chain.get("seq"), int) and chain["seq"] >= 1):
        return bad("链序号无效", "chain.seq must be a positive integer")

    problems: list[Problem] = []
    try:
        actual = hashlib.sha256(canonical_bytes(record)).hexdigest()
    except (TypeError, ValueError) as exc:
        return bad(f"无法规范化：{exc}", f"no canonical form: {exc}")
    if actual != sha:
        problems.append(Problem(rid, "content_changed",
                                "内容被改动：重新计算的哈希与签封时不一致",
                                "content changed: the recomputed hash differs from the sealed one"))
    if not verify_digest(device["public_key"], bytes.fromhex(sha), sig):
        problems.append(Problem(rid, "signature_invalid",
                                "签名无效：设备签名与记录哈希不符",
                                "signature invalid: the device signature does not match the hash"))
    if trusted_public_key_b64 is not None and device["public_key"] != trusted_public_key_b64:
        problems.append(Problem(rid, "foreign_key",
                                f"非本机密钥：记录由设备 {device['device_id']} 签封",
                                f"foreign key: sealed by device {device['device_id']}, "
                                "not by the trusted key"))
    return problems


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True


def verify_chain(envelopes: Iterable[dict[str, Any]], *, from_seq: int = 1) -> list[Problem]:
    """Gaps, broken links and forks in each device's chain (records below `from_seq` not expected).

    Identical copies of one envelope are counted once; two different records at one position
    are a fork. Each fault names the record that sits after the hole.
    """
    by_device: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for env in envelopes:
        try:
            rec = env["record"]
            device_id, seq = rec["device"]["device_id"], int(rec["chain"]["seq"])
        except (KeyError, TypeError, ValueError):
            continue  # verify_envelope reports the format fault
        by_device[device_id][seq].append(env)  # only once both are read: no empty device
    problems: list[Problem] = []
    for device_id, by_seq in sorted(by_device.items()):
        expected, prev_shas = min(from_seq, min(by_seq)), set()
        for seq in sorted(by_seq):
            copies = list({e.get("sha256"): e for e in by_seq[seq]}.values())
            if len(copies) > 1:
                for env in copies:
                    problems.append(Problem(
                        _record_id(env), "link_missing",
                        f"链条分叉：设备 {device_id} 的第 {seq} 号位置有 {len(copies)} 条不同记录",
                        f"fork: device {device_id} has {len(copies)} different records at "
                        f"position {seq}"))
            for env in copies:
                rid, link = _record_id(env), env["record"]["chain"].get("prev_sha256")
                if seq > expected:
                    gap = f"{expected}" if seq - expected == 1 else f"{expected}–{seq - 1}"
                    problems.append(Problem(
                        rid, "link_missing",
                        f"链条缺环：设备 {device_id} 在本记录之前的第 {gap} 号记录缺失（可能被删除）",
                        f"link missing: record(s) {gap} of device {device_id} before this one "
                        "are missing (deleted?)"))
                elif seq == 1 and link is not None:
                    problems.append(Problem(rid, "link_missing",
                                            "链条错误：第 1 号记录不应指向前一条记录",
                                            "link broken: record 1 names a previous record"))
                elif seq > from_seq and link not in prev_shas:
                    problems.append(Problem(
                        rid, "link_missing",
                        f"链条断开：本记录所指的前一条记录（第 {seq - 1} 号）哈希不符，可能被替换",
                        f"link broken: the previous record (no. {seq - 1}) does not have the "
                        "hash this record names (replaced?)"))
            expected, prev_shas = seq + 1, {e.get("sha256") for e in copies}
    return problems


def verify_store(db: sqlite_utils.Database, trusted_public_key_b64: str | None, *,
                 key_folder: Path | None = None, protection: str = FILE) -> VerifyReport:
    """Everything `inspector-app verify` checks on this laptop's database; with `key_folder`,
    also that the database holds the chain as far as the signed head beside the key says."""
    report = VerifyReport()
    envelopes = []
    for row, text in SealedStore(db).rows_with_text():
        report.checked += 1
        try:  # whoever holds the file can write anything into it: read it as outside JSON
            envelope = read_envelope(text, max_bytes=MAX_STORED_ENVELOPE_BYTES)
        except RecordShapeError as exc:
            report.problems.append(Problem(row.record_id, "bad_format",
                                           f"格式错误：存储的记录无法读取（{exc.message_zh}）",
                                           f"bad format: the stored envelope cannot be read "
                                           f"({exc.message_en})"))
            continue
        if trusted_public_key_b64 is None:
            report.problems.append(Problem(row.record_id, "foreign_key",
                                           "非本机密钥：本机没有设备密钥",
                                           "foreign key: this laptop has no device key"))
        report.problems += verify_envelope(envelope, trusted_public_key_b64)
        report.problems += check_rows(db, row, envelope)
        report.problems += check_photos(db, row, envelope)
        envelopes.append(envelope)
    report.problems += verify_chain(envelopes)
    report.problems += unsealed_frozen_visits(db)
    report.warnings += check_triggers(db)
    report.warnings += check_photo_triggers(db)
    if key_folder is not None and trusted_public_key_b64 is not None:
        head = check_head(db, key_folder, trusted_public_key_b64, protection)
        report.problems += head.problems
        report.warnings += head.warnings
    return report
