"""Fixtures for the cases tests: a live office on 127.0.0.1 and a laptop with a key."""

from tests.sync.live import laptop, office  # noqa: F401
