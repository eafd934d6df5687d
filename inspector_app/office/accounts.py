"""Who acts at the office: administrator tokens, supervisor and admin accounts, sessions.

An `inspector` account is a name tickets are assigned to and laptops are enrolled for; it never
opens the review API (`office.auth.require_supervisor` refuses its session), so its password
hash may be unusable.

Secrets are stored only as SHA-256 hashes (tokens are long random strings, so a fast hash is
enough); people's passwords are argon2id hashes made in `office.auth`. Sessions live in the
database, so any office process accepts a session another one opened.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector_app.office.db import Database
from inspector_app.office.values import now_iso, secret_hash, utc_iso

ROLES = ("supervisor", "admin", "inspector")
SESSION_TTL = timedelta(hours=12)


class AccountStore:
    """Admin tokens, accounts and sessions (a part of `OfficeStore`)."""

    db: Database

    # -- supervisors (admin token until accounts arrive) -----------------------------------------
    def new_admin_token(self, label: str = "") -> str:
        token = secrets.token_urlsafe(32)
        with self.db.write() as c:
            c.execute("INSERT INTO admin_tokens (token_hash, label, created_at) VALUES (?,?,?)",
                      (secret_hash(token), label, now_iso()))
        return token

    def admin_token_label(self, token: str) -> str | None:
        """The label of a valid admin token (who is acting), else None."""
        row = self.db.query_one("SELECT label FROM admin_tokens WHERE token_hash=?"
                                " AND revoked_at IS NULL", (secret_hash(token),))
        return None if row is None else (row[0] or "admin")

    # -- accounts ------------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str,
                 district: str | None = None) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        if role in ("supervisor", "inspector") and not district:
            raise ValueError(f"a {role} needs a district")
        with self.db.write() as c:
            c.execute("INSERT INTO users (name, role, district, password_hash, created_at)"
                      " VALUES (?,?,?,?,?)", (name, role, district or None, password_hash,
                                              now_iso()))

    def user(self, name: str) -> dict[str, Any] | None:
        row = self.db.query_one("SELECT name, role, district, password_hash FROM users"
                                " WHERE name=? AND disabled_at IS NULL", (name,))
        return None if row is None else dict(zip(("name", "role", "district", "password_hash"),
                                                 row, strict=True))

    def set_password_hash(self, name: str, password_hash: str) -> None:
        with self.db.write() as c:
            c.execute("UPDATE users SET password_hash=? WHERE name=?", (password_hash, name))

    def new_session(self, name: str, ttl: timedelta = SESSION_TTL) -> tuple[str, datetime]:
        """A bearer token for `name` (shown once; only its hash is kept) and its expiry."""
        token = secrets.token_urlsafe(32)
        expires = datetime.now(UTC) + ttl
        with self.db.write() as c:
            c.execute("DELETE FROM sessions WHERE expires_at < ?", (utc_iso(datetime.now(UTC)),))
            c.execute("INSERT INTO sessions (token_hash, user_name, created_at, expires_at)"
                      " VALUES (?,?,?,?)", (secret_hash(token), name, now_iso(),
                                            utc_iso(expires)))
        return token, expires

    def session_user(self, token: str) -> dict[str, Any] | None:
        """The live (unexpired, enabled) user of a session token, else None."""
        row = self.db.query_one(
            "SELECT u.name, u.role, u.district FROM sessions s JOIN users u ON u.name=s.user_name"
            " WHERE s.token_hash=? AND s.expires_at >= ? AND u.disabled_at IS NULL",
            (secret_hash(token), utc_iso(datetime.now(UTC))))
        return None if row is None else dict(zip(("name", "role", "district"), row,
                                                 strict=True))

    def end_session(self, token: str) -> None:
        with self.db.write() as c:
            c.execute("DELETE FROM sessions WHERE token_hash=?", (secret_hash(token),))

