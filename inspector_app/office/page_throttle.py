"""A per-client limit on the residents' verification page: a fixed number of pages per window.

The counts are rows (`page_hits`: client, start of its window, pages in it), so every office
process behind a load balancer counts the same pages: a client gets the limit, not the limit
times the number of processes. A window starts at the client's first page after the previous
window ended. Windows that have ended are deleted now and then, so the table holds about one
row per client seen in the last window. The decision is a pure function (`decide`), tested on
its own; the clock is injectable so tests never wait.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector_app.office.store import OfficeStore

PAGES_PER_WINDOW = 30
WINDOW_S = 60.0
PURGE_EVERY = 200  # on average, one page in this many deletes the windows that have ended


def decide(window: tuple[float, int] | None, now: float, limit: int,
           window_s: float) -> tuple[tuple[float, int], float]:
    """(the client's window after this page, seconds to wait: 0 when the page is admitted)."""
    start, count = window if window is not None else (now, 0)
    if now - start >= window_s:
        start, count = now, 0
    if count >= limit:
        return (start, count), max(1.0, math.ceil(start + window_s - now))
    return (start, count + 1), 0.0


class PageThrottle:
    """Per-client windows kept in the office database."""

    def __init__(self, store: OfficeStore, limit: int = PAGES_PER_WINDOW,
                 window_s: float = WINDOW_S, clock: Callable[[], float] = time.time,
                 purge_every: int = PURGE_EVERY) -> None:
        self.store, self.limit, self.window_s, self.clock = store, limit, window_s, clock
        self.purge_every = purge_every

    def admit(self, client: str) -> float:
        """Count one page for `client`: 0 when admitted, else the seconds to wait."""
        now = self.clock()
        with self.store.write() as c:
            c.lock(f"page {client}")
            row = c.execute("SELECT window_start, hits FROM page_hits WHERE client=?",
                            (client,)).fetchone()
            (start, count), wait = decide(None if row is None else (row[0], row[1]), now,
                                          self.limit, self.window_s)
            if wait == 0:
                c.execute("INSERT INTO page_hits (client, window_start, hits) VALUES (?,?,?)"
                          " ON CONFLICT (client) DO UPDATE SET window_start=excluded.window_start,"
                          " hits=excluded.hits", (client, start, count))
        if random.randrange(self.purge_every) == 0:   # on its own, holding no client's lock
            with self.store.write() as c:
                c.execute("DELETE FROM page_hits WHERE window_start < ?", (now - self.window_s,))
        return wait

    def clients(self) -> int:
        """Clients whose window is remembered (for tests and monitoring)."""
        return int(self.store.scalar("SELECT count(*) FROM page_hits"))
