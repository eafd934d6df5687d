"""Importing a hotline export of 100,000 tickets, against a bare `executemany` of the same rows.

    .venv/bin/python benchmarks/bench_ticket_import.py [--rows 100000] [--db POSTGRESQL_URL]

Writes a CSV of `--rows` generated tickets (the default columns, UTF-8, three districts, Chinese
names and text) in a temporary folder, then times:

- office: `office.ticket_import.import_tickets` into a fresh SQLite office (opened and
          upgraded before the clock starts), end to end: the UTF-8 check, CSV parsing, the core's
          validation of every row, the in-file duplicates check, and `save_tickets` in batches
          of 1000 (tickets, revision 1, the `received` event, one transaction a batch);
- bare:   `executemany` of the same rows, already parsed into tuples in memory, into a plain
          SQLite table of 14 text columns with the same primary key (channel, ticket), in
          transactions of 1000 rows with the office's own pragmas (WAL, synchronous=FULL);
- csv:    the same, but reading the CSV file with the `csv` module first (inside the clock):
          what a user's "bare import" of the file would be;
- bare1:  `bare` in a single transaction (the floor of what SQLite can do).

With `--db postgresql://...` it also creates a schema of its own on that server (never
`public`), times the office import into it and the `csv` baseline there (psycopg's
`executemany`, 1000 rows a transaction), and drops the schema.

Prints seconds, rows per second, the office's peak memory traced by tracemalloc during a
second, traced run (its overhead is left out of the timings), and the ratios. Run by hand.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import secrets
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.core.tickets import TicketData  # noqa: E402
from inspector_app.office.store import OfficeStore  # noqa: E402
from inspector_app.office.ticket_import import import_tickets  # noqa: E402

CST = timezone(timedelta(hours=8))
DISTRICTS = ("朝阳区", "南关区", "宽城区")


def ticket_rows(count: int) -> list[list[str]]:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=CST)
    return [["12345", f"T{i:07d}", (start + timedelta(seconds=7 * i)).isoformat(), "张三",
             f"138{i % 100_000_000:08d}", "长春市", DISTRICTS[i % 3], "人民大街", "幸福小区",
             str(i % 40 + 1), str(i % 6 + 1), str(i % 30 + 101), "长春热力",
             "暖气不热，室温只有十五度"] for i in range(count)]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(TicketData.field_names())
        writer.writerows(rows)


def office_import(folder: Path, source: Path, name: str, traced: bool = False
                  ) -> tuple[float, int, int]:
    """(seconds, tickets stored, traced peak bytes or 0)."""
    store = OfficeStore(folder / name)

    def save(batch):
        return store.save_tickets(batch, source="hotline", by="bench", profile_name="changchun",
                                  defer_cases=True)

    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    summary = import_tickets(source, save, settle=store.regroup_stale_cases)
    took = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    stored = store.db.scalar("SELECT count(*) FROM tickets")
    assert summary.new == stored == summary.rows, (summary, stored)
    store.close()
    return took, stored, peak


def bare_executemany(path: Path, rows: list[tuple], batch: int) -> float:
    db = _bare_table(path)
    sql = f"INSERT INTO t VALUES ({', '.join('?' * len(TicketData.field_names()))})"
    began = time.perf_counter()
    for start in range(0, len(rows), batch):
        db.execute("BEGIN")
        db.executemany(sql, rows[start:start + batch])
        db.execute("COMMIT")
    took = time.perf_counter() - began
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == len(rows)
    db.close()
    return took


def csv_executemany(path: Path, source: Path, batch: int) -> float:
    """Read the CSV with the csv module and executemany its rows, 1000 a transaction."""
    db = _bare_table(path)
    sql = f"INSERT INTO t VALUES ({', '.join('?' * len(TicketData.field_names()))})"
    began = time.perf_counter()
    count = 0
    with open(source, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        while chunk := list(itertools.islice(reader, batch)):
            db.execute("BEGIN")
            db.executemany(sql, chunk)
            db.execute("COMMIT")
            count += len(chunk)
    took = time.perf_counter() - began
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == count
    db.close()
    return took


def _bare_table(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    columns = TicketData.field_names()
    db.execute(f"CREATE TABLE t ({', '.join(f'{c} TEXT NOT NULL' for c in columns)},"
               " PRIMARY KEY (channel, ticket))")
    return db


# -- PostgreSQL --------------------------------------------------------------------------------

def postgres_figures(base_url: str, source: Path, rows: int) -> tuple[float, float]:
    """(office import, csv baseline) seconds in a schema made for the run and dropped after."""
    import psycopg
    from psycopg import sql

    schema = f"bench_{secrets.token_hex(6)}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        url = _with_search_path(base_url, schema)
        store = OfficeStore(url)
        began = time.perf_counter()
        summary = import_tickets(source, lambda batch: store.save_tickets(
            batch, source="hotline", by="bench", profile_name="changchun", defer_cases=True),
            settle=store.regroup_stale_cases)
        office = time.perf_counter() - began
        assert summary.new == rows == store.db.scalar("SELECT count(*) FROM tickets")
        store.close()
        columns = TicketData.field_names()
        with psycopg.connect(url) as conn:
            conn.execute(f"CREATE TABLE t ({', '.join(f'{c} TEXT NOT NULL' for c in columns)},"
                         " PRIMARY KEY (channel, ticket))")
            conn.commit()
            insert = f"INSERT INTO t VALUES ({', '.join(['%s'] * len(columns))})"
            began = time.perf_counter()
            with open(source, encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                next(reader)
                while chunk := list(itertools.islice(reader, 1000)):
                    with conn.cursor() as cur:
                        cur.executemany(insert, chunk)
                    conn.commit()
            bare = time.perf_counter() - began
            assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == rows
    finally:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
    return office, bare


def _with_search_path(base_url: str, schema: str) -> str:
    parts = urlsplit(base_url)
    option = urlencode({"options": f"-csearch_path={schema}"})
    return urlunsplit(parts._replace(query=f"{parts.query}&{option}" if parts.query
                                     else option))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", help="a PostgreSQL URL: also time the import there (a schema"
                        " of its own, dropped after)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ticket-import-") as tmp:
        folder = Path(tmp)
        rows = ticket_rows(args.rows)
        source = folder / "tickets.csv"
        write_csv(source, rows)
        tuples = [tuple(r) for r in rows]
        del rows
        size = source.stat().st_size
        print(f"{args.rows} rows, {size / 1e6:.1f} MB CSV")
        office, stored, _ = office_import(folder, source, "office.sqlite3")
        bare = bare_executemany(folder / "bare.sqlite3", tuples, 1000)
        from_csv = csv_executemany(folder / "csv.sqlite3", source, 1000)
        bare1 = bare_executemany(folder / "bare1.sqlite3", tuples, len(tuples))
        _, _, peak = office_import(folder, source, "traced.sqlite3", traced=True)
        print(f"{'':8}{'seconds':>10}{'rows/s':>12}")
        for name, took in (("office", office), ("bare", bare), ("csv", from_csv),
                           ("bare1", bare1)):
            print(f"{name:8}{took:10.2f}{stored / took:12,.0f}")
        print(f"office peak traced memory during the import: {peak / 1e6:.1f} MB")
        print(f"ratio office / bare (1000-row transactions): {office / bare:.1f}x")
        print(f"ratio office / csv (the file read, then bare): {office / from_csv:.1f}x")
        print(f"ratio office / bare1 (one transaction):      {office / bare1:.1f}x")
        if args.db:
            pg_office, pg_csv = postgres_figures(args.db, source, args.rows)
            print(f"PostgreSQL: office {pg_office:.2f} s ({args.rows / pg_office:,.0f} rows/s),"
                  f" csv {pg_csv:.2f} s; ratio office / csv {pg_office / pg_csv:.1f}x")


if __name__ == "__main__":
    main()
