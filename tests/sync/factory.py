"""Sealed records made fast through the real sealing path, for office and sync tests.

Each visit is two one-point rooms measured three times, signed with generated ink (computed once)
and sealed by `seal.record.seal_visit` with a throw-away key, in a laptop database under tmp.
The database runs with synchronous=OFF: these tests are about the network, not about fsync.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import sqlite_utils

from inspector_app.core.model import Address, Instrument, Point, Room, Sample, Visit
from inspector_app.core.profile import load_profile
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.seal.signature import Signatures, generated_signature
from inspector_app.store.database import connect
from inspector_app.store.visits import VisitStore

CST = timezone(timedelta(hours=8))
DISTRICTS = ("朝阳区", "南关区", "宽城区", "绿园区")
COMPANIES = ("长春热力", "城开热力", "东盛热力")
INSPECTORS = ("张三", "李四", "王五")


@cache
def profile():
    return load_profile("changchun")


@cache
def signatures() -> Signatures:
    when = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
    return Signatures(inspector=generated_signature("张三", "inspector", 1, signed_at=when),
                      resident=generated_signature("李梅", "resident", 2, signed_at=when))


def laptop_db(folder: Path) -> sqlite_utils.Database:
    folder.mkdir(parents=True, exist_ok=True)
    db = connect(folder / "inspections.sqlite3")
    db.execute("PRAGMA synchronous=OFF")
    return db


def make_visit(i: int, *, training: bool = False, temps: tuple[float, float] = (18.4, 17.2),
               day: date | None = None) -> Visit:
    p = profile()
    test_at = datetime.combine(day or date(2026, 11, 1) + timedelta(days=i % 28),
                               datetime.min.time(), CST) + timedelta(hours=9, minutes=i % 60)
    visit = Visit(
        profile_name=p.name, profile_version=p.version, training=training,
        ticket=f"T-{i:05d}", channel="12345",
        address=Address(city="长春市", district=DISTRICTS[i % len(DISTRICTS)], street="人民大街",
                        community="示范小区", building=str(1 + i % 9), unit="2", flat=f"{i}"),
        resident_name="李梅", resident_phone="13800000000", heated_area_m2=86.5,
        company=COMPANIES[i % len(COMPANIES)], complaint_at=test_at - timedelta(hours=2),
        contact_at=test_at - timedelta(hours=1, minutes=50), arrival_at=test_at - timedelta(
            minutes=10), test_at=test_at, outdoor_temp_c=-18.5,
        inspector=INSPECTORS[i % len(INSPECTORS)], inspector_org="朝阳区供热管理办公室",
        instrument=Instrument(model="Center 309", serial="SN-1", certificate_no="C-1",
                              certificate_expiry=date(2027, 12, 31)),
        preconditions={c.key: True for c in p.preconditions},
        closed_since=test_at - timedelta(minutes=40),
    )
    for kind, name, value in (("bedroom", "卧室1", temps[0]), ("living_room", "客厅", temps[1])):
        room = Room(kind=kind, name=name, area_m2=12.0)
        point = Point(index=1, stable_at_s=600.0)
        for j in range(1, p.readings_per_point + 1):
            point.samples.append(Sample(value_c=value, raw_c=value, t_offset_s=600.0 + 60 * j,
                                        t_wall=test_at.isoformat(), captured=j))
        room.points.append(point)
        visit.rooms.append(room)
    return visit


def seal_new(db: sqlite_utils.Database, key: DeviceKey, i: int, **kwargs) -> str:
    """Store a measured visit, mark it complete and seal it; returns the record id."""
    visit = make_visit(i, **kwargs)
    store = VisitStore(db)
    store.import_measured(visit)
    seal_visit(db, visit.id, signatures(), key, profile=profile(),
               clock=lambda: visit.test_at + timedelta(minutes=20))
    return visit.id


def seal_many(db: sqlite_utils.Database, key: DeviceKey, n: int, start: int = 0,
              **kwargs) -> list[str]:
    return [seal_new(db, key, start + i, **kwargs) for i in range(n)]


def shuffled(items: list[str], seed: int) -> list[str]:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out
