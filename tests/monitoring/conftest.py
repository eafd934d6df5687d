"""Fixtures for the monitoring tests: an office store and a live office on each backend."""

import pytest

from inspector_app.office.monitoring import partitions
from inspector_app.office.store import OfficeStore
from tests.sync.live import office  # noqa: F401


@pytest.fixture
def store(office_db):
    """The office store on `office_db` (SQLite file or PostgreSQL schema)."""
    opened = OfficeStore(office_db)
    yield opened
    partitions.forget(opened.db)
    opened.close()
