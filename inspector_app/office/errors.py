"""Every refusal of the office in one shape, `{error, reason, reason_zh}`, and documented so.

Why here: FastAPI answers on its own in another shape (`{"detail": ...}`) for a path that does
not exist (404), a method a path does not have (405), a body it cannot parse (400) and a
parameter or body that fails validation (422); the laptop and the review client read only the
office's shape. `install(app)` puts one handler on each of those, so a refusal reads the same
whoever made it. `refusals(...)` gives a route's OpenAPI `responses` for the refusals it can
make, each with the `OfficeError` model, so the document says what the server does (the test
suite holds the two together with schemathesis).

A 405 names in `Allow` every method of the path, as OpenAPI matches paths (concrete before
templated): Starlette's router names only the methods of the first route that matched (an
OPTIONS on /records/{id} listed only PUT, though GET is there too).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from inspector_app.core.tickets import STATES as TICKET_STATES
from inspector_app.office import no_nul
from inspector_app.office.listing import SORTS
from inspector_app.office.store import REVIEWER_STATES


class OfficeError(BaseModel):
    """A refusal: a code for programs, the reason for people in English and in Chinese."""

    model_config = ConfigDict(extra="allow")
    error: str = Field(description="a stable code, e.g. not_found, invalid_request")
    reason: str = Field(description="why, in English")
    reason_zh: str = Field(description="why, in Chinese")


# status → (code, English, Chinese) for refusals that arrive without the office's own words
_PLAIN: dict[int, tuple[str, str, str]] = {
    400: ("bad_body", "the request body cannot be read", "请求内容无法读取"),
    401: ("no_credential", "a credential is required", "需要凭证"),
    403: ("forbidden", "not allowed", "无权执行此操作"),
    404: ("not_found", "no such address", "没有这个地址"),
    405: ("method_not_allowed", "this address does not take that method",
          "该地址不支持这种请求方法"),
    413: ("too_large", "the request body is too large", "请求内容过大"),
    415: ("unsupported_media_type", "the request body's content type is not accepted here",
          "不接受这种内容类型"),
    422: ("invalid_request", "the request is not valid", "请求内容不符合要求"),
    429: ("too_many_requests", "too many requests; try again later", "请求过于频繁，请稍后再试"),
}

# what each refusal means in the OpenAPI document, unless a route says more
_DESCRIPTIONS: dict[int, str] = {
    400: "the body is not UTF-8 JSON within the office's size and nesting limits",
    401: "no credential, or not a valid one",
    403: "the credential does not allow this",
    404: "no such record, or another district's (not told apart)",
    409: "conflicts with what the office holds",
    413: "larger than the office's limit",
    415: "a content type this address does not take",
    422: "a parameter or the body is not valid",
    429: "too many attempts: see Retry-After",
    503: "not ready to serve: see the reason",
}


def refusals(*statuses: int, **described: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these refusal statuses, all in the `OfficeError` shape.

    `described` overrides a description: `refusals(401, 404, s404="no such ruling")`.
    """
    return {status: {"model": OfficeError,
                     "description": described.get(f"s{status}", _DESCRIPTIONS[status])}
            for status in statuses}


def body(status: int, code: str | None = None, en: str | None = None,
         zh: str | None = None) -> dict[str, Any]:
    """An error body: the given words, else the plain ones for `status`."""
    plain_code, plain_en, plain_zh = _PLAIN.get(status, ("http_error", f"HTTP {status}",
                                                        f"HTTP {status}"))
    return {"error": code or plain_code, "reason": en or plain_en, "reason_zh": zh or plain_zh}


def _allowed_methods(request: Request) -> str:
    """The methods the OpenAPI document gives the path this request names, matching as OpenAPI
    does: a concrete path (/records/export) before a templated one (/records/{record_id})."""
    candidates = []
    for template, item in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            candidates.append((template.count("{"), template, item))
    if not candidates:
        return ""
    *_, item = min(candidates)
    return ", ".join(sorted(method.upper() for method in item if method in _HTTP_METHODS))


_HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if isinstance(exc.detail, dict) and "error" in exc.detail:
        content = exc.detail
    else:
        content = body(exc.status_code)
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return JSONResponse(status_code=exc.status_code, content=content, headers=headers or None)


# Words for a person, by the name of the parameter or body field that failed validation:
# the supervisor's window shows them as they are (a ruling's fee typed wrongly, say).
FIELD_WORDS: dict[str, tuple[str, str, str]] = {
    "sort": ("bad_sort", "排序字段只能是：" + "、".join(SORTS),
             f"sort must be one of {', '.join(SORTS)}"),
    "order": ("bad_order", "排序方向只能是 asc（升序）或 desc（降序）", "order must be asc or desc"),
    "state": ("bad_state", "审核状态只能是：" + "、".join(REVIEWER_STATES),
              f"review state must be one of {', '.join(REVIEWER_STATES)}"),
    "season": ("bad_season", "供暖季应写成相邻两年，如 2025-2026",
               "a season is two consecutive years, e.g. 2025-2026"),
    "daily_fee_per_m2": ("bad_decimal", "日单价应写成如 0.1607 的数字",
                         "write the daily fee as a plain number such as 0.1607"),
    "date_from": ("bad_date", "日期应写成 YYYY-MM-DD", "write a date as YYYY-MM-DD"),
    "date_to": ("bad_date", "日期应写成 YYYY-MM-DD", "write a date as YYYY-MM-DD"),
}


# The same, where a name means something else in another place: (where, name).
PLACED_WORDS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("query", "state"): ("bad_state", "工单状态只能是：" + "、".join(TICKET_STATES),
                         f"a ticket state is one of {', '.join(TICKET_STATES)}"),
}


def _words(fault: dict[str, Any]) -> tuple[str, str, str] | None:
    loc = fault.get("loc") or ()
    if not loc:
        return None
    return PLACED_WORDS.get((str(loc[0]), str(loc[-1]))) or FIELD_WORDS.get(str(loc[-1]))


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """A parameter or body that fails validation, said in both languages with where; in a
    person's words when the field is one of FIELD_WORDS."""
    assert isinstance(exc, RequestValidationError)
    faults = exc.errors()
    where = "; ".join(".".join(str(p) for p in e.get("loc", ()) if p != "body")
                      + f": {e.get('msg', '')}" for e in faults[:5])
    named = [words for words in map(_words, faults) if words is not None]
    if named:
        code, zh, en = named[0]
        return JSONResponse(status_code=422, content={
            "error": code, "reason": f"{en} ({where})", "reason_zh": f"{zh}（{where}）"})
    return JSONResponse(status_code=422, content={
        "error": "invalid_request", "reason": f"the request is not valid: {where}",
        "reason_zh": f"请求内容不符合要求：{where}"})


def _document_office_422(app: FastAPI) -> None:
    """FastAPI documents a 422 of its own shape (`HTTPValidationError`) on every route with
    parameters; the office never sends that shape, so the document names `OfficeError`."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = generate()
            for methods in doc.get("paths", {}).values():
                for op in methods.values():
                    answer = op.get("responses", {}).get("422", {})
                    for media in answer.get("content", {}).values():
                        if media.get("schema", {}).get("$ref", "").endswith(
                                "/HTTPValidationError"):
                            media["schema"] = {"$ref": "#/components/schemas/OfficeError"}
                            answer["description"] = _DESCRIPTIONS[422]
            no_nul.document(doc)
            schemas = doc.get("components", {}).get("schemas", {})
            schemas.setdefault("OfficeError", OfficeError.model_json_schema())
            for unused in ("HTTPValidationError", "ValidationError"):
                schemas.pop(unused, None)
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def install(app: FastAPI) -> None:
    """Answer every HTTP refusal and validation failure in the office's shape, and say so in
    the OpenAPI document."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    _document_office_422(app)
