"""Dispatch a ticket to an inspector: the district's inspectors with how many laptops each has.

The list and the assignment are requests run in the background; the office decides (another
district, no laptop enrolled, a closed ticket) and its words are shown here in the window's
language, the dialog staying open so the dispatcher can choose someone else. An inspector
without an enrolled laptop is listed but cannot be chosen: the ticket would reach nobody.
Each inspector shows when their laptops last talked to the office: a dispatcher choosing
between two people prefers the one whose laptop syncs, so the ticket is on it soon.

The dialog follows a language switch while open, like the window (`changeEvent`): every text
is drawn by `retranslate` from what it holds (the inspectors, the last message as a function).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.style import message_style


class AssignDialog(QDialog):
    assigned = Signal(object)   # the ticket as the office answered it

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 ticket: dict[str, Any]) -> None:
        super().__init__(parent)
        self.session, self.ticket = session, ticket
        self.ops: list[Any] = []
        self.people: list[dict[str, Any]] | None = None    # None: not listed yet
        self.message: tuple[Callable[[], str], str] = (lambda: "", "info")
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget(self)
        self.list.setObjectName("inspectorList")
        layout.addWidget(self.list, 1)
        self.status = QLabel(self)
        self.status.setObjectName("assignStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("dispatchButton")
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.dispatch)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.dispatch())
        self.list.currentItemChanged.connect(lambda *_a: self._enable())
        layout.addWidget(self.buttons)
        self._enable()
        self._say(lambda: self.tr("Loading the inspectors…"))
        self.retranslate()
        self._start(session.inspectors, self._listed)

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language (also while a request is on its way)."""
        ticket = self.ticket
        self.setWindowTitle(self.tr("Dispatch ticket %1").replace("%1", ticket["key"]))
        self.intro.setText(self.tr("Ticket %1, %2\nChoose the inspector whose laptops get it:")
                           .replace("%1", ticket["key"])
                           .replace("%2", ticket.get("address", "")))
        self.ok.setText(self.tr("Dispatch"))
        self.cancel.setText(self.tr("Cancel"))
        if self.people is not None:
            self._fill()
        words, kind = self.message
        self._show(words(), kind)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _start(self, fn, on_success) -> None:  # noqa: ANN001
        self.ops = [o for o in self.ops if not o.done]
        self.ops.append(run_in_background(lambda _p: fn(), on_success=on_success,
                                          on_failure=self._failed))

    def busy(self) -> bool:
        return any(not o.done for o in self.ops)

    def _say(self, words: Callable[[], str], kind: str = "info") -> None:
        """Show a message, kept as a function so a language switch redraws it."""
        self.message = (words, kind)
        self._show(words(), kind)

    def _show(self, text: str, kind: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(message_style(kind) if text else "")

    def _listed(self, inspectors: list[dict[str, Any]]) -> None:
        self.people = sorted(inspectors, key=lambda p: (-(p.get("laptops") or 0), p["name"]))
        self._fill()
        if inspectors:
            self._say(lambda: "")
        else:
            self._say(lambda: self.tr("No inspector accounts in this district."), "bad")
        self._enable()

    def _fill(self) -> None:
        """The inspectors' rows in the current language; the chosen one stays chosen."""
        chosen = self.list.currentItem()
        name = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        self.list.clear()
        current = self.ticket.get("inspector")
        for person in self.people or []:
            laptops = int(person.get("laptops") or 0)
            text = self.tr("%1 — %2 — %3 laptop(s)").replace("%1", person["name"]).replace(
                "%2", person.get("district") or self.tr("all districts")).replace(
                "%3", str(laptops))
            if laptops:
                text += " — " + self.last_sync_text(person.get("last_seen_at"))
            if person["name"] == current:
                text += " " + self.tr("(holds it now)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person["name"])
            if not laptops:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("No laptop is enrolled for this inspector."))
            self.list.addItem(item)
        if name is not None:
            self.choose(name)

    def last_sync_text(self, seen: str | None) -> str:
        """When the inspector's laptops last talked to the office, in this machine's time."""
        if not seen:
            return self.tr("never synced")
        try:
            moment = datetime.fromisoformat(seen.replace("Z", "+00:00")).astimezone()
        except ValueError:
            return self.tr("last sync %1").replace("%1", seen[:16])
        return self.tr("last sync %1").replace("%1", moment.strftime("%m-%d %H:%M"))

    def _enable(self) -> None:
        item = self.list.currentItem()
        self.ok.setEnabled(bool(item and item.flags() & Qt.ItemFlag.ItemIsEnabled)
                           and not self.busy())

    def choose(self, name: str) -> bool:
        """Select the inspector `name` (a test's and a keyboard user's shortcut)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def dispatch(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        channel, number = self.ticket["channel"], self.ticket["ticket"]
        self.ok.setEnabled(False)
        self._say(lambda: self.tr("Dispatching…"))
        self._start(lambda: self.session.assign_ticket(channel, number, name), self._done)

    def _done(self, ticket: dict[str, Any]) -> None:
        self.assigned.emit(ticket)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._say(lambda: i18n.error_text(exc), "bad")
        self._enable()
