"""Sending photos to the office by hash (`PUT /api/v1/photos/{sha256}`), for the sync client.

Each photo's bytes are rehashed before they leave: a photo swapped in the laptop's database is
not sent as if it were the sealed one (the office would refuse it anyway); the record is then
refused here with the reason, as `inspector-app verify` would report it. Success is only a
201/200 answer that echoes the hash (a Wi-Fi login page answers 200 too).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import httpx
import sqlite_utils

from inspector_app.store.photos import photo_bytes

Failure = tuple[str, int | None, str, str]  # (attempt kind, HTTP status, zh, en)


@dataclass
class PhotoOutcome:
    sent: int
    failure: Failure | None = None


def send_photos(http: httpx.Client, db: sqlite_utils.Database, hashes: list[str]) -> PhotoOutcome:
    """PUT each photo once, stopping at the first failure (classified like record attempts)."""
    sent = 0
    for sha256 in hashes:
        failure = send_photo(http, db, sha256)
        if failure is not None:
            return PhotoOutcome(sent, failure)
        sent += 1
    return PhotoOutcome(sent)


def send_photo(http: httpx.Client, db: sqlite_utils.Database, sha256: str) -> Failure | None:
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
        response = http.put(f"/api/v1/photos/{sha256}", content=data,
                            headers={"Content-Type": "image/jpeg"})
    except httpx.TransportError as exc:
        return ("transient", None, f"网络错误：{type(exc).__name__}",
                f"network error: {type(exc).__name__}: {exc}")
    status = response.status_code
    if status in (200, 201):
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if isinstance(answer, dict) and answer.get("sha256") == sha256 \
                and answer.get("status") in ("created", "already_present"):
            return None
        return ("transient", status, "收到的答复不是办公室的确认（可能是无线网络登录页）",
                "the answer was not the office's confirmation (a Wi-Fi login page?)")
    from inspector_app.sync.client import office_words  # the client imports this module

    words = office_words(response) or (f"办公室返回 HTTP {status}", f"the office answered HTTP {status}")
    zh, en = f"照片 {short}…：{words[0]}", f"photo {short}…: {words[1]}"
    if status in (413, 422):
        return ("rejected", status, zh, en)
    if status == 401:
        return ("device_refused", status, zh, en)
    return ("transient", status, zh, en)
