"""Who is calling: an enrolled laptop (device token) or a supervisor (admin token for now).

Devices send `Authorization: Bearer <token>` and `X-Device-Id: <device id>`; the token was issued
once at enrolment and only its hash is stored. Naming the device as well as presenting the token
lets the office tell "unknown device" from "wrong token" in its log without a token lookup table.

People: accounts (`inspector-office add-user`) with argon2id password hashes log in at
`POST /api/v1/login` and get a session bearer token (stored as a SHA-256 hash, with an expiry).
A `supervisor` account sees only its own district's records; an `admin` account sees all. The
older admin token (`inspector-office admin-token`) still works and acts as an admin. A device
token is neither, so it never opens the review API; nor does an `inspector` account (the name
tickets are assigned to), should a session of one ever exist: 403.

Guessing passwords is slowed down by `office.login_throttle.LoginThrottle` (counters in the
office database, locked per user name, a higher limit per client address).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inspector_app.office.store import Device, OfficeStore

DEVICE_HEADER = "X-Device-Id"
_bearer = HTTPBearer(auto_error=False, description="device token or supervisor token")


@dataclass(frozen=True)
class Supervisor:
    """Who is reviewing: the name goes into the audit trail; `district` limits a supervisor."""

    name: str
    role: str = "admin"
    district: str | None = None

    @property
    def sees_all(self) -> bool:
        return self.role == "admin"

    def may_see(self, district: str | None) -> bool:
        return self.sees_all or (district is not None and district == self.district)


_hasher = PasswordHasher()  # argon2id with argon2-cffi's RFC 9106 low-memory defaults
_DUMMY_HASH = _hasher.hash("not a password: evens out the time for unknown names")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(store: OfficeStore, name: str, password: str) -> dict | None:
    """The user if the password is right (rehashing on parameter change), else None."""
    user = store.user(name)
    try:
        _hasher.verify(user["password_hash"] if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user["password_hash"]):
        store.set_password_hash(name, _hasher.hash(password))
    return user


REVIEW_ROLES = ("supervisor", "admin")


def not_a_supervisor() -> HTTPException:
    """403 for an account that is not a supervisor's or an admin's (an inspector's)."""
    return HTTPException(status_code=403, detail={
        "error": "not_a_supervisor", "reason_zh": "检测员账户不能登录或使用审核接口",
        "reason": "an inspector account cannot log in to or use the review API"})


def too_many_attempts(seconds: float) -> HTTPException:
    wait = max(1, math.ceil(seconds))
    return HTTPException(status_code=429, headers={"Retry-After": str(wait)}, detail={
        "error": "too_many_attempts", "retry_after": wait,
        "reason": f"too many wrong passwords; try again in {wait} s",
        "reason_zh": f"密码错误次数过多，请 {wait} 秒后再试"})


def wrong_password() -> HTTPException:
    return _unauthorised("wrong_password", "用户名或密码不正确", "wrong user name or password")


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
    """The review API's gate: a session token of an account, or the (older) admin token."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorised("no_credential", "需要审核员登录", "supervisor login required")
    user = store.session_user(credentials.credentials)
    if user is not None and user["role"] not in REVIEW_ROLES:
        raise not_a_supervisor()
    if user is not None:
        return Supervisor(name=user["name"], role=user["role"], district=user["district"])
    name = store.admin_token_label(credentials.credentials)
    if name is None:
        raise _unauthorised("bad_credential", "审核员凭证不正确或登录已过期",
                            "the supervisor token is not valid or the session has expired")
    return Supervisor(name=name, role="admin")
