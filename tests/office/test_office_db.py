"""`office.db`: how a `--db` value becomes a connection, on each backend."""

from __future__ import annotations

from inspector_app.office.db import Database, describe, is_postgres
from inspector_app.office.store import OfficeStore


def test_a_path_is_sqlite_and_a_url_is_postgresql(tmp_path):
    assert not is_postgres(str(tmp_path / "office.sqlite3"))
    assert is_postgres("postgresql://u@h:5432/d") and is_postgres("postgres://u@h/d")
    assert describe("postgresql://u:secret@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert describe(str(tmp_path / "o.sqlite3")) == str(tmp_path / "o.sqlite3")


def test_prepared_statements_can_be_turned_off_for_a_pooler(pg_url):
    """`?prepare_threshold=none` reaches psycopg, not libpq (which would refuse it)."""
    db = Database(pg_url + "&prepare_threshold=none")
    try:
        with db.reading() as c:
            assert c.conn.connection.dbapi_connection.prepare_threshold is None
            assert c.execute("SELECT 1").scalar() == 1
    finally:
        db.close()
    store = OfficeStore(pg_url + "&prepare_threshold=3")
    try:
        with store.db.reading() as c:
            assert c.conn.connection.dbapi_connection.prepare_threshold == 3
        assert store.counts()["records"] == 0
    finally:
        store.close()


def test_a_database_from_a_newer_office_is_left_untouched(office_db, capsys):
    """An older program never migrates or writes a database a newer one has upgraded."""
    from inspector_app.office.cli import main as office_main

    store = OfficeStore(office_db)
    with store.write() as c:
        c.execute("UPDATE alembic_version SET version_num='0999'")
        c.execute("INSERT INTO admin_tokens (token_hash, label, created_at)"
                  " VALUES ('h', 'kept', 'now')")
    store.close()
    assert office_main(["--db", office_db, "--lang", "en", "devices"]) == 2
    err = capsys.readouterr().err
    assert "0999" in err and "newer" in err and "Traceback" not in err
    assert office_main(["--db", office_db, "devices"]) == 2
    assert "比本程序新" in capsys.readouterr().err
    db = Database(office_db)
    try:
        assert db.scalar("SELECT version_num FROM alembic_version") == "0999"
        assert db.scalar("SELECT count(*) FROM admin_tokens") == 1
    finally:
        db.close()


def test_db_status_names_pending_steps_and_upgrade_db_runs_them(office_db, capsys):
    """An operator sees what an upgrade would run (nothing changes), then runs it on purpose."""
    from alembic import command

    from inspector_app.office import schema
    from inspector_app.office.cli import main as office_main

    db = Database(office_db)
    try:
        with db.write() as c:
            config = schema.alembic_config()
            config.attributes["connection"] = c.conn
            command.upgrade(config, "0002")            # an office one release behind
    finally:
        db.close()
    assert office_main(["--db", office_db, "--lang", "en", "db-status"]) == 0
    out = capsys.readouterr().out
    assert "schema: 0002" in out and f"this program: {schema.head()}" in out
    assert "0003" in out and "back the database up first" in out
    assert office_main(["--db", office_db, "--lang", "en", "db-status"]) == 0   # still 0002
    assert "schema: 0002" in capsys.readouterr().out
    assert office_main(["--db", office_db, "--lang", "en", "upgrade-db"]) == 0
    assert f"0002 → {schema.head()}" in capsys.readouterr().out
    assert office_main(["--db", office_db, "db-status"]) == 0
    assert "已是最新" in capsys.readouterr().out


def test_db_status_of_a_missing_file_creates_nothing(tmp_path, capsys):
    from inspector_app.office.cli import main as office_main

    missing = tmp_path / "nowhere" / "office.sqlite3"
    assert office_main(["--db", str(missing), "--lang", "en", "db-status"]) == 2
    assert "no office database" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()


def test_a_percent_sign_in_sql_is_text_with_or_without_parameters(office_db):
    """psycopg reads `%` as a placeholder even with no parameters; `?` is the only marker."""
    db = Database(office_db)
    try:
        assert db.scalar("SELECT CASE WHEN 'SYN-1' LIKE 'SYN-%' THEN 1 ELSE 0 END") == 1
        assert db.scalar("SELECT CASE WHEN ? LIKE 'SYN-%' THEN 1 ELSE 0 END", ("SYN-2",)) == 1
        assert db.scalar("SELECT '100%'") == "100%"
    finally:
        db.close()


def test_a_malformed_database_address_is_said_in_words_not_a_traceback(capsys):
    from inspector_app.office.cli import main as office_main

    for address in ("postgresql://u:secret@h:notaport/db",
                    "postgresql://u@127.0.0.1:5432/db?prepare_threshold=x"):
        assert office_main(["--db", address, "--lang", "en", "devices"]) == 2
        err = capsys.readouterr().err
        assert "postgresql://user@host:port/dbname" in err or "prepare_threshold" in err
        assert "secret" not in err and "Traceback" not in err
    assert office_main(["--db", "postgresql://u@h:notaport/db", "devices"]) == 2
    assert "不是有效的" in capsys.readouterr().err


def test_rows_copied_as_a_transaction_s_first_step_are_committed(office_db):
    """On PostgreSQL `insert_rows` is a COPY on the driver's connection: with nothing before it
    SQLAlchemy had begun no transaction, so the commit committed nothing and the rows vanished."""
    db = Database(office_db)
    try:
        with db.write() as c:
            c.execute("CREATE TABLE copied (n integer)")
        with db.write() as c:
            c.insert_rows("copied", ("n",), [(1,), (2,)])
        assert db.scalar("SELECT COUNT(*) FROM copied") == 2
    finally:
        db.close()
