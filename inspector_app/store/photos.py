"""Photo evidence in the local store: attach a picture to a visit, a room or a point.

`attach_photo` is the one way in, for the app, the CLI and the tests: it prepares the image
(`photo_image.prepare_photo`: ≤ 2 megapixels JPEG), stores the bytes under their SHA-256 and
links them to the visit in one transaction. A sealed visit refuses (in words here, and by
trigger in the database); so does a discarded draft, whose evidence stays as it was.
`envelope_photos` is what sealing writes into the record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.store.photo_image import PreparedPhoto, prepare_photo
from inspector_app.store.schema_photos import PHOTO_KINDS
from inspector_app.store.visits import ABANDONED, SEALED, SYNCED

KIND_ZH = {"thermometer": "温度计读数", "windows_closed": "门窗关闭", "radiator": "暖气片",
           "other": "其他"}
KIND_EN = {"thermometer": "thermometer display", "windows_closed": "windows and doors closed",
           "radiator": "radiator", "other": "other"}
MAX_CAPTION = 200


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class PhotoLink:
    """One attached photo: which picture (by hash), what it shows, what it belongs to."""

    id: int
    visit_id: str
    room_id: str | None
    point_id: str | None
    sha256: str
    kind: str
    caption: str
    taken_at: str
    size: int
    mime: str
    width: int
    height: int

    @property
    def target(self) -> tuple[str, str]:
        """('visit'|'room'|'point', its id)."""
        if self.point_id:
            return "point", self.point_id
        if self.room_id:
            return "room", self.room_id
        return "visit", self.visit_id

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_LINK_SQL = ("SELECT l.id, l.visit_id, l.room_id, l.point_id, l.sha256, l.kind, l.caption,"
             " l.taken_at, length(p.data), p.mime, p.width, p.height"
             " FROM photo_links l JOIN photos p ON p.sha256 = l.sha256")


def attach_photo(db: sqlite_utils.Database, visit_id: str, image: bytes | str | Path, *,
                 kind: str, caption: str = "", room_id: str | None = None,
                 point_id: str | None = None,
                 clock: Callable[[], datetime] = _now) -> PhotoLink:
    """Store `image` (bytes or a file path) as evidence of the visit, a room or a point.

    Raises ValidationError for an unknown kind, a long caption or an unreadable image, and
    ProcedureError when the visit is sealed or discarded, or the room/point is not part of it.
    """
    if kind not in PHOTO_KINDS:
        raise ValidationError(f"未知照片类别 {kind}", f"unknown photo kind {kind!r}",
                              field="photo.kind")
    caption = caption.strip()
    if len(caption) > MAX_CAPTION:
        raise ValidationError(f"照片说明不能超过 {MAX_CAPTION} 字",
                              f"a caption is at most {MAX_CAPTION} characters",
                              field="photo.caption")
    data = read_image(image)
    prepared = prepare_photo(data)
    return store_prepared(db, visit_id, prepared, kind=kind, caption=caption, room_id=room_id,
                          point_id=point_id, taken_at=clock().isoformat(timespec="seconds"))


def read_image(image: bytes | str | Path) -> bytes:
    """The bytes given, or a file's bytes (ValidationError in both languages if unreadable)."""
    if isinstance(image, bytes | bytearray):
        return bytes(image)
    try:
        return Path(image).read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法打开照片文件 {image}：{exc.strerror or exc}",
                              f"cannot open the photo file {image}: {exc.strerror or exc}",
                              field="photo") from exc


def store_prepared(db: sqlite_utils.Database, visit_id: str, prepared: PreparedPhoto, *,
                   kind: str, caption: str, room_id: str | None, point_id: str | None,
                   taken_at: str) -> PhotoLink:
    """Store prepared JPEG bytes and link them, in one transaction (checks as `attach_photo`)."""
    sha = hashlib.sha256(prepared.data).hexdigest()
    conn = db.conn
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT state FROM visits WHERE id=?", (visit_id,)).fetchone()
        if row is None:
            raise ProcedureError(f"找不到记录 {visit_id}", f"no visit {visit_id}")
        if row[0] in (SEALED, SYNCED):
            raise ProcedureError("记录已签封，不能再添加照片",
                                 "the visit is sealed: no more photos can be attached")
        if row[0] == ABANDONED:
            raise ProcedureError("草稿已放弃，不能再添加照片",
                                 "the draft was discarded: no photos can be attached")
        _check_target(conn, visit_id, room_id, point_id)
        conn.execute("INSERT OR IGNORE INTO photos (sha256, data, mime, width, height,"
                     " created_at) VALUES (?,?,?,?,?,?)",
                     (sha, prepared.data, prepared.mime, prepared.width, prepared.height,
                      taken_at))
        link_id = conn.execute(
            "INSERT INTO photo_links (visit_id, room_id, point_id, sha256, kind, caption,"
            " taken_at) VALUES (?,?,?,?,?,?,?)",
            (visit_id, room_id, point_id, sha, kind, caption, taken_at)).lastrowid
    found = link(db, int(link_id))
    assert found is not None
    return found


