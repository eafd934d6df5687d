"""Laptops at the office: one-time enrolment codes, enrolment with the device key's proof,
re-enrolment only by an administrator's leave, revocation, and the log of all of them.

Enrolment (`enroll`) needs the device key's signature over the code
(`seal.enrolment_proof`); a device holding a credential re-enrols only with an administrator's
leave (`allow_reenrolment`), and every enrolment, refusal, leave and revocation is a
`device_events` row with who and when. The code is spent in the same transaction, under a lock
on it, so two office processes cannot both accept one code.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector_app.office.db import Database
from inspector_app.office.values import now_iso, secret_hash, utc_iso
from inspector_app.seal.device_key import device_id_for
from inspector_app.seal.enrolment_proof import normalise_code, proof_is_valid

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or typed from paper


@dataclass
class Device:
    device_id: str
    public_key: str
    label: str
    enrolled_via: str
    enrolled_at: str
    revoked_at: str | None
    revoked_reason: str
    last_seen_at: str | None
    can_upload: bool = False
    inspector: str | None = None    # the inspector account it was enrolled for (its tickets)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_DEVICE_COLS = ("device_id, public_key, label, enrolled_via, enrolled_at, revoked_at,"
                " revoked_reason, last_seen_at, token_hash IS NOT NULL, inspector")


def _device(row: tuple) -> Device:
    return Device(*row[:8], can_upload=bool(row[8]), inspector=row[9])


class EnrollmentError(Exception):
    """A refused enrolment, with words for the person at the laptop and an HTTP status."""

    def __init__(self, code: str, zh: str, en: str, status: int = 403) -> None:
        super().__init__(en)
        self.code, self.zh, self.en, self.status = code, zh, en, status


class DeviceStore:
    """Devices, enrolment codes and the device log (a part of `OfficeStore`)."""

    db: Database

    # -- enrolment -----------------------------------------------------------------------------
    def new_enrollment_code(self, ttl: timedelta = timedelta(hours=24),
                            inspector: str | None = None) -> tuple[str, datetime]:
        """A one-time code for one laptop; only its hash is kept.

        With `inspector` (an enabled inspector account) the laptop enrolled with it belongs to
        that inspector and pulls the tickets assigned to them; `EnrollmentError`
        ('no_such_inspector') for any other name.
        """
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        expires = datetime.now(UTC) + ttl
        with self.db.write() as c:
            if inspector is not None:
                found = c.execute("SELECT role FROM users WHERE name=? AND disabled_at IS NULL",
                                  (inspector,)).fetchone()
                if found is None or found[0] != "inspector":
                    raise EnrollmentError(
                        "no_such_inspector",
                        f"没有检测员账号 {inspector}（先用 inspector-office add-user {inspector} "
                        "--role inspector --district 区 创建）",
                        f"no inspector account {inspector} (create it first: inspector-office "
                        f"add-user {inspector} --role inspector --district DISTRICT)", status=422)
            c.execute("INSERT INTO enrollment_codes (code_hash, created_at, expires_at, inspector)"
                      " VALUES (?,?,?,?)", (secret_hash(raw), now_iso(), utc_iso(expires),
                                            inspector))
        return code, expires

    def enroll(self, code: str, device_id: str, public_key: str, proof: str,
               label: str = "") -> str:
        """Spend `code` to register the device key; returns the bearer token (shown once).

        `proof` is the device key's signature over the code (`seal.enrolment_proof`): a public
        key alone, which every record carries, enrols nobody. A device that already holds a
        credential is re-enrolled only with an administrator's leave (`allow_reenrolment`),
        which is spent; a refusal of that kind is logged (`device_events`) and leaves the code
        unspent. A revoked device never enrols again.
        """
        try:
            derived = device_id_for(public_key)
        except (ValueError, TypeError):
            derived = None
        if derived != device_id:
            raise EnrollmentError("key_mismatch", "设备编号与公钥不符",
                                  "device id and public key disagree", status=422)
        if not proof_is_valid(code, device_id, public_key, proof):
            raise EnrollmentError(
                "proof_invalid", "注册请求没有本机设备密钥的签名（或签名不对）：只有持有私钥的电脑才能注册",
                "the enrolment is not signed by this device's key: only the laptop holding the "
                "private key can enrol")
        code_hash = secret_hash(normalise_code(code))
        token = secrets.token_urlsafe(32)
        refusal: EnrollmentError | None = None
        with self.db.write() as c:
            c.lock("enrolment")   # a code is spent, and a device enrolled, by one writer
            row = c.execute("SELECT expires_at, used_at, inspector FROM enrollment_codes"
                            " WHERE code_hash=?", (code_hash,)).fetchone()
            if row is None:
                raise EnrollmentError("code_unknown", "注册码不正确", "the enrolment code is wrong")
            if row[1] is not None:
                raise EnrollmentError("code_used", "注册码已经用过（每个注册码只能用一次）",
                                      "the enrolment code has already been used (one use each)")
            if row[0] < utc_iso(datetime.now(UTC)):
                raise EnrollmentError("code_expired", "注册码已过期，请向办公室索取新的注册码",
                                      "the enrolment code has expired; ask the office for a new one")
            existing = c.execute("SELECT device_id, public_key, revoked_at, token_hash"
                                 " FROM devices WHERE device_id=? OR public_key=?",
                                 (device_id, public_key)).fetchone()
            event, by, detail = "enrolled", "laptop", label
            if existing is not None:
                if existing[2] is not None:
                    raise EnrollmentError(
                        "device_revoked", "该设备已被注销，不能重新注册",
                        "this device has been revoked and cannot enrol again")
                if existing[0] != device_id or existing[1] != public_key:
                    raise EnrollmentError(
                        "key_mismatch", "设备编号与公钥不符", "device id and public key disagree")
                if existing[3] is not None:
                    leave = c.execute(
                        "SELECT id, allowed_by, reason FROM reenrolment_allowances"
                        " WHERE device_id=? AND used_at IS NULL AND expires_at >= ?"
                        " ORDER BY id LIMIT 1",
                        (device_id, utc_iso(datetime.now(UTC)))).fetchone()
                    if leave is None:
                        refusal = EnrollmentError(
                            "already_enrolled",
                            "该设备已经注册过：重新注册需要管理员先执行"
                            " inspector-office allow-reenrolment 明确准许",
                            "this device is already enrolled: enrolling it again needs an "
                            "administrator's leave first (inspector-office allow-reenrolment)",
                            status=409)
                        c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                                  " VALUES (?, 'enrolment_refused', 'laptop', ?, ?)",
                                  (device_id, now_iso(), "already enrolled, no leave"))
                    else:
                        c.execute("UPDATE reenrolment_allowances SET used_at=? WHERE id=?",
                                  (now_iso(), leave[0]))
                        event, by, detail = "reenrolled", leave[1], leave[2]
                if refusal is None:   # a code made for no inspector keeps the laptop's link
                    c.execute("UPDATE devices SET token_hash=?, label=?, enrolled_via='code',"
                              " enrolled_at=?, inspector=COALESCE(?, inspector)"
                              " WHERE device_id=?",
                              (secret_hash(token), label, now_iso(), row[2], device_id))
            else:
                c.execute("INSERT INTO devices (device_id, public_key, token_hash, label,"
                          " enrolled_via, enrolled_at, inspector) VALUES (?,?,?,?,'code',?,?)",
                          (device_id, public_key, secret_hash(token), label, now_iso(), row[2]))
            if refusal is None:
                c.execute("UPDATE enrollment_codes SET used_at=?, used_by=? WHERE code_hash=?",
                          (now_iso(), device_id, code_hash))
                c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                          " VALUES (?,?,?,?,?)", (device_id, event, by, now_iso(), detail))
        if refusal is not None:
            raise refusal
        return token

    def allow_reenrolment(self, device_id: str, by: str, reason: str = "",
                          ttl: timedelta = timedelta(hours=24)) -> datetime:
        """An administrator's leave for one re-enrolment of an enrolled device (logged with
        who and when); returns when it lapses. KeyError: no such device; ValueError: revoked."""
        if not by.strip():
            raise ValueError("say who allows it")
        expires = datetime.now(UTC) + ttl
        with self.db.write() as c:
            row = c.execute("SELECT revoked_at FROM devices WHERE device_id=?",
                            (device_id,)).fetchone()
            if row is None:
                raise KeyError(device_id)
            if row[0] is not None:
                raise ValueError("a revoked device cannot enrol again")
            c.execute("INSERT INTO reenrolment_allowances (device_id, allowed_by, allowed_at,"
                      " expires_at, reason) VALUES (?,?,?,?,?)",
                      (device_id, by, now_iso(), utc_iso(expires), reason))
            c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                      " VALUES (?, 'reenrolment_allowed', ?, ?, ?)",
                      (device_id, by, now_iso(), f"until {utc_iso(expires)}; {reason}"))
        return expires

    def device_events(self, device_id: str | None = None) -> list[dict[str, Any]]:
        """The device log, oldest first: enrolled, reenrolment_allowed, reenrolled,
        enrolment_refused, revoked (with who, when and a detail)."""
        cols = ("id", "device_id", "event", "by", "at", "detail")
        where, params = ("WHERE device_id=?", [device_id]) if device_id else ("", [])
        return [dict(zip(cols, r, strict=True)) for r in self.db.query(
            f"SELECT {', '.join(cols)} FROM device_events {where} ORDER BY id", params)]

    def admit_device(self, device_id: str, public_key: str, label: str = "") -> Device:
        """Register a device seen first in a bundle the operator vouched for (cannot upload)."""
        with self.db.write() as c:
            c.execute("INSERT INTO devices (device_id, public_key, label, enrolled_via,"
                      " enrolled_at) VALUES (?,?,?,'bundle',?) ON CONFLICT DO NOTHING",
                      (device_id, public_key, label, now_iso()))
        device = self.device(device_id)
        assert device is not None
        return device

    def device(self, device_id: str) -> Device | None:
        row = self.db.query_one(f"SELECT {_DEVICE_COLS} FROM devices WHERE device_id=?",
                                (device_id,))
        return _device(row) if row else None

    def devices(self) -> list[Device]:
        return [_device(r) for r in self.db.query(
            f"SELECT {_DEVICE_COLS} FROM devices ORDER BY enrolled_at, device_id")]

    def authenticate_device(self, device_id: str, token: str) -> Device | None:
        """The enrolled, unrevoked device whose token this is; None for anything else."""
        row = self.db.query_one(f"SELECT {_DEVICE_COLS}, token_hash FROM devices"
                                " WHERE device_id=?", (device_id,))
        if row is None or row[10] is None or row[5] is not None:
            return None
        if not hmac.compare_digest(row[10], secret_hash(token)):
            return None
        return _device(row[:10])

    def touch_device(self, device_id: str) -> None:
        with self.db.write() as c:
            c.execute("UPDATE devices SET last_seen_at=? WHERE device_id=?", (now_iso(), device_id))

    def revoke_device(self, device_id: str, reason: str = "", by: str = "admin") -> bool:
        with self.db.write() as c:
            cur = c.execute("UPDATE devices SET revoked_at=?, revoked_reason=?, token_hash=NULL"
                            " WHERE device_id=? AND revoked_at IS NULL",
                            (now_iso(), reason, device_id))
            if cur.rowcount == 1:
                c.execute("INSERT INTO device_events (device_id, event, by, at, detail)"
                          " VALUES (?, 'revoked', ?, ?, ?)", (device_id, by, now_iso(), reason))
        return cur.rowcount == 1

