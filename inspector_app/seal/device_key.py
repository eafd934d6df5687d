"""This laptop's Ed25519 device key: made on first use, kept where a copy of the data folder
cannot take it along.

Where the system offers a key store (`seal.key_store`), the private key (PKCS8 PEM) lives there
and the data folder holds only the public key; a copied folder can then be verified but cannot
sign. Elsewhere the private key is a file in the data folder with mode 0600 (reported as "file
(no system key store)"). A key file that others may read or that does not parse, and a public key
whose private half is missing from the key store, are refused rather than used or silently
replaced: a replaced key would start a new chain and hide the old one.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.core.errors import InspectionError
from inspector_app.seal import key_store

PRIVATE_KEY_FILENAME = "device_key.pem"
PUBLIC_KEY_FILENAME = "device_key.pub"


KEY_STORE, FILE, MEMORY = "key_store", "file", "memory"
MISSING, UNREACHABLE, NONE = "missing", "unreachable", "none"  # verify: no usable key


class DeviceKeyError(InspectionError):
    """The device key cannot be used: unsafe permissions, corrupt file, wrong type."""


class DeviceKeyMissing(DeviceKeyError):
    """The data folder names a key kept in a key store that does not have it (a copied folder)."""


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

    def __init__(self, private_key: Ed25519PrivateKey, path: Path | None = None, *,
                 folder: Path | None = None, protection: str = MEMORY) -> None:
        self._key = private_key
        self.path = path
        self.folder = folder if folder is not None else (path.parent if path else None)
        self.protection = protection  # KEY_STORE, FILE or MEMORY (tests, never on disk)
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


def _parse_private(data: bytes, where: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise DeviceKeyError(f"设备私钥 {where} 已损坏，无法读取",
                             f"the device private key {where} is corrupt: {exc}",
                             field="device_key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise DeviceKeyError(f"设备私钥 {where} 不是 Ed25519 密钥",
                             f"the device private key {where} is not an Ed25519 key",
                             field="device_key")
    return key


def load_public_key(folder: Path) -> str | None:
    """The device's public key (base64 raw) from the data folder, without the private key."""
    folder = Path(folder)
    pub = folder / PUBLIC_KEY_FILENAME
    if pub.exists():
        try:
            key = serialization.load_pem_public_key(pub.read_bytes())
        except (ValueError, TypeError) as exc:
            raise DeviceKeyError(f"设备公钥文件 {pub} 已损坏", f"the device public key {pub} is "
                                 f"corrupt: {exc}", field="device_key") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise DeviceKeyError(f"设备公钥文件 {pub} 不是 Ed25519 公钥",
                                 f"the device public key {pub} is not an Ed25519 key",
                                 field="device_key")
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode("ascii")
    private = load_device_key(folder)
    return private.public_key_b64 if private else None


