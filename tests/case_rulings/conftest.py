"""Fixtures for the case ruling tests: a live office on 127.0.0.1 and a laptop with a key."""

from tests.sync.live import laptop, office, training_office  # noqa: F401
