"""The office's store: one object over the office database, SQLite (default) or PostgreSQL.

Why it is shaped this way:
- Each concern is its own module: devices and enrolment (`office.devices`), accounts and
  sessions (`office.accounts`), records and chains (`office.records`), the review list and
  reviewers' decisions (`office.review`), statistics (`office.statistics`), complaint
  tickets and the laptops' feed of them (`office.tickets`); rulings, photos,
  throttles and profile confirmations use the store from their own modules. `OfficeStore`
  joins the record-facing parts into the one object the routes and commands hold.
- The database is `office.db.Database` (SQLAlchemy Core over sqlite3 or psycopg 3) and its
  schema is brought up to date by Alembic on opening (`office.schema`), so an office opened by
  several processes at once, on one PostgreSQL database, is upgraded once.
- Nothing of the office's state is kept in a process: sessions, login failures, ruling numbers,
  request keys and the residents' page limit are all rows, so any number of office processes
  behind a load balancer behave as one office.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Row

from inspector_app.core.season import season_bounds  # noqa: F401 - re-exported
from inspector_app.office import schema
from inspector_app.office.accounts import ROLES, SESSION_TTL, AccountStore  # noqa: F401
from inspector_app.office.db import Database, Tx
from inspector_app.office.devices import (  # noqa: F401 - the store's public names
    CODE_ALPHABET,
    Device,
    DeviceStore,
    EnrollmentError,
)
from inspector_app.office.listing import Ordering, Page, RecordFilter  # noqa: F401
from inspector_app.office.records import (  # noqa: F401
    Incoming,
    RecordStore,
    Stored,
    store_all_or_nothing,
)
from inspector_app.office.review import (  # noqa: F401
    COUNT_CAP,
    REVIEW_STATE_ZH,
    REVIEW_STATES,
    REVIEWER_STATES,
    ReviewStore,
)
from inspector_app.office.statistics import StatisticsStore
from inspector_app.office.tickets import (  # noqa: F401
    SaveOutcome,
    TicketFilter,
    TicketRefusal,
    TicketStore,
    bump_feed,
)
from inspector_app.office.values import (  # noqa: F401
    CHAIN_FORK,
    CHAIN_GAP,
    CHAIN_OK,
    minutes_between,
    now_iso,
    record_ref,
    secret_hash,
    split_ref,
    utc_iso,
)

DB_FILENAME = "office.sqlite3"


class OfficeStore(DeviceStore, AccountStore, RecordStore, ReviewStore, StatisticsStore,
                  TicketStore):
    """All office data access; safe to share between threads (a connection pool)."""

    def __init__(self, target: str | Path) -> None:
        """`target`: a SQLite file path or a `postgresql://user@host:port/dbname` URL."""
        self.db = Database(target)
        self.target = str(target)
        self.path = None if self.db.postgres else Path(target)
        self.revision = schema.upgrade(self.db)

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """One write transaction: committed on success, rolled back on any error."""
        with self.db.write() as c:
            yield c

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row[Any]]:
        return self.db.query(sql, params)

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Row[Any] | None:
        return self.db.query_one(sql, params)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.scalar(sql, params)

    def close(self) -> None:
        self.db.close()
