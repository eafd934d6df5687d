"""Fixed monitoring points: each point's current run below the standard, for the dispatcher.

- `monitoring_below`: one row per point that has a valid reading: the newest valid reading
  (`last_valid_t`, UTC; `last_valid_c`, corrected) and, when it and the valid readings before it
  without a gap are below the district's standard, since when (`below_since`, UTC; NULL
  otherwise). The aggregator keeps it with the point's days (`office.monitoring.below_state`),
  so "below standard now" reads the few points that are below, never the readings.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "monitoring_below",
        sa.Column("point_no", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_valid_t", TEXT, nullable=False),     # UTC 'YYYY-MM-DDTHH:MM:SSZ'
        sa.Column("last_valid_c", TEXT, nullable=False),     # corrected, exact decimal
        sa.Column("below_since", TEXT),                      # UTC; NULL: not below now
        sa.Column("computed_at", TEXT, nullable=False))
    op.create_index("monitoring_below_since", "monitoring_below", ["below_since"])
