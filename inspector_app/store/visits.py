"""Visits in the local store: created, recorded reading by reading, found again after a crash.

Each call commits its own transaction at once (WAL, synchronous=FULL): a killed process or a
power cut loses at most the reading that was being written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from inspector_app.core.errors import ProcedureError
from inspector_app.core.model import Point, Room, Sample, Visit

IN_PROGRESS, COMPLETE, SEALED, SYNCED, ABANDONED = (
    "in_progress", "complete", "sealed", "synced", "abandoned")


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def details_json(visit: Visit) -> str:
    """The visit without its rooms (they have their own rows); which room rows were deleted
    after they had readings is kept here, so no schema step is needed for it."""
    details = visit.to_dict()
    details.pop("rooms")
    details.pop("removed_rooms", None)
    if visit.removed_rooms:
        details["removed_room_ids"] = {r.id: r.removed_at for r in visit.removed_rooms}
    return json.dumps(details, ensure_ascii=False)


@dataclass
class VisitRow:
    id: str
    state: str
    training: bool
    ticket: str
    address: str
    company: str
    profile_name: str
    created_at: str
    updated_at: str


class VisitStore:
    """Reads and writes visits; also the `Recorder` a `VisitSession` writes through."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- visits --------------------------------------------------------------------------
    def create(self, visit: Visit) -> None:
        now = _now()
        with self.db.conn:
            self.db.conn.execute(
                "INSERT INTO visits (id, state, training, profile_name, profile_version, ticket,"
                " address, company, details, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (visit.id, IN_PROGRESS, int(visit.training), visit.profile_name,
                 visit.profile_version, visit.ticket, visit.address.one_line(), visit.company,
                 details_json(visit), now, now))

    def update_details(self, visit: Visit) -> None:
        self._execute_on_open(
            visit.id,
            "UPDATE visits SET details=?, ticket=?, address=?, company=?, training=?, updated_at=?"
            " WHERE id=?",
            (details_json(visit), visit.ticket, visit.address.one_line(),
             visit.company, int(visit.training), _now(), visit.id))

    def set_state(self, visit_id: str, state: str) -> None:
        with self.db.conn:
            self.db.conn.execute("UPDATE visits SET state=?, updated_at=? WHERE id=?",
                                 (state, _now(), visit_id))

    def discard(self, visit_id: str) -> None:
        """An abandoned draft leaves the list but stays in the database (evidence is never
        deleted); a sealed record can never be discarded."""
        with self.db.conn:
            self.db.conn.execute("BEGIN IMMEDIATE")
            row = self.db.conn.execute("SELECT state FROM visits WHERE id=?",
                                       (visit_id,)).fetchone()
            if row is None:
                raise ProcedureError(f"找不到记录 {visit_id}", f"no visit {visit_id}")
            if row[0] not in (IN_PROGRESS, COMPLETE):
                raise ProcedureError("只有未签封的草稿可以放弃", "only an unsealed draft can be "
                                     "discarded")
            self.db.conn.execute("UPDATE visits SET state=?, updated_at=? WHERE id=?",
                                 (ABANDONED, _now(), visit_id))

    def save_elapsed(self, visit_id: str, elapsed_s: float) -> None:
        with self.db.conn:
            self.db.conn.execute("UPDATE visits SET elapsed_s=? WHERE id=? AND state='in_progress'",
                                 (elapsed_s, visit_id))

    def _execute_on_open(self, visit_id: str, sql: str, params: tuple) -> None:
        with self.db.conn:
            state = self.db.conn.execute("SELECT state FROM visits WHERE id=?",
                                         (visit_id,)).fetchone()
            if state is None:
                raise KeyError(visit_id)
            if state[0] not in (IN_PROGRESS, COMPLETE):
                raise PermissionError(f"visit {visit_id} is {state[0]} and can no longer change")
            self.db.conn.execute(sql, params)

    def import_measured(self, visit: Visit) -> None:
        """Store a visit measured elsewhere (a drill, the supervisor demo, a test fixture) with
        every room, point and sample, as the recorder would have, then mark it complete."""
        self.create(visit)
        for room in visit.rooms:
            self.save_room(visit, room)
            for point in room.points:
                self.save_point(room, point)
                for sample in point.samples:
                    sample.id = self.add_sample(point, sample)
        self.set_state(visit.id, COMPLETE)

    # -- Recorder ------------------------------------------------------------------------
    def save_room(self, visit: Visit, room: Room) -> None:
        """A new room goes after every room the visit ever had (deleted ones included)."""
        with self.db.conn:
            self.db.conn.execute(
                "INSERT OR REPLACE INTO rooms (id, visit_id, position, kind, name, area_m2)"
                " VALUES (?,?,(SELECT COALESCE(MAX(position), -1) + 1 FROM rooms"
                " WHERE visit_id=? AND id<>?),?,?,?)",
                (room.id, visit.id, visit.id, room.id, room.kind, room.name, room.area_m2))

    def update_room(self, room: Room) -> None:
        """A room edited before it had readings: new name, kind, area and point plan. A photo
        of a point the new plan drops stays attached to the room (photos are evidence)."""
        kept = [point.id for point in room.points]
        marks = ",".join("?" * len(kept))
        conn = self.db.conn
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE rooms SET kind=?, name=?, area_m2=? WHERE id=?",
                         (room.kind, room.name, room.area_m2, room.id))
            conn.execute("UPDATE photo_links SET point_id=NULL WHERE room_id=? AND point_id IN"
                         f" (SELECT id FROM points WHERE room_id=? AND id NOT IN ({marks}))",
                         (room.id, room.id, *kept))
            conn.execute(f"DELETE FROM points WHERE room_id=? AND id NOT IN ({marks})",
                         (room.id, *kept))
            for point in room.points:
                conn.execute(
                    "INSERT INTO points (id, room_id, idx, stable_at_s) VALUES (?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET idx=excluded.idx,"
                    " stable_at_s=excluded.stable_at_s",
                    (point.id, room.id, point.index, point.stable_at_s))

    def delete_room(self, visit: Visit, room: Room) -> None:
        """A room without readings goes; one with readings stays stored, marked deleted
        (`visit.removed_rooms`), so its readings remain evidence. Fails on readings it does not
        know about (the foreign keys refuse to orphan a sample)."""
        with self.db.conn:
            self.db.conn.execute("BEGIN IMMEDIATE")
            if room.removed_at is None:
                # its photos stay evidence of the visit (attached to the visit itself)
                self.db.conn.execute("UPDATE photo_links SET room_id=NULL, point_id=NULL"
                                     " WHERE room_id=?", (room.id,))
                self.db.conn.execute("DELETE FROM points WHERE room_id=?", (room.id,))
                self.db.conn.execute("DELETE FROM rooms WHERE id=?", (room.id,))
            self.db.conn.execute("UPDATE visits SET details=?, updated_at=? WHERE id=?",
                                 (details_json(visit), _now(), visit.id))

    def save_point(self, room: Room, point: Point) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "INSERT OR REPLACE INTO points (id, room_id, idx, stable_at_s) VALUES (?,?,?,?)",
                (point.id, room.id, point.index, point.stable_at_s))

    def add_sample(self, point: Point, sample: Sample) -> int:
        with self.db.conn:
            cur = self.db.conn.execute(
                "INSERT INTO samples (point_id, value_c, raw_c, t_offset_s, t_wall, captured,"
                " manual, reason, flags) VALUES (?,?,?,?,?,?,?,?,?)",
                (point.id, sample.value_c, sample.raw_c, sample.t_offset_s, sample.t_wall,
                 sample.captured, int(sample.manual), sample.reason, ",".join(sample.flags)))
            return int(cur.lastrowid)

    def mark_captured(self, point: Point, sample_ids: list[int], stable_at_s: float) -> None:
        with self.db.conn:
            self.db.conn.execute("BEGIN IMMEDIATE")
            self.db.conn.execute("UPDATE samples SET captured=0 WHERE point_id=?", (point.id,))
            for i, sid in enumerate(sample_ids, start=1):
                self.db.conn.execute("UPDATE samples SET captured=? WHERE id=? AND point_id=?",
                                     (i, sid, point.id))
            self.db.conn.execute("UPDATE points SET stable_at_s=? WHERE id=?",
                                 (stable_at_s, point.id))

    # -- reading back ----------------------------------------------------------------------
    def load(self, visit_id: str) -> Visit:
        row = self.db.conn.execute("SELECT details FROM visits WHERE id=?", (visit_id,)).fetchone()
        if row is None:
            raise KeyError(visit_id)
        data = json.loads(row[0])
        rooms = []
        for r in self.db.conn.execute(
                "SELECT id, kind, name, area_m2 FROM rooms WHERE visit_id=? ORDER BY position",
                (visit_id,)).fetchall():
            points = []
            for p in self.db.conn.execute(
                    "SELECT id, idx, stable_at_s FROM points WHERE room_id=? ORDER BY idx",
                    (r[0],)).fetchall():
                samples = [
                    Sample(value_c=s[1], raw_c=s[2], t_offset_s=s[3], t_wall=s[4], captured=s[5],
                           manual=bool(s[6]), reason=s[7],
                           flags=tuple(f for f in s[8].split(",") if f), id=s[0])
                    for s in self.db.conn.execute(
                        "SELECT id, value_c, raw_c, t_offset_s, t_wall, captured, manual, reason,"
                        " flags FROM samples WHERE point_id=? ORDER BY id", (p[0],)).fetchall()
                ]
                points.append(Point(index=p[1], id=p[0], stable_at_s=p[2], samples=samples))
            rooms.append(Room(kind=r[1], name=r[2], area_m2=r[3], id=r[0], points=points))
        removed = data.pop("removed_room_ids", {}) or {}
        data["rooms"] = []
        visit = Visit.from_dict(data)
        for room in rooms:
            room.removed_at = removed.get(room.id)
        visit.rooms = [r for r in rooms if r.removed_at is None]
        visit.removed_rooms = [r for r in rooms if r.removed_at is not None]
        return visit

    def elapsed(self, visit_id: str) -> float:
        row = self.db.conn.execute("SELECT elapsed_s, (SELECT max(t_offset_s) FROM samples s"
                                   " JOIN points p ON p.id=s.point_id JOIN rooms r ON r.id=p.room_id"
                                   " WHERE r.visit_id=visits.id) FROM visits WHERE id=?",
                                   (visit_id,)).fetchone()
        if row is None:
            raise KeyError(visit_id)
        return max(row[0] or 0.0, row[1] or 0.0)

    def rows(self, state: str | None = None, *, include_discarded: bool = False) -> list[VisitRow]:
        """Visits newest first; discarded drafts only when asked for (they are kept, not shown)."""
        sql = ("SELECT id, state, training, ticket, address, company, profile_name, created_at,"
               " updated_at FROM visits")
        params: tuple = ()
        if state:
            sql += " WHERE state=?"
            params = (state,)
        elif not include_discarded:
            sql += f" WHERE state<>'{ABANDONED}'"
        sql += " ORDER BY created_at DESC"
        return [VisitRow(r[0], r[1], bool(r[2]), *r[3:]) for r in
                self.db.conn.execute(sql, params).fetchall()]

    def unfinished(self) -> list[VisitRow]:
        """Visits a crash or power cut interrupted, newest first: offered for resumption."""
        return self.rows(IN_PROGRESS)
