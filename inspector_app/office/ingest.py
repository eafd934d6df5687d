"""Receiving sealed records: one path for HTTP uploads and for USB bundles.

A record is accepted only after the office itself recomputes its hash and checks the device
signature against the key it enrolled (`seal.verify.verify_envelope`); the laptop's word is never
taken. The decisions, in order, and why:

1. The body must be bounded JSON (size, nesting depth: `bounded_json`) shaped as a sealed
   envelope (`seal.record_schema`), checked before anything else reads it (422; a fault only in
   the `photos` list is `bad_photos`, as in step 5), and its
   `record.record_id` must be the id in the URL (422), else a retrying client could store one
   record under another's id.
2. The envelope's device must be the caller's enrolled device, with the same public key (422,
   not 401: the caller *is* authenticated; the record is simply not theirs to send, and a 401
   would make the laptop believe its credential is bad and ask for re-enrolment, which cannot
   help).
3. Exact same bytes as the stored copy → 200 at once (a retry after a lost answer).
4. Hash and signature verified (422 with the fault in words).
5. A `photos` list that is not in the record format is refused (422); the photos themselves
   arrive separately (`office.photos`) and the record counts as incomplete until they have.
6. Training records are refused unless the office runs with `--training` (422). A training
   office still accepts real records (flagged `training=false`), as the issue asks no more.
7. Same id *from the same device* already stored with another sha256 → 409. Integrity comes
   before conflict: bytes that do not verify are not a record, so they are reported as damaged
   rather than as a rival. The same verified record in a differently serialised envelope is
   still the same record (200). Records are keyed by (device, id) (`office.store`, migration 7):
   a record another device stored under this id first is no conflict and changes nothing here,
   since ids are printed on every slip and anyone could copy one.
8. A record answering a dispatched ticket (`visit.ticket_ref`) must carry this office's
   signature over a revision it holds, and the visit's channel, ticket and complaint time must
   be the ref's (422 `ticket_ref_invalid`, `office.ticket_ref`); a new real one marks the ticket
   tested when its state allows.
9. Stored with chain tracking (gaps are accepted and recorded, see `office.store`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector_app.bounded_json import JsonInputError, read_json
from inspector_app.core.ruling import is_training
from inspector_app.office.households import household_of
from inspector_app.office.store import (
    Device,
    Incoming,
    OfficeStore,
    Stored,
    minutes_between,
    record_ref,
)
from inspector_app.office.ticket_ref import CODE as TICKET_REF_INVALID
from inspector_app.office.ticket_ref import mark_tested, ref_refusal
from inspector_app.seal.photo_refs import PhotoRefError, photo_refs
from inspector_app.seal.problems import Problem
from inspector_app.seal.record_schema import (
    PhotoListShapeError,
    RecordShapeError,
    check_envelope,
)
from inspector_app.seal.verify import verify_envelope

RECORD_FORMAT = "heating-inspection-record/1"
MAX_ENVELOPE_BYTES = 4 * 1024 * 1024  # the office's default upload limit


@dataclass
class Rejection(Exception):
    """A refusal with an HTTP status and words for people in both languages."""

    status: int
    code: str
    zh: str
    en: str
    record_id: str | None = None
    details: list[dict[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.en}"

    def body(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "error": self.code, "reason": self.en,
                "reason_zh": self.zh, "problems": self.details}


@dataclass
class Checked:
    """An envelope that passed every check but the store's conflict test."""

    incoming: Incoming
    envelope: dict[str, Any]


def problem_words(problem: Problem) -> dict[str, str]:
    """One `seal.verify` Problem as {code, zh, en} for the answer body."""
    return {"code": problem.kind, "zh": problem.message_zh, "en": problem.message_en}


def parse_envelope(body: bytes, record_id: str | None = None,
                   max_bytes: int = MAX_ENVELOPE_BYTES) -> dict[str, Any]:
    """The envelope as a dict, or a 422 saying what is wrong: not bounded JSON (size, depth,
    UTF-8), an unknown format, or not the shape of docs/record-format.md."""
    try:
        env = read_json(body, max_bytes=max_bytes, what_zh="上传内容", what_en="the body",
                        refuse_nul=True)
    except JsonInputError as exc:
        raise Rejection(422, "not_json", exc.message_zh, exc.message_en, record_id) from exc
    record = env.get("record") if isinstance(env, dict) else None
    if isinstance(record, dict) and record.get("format") != RECORD_FORMAT:
        raise Rejection(422, "unknown_format", f"未知记录格式：{str(record.get('format'))[:80]!r}",
                        f"unknown record format {str(record.get('format'))[:80]!r}", record_id)
    try:
        check_envelope(env)
    except PhotoListShapeError as exc:
        raise Rejection(422, "bad_photos", exc.message_zh, exc.message_en, record_id) from exc
    except RecordShapeError as exc:
        raise Rejection(422, "not_envelope", exc.message_zh, exc.message_en, record_id) from exc
    if record_id is not None and record.get("record_id") != record_id:
        raise Rejection(422, "id_mismatch",
                        f"地址中的记录编号 {record_id} 与记录内容中的编号 {record.get('record_id')} 不一致",
                        f"the id in the address ({record_id}) is not the record's own id "
                        f"({record.get('record_id')})", record_id)
    return env


