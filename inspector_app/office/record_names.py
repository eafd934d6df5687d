"""How the review API names a record: by its ref (`device_id.record_id`), or by its bare id.

Records are the office's by (device, record id) since two devices may send records under one id
(`office.store`, migration 7). Clients that list records get each one's `ref` and should use it.
A bare record id is still understood when exactly one record holds it (older clients, people
typing an id from a slip); when several do, the answer is 409 `ambiguous_record` listing the
refs to choose from, so one device's record never silently stands in for another's.
"""

from __future__ import annotations

from fastapi import HTTPException

from inspector_app.office.auth import Supervisor
from inspector_app.office.store import OfficeStore


def not_found() -> HTTPException:
    return HTTPException(404, detail={"error": "not_found", "reason": "no such record",
                                      "reason_zh": "没有这条记录"})


def resolve(store: OfficeStore, name: str, who: Supervisor) -> str:
    """The ref `name` means for `who`; 404 when none (or only other districts'), 409 when a
    bare id names several records the caller may see."""
    refs = [ref for ref in store.refs_for(name)
            if who.sees_all or who.may_see(store.record_district(ref))]
    if not refs:
        raise not_found()
    if len(refs) > 1:
        raise HTTPException(409, detail={
            "error": "ambiguous_record", "refs": refs,
            "reason": f"several devices hold a record with id {name}; name one by its ref "
                      f"({', '.join(refs)})",
            "reason_zh": f"有多台设备的记录使用编号 {name}，请用记录引用指明其一："
                         f"{'、'.join(refs)}"})
    return refs[0]
