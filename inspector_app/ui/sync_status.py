"""Outbox counts in the status bar and the "sync now" action, run in the background.

Counting is one small query (GUI thread); pushing talks to the network, so `SyncClient` runs in
the thread pool on its own connection and reports progress as counts.
"""

from __future__ import annotations

from inspector_app.core.errors import InspectionError
from inspector_app.store import outbox
from inspector_app.ui import i18n
from inspector_app.ui.background import Op, run_in_background
from inspector_app.ui.context import AppContext
from inspector_app.ui.qt import QLabel, QMainWindow, QObject, QProgressBar, QTimer, Signal
from inspector_app.ui.style import BAD, WARN

REFRESH_MS = 30_000


def push_from_data_dir(data_dir, progress):  # noqa: ANN001, ANN201 - runs in a worker thread
    from inspector_app.sync.client import SyncClient

    client = SyncClient.for_data_dir(data_dir)
    try:
        # the records, then the ticket events and the assignments (as the background sync)
        return client.sync_all(progress, include_not_due=True)
    finally:
        client.close()


class SyncStatus(QObject):
    synced = Signal()   # a "sync now" ended (well or not): pages showing pulled data re-read

    def __init__(self, window: QMainWindow, ctx: AppContext, label: QLabel,
                 bar: QProgressBar) -> None:
        super().__init__(window)
        self.window, self.ctx, self.label, self.bar = window, ctx, label, bar
        self.op: Op | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        try:
            counts = outbox.counts(self.ctx.db)
        except Exception:  # noqa: BLE001 - a store without the outbox table yet
            self.label.setText("")
            return
        pending, rejected = counts["pending"], counts[outbox.REJECTED]
        text = self.tr("Outbox: %1 to send").replace("%1", str(pending))
        if rejected:
            text += " · " + self.tr("%1 refused").replace("%1", str(rejected))
        self.label.setText(text)
        colour = BAD if rejected else WARN if pending else ""
        self.label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    def sync_now(self) -> None:
        if self.op is not None and not self.op.done:
            return
        self.bar.setRange(0, 0)
        self.bar.show()
        self.window.statusBar().showMessage(self.tr("Syncing…"))
        data_dir = self.ctx.data_dir
        self.op = run_in_background(lambda progress: push_from_data_dir(data_dir, progress),
                                    on_success=self._done, on_failure=self._failed,
                                    on_progress=self._progress)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done}/{total}")
        self.bar.setTextVisible(True)

    def _done(self, report) -> None:  # noqa: ANN001 - sync.client.SyncReport
        self.bar.hide()
        self.window.statusBar().showMessage(report.summary(i18n.current()), 15000)
        self.refresh()
        self.synced.emit()

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        text = i18n.error_text(exc) if isinstance(exc, InspectionError) else str(exc)
        self.window.statusBar().showMessage(self.tr("Sync failed: %1").replace("%1", text), 15000)
        self.refresh()
        self.synced.emit()

    def stop(self) -> None:
        self.timer.stop()
