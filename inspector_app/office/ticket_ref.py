"""A record that answers a dispatched ticket, checked at the office and linked to the ticket.

The laptop already refused to seal a visit whose ticket it could not vouch for, but the office
takes no laptop's word: a record carrying `visit.ticket_ref` is accepted only if

1. the signature in the ref verifies under one of this office's keys (`office_keys`, by
   `key_id`; a retired key still verifies what it signed while it was current),
2. (revision, digest) is one of the ticket's stored revisions (`ticket_revisions`): the office
   really held that content, and
3. the visit's channel, ticket number and complaint time are exactly the ref's, and
4. the ticket was dispatched (an `assigned` event) at some time to the inspector the sending
   laptop is enrolled for: the signature does not name an inspector, so a ref copied from
   another laptop's assignment (of this district or another) verifies; without this check any
   enrolled laptop could answer, and mark tested, a ticket it was never given. Ever, not now:
   a ticket reassigned after its first inspector tested it offline still takes that record,

otherwise 422 `ticket_ref_invalid` (zh/en) and nothing is stored. The same code refuses a
correction that answers another dispatched ticket than the record it corrects (or drops or adds
one): a correction fixes what was measured, not which complaint was answered. On acceptance of a new real
record the ticket gets a `tested` event (data {"record": ref}, source 'laptop', by the laptop's
inspector) when its state allows one; a training record is checked the same way but never
moves a real ticket, and a ticket that is closed or cancelled meanwhile keeps its state (the
record is still stored: the test happened).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from inspector_app.core.tickets import TicketError, TicketEvent
from inspector_app.office.ticket_listing import TicketRefusal
from inspector_app.office.values import record_ref
from inspector_app.seal.record_schema import TicketRefShape
from inspector_app.seal.ticket_ref import correction_ticket_problem
from inspector_app.seal.ticket_signature import ticket_signature_valid

if TYPE_CHECKING:   # the store is a mixin of modules that use this one
    from inspector_app.office.store import OfficeStore

CODE = "ticket_ref_invalid"


def ref_problem(store: OfficeStore, visit: dict[str, Any],
                device_id: str | None = None) -> tuple[str, str] | None:
    """(zh, en) of the first reason the visit's `ticket_ref` is not the office's (or, with
    `device_id`, not dispatched to that laptop's inspector), or None."""
    ref = visit.get("ticket_ref")
    try:
        TicketRefShape.model_validate(ref)
    except ValueError:
        return ("格式不正确", "it is malformed")
    ref = dict(ref)   # a dict: the shape said so
    row = store.db.query_one("SELECT public_key FROM office_keys WHERE key_id=?",
                             (ref["key_id"],))
    if row is None:
        return (f"签名密钥 {ref['key_id']} 不是本办公室的", f"the signing key {ref['key_id']} is "
                "not one of this office's")
    if not ticket_signature_valid(row[0], ref["signature"], ref["channel"], ref["ticket"],
                                  ref["revision"], ref["digest"], ref["complaint_at"]):
        return ("办公室签名无效（工单号、版本、摘要或投诉时间被改动）",
                "the office's signature does not verify (number, revision, digest or complaint "
                "time altered)")
    revision = store.db.query_one(
        "SELECT data FROM ticket_revisions WHERE channel=? AND ticket=? AND revision=?"
        " AND digest=?", (ref["channel"], ref["ticket"], ref["revision"], ref["digest"]))
    if revision is None:
        return (f"本办公室没有该工单的第 {ref['revision']} 版（摘要 {ref['digest'][:12]}…）",
                f"this office holds no revision {ref['revision']} of the ticket with digest "
                f"{ref['digest'][:12]}…")
    for name, zh, en in (("channel", "投诉渠道", "channel"), ("ticket", "工单号", "ticket number"),
                         ("complaint_at", "投诉时间", "complaint time")):
        if visit.get(name) != ref[name]:
            return (f"记录的{zh}（{str(visit.get(name))[:40]}）与工单的（{ref[name]}）不一致",
                    f"the record's {en} ({str(visit.get(name))[:40]!r}) is not the ticket's "
                    f"({ref[name]!r})")
    if device_id is not None:
        return _not_dispatched_to(store, ref["channel"], ref["ticket"], device_id)
    return None


def _not_dispatched_to(store: OfficeStore, channel: str, ticket: str,
                       device_id: str) -> tuple[str, str] | None:
    """(zh, en) when the ticket was never assigned to the laptop's inspector, else None."""
    inspector = store.db.scalar("SELECT inspector FROM devices WHERE device_id=?", (device_id,))
    given = {json.loads(r[0]).get("inspector") for r in store.db.query(
        "SELECT data FROM ticket_events WHERE channel=? AND ticket=? AND kind='assigned'",
        (channel, ticket))}
    if inspector and inspector in given:
        return None
    if not inspector:
        return ("发送记录的电脑注册时没有指定检测员，不能回复派单工单",
                "the laptop that sent the record was not enrolled for an inspector, so it "
                "cannot answer a dispatched ticket")
    return (f"该工单从未派给本机的检测员 {inspector}",
            f"the ticket was never dispatched to {inspector}, the inspector this laptop is "
            "enrolled for")


def ref_refusal(store: OfficeStore, env: dict[str, Any]) -> tuple[str, str] | None:
    """None for a walk-in record or a valid ref; else (zh, en) of the 422 `ticket_ref_invalid`
    the caller (`office.ingest`) answers."""
    visit = env["record"].get("visit") or {}
    moved = moved_by_correction(store, env["record"])
    if moved is not None:
        return moved
    if visit.get("ticket_ref") is None:
        return None
    problem = ref_problem(store, visit, str(env["record"]["device"]["device_id"]))
    if problem is None:
        return None
    ref = visit["ticket_ref"]
    key = (f"{ref.get('channel')}/{ref.get('ticket')}" if isinstance(ref, dict) else "?")[:80]
    return (f"派单工单 {key} 的引用无效：{problem[0]}",
            f"the record's dispatched ticket {key} does not check out: {problem[1]}")


def moved_by_correction(store: OfficeStore, record: dict[str, Any]) -> tuple[str, str] | None:
    """(zh, en) when the record corrects one of its device's records held here and answers
    another dispatched ticket than it (`seal.ticket_ref.correction_ticket_problem`)."""
    supersedes = record.get("supersedes")
    if not isinstance(supersedes, dict) or not supersedes.get("record_id"):
        return None
    held = store.record_bytes(record_ref(str(record["device"]["device_id"]),
                                         str(supersedes["record_id"])))
    if held is None:   # not here (yet): nothing to hold it to
        return None
    corrected = json.loads(held[1])["record"].get("visit") or {}
    return correction_ticket_problem(corrected, record.get("visit") or {})


def mark_tested(store: OfficeStore, envelope: bytes | dict[str, Any], record_ref: str) -> bool:
    """Add the `tested` event for a newly stored real record with a ticket ref; True if added.

    Idempotent (the event id is derived from the record ref) and quiet when the ticket's state
    does not allow the event: the record is the evidence either way.
    """
    env = json.loads(envelope) if isinstance(envelope, bytes | bytearray) else envelope
    record = env["record"]
    visit = record.get("visit") or {}
    ref = visit.get("ticket_ref")
    if not isinstance(ref, dict) or record.get("training"):
        return False
    device_id = str(record["device"]["device_id"])
    row = store.db.query_one("SELECT inspector FROM devices WHERE device_id=?", (device_id,))
    by = (row[0] if row and row[0] else "") or str(visit.get("inspector") or "") or device_id
    at = str(visit.get("test_at") or record.get("sealed_at"))
    event = TicketEvent("tested", at=at, by=by, source="laptop", data={"record": record_ref})
    try:
        _, added = store.add_ticket_event(ref["channel"], ref["ticket"], event,
                                          event_id=f"tested-{record_ref}", device_id=device_id)
    except (TicketError, TicketRefusal):   # not allowed now (e.g. closed): the record stays
        return False
    return added
