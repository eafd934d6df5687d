"""Keeping the open cases' "failing days so far" current while no evidence comes.

An open case's row is rewritten when something about it is stored; a failing run that goes on
adds a day every day without any write. The office's server therefore recomputes, in a thread
of its own, the open cases whose estimate runs to a day before today
(`office.cases.refresh_due_estimates`): once at start and then every `interval` seconds, so
the list a supervisor opens in the morning counts yesterday. Two office processes may both do
it: each household is locked while it is recomputed and the second finds nothing due.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from inspector_app.office import cases
from inspector_app.office.store import OfficeStore

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 600.0   # seconds between two looks at the due estimates


class EstimateRefresher:
    """A daemon thread recomputing due estimates until `stop`; `clock` gives the office's now
    (its date in the default profile's zone is "today")."""

    def __init__(self, store: OfficeStore, clock: Callable[[], datetime],
                 interval: float = DEFAULT_INTERVAL) -> None:
        self.store, self.clock, self.interval = store, clock, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="case-estimates", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def run_once(self) -> int:
        """Recompute what is due now; the pairs recomputed."""
        today = self.clock().astimezone(cases.profile_of(cases.DEFAULT_PROFILE).zone).date()
        return cases.refresh_due_estimates(self.store.db, today)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                done = self.run_once()
                if done:
                    log.info("case estimates recomputed for %d household seasons", done)
            except Exception:   # a database that went away: try again at the next interval
                log.exception("recomputing the open cases' estimates failed")
            self._stop.wait(self.interval)
