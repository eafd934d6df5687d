import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from inspector_app.store.database import MIGRATIONS, connect, schema_version
from inspector_app.store.visits import VisitStore


def test_database_uses_wal_foreign_keys_and_is_migrated(tmp_path):
    db = connect(tmp_path / "a.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(db) == MIGRATIONS[-1][0] >= 1
    # opening again runs nothing twice
    again = connect(tmp_path / "a.sqlite3")
    assert schema_version(again) == MIGRATIONS[-1][0]


def test_foreign_keys_refuse_orphans(tmp_path):
    db = connect(tmp_path / "a.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO rooms (id, visit_id, position, kind, name, area_m2)"
                   " VALUES ('r', 'no-such-visit', 0, 'bedroom', 'x', 10)")


def test_schema_refuses_impossible_area_even_past_the_code(tmp_path):
    db = connect(tmp_path / "a.sqlite3")
    db.execute("INSERT INTO visits (id, state, profile_name, profile_version, details, created_at,"
               " updated_at) VALUES ('v', 'in_progress', 'changchun', '1', '{}', 'now', 'now')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO rooms (id, visit_id, position, kind, name, area_m2)"
                   " VALUES ('r', 'v', 0, 'bedroom', 'x', 0)")


CHILD = textwrap.dedent("""
    import sys
    from datetime import datetime
    from inspector_app.core.procedure import VisitSession
    from inspector_app.core.profile import load_profile
    from inspector_app.core.training import demo_visit
    from inspector_app.store.database import connect
    from inspector_app.store.visits import VisitStore

    profile = load_profile("changchun")
    store = VisitStore(connect(sys.argv[1]))
    visit = demo_visit(profile, 2)
    store.create(visit)
    t = [0.0]
    session = VisitSession(visit, profile, store, clock=lambda: t[0])
    room = session.add_room("bedroom", "主卧", 12)
    session.begin_point(room, room.points[0])
    print(visit.id, flush=True)
    n = 0
    while True:
        t[0] += 5
        session.feed(17.0 + (n % 3) / 10)
        n += 1
        print(n, flush=True)
""")


def test_killed_mid_visit_loses_no_acknowledged_reading_and_offers_resumption(tmp_path):
    db_path = tmp_path / "crash.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], stdout=subprocess.PIPE,
                            text=True, cwd=os.getcwd(),
                            env={**os.environ, "PYTHONPATH": os.getcwd()})
    visit_id = proc.stdout.readline().strip()
    acknowledged = 0
    while acknowledged < 25:
        acknowledged = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = VisitStore(connect(db_path))
    unfinished = store.unfinished()
    assert [r.id for r in unfinished] == [visit_id]
    visit = store.load(visit_id)
    stored = len(visit.rooms[0].points[0].samples)
    assert stored >= acknowledged  # every reading reported as taken is on disk
    assert store.elapsed(visit_id) >= acknowledged * 5


def test_resumed_session_continues_the_timeline(tmp_path):
    from inspector_app.core.procedure import VisitSession
    from inspector_app.core.profile import load_profile
    from inspector_app.core.training import demo_visit

    profile = load_profile("changchun")
    store = VisitStore(connect(tmp_path / "r.sqlite3"))
    visit = demo_visit(profile, 1)
    store.create(visit)
    t = [0.0]
    session = VisitSession(visit, profile, store, clock=lambda: t[0])
    room = session.add_room("bedroom", "主卧", 12)
    session.begin_point(room, room.points[0])
    for _ in range(10):
        t[0] += 30
        session.feed(18.2)
    # "crash": a new session on the reloaded visit, with a new clock starting at 0
    reloaded = store.load(visit.id)
    t2 = [0.0]
    resumed = VisitSession(reloaded, profile, store, clock=lambda: t2[0],
                           elapsed_before=store.elapsed(visit.id))
    open_room, open_point = resumed.next_open_point()
    assert open_point.id == room.points[0].id
    resumed.begin_point(open_room, open_point)
    t2[0] += 30
    resumed.feed(18.2)
    offsets = [s.t_offset_s for s in store.load(visit.id).rooms[0].points[0].samples]
    assert offsets == sorted(offsets) and offsets[-1] == 330
