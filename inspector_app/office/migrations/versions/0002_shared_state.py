"""State that several office processes share: arrival order, ruling numbers, page limits.

- `records.arrival`: the order records arrived in (SQLite's rowid served before; PostgreSQL has
  none). Filled from rowid on SQLite; new rows take `records_arrival_seq` on PostgreSQL and
  max + 1 under SQLite's write lock.
- `ruling_sequences`: the last ruling number per season, taken with a row update so numbers
  stay gap-free and ordered whichever process issues them.
- `page_hits`: the residents' page limit per client and window, in the database so every
  process counts the same hits.
- The SQLite trigger that listed a record's photos goes: the office's code does it on both
  backends (`office.records`).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.add_column("records", sa.Column("arrival", sa.BigInteger))
    if postgres:
        op.execute("CREATE SEQUENCE records_arrival_seq")
        op.execute("UPDATE records SET arrival = n.arrival FROM (SELECT ref, nextval("
                   "'records_arrival_seq') AS arrival FROM (SELECT ref FROM records"
                   " ORDER BY received_at, ref) AS o) AS n WHERE records.ref = n.ref")
    else:
        op.execute("DROP TRIGGER IF EXISTS records_cite_photos")
        op.execute("UPDATE records SET arrival = rowid")
    op.create_index("records_arrival", "records", ["arrival"], unique=True)
    op.create_table(
        "ruling_sequences",
        sa.Column("season", TEXT, primary_key=True),  # '2025-2026'
        sa.Column("last_no", sa.Integer, nullable=False))
    op.execute("INSERT INTO ruling_sequences (season, last_no)"
               " SELECT substr(ruling_no, 1, 9), max(CAST(substr(ruling_no, 11) AS INTEGER))"
               " FROM rulings GROUP BY substr(ruling_no, 1, 9)")
    op.create_table(
        "page_hits",
        sa.Column("client", TEXT, primary_key=True),
        sa.Column("window_start", sa.Float, nullable=False),  # epoch seconds
        sa.Column("hits", sa.Integer, nullable=False))
    op.create_index("page_hits_window", "page_hits", ["window_start"])
