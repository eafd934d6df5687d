"""The office's schema as Alembic revisions, one schema for SQLite and PostgreSQL."""
