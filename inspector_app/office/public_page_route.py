"""`GET /v/{record_id}`: the page a resident's phone opens from the slip's QR code.

A separate router, left out of the OpenAPI schema (it is a page for people, not an API), and
included by `office.app` with one line. Answers are HTML in every case, unknown ids included,
with a per-client limit (`page_throttle`, per `client_address`: the peer, or the address a
trusted proxy forwards); nothing is written to the database. Records are the devices' (one public
id may be held by several): the slip's hash picks one, and a record whose hash is not the slip's
is never shown for it.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from inspector_app.office.client_address import client_address
from inspector_app.office.page_throttle import PageThrottle
from inspector_app.office.public_page import candidates, choose, normalise_hash
from inspector_app.office.public_page_view import CSP, PageView, render_page

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")   # as uploads accept
HEADERS = {"Content-Security-Policy": CSP, "Cache-Control": "no-store",
           "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"}

router = APIRouter(include_in_schema=False)


def _throttle(request: Request) -> PageThrottle:
    state = request.app.state
    if getattr(state, "page_throttle", None) is None:
        state.page_throttle = PageThrottle(state.store)
    return state.page_throttle


def _page(view: PageView, status: int = 200, extra: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(render_page(view), status_code=status, headers={**HEADERS, **(extra or {})})


@router.get("/v/{record_id}", response_class=HTMLResponse)
def verification_page(record_id: str, request: Request, sha256: str | None = None,
                      lang: str = "zh") -> HTMLResponse:
    lang = "en" if lang == "en" else "zh"
    shown_id = record_id[:80]
    wait = _throttle(request).admit(client_address(request))   # as the login throttle sees it
    if wait:
        return _page(PageView(shown_id, "slow", lang, retry_after=int(wait)), 429,
                     {"Retry-After": str(int(wait))})
    found = candidates(request.app.state.store, record_id) if ID_PATTERN.match(record_id) else []
    if not found:
        return _page(PageView(shown_id, "unknown", lang), 404)
    formal = [r for r in found if not r.training]
    if not formal:
        return _page(PageView(shown_id, "training", lang))
    verified = [r for r in formal if r.verified]
    if not verified:
        return _page(PageView(shown_id, "failed", lang))
    asked = normalise_hash(sha256) if sha256 else None
    if sha256 and asked is None:
        state = "held" if len(verified) == 1 else "many"
        return _page(PageView(shown_id, state, lang, verified[0] if state == "held" else None,
                              asked_hash=sha256[:100], bad_hash=True))
    if asked is not None:
        match = choose(verified, asked)
        if match is not None:
            return _page(PageView(shown_id, "match", lang, match, asked_hash=asked))
        # No record has the slip's hash: none is shown (it may be another device's record
        # under the same id), only that the office's differs.
        return _page(PageView(shown_id, "mismatch", lang, asked_hash=asked))
    if len(verified) == 1:
        return _page(PageView(shown_id, "held", lang, verified[0]))
    return _page(PageView(shown_id, "many", lang))
