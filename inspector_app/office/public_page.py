"""What the residents' verification page may say about a record id: the lookup, and the choice
by hash.

One function, `candidates`, asks the store; everything else works on its answer. The office may
hold several records under one public record id (records are the device's: device id + record
id, and a squatter can send its own under someone else's id), so the lookup returns them all and
the page chooses by the hash printed on the slip. Only what a resident needs is taken out of the
record: test time, verdict, room means, district, community and building. No name, no phone, no
flat number.
"""

from __future__ import annotations

import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from inspector_app.office.store import OfficeStore

HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PublicRoom:
    name: str
    kind: str          # bedroom | living_room | other
    mean: str          # "17.2", or "" when the room has no mean
    verdict: str       # pass | fail | incomplete


@dataclass(frozen=True)
class PublicRecord:
    """A stored record as the page may show it."""

    record_id: str
    sha256: str
    training: bool
    verified: bool      # the office's verification of hash, signature (not a failed recheck)
    test_at: str        # ISO, as the inspector's laptop recorded it
    verdict: str
    district: str
    community: str
    building: str
    rooms: tuple[PublicRoom, ...]


def candidates(store: OfficeStore, record_id: str) -> list[PublicRecord]:
    """Every real (not synthetic) record the office holds under the public `record_id`, from
    any device, oldest arrival first (`OfficeStore.records_by_public_id`)."""
    found = []
    for item in store.records_by_public_id(record_id):
        held = store.record_bytes(item["ref"])
        if held is not None:
            found.append(_public(item, held[1]))
    return found


def _public(item: dict[str, Any], raw: bytes) -> PublicRecord:
    """The page's view of one stored record: what the store lists, and from the stored bytes
    the same fields the office's columns are copied from (`ingest`), nothing private."""
    try:
        record: dict[str, Any] = json.loads(raw.decode("utf-8"))["record"]
    except (ValueError, KeyError, TypeError):
        record = {}
    visit = record.get("visit") or {}
    address = visit.get("address") or {}
    result = record.get("result") or {}
    rooms = tuple(
        PublicRoom(name=str(r.get("name") or ""), kind=str(r.get("kind") or "other"),
                   mean="" if r.get("mean") in (None, "") else str(r["mean"]),
                   verdict=str(r.get("verdict") or "incomplete"))
        for r in result.get("rooms") or [] if isinstance(r, dict))
    return PublicRecord(record_id=item["record_id"], sha256=item["sha256"],
                        training=item["training"],
                        verified=item["verification"] == "verified",
                        test_at=str(visit.get("test_at") or item["test_at"]),
                        verdict=str(result.get("verdict") or ""),
                        district=str(address.get("district") or ""),
                        community=str(address.get("community") or ""),
                        building=str(address.get("building") or ""), rooms=rooms)


def normalise_hash(text: str | None) -> str | None:
    """A hash as people type it off the slip (groups of 8 with spaces, any case) → 64 lowercase
    hex digits, or None when it is not one."""
    if text is None:
        return None
    flat = re.sub(r"\s+", "", text).lower()
    return flat if HEX64.match(flat) else None


def choose(found: list[PublicRecord], sha256: str) -> PublicRecord | None:
    """The record among `found` whose hash is `sha256` (compared in constant time), or None."""
    match = None
    for record in found:
        if hmac.compare_digest(record.sha256, sha256):
            match = record
    return match
