"""The app's background sync: a plain thread that pushes the outbox when records are due.

Qt-free on purpose: the UI starts one `BackgroundSync`, calls `poke()` after sealing or when the
inspector presses "sync now", and receives `on_progress(done, total, text)` and
`on_report(report, counts)` on this worker thread — it must hand them to the GUI thread itself
(a queued signal). The thread owns its own database connection (`SyncClient.for_data_dir`), so it
never shares a transaction with the GUI's connection.

Each run is `SyncClient.sync_all`: the records, then the ticket events and the assignments (so
a new assignment reaches the laptop within `interval_s`).

Scheduling: the thread sleeps until the earliest `next_attempt_at` in the outboxes, at most
`interval_s`, or until poked. A poke means "now": it ignores the persistent back-off. Without an
office link (not enrolled yet) it does nothing and checks again after `interval_s`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.store import outbox, ticket_outbox
from inspector_app.sync.client import Progress, SyncClient, SyncReport
from inspector_app.sync.config import NotEnrolled
from inspector_app.sync.run_lock import SyncBusy

ReportCallback = Callable[[SyncReport, dict[str, int]], None]
ErrorCallback = Callable[[Exception], None]


class BackgroundSync:
    def __init__(self, folder: Path, *, interval_s: float = 60.0,
                 on_progress: Progress | None = None, on_report: ReportCallback | None = None,
                 on_error: ErrorCallback | None = None,
                 client_factory: Callable[[Path], SyncClient] | None = None,
                 **client_kwargs: Any) -> None:
        self.folder = Path(folder)
        self.interval_s = interval_s
        self.on_progress, self.on_report, self.on_error = on_progress, on_report, on_error
        self._factory = client_factory or (
            lambda f: SyncClient.for_data_dir(f, **client_kwargs))
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._forced = False
        self._thread = threading.Thread(target=self._run, name="background-sync", daemon=True)

    def start(self) -> BackgroundSync:
        self._thread.start()
        return self

    def poke(self) -> None:
        """Sync now (after sealing, on "sync now", when the network comes back)."""
        self._forced = True
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the record being sent (the run checks between records)."""
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        client: SyncClient | None = None
        try:
            while not self._stopping.is_set():
                forced, self._forced = self._forced, False
                self._wake.clear()
                try:
                    if client is None:
                        client = self._factory(self.folder)
                    report = client.sync_all(self.on_progress, include_not_due=forced,
                                             should_stop=self._stopping.is_set)
                    if self.on_report and (report.total or forced or _tickets_moved(report)):
                        self.on_report(report, outbox.counts(client.db))
                    # A stopped run (device refused, office unreachable) leaves records due at
                    # once: wait the full interval rather than knock again immediately.
                    wait = self.interval_s if report.stopped else self._wait_for(client)
                except (NotEnrolled, SyncBusy):  # not enrolled yet, or `sync` runs meanwhile
                    wait = self.interval_s
                except Exception as exc:  # keep the thread alive; the UI shows the error
                    if self.on_error:
                        self.on_error(exc)
                    wait = self.interval_s
                self._wake.wait(wait)
        finally:
            if client is not None:
                client.close()
                client.db.conn.close()

    def _wait_for(self, client: SyncClient) -> float:
        dues = [d for d in (outbox.next_due_at(client.db), ticket_outbox.next_due_at(client.db))
                if d is not None]
        if not dues:
            return self.interval_s
        return min(self.interval_s, max(min(dues) - time.time(), 0.05))


def _tickets_moved(report: SyncReport) -> bool:
    """Assignments came or went, or ticket events were tried: worth telling the UI."""
    t = report.tickets
    return t is not None and bool(t.pulled or t.removed or t.events_total)
