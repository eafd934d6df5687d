"""Alembic's entry for the office: always run from `office.schema.upgrade` with a connection.

The caller has opened the transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: under an advisory
lock, so office processes starting together upgrade once), so Alembic runs inside it.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
