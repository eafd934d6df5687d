"""Covering indexes for the season's company statistics (`office.statistics`).

Each holds the columns one grouped read needs, led by the grouping columns, so SQLite walks it
in group order without sorting a million rows or reading the table; PostgreSQL may read them
instead of the table (an index-only scan) once vacuumed.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("records_stats_contact", "records",
                    ["company", "contact_min", "profile_name", "verdict", "training", "test_at",
                     "district"])
    op.create_index("records_stats_arrival", "records",
                    ["company", "arrival_min", "training", "test_at", "district"])