def _check_target(conn: Any, visit_id: str, room_id: str | None, point_id: str | None) -> None:
    if point_id is not None:
        row = conn.execute("SELECT r.id FROM points p JOIN rooms r ON r.id = p.room_id"
                           " WHERE p.id=? AND r.visit_id=?", (point_id, visit_id)).fetchone()
        if row is None or (room_id is not None and row[0] != room_id):
            raise ProcedureError("该测点不属于这次检测", "the point is not part of this visit")
    elif room_id is not None and conn.execute("SELECT 1 FROM rooms WHERE id=? AND visit_id=?",
                                              (room_id, visit_id)).fetchone() is None:
        raise ProcedureError("该房间不属于这次检测", "the room is not part of this visit")
    if point_id is not None and room_id is None:
        raise ProcedureError("测点照片需要同时指明房间", "a point's photo needs its room too")


def link(db: sqlite_utils.Database, link_id: int) -> PhotoLink | None:
    row = db.conn.execute(_LINK_SQL + " WHERE l.id=?", (link_id,)).fetchone()
    return PhotoLink(*row) if row else None


def links(db: sqlite_utils.Database, visit_id: str) -> list[PhotoLink]:
    """The visit's photos in the order they were attached."""
    return [PhotoLink(*r) for r in db.conn.execute(_LINK_SQL + " WHERE l.visit_id=? ORDER BY l.id",
                                                   (visit_id,)).fetchall()]


def detach(db: sqlite_utils.Database, link_id: int) -> None:
    """Remove a photo from a visit not yet sealed (the bytes go too when nothing else cites them)."""
    conn = db.conn
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT l.sha256, v.state FROM photo_links l JOIN visits v"
                           " ON v.id = l.visit_id WHERE l.id=?", (link_id,)).fetchone()
        if row is None:
            return
        if row[1] in (SEALED, SYNCED):
            raise ProcedureError("记录已签封，照片不能删除", "the visit is sealed: its photos stay")
        if row[1] == ABANDONED:
            raise ProcedureError("草稿已放弃，照片作为证据保留",
                                 "the draft was discarded: its photos stay as evidence")
        conn.execute("DELETE FROM photo_links WHERE id=?", (link_id,))
        conn.execute("DELETE FROM photos WHERE sha256=? AND NOT EXISTS"
                     " (SELECT 1 FROM photo_links WHERE sha256=?)", (row[0], row[0]))


def copy_links(db: sqlite_utils.Database, from_visit: str, to_visit: str,
               id_map: dict[str, str]) -> int:
    """Attach `from_visit`'s photos to `to_visit` (a correction), rooms and points renamed by
    `id_map` (old id → new id); the bytes are shared by hash. Returns how many were linked."""
    count = 0
    with db.conn:
        for item in links(db, from_visit):
            room = id_map.get(item.room_id) if item.room_id else None
            point = id_map.get(item.point_id) if item.point_id else None
            if (item.room_id and room is None) or (item.point_id and point is None):
                continue  # its room is not part of the correction
            db.conn.execute("INSERT INTO photo_links (visit_id, room_id, point_id, sha256, kind,"
                            " caption, taken_at) VALUES (?,?,?,?,?,?,?)",
                            (to_visit, room, point, item.sha256, item.kind, item.caption,
                             item.taken_at))
            count += 1
    return count


def photo_bytes(db: sqlite_utils.Database, sha256: str) -> bytes | None:
    row = db.conn.execute("SELECT data FROM photos WHERE sha256=?", (sha256,)).fetchone()
    return None if row is None else bytes(row[0])


def envelope_entry(item: PhotoLink) -> dict[str, Any]:
    """How one photo is cited in the sealed record (docs/record-format.md, `photos`)."""
    kind, target = item.target
    return {"sha256": item.sha256, "size": item.size, "mime": item.mime, "width": item.width,
            "height": item.height, "kind": item.kind, "caption": item.caption,
            "taken_at": item.taken_at, "attached_to": {"type": kind, "id": target}}


def envelope_photos(db: sqlite_utils.Database, visit_id: str) -> list[dict[str, Any]]:
    """The `photos` list of the visit's record (empty: the record has no `photos` key)."""
    return [envelope_entry(item) for item in links(db, visit_id)]