def load_device_key(folder: Path) -> DeviceKey | None:
    """The key of the data folder `folder`, or None when this laptop has none yet.

    Raises DeviceKeyMissing when the folder's public key names a key the key store lacks.
    """
    folder = Path(folder)
    path = folder / PRIVATE_KEY_FILENAME
    pub = path.with_name(PUBLIC_KEY_FILENAME)
    if path.exists():
        _check_private_file(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DeviceKeyError(f"设备私钥文件 {path} 无法读取", f"the device private key {path} "
                                 f"cannot be read: {exc}", field="device_key") from exc
        device = DeviceKey(_parse_private(data, str(path)), path, protection=FILE)
        if not pub.exists():
            _write_public(device, pub)
    elif pub.exists():
        public_b64 = load_public_key(folder)
        assert public_b64 is not None
        device_id = device_id_for(public_b64)
        try:
            text = key_store.read_private_pem(device_id)
        except key_store.KeyStoreUnreachable as exc:
            raise DeviceKeyError(
                f"本数据文件夹的设备密钥（设备 {device_id}）保存在系统密钥库中，但现在无法访问密钥库"
                "（没有登录桌面会话，或密钥库被锁定）：请在本机桌面登录并解锁密钥库后重试",
                f"the device key of this data folder (device {device_id}) is kept in the system "
                f"key store, which cannot be reached now ({exc}): sign in to this computer's "
                "desktop session and unlock the key store, then try again",
                field="device_key") from exc
        if text is None:
            raise DeviceKeyMissing(
                f"本数据文件夹的设备密钥（设备 {device_id}）保存在签发它的电脑的系统密钥库中，"
                "本机的系统密钥库里没有：数据文件夹可能是从另一台电脑复制的，或密钥库被重置。"
                "已签封的记录仍可用 inspector-app verify 校验，但本机不能签封新记录；"
                "请报告区供热办公室，不要删除任何文件。",
                f"the device key of this data folder (device {device_id}) is kept in the system "
                "key store of the computer it was made on, and this computer's key store does not "
                "have it: the folder was copied from another computer, or the key store was "
                "reset. Sealed records can still be checked with inspector-app verify, but this "
                "laptop cannot seal new ones; report it to the district office and delete "
                "nothing.", field="device_key")
        device = DeviceKey(_parse_private(text.encode("utf-8"), f"({key_store.SERVICE})"),
                           folder=folder, protection=KEY_STORE)
    else:
        return None
    if pub.read_bytes() != device.public_pem():
        raise DeviceKeyError(f"设备公钥文件 {pub} 与私钥不匹配",
                             f"the device public key {pub} does not match the private key",
                             field="device_key")
    return device


def load_or_create_device_key(folder: Path) -> DeviceKey:
    """The laptop's key, made on first use (in the key store when there is one, else a file);
    safe against two processes creating it at once. A new key starts its chain head at 0."""
    from inspector_app.seal.chain_head import write_genesis

    folder = Path(folder)
    existing = load_device_key(folder)
    if existing is not None:
        return existing
    folder.mkdir(parents=True, exist_ok=True)
    device = DeviceKey.generate()
    if key_store.store_private_pem(device.device_id, device.private_pem().decode("ascii")):
        if not _create_exclusively(folder / PUBLIC_KEY_FILENAME, device.public_pem(), 0o644):
            key_store.forget_private_pem(device.device_id)  # another process won: use its key
    else:
        _create_exclusively(folder / PRIVATE_KEY_FILENAME, device.private_pem(), 0o600)
    loaded = load_device_key(folder)
    assert loaded is not None
    write_genesis(loaded)
    return loaded


def _create_exclusively(final: Path, data: bytes, mode: int) -> bool:
    """Write `final` whole (temp file, fsync, hard link); False when it already existed."""
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)  # left by a crashed run of this same pid
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, final)  # fails if another process won the race
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if final.exists():
                return False
            os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _write_public(device: DeviceKey, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(device.public_pem())
    os.replace(tmp, path)


@dataclass(frozen=True)
class KeyProtection:
    """Where the device key is kept, for `verify` to report: KEY_STORE, FILE, MISSING or NONE."""

    kind: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


def key_protection(folder: Path) -> KeyProtection:
    """How the data folder's key is protected, without using it."""
    folder = Path(folder)
    backend = key_store.usable_backend()
    if (folder / PRIVATE_KEY_FILENAME).exists():
        if backend is None:
            return KeyProtection(FILE, "文件（无系统密钥库）", "file (no system key store)")
        return KeyProtection(FILE, "文件（在数据文件夹中：生成此密钥时没有使用系统密钥库）",
                             "file (in the data folder: the key was made without the system "
                             "key store)")
    public = load_public_key(folder)
    if public is None:
        return KeyProtection(NONE, "本机还没有设备密钥", "no device key yet")
    try:
        text = key_store.read_private_pem(device_id_for(public))
    except key_store.KeyStoreUnreachable:
        return KeyProtection(UNREACHABLE, "系统密钥库（现在无法访问：请登录桌面并解锁密钥库）",
                             "system key store (not reachable now: sign in to the desktop and "
                             "unlock the key store)")
    if text is None:
        return KeyProtection(MISSING, "系统密钥库中没有本数据文件夹的设备密钥（文件夹可能是从另一台"
                             "电脑复制的）：可以校验，不能签封",
                             "the system key store has no device key for this data folder "
                             "(copied from another computer?): records can be checked, not "
                             "sealed")
    name = key_store.backend_name(backend)
    return KeyProtection(KEY_STORE, f"系统密钥库（{name}）", f"system key store ({name})")
