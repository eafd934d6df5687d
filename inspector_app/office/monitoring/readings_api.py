"""Readings in from the platforms, and a point's readings and days out to supervisors.

- `POST /api/v1/monitoring/readings`   a platform (Bearer platform key) sends 1..10,000 readings
                                        `{point_id, t, value_c}` as a JSON array or NDJSON; each
                                        row is filed exactly once or refused with its index
                                        and reason (`office.monitoring.ingest`)
- `GET /api/v1/points/{id}/readings`    raw readings of a span (≤ 31 days) with their quality
                                        flags, the conflicting values and the gaps
- `GET /api/v1/points/{id}/daily`       per day (≤ 400 days): min, mean, max, count, minutes
                                        below the standard, coverage, status, flags, digest

Supervisors see their district's points; another district's point answers 404 as if absent.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse

from inspector_app.office.auth import Supervisor, office_store, require_supervisor
from inspector_app.office.bounded_body import LIMIT_KEY, BoundedJsonRoute, read_bounded
from inspector_app.office.errors import refusals
from inspector_app.office.monitoring.aggregates import (
    Point,
    Profiles,
    daily_rows,
    flagged_series,
    point_by_id,
    refresh_points,
)
from inspector_app.office.monitoring.ingest import MAX_BATCH, ingest, parse_time
from inspector_app.office.monitoring.platform_keys import require_platform
from inspector_app.office.store import OfficeStore

router = APIRouter(tags=["monitoring"], route_class=BoundedJsonRoute)
MAX_BODY = 4 * 1024 * 1024          # 10,000 readings of ~100 bytes, with room to spare
MAX_RAW_DAYS = 31
MAX_DAILY_DAYS = 400
POINT = r"^[A-Za-z0-9._:-]{1,64}$"

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
PointId = Annotated[str, Path(pattern=POINT, description="the point's id, as it reports")]

_READING = {"type": "object", "required": ["point_id", "t", "value_c"], "properties": {
    "point_id": {"type": "string", "pattern": POINT},
    "t": {"type": "string", "format": "date-time", "description": "RFC 3339 with zone"},
    "value_c": {"type": "number"}}}
_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "maxItems": MAX_BATCH, "items": _READING}},
    "application/x-ndjson": {"schema": {"type": "string",
                                        "description": "one reading object a line"}}}},
    LIMIT_KEY: MAX_BODY}


def refuse(status: int, code: str, zh: str, en: str) -> HTTPException:
    return HTTPException(status, detail={"error": code, "reason": en, "reason_zh": zh})


def _rows(body: bytes, content_type: str) -> list[Any]:
    """The readings of a JSON array or NDJSON body (numbers kept exact), else 400."""
    try:
        text = body.decode("utf-8")
        if content_type in ("application/x-ndjson", "application/jsonl"):
            rows = [json.loads(line, parse_float=Decimal, parse_constant=float)
                    for line in text.splitlines() if line.strip()]
        else:
            rows = json.loads(text, parse_float=Decimal, parse_constant=float)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(400, "bad_body", "内容不是有效的 JSON 数组或 NDJSON（UTF-8）",
                     "the body is not a valid JSON array or NDJSON (UTF-8)") from exc
    if not isinstance(rows, list):
        raise refuse(400, "bad_body", "内容须是读数的 JSON 数组（或每行一条的 NDJSON）",
                     "the body must be a JSON array of readings (or NDJSON, one a line)")
    return rows


async def _bounded_body(request: Request) -> bytes:
    return await read_bounded(request, MAX_BODY)


@router.post("/api/v1/monitoring/readings", openapi_extra=_BODY,
             response_description="what became of the batch: received, stored, repeated "
                                  "(already stored), conflicts (another value for a stored "
                                  "time, kept aside), quarantined (unknown or removed point, "
                                  "implausible time) and each refused row with its reason",
             responses=refusals(400, 401, 413, 415, 422,
                                s413="the body is over 4 MiB or holds more than 10,000 "
                                     "readings (`batch_too_large`); nothing was stored",
                                s415="the body is neither application/json nor "
                                     "application/x-ndjson",
                                s422="no row of the batch could be filed (`no_valid_reading`, "
                                     "with each row's reason); nothing was stored"))
async def post_readings(request: Request, body: Annotated[bytes, Depends(_bounded_body)],
                        company: Annotated[str, Depends(require_platform)]) -> JSONResponse:
    """File a platform's readings, each exactly once (the body's size is checked before the
    key, so an oversized body is refused without any work)."""
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind not in ("application/json", "application/x-ndjson", "application/jsonl"):
        raise refuse(415, "unsupported_media_type",
                     "内容类型须是 application/json 或 application/x-ndjson",
                     "the content type must be application/json or application/x-ndjson")
    rows = _rows(body, kind)
    if len(rows) > MAX_BATCH:
        raise refuse(413, "batch_too_large",
                     f"一批最多 {MAX_BATCH} 条读数，这批有 {len(rows)} 条；什么也没有保存",
                     f"a batch holds at most {MAX_BATCH} readings, this one {len(rows)};"
                     " nothing was stored")
    if not rows:
        raise refuse(422, "no_valid_reading", "这批没有读数", "the batch holds no reading")
    store: OfficeStore = request.app.state.store
    result = await _in_thread(store, rows, company, request.app.state.clock())
    body = result.as_json()
    if len(result.refused) == result.received:
        body.update(error="no_valid_reading", reason="no row of the batch could be filed",
                    reason_zh="这批读数没有一条能保存")
        return JSONResponse(status_code=422, content=body)
    return JSONResponse(status_code=200, content=body)


async def _in_thread(store: OfficeStore, rows: list[Any], company: str, now: datetime) -> Any:
    from starlette.concurrency import run_in_threadpool
    return await run_in_threadpool(ingest, store, rows, company=company, source="http", now=now)


def visible_point(store: OfficeStore, point_id: str, who: Supervisor) -> Point:
    with store.db.reading() as c:
        point = point_by_id(c, point_id)
    if point is None or not who.may_see(point.district):
        raise refuse(404, "not_found", f"没有监测点 {point_id}", f"there is no point {point_id}")
    return point


def _span(start: date | None, end: date | None, today: date, limit: int) -> tuple[date, date]:
    end = end or today
    start = start or end - timedelta(days=min(limit, 7) - 1)
    if start > end:
        raise refuse(422, "bad_span", "from 不能晚于 to", "from must not be after to")
    if (end - start).days + 1 > limit:
        raise refuse(422, "span_too_long", f"一次最多查询 {limit} 天",
                     f"at most {limit} days at a time")
    return start, end


@router.get("/api/v1/points/{point_id}/daily",
            response_description="`items`: per local day, the aggregates of its valid readings",
            responses=refusals(401, 403, 404, 422))
def point_daily(point_id: PointId, request: Request, who: SupervisorDep, store: StoreDep,
                start: Annotated[date | None, Query(alias="from", description="first day")] = None,
                end: Annotated[date | None, Query(alias="to", description="last day")] = None,
                ) -> dict[str, Any]:
    """A point's days; dirty days are recomputed first, so nothing stale is shown."""
    point = visible_point(store, point_id, who)
    profiles = Profiles()
    with store.db.write() as c:
        zone = profiles.of(c, point.district).zone
        first, last = _span(start, end, request.app.state.clock().astimezone(zone).date(),
                            MAX_DAILY_DAYS)
        refresh_points(c, [point.point_no], profiles)
        items = daily_rows(c, point, first, last)
    return {"point_id": point.point_id, "from": first.isoformat(), "to": last.isoformat(),
            "items": items}


