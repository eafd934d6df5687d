"""Two fewer index writes for every ticket an import stores.

- `ticket_revisions_digest` (channel, ticket, digest) goes: nothing looks a revision up by its
  digest alone. The one reader of a digest (`office.ticket_ref`: is this revision and digest
  one of the ticket's?) names the revision too, and the primary key (channel, ticket,
  revision) finds that row. The index cost an import a 64-character key per revision.
- `tickets_inspector` (inspector, state) becomes partial: `WHERE inspector IS NOT NULL`. Every
  new ticket has no inspector, and the only reads by inspector (`inspector = ?` in the list's
  filter) imply that condition, so both SQLite and PostgreSQL still use it; the tickets no one
  holds yet are no longer written into it.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ticket_revisions_digest", table_name="ticket_revisions")
    op.drop_index("tickets_inspector", table_name="tickets")
    held = sa.text("inspector IS NOT NULL")
    op.create_index("tickets_inspector", "tickets", ["inspector", "state"], sqlite_where=held,
                    postgresql_where=held)
