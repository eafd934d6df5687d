"""Keeping the monitoring points' daily aggregates current as readings arrive.

Ingestion only marks the point-days a batch touched, so a platform's upload never waits for
aggregation; this thread of the office's server recomputes them (`aggregates.refresh`) every
`interval` seconds. Reads that must be exact refresh their own point first, so the interval
only decides how fresh the lists are. Several office processes may run it at once.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from inspector_app.office.monitoring.aggregates import refresh

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 30.0


class AggregateRefresher:
    """A daemon thread running `aggregates.refresh` until `stop`."""

    def __init__(self, store: Any, interval: float = DEFAULT_INTERVAL) -> None:
        self.store, self.interval = store, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="monitoring-days", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                done = refresh(self.store, rounds=50)
                if done:
                    log.info("monitoring aggregates recomputed for %d point-days", done)
            except Exception:   # a database that went away: try again at the next interval
                log.exception("recomputing the monitoring aggregates failed")
            self._stop.wait(self.interval)
