"""Complaint tickets from the hotlines, dispatched to inspectors' laptops.

- `tickets`: one row per (channel, ticket) with its current content (`data`, JSON; `digest`
  names it), the state and clock fields replayed from its events (`core.tickets`), and the
  columns the supervisors' list filters and sorts on.
- `ticket_revisions`: every content the hotline sent for a ticket, in order; a changed ticket
  is a new revision, never an overwrite.
- `ticket_events`: every change with who, when and where from; `event_id` makes a laptop's
  push idempotent.
- `ticket_feed` and `ticket_feed_counter`: what each inspector's laptops pull. One row per
  (inspector, ticket) carries the sequence number of its last change (taken from the counter
  row under a lock, so numbers follow commit order) and whether the ticket left that inspector.
- `office_keys`: the office's Ed25519 key that signs a ticket's digest for the laptop, so a
  sealed record can prove its complaint time is the hotline's.
- `users.role` admits `inspector`; `enrollment_codes.inspector` and `devices.inspector` link a
  laptop to the inspector it was enrolled for.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
ROLES = "('supervisor', 'admin', 'inspector')"


def text(name: str, nullable: bool = True, default: str | None = None, **kw) -> sa.Column:
    return sa.Column(name, TEXT, nullable=nullable,
                     server_default=None if default is None else sa.text(f"'{default}'"), **kw)


def required(name: str, default: str | None = None, **kw) -> sa.Column:
    return text(name, nullable=False, default=default, **kw)


def _roles_admit_inspector(postgres: bool) -> None:
    if postgres:
        op.execute("ALTER TABLE users DROP CONSTRAINT users_role")
        op.execute(f"ALTER TABLE users ADD CONSTRAINT users_role CHECK (role IN {ROLES})")
        return
    # SQLite cannot change a CHECK in place (and an office that began before Alembic has it
    # unnamed): users is rebuilt, and sessions with it so its reference follows the renames
    # (foreign keys are on, so a rename rewrites the references to the table renamed).
    op.execute("PRAGMA defer_foreign_keys=ON")
    op.execute(f"""
        CREATE TABLE users_new (
            name TEXT NOT NULL PRIMARY KEY,
            role TEXT NOT NULL,
            district TEXT,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            disabled_at TEXT,
            CONSTRAINT users_role CHECK (role IN {ROLES}))""")
    op.execute("INSERT INTO users_new (name, role, district, password_hash, created_at,"
               " disabled_at) SELECT name, role, district, password_hash, created_at,"
               " disabled_at FROM users")
    op.execute("""
        CREATE TABLE sessions_new (
            token_hash TEXT NOT NULL PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES users_new (name),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL)""")
    op.execute("INSERT INTO sessions_new SELECT token_hash, user_name, created_at, expires_at"
               " FROM sessions")
    op.execute("DROP TABLE sessions")
    op.execute("DROP TABLE users")
    op.execute("ALTER TABLE users_new RENAME TO users")
    op.execute("ALTER TABLE sessions_new RENAME TO sessions")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    _roles_admit_inspector(postgres)
    op.add_column("enrollment_codes", text("inspector"))
    op.add_column("devices", text("inspector"))
    op.create_index("devices_inspector", "devices", ["inspector"])
    op.create_table(
        "tickets",
        required("channel"),
        required("ticket"),
        sa.Column("revision", sa.Integer, nullable=False),   # the current revision's number
        required("digest"),                                  # core.tickets.ticket_digest
        required("data"),                                    # JSON of core.tickets.TicketData
        required("complaint_at"),                            # as the hotline gave it, with zone
        required("complaint_utc"),                           # 'YYYY-MM-DDTHH:MM:SSZ': sorting
        required("deadline_utc"),                            # complaint + the contact limit
        required("profile_name"),
        required("city", ""),
        required("district", ""),
        required("company", ""),
        required("address", ""),                             # one line, for people and search
        required("state"),
        text("inspector"),
        text("contacted_at"),                                # the laptop's time, with zone
        text("contact_method"),
        text("visit_at"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
        required("reason", ""),
        required("received_at"),
        required("updated_at"),
        sa.PrimaryKeyConstraint("channel", "ticket"),
        sa.CheckConstraint("state IN ('received', 'assigned', 'contacted', 'visit_agreed',"
                           " 'tested', 'closed', 'cancelled', 'unreachable')",
                           name="tickets_state"))
    op.create_index("tickets_ticket", "tickets", ["ticket"])
    op.create_index("tickets_list", "tickets", ["district", "complaint_utc", "channel", "ticket"])
    op.create_index("tickets_open", "tickets", ["state", "deadline_utc"])
    op.create_index("tickets_inspector", "tickets", ["inspector", "state"])
    op.create_table(
        "ticket_revisions",
        required("channel"),
        required("ticket"),
        sa.Column("revision", sa.Integer, nullable=False),
        required("digest"),
        required("data"),
        required("source"),                                  # 'hotline' (import, push), 'office'
        required("by"),
        required("received_at"),
        sa.PrimaryKeyConstraint("channel", "ticket", "revision"),
        sa.ForeignKeyConstraint(["channel", "ticket"], ["tickets.channel", "tickets.ticket"]))
    op.create_index("ticket_revisions_digest", "ticket_revisions",
                    ["channel", "ticket", "digest"])
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        required("event_id", unique=True),                  # a laptop's uuid, else the office's
        required("channel"),
        required("ticket"),
        required("kind"),
        required("at"),                                      # when it happened, with zone
        required("by"),
        required("source"),
        text("device_id"),
        required("data", "{}"),                              # JSON
        required("note", ""),
        required("recorded_at"),                             # when the office stored it
        sa.ForeignKeyConstraint(["channel", "ticket"], ["tickets.channel", "tickets.ticket"]),
        sa.CheckConstraint("source IN ('office', 'laptop', 'hotline')",
                           name="ticket_events_source"))
    op.create_index("ticket_events_ticket", "ticket_events", ["channel", "ticket", "id"])
    op.create_table(
        "ticket_feed",
        required("inspector"),
        required("channel"),
        required("ticket"),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.false()),
        required("removed_reason", ""),
        sa.PrimaryKeyConstraint("inspector", "channel", "ticket"))
    op.create_index("ticket_feed_pull", "ticket_feed", ["inspector", "seq"], unique=True)
    op.create_table(
        "ticket_feed_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("last_seq", sa.BigInteger, nullable=False))
    op.execute("INSERT INTO ticket_feed_counter (id, last_seq) VALUES (1, 0)")
    op.create_table(
        "office_keys",
        required("key_id", primary_key=True),               # first 16 hex of sha256(public)
        required("public_key"),                              # base64 raw Ed25519
        required("private_key"),                             # base64 raw Ed25519 seed
        required("created_at"),
        text("retired_at"))
