"""A district office to try supervisor review on: `inspector-app supervisor --demo`.

It is a training office (`training=True`) in its own folder, holding
- synthetic rows (`synth`: marked, never evidence) so the list has a province's volume, and
- a dozen training records sealed for real by a demo laptop key: measured rooms and points,
  generated signatures, hash, signature and chain, checked on arrival like any upload.
Rulings on the training records are practice rulings, marked on every page as of no effect.

With a display the review window opens logged in; without one `tour` walks the same calls the
window makes (page, sort, filter, detail, review, ruling, export, company figures), writes the
ruling PDF and the export beside the office, and says where.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import uvicorn

from inspector_app.core.model import Point, Room, Sample
from inspector_app.core.profile import load_profile
from inspector_app.core.season import season_of
from inspector_app.core.training import demo_visit
from inspector_app.review.client import ReviewSession

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-password"   # a throwaway office on 127.0.0.1 only
OFFICE_FILE = "office.sqlite3"
CST = timezone(timedelta(hours=8))
DISTRICTS = ("朝阳区", "南关区", "宽城区", "绿园区")
COMPANIES = ("长春热力", "城开热力", "东盛热力")
INSPECTORS = ("张伟", "李娜", "王磊")
# (bedroom, living room) means: passes, a near miss, a cold home
TEMPS = ((18.6, 18.9), (17.4, 18.3), (15.2, 16.8), (18.1, 17.6))


@dataclass
class DemoOffice:
    folder: Path
    url: str
    server: uvicorn.Server

    def login(self) -> ReviewSession:
        return ReviewSession.login(self.url, DEMO_USER, DEMO_PASSWORD)

    def stop(self) -> None:
        self.server.should_exit = True


def _measured_visit(profile, i: int, today: date):  # noqa: ANN001, ANN202 - Profile → Visit
    when = datetime.combine(today - timedelta(days=i), datetime.min.time(), CST) + timedelta(
        hours=9 + i % 8, minutes=7 * i % 60)
    visit = demo_visit(profile, 2, now=when)
    visit.ticket = f"DEMO-{when:%Y%m%d}-{i:03d}"
    visit.address.district = DISTRICTS[i % len(DISTRICTS)]
    visit.address.flat = str(101 + 100 * (i % 6) + i % 4)
    visit.company = COMPANIES[i % len(COMPANIES)]
    visit.inspector = INSPECTORS[i % len(INSPECTORS)]
    rng = random.Random(i)
    bedroom, living = TEMPS[i % len(TEMPS)]
    for kind, name, area, target in (("bedroom", "主卧", 14.2, bedroom),
                                     ("living_room", "客厅", 24.6, living)):
        room = Room(kind=kind, name=name, area_m2=area)
        points = 1 if area <= 16 else 5
        for index in range(1, points + 1):
            point = Point(index=index, stable_at_s=600.0 * index)
            for j in range(profile.readings_per_point):
                value = round(target + rng.uniform(-0.15, 0.15), 1)
                t = 600.0 * index + 60 * j
                point.samples.append(Sample(
                    value_c=value, raw_c=value, t_offset_s=t,
                    t_wall=(when + timedelta(seconds=t)).isoformat(), captured=j + 1))
            room.points.append(point)
        visit.rooms.append(room)
    visit.test_at = when + timedelta(minutes=40)
    return visit


def prepare(folder: Path, *, synthetic: int = 100_000, real: int = 12,
            today: date | None = None,
            progress: Callable[[str, str], None] = lambda _zh, _en: None) -> Path:
    """Fill the demo office once (later runs reuse it); returns its database path.
    `progress(zh, en)` hears what is being made."""
    from inspector_app.office import ingest
    from inspector_app.office.auth import hash_password
    from inspector_app.office.store import OfficeStore
    from inspector_app.office.synth import synthesize
    from inspector_app.seal.device_key import load_or_create_device_key
    from inspector_app.seal.training import seal_training_visit
    from inspector_app.store.database import DB_FILENAME, connect
    from inspector_app.store.sealed import SealedStore
    from inspector_app.store.visits import VisitStore

    folder = Path(folder)
    db_path = folder / OFFICE_FILE
    store = OfficeStore(db_path)
    try:
        if store.user(DEMO_USER) is not None:
            return db_path
        today = today or date.today()
        progress(f"生成合成记录 {synthetic:,} 条…", f"making {synthetic:,} synthetic records…")
        store.close()
        synthesize(db_path, synthetic, season=season_of(today))
        store = OfficeStore(db_path)
        laptop = folder / "demo-laptop"
        laptop.mkdir(parents=True, exist_ok=True)
        key = load_or_create_device_key(laptop)
        device = store.admit_device(key.device_id, key.public_key_b64, "演示设备（培训）")
        db = connect(laptop / DB_FILENAME)
        visits, profile = VisitStore(db), load_profile("changchun")
        for i in range(real):
            visit = _measured_visit(profile, i, today)
            visits.import_measured(visit)
            seal_training_visit(db, visit.id, key,
                                clock=lambda v=visit: v.test_at + timedelta(minutes=25))
            body = SealedStore(db).envelope_text(visit.id).encode("utf-8")
            ingest.receive(store, body, visit.id, device, training_allowed=True)
        db.conn.close()
        store.add_user(DEMO_USER, "admin", hash_password(DEMO_PASSWORD), None)
        progress(f"已签封并上传培训记录 {real} 条", f"sealed and uploaded {real} training records")
        return db_path
    finally:
        store.close()


def serve(db_path: Path) -> tuple[uvicorn.Server, str]:
    """The office on 127.0.0.1 (a free port) in a background thread, as a training office."""
    from inspector_app.office.app import create_app

    app = create_app(db_path, training=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           access_log=False, lifespan="off"))
    threading.Thread(target=server.run, daemon=True, name="demo-office").start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the demo office did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}"


def start(folder: Path, **kwargs: Any) -> DemoOffice:
    db_path = prepare(folder, **kwargs)
    server, url = serve(db_path)
    return DemoOffice(Path(folder), url, server)


def tour(session: ReviewSession, out: Path, lang: str = "zh") -> dict[str, Any]:
    """What the review window does, as calls; writes a ruling PDF and a CSV export into `out`."""
    import json

    from inspector_app.core.ruling import Ruling
    from inspector_app.slip.ruling_pdf import render_ruling

    started = time.perf_counter()
    first = session.list_records({}, limit=100)
    first_ms = (time.perf_counter() - started) * 1000
    by_company = session.list_records({}, sort="company", order="asc", limit=5)
    failures = session.list_records({"verdict": "fail"}, limit=1)
    training = session.list_records({"training": True, "verdict": "fail"}, limit=1)
    summary: dict[str, Any] = {
        "office": session.base_url, "records": first["total"],
        "records_exact": first["total_exact"], "first_page_ms": round(first_ms, 1),
        "first_by_company": by_company["items"][0]["company"] if by_company["items"] else None,
        "failures": failures["total"], "failures_exact": failures["total_exact"]}
    if training["items"]:
        ref, record_id = training["items"][0]["ref"], training["items"][0]["record_id"]
        detail = session.record(ref)
        session.set_review(ref, "approved", "演示：记录完整，同意作为裁定依据")
        issued = session.issue_ruling(ref, "0.1607", 10, "演示裁定（培训）")
        raw, _ = session.envelope(ref)
        pdf = render_ruling(json.loads(raw), Ruling.from_dict(issued["ruling"]),
                            ruling_no=issued["ruling_no"], issued_by=issued["issued_by"],
                            issued_at=issued["issued_at"], lang=lang)
        from inspector_app.atomic_file import write_atomically

        ruling_path = write_atomically(out / f"ruling-{issued['ruling_no']}.pdf", pdf)
        summary.update(record=record_id, verification=detail["verification"],
                       chain_state=detail["chain_state"], ruling_no=issued["ruling_no"],
                       decision=issued["ruling"]["decision"],
                       amount=issued["ruling"]["amount_total"], ruling_pdf=str(ruling_path))
    csv_path = session.export({"district": DISTRICTS[0], "verdict": "fail"},
                              out / "records-demo.csv", lang=lang)
    stats = session.company_stats(season_of(date.today()))
    summary.update(export_csv=str(csv_path), companies=len(stats["companies"]))
    return summary
