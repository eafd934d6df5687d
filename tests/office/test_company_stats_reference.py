"""Company statistics computed in SQL agree with a plain-Python reference on random data, on
both backends: counts, breaches per profile limit, and medians of odd, even and empty lists."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.core.season import season_bounds
from inspector_app.office.statistics import stats_sql
from inspector_app.office.store import OfficeStore

SEASON = "2026-2027"
LIMITS = {"changchun": 30, "strict": 5, "lenient": None}  # `atlantis` and '' are unknown
PROFILES = ("changchun", "strict", "lenient", "atlantis", "")
COMPANIES = ("长春热力", "城开热力", "A", "")
TIMES = ("2026-12-10T10:00:00+08:00", "2027-06-30T23:59:00+08:00", "2026-07-01T00:00:00+08:00",
         "2026-06-30T23:00:00+08:00", "2027-07-01T00:00:00+08:00")  # the last two: other seasons

minutes = st.one_of(st.none(), st.integers(0, 400).map(float),
                    st.integers(0, 40_000).map(lambda n: n / 100))
record = st.tuples(st.sampled_from(COMPANIES), st.sampled_from(("pass", "fail", "incomplete")),
                   minutes, minutes, st.sampled_from(PROFILES), st.sampled_from(TIMES),
                   st.sampled_from(("朝阳区", "南关区")), st.booleans())


def reference(rows: list[tuple], season: str, district: str | None,
              limits: dict[str, int | None]) -> list[dict[str, Any]]:
    """The statistics as a list of rows in Python computes them (what the office did before)."""
    low, high = season_bounds(season)
    groups: dict[str, dict[str, Any]] = {}
    for company, verdict, contact, arrival, profile, test_at, where, training in rows:
        if training or not low <= test_at < high or district not in (None, where):
            continue
        g = groups.setdefault(company, {"tests": 0, "failures": 0, "contact": [],
                                        "arrival": [], "breaches": 0, "without_times": 0})
        g["tests"] += 1
        g["failures"] += verdict == "fail"
        if contact is None:
            g["without_times"] += 1
        else:
            g["contact"].append(contact)
            limit = limits.get(profile)
            g["breaches"] += limit is not None and contact > limit
        if arrival is not None:
            g["arrival"].append(arrival)
    return [{"company": company, "tests": g["tests"], "failures": g["failures"],
             "failure_rate": round(g["failures"] / g["tests"], 4),
             "median_contact_min": median(g["contact"]),
             "median_arrival_min": median(g["arrival"]),
             "contact_limit_breaches": g["breaches"], "without_times": g["without_times"],
             **door_sources(len(g["contact"]), len(g["arrival"]))}
            for company, g in sorted(groups.items(), key=lambda kv: (-kv[1]["tests"], kv[0]))]


def door_sources(contacts: int, arrivals: int) -> dict[str, Any]:
    """With no ticket at the office every time is the one typed at the door."""
    return {"contact_sources": {"ticket": 0, "ticket+door": 0, "door": contacts},
            "contact_source": "door" if contacts else None,
            "arrival_sources": {"ticket": 0, "ticket+door": 0, "door": arrivals},
            "arrival_source": "door" if arrivals else None}


def median(values: list[float]) -> float | None:
    if not values:
        return None
    values = sorted(values)
    mid = len(values) // 2
    return round(values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2, 2)


def fill(store: OfficeStore, rows: list[tuple]) -> None:
    """Replace the records with `rows` (inserted directly: only the columns statistics read)."""
    with store.write() as c:
        c.execute("DELETE FROM records")
        c.executemany(
            "INSERT INTO records (ref, record_id, device_id, seq, sha256, envelope,"
            " envelope_size, received_at, received_via, sealed_at, training, test_at, district,"
            " company, verdict, profile_name, contact_min, arrival_min)"
            " VALUES (?, ?, 'dev1', ?, ?, ?, 2, ?, 'bundle', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f"dev1.R{n}", f"R{n}", n, f"h{n}", b"{}", test_at, test_at, int(training),
              test_at, district, company, verdict, profile, contact, arrival)
             for n, (company, verdict, contact, arrival, profile, test_at, district, training)
             in enumerate(rows, start=1)])


@pytest.fixture
def store(office_db) -> OfficeStore:
    store = OfficeStore(office_db)
    store.admit_device("dev1", "key1")
    yield store
    store.close()


def check(store: OfficeStore, rows: list[tuple]) -> None:
    fill(store, rows)
    for district in (None, "朝阳区", "南关区"):
        for season in (SEASON, "2025-2026"):
            got = store.company_stats(season, district=district, contact_limits=dict(LIMITS))
            assert got == reference(rows, season, district, LIMITS), (season, district)


CASES = {
    "empty": [],
    "one, no times": [("A", "fail", None, None, "changchun", TIMES[0], "朝阳区", False)],
    "even count, halves": [("A", "pass", c, c + 1, "strict", TIMES[0], "朝阳区", False)
                           for c in (0.01, 0.02, 7.0, 9.99)],
    "odd count, ties, limits at the edge": [
        ("B", v, c, None, p, TIMES[1], "南关区", False)
        for v, c, p in (("fail", 30.0, "changchun"), ("pass", 30.01, "changchun"),
                        ("fail", 5.0, "strict"), ("pass", 30.0, "lenient"),
                        ("pass", 999.0, "atlantis"))],
    "outside the season and training": [
        ("A", "fail", 1.0, 2.0, "changchun", TIMES[3], "朝阳区", False),
        ("A", "fail", 1.0, 2.0, "changchun", TIMES[4], "朝阳区", False),
        ("A", "fail", 1.0, 2.0, "changchun", TIMES[0], "朝阳区", True),
        ("A", "pass", 50.0, None, "", TIMES[2], "朝阳区", False)],
}


@pytest.mark.parametrize("case", CASES)
def test_worked_cases_match_the_reference(store, case):
    check(store, CASES[case])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(record, max_size=40))
def test_random_records_match_the_reference(store, rows):
    check(store, rows)


def test_unknown_profiles_are_looked_up_once_and_kept(store):
    fill(store, [("A", "pass", 40.0, 50.0, "changchun", TIMES[0], "朝阳区", False),
                 ("A", "pass", 40.0, 50.0, "atlantis", TIMES[0], "朝阳区", False)])
    limits: dict[str, int | None] = {}
    [stats] = store.company_stats(SEASON, contact_limits=limits)
    assert limits == {"changchun": 30, "atlantis": None}  # the bundled profile's own limit
    assert stats["contact_limit_breaches"] == 1


def test_sqlite_groups_along_the_covering_indexes(tmp_path):
    """Nothing sorted, nothing read from the table: a million records take well under 2 s."""
    store = OfficeStore(tmp_path / "o.sqlite3")
    for district in ("", " AND district=?"):
        where = f"test_at >= ? AND test_at < ? AND training=0{district}"
        for sql, index in zip(stats_sql(where, postgres=False),
                              ("records_stats_contact", "records_stats_arrival"), strict=True):
            plan = " | ".join(r[3] for r in store.query(f"EXPLAIN QUERY PLAN {sql}",
                                                        ["a", "b", "c"][:where.count("?")]))
            assert f"COVERING INDEX {index}" in plan and "TEMP B-TREE" not in plan, plan
