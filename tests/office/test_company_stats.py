"""Per-company statistics for a heating season, on worked numbers."""

from __future__ import annotations

import httpx
import pytest

from inspector_app.office.store import Incoming, OfficeStore, minutes_between, season_bounds
from inspector_app.sync.client import SyncClient
from tests.office.test_company_stats_reference import door_sources
from tests.sync.factory import seal_many


def row(n: int, company: str, verdict: str, contact: float | None, arrival: float | None,
        test_at: str = "2026-12-10T10:00:00+08:00", district: str = "朝阳区",
        training: bool = False, profile: str = "changchun") -> Incoming:
    return Incoming(record_id=f"R{n}", device_id="dev1", seq=n, sha256=f"h{n}",
                    prev_sha256=f"h{n - 1}" if n > 1 else None, envelope=b"{}",
                    sealed_at=test_at, training=training, test_at=test_at, district=district,
                    company=company, verdict=verdict, profile_name=profile,
                    contact_min=contact, arrival_min=arrival)


@pytest.fixture
def store(office_db, tmp_path) -> OfficeStore:
    store = OfficeStore(office_db)
    store.admit_device("dev1", "key1")
    return store


def test_worked_numbers(store):
    # 长春热力: 4 tests, 1 fail; contacts 10, 20, 40, 45 → median 30; 2 over changchun's 30 min
    #           arrivals 60, 90, 120, 150 → median 105
    # 城开热力: 3 tests, 2 fail; contacts 25, 31, (none) → median 28, 1 breach, 1 without times
    #           arrivals 100, 200 → median 150
    rows = [row(1, "长春热力", "pass", 10, 60), row(2, "长春热力", "fail", 20, 90),
            row(3, "长春热力", "pass", 40, 120), row(4, "长春热力", "pass", 45, 150),
            row(5, "城开热力", "fail", 25, 100), row(6, "城开热力", "fail", 31, 200),
            row(7, "城开热力", "pass", None, None),
            # not counted: another season, a training record
            row(8, "长春热力", "fail", 500, 600, test_at="2025-12-10T10:00:00+08:00"),
            row(9, "长春热力", "fail", 500, 600, training=True)]
    store.store_records(rows, "bundle")
    stats = store.company_stats("2026-2027")
    assert stats == [
        {"company": "长春热力", "tests": 4, "failures": 1, "failure_rate": 0.25,
         "median_contact_min": 30.0, "median_arrival_min": 105.0,
         "contact_limit_breaches": 2, "without_times": 0, **door_sources(4, 4)},
        {"company": "城开热力", "tests": 3, "failures": 2, "failure_rate": 0.6667,
         "median_contact_min": 28.0, "median_arrival_min": 150.0,
         "contact_limit_breaches": 1, "without_times": 1, **door_sources(2, 2)},
    ]
    assert store.company_stats("2025-2026")[0]["tests"] == 1
    assert store.company_stats("2026-2027", district="南关区") == []


def test_unknown_profile_is_not_judged_and_seasons_are_checked(store):
    store.store_records([row(1, "X", "pass", 99, 120, profile="atlantis")], "bundle")
    assert store.company_stats("2026-2027")[0]["contact_limit_breaches"] == 0
    assert season_bounds("2025-2026") == ("2025-07-01", "2026-07-01")
    for bad in ("2025", "2025-2027", "abcd-efgh"):
        with pytest.raises(ValueError):
            season_bounds(bad)
    assert minutes_between("2026-11-01T07:00:00+08:00", "2026-11-01T07:10:30+08:00") == 10.5
    assert minutes_between(None, "2026-11-01T07:10:00+08:00") is None


def test_stats_endpoint_from_uploaded_records(office, laptop):
    # factory visits: complaint 07:00+i, contact +10 min, arrival +110 min; every 3rd passes
    link = office.enroll_key(laptop.folder, laptop.key)
    for i in range(6):
        seal_many(laptop.db, laptop.key, 1, start=i,
                  temps=(18.4, 18.6) if i % 3 == 0 else (18.4, 17.2))
    with SyncClient(laptop.db, link) as sync:
        assert sync.push_pending().sent == 6
    with office.admin() as admin:
        answer = admin.get("/api/v1/companies/stats", params={"season": "2026-2027"})
        assert answer.status_code == 200, answer.text
        by_name = {c["company"]: c for c in answer.json()["companies"]}
        assert {n: c["tests"] for n, c in by_name.items()} == \
            {"长春热力": 2, "城开热力": 2, "东盛热力": 2}
        assert by_name["长春热力"]["failures"] == 0 and by_name["城开热力"]["failures"] == 2
        assert all(c["median_contact_min"] == 10.0 and c["median_arrival_min"] == 110.0
                   and c["contact_limit_breaches"] == 0 for c in by_name.values())
        assert admin.get("/api/v1/companies/stats",
                         params={"season": "2026"}).status_code == 422
        assert admin.get("/api/v1/companies/stats",
                         params={"season": "2026-2028"}).status_code == 422
    assert httpx.get(f"{office.url}/api/v1/companies/stats",
                     params={"season": "2026-2027"}).status_code == 401


def test_migration_backfills_delays_from_stored_envelopes(tmp_path, laptop):
    import sqlite3

    from inspector_app.office.legacy_sqlite import MIGRATIONS
    from inspector_app.store.sealed import SealedStore

    [rid] = seal_many(laptop.db, laptop.key, 1, start=3)
    envelope = SealedStore(laptop.db).envelope_text(rid).encode()
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for _n, _t, step in MIGRATIONS[:2]:
        step(conn)
    conn.execute("PRAGMA user_version=2")
    conn.execute("INSERT INTO devices (device_id, public_key, enrolled_via, enrolled_at)"
                 " VALUES ('d', 'k', 'bundle', 'now')")
    conn.execute("INSERT INTO records (record_id, device_id, seq, sha256, envelope,"
                 " envelope_size, received_at, received_via, sealed_at, training, test_at,"
                 " company, verdict) VALUES (?, 'd', 1, 'h', ?, ?, 'now', 'bundle', 'now', 0,"
                 " '2026-11-04T09:03:00+08:00', '长春热力', 'fail')",
                 (rid, envelope, len(envelope)))
    conn.close()
    store = OfficeStore(path)
    assert store.query_one("SELECT profile_name, contact_min, arrival_min FROM records"
                              ) == ("changchun", 10.0, 110.0)
    assert store.company_stats("2026-2027")[0]["median_arrival_min"] == 110.0


def test_a_supervisor_gets_their_district_only(office, store):
    from inspector_app.office.auth import hash_password

    office.store.admit_device("dev1", "key1")
    office.store.store_records([row(1, "A", "pass", 10, 20, district="朝阳区"),
                                row(2, "A", "fail", 10, 20, district="南关区")], "bundle")
    office.store.add_user("sup", "supervisor", hash_password("password-1"), "南关区")
    token = httpx.post(f"{office.url}/api/v1/login",
                       json={"name": "sup", "password": "password-1"}).json()["token"]
    answer = httpx.get(f"{office.url}/api/v1/companies/stats", params={"season": "2026-2027"},
                       headers={"Authorization": f"Bearer {token}"}).json()
    assert answer["district"] == "南关区"
    assert [(c["company"], c["tests"], c["failures"]) for c in answer["companies"]] == \
        [("A", 1, 1)]
