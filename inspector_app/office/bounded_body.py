"""Request bodies read within limits before FastAPI parses them: `BoundedJsonRoute`.

FastAPI reads a whole body into memory, however large, and parses JSON with Python's recursive
parser: a login with a gigabyte body, or `[` × 100,000, cost memory or ended in a RecursionError.
Every route with a JSON body is therefore built as a `BoundedJsonRoute` (set as the route class
of the app and of every router): it reads the body as a stream up to `MAX_REQUEST_BYTES`
(413 past it, whether or not a Content-Length was sent) and checks it with the one bounded
reader (`bounded_json.read_json`: UTF-8, nesting depth) before FastAPI parses the same bytes;
a body that fails is a 400 in the office's shape. A route may declare a larger limit
(`LIMIT_KEY` in its `openapi_extra`).

The record upload takes no parsed body (it reads the stream itself, after authenticating the
device, with the office's record size limit), so it is not affected.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

from inspector_app.bounded_json import JsonInputError, read_json

MAX_REQUEST_BYTES = 64 * 1024  # a login, a review, a ruling: a few hundred bytes each
# A route that takes more (a batch of tickets) says its own limit in its OpenAPI operation:
# `openapi_extra={LIMIT_KEY: n}`, so the document tells clients too.
LIMIT_KEY = "x-max-body-bytes"

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, detail={
        "error": "too_large", "reason": f"the request body is larger than {limit} bytes",
        "reason_zh": f"请求内容超过 {limit} 字节"})


async def read_bounded(request: Request, limit: int = MAX_REQUEST_BYTES) -> bytes:
    """The body, at most `limit` bytes (413 past it); kept on the request for FastAPI."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    data = b"".join(chunks)
    request._body = data  # Starlette's cache: `await request.body()` returns these bytes
    return data


def _is_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return not kind or kind == "application/json" or kind.endswith("+json")


class BoundedJsonRoute(APIRoute):
    """An APIRoute whose JSON body is bounded in size and nesting before it is parsed."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        if self.body_field is None:
            return handler

        limit = int((self.openapi_extra or {}).get(LIMIT_KEY, MAX_REQUEST_BYTES))

        async def bounded(request: Request) -> Response:
            data = await read_bounded(request, limit)
            if data and _is_json(request):
                try:
                    read_json(data, max_bytes=limit, what_zh="请求内容",
                              what_en="the request body")
                except JsonInputError as exc:
                    raise HTTPException(400, detail={"error": "bad_body",
                                                     "reason": exc.message_en,
                                                     "reason_zh": exc.message_zh}) from exc
            return await handler(request)

        return bounded
