"""The review list's query parameters, shared by the list and the export so they cannot drift.

A supervisor's district is forced here, once: asking for another district gives an empty result
(`nothing`), never that district's rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Query
from pydantic import BeforeValidator

from inspector_app.office.auth import Supervisor, require_supervisor
from inspector_app.office.listing import ORDERS, SORTS, Ordering, RecordFilter
from inspector_app.office.store import REVIEW_STATES


@dataclass
class ListQuery:
    filt: RecordFilter
    ordering: Ordering
    nothing: bool = False  # a supervisor asked for another district


def _written_as_a_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would otherwise read `date_to=0` as 1970-01-01 (a Unix time)."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError("write a date as YYYY-MM-DD")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Day = Annotated[date, BeforeValidator(_written_as_a_date)]
Sort = Literal[SORTS]  # type: ignore[valid-type]
Order = Literal[ORDERS]  # type: ignore[valid-type]
ReviewState = Literal[REVIEW_STATES]  # type: ignore[valid-type]


def list_query(
    who: Annotated[Supervisor, Depends(require_supervisor)],
    date_from: Annotated[Day | None, Query(description="test date from (inclusive)")] = None,
    date_to: Annotated[Day | None, Query(description="test date to (inclusive)")] = None,
    district: str | None = None, company: str | None = None,
    inspector: str | None = None,
    verdict: Literal["pass", "fail", "incomplete"] | None = None,
    review_state: ReviewState | None = None,
    training: bool | None = None, device_id: str | None = None,
    chain_state: Literal["ok", "gap", "fork"] | None = None,
    ticket: Annotated[str | None, Query(description="complaint ticket number, exact")] = None,
    address_prefix: Annotated[str | None,
                              Query(description="address starts with (an index range)")] = None,
    sort: Sort = "test_at",
    order: Annotated[Order, Query(description="desc (default): newest or highest first")] = "desc",
) -> ListQuery:
    """The filters and ordering of the review list; enumerated values are declared as such, so
    the OpenAPI document says exactly what the office accepts (anything else is a 422)."""
    filt = RecordFilter(date_from=date_from, date_to=date_to, district=district, company=company,
                        inspector=inspector, verdict=verdict, review_state=review_state,
                        training=training, device_id=device_id, chain_state=chain_state,
                        ticket=ticket, address_prefix=address_prefix)
    nothing = False
    if not who.sees_all:
        nothing = district is not None and district != who.district
        filt.district = who.district
    return ListQuery(filt=filt, ordering=Ordering(sort, order), nothing=nothing)
