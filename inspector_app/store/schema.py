"""Schema steps of the local store. Add new steps at the end; never edit a released one."""

from __future__ import annotations

import sqlite_utils

from inspector_app.store.database import migration


@migration(1, "visits, rooms, points and every sample")
def _visits(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE visits (
            id TEXT PRIMARY KEY,
            state TEXT NOT NULL CHECK (state IN ('in_progress','complete','sealed','synced',
                                                 'abandoned')),
            training INTEGER NOT NULL DEFAULT 0,
            profile_name TEXT NOT NULL,
            profile_version TEXT NOT NULL,
            ticket TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL,             -- JSON: the visit without its rooms
            elapsed_s REAL NOT NULL DEFAULT 0, -- monotonic seconds used so far (resume continues)
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE rooms (
            id TEXT PRIMARY KEY,
            visit_id TEXT NOT NULL REFERENCES visits(id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('bedroom','living_room','other')),
            name TEXT NOT NULL,
            area_m2 REAL NOT NULL CHECK (area_m2 > 0 AND area_m2 <= 500)
        )""")
    db.execute("""
        CREATE TABLE points (
            id TEXT PRIMARY KEY,
            room_id TEXT NOT NULL REFERENCES rooms(id),
            idx INTEGER NOT NULL,
            stable_at_s REAL,
            UNIQUE (room_id, idx)
        )""")
    db.execute("""
        CREATE TABLE samples (
            id INTEGER PRIMARY KEY,
            point_id TEXT NOT NULL REFERENCES points(id),
            value_c REAL NOT NULL CHECK (value_c BETWEEN -45 AND 65),
            raw_c REAL NOT NULL,
            t_offset_s REAL NOT NULL,
            t_wall TEXT NOT NULL,
            captured INTEGER NOT NULL DEFAULT 0,
            manual INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            flags TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX samples_point ON samples(point_id, t_offset_s)")
    db.execute("CREATE INDEX rooms_visit ON rooms(visit_id, position)")
    db.execute("CREATE INDEX visits_state ON visits(state, updated_at)")
