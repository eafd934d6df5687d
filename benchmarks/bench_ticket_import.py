"""Importing a hotline export of 100,000 tickets, against a bare `executemany` of the same rows.

    .venv/bin/python benchmarks/bench_ticket_import.py [--rows 100000]

Writes a CSV of `--rows` generated tickets (the default columns, UTF-8, three districts, Chinese
names and text) in a temporary folder, then times:

- office: `office.ticket_import.import_tickets` into a fresh SQLite office (opened and upgraded
          before the clock starts), end to end: the UTF-8 check, CSV parsing, the core's
          validation of every row, the in-file duplicates check, and `save_tickets` in batches
          of 1000 (tickets, revision 1, the `received` event, one transaction a batch);
- bare:   `executemany` of the same rows, already parsed into tuples in memory, into a plain
          SQLite table of 14 text columns with the same primary key (channel, ticket), in
          transactions of 1000 rows with the office's own pragmas (WAL, synchronous=FULL);
- bare1:  the same in a single transaction (the floor of what SQLite can do).

Prints seconds, rows per second, the office's peak memory traced by tracemalloc during a
second, traced run (its overhead is left out of the timings), and the ratio office / bare.
Run by hand.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

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
        return store.save_tickets(batch, source="hotline", by="bench", profile_name="changchun")

    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    summary = import_tickets(source, save)
    took = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    stored = store.db.scalar("SELECT count(*) FROM tickets")
    assert summary.new == stored == summary.rows, (summary, stored)
    store.close()
    return took, stored, peak


def bare_executemany(path: Path, rows: list[tuple], batch: int) -> float:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    columns = TicketData.field_names()
    db.execute(f"CREATE TABLE t ({', '.join(f'{c} TEXT NOT NULL' for c in columns)},"
               " PRIMARY KEY (channel, ticket))")
    sql = f"INSERT INTO t VALUES ({', '.join('?' * len(columns))})"
    began = time.perf_counter()
    for start in range(0, len(rows), batch):
        db.execute("BEGIN")
        db.executemany(sql, rows[start:start + batch])
        db.execute("COMMIT")
    took = time.perf_counter() - began
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == len(rows)
    db.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
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
        bare1 = bare_executemany(folder / "bare1.sqlite3", tuples, len(tuples))
        _, _, peak = office_import(folder, source, "traced.sqlite3", traced=True)
        print(f"{'':8}{'seconds':>10}{'rows/s':>12}")
        for name, took in (("office", office), ("bare", bare), ("bare1", bare1)):
            print(f"{name:8}{took:10.2f}{stored / took:12,.0f}")
        print(f"office peak traced memory during the import: {peak / 1e6:.1f} MB")
        print(f"ratio office / bare (1000-row transactions): {office / bare:.1f}x")
        print(f"ratio office / bare1 (one transaction):      {office / bare1:.1f}x")


if __name__ == "__main__":
    main()
