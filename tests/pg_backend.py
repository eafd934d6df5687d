"""PostgreSQL for the tests: the server named by INSPECTOR_TEST_PG, or a throwaway one.

The office store runs on SQLite or PostgreSQL; its tests take `office_db` and run once per
backend. CI (and this project's machines) have a PostgreSQL server and name it in
INSPECTOR_TEST_PG (`.ci/run` does); a fresh machine has only Debian's binaries
(`scripts/setup-env test` installs them), and the tests start a server in a temporary folder
with pytest-postgresql's pg_ctl executor. Every test gets its own empty schema, so tests (and
test runs sharing one server) never see each other's tables.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql
from pytest_postgresql.executors import PostgreSQLExecutor

ENV_VAR = "INSPECTOR_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
SERVER_USER = "postgres"  # the throwaway server's superuser, and the OS user it runs as under root
DROP_LOCK_TIMEOUT = "2s"  # per attempt: a teardown must never wait for a test's forgotten connection


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): run this test's `office_db` on SQLite only (say why)"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A `sqlite_only` test gets `office_db` = sqlite alone.

    Done as a parametrize mark before the fixture's own parameters are applied: pytest lets a
    test's parametrize mark override a parametrised fixture's list.
    """
    if "office_db" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        metafunc.definition.add_marker(
            pytest.mark.parametrize("office_db", ["sqlite"], indirect=True)
        )


# --- finding and running the server binaries -------------------------------------------------


def find_pg_ctl() -> Path | None:
    """pg_ctl on PATH, else the newest of Debian's /usr/lib/postgresql/N/bin (not on PATH)."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path)
    debian = [p for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl") if os.access(p, os.X_OK)]
    debian.sort(key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return debian[-1] if debian else None


def _pg_ctl_for(pg_ctl: Path, folder: Path) -> str:
    """The pg_ctl to run: itself, or under root a wrapper that runs it as `postgres`.

    initdb and postgres refuse to run as root. The wrapper lives in `folder` (root's, 0711);
    only the server's subfolder is handed to `postgres`, so it cannot swap the wrapper.
    """
    if os.geteuid() != 0:
        return str(pg_ctl)
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise RuntimeError(
            f"running as root, but there is no `{SERVER_USER}` user to run PostgreSQL as "
            "(Debian's postgresql package creates it: scripts/setup-env test)"
        ) from None
    wrapper = folder / "pg_ctl"
    wrapper.write_text(
        "#!/bin/sh\n"
        "# PostgreSQL refuses to run as root: run pg_ctl as its own user.\n"
        f"cd / && exec setpriv --reuid={SERVER_USER} --regid={SERVER_USER} --init-groups "
        f'{shlex.quote(str(pg_ctl))} "$@"\n'
    )
    wrapper.chmod(0o755)
    return str(wrapper)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_connection(url: str, wait: float = 30) -> psycopg.Connection:
    """Connect as soon as the server takes logins (it accepts TCP while still starting up)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return psycopg.connect(url, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def throwaway_server(dbname: str = "test") -> Iterator[str]:
    """Start a PostgreSQL server in a temporary folder; yield its URL; stop it and delete all."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        raise RuntimeError(
            "PostgreSQL's server programs (pg_ctl) are not installed: run `scripts/setup-env "
            f"test`, or set {ENV_VAR} to a server's URL"
        )
    folder = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
    try:
        folder.chmod(0o711)
        executable = _pg_ctl_for(pg_ctl, folder)
        server_dir = folder / "server"
        server_dir.mkdir()
        if os.geteuid() == 0:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(server_dir, account.pw_uid, account.pw_gid)
        port = free_port()
        executor = PostgreSQLExecutor(
            executable=executable,
            host="127.0.0.1",
            port=port,
            datadir=str(server_dir / "data"),
            unixsocketdir=str(server_dir),
            logfile=str(server_dir / "server.log"),
            startparams="-w",
            dbname=dbname,
            user=SERVER_USER,
            # A scratch server: nothing to make durable.
            postgres_options="-c fsync=off -c full_page_writes=off -c synchronous_commit=off",
        )
        try:
            executor.start()
        except Exception as exc:
            log = server_dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
            raise RuntimeError(f"the throwaway PostgreSQL server did not start: {exc}\n{tail}") from exc
        try:
            base = f"postgresql://{SERVER_USER}@127.0.0.1:{port}"
            with _first_connection(f"{base}/postgres") as conn:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
            yield f"{base}/{dbname}"
        finally:
            executor.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- the given server -------------------------------------------------------------------------


def unreachable_reason(url: str) -> str | None:
    """Why `url` is not a PostgreSQL server we can log in to, or None if it is."""
    if urlsplit(url).scheme not in ("postgresql", "postgres"):
        return "expected a URL like postgresql://USER@HOST:PORT/DBNAME"
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return str(exc).strip() or type(exc).__name__
    return None


# --- one schema per test ----------------------------------------------------------------------


def with_search_path(base_url: str, schema: str) -> str:
    """`base_url` whose connections (psycopg 3 and SQLAlchemy 2 alike) use `schema` first."""
    parts = urlsplit(base_url)
    option = urlencode({"options": f"-csearch_path={schema}"})
    query = f"{parts.query}&{option}" if parts.query else option
    return urlunsplit(parts._replace(query=query))


def drop_schema(base_url: str, schema: str, attempts: int = 3) -> None:
    """DROP SCHEMA ... CASCADE, ending the backends that hold locks in it; never hangs."""
    with psycopg.connect(base_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql.SQL("SET lock_timeout = {}").format(sql.Literal(DROP_LOCK_TIMEOUT)))
        for _ in range(attempts):
            # Idle connections hold no locks and do not block the drop; open transactions do.
            conn.execute(
                """
                SELECT pg_terminate_backend(l.pid) FROM pg_locks l
                WHERE l.pid <> pg_backend_pid()
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND (l.relation IN (SELECT c.oid FROM pg_class c
                                      WHERE c.relnamespace = to_regnamespace(%(s)s))
                       OR (l.classid = 'pg_namespace'::regclass
                           AND l.objid = to_regnamespace(%(s)s)))
                """,
                {"s": schema},
            )
            try:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
                return
            except psycopg.errors.LockNotAvailable:
                time.sleep(0.2)
    raise RuntimeError(f"could not drop test schema {schema}: its locks were not released")


@contextmanager
def isolated_schema(base_url: str) -> Iterator[str]:
    """Create an empty schema `t_<random>`; yield a URL that uses it; drop it afterwards."""
    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield with_search_path(base_url, schema)
    finally:
        drop_schema(base_url, schema)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """postgresql://USER@HOST:PORT/DBNAME: INSPECTOR_TEST_PG (must answer), else a throwaway server."""
    given = os.environ.get(ENV_VAR)
    if given:
        reason = unreachable_reason(given)
        if reason:
            pytest.fail(
                f"{ENV_VAR}={given} does not answer: {reason}\n"
                f"Start that server, or unset {ENV_VAR} to let the tests start their own.",
                pytrace=False,
            )
        yield given
        return
    with ExitStack() as stack:
        try:
            url = stack.enter_context(throwaway_server())
        except RuntimeError as exc:
            pytest.fail(str(exc), pytrace=False)
        yield url


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """The server's URL with `?options=-csearch_path%3Dt_<random>`: a fresh, empty schema."""
    with isolated_schema(pg_server_url) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def office_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The office store's target: a SQLite file path, or a PostgreSQL URL with its own schema."""
    if request.param == "sqlite":
        return str(tmp_path / "office.sqlite3")
    return request.getfixturevalue("pg_url")
