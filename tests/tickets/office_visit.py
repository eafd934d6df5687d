"""A dispatched ticket at a live office, pulled by a real laptop, and a visit measured from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from inspector_app.core.model import Visit
from inspector_app.core.tickets import TicketData
from inspector_app.core.visit_from_ticket import visit_from_assignment
from inspector_app.store.assignments import assignment
from inspector_app.sync.assignments import pull_assignments
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import OfficeLink
from tests.sync.factory import make_visit, profile
from tests.sync.live import Laptop, LiveOffice

COMPLAINT = "2026-11-01T07:00:00+08:00"
DAY = date(2026, 11, 1)   # make_visit(0, day=DAY) tests at 09:00, two hours after


@dataclass
class Dispatched:
    link: OfficeLink
    item: dict


def dispatch_and_pull(office: LiveOffice, laptop: Laptop, number: str = "A1") -> Dispatched:
    """Inspector li with this laptop; ticket 12345/NUMBER imported, assigned to li, pulled."""
    store = office.store
    if store.query_one("SELECT 1 FROM users WHERE name='li'") is None:
        store.add_user("li", "inspector", "!", "朝阳区")
    link = office.enroll_key(laptop.folder, laptop.key)
    with store.write() as c:
        c.execute("UPDATE devices SET inspector='li' WHERE device_id=?", (laptop.key.device_id,))
    data = TicketData.validated({
        "channel": "12345", "ticket": number, "complaint_at": COMPLAINT,
        "resident_name": "李梅", "resident_phone": "13800000000", "city": "长春市",
        "district": "朝阳区", "street": "人民大街", "community": "示范小区", "building": "3",
        "unit": "2", "flat": "501", "company": "长春热力", "text": "卧室很冷"},
        datetime.now(UTC))
    store.save_tickets([data], source="hotline", by="hotline")
    store.assign_ticket("12345", number, "li", by="supervisor")
    with SyncClient(laptop.db, link) as client:
        report = pull_assignments(client)
    assert report.pulled >= 1, report
    return Dispatched(link, assignment(laptop.db, "12345", number).item)


def measured_from(item: dict) -> Visit:
    """The factory's measured visit, started from the assignment: the ticket's fields and ref."""
    base = make_visit(0, day=DAY)
    visit = visit_from_assignment(item, profile(), inspector=base.inspector,
                                  inspector_org=base.inspector_org, instrument=base.instrument,
                                  heated_area_m2=base.heated_area_m2)
    for name in ("contact_at", "arrival_at", "test_at", "outdoor_temp_c", "preconditions",
                 "closed_since", "rooms"):
        setattr(visit, name, getattr(base, name))
    assert visit.complaint_at < visit.contact_at
    return visit


def seal_clock(visit: Visit):  # noqa: ANN201
    return lambda: visit.test_at + timedelta(minutes=20)
