"""API keys of the heating companies' monitoring platforms: one company each, hashed, revocable.

A platform pushes readings with `Authorization: Bearer KEY`; the office keeps only the key's
SHA-256 (a stolen database gives no working key) and which company it speaks for, so a platform
can file readings only for its own company's points. `key_id` names a key in lists and
revocations without showing it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inspector_app.core.errors import InspectionError
from inspector_app.office.values import now_iso, secret_hash

KEY_PREFIX = "hpk_"
_bearer = HTTPBearer(auto_error=False, description="a monitoring platform's API key")


class PlatformKeyRefusal(InspectionError):
    """A key the office will not make or revoke (no company, unknown key id)."""


@dataclass(frozen=True)
class NewKey:
    key_id: str
    company: str
    key: str          # shown once, never stored


def create_key(store: Any, company: str, by: str, label: str = "") -> NewKey:
    """A new key for `company`'s platform; the key itself is returned once and not kept."""
    company = company.strip()
    if not company:
        raise PlatformKeyRefusal("须写明供热企业名称", "the heating company must be named")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    key_id = "pk_" + secrets.token_hex(5)
    with store.db.write() as c:
        c.execute("INSERT INTO platform_keys (key_id, company, key_hash, label, created_by,"
                  " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                  (key_id, company, secret_hash(key), label.strip(), by, now_iso()))
    return NewKey(key_id, company, key)


def revoke_key(store: Any, key_id: str, by: str) -> dict[str, Any]:
    """Revoke `key_id` (again: unchanged); the key's row is kept for the record."""
    with store.db.write() as c:
        row = c.execute("SELECT company, revoked_at FROM platform_keys WHERE key_id=?",
                        (key_id,)).fetchone()
        if row is None:
            raise PlatformKeyRefusal(f"没有编号为 {key_id} 的平台密钥",
                                     f"there is no platform key {key_id}")
        if row[1] is None:
            c.execute("UPDATE platform_keys SET revoked_at=?, revoked_by=? WHERE key_id=?",
                      (now_iso(), by, key_id))
    return {"key_id": key_id, "company": row[0]}


def list_keys(store: Any) -> list[dict[str, Any]]:
    rows = store.db.query("SELECT key_id, company, label, created_by, created_at, revoked_at"
                          " FROM platform_keys ORDER BY company, created_at, key_id")
    cols = ("key_id", "company", "label", "created_by", "created_at", "revoked_at")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def company_of_key(store: Any, key: str) -> str | None:
    """The company a live key speaks for, None for an unknown or revoked key."""
    row = store.db.query_one("SELECT company FROM platform_keys WHERE key_hash=?"
                             " AND revoked_at IS NULL", (secret_hash(key),))
    return None if row is None else str(row[0])


def require_platform(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        request: Request) -> str:
    """The ingestion endpoints' gate: the company of the platform key presented, else 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorised("no_credential", "需要监测平台密钥（Authorization: Bearer）",
                            "a monitoring platform key is required (Authorization: Bearer)")
    company = company_of_key(request.app.state.store, credentials.credentials.strip())
    if company is None:
        raise _unauthorised("bad_platform_key", "监测平台密钥不正确或已被吊销",
                            "the monitoring platform key is not valid or has been revoked")
    return company


def _unauthorised(code: str, zh: str, en: str) -> HTTPException:
    return HTTPException(status_code=401, headers={"WWW-Authenticate": "Bearer"},
                         detail={"error": code, "reason": en, "reason_zh": zh})
