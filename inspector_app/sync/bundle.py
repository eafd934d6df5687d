"""The offline bundle: sealed records carried to an office by USB stick.

Format (`heating-inspection-bundle/1`): one zip file holding
- `records/<record_id>.json`: each envelope, byte for byte as stored on the laptop;
- `manifest.json`: format, creation time, app version, count, and per record its id, device, seq,
  the record's sha256 and the sha256 + size of its file;
- `photos/<sha256>.jpg`: each photo the records cite, once, listed in the manifest's `photos`
  (sha256, file, bytes). A bundle without photos has no `photos` key, as before photos existed.

Why a zip of exact envelopes rather than JSON lines: each record keeps its own bytes untouched
(the office stores exactly those), a person can open the stick and see one file per record, and
the manifest can be checked before any record is parsed. The manifest is not a security device —
whoever edits a record can edit the manifest too — the envelope's hash and signature are; the
manifest catches accidental damage and lets a refusal name the record at once.

Reading is defensive (a bundle comes from a USB stick): size limits before decompression, no file
outside the manifest, no path from the archive used as a path on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app import __version__
from inspector_app.seal.photo_refs import cited_hashes, is_sha256_hex
from inspector_app.store import outbox
from inspector_app.store.photos import photo_bytes
from inspector_app.store.sealed import SealedStore

BUNDLE_FORMAT = "heating-inspection-bundle/1"
MANIFEST = "manifest.json"
MAX_RECORDS = 100_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


class BundleError(Exception):
    """A bundle that cannot be read or does not hold together; names the record when one is."""

    def __init__(self, zh: str, en: str, record_id: str | None = None) -> None:
        super().__init__(en)
        self.zh, self.en, self.record_id = zh, en, record_id

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass
class BundleEntry:
    record_id: str
    device_id: str
    seq: int
    sha256: str
    data: bytes


@dataclass
class ExportReport:
    path: Path
    count: int
    record_ids: list[str]
    photos: int = 0
    photos_missing: list[str] = field(default_factory=list)  # cited but not on this laptop


def _entry_name(record_id: str) -> str:
    return f"records/{record_id}.json"


def _photo_name(sha256: str) -> str:
    return f"photos/{sha256}.jpg"


def export_bundle(db: sqlite_utils.Database, path: Path,
                  record_ids: Iterable[str] | None = None, *,
                  only_unsent: bool = False) -> ExportReport:
    """Write the chosen sealed records (default: all) to a bundle file, atomically."""
    sealed = SealedStore(db)
    rows = sealed.list()
    if record_ids is not None:
        wanted = set(record_ids)
        rows = [r for r in rows if r.record_id in wanted]
    if only_unsent:
        sent = {e.record_id for e in outbox.entries(db, (outbox.SENT,))}
        rows = [r for r in rows if r.record_id not in sent]
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    manifest: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "app_version": __version__,
        "count": len(rows),
        "records": [],
    }
    cited: dict[str, None] = {}
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for row in rows:
            data = sealed.envelope_text(row.record_id).encode("utf-8")
            zf.writestr(_entry_name(row.record_id), data)
            manifest["records"].append({
                "record_id": row.record_id, "device_id": row.device_id, "seq": row.seq,
                "sha256": row.sha256, "file": _entry_name(row.record_id),
                "file_sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
            cited.update(dict.fromkeys(cited_hashes(json.loads(data)["record"])))
        missing = _write_photos(db, zf, list(cited), manifest)
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return ExportReport(path, len(rows), [r.record_id for r in rows],
                        len(manifest.get("photos", ())), missing)


def _write_photos(db: sqlite_utils.Database, zf: zipfile.ZipFile, hashes: list[str],
                  manifest: dict[str, Any]) -> list[str]:
    """Store each cited photo whose bytes still hash right (JPEG: no recompression)."""
    missing = []
    for sha in hashes:
        data = photo_bytes(db, sha)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            missing.append(sha)
            continue
        zf.writestr(_photo_name(sha), data, compress_type=zipfile.ZIP_STORED)
        manifest.setdefault("photos", []).append({"sha256": sha, "file": _photo_name(sha),
                                                  "bytes": len(data)})
    return missing


def read_bundle(path: Path, max_record_bytes: int) -> list[BundleEntry]:
    """Every record of a bundle, checked against its manifest; BundleError names the fault."""
    return _read(path, max_record_bytes, None)[0]


def read_bundle_with_photos(path: Path, max_record_bytes: int,
                            max_photo_bytes: int) -> tuple[list[BundleEntry], dict[str, bytes]]:
    """The records and the photos (sha256 → bytes, each rehashed) of a bundle."""
    return _read(path, max_record_bytes, max_photo_bytes)


def _read(path: Path, max_record_bytes: int,
          max_photo_bytes: int | None) -> tuple[list[BundleEntry], dict[str, bytes]]:
    """Records and (unless `max_photo_bytes` is None) photos; photo files are checked either way."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BundleError(f"无法读取数据包 {path}：不是有效的数据包文件",
                          f"cannot read bundle {path}: not a bundle file ({exc})") from exc
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        if MANIFEST not in infos or infos[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise BundleError("数据包缺少清单（manifest.json）", "the bundle has no manifest.json")
        try:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise BundleError("数据包清单已损坏", "the bundle manifest is damaged") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
            raise BundleError("未知的数据包格式", f"unknown bundle format "
                              f"{manifest.get('format') if isinstance(manifest, dict) else None!r}")
        listed = manifest.get("records")
        if not isinstance(listed, list) or manifest.get("count") != len(listed) \
                or len(listed) > MAX_RECORDS:
            raise BundleError("数据包清单的记录数与内容不符", "the manifest's count does not match its list")
        expected_names = {MANIFEST}
        entries: list[BundleEntry] = []
        for item in listed:
            rid = str(item.get("record_id")) if isinstance(item, dict) else "?"
            if not isinstance(item, dict) or item.get("file") != _entry_name(rid):
                raise BundleError(f"记录 {rid}：清单条目格式错误",
                                  f"record {rid}: malformed manifest entry", rid)
            name = item["file"]
            info = infos.get(name)
            if info is None:
                raise BundleError(f"记录 {rid}：数据包中缺少该记录的文件",
                                  f"record {rid}: its file is missing from the bundle", rid)
            if info.file_size > max_record_bytes:
                raise BundleError(f"记录 {rid}：超过大小上限（{max_record_bytes} 字节）",
                                  f"record {rid}: larger than the limit ({max_record_bytes} bytes)",
                                  rid)
            try:
                data = zf.read(name)
            except (zipfile.BadZipFile, OSError) as exc:  # CRC error: the file was damaged
                raise BundleError(f"记录 {rid}：文件已损坏", f"record {rid}: its file is damaged",
                                  rid) from exc
            if hashlib.sha256(data).hexdigest() != item.get("file_sha256"):
                raise BundleError(f"记录 {rid}：文件内容与清单不符（导出后被改动）",
                                  f"record {rid}: the file differs from the manifest "
                                  "(changed after export)", rid)
            expected_names.add(name)
            entries.append(BundleEntry(rid, str(item.get("device_id")), int(item.get("seq") or 0),
                                       str(item.get("sha256")), data))
        photos = _read_photos(zf, infos, manifest, max_photo_bytes, expected_names)
        extra = sorted(set(infos) - expected_names)
        if extra:
            raise BundleError(f"数据包中有清单外的文件：{extra[0]}",
                              f"the bundle holds a file not in its manifest: {extra[0]}")
        if len({e.record_id for e in entries}) != len(entries):
            raise BundleError("数据包清单中有重复的记录", "the manifest lists a record twice")
        return entries, photos


def _read_photos(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], manifest: dict[str, Any],
                 max_bytes: int | None, expected_names: set[str]) -> dict[str, bytes]:
    """The manifest's photos (names added to `expected_names`); bytes only when `max_bytes`."""
    listed = manifest.get("photos", [])
    if not isinstance(listed, list):
        raise BundleError("数据包清单的照片列表格式错误", "the manifest's photo list is malformed")
    photos: dict[str, bytes] = {}
    for item in listed:
        sha = item.get("sha256") if isinstance(item, dict) else None
        if not is_sha256_hex(sha) or item.get("file") != _photo_name(sha):
            raise BundleError("数据包清单中的照片条目格式错误", "malformed photo entry in the manifest")
        info = infos.get(item["file"])
        if info is None:
            raise BundleError(f"数据包中缺少照片 {sha[:12]}…",
                              f"photo {sha[:12]}… is missing from the bundle")
        expected_names.add(item["file"])
        if max_bytes is None:
            continue
        if info.file_size > max_bytes:
            raise BundleError(f"照片 {sha[:12]}… 超过大小上限（{max_bytes} 字节）",
                              f"photo {sha[:12]}… is larger than the limit ({max_bytes} bytes)")
        try:
            data = zf.read(info)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BundleError(f"照片 {sha[:12]}… 已损坏", f"photo {sha[:12]}… is damaged") from exc
        if hashlib.sha256(data).hexdigest() != sha:
            raise BundleError(f"照片 {sha[:12]}… 的内容与其哈希不符",
                              f"photo {sha[:12]}… does not have its SHA-256")
        photos[sha] = data
    return photos
