"""The thermometer is on another port now: find it and offer it, keeping the point in progress.

After a restart (or a cable moved to another USB socket) the saved port name may be gone for
good; the monitor would retry it forever. While the reader reports the port disconnected and
its name is absent, the connected ports are probed in the background, one search at a time,
for the visit's protocol; a port that answers is offered on the measuring page. Accepting it
only changes where readings come from: the point in progress and its readings stay.
"""

from __future__ import annotations

from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
)
from inspector_app.ui.reading_worker import CONNECTED, DISCONNECTED, RECONNECTING
from inspector_app.ui.style import message_style

SEARCH_EVERY_MS = 4000


def _search(protocol: str, gone: str, extra: list[str]) -> str | None:
    """Worker thread: the present port (other than the gone one) answering in `protocol`."""
    from drivers.find import find_thermometer, present_ports

    return find_thermometer(protocol, [p for p in present_ports(extra) if p != gone])


def _absent(port: str) -> bool:
    from drivers.find import port_present

    return bool(port) and not port_present(port)


class PortFinder(QFrame):
    """An offer "the thermometer answers on PORT: use it" shown while the saved port is gone."""

    use_port = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001 - AppContext
        super().__init__(parent)
        self.setObjectName("portFinder")
        self.ctx = ctx
        self.port = self.protocol = self.found = ""
        self.op = None
        alive = self.alive = [True]   # a search may answer after the window is gone
        self.destroyed.connect(lambda: alive.__setitem__(0, False))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("useFoundPortButton")
        self.button.clicked.connect(self._accept)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setStyleSheet(message_style("warn"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_EVERY_MS)
        self.timer.timeout.connect(self.search)
        self.retranslate()
        self.hide()

    def watch(self, port: str, protocol: str) -> None:
        """The reader now reads `port`: forget any earlier offer."""
        self.port, self.protocol, self.found = port, protocol, ""
        self.timer.stop()
        self.hide()

    def on_status(self, state: str) -> None:
        if state == CONNECTED:
            self.timer.stop()
            self.hide()
        elif state in (DISCONNECTED, RECONNECTING) and not self.timer.isActive() \
                and self.op is None and _absent(self.port):
            self.search()

    def search(self) -> None:
        if not self.protocol or not _absent(self.port):
            return
        gone, protocol = self.port, self.protocol
        extra = [self.ctx.emulator.path] if self.ctx.emulator is not None else []
        alive = self.alive
        self.op = run_in_background(
            lambda _p: _search(protocol, gone, extra),
            on_success=lambda port: alive[0] and self._searched(gone, port),
            on_failure=lambda _exc: alive[0] and self._searched(gone, None))

    def _searched(self, gone: str, port: str | None) -> None:
        self.op = None
        if gone != self.port:
            return   # the reader moved meanwhile
        if port is None:
            self.timer.start()   # look again shortly: the cable may be plugged in elsewhere
            return
        self.found = port
        self.retranslate()
        self.show()

    def _accept(self) -> None:
        if self.found:
            self.use_port.emit(self.found)

    def retranslate(self) -> None:
        self.label.setText(self.tr("The thermometer is not on %1 any more, but one speaking the "
                                   "same protocol answers on %2.")
                           .replace("%1", self.port).replace("%2", self.found))
        self.button.setText(self.tr("&Use %1").replace("%1", self.found))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
