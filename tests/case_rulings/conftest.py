"""Fixtures for the case ruling tests: a live office on 127.0.0.1 and a laptop with a key, the
office's clock fixed (`office_clock`) so no test depends on the real date."""

import pytest

from tests.case_rulings.household import FixedClock
from tests.sync.live import laptop, office, training_office  # noqa: F401


@pytest.fixture(autouse=True)
def office_clock(request: pytest.FixtureRequest) -> FixedClock:
    """The clock of the test's live office(s), at `household.OFFICE_NOW` unless a test sets it."""
    clock = FixedClock()
    for name in ("office", "training_office"):
        if name in request.fixturenames:
            request.getfixturevalue(name).app.state.clock = clock
    return clock
