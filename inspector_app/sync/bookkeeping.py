"""A sync run's outbox writes, grouped: claim a window of records at once, settle them at once.

Why: a claim and an outcome each committed on their own cost two fsyncs per record, about as much
as the upload itself (benchmarks/README.md, "Sync"). Grouping is safe because the office stores a
record once: a run that dies between the office's confirmation and `settle` leaves the record
`sending` until its lease runs out, and the next run sends it again to be told 'already present'.

A window closes after `size` records or `max_s` seconds, whichever comes first, so the outbox the
inspector sees (and the lease of records claimed ahead) lags a run by at most that much.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from inspector_app.store import outbox

WINDOW_RECORDS = 32
WINDOW_SECONDS = 2.0


class OutboxWindows:
    """Claims ahead in windows and buffers outcomes; `close()` writes what is pending."""

    def __init__(self, db: sqlite_utils.Database, lease_s: float, clock: Callable[[], float],
                 size: int = WINDOW_RECORDS, max_s: float = WINDOW_SECONDS) -> None:
        self.db, self.lease_s, self.clock = db, lease_s, clock
        self.size, self.max_s = size, max_s
        self._window: set[str] = set()
        self._claimed: dict[str, tuple[str, float]] = {}
        self._outcomes: list[outbox.Outcome] = []
        self._opened_at = 0.0

    def claim(self, record_id: str, upcoming: list[str]) -> bool:
        """True if `record_id` (the first of `upcoming`, the run's remaining records) is this
        run's to send; opens a new window of `upcoming` when the current one is used up."""
        if record_id not in self._window or self.clock() - self._opened_at >= self.max_s:
            self.close()
            ids = upcoming[:self.size]
            self._opened_at = self.clock()
            self._window = set(ids)
            self._claimed = outbox.claim_many(self.db, ids, self.lease_s, now=self._opened_at)
        return record_id in self._claimed

    def done(self, outcome: outbox.Outcome) -> None:
        """Record what became of a claimed record (written at the window's close)."""
        self._claimed.pop(outcome.key, None)
        self._outcomes.append(outcome)

    def close(self) -> None:
        """Write the outcomes and give back the claimed records not tried, in one transaction."""
        if self._outcomes or self._claimed:
            outbox.settle(self.db, self._outcomes, give_back=self._claimed)
        self._window, self._claimed, self._outcomes = set(), {}, []
