"""When the assigned inspector's laptop first received a ticket's assignment.

`tickets.delivered_at` is empty from the assignment until a laptop of the inspector holding
the ticket acknowledges the feed page that carried it (`office.delivery`): a laptop
acknowledges a page by sending its cursor back on the next pull, so the office learns what
was stored on the laptop, not merely what it sent. A reassignment empties it again.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def upgrade() -> None:
    op.add_column("tickets", sa.Column("delivered_at", TEXT, nullable=True))
