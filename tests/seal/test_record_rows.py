"""The one list of record fields covers every column: a new column cannot be forgotten."""

from inspector_app.seal.photo_checks import LINK_COLUMNS_COMPARED, LINK_COLUMNS_NOT_IN_RECORD
from inspector_app.seal.record_rows import SEALED_RECORDS, record_tables


def columns(db, table):
    return {r[1] for r in db.conn.execute(f"PRAGMA table_info({table})").fetchall()}


def test_every_column_of_a_record_table_is_compared_or_said_not_to_be_part_of_it(db):
    tables = [*record_tables(), SEALED_RECORDS]
    assert {"visits", "rooms", "points", "samples"} <= {t.name for t in tables}
    for table in tables:
        unaccounted = columns(db, table.name) - table.columns
        assert not unaccounted, (f"{table.name}: columns {sorted(unaccounted)} are neither "
                                 "compared with the sealed record nor listed in not_in_record "
                                 "(inspector_app/seal/record_rows.py)")
        stale = table.columns - columns(db, table.name)
        assert not stale, f"{table.name}: {sorted(stale)} are listed but not in the table"


def test_every_table_that_names_a_record_table_is_in_the_list(db):
    """A new table hanging off a visit, room, point or sample (photos) must join the list."""
    listed = {t.name for t in record_tables()}
    outside = {"signatures": "drafts deleted when the visit is sealed",
               "sealed_records": "compared as SEALED_RECORDS", "outbox": "upload state",
               "photo_links": "compared with record.photos by seal.photo_checks"}
    names = [r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    for name in names:
        refs = {r[2] for r in db.conn.execute(f"PRAGMA foreign_key_list({name})").fetchall()}
        if refs & listed and name not in listed:
            assert name in outside, f"table {name} refers to {refs & listed} but is not in " \
                                    "record_rows.record_tables() nor said to be outside it"


def test_every_column_of_photo_links_is_compared_by_the_photo_check(db):
    covered = LINK_COLUMNS_COMPARED | set(LINK_COLUMNS_NOT_IN_RECORD)
    unaccounted = columns(db, "photo_links") - covered
    assert not unaccounted, (f"photo_links: columns {sorted(unaccounted)} are neither compared "
                             "by inspector_app/seal/photo_checks.py nor listed as not in the record")
    assert covered <= columns(db, "photo_links")
