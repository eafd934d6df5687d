"""Sealed records of chosen households, stored at an office the way an upload stores them."""

from __future__ import annotations

import json
from datetime import date, timedelta

from inspector_app.core.model import Address
from inspector_app.core.profile import Profile
from inspector_app.office.cases import CaseFilter, cases_page
from inspector_app.office.ingest import incoming_from
from inspector_app.office.store import OfficeStore, now_iso
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import Supersedes, seal_visit
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import VisitStore
from tests.sync.factory import laptop_db, make_visit, profile, signatures


class Laptop:
    """A laptop database and key that seals visits at chosen addresses and days."""

    def __init__(self, folder) -> None:
        self.db = laptop_db(folder)
        self.key = DeviceKey.generate()
        self.n = 0

    def seal(self, *, day: date, temps=(18.4, 17.2), district: str = "朝阳区",
             community: str = "幸福小区", building: str = "3", flat: str = "501",
             hour: int = 9, rules: Profile | None = None, training: bool = False,
             supersedes: str | None = None) -> bytes:
        """Seal one visit (fails unless both temps ≥ 18) under `rules` (Changchun unless
        given) and return its envelope bytes; `supersedes`: the record id it corrects."""
        self.n += 1
        rules = rules or profile()
        visit = make_visit(self.n, temps=temps, day=day, training=training)
        visit.profile_name, visit.profile_version = rules.name, rules.version
        visit.preconditions = {c.key: True for c in rules.preconditions}
        shift = timedelta(hours=hour - 9, minutes=-(self.n % 60))
        for name in ("complaint_at", "contact_at", "arrival_at", "test_at", "closed_since"):
            setattr(visit, name, getattr(visit, name) + shift)
        visit.address = Address(city="长春市", district=district, street="人民大街",
                                community=community, building=building, unit="2", flat=flat)
        VisitStore(self.db).import_measured(visit)
        seal_visit(self.db, visit.id, signatures(), self.key, profile=rules,
                   supersedes=Supersedes(supersedes, "读数录入有误，更正") if supersedes else None,
                   clock=lambda: visit.test_at + timedelta(minutes=20))
        return SealedStore(self.db).envelope_text(visit.id).encode("utf-8")


def cases_of(store: OfficeStore, **filters) -> list[dict]:
    return cases_page(store, CaseFilter(**filters), limit=500)[0]


def snapshot(store: OfficeStore) -> dict:
    """Every row of the tables a case action may touch (to show a refusal changed nothing)."""
    return {t: sorted(map(tuple, store.query(f"SELECT * FROM {t}")), key=repr)
            for t in ("households", "household_changes", "cases", "case_events", "cases_stale",
                      "records", "tickets")}


def store_envelopes(store: OfficeStore, *envelopes: bytes) -> list[str]:
    """Store the envelopes as one upload transaction; returns their refs."""
    items = [incoming_from(json.loads(raw), raw) for raw in envelopes]
    with store.write() as c:   # the laptop enrolled (records name their device)
        for raw in envelopes:
            device = json.loads(raw)["record"]["device"]
            c.execute("INSERT INTO devices (device_id, public_key, label, enrolled_via,"
                      " enrolled_at) VALUES (?,?,'laptop','code',?) ON CONFLICT DO NOTHING",
                      (device["device_id"], device["public_key"], now_iso()))
    return [s.ref for s in store.store_records(items, "upload", all_or_nothing=False)]
