"""Names, times and hashes every part of the office store uses."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

CHAIN_OK, CHAIN_GAP, CHAIN_FORK = "ok", "gap", "fork"


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def record_ref(device_id: str, record_id: str) -> str:
    """The office's name for a record: its device and its own id (device ids hold no dot)."""
    return f"{device_id}.{record_id}"


def split_ref(ref: str) -> tuple[str, str] | None:
    """(device_id, record_id) of a ref; None for a bare record id (no dot)."""
    device_id, dot, record_id = ref.partition(".")
    return (device_id, record_id) if dot and device_id and record_id else None


def minutes_between(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    try:
        delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    except (TypeError, ValueError):
        return None
    return round(delta.total_seconds() / 60, 2)