@router.get("/api/v1/points/{point_id}/readings",
            response_description="`items`: raw readings with their flags; `conflicts`: other "
                                 "values sent for a stored time; `gaps`: stretches without a "
                                 "valid reading",
            responses=refusals(401, 403, 404, 422))
def point_readings(point_id: PointId, request: Request, who: SupervisorDep, store: StoreDep,
                   start: Annotated[str | None, Query(
                       alias="from", max_length=40,
                       description="a day (YYYY-MM-DD, local) or an RFC 3339 time")] = None,
                   end: Annotated[str | None, Query(
                       alias="to", max_length=40,
                       description="a day (inclusive) or an RFC 3339 time (exclusive)")] = None,
                   ) -> dict[str, Any]:
    """A point's raw readings of a span, never altered, each with the flags that apply."""
    point = visible_point(store, point_id, who)
    with store.db.reading() as c:
        profile = Profiles().of(c, point.district)
        now = request.app.state.clock()
        low = _moment(start, profile.zone, False) or now - timedelta(days=1)
        high = _moment(end, profile.zone, True) or now
        if low >= high:
            raise refuse(422, "bad_span", "from 须早于 to", "from must be before to")
        if high - low > timedelta(days=MAX_RAW_DAYS):
            raise refuse(422, "span_too_long", f"原始读数一次最多查询 {MAX_RAW_DAYS} 天",
                         f"raw readings at most {MAX_RAW_DAYS} days at a time")
        return flagged_series(c, point, low, high, profile)


def _moment(text: str | None, zone: Any, is_end: bool) -> datetime | None:
    if text is None:
        return None
    moment = parse_time(text)
    if moment is not None:
        return moment
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise refuse(422, "bad_time", f"{text!r} 不是日期（YYYY-MM-DD）或带时区的时间",
                     f"{text!r} is neither a day (YYYY-MM-DD) nor a time with its zone"
                     ) from exc
    return datetime.combine(day + timedelta(days=1 if is_end else 0), time(0), zone)
