"""Before a visit from a dispatched ticket is sealed: is its ticket really the office's?

The completeness check (`core.completeness.ticket_ref_missing`) already holds the visit's
channel, ticket and complaint time to its `ticket_ref`; here the ref itself is held to the
office's signature, under the office key pinned on this laptop when it pulled its assignments
(`store.assignments.office_key`). A record whose complaint time the office never signed is
refused before it is sealed, since the office would refuse it anyway (`office.ticket_ref`) and a
sealed record cannot be changed afterwards.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from inspector_app.core.errors import ProcedureError
from inspector_app.core.model import Visit
from inspector_app.seal.ticket_signature import ticket_signature_valid


def ticket_ref_signature_problem(ref: dict[str, Any],
                                 office_key: dict[str, Any] | None) -> tuple[str, str] | None:
    """(zh, en) saying why the office key does not vouch for `ref`, or None when it does."""
    key = f"{ref.get('channel')}/{ref.get('ticket')}"
    if not office_key or not office_key.get("public_key"):
        return (f"本机没有办公室的工单签名公钥，无法核实派单工单 {key}：请先同步再签封",
                f"this laptop holds no office key to check the dispatched ticket {key}: sync "
                "first, then seal")
    if ref.get("key_id") != office_key.get("key_id"):
        return (f"派单工单 {key} 由另一把办公室密钥（{str(ref.get('key_id'))[:16]}）签发，"
                f"与本机保存的（{str(office_key.get('key_id'))[:16]}）不同：请重新同步",
                f"the dispatched ticket {key} was signed by another office key "
                f"({str(ref.get('key_id'))[:16]}) than the one this laptop holds "
                f"({str(office_key.get('key_id'))[:16]}): sync again")
    revision = ref.get("revision")
    valid = isinstance(revision, int) and not isinstance(revision, bool) and all(
        isinstance(ref.get(k), str) for k in ("channel", "ticket", "digest", "complaint_at",
                                             "signature")) and ticket_signature_valid(
        office_key["public_key"], ref["signature"], ref["channel"], ref["ticket"], revision,
        ref["digest"], ref["complaint_at"])
    if not valid:
        return (f"派单工单 {key} 的办公室签名无效：工单号、版本、内容摘要或投诉时间与办公室签发的不一致",
                f"the office's signature on the dispatched ticket {key} is not valid: its "
                "number, revision, content digest or complaint time is not what the office "
                "signed")
    return None


def answered_ticket(visit: dict[str, Any]) -> str | None:
    """'CHANNEL/TICKET' of the dispatched ticket a visit (as a dict) answers, None: walk-in."""
    ref = visit.get("ticket_ref")
    return f"{ref.get('channel')}/{ref.get('ticket')}" if isinstance(ref, dict) else None


def correction_ticket_problem(corrected: dict[str, Any],
                              correction: dict[str, Any]) -> tuple[str, str] | None:
    """(zh, en) when a correction answers another dispatched ticket than the record it
    corrects (or drops or adds one), else None.

    Why: a correction fixes what was measured or typed, not which complaint was answered. One
    that moved the ref would test the new ticket unseen and leave the old one "tested" by a
    record that no longer stands. Used by the laptop before sealing and by the office."""
    was, now = answered_ticket(corrected), answered_ticket(correction)
    if was == now:
        return None
    none_zh, none_en = "无派单", "none"
    return (f"更正记录必须回复与被更正记录相同的派单工单（原为 {was or none_zh}，现为 {now or none_zh}）",
            f"a correction must answer the same dispatched ticket as the record it corrects "
            f"(was {was or none_en}, now {now or none_en})")


def pinned_office_key(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The office key this laptop pinned when it pulled assignments (None: never pulled)."""
    from inspector_app.store.assignments import office_key  # the laptop's assignment store

    return office_key(db)


def require_ticket_signature(db: sqlite_utils.Database, visit: Visit) -> None:
    """Return when the visit is a walk-in or its ticket ref carries the pinned office key's
    valid signature; otherwise ProcedureError (zh/en, field `ticket_ref`)."""
    if visit.ticket_ref is None:
        return
    problem = ticket_ref_signature_problem(visit.ticket_ref, pinned_office_key(db))
    if problem is not None:
        raise ProcedureError(*problem, field="ticket_ref")
