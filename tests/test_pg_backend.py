"""The PostgreSQL test plumbing (tests/pg_backend.py) against real servers."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from tests.pg_backend import ENV_VAR, free_port, isolated_schema, throwaway_server

ROOT = Path(__file__).resolve().parent.parent


def _tables_in(url: str, schema: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (schema,)
        ).fetchall()
    return {name for (name,) in rows}


def _schema_exists(url: str, schema: str) -> bool:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT to_regnamespace(%s) IS NOT NULL", (schema,)).fetchone()[0]


def test_pg_url_puts_psycopg_and_sqlalchemy_tables_in_its_own_schema(pg_url, pg_server_url):
    assert pg_url.startswith(pg_server_url + "?options=-csearch_path%3Dt_")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        conn.execute("CREATE TABLE by_psycopg (n int)")
    assert schema.startswith("t_")

    engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        table = sa.Table("by_sqlalchemy", sa.MetaData(), sa.Column("n", sa.Integer))
        with engine.begin() as conn:
            table.metadata.create_all(conn)
            conn.execute(table.insert().values(n=7))
            assert conn.execute(sa.text("SELECT current_schema()")).scalar() == schema
    finally:
        engine.dispose()

    assert _tables_in(pg_server_url, schema) == {"by_psycopg", "by_sqlalchemy"}
    assert not {"by_psycopg", "by_sqlalchemy"} & _tables_in(pg_server_url, "public")


def test_schemas_are_separate_and_dropped_after_use(pg_server_url):
    with isolated_schema(pg_server_url) as first, isolated_schema(pg_server_url) as second:
        for url in (first, second):
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("CREATE TABLE office (n int)")  # same name: no clash
        schemas = [url.rsplit("%3D", 1)[1] for url in (first, second)]
        assert all(_tables_in(pg_server_url, s) == {"office"} for s in schemas)
    assert not any(_schema_exists(pg_server_url, s) for s in schemas)


def test_teardown_ends_a_forgotten_open_transaction(pg_server_url):
    """A test that leaves a transaction holding locks in its schema must not hang the drop."""
    with isolated_schema(pg_server_url) as url:
        schema = url.rsplit("%3D", 1)[1]
        forgotten = psycopg.connect(url)  # not autocommit: stays "idle in transaction"
        forgotten.execute("CREATE TABLE held (n int)")
        forgotten.execute("INSERT INTO held VALUES (1)")
        started = time.monotonic()
    took = time.monotonic() - started
    assert took < 5, f"teardown took {took:.1f} s"
    assert not _schema_exists(pg_server_url, schema)
    with pytest.raises(psycopg.OperationalError):
        forgotten.execute("SELECT 1")
    forgotten.close()


def test_teardown_does_not_wait_for_a_committed_idle_connection(pg_server_url):
    with isolated_schema(pg_server_url) as url:
        schema = url.rsplit("%3D", 1)[1]
        idle = psycopg.connect(url, autocommit=True)
        idle.execute("CREATE TABLE kept (n int)")
    try:
        assert not _schema_exists(pg_server_url, schema)
    finally:
        idle.close()


def test_office_db_is_a_sqlite_path_or_a_postgresql_url(office_db, request, tmp_path):
    backend = request.node.callspec.params["office_db"]
    assert request.node.name.endswith(f"[{backend}]")
    if backend == "sqlite":
        assert office_db == str(tmp_path / "office.sqlite3")
        engine = sa.create_engine(f"sqlite:///{office_db}")
    else:
        assert "options=-csearch_path%3Dt_" in office_db
        engine = sa.create_engine(office_db.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE office (n integer)"))
            conn.execute(sa.text("INSERT INTO office VALUES (1)"))
            assert conn.execute(sa.text("SELECT count(*) FROM office")).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.slow
def test_throwaway_server_starts_serves_and_is_removed():
    """The fresh-machine path, run even where CI names its own server in INSPECTOR_TEST_PG."""
    started = time.monotonic()
    with throwaway_server() as url, psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE readings (celsius numeric)")
        conn.execute("INSERT INTO readings VALUES (18.5)")
        assert conn.execute("SELECT celsius FROM readings").fetchone()[0] == 18.5
        folder = Path(conn.execute("SHOW data_directory").fetchone()[0]).parent.parent
    took = time.monotonic() - started
    assert took < 15, f"start, use and stop took {took:.1f} s"
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


def _run_pytest(pytester, monkeypatch, source: str, *args: str):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(source)
    return pytester.runpytest_subprocess("-p", "tests.pg_backend", "-p", "no:cacheprovider", *args)


def test_an_unreachable_env_server_fails_loudly(pytester, monkeypatch):
    dead = f"postgresql://root@127.0.0.1:{free_port()}/test"
    monkeypatch.setenv(ENV_VAR, dead)
    result = _run_pytest(pytester, monkeypatch, "def test_x(pg_url):\n    pass\n")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{ENV_VAR}={dead} does not answer*"])


def test_office_db_ids_and_the_sqlite_only_mark(pytester, monkeypatch):
    source = (
        "import pytest\n"
        "def test_both(office_db):\n    pass\n"
        "@pytest.mark.sqlite_only('uses SQLite pragmas')\n"
        "def test_lite(office_db):\n    pass\n"
    )
    result = _run_pytest(pytester, monkeypatch, source, "--collect-only", "-q", "--strict-markers")
    result.stdout.fnmatch_lines(
        [
            "*::test_both[[]sqlite[]]",
            "*::test_both[[]postgresql[]]",
            "*::test_lite[[]sqlite[]]",
            "3 tests collected*",
        ]
    )
