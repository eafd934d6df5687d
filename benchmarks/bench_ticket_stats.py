"""The season's figures with hotline tickets: company figures with and without linked tickets,
the ticket times alone, and the tickets' response figures.

    .venv/bin/python benchmarks/bench_ticket_stats.py [--db PATH|URL] [--count 1000000]
        [--tickets 100000]

`--db` is a SQLite path or a `postgresql://` URL (a database of its own). Synthetic records are
added with `inspector-office synth` until it holds `--count`; then `--tickets` tickets are
written straight into `tickets` and `ticket_events` (the import's own speed is measured by
`bench_ticket_import.py`), each named like one of every other synthetic record of season
2025-2026 in its district, complained 5 minutes before the record's complaint, half contacted
10–49 minutes after, a third with a `tested` event. Times, fastest of three:

- `company_stats` before the tickets are written and after (the linked records moved to the
  tickets' times);
- `ticket_times` alone (the join of tickets and records and the minutes);
- `ticket_stats` (the response figures, counted in Python over the season's tickets).

The tickets and their events are deleted at the end. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector_app.office.store import OfficeStore  # noqa: E402
from inspector_app.office.synth import synthesize  # noqa: E402
from inspector_app.office.ticket_statistics import ticket_stats, ticket_times  # noqa: E402

SEASON = "2025-2026"
WHERE = "r.test_at >= ? AND r.test_at < ? AND r.training=0"


def timed(label: str, fn: Callable[[], Any], runs: int = 3) -> Any:
    took, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        took.append(time.perf_counter() - start)
    print(f"{label:45s} fastest {min(took):6.3f} s   runs {[round(t, 3) for t in took]}")
    return out


def add_tickets(store: OfficeStore, n: int) -> int:
    rows = store.query("SELECT ticket, district, company, complaint_at FROM records"
                       " WHERE synthetic=1 AND test_at >= '2025-07-01' AND test_at < '2026-07-01'"
                       " ORDER BY ref LIMIT ?", (2 * n,))[::2][:n]
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    tickets, events = [], []
    for i, (number, district, company, complaint_at) in enumerate(rows):
        complaint = datetime.fromisoformat(complaint_at) - timedelta(minutes=5)
        contacted = (complaint + timedelta(minutes=10 + i % 40)).isoformat() if i % 2 else None
        utc = complaint.astimezone().strftime("%Y-%m-%dT%H:%M:%SZ")
        tickets.append(("12345", number, 1, "-", "{}", complaint.isoformat(), utc, utc,
                        "changchun", "长春市", district, company, "",
                        "contacted" if contacted else "assigned", "inspector", contacted,
                        "phone" if contacted else None, None, 0, "", now, now))
        events.append((f"bench-r{i}", "12345", number, "received", complaint.isoformat(),
                       "bench", "hotline", "{}", "", now))
        if i % 3 == 0:
            events.append((f"bench-t{i}", "12345", number, "tested", complaint.isoformat(),
                           "inspector", "laptop", "{}", "", now))
    with store.write() as c:
        c.executemany(
            "INSERT INTO tickets (channel, ticket, revision, digest, data, complaint_at,"
            " complaint_utc, deadline_utc, profile_name, city, district, company, address,"
            " state, inspector, contacted_at, contact_method, visit_at, attempts, reason,"
            " received_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tickets)
        c.executemany(
            "INSERT INTO ticket_events (event_id, channel, ticket, kind, at, by, source, data,"
            " note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", events)
    return len(tickets)


def clear(store: OfficeStore) -> None:
    with store.write() as c:
        c.execute("DELETE FROM ticket_events WHERE event_id LIKE 'bench-%'")
        c.execute("DELETE FROM tickets WHERE digest = '-'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="bench-office.sqlite3")
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    store = OfficeStore(args.db)
    have = store.scalar("SELECT count(*) FROM records")
    if have < args.count:
        synthesize(args.db, args.count - have)
    clear(store)
    try:
        timed("company_stats, no tickets", lambda: store.company_stats(SEASON))
        n = add_tickets(store, args.tickets)
        timed(f"company_stats, {n} tickets", lambda: store.company_stats(SEASON))
        timed("ticket_times alone", lambda: ticket_times(store.db, WHERE,
                                                         ["2025-07-01", "2026-07-01"]))
        timed(f"ticket_stats, {n} tickets", lambda: ticket_stats(store.db, SEASON))
    finally:
        clear(store)
        store.close()


if __name__ == "__main__":
    main()
