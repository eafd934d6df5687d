"""Run slow work off the GUI thread and hear back on it (Anki's CollectionOp idea).

Sealing, PDF rendering, printing preparation and sync must never freeze the window while a
resident watches. `run_in_background` hands a callable to the global QThreadPool; the callable
gets a `progress(done, total, text)` function; success, failure and progress all arrive as
queued signals, so the callbacks run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from inspector_app.ui.qt import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int, str], None]

# Ops still running: keeps their signal bridges alive until they report back.
_running: set[_Bridge] = set()


class _Bridge(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.fn, self.bridge = fn, bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.bridge.progressed.emit)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self.bridge.failed.emit(exc, traceback.format_exc())
        else:
            self.bridge.succeeded.emit(result)


class Op:
    """A handle on one background operation; `done` is True once a callback has run."""

    def __init__(self, bridge: _Bridge) -> None:
        self.bridge = bridge
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None


def run_in_background(fn: Callable[[Progress], Any], *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None,
                      on_progress: Progress | None = None) -> Op:
    """Run `fn(progress)` in the thread pool; callbacks are delivered on the GUI thread."""
    bridge = _Bridge()
    op = Op(bridge)
    _running.add(bridge)

    def finish() -> None:
        op.done = True
        _running.discard(bridge)
        bridge.deleteLater()

    def ok(result: Any) -> None:
        op.result = result
        try:
            if on_success:
                on_success(result)
        finally:
            finish()

    def bad(exc: BaseException, trace: str) -> None:
        op.error = exc
        try:
            if on_failure:
                on_failure(exc)
            else:
                print(trace)
        finally:
            finish()

    bridge.succeeded.connect(ok)
    bridge.failed.connect(bad)
    if on_progress:
        bridge.progressed.connect(on_progress)
    QThreadPool.globalInstance().start(_Task(fn, bridge))
    return op
