"""Schema step 6: photo evidence, stored once by hash and linked to a visit, room or point.

Why two tables: the bytes are content-addressed (`photos.sha256` is the SHA-256 of `data`), so
one picture attached twice is stored once and a sealed record can cite it by hash alone; what it
shows and where it belongs is a `photo_links` row, which is part of the visit and frozen with it.
The triggers mirror `schema_seal`: links of a sealed visit cannot change, photo bytes never
change, and a photo a sealed visit cites cannot be deleted. `inspector-app verify` still rehashes
the bytes, because whoever holds the file can drop a trigger.
"""

from __future__ import annotations

import sqlite_utils

from inspector_app.store.database import migration
from inspector_app.store.schema_seal import FROZEN_MSG, FROZEN_STATES

PHOTO_KINDS = ("thermometer", "windows_closed", "radiator", "other")

# name -> SQL; `seal.photo_checks` warns when one has been dropped.
PHOTO_TRIGGERS: dict[str, str] = {}

_VISIT_STATE = "(SELECT state FROM visits WHERE id = {row}.visit_id)"
_new, _old = _VISIT_STATE.format(row="NEW"), _VISIT_STATE.format(row="OLD")
PHOTO_TRIGGERS["photo_links_frozen_insert"] = f"""CREATE TRIGGER photo_links_frozen_insert
    BEFORE INSERT ON photo_links WHEN {_new} IN {FROZEN_STATES}
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END"""
PHOTO_TRIGGERS["photo_links_frozen_update"] = f"""CREATE TRIGGER photo_links_frozen_update
    BEFORE UPDATE ON photo_links WHEN {_old} IN {FROZEN_STATES} OR {_new} IN {FROZEN_STATES}
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END"""
PHOTO_TRIGGERS["photo_links_frozen_delete"] = f"""CREATE TRIGGER photo_links_frozen_delete
    BEFORE DELETE ON photo_links WHEN {_old} IN {FROZEN_STATES}
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END"""
PHOTO_TRIGGERS["photos_no_update"] = """CREATE TRIGGER photos_no_update
    BEFORE UPDATE ON photos
    BEGIN SELECT RAISE(ABORT, 'a stored photo never changes / 照片存储后不可修改'); END"""
PHOTO_TRIGGERS["photos_no_delete_sealed"] = f"""CREATE TRIGGER photos_no_delete_sealed
    BEFORE DELETE ON photos
    WHEN EXISTS (SELECT 1 FROM photo_links l JOIN visits v ON v.id = l.visit_id
                 WHERE l.sha256 = OLD.sha256 AND v.state IN {FROZEN_STATES})
    BEGIN SELECT RAISE(ABORT, '{FROZEN_MSG}'); END"""


@migration(6, "photo evidence: photos by hash, links to a visit, room or point")
def _photos(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE photos (
            sha256 TEXT PRIMARY KEY,           -- hex SHA-256 of data
            data BLOB NOT NULL,                -- JPEG, at most 2 megapixels
            mime TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""")
    kinds = ",".join(f"'{k}'" for k in PHOTO_KINDS)
    db.execute(f"""
        CREATE TABLE photo_links (
            id INTEGER PRIMARY KEY,
            visit_id TEXT NOT NULL REFERENCES visits(id),
            room_id TEXT REFERENCES rooms(id),     -- NULL: the photo is of the visit
            point_id TEXT REFERENCES points(id),   -- set: of this point (in room_id)
            sha256 TEXT NOT NULL REFERENCES photos(sha256),
            kind TEXT NOT NULL CHECK (kind IN ({kinds})),
            caption TEXT NOT NULL DEFAULT '',
            taken_at TEXT NOT NULL,
            CHECK (point_id IS NULL OR room_id IS NOT NULL)
        )""")
    db.execute("CREATE INDEX photo_links_visit ON photo_links(visit_id, id)")
    db.execute("CREATE INDEX photo_links_sha ON photo_links(sha256)")
    for sql in PHOTO_TRIGGERS.values():
        db.execute(sql)