def check_sender(env: dict[str, Any], device: Device, record_id: str) -> None:
    """The record must be sealed by the device that sends it, under its enrolled key."""
    rec_device = env["record"]["device"]
    if rec_device.get("device_id") != device.device_id \
            or rec_device.get("public_key") != device.public_key:
        raise Rejection(422, "wrong_device",
                        f"该记录由另一台设备（{rec_device.get('device_id')}）签封，不能由本设备上传",
                        f"the record was sealed by another device ({rec_device.get('device_id')}) "
                        "and cannot be sent by this one", record_id)


def check_content(env: dict[str, Any], raw: bytes, device: Device, record_id: str,
                  training_allowed: bool, store: OfficeStore) -> Incoming:
    """Recompute hash, check the signature, refuse training where not allowed, and hold a
    dispatched ticket's reference to the office's own keys and revisions."""
    problems = verify_envelope(env, trusted_public_key_b64=device.public_key)
    if problems:
        words = [problem_words(p) for p in problems]
        raise Rejection(422, "verification_failed",
                        "记录未通过校验：" + "；".join(w["zh"] for w in words),
                        "the record failed verification: " + "; ".join(w["en"] for w in words),
                        record_id, words)
    record = env["record"]
    try:
        photo_refs(record)
    except PhotoRefError as exc:
        raise Rejection(422, "bad_photos", f"记录的照片列表格式错误：{exc.zh}",
                        f"the record's photo list is malformed: {exc.en}", record_id) from exc
    if is_training(record) and not training_allowed:
        raise Rejection(422, "training_refused",
                        "这是培训/演示记录，本办公室不接收（只有以 --training 运行的办公室才接收）",
                        "this is a training/demo record; this office refuses them (only an office "
                        "run with --training accepts them)", record_id)
    refusal = ref_refusal(store, env)
    if refusal is not None:
        raise Rejection(422, TICKET_REF_INVALID, *refusal, record_id)
    return incoming_from(env, raw)


def incoming_from(env: dict[str, Any], raw: bytes) -> Incoming:
    """The columns the review filters need, copied out of a verified envelope."""
    record = env["record"]
    visit = record.get("visit") or {}
    result = record.get("result") or {}
    address = visit.get("address") or {}
    chain = record["chain"]
    supersedes = record.get("supersedes")
    home = household_of(address)
    return Incoming(
        record_id=str(record["record_id"]),
        device_id=str(record["device"]["device_id"]),
        seq=int(chain.get("seq") or 0),
        sha256=str(env["sha256"]),
        prev_sha256=chain.get("prev_sha256"),
        envelope=raw,
        sealed_at=str(record.get("sealed_at") or ""),
        training=is_training(record),
        test_at=str(visit.get("test_at") or record.get("sealed_at") or ""),
        district=str(address.get("district") or ""),
        company=str(visit.get("company") or ""),
        inspector=str(visit.get("inspector") or ""),
        verdict=str(result.get("verdict") or ""),
        ticket=str(visit.get("ticket") or ""),
        address=_one_line(address),
        supersedes=(supersedes or {}).get("record_id") if isinstance(supersedes, dict) else None,
        profile_name=str((record.get("profile") or {}).get("name") or ""),
        complaint_at=visit.get("complaint_at"),
        contact_min=minutes_between(visit.get("complaint_at"), visit.get("contact_at")),
        arrival_min=minutes_between(visit.get("complaint_at"), visit.get("arrival_at")),
        household=home.household_id if home else "",
        household_key=home.text if home else "",
    )


def _one_line(address: dict[str, Any]) -> str:
    parts = [str(address.get(k) or "") for k in ("city", "district", "street", "community")]
    tail = "".join(f"{address[k]}{suffix}" for k, suffix in
                   (("building", "栋"), ("unit", "单元"), ("flat", "室")) if address.get(k))
    return "".join(parts) + tail


def conflict(record_id: str) -> Rejection:
    return Rejection(409, "conflict",
                     "办公室已经有本设备以同一编号上传、内容不同的记录：不能覆盖（更正请签封一份新的替代记录）",
                     "the office already holds a different record of this device under this id; "
                     "it is never overwritten (seal a new record that supersedes it instead)",
                     record_id)


def receive(store: OfficeStore, body: bytes, record_id: str, device: Device,
            training_allowed: bool) -> tuple[int, Stored]:
    """Decide on one uploaded record: (201 or 200, what was stored), else raise Rejection."""
    env = parse_envelope(body, record_id, max_bytes=len(body))  # sized by the upload handler
    check_sender(env, device, record_id)
    ref = record_ref(device.device_id, record_id)
    existing = store.record_bytes(ref)
    if existing is not None and existing[1] == body:
        store.touch_device(device.device_id)
        return 200, Stored(record_id, "present", existing[0], ref=ref)
    incoming = check_content(env, body, device, record_id, training_allowed, store)
    [stored] = store.store_records([incoming], "upload", all_or_nothing=False,
                                   seen_device=device.device_id)
    if stored.outcome == "conflict":
        raise conflict(record_id)
    if stored.outcome == "created":
        mark_tested(store, env, stored.ref)
    return (201 if stored.outcome == "created" else 200), stored
