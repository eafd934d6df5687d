"""Households and cases: a ruling on a household over a season, not on one record.

- `households`: one row per normalised address key (`core.household`), with the first raw
  address seen; `merged_into` points a household a supervisor merged to the one it joined.
  `household_changes` is the audit of merges and splits (a split undoes a merge, naming it).
- `records.household`, `tickets.household`: the household of the address as it arrived (the
  key's id, never rewritten by a merge: a merge is resolved through `households.merged_into`).
- `cases`: one row per case, derived from its household's records, tickets and closures, with
  the columns the list filters, sorts and shows (failing days so far, the estimate).
  `case_events`: what the office adds to a case by hand (withdrawal, a company's failure to
  test or to sign, notes) with who and when.
- `cases_stale`: the (household, season) pairs a ticket import stored evidence for and has not
  regrouped yet (`office.cases.mark_stale`); regrouped once after the import, or at the next
  import or opening when it stopped half-way (`office.cases.regroup_stale`).
- `company_stops`: company-caused heating stops entered at the office.
- `heating_periods` and `penalty_notices`: each company's announced and actual start and stop
  of heating per area, and the penalty notice drafts a late start or early stop produces.
- `rulings.case_id`: the case a ruling was issued on (NULL for rulings issued before cases).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
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
    op.create_table(
        "households",
        required("household_id", primary_key=True),    # core.household: 'h' + 20 hex
        required("key", unique=True),                   # the normalised key, '|'-joined
        required("city", ""),
        required("district", ""),
        required("address", ""),                        # the first raw one-line address seen
        text("merged_into"),                            # the household this one was merged into
        required("created_at"))
    op.create_index("households_merged_into", "households", ["merged_into"],
                    sqlite_where=sa.text("merged_into IS NOT NULL"),
                    postgresql_where=sa.text("merged_into IS NOT NULL"))
    op.create_table(
        "household_changes",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        required("kind"),                               # 'merge' | 'split'
        required("household_id"),                       # the household merged (or split off)
        required("into_id"),                            # the household it joined (or left)
        required("district"),
        required("reason", ""),
        required("by"),
        required("at"),
        sa.Column("undoes", ID),                        # a split: the merge it undoes
        sa.CheckConstraint("kind IN ('merge', 'split')", name="household_changes_kind"))
    op.create_index("household_changes_household", "household_changes", ["household_id", "id"])
    op.create_index("household_changes_into", "household_changes", ["into_id", "id"])

    op.add_column("records", required("household", ""))
    op.create_index("records_household", "records", ["household", "test_at", "ref"])
    op.add_column("tickets", required("household", ""))
    op.create_index("tickets_household", "tickets", ["household", "complaint_utc"])

    op.create_table(
        "cases",
        required("case_id", primary_key=True),          # '<household_id>-<season>-<n>'
        required("household"),                          # the household (after merges)
        required("season"),
        required("district", ""),
        required("company", ""),
        required("address", ""),
        required("state"),                              # 'open' | 'ruled' | 'withdrawn'
        sa.Column("rank", sa.Integer, nullable=False),  # 0 open, 1 closed: open cases first
        required("opened_at"),                          # UTC 'YYYY-MM-DDTHH:MM:SSZ'
        required("opened_kind"),                        # 'ticket' | 'record'
        required("opened_ref"),                         # 'channel/ticket' or a record's ref
        text("closed_at"),                              # UTC, when ruled or withdrawn
        text("ruling_no"),                              # the ruling in force
        sa.Column("records", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("tickets", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("failing_days", sa.Integer, nullable=False, server_default=sa.text("0")),
        required("estimate", "0.00"),                   # yuan, exact decimal as text
        text("last_test_at"),
        sa.Column("evidence_after_ruling", sa.Integer, nullable=False,
                  server_default=sa.text("0")),
        required("updated_at"),
        text("estimated_to"),                           # the local day the estimate runs to
        sa.CheckConstraint("state IN ('open', 'ruled', 'withdrawn')", name="cases_state"),
        sa.CheckConstraint("opened_kind IN ('ticket', 'record')", name="cases_opened_kind"))
    op.create_index("cases_list", "cases", ["rank", "opened_at", "case_id"])
    op.create_index("cases_district", "cases", ["district", "rank", "opened_at", "case_id"])
    op.create_index("cases_company", "cases", ["company", "rank", "opened_at", "case_id"])
    op.create_index("cases_household", "cases", ["household", "season"])
    op.create_index("cases_estimate_due", "cases", ["rank", "estimated_to"])
    op.create_table(
        "case_events",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        required("case_id"),
        required("kind"),           # withdrawn | company_failed_to_test | company_failed_to_sign
        text("day"),                # the day it concerns (YYYY-MM-DD), where it concerns one
        required("note", ""),
        required("by"),
        required("at"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"]))
    op.create_index("case_events_case", "case_events", ["case_id", "id"])

    op.create_table(
        "cases_stale",
        required("household"),                          # as the rows name it (before merges)
        required("season"),
        required("token"),                              # the batch that marked it last
        sa.PrimaryKeyConstraint("household", "season"))

    op.create_table(
        "company_stops",
        required("stop_id", primary_key=True),
        required("company"),
        required("district"),
        required("scope"),          # JSON: {"communities": [...], "buildings": [[community, b]]}
        required("start_at"),       # RFC 3339 with zone
        required("end_at"),
        required("cause"),
        required("evidence", ""),
        required("entered_by"),
        required("entered_at"),
        text("withdrawn_at"),
        text("withdrawn_by"),
        required("withdrawn_reason", ""))
    op.create_index("company_stops_company", "company_stops", ["company", "district", "start_at"])
    op.create_table(
        "heating_periods",
        required("period_id", primary_key=True),
        required("season"),
        required("company"),
        required("district"),
        required("area"),           # the area it concerns, in words (or a community)
        required("heated_area_m2"),     # exact decimal as text
        required("fee_per_m2"),         # the season's heat fee per m², exact decimal as text
        required("announced_start"),    # YYYY-MM-DD
        required("announced_end"),
        text("actual_start"),
        text("actual_end"),
        required("entered_by"),
        required("entered_at"),
        required("updated_at"))
    op.create_index("heating_periods_company", "heating_periods", ["season", "company", "district"])
    op.create_table(
        "penalty_notices",
        required("notice_no", primary_key=True),      # '2025-2026-P0001'
        required("season"),
        required("period_id"),
        required("kind"),                             # 'late_start' | 'early_stop'
        required("data"),                             # JSON: the computed draft
        required("drafted_by"),
        required("drafted_at"),
        text("superseded_by"),
        sa.ForeignKeyConstraint(["period_id"], ["heating_periods.period_id"]),
        sa.CheckConstraint("kind IN ('late_start', 'early_stop')", name="penalty_notices_kind"))
    op.create_index("penalty_notices_period", "penalty_notices", ["period_id", "notice_no"])

    op.add_column("rulings", text("case_id"))
    op.create_index("rulings_case", "rulings", ["case_id", "ruling_no"],
                    sqlite_where=sa.text("case_id IS NOT NULL"),
                    postgresql_where=sa.text("case_id IS NOT NULL"))
    # Existing records and tickets get their household by `office.households.backfill`, run by
    # `office.schema` after the upgrade (it needs the core's normalisation, not SQL).
