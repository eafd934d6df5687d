"""The monitoring point registry: its audit trail, and a district's points in id order.

- `monitoring_point_changes` keeps one row per act on a point: `registered` (its first values),
  `updated` (each changed field's old and new value) and `removed` (the day and the reason).
  A point's calibration correction or its household changes the evidence its days give a case,
  so the registry's history must be readable later, not only its current row.
- `monitoring_points_district_point` (district, point_id): a supervisor's list is its district
  in point_id order, filtered by a state computed per row; walking this index stops after a
  page of matches, where (district, company, point_id) made PostgreSQL read and sort the whole
  district (a page of flagged points at 290,000 points: 600 ms before, 30 ms after, on a loaded
  machine; benchmarks/README.md "Monitoring point states").

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "monitoring_point_changes",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("point_id", TEXT, nullable=False),
        sa.Column("kind", TEXT, nullable=False),              # registered | updated | removed
        sa.Column("changes", TEXT, nullable=False),           # JSON {field: [old, new]}
        sa.Column("reason", TEXT, nullable=False, server_default=sa.text("''")),
        sa.Column("by", TEXT, nullable=False),
        sa.Column("at", TEXT, nullable=False),                # UTC
        sa.CheckConstraint("kind IN ('registered', 'updated', 'removed')",
                           name="monitoring_point_changes_kind"))
    op.create_index("monitoring_point_changes_point", "monitoring_point_changes",
                    ["point_id", "id"])
    op.create_index("monitoring_points_district_point", "monitoring_points",
                    ["district", "point_id"])
