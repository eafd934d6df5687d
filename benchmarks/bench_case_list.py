"""The case list page over HTTP on loopback (PostgreSQL) against its raw indexed query.

    .venv/bin/python benchmarks/bench_case_list.py [--pg URL] [--records 1000000]
        [--schema NAME --keep] [--pages 80] [--fill-only | --no-http]

The office is a schema of its own on `--pg` (default: $INSPECTOR_TEST_PG, else
postgresql://root@127.0.0.1:5432/test), upgraded to the newest revision, then filled straight
with `COPY` (`Tx.insert_rows`) in one transaction that drops the tables' indexes first and
builds them again after the rows are in (from PostgreSQL's own definitions), as a bulk load
does:

- `--records` synthetic records (`office.synth`'s rows: `synthetic=1`, ids `SYN-…`, devices
  labelled synthetic, a JSON stub for an envelope, never evidence), each belonging to one of
  about 0.6 × records households (every household has at least one record, the rest of the
  records fall on households at random; a household keeps one district, one company and one
  address `长春市<district>示范<n>小区<b>栋<u>单元<f>室`, its id from `core.household`);
- the `households` rows, and one `cases` row per household for the season, opened by its
  first record (`opened_kind='record'`; the fill has no tickets), with its record count,
  failing days and an estimate; about 30 % open, the rest ruled or withdrawn.

`VACUUM ANALYZE` follows (what autovacuum does in time). With `--schema NAME --keep` a filled
schema is kept and reused by the next run (the fill is minutes at a million records); without,
a fresh schema `bench_cases_<random>` is made and dropped at the end.

Then pages a district supervisor asks for, `GET /api/v1/cases?district=D&state=open&limit=50`:
three in four at page 1–5 (the next pages reached by the answers' `next` cursor), one in four
the district's last page of open cases (its cursor made by `office.cases.encode_cursor`, as
the office would hand it out; a district with fewer than 51 open cases asks for this page
first). Each page is timed three ways, interleaved, after a warm-up pass over the same pages:

- raw:    the page's indexed query (`PAGE_SQL`, served by `cases_district`: district and rank
          fixed, read backward in `(opened_at, case_id)` order, no sort) on the benchmark's own
          psycopg connection, LIMIT 51, rows fetched;
- store:  `office.cases.cases_page` in this process (the SQL the API runs, and its cursor);
- office: the GET to the office served by uvicorn in a child process on 127.0.0.1 with a
          supervisor's session: auth, validation, the store's page, the cursor, JSON.

All three must give the same case ids. Prints p50 / p95 in ms and office/raw. The plan of the raw
query is checked first (EXPLAIN: an index scan of `cases_district`, no sort node).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from benchmarks.bench_records_page import pct, start  # noqa: E402
from inspector_app.core.household import key_of_address  # noqa: E402
from inspector_app.office.cases import CaseFilter, cases_page, encode_cursor  # noqa: E402
from inspector_app.office.store import OfficeStore, now_iso  # noqa: E402
from inspector_app.office.synth import COMPANIES, DISTRICTS, N_DEVICES, _rows  # noqa: E402
from tests.pg_backend import drop_schema, with_search_path  # noqa: E402

SEASON = "2025-2026"
HOUSEHOLD_SHARE = 0.6           # households per record
OPEN_SHARE = 0.25               # cases still open
FEE = Decimal("0.1607")         # changchun's daily fee per m², for the synthetic estimates
AREA = Decimal("86.5")
CHUNK = 20_000                  # rows a COPY call
PLAN_FROM = 10_000              # cases from which the raw query must read cases_district in order
CASE_COLS = ("case_id", "household", "season", "district", "company", "address", "state",
             "opened_at", "opened_kind", "opened_ref", "closed_at", "ruling_no", "records",
             "tickets", "failing_days", "estimate", "last_test_at", "evidence_after_ruling")
RECORD_COLS = ("ref", "record_id", "device_id", "seq", "sha256", "envelope", "envelope_size",
               "received_at", "sealed_at", "test_at", "district", "company", "inspector",
               "verdict", "ticket", "address", "review_state", "complaint_at", "contact_min",
               "arrival_min", "household", "arrival", "received_via", "training",
               "verification", "chain_state", "profile_name", "synthetic")
RECORD_CONSTANTS = ("bundle", 0, "verified", "ok", "changchun", 1)
# A district supervisor's open cases, newest first: `cases_district` (district, rank,
# opened_at, case_id) read backward with district and rank fixed. state = 'open' is rank 0.
PAGE_SQL = (f"SELECT {', '.join(CASE_COLS)} FROM cases"
            " WHERE district = %s AND rank = 0 AND state = 'open'{after}"
            " ORDER BY rank, opened_at DESC, case_id DESC LIMIT %s")
AFTER_SQL = " AND (opened_at, case_id) < (%s, %s)"


def utc(moment: str) -> str:
    """An RFC 3339 time with offset as the cases table keeps it: UTC 'YYYY-MM-DDTHH:MM:SSZ'."""
    return datetime.fromisoformat(moment).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the fill ----------------------------------------------------------------------------------

class Household:
    """One synthetic household: its place, and what its records add up to."""

    __slots__ = ("hid", "key", "district", "company", "address", "first_ref", "first_complaint",
                 "last_test", "records", "fails")

    def __init__(self, n: int, district: str, company: str) -> None:
        place, rest = divmod(n, 240)
        building, unit, flat = rest // 24 + 1, rest % 24 // 8 + 1, (rest % 8 // 2 + 1) * 100 \
            + rest % 2 + 1
        parts = {"city": "长春市", "district": district, "community": f"示范{place}小区",
                 "building": str(building), "unit": str(unit), "flat": str(flat)}
        key = key_of_address(parts)
        self.hid, self.key = key.household_id, key.text
        self.district, self.company = district, company
        self.address = f"长春市{district}示范{place}小区{building}栋{unit}单元{flat}室"
        self.first_ref = self.first_complaint = self.last_test = ""
        self.records = self.fails = 0


def households_for(n_records: int, rng: random.Random) -> tuple[list[Household], list[int]]:
    """The households and, for each record in order, the index of its household."""
    n = max(1, round(n_records * HOUSEHOLD_SHARE))
    districts = rng.choices([d for d, _ in DISTRICTS], [w for _, w in DISTRICTS], k=n)
    companies = rng.choices([c for c, _, _ in COMPANIES], [w for _, w, _ in COMPANIES], k=n)
    homes = [Household(i, districts[i], companies[i]) for i in range(n)]
    owner = list(range(n)) + rng.choices(range(n), k=n_records - n)
    rng.shuffle(owner)
    return homes, owner


def record_rows(homes: list[Household], owner: list[int], rng: random.Random, first_arrival: int
                ) -> Iterator[tuple]:
    """`office.synth`'s rows in test_at order, each moved to its household's district, company
    and address, with the household column; the households' summaries filled on the way."""
    for i, row in enumerate(_rows(len(owner), SEASON, rng, 0)):
        home = homes[owner[i]]
        ref, test_at, verdict, complaint_at = row[0], row[8], row[13], row[17]
        if not home.records:
            home.first_ref, home.first_complaint = ref, complaint_at
        home.records += 1
        home.fails += verdict == "fail"
        home.last_test = test_at
        yield (*row[:10], home.district, home.company, *row[12:15], home.address, *row[16:],
               home.hid, first_arrival + i, *RECORD_CONSTANTS)


