"""The `photos` field of a sealed record: read and checked the same way on laptop and office.

Older records have no `photos` key and cite nothing; a record that has one must cite each photo
by a 64-hex SHA-256 with its size, kind and what it is attached to, else the record is malformed
(`PhotoRefError`, both languages) and the office refuses it rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from inspector_app.store.schema_photos import PHOTO_KINDS

TARGET_TYPES = ("visit", "room", "point")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PhotoRefError(ValueError):
    """A `photos` list that is not in the record format."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class PhotoRef:
    """One photo a record cites."""

    sha256: str
    size: int
    kind: str
    target_type: str
    target_id: str


def is_sha256_hex(text: object) -> bool:
    return isinstance(text, str) and bool(_HEX64.match(text))


def photo_refs(record: dict[str, Any]) -> list[PhotoRef]:
    """The photos `record` cites (none for a record without the field); PhotoRefError if bad."""
    if "photos" not in record:
        return []
    items = record["photos"]
    if not isinstance(items, list) or not items:
        raise PhotoRefError("照片列表格式错误", "`photos` must be a non-empty list")
    refs = []
    for n, item in enumerate(items, 1):
        target = item.get("attached_to") if isinstance(item, dict) else None
        if not (isinstance(item, dict) and is_sha256_hex(item.get("sha256"))
                and isinstance(item.get("size"), int) and item["size"] > 0
                and item.get("kind") in PHOTO_KINDS and isinstance(target, dict)
                and target.get("type") in TARGET_TYPES and isinstance(target.get("id"), str)):
            raise PhotoRefError(f"第 {n} 张照片的引用格式错误", f"photo {n} is not cited in the "
                                "record format (sha256, size, kind, attached_to)")
        refs.append(PhotoRef(item["sha256"], item["size"], item["kind"], target["type"],
                             target["id"]))
    known = _targets(record.get("visit"))
    for n, ref in enumerate(refs, 1):
        if (ref.target_type, ref.target_id) not in known:
            raise PhotoRefError(f"第 {n} 张照片所属的{_TARGET_ZH[ref.target_type]}不在本记录中",
                                f"photo {n} is attached to a {ref.target_type} that is not in "
                                "this record")
    return refs


_TARGET_ZH = {"visit": "检测", "room": "房间", "point": "测点"}


def _targets(visit: Any) -> set[tuple[str, str]]:
    """('visit'|'room'|'point', id) of everything in the record's visit a photo may belong to."""
    if not isinstance(visit, dict):
        return set()
    found = {("visit", visit.get("id"))}
    rooms = [r for key in ("rooms", "removed_rooms") if isinstance(visit.get(key), list)
             for r in visit[key]]  # a deleted room with readings stays on the record
    for room in rooms:
        if isinstance(room, dict):
            found.add(("room", room.get("id")))
            found.update(("point", p.get("id")) for p in room.get("points") or []
                         if isinstance(p, dict))
    return found


def cited_hashes(record: dict[str, Any]) -> list[str]:
    """Distinct hashes a record cites, in order; tolerant (a malformed list cites nothing)."""
    try:
        refs = photo_refs(record)
    except PhotoRefError:
        return []
    return list(dict.fromkeys(r.sha256 for r in refs))
