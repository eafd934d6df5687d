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


class KeyStoreUnreachable(Exception):
    """No usable key store in this session, or it refused to answer (locked, denied)."""


def read_private_pem(device_id: str) -> str | None:
    """The stored key text, or None when the store has no entry for it.

    Raises KeyStoreUnreachable when there is no usable store or it does not answer: that is not
    the same as a store that answers "no such key" (a copied data folder).
    """
    backend = usable_backend()
    if backend is None:
        raise KeyStoreUnreachable("no usable system key store in this session")
    try:
        return backend.get_password(SERVICE, _username(device_id))
    except (keyring.errors.KeyringError, OSError, RuntimeError) as exc:
        raise KeyStoreUnreachable(str(exc)) from exc


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
