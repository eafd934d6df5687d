"""Fixtures for the cases tests: an office store on each backend, a live office on 127.0.0.1
and a laptop with a key."""

import pytest

from inspector_app.office.store import OfficeStore
from tests.sync.live import laptop, office  # noqa: F401


@pytest.fixture
def store(office_db):
    """The office store on `office_db` (SQLite file or PostgreSQL schema)."""
    opened = OfficeStore(office_db)
    yield opened
    opened.close()