def case_row(home: Household, rng: random.Random, last_day: datetime, now: str) -> tuple:
    """The household's case of the season, as `office.cases` would keep it (list columns)."""
    failing = home.fails * rng.randrange(3, 9)
    last_test = datetime.fromisoformat(home.last_test)
    if rng.random() < OPEN_SHARE * (2.0 if last_day - last_test < timedelta(days=45) else 0.8):
        state, closed_at, ruling_no = "open", None, None
    else:
        closed = (last_test + timedelta(days=rng.randrange(1, 15))).isoformat()
        state = "ruled" if rng.random() < 0.85 else "withdrawn"
        closed_at = utc(closed)
        ruling_no = f"{SEASON}-{rng.randrange(1, 999_999):06d}" if state == "ruled" else None
    return (f"{home.hid}-{SEASON}-1", home.hid, SEASON, home.district, home.company,
            home.address, state, 0 if state == "open" else 1, utc(home.first_complaint),
            "record", home.first_ref, closed_at, ruling_no, home.records, 0, failing,
            str((FEE * AREA * failing).quantize(Decimal("0.01"))), utc(home.last_test), 0, now)


def chunks(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(url: str, n_records: int, seed: int) -> None:
    """Upgrade the schema and COPY the records, households and cases in; then VACUUM ANALYZE."""
    began = time.perf_counter()
    rng = random.Random(seed)
    store = OfficeStore(url)
    homes, owner = households_for(n_records, rng)
    print(f"  {len(homes):,} households keyed in {time.perf_counter() - began:.0f} s",
          file=sys.stderr)
    now = now_iso()
    first = store.scalar("SELECT coalesce(max(arrival), 0) + 1 FROM records")
    with store.write() as c:
        indexes = c.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            " AND tablename IN ('records', 'households', 'cases')"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint"
            "                       WHERE connamespace = current_schema()::regnamespace)"
            ).fetchall()
        for name, _definition in indexes:   # a bulk load: the indexes are built once after
            c.execute(f'DROP INDEX "{name}"')
        for dev in range(N_DEVICES):
            c.execute("INSERT INTO devices (device_id, public_key, label, enrolled_via,"
                      " enrolled_at) VALUES (?,?,'synthetic','bundle',?) ON CONFLICT DO NOTHING",
                      (f"syn-device-{dev:02d}", f"synthetic-key-{dev:02d}", now))
        done = 0
        for batch in chunks(record_rows(homes, owner, rng, first)):
            c.insert_rows("records", RECORD_COLS, batch)
            done += len(batch)
            if done % 200_000 < CHUNK:
                print(f"  {done:,} records in {time.perf_counter() - began:.0f} s",
                      file=sys.stderr)
        c.execute("SELECT setval('records_arrival_seq', ?)", (first + n_records,))
        for batch in chunks(iter([(h.hid, h.key, "长春市", h.district, h.address, now)
                                  for h in homes])):
            c.insert_rows("households", ("household_id", "key", "city", "district", "address",
                                         "created_at"), batch)
        last_day = max(datetime.fromisoformat(h.last_test) for h in homes)
        cases = (case_row(h, rng, last_day, now) for h in homes)
        for batch in chunks(cases):
            c.insert_rows("cases", (*CASE_COLS[:7], "rank", *CASE_COLS[7:], "updated_at"),
                          batch)
        print(f"  copied in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        c.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            c.execute(definition)
    store.close()
    print(f"  filled in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    with psycopg.connect(url, autocommit=True) as conn:
        for table in ("records", "households", "cases"):
            conn.execute(sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier(table)))
    print(f"  filled and analysed in {time.perf_counter() - began:.0f} s", file=sys.stderr)


# --- the pages ---------------------------------------------------------------------------------

def page_query(district: str, key: tuple[str, str] | None, limit: int) -> tuple[str, list[Any]]:
    if key is None:
        return PAGE_SQL.format(after=""), [district, limit + 1]
    return PAGE_SQL.format(after=AFTER_SQL), [district, *key, limit + 1]


def check_plan(conn: psycopg.Connection, district: str, key: tuple[str, str]) -> str:
    """The raw query's plan: an index scan of cases_district and no sort, or this run stops.
    Below PLAN_FROM cases the planner may rightly sort a few hundred rows: only said then."""
    query, params = page_query(district, key, 50)
    plan = "\n".join(r[0] for r in conn.execute("EXPLAIN " + query, params).fetchall())
    if "Index Scan Backward using cases_district" not in plan or "Sort" in plan:
        cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        if cases >= PLAN_FROM:
            raise SystemExit(f"the raw page query is not served by cases_district:\n{plan}")
        plan += f"\n(not read in index order: only {cases:,} cases; checked from {PLAN_FROM:,})"
    return plan


def key_at(conn: psycopg.Connection, district: str, row: int) -> tuple[str, str]:
    """The (opened_at, case_id) of row number `row` (from 0) of the district's open cases."""
    query = PAGE_SQL.format(after="").replace("LIMIT %s", "LIMIT 1 OFFSET %s")
    found = conn.execute(query.replace(", ".join(CASE_COLS), "opened_at, case_id"),
                         [district, row]).fetchone()
    return found[0], found[1]


def plan_pages(conn: psycopg.Connection, n: int, limit: int, rng: random.Random
               ) -> list[dict[str, Any]]:
    """`n` pages: a district (weighted as the fill's) and its raw key; three in four at page
    1–5 ("pages 1-5"; fewer where the district has fewer), one in four the district's last page
    of open cases ("last page")."""
    open_cases = dict(conn.execute("SELECT district, count(*) FROM cases WHERE rank = 0"
                                   " AND state = 'open' GROUP BY district").fetchall())
    pages = []
    for i in range(n):
        district = rng.choices([d for d, _ in DISTRICTS], [w for _, w in DISTRICTS])[0]
        total = open_cases.get(district, 0)
        if i % 4 == 3:
            start = total - (total % limit or limit)
            pages.append({"kind": "last page", "district": district, "page_no": None,
                          "key": key_at(conn, district, start - 1) if start > 0 else None})
            continue
        page_no = rng.randrange(max(1, min(5, -(-total // limit))))
        pages.append({"kind": "pages 1-5", "district": district, "page_no": page_no,
                      "key": key_at(conn, district, page_no * limit - 1) if page_no else None})
    return pages


def cursors(store: OfficeStore, pages: list[dict[str, Any]], limit: int) -> None:
    """Pages 1–5: walk the district from its first page by each page's next cursor (untimed).
    The last page: its cursor made as the office makes one (`office.cases.encode_cursor`)."""
    for p in pages:
        if p["page_no"] is None:
            p["after"] = p["key"] and encode_cursor(
                {"rank": 0, "opened_at": p["key"][0], "case_id": p["key"][1]})
            continue
        after = None
        for _ in range(p["page_no"]):
            after = cases_page(store, page_filter(p), limit, after)[1]
        p["after"] = after


def page_filter(page: dict[str, Any]) -> CaseFilter:
    return CaseFilter(district=page["district"], state="open")


def query_of(page: dict[str, Any], limit: int) -> dict[str, Any]:
    query: dict[str, Any] = {"district": page["district"], "state": "open", "limit": limit}
    if page["after"]:
        query["after"] = page["after"]
    return query


def measure(url: str, args: argparse.Namespace) -> None:
    store = OfficeStore(url)
    records = store.scalar("SELECT count(*) FROM records")
    households = store.scalar("SELECT count(*) FROM households")
    counts = dict(store.query("SELECT state, count(*) FROM cases GROUP BY state"))
    tokens = {}
    for n, (district, _w) in enumerate(DISTRICTS):
        name = f"bench-cases-{n}"
        if store.user(name) is None:
            store.add_user(name, "supervisor", "not-for-login", district)
        tokens[district] = store.new_session(name)[0]
    print(f"{records:,} records, {households:,} households, cases {counts}")

    conn = psycopg.connect(url, autocommit=True)
    pages = plan_pages(conn, args.pages, args.limit, random.Random(args.seed))
    deep = next((p for p in pages if p["key"]), None)
    if deep:
        print("raw plan (a page past the first):\n  "
              + check_plan(conn, deep["district"], deep["key"]).replace("\n", "\n  "))
    cursors(store, pages, args.limit)
    times: dict[tuple[str, str], list[float]] = {}
    office = None
    with httpx.Client(timeout=60) as client:
        try:
            if not args.no_http:
                office, client.base_url = start("office", url)
            for measured in (False, True):
                for p in pages:
                    query, params = page_query(p["district"], p["key"], args.limit)
                    t0 = time.perf_counter()
                    rows = conn.execute(query, params).fetchall()
                    t1 = time.perf_counter()
                    items = cases_page(store, page_filter(p), args.limit, p["after"])[0]
                    t2 = time.perf_counter()
                    want = [r[0] for r in rows[:args.limit]]
                    assert [i["case_id"] for i in items] == want, p
                    spent = {"raw": t1 - t0, "store": t2 - t1}
                    if office is not None:
                        got = client.get("/api/v1/cases", params=query_of(p, args.limit),
                                         headers={"Authorization":
                                                  f"Bearer {tokens[p['district']]}"})
                        spent["office"] = time.perf_counter() - t2
                        assert got.status_code == 200, got.text
                        assert [i["case_id"] for i in got.json()["items"]] == want, p
                    if measured:
                        for what, dt in spent.items():
                            times.setdefault((p["kind"], what), []).append(dt * 1000)
        finally:
            if office is not None:
                office.terminate()
                office.wait()
            conn.close()
            store.close()
    print(f"\ndistrict + state=open, {args.pages} pages of {args.limit}")
    print(f"{'page':<11}{'what':<8}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'p95/raw':>9}")
    for kind in ("pages 1-5", "last page"):
        raw95 = pct(times[(kind, "raw")], 0.95)
        for what in ("raw", "store", "office"):
            got = times.get((kind, what))
            if got:
                print(f"{kind:<11}{what:<8}{len(got):>4}{pct(got, 0.5):>9.2f}"
                      f"{pct(got, 0.95):>9.2f}{pct(got, 0.95) / raw95:>9.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pg", default=os.environ.get("INSPECTOR_TEST_PG",
                                                   "postgresql://root@127.0.0.1:5432/test"))
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--schema", help="a schema to fill or reuse (default: a fresh one)")
    ap.add_argument("--keep", action="store_true", help="keep the schema for the next run")
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--fill-only", action="store_true")
    ap.add_argument("--no-http", action="store_true",
                    help="time the raw query and the store's page only, no office server")
    args = ap.parse_args()
    schema = args.schema or f"bench_cases_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
    url = with_search_path(args.pg, schema)
    try:
        store = OfficeStore(url)
        have = store.scalar("SELECT count(*) FROM records")
        store.close()
        if have >= args.records:
            print(f"schema {schema}: reusing its {have:,} records")
        elif have:
            raise SystemExit(f"schema {schema} holds {have:,} records, fewer than --records:"
                             " name another schema (or drop this one)")
        else:
            print(f"schema {schema}: filling {args.records:,} records", flush=True)
            fill(url, args.records, args.seed)
        if not args.fill_only:
            measure(url, args)
    finally:
        if not args.keep:
            drop_schema(args.pg, schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
