"""Refuse a request whose path or query holds U+0000 before any route sees it.

PostgreSQL text cannot hold NUL, so a filter, a record id or a cursor carrying one would reach
the database and fail there (a 500 on PostgreSQL, a harmless miss on SQLite). No name, id or
filter of the office needs it: the request is refused with a 422 in the office's shape on
either backend, so both behave alike, and the OpenAPI document says so (`document`: a pattern
on every free-text parameter). Text fields of request bodies carry the same pattern
(`NO_NUL`); a record upload is checked by its reader (`bounded_json.read_json(refuse_nul=True)`).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

NO_NUL = r"^[^\x00]*$"  # a pattern for free text: anything but U+0000

_BODY = json.dumps({"error": "invalid_request",
                    "reason": "the request's path or query holds a NUL character (U+0000)",
                    "reason_zh": "请求的路径或查询参数中含有空字符（U+0000）"},
                   ensure_ascii=False).encode("utf-8")


def holds_nul(scope: Scope) -> bool:
    path = scope.get("path", "")
    query = scope.get("query_string", b"")
    return "\x00" in path or b"\x00" in unquote_to_bytes(query.replace(b"+", b" "))


class RefuseNul:
    """ASGI middleware: 422 for a NUL in the path or the query string."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not holds_nul(scope):
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 422,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(_BODY)).encode())]})
        await send({"type": "http.response.body", "body": _BODY})


def document(doc: dict[str, Any]) -> None:
    """Give every free-text path and query parameter of an OpenAPI document the NO_NUL pattern
    (those with a pattern, an enum, a format or a const are already narrower)."""
    for methods in doc.get("paths", {}).values():
        for op in methods.values():
            for param in op.get("parameters", []) if isinstance(op, dict) else []:
                if param.get("in") not in ("path", "query"):
                    continue
                schema = param.get("schema", {})
                for option in schema.get("anyOf", [schema]):
                    if option.get("type") == "string" and not option.keys() & {
                            "pattern", "enum", "format", "const"}:
                        option["pattern"] = NO_NUL
