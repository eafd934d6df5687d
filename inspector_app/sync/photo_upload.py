"""Sending photos to the office by hash (`PUT /api/v1/photos/{sha256}`), for the sync client.

Each photo's bytes are rehashed before they leave: a photo swapped in the laptop's database is
not sent as if it were the sealed one (the office would refuse it anyway); the record is then
refused here with the reason, as `inspector-app verify` would report it. Success is only a
201/200 answer that echoes the hash (a Wi-Fi login page answers 200 too).

The run's deadline bounds the photos as it bounds the record (`sync.answers`): each PUT gets
at most the time left, its answer is read capped, and no photo is started once the deadline has
passed; the record then waits for the next run (transient), counted in `SyncReport.left`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import sqlite_utils

from inspector_app.store.photos import photo_bytes
from inspector_app.sync.answers import answer_json, office_words, send_capped

Failure = tuple[str, int | None, str, str]  # (attempt kind, HTTP status, zh, en)


@dataclass
class PhotoOutcome:
    sent: int
    failure: Failure | None = None


def send_photos(http: httpx.Client, db: sqlite_utils.Database, hashes: list[str], *,
                timeout: float = 15.0, clock: Callable[[], float] = time.time,
                deadline: float | None = None) -> PhotoOutcome:
    """PUT each photo once, stopping at the first failure (classified like record attempts)
    or at `deadline` (on `clock`)."""
    sent = 0
    for sha256 in hashes:
        if deadline is not None and clock() >= deadline:
            return PhotoOutcome(sent, ("transient", None,
                                       "已到同步时限，其余照片留待下次上传",
                                       "the sync deadline was reached; the remaining photos "
                                       "wait for the next run"))
        failure = send_photo(http, db, sha256, timeout=timeout, clock=clock, deadline=deadline)
        if failure is not None:
            return PhotoOutcome(sent, failure)
        sent += 1
    return PhotoOutcome(sent)


def send_photo(http: httpx.Client, db: sqlite_utils.Database, sha256: str, *,
               timeout: float = 15.0, clock: Callable[[], float] = time.time,
               deadline: float | None = None) -> Failure | None:
    """None when the office confirms it holds the photo; else why not."""
    short = sha256[:12]
    data = photo_bytes(db, sha256)
    if data is None:
        return ("rejected", None, f"本机缺少记录引用的照片 {short}…（请运行校验）",
                f"photo {short}… cited by the record is missing on this laptop (run verify)")
    if hashlib.sha256(data).hexdigest() != sha256:
        return ("rejected", None, f"本机的照片 {short}… 已被改动，与签封记录不符（请运行校验）",
                f"photo {short}… on this laptop was changed since sealing (run verify)")
    try:
        response = send_capped(http, "PUT", f"/api/v1/photos/{sha256}", content=data,
                               content_type="image/jpeg", timeout=timeout, clock=clock,
                               deadline=deadline)
    except httpx.TransportError as exc:
        return ("transient", None, f"网络错误：{type(exc).__name__}",
                f"network error: {type(exc).__name__}: {exc}")
    status = response.status_code
    if status in (200, 201):
        answer = answer_json(response)
        if isinstance(answer, dict) and answer.get("sha256") == sha256 \
                and answer.get("status") in ("created", "already_present"):
            return None
        return ("transient", status, "收到的答复不是办公室的确认（可能是无线网络登录页）",
                "the answer was not the office's confirmation (a Wi-Fi login page?)")
    words = office_words(response) or (f"办公室返回 HTTP {status}", f"the office answered HTTP {status}")
    zh, en = f"照片 {short}…：{words[0]}", f"photo {short}…: {words[1]}"
    if status in (413, 422):
        return ("rejected", status, zh, en)
    if status == 401:
        return ("device_refused", status, zh, en)
    return ("transient", status, zh, en)
