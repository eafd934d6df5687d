"""The office HTTP API (FastAPI on uvicorn): enrolment, record upload, review.

`create_app(db_path, training=False, max_record_bytes=...)` builds a self-contained app around an
`OfficeStore`; the CLI serves it with uvicorn and the tests start it in a thread on 127.0.0.1.
The OpenAPI schema is at `/openapi.json`.

Endpoints (all under /api/v1):
- `GET  /health`                          no auth; tells a laptop it reached the office (not a portal)
- `GET  /ready`                           no auth; 503 unless the database answers at the current schema
- `POST /enrollments`                     one-time code + public key + proof (signed by the device
                                          key) → 201 device token; 403 bad code or proof, 409
                                          already enrolled (`office.enrolment`)
- `PUT  /records/{id}`                    device: 201 created, 200 already present (same record),
                                          401 unknown/revoked device, 409 other record under this
                                          id, 413 too large, 422 damaged / not the sender's / training
- `POST /login`                           {name, password} → session bearer token (429 + Retry-After
                                          while locked out after repeated wrong passwords)
- `POST /logout`                          end this session
- `GET  /records`                         supervisor: filters (incl. ticket, address_prefix),
                                          sort + order, keyset or offset paging + total
                                          (exact up to 10 000, then "10000+" unless exact_total)
- `GET  /records/export`                  supervisor: the same list as CSV (streamed) or xlsx
- `GET  /records/{id}`                    supervisor: detail, review history, chain problems,
                                          rulings (newest last), evidence (photos missing)
- `PUT  /photos/{sha256}`                 device: a photo the records cite (`office.photos`)
- `GET  /assignments`                     device: its inspector's dispatched tickets since a
                                          sealed cursor, signed by the office key; removals
- `POST /ticket-events`                   device: contact log (up to 500 events, idempotent by
                                          event_id) (`office.ticket_feed`)
- `GET  /photos/{sha256}`                 supervisor: a photo cited by a record of the district
- `GET  /records/{id}/envelope`           supervisor: the exact bytes received
- `PUT  /records/{id}/review`             supervisor: set review state with a comment
- `POST /records/{id}/comments`           supervisor: add a comment (no change of state)
- `POST /records/{id}/rulings`            supervisor: issue a refund ruling, computed here
- `GET  /rulings/{ruling_no}`             supervisor: one ruling
- `GET  /v/{record_id}` (not under /api, not in the schema): the residents' verification page (HTML)

In the review paths `{id}` is a record's `ref` (device_id.record_id, in every listed item) or a
bare record id while only one device holds it (409 `ambiguous_record` otherwise; see
`office.record_names`). A `supervisor` account sees only its district: the list is narrowed
to it, and a record of another district answers 404 on detail, envelope, review and comments
(as if absent).
- `GET  /companies/stats?season=2025-2026` supervisor: per heating company tests, failure rate,
                                          median minutes complaint→contact / →arrival, breaches
                                          of the profile's contact_within_min
- `GET  /tickets/stats?season=2025-2026`  supervisor: response figures from the hotline tickets
                                          per company and district (`office.ticket_statistics`)
- `POST /tickets`, `GET /tickets`, `GET /tickets/{channel}/{ticket}`, `POST .../assignment`,
  `POST .../events`, `GET /inspectors`: complaint tickets, district-scoped (`office.tickets_api`)
- `POST/GET /company-stops`, `POST /company-stops/{id}/withdraw`, `POST/GET /heating-periods`,
  `PATCH /heating-periods/{id}`, `POST /heating-periods/{id}/penalty-notices`,
  `GET /penalty-notices/{no}[/pdf]`: company events, district-scoped (`office.company_events_api`)
- `GET  /chain-problems` (a supervisor: its district's records only),
  `GET /devices` and `POST /devices/{id}/revoke` (admin)

The upload handler reads the body itself: it authenticates before reading (an unknown device
cannot make the office buffer megabytes), then enforces the size limit while streaming, whether
or not a Content-Length was sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import ClientDisconnect

from inspector_app import __version__
from inspector_app.office import (
    case_rulings,
    cases_api,
    company_event_stats,
    company_events_api,
    enrolment,
    errors,
    export,
    ingest,
    photos,
    public_page_route,
    record_names,
    rulings,
    schema,
    ticket_feed,
    ticket_stats_route,
    tickets_api,
)
from inspector_app.office.auth import (
    REVIEW_ROLES,
    Supervisor,
    check_password,
    device_from_request,
    not_a_supervisor,
    office_store,
    require_supervisor,
    too_many_attempts,
    wrong_password,
)
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.client_address import client_address, parse_proxies
from inspector_app.office.errors import refusals
from inspector_app.office.estimate_refresher import EstimateRefresher
from inspector_app.office.login_throttle import LoginThrottle, client_key, user_key
from inspector_app.office.monitoring import readings_api
from inspector_app.office.monitoring.refresher import AggregateRefresher
from inspector_app.office.no_nul import NO_NUL, RefuseNul
from inspector_app.office.query import ListQuery, list_query
from inspector_app.office.store import (
    COUNT_CAP,
    REVIEWER_STATES,
    Device,
    OfficeStore,
    record_ref,
)

DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024  # signatures travel inside: strokes can be large
RECORD_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$"
SERVICE_NAME = "inspector-office"
MAX_OFFSET = 10**9  # past any office's records; larger once overflowed SQLite's integer (500)
SEASONS = tuple(f"{year}-{year + 1}" for year in range(2000, 2100))
ReviewerState = Literal[REVIEWER_STATES]  # type: ignore[valid-type]
Season = Literal[SEASONS]  # type: ignore[valid-type]

StoreDep = Annotated[OfficeStore, Depends(office_store)]
SupervisorDep = Annotated[Supervisor, Depends(require_supervisor)]
ListQueryDep = Annotated[ListQuery, Depends(list_query)]


class UploadResponse(BaseModel):
    record_id: str
    sha256: str
    status: str = Field(description="'created' or 'already_present'")
    chain_state: str = Field(description="'ok', 'gap' (predecessor missing) or 'fork'")
    photos_missing: list[str] | None = Field(
        None, description="only for a record that cites photos: the sha256 of those the office "
        "has not received; the record is stored but incomplete until they arrive "
        "(PUT /photos/{sha256}), so the laptop must not count it as sent")


class ReviewRequest(BaseModel):
    state: ReviewerState = Field(description="the reviewer's decision")
    comment: str = Field("", max_length=4000, pattern=NO_NUL)


class CommentRequest(BaseModel):
    comment: str = Field(min_length=1, max_length=4000, pattern=NO_NUL)


class LoginRequest(BaseModel):
    name: str = Field(max_length=200, pattern=NO_NUL)
    password: str = Field(max_length=1000, pattern=NO_NUL)


class LoginResponse(BaseModel):
    token: str = Field(description="session bearer token; only its hash is kept at the office")
    expires_at: str
    name: str
    role: str
    district: str | None


class RecordPage(BaseModel):
    total: int = Field(description="matching records; a lower bound when total_exact is false")
    total_exact: bool = Field(description="false when counting stopped at the cap (shown 10000+)")
    items: list[dict[str, Any]]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null at end")
    offset: int | None = None


def _receive_upload(store: OfficeStore, body: bytes, record_id: str, device: Device,
                    training: bool) -> tuple[int, dict[str, Any]]:
    """Check and store one uploaded record, note the device as seen, and say which of the
    photos it cites are still missing: (status, answer body), or `ingest.Rejection`."""
    status, stored = ingest.receive(store, body, record_id, device, training)  # notes it seen
    evidence = photos.evidence(store, stored.ref)
    return status, UploadResponse(
        record_id=record_id, sha256=stored.sha256,
        status="created" if status == 201 else "already_present",
        chain_state=stored.chain_state,
        photos_missing=evidence["photos_missing"] if evidence["photos_cited"] else None,
    ).model_dump(exclude_none=True)


def _error(status: int, code: str, zh: str, en: str, record_id: str | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"record_id": record_id, "error": code,
                                                     "reason": en, "reason_zh": zh})


def wall_clock() -> datetime:
    return datetime.now(UTC)


def create_app(db_path: str | Path, training: bool = False,
               max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
               throttle: LoginThrottle | None = None, public_url: str | None = None,
               trusted_proxies: Iterable[str] = (),
               clock: Callable[[], datetime] | None = None,
               refresh_estimates_every: float | None = None,
               refresh_monitoring_every: float | None = None) -> FastAPI:
    """A ready app over the office store at `db_path` (created and migrated if needed).

    `public_url`: the office's address as residents' phones reach it (`serve --public-url`); told
    to laptops at enrolment, so their slips' QR codes link to `{public_url}/v/{record_id}`.

    `throttle` counts wrong passwords in the store (give one with a fake clock in tests); it is
    also at `app.state.throttle`. `trusted_proxies` (addresses or networks, ValueError for a bad
    one) are the only peers whose X-Forwarded-For is believed (`office.client_address`), for the
    login throttle and the residents' page's limit alike.

    `clock` (an aware datetime; the wall clock by default, `app.state.clock`) gives the office's
    "today" a case ruling may not count beyond; tests set it so they never depend on the date.

    `refresh_estimates_every` (seconds; `serve` sets it, off by default): while the app runs, a
    thread keeps the open cases' failing days so far current (`office.estimate_refresher`).
    `refresh_monitoring_every` (seconds; `serve` sets it): a thread recomputes the monitoring
    points' daily aggregates the arriving readings touched (`office.monitoring.refresher`).
    """
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threads: list[EstimateRefresher | AggregateRefresher] = []
        if refresh_estimates_every is not None:
            threads.append(EstimateRefresher(app.state.store, app.state.clock,
                                             refresh_estimates_every))
        if refresh_monitoring_every is not None:
            threads.append(AggregateRefresher(app.state.store, refresh_monitoring_every))
        for thread in threads:
            thread.start()
        try:
            yield
        finally:
            for thread in threads:
                thread.stop()

    app = FastAPI(title="Heating inspection district office", version=__version__,
                  lifespan=lifespan,
                  description="Receives sealed temperature-test records from enrolled laptops, "
                              "verifies them, and serves them to supervisors for review.")
    app.router.route_class = BoundedJsonRoute  # every JSON body bounded before it is parsed
    errors.install(app)  # every refusal in {error, reason, reason_zh}, FastAPI's own included
    app.add_middleware(RefuseNul)  # no U+0000 in a path or query reaches the database
    app.state.store = OfficeStore(db_path)

    app.state.training = training
    app.state.public_url = public_url
    app.state.max_record_bytes = max_record_bytes
    app.state.throttle = throttle or LoginThrottle(app.state.store)
    app.state.trusted_proxies = parse_proxies(trusted_proxies)
    app.state.clock = clock or wall_clock

    @app.post("/api/v1/login", response_model=LoginResponse, tags=["accounts"],
              responses=refusals(400, 401, 403, 413, 422, 429,
                                 s401="wrong user name or password",
                                 s403="an inspector's account (it never logs in here)",
                                 s429="locked out for a while: see Retry-After"))
    def login(req: LoginRequest, request: Request, store: StoreDep) -> LoginResponse:
        gate: LoginThrottle = request.app.state.throttle
        keys = (user_key(req.name), client_key(client_address(request)))
        wait = gate.retry_after(*keys)
        if wait > 0:
            raise too_many_attempts(wait)
        user = check_password(store, req.name, req.password)
        if user is None:
            gate.failed(*keys)
            raise wrong_password()
        gate.succeeded(keys[0])
        if user["role"] not in REVIEW_ROLES:
            raise not_a_supervisor()
        token, expires = store.new_session(user["name"])
        return LoginResponse(token=token, expires_at=expires.isoformat(timespec="seconds"),
                             name=user["name"], role=user["role"], district=user["district"])

    @app.post("/api/v1/logout", status_code=204, tags=["accounts"], responses=refusals(401))
    def logout(request: Request, _who: SupervisorDep, store: StoreDep) -> Response:
        store.end_session(request.headers["Authorization"].partition(" ")[2].strip())
        return Response(status_code=204)

    @app.get("/api/v1/health", tags=["service"])
    def health() -> dict[str, Any]:
        return {"service": SERVICE_NAME, "api": 1, "version": __version__, "training": training,
                "max_record_bytes": max_record_bytes, "public_url": public_url}

    @app.get("/api/v1/ready", tags=["service"],
             responses=refusals(503, s503="the database does not answer, or its schema is not"
                                          " this office's"))
    def ready(store: StoreDep) -> dict[str, Any]:
        """For a load balancer: this process reaches its database and the schema is current."""
        try:
            revision = schema.current(store.db)
        except SQLAlchemyError as exc:
            raise HTTPException(503, detail={
                "error": "database_unavailable", "reason": "the office database does not answer",
                "reason_zh": "办公室数据库无响应"}) from exc
        if revision != schema.head():
            raise HTTPException(503, detail={
                "error": "schema_mismatch",
                "reason": f"database schema {revision}, this office needs {schema.head()}",
                "reason_zh": f"数据库结构版本为 {revision}，本程序需要 {schema.head()}"})
        return {"database": store.db.dialect, "schema": revision}

    app.include_router(enrolment.router)
    app.include_router(company_events_api.router)  # stops, heating periods, penalty notices
    app.include_router(ticket_stats_route.router)  # before /tickets/{...}: "stats" is no ticket
    app.include_router(tickets_api.router)  # supervisors and hotline platforms: tickets
    app.include_router(ticket_feed.router)  # laptops: GET /assignments, POST /ticket-events

    @app.put(
        "/api/v1/records/{record_id}", tags=["records"],
        responses={201: {"model": UploadResponse, "description": "stored"},
                   200: {"model": UploadResponse, "description": "already stored, same record"},
                   **refusals(400, 401, 409, 413, 422, s400="the upload was cut off",
                              s401="unknown or revoked device",
                              s409="another record of this device is stored under this id",
                              s422="damaged, not the sender's, or training refused")},
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"type": "object", "description": "the sealed envelope "
                       "{record, sha256, signature} exactly as stored on the laptop"}}}}},
    )
    async def put_record(request: Request,
                         record_id: Annotated[str, PathParam(pattern=RECORD_ID_PATTERN)],
                         ) -> Response:
        store: OfficeStore = request.app.state.store
        device = await run_in_threadpool(device_from_request, request, store)
        limit = request.app.state.max_record_bytes
        too_big = _error(413, "too_large", f"记录超过办公室的大小上限（{limit} 字节）",
                         f"the record is larger than the office's limit ({limit} bytes)", record_id)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            return too_big
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    return too_big
                chunks.append(chunk)
        except ClientDisconnect:  # the link broke mid-body: nothing stored, nobody to answer
            return Response(status_code=400)
        try:  # one worker-thread hop for all of it: each hop costs about as much as a query
            status, content = await run_in_threadpool(
                _receive_upload, store, b"".join(chunks), record_id, device,
                request.app.state.training)
        except ingest.Rejection as rej:
            return JSONResponse(status_code=rej.status, content=rej.body())
        return JSONResponse(status_code=status, content=content)

    @app.get("/api/v1/records", response_model=RecordPage, tags=["review"],
             responses=refusals(401, 422))
    def list_records(
        query: ListQueryDep, store: StoreDep,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None,
                          Query(max_length=2000, pattern=r"^[A-Za-z0-9_-]+={0,2}$",
                                description="next_cursor of the previous page")] = None,
        offset: Annotated[int | None,
                          Query(ge=0, le=MAX_OFFSET,
                                description="instead of cursor: rows to skip")] = None,
        exact_total: Annotated[bool, Query(description="count past the cap (slower)")] = False,
    ) -> RecordPage:
        if query.nothing:
            return RecordPage(total=0, total_exact=True, items=[], next_cursor=None,
                              offset=offset)
        try:
            page = store.list_records(query.filt, limit=limit, cursor=cursor, offset=offset,
                                      count_cap=None if exact_total else COUNT_CAP,
                                      ordering=query.ordering)
        except ValueError as exc:
            raise HTTPException(422, detail={"error": "bad_cursor", "reason": str(exc),
                                             "reason_zh": "分页游标无效（或属于另一种排序）"}
                                ) from exc
        return RecordPage(total=page.total, total_exact=page.total_exact, items=page.items,
                          next_cursor=page.next_cursor, offset=page.offset)

    app.include_router(export.router)  # before /records/{record_id}, which would match "export"
    app.include_router(rulings.router)
    app.include_router(cases_api.router)   # cases and households (`office.cases_api`)
    app.include_router(case_rulings.router)  # POST /cases/{id}/rulings, the case ruling PDF
    app.include_router(photos.router)
    app.include_router(readings_api.router)  # monitoring points' readings in and out
    app.include_router(public_page_route.router)  # GET /v/{record_id}: residents' page (HTML)

    # {record_id} below is a ref (device_id.record_id) or a bare id held by one record only;
    # another district's record is answered as absent (`office.record_names`).
    @app.get("/api/v1/records/{record_id}", tags=["review"],
             responses=refusals(401, 404, 409, s409=record_names.AMBIGUOUS))
    def record_detail(record_id: str, who: SupervisorDep, store: StoreDep) -> dict[str, Any]:
        ref = record_names.resolve(store, record_id, who)
        detail = store.record(ref)
        if detail is None:
            raise record_names.not_found()
        detail["rulings"] = rulings.for_record(store, ref)
        detail["evidence"] = photos.evidence(store, ref)
        return detail

    @app.get("/api/v1/records/{record_id}/envelope", tags=["review"],
             response_class=Response,
             responses={200: {"content": {"application/json": {}},
                              "description": "the exact bytes received"},
                        **refusals(401, 404, 409, s409=record_names.AMBIGUOUS)})
    def record_envelope(record_id: str, who: SupervisorDep, store: StoreDep) -> Response:
        found = store.record_bytes(record_names.resolve(store, record_id, who))
        if found is None:
            raise record_names.not_found()
        return Response(content=found[1], media_type="application/json",
                        headers={"X-Record-Sha256": found[0]})

    @app.put("/api/v1/records/{record_id}/review", tags=["review"],
             responses=refusals(400, 401, 404, 409, 413, 422, s409=record_names.AMBIGUOUS))
    def set_review(record_id: str, req: ReviewRequest, who: SupervisorDep,
                   store: StoreDep) -> dict[str, Any]:
        ref = record_names.resolve(store, record_id, who)
        try:
            return store.set_review(ref, req.state, req.comment, who.name)
        except KeyError as exc:
            raise record_names.not_found() from exc

    @app.post("/api/v1/records/{record_id}/comments", tags=["review"],
              responses=refusals(400, 401, 404, 409, 413, 422, s409=record_names.AMBIGUOUS))
    def add_comment(record_id: str, req: CommentRequest, who: SupervisorDep,
                    store: StoreDep) -> dict[str, Any]:
        ref = record_names.resolve(store, record_id, who)
        try:
            return store.add_comment(ref, req.comment, who.name)
        except KeyError as exc:
            raise record_names.not_found() from exc

    @app.get("/api/v1/companies/stats", tags=["review"], responses=refusals(401, 422))
    def company_stats(
        who: SupervisorDep, store: StoreDep,
        season: Annotated[Season, Query(description="heating season, two consecutive years "
                                                    "from 1 July, e.g. 2025-2026")],
    ) -> dict[str, Any]:
        district = None if who.sees_all else who.district
        try:
            companies = store.company_stats(season, district=district)
        except ValueError as exc:
            raise HTTPException(422, detail={"error": "bad_season", "reason": str(exc),
                                             "reason_zh": "供暖季格式应为 2025-2026"}) from exc
        return {"season": season, "district": district, "companies": companies,
                "events": company_event_stats.season_events(store, season, district)}

    @app.get("/api/v1/chain-problems", tags=["review"], responses=refusals(401, 422))
    def chain_problems(who: SupervisorDep, store: StoreDep,
                       open_only: Annotated[bool, Query(alias="open")] = True,
                       device_id: str | None = None) -> list[dict[str, Any]]:
        """A district supervisor sees the problems revealed by the district's records only."""
        problems = store.chain_problems(device_id=device_id, open_only=open_only)
        if who.sees_all:
            return problems
        return [p for p in problems
                if who.may_see(store.record_district(record_ref(p["device_id"], p["record_id"])))]

    @app.get("/api/v1/devices", tags=["devices"], responses=refusals(401, 403))
    def devices(who: SupervisorDep, store: StoreDep) -> list[dict[str, Any]]:
        """Every laptop of every district: for admins, who also revoke them."""
        if not who.sees_all:
            raise HTTPException(403, detail={"error": "admin_only",
                                             "reason": "only an admin may list the devices",
                                             "reason_zh": "只有管理员可以查看设备列表"})
        return [d.to_dict() for d in store.devices()]

    @app.post("/api/v1/devices/{device_id}/revoke", tags=["devices"],
              responses=refusals(400, 401, 403, 404, 413, 422))
    def revoke(device_id: str, who: SupervisorDep, store: StoreDep,
               reason: Annotated[str, Body(embed=True, max_length=1000)] = "") -> dict[str, Any]:
        if not who.sees_all:
            raise HTTPException(403, detail={"error": "admin_only",
                                             "reason": "only an admin may revoke a device",
                                             "reason_zh": "只有管理员可以注销设备"})
        if store.device(device_id) is None:
            raise HTTPException(404, detail={"error": "not_found", "reason": "no such device",
                                             "reason_zh": "没有这台设备"})
        store.revoke_device(device_id, reason or f"revoked by {who.name}", by=who.name)
        device = store.device(device_id)
        assert device is not None
        return device.to_dict()

    return app
