"""PostgreSQL's plans for the review list: the SQL the store runs reads an index, in order.

The PostgreSQL counterpart of `test_sorting.py`'s SQLite plans. On a schema of synthetic rows
(enough that a sequential scan would be the planner's choice without a fitting index), ANALYZEd,
every page, count and export query is built by `office.listing` exactly as `OfficeStore` builds
it, and its `EXPLAIN (FORMAT JSON)` must read the expected index, never scan `records`
sequentially, and (for pages and export chunks) never sort: the index gives the order. Each is
checked as planned with its values and as a generic plan (what a prepared statement may use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from inspector_app.office.listing import (
    FILTER_COLUMNS,
    SORTS,
    SUMMARY_COLS,
    Ordering,
    RecordFilter,
    count_sql,
    page_sql,
)
from inspector_app.office.review import COUNT_CAP
from inspector_app.office.store import OfficeStore
from inspector_app.office.synth import synthesize
from tests.pg_backend import isolated_schema

ROWS = 30_000
PAGE = 50
EXPORT_CHUNK = 2000  # office.export's chunk
INDEX_SCANS = {"Index Scan", "Index Only Scan", "Bitmap Index Scan"}
COLUMNS = ", ".join(SUMMARY_COLS)
DISTRICT = "朝阳区"


@pytest.fixture(scope="module")
def store(pg_server_url: str) -> Iterator[OfficeStore]:
    with isolated_schema(pg_server_url) as url:
        synthesize(url, ROWS)
        store = OfficeStore(url)
        with store.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE records"))  # what autovacuum leaves behind
        yield store
        store.close()


def nodes(store: OfficeStore, sql: str, params: list[Any],
          generic: bool = False) -> list[dict[str, Any]]:
    """Every node of the plan, depth first. `generic`: the plan made without the values, which
    PostgreSQL may switch to once psycopg prepares a statement run five times on a connection."""
    if generic:
        numbered = iter(range(1, len(params) + 1))
        prepared = re.sub(r"\?", lambda _: f"${next(numbered)}", sql)
        with psycopg.connect(store.db.target, autocommit=True,  # values inlined: EXECUTE
                             cursor_factory=psycopg.ClientCursor) as conn:  # takes no $n
            conn.execute("SET plan_cache_mode = force_generic_plan")
            conn.execute(f"PREPARE page AS {prepared}")
            arguments = ", ".join(["%s"] * len(params))
            [document] = conn.execute(f"EXPLAIN (FORMAT JSON) EXECUTE page({arguments})",
                                      params).fetchone()
    else:
        [[document]] = store.query(f"EXPLAIN (FORMAT JSON) {sql}", params)
    found, todo = [], [document[0]["Plan"]]
    while todo:
        node = todo.pop()
        found.append(node)
        todo += node.get("Plans", [])
    return found


def check(store: OfficeStore, sql: str, params: list[Any], indexes: set[str],
          sorted_by_index: bool = True) -> None:
    """The plan reads one of `indexes`, scans no table and (`sorted_by_index`) sorts nothing;
    with the values, and as a generic plan."""
    for generic in (False, True):
        plan = nodes(store, sql, params, generic)
        shown = [(n["Node Type"], n.get("Index Name") or n.get("Relation Name")) for n in plan]
        why = (indexes, shown, sql, "generic" if generic else "custom")
        assert any(n["Node Type"] in INDEX_SCANS and n.get("Index Name") in indexes
                   for n in plan), why
        assert not any(n["Node Type"] == "Seq Scan" for n in plan), why
        if sorted_by_index:
            assert not any(n["Node Type"] in ("Sort", "Incremental Sort") for n in plan), why


def cursor_key(store: OfficeStore, filt: RecordFilter, ordering: Ordering) -> list[str]:
    """The cursor key after the first page, as the store hands it to the client."""
    page = store.list_records(filt, limit=PAGE, ordering=ordering, count_cap=0)
    assert page.next_cursor, (filt, ordering)
    return ordering.decode(page.next_cursor)


def in_order(ordering: Ordering) -> str:
    """The index that holds every record in `ordering`'s key order (`sort, test_at, ref`)."""
    return "records_test_at" if ordering.sort == "test_at" else f"records_{ordering.sort}"


def page(store: OfficeStore, filt: RecordFilter, ordering: Ordering, index: str) -> None:
    """The first page and the next one by cursor, as `list_records` runs them.

    Read from `index` (the filter's and the order's), or from the order's own index with the
    filter checked on each entry: PostgreSQL takes that when the filter keeps many rows and
    that index follows the table's physical order (synthetic rows are written by test_at);
    either way the page stops after about limit / selectivity entries, in order.
    """
    indexes = {index, in_order(ordering)}
    if getattr(filt, ordering.sort, None) is not None:  # sorted by a column the filter fixes
        indexes.add(in_order(Ordering("test_at")))
    check(store, *page_sql(COLUMNS, filt, ordering, None, limit=PAGE + 1), indexes)
    key = cursor_key(store, filt, ordering)
    check(store, *page_sql(COLUMNS, filt, ordering, key, limit=PAGE + 1), indexes)


