"""The thermometer in a worker thread: Monitor.events in, Qt signals out.

`drivers.monitor.Monitor` blocks on the serial port and handles reconnection itself; this QThread
only iterates its events and re-emits them as queued signals, so the GUI thread never waits on
the port. Stopping sets a threading.Event the monitor checks between reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from inspector_app.ui.qt import QThread, Signal

EventSource = Callable[[threading.Event], Iterable[Any]]

CONNECTED, NO_SIGNAL, DISCONNECTED, RECONNECTING, WRONG_PROTOCOL = (
    "connected", "no_signal", "disconnected", "reconnecting", "wrong_protocol")


def monitor_source(url: str, protocol: str, **options: Any) -> EventSource:
    """Events of a real `drivers.monitor.Monitor` on `url` (a port path or pyserial URL)."""
    from drivers.monitor import Monitor

    monitor = Monitor(url, protocol, **options)
    return monitor.events


class ReadingWorker(QThread):
    """Emits `reading(Reading)` and `status(state, message_zh, message_en)` from the monitor."""

    reading = Signal(object)
    status = Signal(str, str, str)
    crashed = Signal(str)

    def __init__(self, source: EventSource, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.stop_event = threading.Event()
        self.setObjectName("thermometer-reader")

    def run(self) -> None:
        try:
            for event in self.source(self.stop_event):
                if self.stop_event.is_set():
                    break
                reading = getattr(event, "reading", None)
                if reading is not None:
                    self.reading.emit(reading)
                    continue
                state = getattr(event, "state", None)
                if state is not None:
                    message_en = getattr(event, "message", "") or ""
                    message_zh = getattr(event, "message_zh", "") or message_en
                    self.status.emit(str(state), message_zh, message_en)
        except Exception as exc:  # noqa: BLE001 - shown to the inspector, never a silent stop
            self.crashed.emit(str(exc))
            self.status.emit(DISCONNECTED, f"读数线程出错：{exc}", f"reader failed: {exc}")

    def stop(self, wait_ms: int = 3000) -> None:
        """Ask the monitor to stop and wait for the thread (bounded: a port read times out)."""
        self.stop_event.set()
        self.wait(wait_ms)
