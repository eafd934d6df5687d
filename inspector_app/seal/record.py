"""Sealing: a complete, signed visit becomes one canonical record, hashed, signed and chained.

The chain position is taken, the envelope stored and the visit marked sealed in one IMMEDIATE
transaction, so two windows sealing at once cannot both claim the same place in the chain, and a
crash leaves either a sealed record or a visit still waiting to be sealed, never half of each.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector_app.core.completeness import require_sealable
from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.core.model import Point, Room, Sample, Visit, new_id
from inspector_app.core.profile import Profile, load_profile
from inspector_app.core.verdict import VisitResult, visit_result
from inspector_app.seal.canonical import canonical_bytes, canonical_text, normalised
from inspector_app.seal.chain_head import require_head_held, write_head
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record_schema import check_envelope
from inspector_app.seal.signature import Signatures, check_signatures
from inspector_app.seal.ticket_ref import correction_ticket_problem, require_ticket_signature
from inspector_app.store.photos import copy_links, envelope_photos
from inspector_app.store.sealed import SealedRow, SealedStore, SignatureDrafts
from inspector_app.store.visits import (
    COMPLETE,
    IN_PROGRESS,
    SEALED,
    SYNCED,
    VisitStore,
    details_json,
)

FORMAT = "heating-inspection-record/1"


@dataclass(frozen=True)
class Supersedes:
    """A correction names the record it replaces and why."""

    record_id: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"record_id": self.record_id, "reason": self.reason.strip()}


def profile_summary(profile: Profile) -> dict[str, Any]:
    """The `profile` object of a record: enough to know which rules judged it, and their sources."""
    return {"name": profile.name, "version": profile.version, "title_zh": profile.title_zh,
            "min_temp_c": str(profile.min_temp_c), "sources": dict(profile.sources)}


def build_record(visit: Visit, profile: Profile, result: VisitResult, signatures: Signatures,
                 device: dict[str, str], chain: dict[str, Any], sealed_at: str,
                 supersedes: Supersedes | None,
                 photos: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The record document of docs/record-format.md, normalised as its canonical bytes read back.

    `photos` (cited by hash, see `store.photos.envelope_photos`) is left out when there are none,
    so a record without photos has exactly the form it had before photos existed.
    """
    return normalised({
        "format": FORMAT,
        "record_id": visit.id,
        "training": bool(visit.training),
        "visit": visit.to_dict(),
        "result": result.to_dict(),
        "profile": profile_summary(profile),
        "signatures": signatures.to_dict(),
        "device": dict(device),
        "chain": {"seq": chain["seq"], "prev_sha256": chain.get("prev_sha256")},
        "sealed_at": sealed_at,
        "supersedes": supersedes.to_dict() if supersedes else None,
    } | ({"photos": photos} if photos else {}))


def envelope_for(record: dict[str, Any], key: DeviceKey) -> dict[str, Any]:
    """Hash the record's canonical bytes and sign the 32-byte digest."""
    digest = hashlib.sha256(canonical_bytes(record)).digest()
    return {"record": record, "sha256": digest.hex(), "signature": key.sign_b64(digest)}


def _now() -> datetime:
    return datetime.now().astimezone()


def pending_signatures(db: sqlite_utils.Database, visit_id: str) -> Signatures:
    """The signatures saved for a visit so far (via `SignatureDrafts`), as one set."""
    drafts = SignatureDrafts(db).load(visit_id)
    return Signatures.from_dict({slot: drafts.get(slot) for slot in ("inspector", "resident",
                                                                       "refusal")})


