"""Monthly partitions of the readings on PostgreSQL, made before the first reading of a month.

Declarative range partitioning by `t` keeps each month's readings (about 630 million rows a
month for 290,000 points) in its own table: a season's queries touch its months only, an old
season is detached or dropped as a whole, and each partition's primary key index stays small
enough to be cached. A partition is created in its own short transaction under an advisory
lock (creating one locks the parent table), and each process remembers the months it saw, so
the ingestion path checks a set, not the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from threading import Lock

from inspector_app.office.db import Database
from inspector_app.office.values import now_iso

_known: dict[str, set[str]] = {}
_guard = Lock()


def month_of(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m")


def partition_name(month: str) -> str:
    return "monitoring_readings_" + month.replace("-", "_")


def _bounds(month: str) -> tuple[str, str]:
    year, mon = (int(x) for x in month.split("-"))
    following = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"
    return f"{month}-01 00:00:00+00", f"{following}-01 00:00:00+00"


def ensure_partitions(db: Database, times: Iterable[datetime]) -> None:
    """Every month of `times` has its partition (PostgreSQL only; SQLite has one table)."""
    if not db.postgres:
        return
    where = str(db.target)
    months = {month_of(t) for t in times}
    with _guard:
        missing = months - _known.setdefault(where, set())
    for month in sorted(missing):
        with db.write() as c:
            c.lock("monitoring partitions")
            name = partition_name(month)
            exists = c.execute("SELECT to_regclass(?)", (name,)).fetchone()[0]
            if exists is None:
                low, high = _bounds(month)
                c.execute(f"CREATE TABLE {name} PARTITION OF monitoring_readings"
                          f" FOR VALUES FROM ('{low}') TO ('{high}')")
                c.execute("INSERT INTO monitoring_partitions (month, created_at) VALUES (?, ?)"
                          " ON CONFLICT DO NOTHING", (month, now_iso()))
        with _guard:
            _known[where].add(month)


def forget(db: Database) -> None:
    """Drop this process's memory of `db`'s partitions (a test that drops its schema)."""
    with _guard:
        _known.pop(str(db.target), None)
