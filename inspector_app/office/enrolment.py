"""`POST /api/v1/enrollments`: a laptop proves it holds its device key and gets a credential.

The request carries the one-time code (`inspector-office enrollment-code`), the device id and
public key, and `proof`: the device key's signature over the code, id and key
(`seal.enrolment_proof`). The checks are in `OfficeStore.enroll`, so the CLI and tests cannot
skip them: a wrong or missing proof is 403 `proof_invalid` (the code stays unspent); a device
that already holds a credential is 409 `already_enrolled` unless an administrator allowed one
re-enrolment (`inspector-office allow-reenrolment`), and the refusal is logged.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from inspector_app.office.auth import office_store
from inspector_app.office.store import EnrollmentError, OfficeStore

SERVICE_NAME = "inspector-office"

router = APIRouter(tags=["devices"])


class EnrollmentRequest(BaseModel):
    code: str = Field(max_length=100,
                      description="one-time enrolment code from `inspector-office enrollment-code`")
    device_id: str = Field(max_length=64, description="first 16 hex of sha256(public key)")
    public_key: str = Field(max_length=100, description="base64 raw Ed25519 public key")
    proof: str = Field(max_length=200, description=(
        "base64 Ed25519 signature by the device key over sha256 of the lines "
        "'heating-inspector-enrolment/1', the code (upper case, letters and digits only), "
        "device_id, public_key, joined by '\\n'"))
    label: str = Field("", max_length=200, description="a name for the laptop, for people")


class EnrollmentResponse(BaseModel):
    device_id: str
    token: str = Field(description="bearer token; shown once, stored hashed at the office")
    office: dict[str, Any]


@router.post("/api/v1/enrollments", status_code=201, response_model=EnrollmentResponse,
             responses={403: {"description": "code wrong, used or expired; or proof invalid"},
                        409: {"description": "device already enrolled (an admin must allow)"},
                        422: {"description": "device id does not match key"}})
def enroll(req: EnrollmentRequest, request: Request,
           store: Annotated[OfficeStore, Depends(office_store)]) -> EnrollmentResponse:
    try:
        token = store.enroll(req.code, req.device_id, req.public_key, req.proof, req.label)
    except EnrollmentError as exc:
        raise HTTPException(exc.status, detail={"error": exc.code, "reason": exc.en,
                                                "reason_zh": exc.zh}) from exc
    return EnrollmentResponse(device_id=req.device_id, token=token,
                              office={"service": SERVICE_NAME,
                                      "training": bool(request.app.state.training)})