def seal_visit(db: sqlite_utils.Database, visit_id: str, signatures: Signatures | None,
               key: DeviceKey, *, supersedes: Supersedes | None = None,
               clock: Callable[[], datetime] = _now,
               profile: Profile | None = None) -> dict[str, Any]:
    """Seal a complete visit; returns the stored envelope. `signatures=None` uses the drafts.

    Raises ProcedureError when the visit is already sealed or was discarded, was measured under
    another profile version, or names a correction target that cannot be corrected; `IncompleteVisit` (a
    ProcedureError) listing every gap when `core.completeness` says the record is not complete;
    a ProcedureError when the visit answers a dispatched ticket whose office signature does not
    verify under the office key pinned on this laptop (`seal.ticket_ref`);
    and ValidationError when a signature is missing, trivial, or the refusal breaks the profile
    rule.
    """
    if signatures is None:
        signatures = pending_signatures(db, visit_id)
    store, sealed = VisitStore(db), SealedStore(db)
    conn = db.conn
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT state FROM visits WHERE id=?", (visit_id,)).fetchone()
        if row is None:
            raise ProcedureError(f"找不到记录 {visit_id}", f"no visit {visit_id}")
        witnessed = signatures.refusal is not None and signatures.refusal.witness is not None
        _require_open(row[0], visit_id)
        visit = store.load(visit_id)
        profile = profile or load_profile(visit.profile_name)
        _require_profile(visit, profile)
        check_signatures(signatures, profile)
        now = clock()
        require_sealable(visit, profile, now, refused_with_witness=witnessed)
        require_ticket_signature(db, visit)   # a dispatched ticket: the office's own words
        _require_complete(row[0], visit_id, refused_with_witness=witnessed)
        result = visit_result(profile, visit)
        link = _correction_link(db, visit, supersedes)
        if link and (visit.supersedes, visit.supersede_reason) != (link.record_id, link.reason):
            visit.supersedes, visit.supersede_reason = link.record_id, link.reason
            conn.execute("UPDATE visits SET details=? WHERE id=?", (details_json(visit), visit.id))
        require_head_held(db, key)
        head = sealed.head(key.device_id)
        chain = {"seq": head.seq + 1 if head else 1, "prev_sha256": head.sha256 if head else None}
        sealed_at = now.isoformat(timespec="seconds")
        record = build_record(visit, profile, result, signatures, key.device_dict(), chain,
                              sealed_at, link, envelope_photos(db, visit.id))
        envelope = check_envelope(envelope_for(record, key))  # never seal what no office reads
        conn.execute("DELETE FROM signatures WHERE visit_id=?", (visit.id,))
        sealed.insert(SealedRow(visit.id, visit.id, key.device_id, chain["seq"],
                                envelope["sha256"], chain["prev_sha256"], sealed_at,
                                link.record_id if link else None), canonical_text(envelope))
        conn.execute("UPDATE visits SET state=?, updated_at=? WHERE id=?",
                     (SEALED, sealed_at, visit.id))
    # The record is sealed: a head that cannot be written stays behind, which verify accepts
    # (the database is ahead) and the next seal catches up.
    with contextlib.suppress(OSError):
        write_head(key, chain["seq"], envelope["sha256"], visit.id)
    return envelope


def _require_open(state: str, visit_id: str) -> None:
    """Neither sealed already nor discarded; whether it is complete is `require_sealable`'s."""
    if state in (SEALED, SYNCED):
        raise ProcedureError("该记录已签封，不能再次签封或修改；如需更正请新建更正记录",
                             f"visit {visit_id} is already sealed; a correction is a new record")
    if state not in (IN_PROGRESS, COMPLETE):
        raise ProcedureError("该草稿已放弃，不能签封",
                             f"visit {visit_id} is {state}: a discarded draft cannot be sealed")


def _require_complete(state: str, visit_id: str, *, refused_with_witness: bool) -> None:
    """A measured visit is sealed once the inspector has confirmed its result (state complete);
    one the resident refused before a witness may be sealed while still in progress."""
    if state != COMPLETE and not (state == IN_PROGRESS and refused_with_witness):
        raise ProcedureError("检测尚未完成（所有房间测完后才能签字签封）",
                             f"visit {visit_id} is {state}: only a complete visit can be sealed")


def _require_profile(visit: Visit, profile: Profile) -> None:
    if (visit.profile_name, visit.profile_version) != (profile.name, profile.version):
        raise ProcedureError(
            f"记录按 {visit.profile_name} {visit.profile_version} 规则检测，"
            f"当前规则为 {profile.name} {profile.version}：不能签封",
            f"the visit was measured under {visit.profile_name} {visit.profile_version} but the "
            f"profile is {profile.name} {profile.version}: cannot seal")


