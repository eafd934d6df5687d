"""Photo evidence at the office: received by hash from laptops, served to supervisors.

- `PUT /api/v1/photos/{sha256}` (an enrolled device): the JPEG bytes. 201 stored, 200 already
  here (idempotent), 401 unknown/revoked device, 413 over `MAX_PHOTO_BYTES`, 422 when the bytes
  do not hash to the address or are not a JPEG. The body is read in chunks after authenticating,
  the size enforced while reading (as record uploads are).
- `GET /api/v1/photos/{sha256}` (a supervisor): the bytes, if a record the supervisor may see
  cites the photo; anything else is 404, so a district learns nothing of another's photos.

A record is complete only when every photo it cites is here: `missing_for` is what an upload's
answer, the record detail and a bundle import report, so the laptop keeps a record unsent and
the supervisor sees "photos missing" rather than a success with pieces missing.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.requests import ClientDisconnect

from inspector_app.office.auth import (
    Supervisor,
    device_from_request,
    office_store,
    require_supervisor,
)
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.store import OfficeStore, now_iso

MAX_PHOTO_BYTES = 4 * 1024 * 1024
SHA256_PATTERN = r"^[0-9a-f]{64}$"
JPEG_MIME = "image/jpeg"
_JPEG_MAGIC = b"\xff\xd8\xff"

router = APIRouter(tags=["photos"], route_class=BoundedJsonRoute)  # no JSON body here today
Sha256 = Annotated[str, PathParam(pattern=SHA256_PATTERN,
                                  description="SHA-256 of the bytes, 64 lower-case hex digits")]


class PhotoStored(BaseModel):
    """The office's confirmation: the laptop counts a photo sent only when the hash is echoed."""

    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0, le=MAX_PHOTO_BYTES)
    status: str = Field(description="created | already_present")


