"""Fixed monitoring points: the registry, the platforms' keys, the readings and their days.

- `monitoring_points`: one row per collector, by the id it reports (`point_id`), with a small
  number (`point_no`) the readings carry instead of the id (4 bytes a reading, not 20), the
  household it stands in, its room, position flags and company, installed/removed dates and
  calibration; `last_t` / `last_received_at` say whether it is reporting.
- `platform_keys`: one API key per heating company's platform, stored as a SHA-256 hash,
  revocable.
- `monitoring_readings`: the raw readings, never altered: (point_no, t) is unique, so a repeated
  reading is stored once. On PostgreSQL the table is partitioned by month of `t` (declarative
  range partitioning; `office.monitoring.partitions` creates each month's partition before the
  first reading of that month arrives) and its primary key is the B-tree index that serves
  (point, time) queries. SQLite keeps one table (a pilot of a few hundred points).
- `monitoring_conflicts`: a second reading of a point at the same time with another value: kept
  here, never stored over the first, and the first is flagged `duplicate`.
- `monitoring_daily`: per point and local day, the aggregates computed from the raw readings
  (`core.monitoring_day`), with the digest of the readings they used; `monitoring_dirty` lists
  the point-days new readings touched, which the aggregator recomputes.
- `monitoring_quarantine`: readings the office could not file (unknown point, removed point,
  an implausible time), kept as they came and listed, released when their point is registered.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def text(name: str, nullable: bool = True, default: str | None = None, **kw) -> sa.Column:
    return sa.Column(name, TEXT, nullable=nullable,
                     server_default=None if default is None else sa.text(f"'{default}'"), **kw)


def required(name: str, default: str | None = None, **kw) -> sa.Column:
    return text(name, nullable=False, default=default, **kw)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "monitoring_points",
        required("point_id", primary_key=True),        # as the collector reports it
        sa.Column("point_no", sa.Integer, nullable=False, unique=True),
        required("household"),                          # core.household id ('h' + 20 hex)
        required("city", ""),
        required("district", ""),
        required("street", ""),
        required("community", ""),
        required("building", ""),
        required("unit", ""),
        required("flat", ""),
        required("address", ""),                        # the one-line address as imported
        required("room_kind"),                          # bedroom | living_room | other
        required("room_name", ""),
        required("position", ""),                       # ','-joined: top, ground, end, overhang
        required("company"),
        required("installed_on"),                       # YYYY-MM-DD, local
        text("removed_on"),                             # YYYY-MM-DD, local: no readings after
        required("correction_c", "0"),                  # calibration correction, exact decimal
        required("calibrated_on", ""),
        required("calibration_ref", ""),                # the certificate's number
        text("last_t"),                                 # UTC of the newest reading stored
        text("last_received_at"),                       # UTC when it arrived
        required("created_at"),
        required("updated_at"),
        sa.CheckConstraint("room_kind IN ('bedroom', 'living_room', 'other')",
                           name="monitoring_points_room_kind"))
    if postgres:   # every batch updates last_t / last_received_at: room on the page for HOT
        op.execute("ALTER TABLE monitoring_points SET (fillfactor = 50)")   # updates
    op.create_index("monitoring_points_household", "monitoring_points", ["household"])
    op.create_index("monitoring_points_district", "monitoring_points",
                    ["district", "company", "point_id"])
    op.create_index("monitoring_points_company", "monitoring_points", ["company", "point_id"])

    op.create_table(
        "platform_keys",
        required("key_id", primary_key=True),           # 'pk_' + 10 hex, printed with the key
        required("company"),
        required("key_hash", unique=True),              # SHA-256 hex of the key
        required("label", ""),
        required("created_by"),
        required("created_at"),
        text("revoked_at"),
        text("revoked_by"))
    op.create_index("platform_keys_company", "platform_keys", ["company"])

    if postgres:
        op.execute(
            "CREATE TABLE monitoring_readings ("
            " point_no integer NOT NULL,"
            " t timestamptz NOT NULL,"
            " value_c numeric NOT NULL,"
            " received_at timestamptz NOT NULL,"
            " source smallint NOT NULL,"                # 1 http, 2 mqtt, 3 import
            " PRIMARY KEY (point_no, t)"
            ") PARTITION BY RANGE (t)")
    else:
        op.execute(
            "CREATE TABLE monitoring_readings ("
            " point_no INTEGER NOT NULL,"
            " t TEXT NOT NULL,"                         # UTC 'YYYY-MM-DDTHH:MM:SSZ'
            " value_c TEXT NOT NULL,"                   # the number as sent, exact
            " received_at TEXT NOT NULL,"
            " source INTEGER NOT NULL,"
            " PRIMARY KEY (point_no, t)"
            ") WITHOUT ROWID")
    op.create_table(
        "monitoring_partitions",                        # PostgreSQL: the months created
        required("month", primary_key=True),            # 'YYYY-MM' (UTC)
        required("created_at"))

    op.create_table(
        "monitoring_conflicts",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("point_no", sa.Integer, nullable=False),
        required("t"),                                  # UTC
        required("value_c"),
        required("received_at"),
        sa.Column("source", sa.Integer, nullable=False))
    op.create_index("monitoring_conflicts_point", "monitoring_conflicts", ["point_no", "t"])

    op.create_table(
        "monitoring_daily",
        sa.Column("point_no", sa.Integer, nullable=False),
        required("day"),                                # YYYY-MM-DD in the profile's zone
        sa.Column("readings", sa.Integer, nullable=False),
        sa.Column("valid", sa.Integer, nullable=False),
        text("min_c"),
        text("mean_c"),
        text("max_c"),
        sa.Column("minutes_below", sa.Integer, nullable=False),
        required("coverage"),                           # 0..1, exact decimal as text
        required("status"),                             # compliant | non_compliant | insufficient
        required("flags", "{}"),                        # JSON: {flag: count}
        required("digest"),                             # SHA-256 of the valid readings used
        required("computed_at"),
        sa.PrimaryKeyConstraint("point_no", "day"),
        sa.CheckConstraint("status IN ('compliant', 'non_compliant', 'insufficient')",
                           name="monitoring_daily_status"))
    op.create_index("monitoring_daily_day", "monitoring_daily", ["day", "status", "point_no"])
    op.create_table(
        "monitoring_dirty",
        sa.Column("point_no", sa.Integer, nullable=False),
        required("day"),
        sa.PrimaryKeyConstraint("point_no", "day"))

    op.create_table(
        "monitoring_quarantine",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        required("point_id"),
        required("t"),                                  # UTC 'YYYY-MM-DDTHH:MM:SSZ'
        required("value_c"),                            # the number as sent
        required("reason"),                             # unknown_point | point_removed | ...
        required("company", ""),                        # the platform key's company, if any
        required("source"),                             # http | mqtt
        required("received_at"),
        text("released_at"))
    op.create_index("monitoring_quarantine_reading", "monitoring_quarantine",
                    ["point_id", "t", "value_c"], unique=True)   # kept aside once
    op.create_index("monitoring_quarantine_open", "monitoring_quarantine", ["released_at", "id"])
