"""The office's database connection: one SQLite file (the default) or a PostgreSQL server.

Why it is shaped this way:
- SQLAlchemy Core 2 gives both dialects one engine, pool and result API; the office writes its
  SQL by hand (its queries are tuned for index use: keyset paging, covering indexes), so the
  statements go through `exec_driver_sql` with `?` placeholders, rewritten to psycopg's `%s`
  on PostgreSQL. Nothing here knows a table: the schema is in `office.migrations`.
- Writes are one transaction each (`write()`), committed on success and rolled back on any
  error. On SQLite the transaction is `BEGIN IMMEDIATE`: the file's write lock serialises every
  writer, as before. On PostgreSQL several office processes write at once, so a transaction
  that reads before it writes (a device's chain, a season's ruling numbers, a login counter)
  takes a transaction-scoped advisory lock on what it decides (`Tx.lock`), released at commit.
  Under SQLite that lock is already held, so `lock` costs nothing there.
- Reads need no transaction on SQLite (each statement sees a committed state; WAL lets them run
  beside a writer); on PostgreSQL a read checks a pooled connection out and back.
- `synchronous=FULL` on SQLite, `synchronous_commit` left on for PostgreSQL: a record the
  office has acknowledged is evidence and must survive a power cut.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, CursorResult, Engine, Row, make_url
from sqlalchemy.exc import ArgumentError

from inspector_app.core.errors import InspectionError

POSTGRES_PREFIXES = ("postgresql://", "postgresql+psycopg://", "postgres://")
SQLITE_BUSY_TIMEOUT_S = 30
# (kept, overflow) connections per process: a PostgreSQL connection is a server process, so an
# office process holds at most 15 (docs/deploy.md counts max_connections from this); SQLite
# connections are cheap file handles, one per busy worker thread.
POSTGRES_POOL = (5, 10)
SQLITE_POOL = (10, 30)


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_PREFIXES)


class BadDatabaseAddress(InspectionError):
    """A `--db` PostgreSQL URL that cannot be read (said without echoing a password)."""


def engine_url(target: str | Path) -> URL:
    """The SQLAlchemy URL for a SQLite path or a PostgreSQL URL (driven by psycopg 3)."""
    if is_postgres(target):
        try:
            url = make_url(str(target).replace("postgres://", "postgresql://", 1))
        except (ValueError, ArgumentError) as exc:
            raise BadDatabaseAddress(
                "数据库地址不是有效的 postgresql:// 地址；格式：postgresql://用户@主机:端口/数据库名",
                f"the database address is not a valid postgresql:// URL ({exc});"
                " the form is postgresql://user@host:port/dbname") from exc
        return url.set(drivername="postgresql+psycopg")
    return URL.create("sqlite+pysqlite", database=str(Path(target)))


def describe(target: str | Path) -> str:
    """The target for messages and logs, with any password hidden."""
    if not is_postgres(target):
        return str(target)
    return engine_url(target).set(drivername="postgresql").render_as_string(hide_password=True)


def lock_id(key: str) -> int:
    """A stable signed 64-bit number for an advisory lock key."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


class Tx:
    """One open transaction: `execute` SQL with `?` placeholders; `lock` a key until commit."""

    def __init__(self, conn: Connection, postgres: bool) -> None:
        self.conn = conn
        self.postgres = postgres

    def execute(self, sql: str, params: Sequence[Any] = ()) -> CursorResult[Any]:
        if self.postgres:  # psycopg reads % as a placeholder's start even with no parameters
            sql = sql.replace("%", "%%").replace("?", "%s")
        return self.conn.exec_driver_sql(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.postgres:
            sql = sql.replace("%", "%%").replace("?", "%s")
        self.conn.exec_driver_sql(sql, [tuple(r) for r in rows])

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
                    ) -> None:
        """INSERT many rows in this transaction: `executemany` on SQLite (its per-row steps
        are as fast as anything there); on PostgreSQL a `COPY ... FROM STDIN`, which the server
        takes as one stream instead of a statement a row (a 1000-ticket import batch several
        times faster). Constraints, defaults and triggers apply as for INSERT."""
        if not rows:
            return
        if not self.postgres:
            self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                             f" ({', '.join('?' * len(columns))})", rows)
            return
        raw = self.conn.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def lock(self, key: str) -> None:
        """Hold `key` until this transaction ends (PostgreSQL; SQLite's write lock is held)."""
        if self.postgres:
            self.conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (lock_id(key),))


class Database:
    """An engine over the office's database, with the two ways in: `write()` and the reads."""

    def __init__(self, target: str | Path, *, pool_size: int | None = None,
                 max_overflow: int | None = None) -> None:
        """`pool_size` / `max_overflow`: this process's connections, else the backend's own."""
        self.target = target
        self.postgres = is_postgres(target)
        self.dialect = "postgresql" if self.postgres else "sqlite"
        url, connect_args = engine_url(target), {}
        if self.postgres:
            url, connect_args = _prepare_threshold(url)
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S}
        kept, overflow = POSTGRES_POOL if self.postgres else SQLITE_POOL
        pool_size = kept if pool_size is None else pool_size
        max_overflow = overflow if max_overflow is None else max_overflow
        self.engine: Engine = create_engine(
            url, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=self.postgres,
            connect_args=connect_args)
        if not self.postgres:
            event.listen(self.engine, "connect", _sqlite_connection)

    def __repr__(self) -> str:
        return f"Database({describe(self.target)!r})"

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """One write transaction: committed on success, rolled back on any error."""
        with self.engine.connect() as conn:
            if not self.postgres:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:   # begun here: a COPY first (`insert_rows`) is no statement SQLAlchemy sees
                conn.begin()
            try:
                yield Tx(conn, self.postgres)
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    @contextmanager
    def reading(self) -> Iterator[Tx]:
        """A connection for several reads or a streamed result (nothing is written)."""
        with self.engine.connect() as conn:
            try:
                yield Tx(conn, self.postgres)
            finally:
                conn.rollback()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row[Any]]:
        with self.reading() as c:
            return list(c.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Row[Any] | None:
        with self.reading() as c:
            return c.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.query_one(sql, params)
        return None if row is None else row[0]

    def close(self) -> None:
        self.engine.dispose()


def _prepare_threshold(url: URL) -> tuple[URL, dict[str, Any]]:
    """`?prepare_threshold=none` (or a number) in the URL, for psycopg rather than libpq.

    psycopg prepares a statement run 5 times on one connection; a connection pooler in
    transaction mode older than pgbouncer 1.21 cannot follow that, and libpq rejects the option
    in the URL, so the office takes it out and hands it to psycopg (docs/deploy.md).
    """
    value = url.query.get("prepare_threshold")
    if value is None:
        return url, {}
    text = value if isinstance(value, str) else value[-1]
    try:
        threshold = None if text.strip().lower() in ("none", "off", "") else int(text)
    except ValueError as exc:
        raise BadDatabaseAddress(f"prepare_threshold 应为整数或 none，不是 {text!r}",
                                 f"prepare_threshold must be a whole number or none, not {text!r}"
                                 ) from exc
    return url.difference_update_query(["prepare_threshold"]), {"prepare_threshold": threshold}


def _sqlite_connection(dbapi_conn: Any, _record: Any) -> None:
    """Autocommit at the driver (transactions are begun explicitly), WAL, full sync, FKs."""
    dbapi_conn.isolation_level = None
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   f"busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}"):
        dbapi_conn.execute(f"PRAGMA {pragma}")
