"""A live office on 127.0.0.1 and a laptop that uploads real sealed records to it."""

from tests.sync.live import laptop, office  # noqa: F401
