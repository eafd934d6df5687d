"""A live office on each backend, for the company event tests."""

from tests.sync.live import office  # noqa: F401
