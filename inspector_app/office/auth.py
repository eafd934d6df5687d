"""Who is calling: an enrolled laptop (device token) or a supervisor (admin token for now).

Devices send `Authorization: Bearer <token>` and `X-Device-Id: <device id>`; the token was issued
once at enrolment and only its hash is stored. Naming the device as well as presenting the token
lets the office tell "unknown device" from "wrong token" in its log without a token lookup table.

Supervisors: until accounts with argon2 passwords arrive, a bearer admin token printed by
`inspector-office admin-token` opens the review API. Everything downstream depends only on
`Supervisor` (a name to put in the audit trail), so an account login can replace
`require_supervisor` without touching the endpoints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inspector_app.office.store import Device, OfficeStore

DEVICE_HEADER = "X-Device-Id"
_bearer = HTTPBearer(auto_error=False, description="device token or supervisor token")


@dataclass(frozen=True)
class Supervisor:
    name: str


def office_store(request: Request) -> OfficeStore:
    return request.app.state.store


def _unauthorised(code: str, zh: str, en: str) -> HTTPException:
    return HTTPException(status_code=401, headers={"WWW-Authenticate": "Bearer"},
                         detail={"error": code, "reason": en, "reason_zh": zh})


def device_from_request(request: Request, store: OfficeStore) -> Device:
    """The calling device, or 401 for an unknown, revoked or wrongly credentialed one."""
    device_id = request.headers.get(DEVICE_HEADER, "").strip()
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if not device_id or scheme.lower() != "bearer" or not token.strip():
        raise _unauthorised("no_credential", "缺少设备凭证：请先用注册码注册本机",
                            "no device credential: enrol this laptop first")
    device = store.authenticate_device(device_id, token.strip())
    if device is None:
        known = store.device(device_id)
        if known is not None and known.revoked:
            raise _unauthorised("device_revoked", "本设备已被办公室注销，不能再上传",
                                "this device has been revoked by the office")
        raise _unauthorised("unknown_device", "办公室不认识本设备或凭证不正确：请重新注册",
                            "the office does not know this device or its credential")
    return device


def require_supervisor(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        store: Annotated[OfficeStore, Depends(office_store)]) -> Supervisor:
    """The review API's gate. Replace with an account login later; keep the return type."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorised("no_credential", "需要审核员登录", "supervisor login required")
    name = store.admin_token_label(credentials.credentials)
    if name is None:
        raise _unauthorised("bad_credential", "审核员凭证不正确", "the supervisor token is not valid")
    return Supervisor(name=name)
