"""The system key store (Windows DPAPI, macOS Keychain, Linux Secret Service) through `keyring`.

Why: a private key in the data folder travels with every copy of that folder, and whoever has
the copy can re-sign an edited record or chain head. A key kept in the login's key store stays
on this computer and this account. Where no usable store exists (a headless Linux, a locked-down
service account) the caller falls back to the key file and says so.
"""

from __future__ import annotations

import contextlib
from typing import Any

import keyring
import keyring.errors

SERVICE = "heating-inspector"
# A backend below this priority is a stand-in, not a key store: keyring's `fail` (0) and `null`
# (-1) backends, or keyrings.alt's plaintext file (0.5) which is no better than our key file.
MIN_PRIORITY = 1


def _username(device_id: str) -> str:
    return f"device-key:{device_id}"


def usable_backend() -> Any | None:
    """The system key store when one is usable, else None."""
    try:
        backend = keyring.get_keyring()
        return backend if backend.priority >= MIN_PRIORITY else None
    except Exception:  # noqa: BLE001 - a backend's probe may raise anything (D-Bus, COM)
        return None


def backend_name(backend: Any) -> str:
    return str(getattr(backend, "name", type(backend).__name__))


def read_private_pem(device_id: str) -> str | None:
    """The stored key text, or None when the store has no entry (or cannot be reached)."""
    backend = usable_backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, _username(device_id))
    except (keyring.errors.KeyringError, OSError, RuntimeError):
        return None


def store_private_pem(device_id: str, pem: str) -> bool:
    """Keep the key in the store and read it back; False when the store would not keep it."""
    backend = usable_backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _username(device_id), pem)
        return backend.get_password(SERVICE, _username(device_id)) == pem
    except (keyring.errors.KeyringError, OSError, RuntimeError):
        return False


def forget_private_pem(device_id: str) -> None:
    """Drop an entry this process made and then did not use (lost a creation race)."""
    backend = usable_backend()
    if backend is None:
        return
    with contextlib.suppress(keyring.errors.KeyringError, OSError, RuntimeError):
        backend.delete_password(SERVICE, _username(device_id))
