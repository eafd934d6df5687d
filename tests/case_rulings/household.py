"""One household's sealed records (tests, re-tests, a correction) through the real sealing path,
uploaded to a live office: the evidence a case ruling rests on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from inspector_app.core.model import Address
from inspector_app.seal.record import Supersedes, seal_visit
from inspector_app.store.visits import VisitStore
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import NotEnrolled, load_link
from tests.sync.factory import CST, make_visit, profile, signatures

HOME = Address(city="长春市", district="朝阳区", street="人民大街", community="示范小区",
               building="1", unit="2", flat="301")
COMPANY = "长春热力"
# The office's "now" in these tests: after every fixed test date and ruling date they use, so
# no test depends on the real date (a ruling may not count a day after the office's today).
OFFICE_NOW = datetime(2026, 12, 15, 10, 0, tzinfo=CST)


@dataclass
class FixedClock:
    """The office's clock (`app.state.clock`), set by a test: `now` is what it reads."""

    now: datetime = OFFICE_NOW

    def __call__(self) -> datetime:
        return self.now


def seal_test(laptop, n: int, day: date, living_c: float, *, flat: str = HOME.flat,
              district: str = HOME.district, supersedes: str | None = None,
              training: bool = False, building: str = HOME.building) -> str:
    """A test of the household on `day`: bedroom 卧室1 at 18.4 °C, living room 客厅 at
    `living_c` (each 12.0 m², heated area 86.5 m²); `supersedes`: the record it corrects."""
    visit = make_visit(n, temps=(18.4, living_c), day=day, training=training)
    visit.address = Address(**{**HOME.__dict__, "flat": flat, "district": district,
                               "building": building})
    visit.company, visit.ticket = COMPANY, f"T-{flat}"
    VisitStore(laptop.db).import_measured(visit)
    link = Supersedes(supersedes, "地址录入有误，更正") if supersedes else None
    seal_visit(laptop.db, visit.id, signatures(), laptop.key, profile=profile(),
               supersedes=link, clock=lambda: visit.test_at + timedelta(minutes=20))
    return visit.id


def push(office, laptop) -> int:
    """Upload what the laptop has not sent (enrolling it first); returns how many were sent."""
    try:
        link = load_link(laptop.folder)
    except NotEnrolled:
        link = office.enroll_key(laptop.folder, laptop.key)
    with SyncClient(laptop.db, link) as client:
        return client.push_pending().sent
