"""`inspector-office import-bundle`: records brought by USB stick, checked like uploads.

All or nothing per bundle: every record is parsed, matched to its manifest line, and verified
(hash, signature, enrolled device key, training rule) before anything is written; then all new
records are stored in one transaction. The first fault refuses the whole bundle and names the
record, so a stick with one damaged file is noticed and re-exported rather than half imported.
Importing the same bundle again finds every record already present and adds nothing.

Photos travel in the bundle by hash: each is rehashed and must be a JPEG before anything is
written, and is stored after the records. A record whose photos are not all at the office
after the import is listed as incomplete (never counted as whole evidence).

Devices: a bundle's records must come from a device the office enrolled (and has not revoked).
An office reached only by USB may never have seen the laptop online, so the operator can vouch
for a new device with `--accept-unknown-device`; it is then registered from the key inside the
records, marked "admitted by bundle", and still has no upload credential.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.office.ingest import (
    Rejection,
    check_content,
    check_sender,
    parse_envelope,
)
from inspector_app.office.photos import (
    MAX_PHOTO_BYTES,
    PhotoRejected,
    check_photo,
    missing_for,
    store_photo,
)
from inspector_app.office.store import Device, Incoming, OfficeStore, now_iso, store_all_or_nothing
from inspector_app.office.ticket_ref import mark_tested
from inspector_app.sync.bundle import BundleError, read_bundle_with_photos


@dataclass
class ImportReport:
    total: int
    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    devices_admitted: list[str] = field(default_factory=list)
    chain_problems: list[str] = field(default_factory=list)
    photos_added: int = 0
    incomplete: list[str] = field(default_factory=list)  # records still missing a cited photo


def _refuse(rid: str, zh: str, en: str) -> BundleError:
    return BundleError(f"数据包被拒收：记录 {rid}：{zh}", f"bundle refused: record {rid}: {en}", rid)


def import_bundle(store: OfficeStore, path: Path, *, training_allowed: bool,
                  max_record_bytes: int, accept_unknown_devices: bool = False) -> ImportReport:
    """Verify every record of the bundle, then store the new ones together."""
    try:
        entries, photos = read_bundle_with_photos(Path(path), max_record_bytes, MAX_PHOTO_BYTES)
    except BundleError as exc:
        raise BundleError(f"数据包被拒收：{exc.zh}", f"bundle refused: {exc.en}",
                          exc.record_id) from exc
    incoming: list[Incoming] = []
    admit: dict[str, Device] = {}
    for entry in entries:
        rid = entry.record_id
        try:
            env = parse_envelope(entry.data, rid, max_record_bytes)
        except Rejection as rej:
            raise _refuse(rid, rej.zh, rej.en) from rej
        if env.get("sha256") != entry.sha256:
            raise _refuse(rid, "记录哈希与清单不符", "its sha256 differs from the manifest")
        rec_device = env["record"]["device"]
        device_id = str(rec_device.get("device_id"))
        device = store.device(device_id) or admit.get(device_id)
        if device is None:
            if not accept_unknown_devices:
                raise _refuse(rid, f"设备 {device_id} 未在本办公室注册"
                                   "（确认来源可靠时可加 --accept-unknown-device）",
                              f"device {device_id} is not enrolled at this office "
                              "(use --accept-unknown-device if you trust where it came from)")
            device = Device(device_id, str(rec_device.get("public_key")), "", "bundle",
                            now_iso(), None, "", None)
            admit[device_id] = device
        if device.revoked:
            raise _refuse(rid, f"设备 {device_id} 已被注销", f"device {device_id} has been revoked")
        try:
            check_sender(env, device, rid)
            item = check_content(env, entry.data, device, rid, training_allowed, store)
        except Rejection as rej:
            raise _refuse(rid, rej.zh, rej.en) from rej
        incoming.append(item)
    for sha, data in photos.items():
        try:
            check_photo(sha, data)
        except PhotoRejected as rej:
            raise BundleError(f"数据包被拒收：照片 {sha[:12]}…：{rej.zh}",
                              f"bundle refused: photo {sha[:12]}…: {rej.en}") from rej
    for item in incoming:  # conflicts before admitting anyone, so a refusal changes nothing
        existing = store.record_bytes(item.ref)
        if existing is not None and existing[0] != item.sha256:
            raise _refuse(item.record_id, "办公室已有该设备同一编号但内容不同的记录",
                          "the office holds a different record of this device under this id")
    for device in admit.values():
        store.admit_device(device.device_id, device.public_key, label="bundle")
    stored, conflict = store_all_or_nothing(store, incoming, "bundle")
    if conflict is not None:
        raise _refuse(conflict.record_id, "办公室已有该设备同一编号但内容不同的记录",
                      "the office holds a different record of this device under this id")
    report = ImportReport(total=len(entries), devices_admitted=sorted(admit))
    report.photos_added = sum(store_photo(store, sha, data, "bundle", None)
                              for sha, data in photos.items())
    report.incomplete = [item.record_id for item in incoming if missing_for(store, item.ref)]
    by_ref = {item.ref: item for item in incoming}
    for s in stored:
        (report.added if s.outcome == "created" else report.present).append(s.record_id)
        if s.outcome == "created":
            mark_tested(store, by_ref[s.ref].envelope, s.ref)
        if s.outcome == "created" and s.chain_state != "ok":
            report.chain_problems.append(s.record_id)
    return report
