"""A per-client limit on the residents' verification page: a fixed number of pages per minute.

Kept in the office process's memory, bounded: at most `max_clients` addresses are remembered
(least recently seen forgotten first), so a flood of addresses costs a bounded amount of memory
and at worst lets a forgotten client start afresh. Not in the database on purpose: the page is
public, and a write per anonymous request would let anyone load the office's database. Several
office processes each apply the limit on their own (a client may get that many times the limit).
The clock is injectable so tests never wait.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

PAGES_PER_WINDOW = 30
WINDOW_S = 60.0
MAX_CLIENTS = 10_000


class PageThrottle:
    """Fixed-window counter per client address."""

    def __init__(self, limit: int = PAGES_PER_WINDOW, window_s: float = WINDOW_S,
                 max_clients: int = MAX_CLIENTS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window_s, self.max_clients, self.clock = (limit, window_s, max_clients,
                                                                   clock)
        self._seen: OrderedDict[str, tuple[float, int]] = OrderedDict()
        self._lock = threading.Lock()

    def admit(self, client: str) -> float:
        """Count one page for `client`: 0 when admitted, else the seconds to wait."""
        now = self.clock()
        with self._lock:
            start, count = self._seen.pop(client, (now, 0))
            if now - start >= self.window_s:
                start, count = now, 0
            if count >= self.limit:
                self._seen[client] = (start, count)
                return max(1.0, math.ceil(start + self.window_s - now))
            self._seen[client] = (start, count + 1)
            while len(self._seen) > self.max_clients:
                self._seen.popitem(last=False)
            return 0.0

    def __len__(self) -> int:
        return len(self._seen)
