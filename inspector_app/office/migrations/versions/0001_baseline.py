"""The office schema as it stood at the last PRAGMA user_version step (11).

New offices start here on either backend; older SQLite offices are brought to version 11 by
`office.legacy_sqlite` and stamped with this revision. Text columns compare as bytes on both
(PostgreSQL: collation "C", as SQLite's BINARY), so sorting, keyset paging and the address
prefix range behave the same everywhere.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
FILTER_COLUMNS = ("district", "company", "inspector", "verdict", "review_state", "training",
                  "device_id", "chain_state")
SORT_INDEX_COLUMNS = ("company", "inspector", "verdict", "review_state", "received_at", "address")


def text(name: str, nullable: bool = True, default: str | None = None, **kw) -> sa.Column:
    return sa.Column(name, TEXT, nullable=nullable,
                     server_default=None if default is None else sa.text(f"'{default}'"), **kw)


def required(name: str, default: str | None = None, **kw) -> sa.Column:
    return text(name, nullable=False, default=default, **kw)


def upgrade() -> None:
    op.create_table(
        "devices",
        required("device_id", primary_key=True),
        required("public_key", unique=True),          # base64 raw Ed25519 key
        text("token_hash"),                           # NULL: admitted by bundle, cannot upload
        required("label", ""),
        required("enrolled_via"),
        required("enrolled_at"),
        text("revoked_at"),
        required("revoked_reason", ""),
        text("last_seen_at"),
        sa.CheckConstraint("enrolled_via IN ('code', 'bundle')", name="devices_enrolled_via"))
    op.create_table(
        "enrollment_codes",
        required("code_hash", primary_key=True),
        required("created_at"),
        required("expires_at"),                       # UTC, 'YYYY-MM-DDTHH:MM:SSZ'
        text("used_at"),
        text("used_by"))
    op.create_table(
        "admin_tokens",
        required("token_hash", primary_key=True),
        required("label", ""),
        required("created_at"),
        text("revoked_at"))
    op.create_table(
        "records",
        required("ref", primary_key=True),            # device_id || '.' || record_id
        required("record_id"),                        # the record's own (public, printed) id
        required("device_id"),
        sa.Column("seq", sa.Integer, nullable=False),
        required("sha256"),
        text("prev_sha256"),
        sa.Column("envelope", sa.LargeBinary, nullable=False),  # the exact bytes received
        sa.Column("envelope_size", sa.Integer, nullable=False),
        required("received_at"),
        required("received_via"),
        required("sealed_at"),
        sa.Column("training", sa.Integer, nullable=False),
        required("test_at"),                          # visit.test_at, else sealed_at: sort key
        required("district", ""),
        required("company", ""),
        required("inspector", ""),
        required("verdict", ""),
        required("ticket", ""),
        required("address", ""),
        text("supersedes"),                           # a record id of the same device
        required("verification", "verified"),
        required("chain_state", "ok"),
        required("review_state", "received"),
        required("review_comment", ""),
        text("reviewed_at"),
        text("reviewed_by"),
        sa.Column("synthetic", sa.Integer, nullable=False, server_default=sa.text("0")),
        required("profile_name", ""),
        text("complaint_at"),
        sa.Column("contact_min", sa.Float),
        sa.Column("arrival_min", sa.Float),
        sa.ForeignKeyConstraint(["device_id"], ["devices.device_id"]),
        sa.CheckConstraint("received_via IN ('upload', 'bundle')", name="records_received_via"),
        sa.CheckConstraint("chain_state IN ('ok', 'gap', 'fork')", name="records_chain_state"),
        sa.CheckConstraint("review_state IN ('received', 'approved', 'has_issues', 'rejected',"
                           " 'resubmitted')", name="records_review_state"),
        sa.CheckConstraint("ref = device_id || '.' || record_id", name="records_ref"),
        sa.CheckConstraint("device_id NOT LIKE '%.%'", name="records_device_id_no_dot"))
    op.create_index("records_test_at", "records", ["test_at", "ref"])
    for column in FILTER_COLUMNS:
        op.create_index(f"records_{column}", "records", [column, "test_at", "ref"])
    for column in SORT_INDEX_COLUMNS:
        op.create_index(f"records_district_{column}", "records",
                        ["district", column, "test_at", "ref"])
    op.create_index("records_received_at", "records", ["received_at", "test_at", "ref"])
    op.create_index("records_address", "records", ["address", "test_at", "ref"])
    op.create_index("records_ticket", "records", ["ticket"])
    op.create_index("records_device_seq", "records", ["device_id", "seq"])
    op.create_index("records_sha256", "records", ["sha256"])
    op.create_index("records_record_id", "records", ["record_id"])
    op.create_index("records_supersedes", "records", ["device_id", "supersedes"],
                    sqlite_where=sa.text("supersedes IS NOT NULL"),
                    postgresql_where=sa.text("supersedes IS NOT NULL"))
    op.create_table(
        "chain_gaps",
        sa.Column("id", sa.Integer, primary_key=True),
        required("device_id"),
        required("kind"),
        required("record_id"),                        # the record that revealed it
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("missing_seq", sa.Integer),         # gap: the predecessor not yet received
        text("expected_sha256"),
        required("detail", ""),
        required("opened_at"),
        text("closed_at"),
        text("closed_by"),
        sa.CheckConstraint("kind IN ('gap', 'fork')", name="chain_gaps_kind"))
    op.create_index("chain_gaps_open", "chain_gaps", ["device_id", "missing_seq"],
                    sqlite_where=sa.text("closed_at IS NULL"),
                    postgresql_where=sa.text("closed_at IS NULL"))
    op.create_index("chain_gaps_record", "chain_gaps", ["record_id"])
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer, primary_key=True),
        required("record_ref"),
        required("state"),
        required("comment", ""),
        required("by"),
        required("at"),
        required("kind", "state"),
        text("from_state"),
        sa.ForeignKeyConstraint(["record_ref"], ["records.ref"]))
    op.create_index("review_events_record", "review_events", ["record_ref", "id"])
    op.create_table(
        "users",
        required("name", primary_key=True),
        required("role"),
        text("district"),                             # a supervisor sees only this district
        required("password_hash"),                    # argon2id
        required("created_at"),
        text("disabled_at"),
        sa.CheckConstraint("role IN ('supervisor', 'admin')", name="users_role"))
    op.create_table(
        "sessions",
        required("token_hash", primary_key=True),     # sha256 of the bearer token
        required("user_name"),
        required("created_at"),
        required("expires_at"),                       # UTC, 'YYYY-MM-DDTHH:MM:SSZ'
        sa.ForeignKeyConstraint(["user_name"], ["users.name"]))
    op.create_table(
        "rulings",
        required("ruling_no", primary_key=True),      # '2025-2026-000001': per heating season
        required("record_ref"),
        required("record_id"),                        # the record's own id, cited on the ruling
        required("record_sha256"),
        required("decision"),
        required("amount_total"),                     # exact decimal as text
        required("inputs"),                           # JSON: what the supervisor entered
        required("ruling"),                           # JSON: core.ruling.Ruling.to_dict()
        required("issued_by"),
        required("issued_at"),
        required("district", ""),
        text("superseded_by"),
        text("request_key"),
        sa.ForeignKeyConstraint(["record_ref"], ["records.ref"]),
        sa.ForeignKeyConstraint(["superseded_by"], ["rulings.ruling_no"]),
        sa.CheckConstraint("decision IN ('refund', 'no_refund')", name="rulings_decision"))
    op.create_index("rulings_record", "rulings", ["record_ref", "issued_at"])
    op.create_index("rulings_request_key", "rulings", ["request_key"], unique=True,
                    sqlite_where=sa.text("request_key IS NOT NULL"),
                    postgresql_where=sa.text("request_key IS NOT NULL"))
    op.create_table(
        "device_events",
        sa.Column("id", sa.Integer, primary_key=True),
        required("device_id"),
        required("event"),
        required("by"),                               # the administrator; 'laptop' for its own
        required("at"),
        required("detail", ""))
    op.create_index("device_events_device", "device_events", ["device_id", "id"])
    op.create_table(
        "reenrolment_allowances",
        sa.Column("id", sa.Integer, primary_key=True),
        required("device_id"),
        required("allowed_by"),
        required("allowed_at"),
        required("expires_at"),                       # UTC, 'YYYY-MM-DDTHH:MM:SSZ'
        required("reason", ""),
        text("used_at"),                              # spent by one re-enrolment
        sa.ForeignKeyConstraint(["device_id"], ["devices.device_id"]))
    op.create_index("reenrolment_allowances_open", "reenrolment_allowances", ["device_id"],
                    sqlite_where=sa.text("used_at IS NULL"),
                    postgresql_where=sa.text("used_at IS NULL"))
    op.create_table(
        "login_failures",
        required("key", primary_key=True),            # 'user:NAME' or 'client:ADDRESS'
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=False),   # seconds since the epoch
        sa.Column("last_failure", sa.Float, nullable=False))
    op.create_index("login_failures_last", "login_failures", ["last_failure"])
    op.create_table(
        "profile_confirmations",
        sa.Column("id", sa.Integer, primary_key=True),
        required("profile"),
        required("profile_version"),
        required("section"),
        required("citation_zh"),
        required("citation_en", ""),
        required("confirmed_by"),
        required("confirmed_at"))
    op.create_index("profile_confirmations_section", "profile_confirmations",
                    ["profile", "section", "id"])
    op.create_table(
        "photos",
        required("sha256", primary_key=True),         # hex SHA-256 of data, checked on arrival
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        required("mime"),
        required("received_at"),
        required("received_via"),
        text("device_id"),
        sa.CheckConstraint("received_via IN ('upload', 'bundle')", name="photos_received_via"))
    op.create_table(
        "record_photos",
        required("record_ref", primary_key=True),
        required("sha256", primary_key=True),
        sa.ForeignKeyConstraint(["record_ref"], ["records.ref"]),
        sqlite_with_rowid=False)
    op.create_index("record_photos_sha256", "record_photos", ["sha256", "record_ref"])