def test_the_default_page_and_the_next_by_cursor(store):
    for order in ("desc", "asc"):
        page(store, RecordFilter(), Ordering("test_at", order), "records_test_at")


@pytest.mark.parametrize("sort", SORTS)
def test_a_district_supervisor_sorts_by_an_index(store, sort):
    index = "records_district" if sort in ("test_at", "district") else f"records_district_{sort}"
    for order in ("desc", "asc"):
        page(store, RecordFilter(district=DISTRICT), Ordering(sort, order), index)


@pytest.mark.parametrize("column", FILTER_COLUMNS)
def test_each_filter_column_pages_by_its_index(store, column):
    value = store.scalar(f"SELECT {column} FROM records ORDER BY test_at DESC LIMIT 1")
    filt = RecordFilter(**{column: bool(value) if column == "training" else value})
    if column == "training":
        # every synthetic row is a real record: `training = 0` selects them all, and reading
        # the newest first is then best done along test_at itself
        page(store, filt, Ordering(), "records_test_at")
    else:
        page(store, filt, Ordering(), f"records_{column}")


@pytest.mark.parametrize("column, rare", [("training", True), ("chain_state", "gap"),
                                          ("review_state", "resubmitted"),
                                          ("verdict", "incomplete")])
def test_a_rare_value_reads_its_own_index_even_in_a_generic_plan(store, column, rare):
    """A generic plan for `column = $1` would walk test_at checking every row (the common value
    makes that cheap), and find nothing for a rare one after reading the whole table."""
    for ordering in (Ordering(), Ordering("test_at", "asc")):
        check(store, *page_sql(COLUMNS, RecordFilter(**{column: rare}), ordering, None,
                               limit=PAGE + 1), {f"records_{column}"})


def test_address_prefix_and_date_range(store):
    prefix = RecordFilter(address_prefix=f"长春市{DISTRICT}示范街1")
    for order in ("asc", "desc"):
        page(store, prefix, Ordering("address", order), "records_address")
    days = RecordFilter(date_from=date(2026, 1, 5), date_to=date(2026, 1, 20))
    page(store, days, Ordering(), "records_test_at")
    both = RecordFilter(district=DISTRICT, date_from=date(2026, 1, 5), date_to=date(2026, 1, 20))
    page(store, both, Ordering(), "records_district")
    ticket = store.scalar("SELECT ticket FROM records LIMIT 1")
    check(store, *page_sql(COLUMNS, RecordFilter(ticket=ticket), Ordering(), None,
                           limit=PAGE + 1), {"records_ticket"}, sorted_by_index=False)


def test_counts_stop_at_the_cap_on_an_index(store):
    everything = {"records_arrival", "records_test_at", "records_training"}  # any narrow index
    cases = [(RecordFilter(district=DISTRICT, verdict="fail"), {"records_district_verdict"}),
             (RecordFilter(district=DISTRICT, review_state="approved"),
              {"records_district_review_state"}),
             # any index led by company will do (the statistics' are as narrow)
             (RecordFilter(company="长春热力"),
              {"records_company", "records_stats_contact", "records_stats_arrival"}),
             (RecordFilter(), everything),
             (RecordFilter(date_from=date(2026, 1, 5), date_to=date(2026, 1, 20)),
              {"records_test_at"})]
    for filt, indexes in cases:
        check(store, *count_sql(filt, cap=COUNT_CAP + 1), indexes, sorted_by_index=False)


def test_export_chunks_read_by_keyset_in_order(store):
    """The first chunk and the next by keyset. (The last chunks of an export may be sorted
    instead: with only a few thousand rows left, a bitmap read and a sort cost less.)"""
    for filt, ordering, index in (
            (RecordFilter(district=DISTRICT), Ordering(), "records_district"),
            (RecordFilter(), Ordering("company", "asc"), "records_company"),
            (RecordFilter(), Ordering(), "records_test_at")):
        indexes = {index, in_order(ordering)}
        check(store, *page_sql(COLUMNS, filt, ordering, None, limit=EXPORT_CHUNK), indexes)
        rows = store.query(*page_sql(", ".join(ordering.keys), filt, ordering, None,
                                     limit=EXPORT_CHUNK))
        key = list(rows[-1])
        check(store, *page_sql(COLUMNS, filt, ordering, key, limit=EXPORT_CHUNK), indexes)

