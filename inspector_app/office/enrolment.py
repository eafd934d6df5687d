"""`POST /api/v1/enrollments`: a laptop proves it holds its device key and gets a credential.

The request carries the one-time code (`inspector-office enrollment-code`), the device id and
public key, and `proof`: the device key's signature over the code, id and key
(`seal.enrolment_proof`). The checks are in `OfficeStore.enroll`, so the CLI and tests cannot
skip them: a wrong or missing proof is 403 `proof_invalid` (the code stays unspent); a device
that already holds a credential is 409 `already_enrolled` unless an administrator allowed one
re-enrolment (`inspector-office allow-reenrolment`), and the refusal is logged. The answer tells
the laptop the office's public address (`serve --public-url`, else null) for its slips' QR links,
and the office's ticket key (`ticket_key`: {key_id, public_key}, `office.office_key`), which the
laptop pins to check the signatures on the tickets dispatched to it, and the inspector the
laptop is now enrolled for (`inspector`, null for nobody): a laptop re-enrolled for another
inspector takes the previous one's assignments off its list (`store.assignments.enrolled_for`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from inspector_app.office.auth import office_store
from inspector_app.office.bounded_body import BoundedJsonRoute
from inspector_app.office.errors import refusals
from inspector_app.office.no_nul import NO_NUL
from inspector_app.office.office_key import public_office_key
from inspector_app.office.store import EnrollmentError, OfficeStore

SERVICE_NAME = "inspector-office"
DEVICE_ID_PATTERN = r"^[0-9a-f]{16}$"
PUBLIC_KEY_PATTERN = r"^[A-Za-z0-9+/]{43}=$"  # base64 of 32 raw bytes
PROOF_PATTERN = r"^[A-Za-z0-9+/]{86}==$"  # base64 of a 64-byte Ed25519 signature

router = APIRouter(tags=["devices"], route_class=BoundedJsonRoute)


class EnrollmentRequest(BaseModel):
    code: str = Field(max_length=100, pattern=NO_NUL,
                      description="one-time enrolment code from `inspector-office enrollment-code`")
    device_id: str = Field(pattern=DEVICE_ID_PATTERN,
                           description="first 16 hex of sha256(public key)")
    public_key: str = Field(pattern=PUBLIC_KEY_PATTERN,
                            description="base64 raw Ed25519 public key")
    proof: str = Field(pattern=PROOF_PATTERN, description=(
        "base64 Ed25519 signature by the device key over sha256 of the lines "
        "'heating-inspector-enrolment/1', the code (upper case, letters and digits only), "
        "device_id, public_key, joined by '\\n'"))
    label: str = Field("", max_length=200, pattern=NO_NUL,
                       description="a name for the laptop, for people")


class EnrollmentResponse(BaseModel):
    device_id: str
    token: str = Field(description="bearer token; shown once, stored hashed at the office")
    office: dict[str, Any]


@router.post("/api/v1/enrollments", status_code=201, response_model=EnrollmentResponse,
             responses=refusals(
                 400, 403, 409, 413, 422,
                 s403="code wrong, used or expired (`code_unknown`, `code_used`, `code_expired`),"
                      " the device revoked (`device_revoked`), or the proof not made by this"
                      " device's key (`proof_invalid`; the code stays unspent)",
                 s409="the device is already enrolled and no administrator allowed a"
                      " re-enrolment (`already_enrolled`; the refusal is logged)",
                 s422="not valid, or the device id does not match the key (`key_mismatch`)"))
def enroll(req: EnrollmentRequest, request: Request,
           store: Annotated[OfficeStore, Depends(office_store)]) -> EnrollmentResponse:
    try:
        token = store.enroll(req.code, req.device_id, req.public_key, req.proof, req.label)
    except EnrollmentError as exc:
        raise HTTPException(exc.status, detail={"error": exc.code, "reason": exc.en,
                                                "reason_zh": exc.zh}) from exc
    inspector = store.scalar("SELECT inspector FROM devices WHERE device_id=?",
                             (req.device_id,)) or None
    return EnrollmentResponse(device_id=req.device_id, token=token,
                              office={"service": SERVICE_NAME,
                                      "training": bool(request.app.state.training),
                                      "public_url": request.app.state.public_url,
                                      "ticket_key": public_office_key(store),
                                      "inspector": inspector})
