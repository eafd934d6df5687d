"""Reading the office's answers as outside input: bounded in size, time and JSON nesting.

Why one module: the record upload, the photo upload and enrolment each read an answer from
whatever sits at the office's address (the office, a Wi-Fi portal, a proxy, something hostile).
Each request gets at most `timeout` seconds per step and never runs past the caller's deadline,
and each answer is read up to MAX_ANSWER_BYTES as bounded JSON (`bounded_json`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from inspector_app.bounded_json import JsonInputError, read_json

MAX_ANSWER_BYTES = 64 * 1024  # an office answer is a few hundred bytes; a portal page may be more


def step_timeout(timeout: float, clock: Callable[[], float], deadline: float | None) -> float:
    """The per-step timeout of the next request: `timeout`, or less when the deadline is near."""
    return timeout if deadline is None else max(0.01, min(timeout, deadline - clock()))


def read_capped(streamed: httpx.Response, clock: Callable[[], float] = time.time,
                deadline: float | None = None, max_bytes: int = MAX_ANSWER_BYTES) -> bytes:
    """At most `max_bytes` + 1 bytes of a streamed answer (more is not an office's), and
    ReadTimeout if `deadline` (on `clock`) passes while it trickles in."""
    chunks, size = [], 0
    for chunk in streamed.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            break
        if deadline is not None and clock() >= deadline:
            raise httpx.ReadTimeout("the answer did not arrive before the deadline")
    return b"".join(chunks)[:max_bytes + 1]


def send_capped(http: httpx.Client, method: str, url: str, *, content: bytes | None = None,
                content_type: str | None = None, timeout: float, clock: Callable[[], float],
                deadline: float | None, params: dict[str, Any] | None = None,
                max_bytes: int = MAX_ANSWER_BYTES) -> httpx.Response:
    """One request whose answer is read with `read_capped`; TransportError as httpx raises it."""
    headers = {"Content-Type": content_type} if content_type else None
    with http.stream(method, url, content=content, headers=headers, params=params,
                     timeout=step_timeout(timeout, clock, deadline)) as streamed:
        body = read_capped(streamed, clock, deadline, max_bytes)
        return httpx.Response(streamed.status_code, content=body,
                              headers={"Content-Type": streamed.headers.get("Content-Type", "")})


def answer_json(response: httpx.Response, max_bytes: int = MAX_ANSWER_BYTES,
                max_depth: int = 8) -> Any:
    """The answer's JSON read as outside input (`bounded_json`), or None if it is not JSON."""
    try:
        return read_json(response.content, max_bytes=max_bytes, max_depth=max_depth)
    except JsonInputError:
        return None


def office_words(response: httpx.Response) -> tuple[str, str, str] | None:
    """(zh, en, error code) from an answer in the office's error shape (also FastAPI's
    `detail` wrapping), or None when the answer is not the office's (a portal page, a proxy,
    anything too large or too deeply nested to be one)."""
    body = answer_json(response)
    if not isinstance(body, dict):
        return None
    detail = body.get("detail") if isinstance(body.get("detail"), dict) else body
    en, zh = detail.get("reason"), detail.get("reason_zh")
    if not (en or zh) or not all(isinstance(w, str | None) for w in (en, zh)):
        return None
    return str(zh or en)[:2000], str(en or zh)[:2000], str(detail.get("error") or "")[:80]


def office_reason(response: httpx.Response) -> tuple[str, str]:
    """The office's words from an error body, or a description of what came back."""
    words = office_words(response)
    if words is not None:
        return words[0], words[1]
    return (f"办公室返回 HTTP {response.status_code}", f"the office answered HTTP {response.status_code}")
