"""The supervisor window's 工单 / Tickets tab: the district's hotline tickets for dispatch.

Overdue tickets come first, then the rest, each oldest complaint first (`TicketsModel`); the
minutes since each complaint tick on screen every few seconds from a QTimer that only repaints
(no request). The list is read again every minute while the tab is shown, keeping the ticket
chosen. A chosen ticket is fetched in full (revisions and history) below the list; the actions
(dispatch, the office phoning the resident, cancel, close) are each one request on a worker
whose answer refreshes that ticket's row and detail. The GUI thread never waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.core.tickets import STATES
from inspector_app.review.client import ReviewSession
from inspector_app.ui.qt import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.supervisor.assign_dialog import AssignDialog
from inspector_app.ui.supervisor.labels import label
from inspector_app.ui.supervisor.reason_dialog import ReasonDialog, Words
from inspector_app.ui.supervisor.ticket_detail import TicketDetail
from inspector_app.ui.supervisor.tickets_model import COLUMNS, TicketsModel

TICK_MS = 5_000          # repaint of the minutes since complaint
REFRESH_MS = 60_000      # a new read of the list while the tab is shown
DISPATCHABLE = ("received", "assigned", "contacted", "visit_agreed", "unreachable")
CANCELLABLE = ("received", "assigned", "contacted", "visit_agreed", "unreachable")
CLOSABLE = ("tested", "unreachable")
# run(fn, on_success, what): the window's worker runner (status line, a second login on 401)
Runner = Callable[[Callable[[], Any], Callable[[Any], None], str], None]


class TicketsTab(QWidget):
    def __init__(self, parent: QWidget | None, session: Callable[[], ReviewSession],
                 run: Runner, status: Callable[[str, str], None]) -> None:
        super().__init__(parent)
        self.setObjectName("ticketsTab")
        self.session, self.run, self.say = session, run, status
        self.current: tuple[str, str] | None = None
        self.keep_key: str | None = None
        self.dialogs: list[QWidget] = []
        self.started = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.stateLabel = QLabel(self)
        row.addWidget(self.stateLabel)
        self.stateCombo = QComboBox(self)
        self.stateCombo.setObjectName("ticketStateCombo")
        row.addWidget(self.stateCombo)
        self.refreshButton = QPushButton(self)
        self.refreshButton.setObjectName("ticketsRefreshButton")
        row.addWidget(self.refreshButton)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("ticketsCount")
        row.addWidget(self.countLabel, 1)
        layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("ticketsTable")
        self.model = TicketsModel(self._fetch_page, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        right = QWidget(self.splitter)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.detail = TicketDetail(right)
        side.addWidget(self.detail, 1)
        buttons = QGridLayout()   # two rows: the longer words of either language fit
        self.assignButton = QPushButton(right)
        self.assignButton.setObjectName("assignButton")
        self.contactedButton = QPushButton(right)
        self.contactedButton.setObjectName("officeContactedButton")
        self.cancelButton = QPushButton(right)
        self.cancelButton.setObjectName("cancelTicketButton")
        self.closeButton = QPushButton(right)
        self.closeButton.setObjectName("closeTicketButton")
        for n, button in enumerate((self.assignButton, self.contactedButton,
                                    self.cancelButton, self.closeButton)):
            buttons.addWidget(button, n // 2, n % 2)
        side.addLayout(buttons)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([760, 560])
        layout.addWidget(self.splitter, 1)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.model.tick)
        self.refresher = QTimer(self)
        self.refresher.setInterval(REFRESH_MS)
        self.refresher.timeout.connect(self.refresh)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.stateCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.refreshButton.clicked.connect(self.refresh)
        self.assignButton.clicked.connect(self.open_assign)
        self.contactedButton.clicked.connect(self.office_contacted)
        self.cancelButton.clicked.connect(self.cancel_ticket)
        self.closeButton.clicked.connect(self.close_ticket)
        self.retranslate()
        self._enable()

    # -- the list ------------------------------------------------------------------------------
    def _fetch_page(self, filters: dict[str, Any], after: str | None) -> dict[str, Any]:
        return self.session().list_tickets(filters, limit=100, after=after)

    def start(self) -> None:
        """First showing: read the list and start the clocks."""
        if not self.started:
            self.started = True
            self.apply_filter()
        self.ticker.start()
        self.refresher.start()

    def stop(self) -> None:
        """Another tab is shown: no repaint and no reading meanwhile."""
        self.ticker.stop()
        self.refresher.stop()

    def filters(self) -> dict[str, Any]:
        state = self.stateCombo.currentData()
        return {"state": state} if state else {}

    def apply_filter(self) -> None:
        if not self.started:
            return
        self.keep_key = None
        self.show_ticket(None)
        self.countLabel.setText(self.tr("Loading…"))
        self.model.set_query(self.filters())

    def refresh(self) -> None:
        """Read the list again, keeping the chosen ticket chosen (and its detail fresh)."""
        if not self.started or self.model.loading:
            return
        self.keep_key = f"{self.current[0]}/{self.current[1]}" if self.current else None
        self.model.reload()
        if self.current:
            self.load_detail(*self.current)

    def busy(self) -> bool:
        return self.model.busy() or any(getattr(d, "busy", lambda: False)()
                                        for d in self.dialogs if d.isVisible())

    def _loaded(self) -> None:
        rows = self.model.rowCount()
        overdue = sum(1 for r in range(rows) if self.model.overdue(r))
        more = "+" if self.model.more else ""
        self.countLabel.setText(self.tr("%1 tickets shown, %2 overdue").replace(
            "%1", f"{rows}{more}").replace("%2", str(overdue)))
        if rows and not getattr(self, "_sized", False):
            self._sized = True
            self.table.resizeColumnsToContents()
            address = COLUMNS.index("address")
            self.table.setColumnWidth(address, max(self.table.columnWidth(address), 200))
        if self.keep_key:
            for row in range(rows):
                if self.model.rows[row]["key"] == self.keep_key:
                    self.keep_key = None   # found once: a later page must not move the choice
                    self.table.selectionModel().setCurrentIndex(
                        self.model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    break

    def _failed(self, exc: BaseException) -> None:
        from inspector_app.ui import i18n

        self.countLabel.setText("")
        self.say(i18n.error_text(exc), "bad")

    # -- one ticket ----------------------------------------------------------------------------
    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001 - QModelIndex
        item = self.model.item(current.row())
        if item is None:
            return
        key = (item["channel"], item["ticket"])
        if key != self.current:
            self.detail.show_ticket(item)   # the list's fields at once, the history follows
            self.load_detail(*key)

    def load_detail(self, channel: str, ticket: str) -> None:
        self.current = (channel, ticket)
        self._enable()
        self.run(lambda: self.session().ticket(channel, ticket),
                 lambda detail: self._detail_arrived(channel, ticket, detail), "")

    def _detail_arrived(self, channel: str, ticket: str, detail: dict[str, Any]) -> None:
        if (channel, ticket) != self.current:
            return   # the dispatcher has moved on
        self.detail.show_ticket(detail)
        self._enable()

    def show_ticket(self, detail: dict[str, Any] | None) -> None:
        if detail is None:
            self.current = None
        self.detail.show_ticket(detail)
        self._enable()

    def _enable(self) -> None:
        state = (self.detail.ticket or {}).get("state") if self.current else None
        self.assignButton.setEnabled(state in DISPATCHABLE)
        self.contactedButton.setEnabled(state == "assigned")
        self.cancelButton.setEnabled(state in CANCELLABLE)
        self.closeButton.setEnabled(state in CLOSABLE)

    def _changed(self, ticket: dict[str, Any], message: str) -> None:
        """An action's answer: the row and (if still chosen) the detail show the new state."""
        self.model.replace(ticket)
        self.say(message, "ok")
        if self.current == (ticket["channel"], ticket["ticket"]):
            self.load_detail(ticket["channel"], ticket["ticket"])

    # -- actions -------------------------------------------------------------------------------
    def open_assign(self) -> None:
        ticket = self.detail.ticket
        if not self.current or ticket is None:
            return
        dialog = AssignDialog(self, self.session(), ticket)
        dialog.assigned.connect(lambda t: self._changed(t, self.tr(
            "Ticket %1 dispatched to %2.").replace("%1", t["key"]).replace(
            "%2", str(t.get("inspector")))))
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def _event(self, kind: str, data: dict[str, Any], message: str, note: str = "") -> None:
        if not self.current:
            return
        channel, number = self.current
        self.run(lambda: self.session().ticket_event(channel, number, kind, data=data,
                                                     note=note),
                 lambda t: self._changed(t, message), self.tr("Saving…"))

    def office_contacted(self) -> None:
        """The office phoned the resident itself: the contact counts for the clock now."""
        self._event("contacted", {"method": "phone"},
                    self.tr("Contact by phone from the office recorded."),
                    note=self.tr("phoned from the office"))

    def _ask_reason(self, title: Words, prompt: Words, action: Words, required: bool,
                    then: Callable[[str], None]) -> ReasonDialog:
        dialog = ReasonDialog(self, title, prompt, action, required=required)
        dialog.accepted.connect(lambda: then(dialog.reason()))
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()
        return dialog

    def cancel_ticket(self) -> ReasonDialog | None:
        if not self.current:
            return None
        key = "/".join(self.current)
        return self._ask_reason(   # functions: the dialog redraws them on a language switch
            lambda: self.tr("Cancel ticket %1").replace("%1", key),
            lambda: self.tr("Why is ticket %1 cancelled? The reason stays in its history and "
                            "the inspector's laptop drops it on its next sync.").replace(
                "%1", key),
            lambda: self.tr("Cancel the ticket"), True,
            lambda reason: self._event("cancelled", {"reason": reason},
                                       self.tr("Ticket %1 cancelled.").replace("%1", key)))

    def close_ticket(self) -> ReasonDialog | None:
        if not self.current:
            return None
        key = "/".join(self.current)
        return self._ask_reason(
            lambda: self.tr("Close ticket %1").replace("%1", key),
            lambda: self.tr("Close ticket %1 (a note is optional):").replace("%1", key),
            lambda: self.tr("Close the ticket"), False,
            lambda reason: self._event("closed", {"reason": reason} if reason else {},
                                       self.tr("Ticket %1 closed.").replace("%1", key)))

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.stateLabel.setText(self.tr("State:"))
        self.refreshButton.setText(self.tr("Refresh"))
        self.assignButton.setText(self.tr("Dispatch…"))
        self.contactedButton.setText(self.tr("Office phoned the resident"))
        self.contactedButton.setToolTip(self.tr(
            "The office reached the resident by phone itself: the contact counts for the clock"
            " now."))
        self.cancelButton.setText(self.tr("Cancel ticket…"))
        self.closeButton.setText(self.tr("Close ticket…"))
        chosen = self.stateCombo.currentData()
        self.stateCombo.blockSignals(True)
        self.stateCombo.clear()
        self.stateCombo.addItem(self.tr("All states"), None)
        for code in STATES:
            self.stateCombo.addItem(label("ticket_state", code), code)
        self.stateCombo.setCurrentIndex(max(0, self.stateCombo.findData(chosen)))
        self.stateCombo.blockSignals(False)
        self.detail.show_ticket(self.detail.ticket)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)

