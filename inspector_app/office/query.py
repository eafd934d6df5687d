"""The review list's query parameters, shared by the list and the export so they cannot drift.

A supervisor's district is forced here, once: asking for another district gives an empty result
(`nothing`), never that district's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query

from inspector_app.office.auth import Supervisor, require_supervisor
from inspector_app.office.listing import ORDERS, SORTS, Ordering, RecordFilter
from inspector_app.office.store import REVIEW_STATES


@dataclass
class ListQuery:
    filt: RecordFilter
    ordering: Ordering
    nothing: bool = False  # a supervisor asked for another district


def list_query(
    who: Annotated[Supervisor, Depends(require_supervisor)],
    date_from: Annotated[date | None, Query(description="test date from (inclusive)")] = None,
    date_to: Annotated[date | None, Query(description="test date to (inclusive)")] = None,
    district: str | None = None, company: str | None = None,
    inspector: str | None = None, verdict: str | None = None,
    review_state: Annotated[str | None, Query(description=", ".join(REVIEW_STATES))] = None,
    training: bool | None = None, device_id: str | None = None,
    chain_state: Annotated[str | None, Query(description="ok, gap or fork")] = None,
    ticket: Annotated[str | None, Query(description="complaint ticket number, exact")] = None,
    address_prefix: Annotated[str | None,
                              Query(description="address starts with (an index range)")] = None,
    sort: Annotated[str, Query(description=", ".join(SORTS))] = "test_at",
    order: Annotated[str, Query(description="desc (default) or asc")] = "desc",
) -> ListQuery:
    if sort not in SORTS:
        raise HTTPException(422, detail={
            "error": "bad_sort", "reason": f"sort must be one of {', '.join(SORTS)}",
            "reason_zh": "排序字段只能是：" + "、".join(SORTS)})
    if order not in ORDERS:
        raise HTTPException(422, detail={"error": "bad_order", "reason": "order must be asc or desc",
                                         "reason_zh": "排序方向只能是 asc（升序）或 desc（降序）"})
    filt = RecordFilter(date_from=date_from, date_to=date_to, district=district, company=company,
                        inspector=inspector, verdict=verdict, review_state=review_state,
                        training=training, device_id=device_id, chain_state=chain_state,
                        ticket=ticket, address_prefix=address_prefix)
    nothing = False
    if not who.sees_all:
        nothing = district is not None and district != who.district
        filt.district = who.district
    return ListQuery(filt=filt, ordering=Ordering(sort, order), nothing=nothing)
