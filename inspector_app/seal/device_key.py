"""This laptop's Ed25519 device key: made on first use, readable by the user only.

The private key lives in the data folder as PKCS8 PEM with mode 0600; the public key beside it.
A key file that others may read, or that does not parse, is refused rather than used or silently
replaced: a replaced key would start a new chain and hide the old one.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.core.errors import InspectionError

PRIVATE_KEY_FILENAME = "device_key.pem"
PUBLIC_KEY_FILENAME = "device_key.pub"


class DeviceKeyError(InspectionError):
    """The device key cannot be used: unsafe permissions, corrupt file, wrong type."""


def device_id_for(public_key: bytes | str) -> str:
    """First 16 hex of sha256(raw 32-byte public key); accepts raw bytes or base64."""
    raw = base64.b64decode(public_key, validate=True) if isinstance(public_key, str) else public_key
    return hashlib.sha256(raw).hexdigest()[:16]


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    """Parse a base64 raw public key; ValueError if it is not one."""
    raw = base64.b64decode(text, validate=True)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def verify_digest(public_key_b64: str, digest: bytes, signature_b64: str) -> bool:
    """True when `signature_b64` is the key's Ed25519 signature over `digest`."""
    try:
        key = public_key_from_b64(public_key_b64)
        key.verify(base64.b64decode(signature_b64, validate=True), digest)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


class DeviceKey:
    """A device's signing key; `sign` takes the 32-byte SHA-256 digest of a record."""

    def __init__(self, private_key: Ed25519PrivateKey, path: Path | None = None) -> None:
        self._key = private_key
        self.path = path
        self.public_key_raw = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @classmethod
    def generate(cls) -> DeviceKey:
        """A fresh key in memory (tests; `load_or_create` for the real one)."""
        return cls(Ed25519PrivateKey.generate())

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(self.public_key_raw).decode("ascii")

    @property
    def device_id(self) -> str:
        return device_id_for(self.public_key_raw)

    def device_dict(self) -> dict[str, str]:
        """The `device` object of a record."""
        return {"device_id": self.device_id, "public_key": self.public_key_b64}

    def sign(self, digest: bytes) -> bytes:
        if len(digest) != 32:
            raise ValueError("sign the 32-byte SHA-256 digest, not the record")
        return self._key.sign(digest)

    def sign_b64(self, digest: bytes) -> str:
        return base64.b64encode(self.sign(digest)).decode("ascii")

    def private_pem(self) -> bytes:
        return self._key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption())

    def public_pem(self) -> bytes:
        return self._key.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)


def _check_private_file(path: Path) -> None:
    if os.name != "posix":
        return
    st = path.stat()
    if st.st_mode & 0o077:
        mode = oct(stat.S_IMODE(st.st_mode))
        raise DeviceKeyError(
            f"设备私钥文件 {path} 的权限为 {mode}，其他用户可读：请执行 chmod 600 后重试",
            f"the device private key {path} has mode {mode} and others may read it: "
            "run chmod 600 on it and try again", field="device_key")
    if st.st_uid != os.getuid():
        raise DeviceKeyError(f"设备私钥文件 {path} 不属于当前用户",
                             f"the device private key {path} belongs to another user",
                             field="device_key")


def load_device_key(folder: Path) -> DeviceKey | None:
    """The key stored in `folder`, or None when this laptop has none yet."""
    path = Path(folder) / PRIVATE_KEY_FILENAME
    if not path.exists():
        return None
    _check_private_file(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, OSError) as exc:
        raise DeviceKeyError(f"设备私钥文件 {path} 已损坏，无法读取",
                             f"the device private key {path} is corrupt: {exc}",
                             field="device_key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise DeviceKeyError(f"设备私钥文件 {path} 不是 Ed25519 密钥",
                             f"the device private key {path} is not an Ed25519 key",
                             field="device_key")
    device = DeviceKey(key, path)
    pub = path.with_name(PUBLIC_KEY_FILENAME)
    if not pub.exists():
        _write_public(device, pub)
    elif pub.read_bytes() != device.public_pem():
        raise DeviceKeyError(f"设备公钥文件 {pub} 与私钥不匹配",
                             f"the device public key {pub} does not match the private key",
                             field="device_key")
    return device


def load_or_create_device_key(folder: Path) -> DeviceKey:
    """The laptop's key, made on first use; safe against two processes creating it at once."""
    folder = Path(folder)
    existing = load_device_key(folder)
    if existing is not None:
        return existing
    folder.mkdir(parents=True, exist_ok=True)
    device = DeviceKey.generate()
    final = folder / PRIVATE_KEY_FILENAME
    tmp = folder / f".{PRIVATE_KEY_FILENAME}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)  # left by a crashed run of this same pid
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(device.private_pem())
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, final)  # fails if another process won the race: use its key then
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not final.exists():
                os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    loaded = load_device_key(folder)
    assert loaded is not None
    return loaded


def _write_public(device: DeviceKey, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(device.public_pem())
    os.replace(tmp, path)
