"""A visit started from a dispatched ticket: the ticket's words, never retyped.

Why a constructor of its own: the point of dispatch is that the complaint time in the sealed
record is the hotline's, not the inspector's. So the visit takes channel, ticket number,
address, resident, company and complaint time from the assignment exactly as the office sent
it, and keeps the office's signed statement (`ticket_ref`) next to them. The completeness check
(`core.completeness`) refuses a visit whose fields drifted from that statement, the seal checks
the signature with the office key pinned on the laptop, and the office checks both again.

Before anything is copied, the ticket content is checked against its digest
(`core.tickets.ticket_digest`): what the visit copies is provably the content the office signed.
Pure: no database, no clock unless given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from inspector_app.core.model import TICKET_REF_KEYS, Instrument, Visit
from inspector_app.core.profile import Profile
from inspector_app.core.tickets import (
    CLOCK_SKEW,
    TicketData,
    TicketError,
    parse_time,
    ticket_digest,
)


def _bad(zh: str, en: str, field: str = "ticket_ref") -> TicketError:
    return TicketError(f"派单工单数据有误：{zh}", f"the dispatched ticket is malformed: {en}",
                       field=field)


def ticket_ref_of(item: dict[str, Any]) -> dict[str, Any]:
    """The `ticket_ref` of a pulled assignment (ticket JSON + "signature"), checked for shape
    and against its own digest; `TicketError` (zh/en) names what is wrong."""
    if not isinstance(item, dict):
        raise _bad("不是对象", "not an object")
    data = item.get("data")
    signature = item.get("signature")
    if not isinstance(data, dict) or not all(
            isinstance(data.get(k, ""), str) for k in TicketData.field_names()):
        raise _bad("缺少工单内容", "the ticket's content is missing", "data")
    if not isinstance(signature, dict) or not isinstance(signature.get("key_id"), str) \
            or not isinstance(signature.get("value"), str) or not signature["value"]:
        raise _bad("缺少办公室签名（请重新同步）", "the office's signature is missing (sync again)",
                   "signature")
    revision = item.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise _bad("工单版本号无效", "the ticket revision is not a positive whole number",
                   "revision")
    full = {k: data.get(k, "") for k in TicketData.field_names()}
    digest = item.get("digest")
    if digest != ticket_digest(full):
        raise _bad("工单内容与其摘要不符（可能被改动，请重新同步）",
                   "the ticket's content does not match its digest (altered? sync again)",
                   "digest")
    for name in ("channel", "ticket", "complaint_at"):
        if item.get(name, full[name]) != full[name]:
            raise _bad(f"{name} 与工单内容不一致", f"{name} differs from the ticket's content", name)
    parse_time(full["complaint_at"], "complaint_at", "投诉时间")
    ref = {"channel": full["channel"], "ticket": full["ticket"], "revision": revision,
           "digest": digest, "complaint_at": full["complaint_at"],
           "key_id": signature["key_id"], "signature": signature["value"]}
    return {k: ref[k] for k in TICKET_REF_KEYS}


def visit_from_assignment(item: dict[str, Any], profile: Profile, *, inspector: str = "",
                          inspector_org: str = "", instrument: Instrument | None = None,
                          training: bool = False, heated_area_m2: float = 0.0,
                          contacted_at: str | None = None, now: datetime | None = None) -> Visit:
    """A new visit answering the pulled assignment `item` under `profile`.

    Copies channel, ticket, address, resident (name, phone), company and the complaint time
    from the ticket and sets `ticket_ref`; the contact time is the one logged on the assignment
    (`contacted_at`, an editable proposal: the inspector phoned once, and types it once); the
    inspector fills the rest (arrival, area, position, rooms). `now`, if given, refuses a complaint time after it (beyond
    the clock skew the tickets allow): a laptop clock far behind would otherwise seal a
    contact before the complaint.
    """
    ref = ticket_ref_of(item)
    data = TicketData(**{k: item["data"].get(k, "") for k in TicketData.field_names()})
    complaint = datetime.fromisoformat(ref["complaint_at"])
    if now is not None and complaint > now + CLOCK_SKEW:
        raise TicketError(f"工单投诉时间（{ref['complaint_at']}）晚于本机时间：请检查电脑时钟",
                          f"the ticket's complaint time ({ref['complaint_at']}) is after this "
                          "laptop's clock: check the computer's clock", field="complaint_at")
    contact = parse_time(contacted_at, "contact_at", "联系时间") if contacted_at else None
    return Visit(
        profile_name=profile.name, profile_version=profile.version, training=training,
        ticket=data.ticket, channel=data.channel, address=data.address(),
        resident_name=data.resident_name, resident_phone=data.resident_phone,
        heated_area_m2=heated_area_m2, company=data.company, complaint_at=complaint,
        contact_at=contact, inspector=inspector, inspector_org=inspector_org,
        instrument=instrument or Instrument(), ticket_ref=ref)


def ticket_ref_label(ref: dict[str, Any] | None, lang: str = "zh") -> str:
    """How a record says where its ticket came from, in one language:
    "派单工单 12345/A1（办公室签发）" or "现场录入（无派单）"."""
    zh = not lang.startswith("en")
    if not ref:
        return "现场录入（无派单）" if zh else "typed at the door (no dispatched ticket)"
    key = f"{ref.get('channel', '')}/{ref.get('ticket', '')}"
    return (f"派单工单 {key}（办公室签发）" if zh
            else f"dispatched ticket {key} (signed by the office)")


def ticket_source(visit: dict[str, Any]) -> dict[str, Any]:
    """Where a record's ticket came from, for the office's record detail: `dispatched`, the
    ref's channel/ticket/revision/key_id, and the label in each language (a screen shows one
    of them, never both)."""
    raw = visit.get("ticket_ref")
    ref = raw if isinstance(raw, dict) else None
    out: dict[str, Any] = {"dispatched": ref is not None, "label_zh": ticket_ref_label(ref, "zh"),
                           "label_en": ticket_ref_label(ref, "en")}
    if ref is not None:
        out.update({k: ref.get(k) for k in ("channel", "ticket", "revision", "key_id")})
    return out