def _correction_link(db: sqlite_utils.Database, visit: Visit,
                     given: Supersedes | None) -> Supersedes | None:
    """The record this visit corrects (from the argument or the visit), checked to exist."""
    own = Supersedes(visit.supersedes, visit.supersede_reason) if visit.supersedes else None
    if given and own and given.record_id != own.record_id:
        raise ProcedureError("更正对象与记录中填写的不一致",
                             "the record to supersede differs from the one the visit names")
    link = given or own
    if link is None:
        return None
    if not link.reason.strip():
        raise ValidationError("请填写更正原因", "a correction needs a reason",
                              field="supersede_reason")
    sealed = SealedStore(db)
    if link.record_id == visit.id:
        raise ProcedureError("记录不能更正自己", "a record cannot supersede itself")
    try:
        sealed.get(link.record_id)
    except KeyError:
        raise ProcedureError(f"本机没有已签封的记录 {link.record_id}，无法更正",
                             f"no sealed record {link.record_id} on this laptop to supersede",
                             field="supersedes") from None
    moved = correction_ticket_problem(sealed.envelope(link.record_id)["record"]["visit"],
                                      visit.to_dict())
    if moved is not None:
        raise ProcedureError(*moved, field="ticket_ref")
    later = sealed.superseded_by(link.record_id)
    if later:
        raise ProcedureError(f"记录 {link.record_id} 已被 {later} 更正：请更正最新的记录",
                             f"record {link.record_id} was already superseded by {later}: "
                             "correct the latest one", field="supersedes")
    return Supersedes(link.record_id, link.reason.strip())


def start_correction(db: sqlite_utils.Database, record_id: str, reason: str, *,
                     copy_measurements: bool = True) -> Visit:
    """A new visit that will supersede sealed record `record_id`; the old one stays untouched.

    With `copy_measurements` the rooms, every reading and the photos are copied (new row ids,
    same values and times, photos shared by hash) and the new visit is complete, ready for
    corrected details and fresh signatures; without, it starts measuring again.
    """
    if not reason.strip():
        raise ValidationError("请填写更正原因", "a correction needs a reason",
                              field="supersede_reason")
    sealed = SealedStore(db)
    try:
        old = sealed.envelope(record_id)["record"]["visit"]
    except KeyError:
        raise ProcedureError(f"找不到已签封的记录 {record_id}", f"no sealed record {record_id}",
                             field="supersedes") from None
    later = sealed.superseded_by(record_id)
    if later:
        raise ProcedureError(f"记录 {record_id} 已被 {later} 更正：请更正最新的记录",
                             f"record {record_id} was already superseded by {later}",
                             field="supersedes")
    # rooms deleted before the old seal stay on the old record; the correction starts without
    visit = Visit.from_dict({**old, "id": new_id(), "rooms": [], "removed_rooms": []})
    visit.supersedes, visit.supersede_reason = record_id, reason.strip()
    store = VisitStore(db)
    store.create(visit)
    if copy_measurements:
        renamed: dict[str, str] = {}
        for r in Visit.from_dict(old).rooms:
            room = Room(kind=r.kind, name=r.name, area_m2=r.area_m2)
            visit.rooms.append(room)
            store.save_room(visit, room)
            renamed[r.id] = room.id
            for p in r.points:
                point = Point(index=p.index, stable_at_s=p.stable_at_s)
                room.points.append(point)
                store.save_point(room, point)
                renamed[p.id] = point.id
                for s in p.samples:
                    sample = Sample(value_c=s.value_c, raw_c=s.raw_c, t_offset_s=s.t_offset_s,
                                    t_wall=s.t_wall, captured=s.captured, manual=s.manual,
                                    reason=s.reason, flags=s.flags)
                    sample.id = store.add_sample(point, sample)
                    point.samples.append(sample)
        copy_links(db, record_id, visit.id, renamed)
        store.set_state(visit.id, COMPLETE)
    return visit