class PhotoRejected(Exception):
    """Bytes that cannot be stored under the hash they were sent for."""

    def __init__(self, status: int, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.status, self.code, self.zh, self.en = status, code, zh, en

    def body(self, sha256: str) -> dict[str, Any]:
        return {"sha256": sha256, "error": self.code, "reason": self.en, "reason_zh": self.zh}


def check_photo(sha256: str, data: bytes) -> None:
    """Raise PhotoRejected unless `data` is a JPEG whose SHA-256 is `sha256`."""
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoRejected(413, "too_large", f"照片超过办公室的大小上限（{MAX_PHOTO_BYTES} 字节）",
                            f"the photo is larger than the office's limit ({MAX_PHOTO_BYTES} bytes)")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise PhotoRejected(422, "hash_mismatch", "照片内容与其哈希不符（传输中损坏或被替换）",
                            "the photo's bytes do not have the SHA-256 they were sent under "
                            "(damaged in transit or swapped)")
    if not data.startswith(_JPEG_MAGIC):
        raise PhotoRejected(422, "not_jpeg", "照片不是 JPEG 图片", "the photo is not a JPEG image")


def store_photo(store: OfficeStore, sha256: str, data: bytes, via: str,
                device_id: str | None) -> bool:
    """Check and keep one photo; True if it was new, False if it was already here."""
    check_photo(sha256, data)
    with store.write() as c:
        cur = c.execute("INSERT INTO photos (sha256, data, size, mime, received_at,"
                        " received_via, device_id) VALUES (?,?,?,?,?,?,?)"
                        " ON CONFLICT DO NOTHING",
                        (sha256, data, len(data), JPEG_MIME, now_iso(), via, device_id))
    return cur.rowcount == 1


def missing_for(store: OfficeStore, ref: str) -> list[str]:
    """Hashes the record `ref` (device_id.record_id) cites that the office has not received yet
    (sorted)."""
    return [r[0] for r in store.query(
        "SELECT rp.sha256 FROM record_photos rp LEFT JOIN photos p ON p.sha256 = rp.sha256"
        " WHERE rp.record_ref=? AND p.sha256 IS NULL ORDER BY rp.sha256", (ref,))]


def evidence(store: OfficeStore, ref: str) -> dict[str, Any]:
    """{complete, photos_cited, photos_missing} of the record `ref` for its detail.

    By ref, not record id: two devices may hold records under one id, each citing its own
    photos, and one device's record must never answer for the other's evidence.
    """
    rows = store.query("SELECT rp.sha256, p.sha256 IS NULL FROM record_photos rp"
                       " LEFT JOIN photos p ON p.sha256 = rp.sha256 WHERE rp.record_ref=?"
                       " ORDER BY rp.sha256", (ref,))   # one query: every upload answers this
    missing = [sha for sha, absent in rows if absent]
    return {"complete": not missing, "photos_cited": len(rows), "photos_missing": missing}


def incomplete_records(store: OfficeStore) -> list[str]:
    """Refs of the records still waiting for a photo (for the office's housekeeping listing)."""
    return [r[0] for r in store.query(
        "SELECT DISTINCT rp.record_ref FROM record_photos rp LEFT JOIN photos p"
        " ON p.sha256 = rp.sha256 WHERE p.sha256 IS NULL ORDER BY rp.record_ref")]


def has_photo(store: OfficeStore, sha256: str) -> bool:
    return store.query_one("SELECT 1 FROM photos WHERE sha256=?",
                              (sha256,)) is not None


def photo_for(store: OfficeStore, sha256: str, who: Supervisor) -> bytes | None:
    """The bytes if a record `who` may see cites them; None otherwise (or not yet received)."""
    if who.sees_all:
        visible = store.query_one("SELECT 1 FROM record_photos WHERE sha256=? LIMIT 1",
                                     (sha256,))
    else:
        visible = store.query_one(
            "SELECT 1 FROM record_photos rp JOIN records r ON r.ref = rp.record_ref"
            " WHERE rp.sha256=? AND r.district=? LIMIT 1", (sha256, who.district))
    if visible is None:
        return None
    row = store.query_one("SELECT data FROM photos WHERE sha256=?", (sha256,))
    return None if row is None else bytes(row[0])


@router.put("/api/v1/photos/{sha256}",
            responses={201: {"model": PhotoStored, "description": "stored"},
                       200: {"model": PhotoStored, "description": "already stored"},
                       **refusals(400, 401, 413, 422, s400="the upload was cut off",
                                  s401="unknown or revoked device",
                                  s413=f"larger than {MAX_PHOTO_BYTES} bytes",
                                  s422="the bytes do not have the SHA-256 of the address "
                                       "(`hash_mismatch`) or are not a JPEG (`not_jpeg`); "
                                       "or the address is not 64 lower-case hex digits")},
            openapi_extra={"requestBody": {"required": True, "content": {
                "image/jpeg": {"schema": {"type": "string", "format": "binary"}}}}})
async def put_photo(request: Request, sha256: Sha256) -> Response:
    store: OfficeStore = request.app.state.store
    device = await run_in_threadpool(device_from_request, request, store)
    too_big = PhotoRejected(413, "too_large", f"照片超过办公室的大小上限（{MAX_PHOTO_BYTES} 字节）",
                            f"the photo is larger than the office's limit ({MAX_PHOTO_BYTES} "
                            "bytes)")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_PHOTO_BYTES:
        return JSONResponse(status_code=413, content=too_big.body(sha256))
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_PHOTO_BYTES:
                return JSONResponse(status_code=413, content=too_big.body(sha256))
            chunks.append(chunk)
    except ClientDisconnect:
        return Response(status_code=400)
    try:
        created = await run_in_threadpool(store_photo, store, sha256, b"".join(chunks), "upload",
                                          device.device_id)
    except PhotoRejected as rej:
        return JSONResponse(status_code=rej.status, content=rej.body(sha256))
    return JSONResponse(status_code=201 if created else 200, content={
        "sha256": sha256, "size": size,
        "status": "created" if created else "already_present"})


@router.get("/api/v1/photos/{sha256}", response_class=Response,
            responses={200: {"content": {JPEG_MIME: {}}, "description": "the photo's bytes"},
                       **refusals(401, 404, 422,
                                  s404="no such photo among the records you may see, or not "
                                       "received yet",
                                  s422="the address is not 64 lower-case hex digits")})
def get_photo(sha256: Sha256, who: Annotated[Supervisor, Depends(require_supervisor)],
              store: Annotated[OfficeStore, Depends(office_store)]) -> Response:
    data = photo_for(store, sha256, who)
    if data is None:
        raise HTTPException(404, detail={"error": "not_found",
                                         "reason": "no such photo (or not received yet)",
                                         "reason_zh": "没有这张照片（或尚未收到）"})
    return Response(content=data, media_type=JPEG_MIME,
                    headers={"ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000, "
                             "immutable"})
