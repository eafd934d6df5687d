"""A live office on each backend and a laptop, for the ticket visit tests."""

from tests.sync.live import laptop, office  # noqa: F401
