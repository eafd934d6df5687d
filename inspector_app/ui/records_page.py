"""The records on this laptop by state, and the offer to resume a visit a crash interrupted.

The offer is a banner, not a modal box: the app starts usable, the keyboard reaches it first,
and a test can press its button like any other.
"""

from __future__ import annotations

from inspector_app.core.record_time import DEFAULT_ZONE, shown_time
from inspector_app.store.visits import COMPLETE, IN_PROGRESS, SEALED, SYNCED, VisitRow
from inspector_app.ui.generated.records_page import Ui_RecordsPage
from inspector_app.ui.qt import (
    QEvent,
    QHeaderView,
    Qt,
    QTableWidgetItem,
    QWidget,
    Signal,
)

STATES = (None, IN_PROGRESS, COMPLETE, SEALED, SYNCED)


class RecordsPage(QWidget):
    new_visit = Signal()
    open_visit = Signal(str)
    slip_requested = Signal(str)
    correction_requested = Signal(str)

    def __init__(self, store) -> None:  # noqa: ANN001 - VisitStore
        super().__init__()
        self.store = store
        self.ui = Ui_RecordsPage()
        self.ui.setupUi(self)
        self.rows: list[VisitRow] = []
        self.filter: str | None = None
        self.dismissed: set[str] = set()
        self.resume_id: str | None = None
        self.filters = dict(zip(STATES, (self.ui.filterAll, self.ui.filterInProgress,
                                         self.ui.filterComplete, self.ui.filterSealed,
                                         self.ui.filterSynced), strict=True))
        for state, button in self.filters.items():
            button.clicked.connect(lambda _=False, s=state: self.set_filter(s))
        self.ui.newVisitButton.clicked.connect(self.new_visit)
        self.ui.openButton.clicked.connect(self._open)
        self.ui.slipButton.clicked.connect(self._slip)
        self.ui.correctButton.clicked.connect(self._correct)
        self.ui.discardButton.clicked.connect(self._discard)
        self.confirm_box = None
        self.ui.resumeButton.clicked.connect(self._resume)
        self.ui.laterButton.clicked.connect(self._later)
        self.ui.table.itemSelectionChanged.connect(self.update_buttons)
        self.ui.table.itemActivated.connect(lambda _item: self._open())
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.table.verticalHeader().setVisible(False)
        self.refresh()

    def state_label(self, state: str) -> str:
        return {IN_PROGRESS: self.tr("In progress"), COMPLETE: self.tr("Complete"),
                SEALED: self.tr("Sealed"), SYNCED: self.tr("Synced"),
                "abandoned": self.tr("Abandoned")}.get(state, state)

    def refresh(self) -> None:
        all_rows = self.store.rows()
        counts = {s: sum(1 for r in all_rows if r.state == s) for s in STATES if s}
        self.ui.filterAll.setText(self.tr("All (%1)").replace("%1", str(len(all_rows))))
        for state in STATES[1:]:
            self.filters[state].setText(f"{self.state_label(state)} ({counts[state]})")
        for state, button in self.filters.items():
            button.setChecked(state == self.filter)
        self.rows = [r for r in all_rows if self.filter is None or r.state == self.filter]
        table = self.ui.table
        table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = (self.state_label(row.state), shown_time(row.created_at, DEFAULT_ZONE),
                     row.ticket, row.address, row.company,
                     self.tr("training") if row.training else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                table.setItem(i, col, item)
        if self.rows and not table.selectionModel().selectedRows():
            table.selectRow(0)
        self.update_resume()
        self.update_buttons()

    def set_filter(self, state: str | None) -> None:
        self.filter = state
        self.refresh()

    def update_resume(self) -> None:
        """Offer the newest unfinished visit (a crash or power cut left it in progress)."""
        pending = [r for r in self.store.unfinished() if r.id not in self.dismissed]
        self.resume_id = pending[0].id if pending else None
        self.ui.resumeBanner.setVisible(bool(pending))
        if pending:
            row = pending[0]
            self.ui.resumeLabel.setText(
                self.tr("An unfinished visit was found (ticket %1, %2, started %3). Resume it "
                        "where it stopped? Everything measured so far is kept.")
                .replace("%1", row.ticket or "–").replace("%2", row.address or "–")
                .replace("%3", shown_time(row.created_at, DEFAULT_ZONE)))

    def selected(self) -> VisitRow | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def update_buttons(self) -> None:
        row = self.selected()
        self.ui.openButton.setEnabled(row is not None)
        sealed = row is not None and row.state in (SEALED, SYNCED)
        self.ui.slipButton.setEnabled(sealed)
        self.ui.correctButton.setEnabled(sealed)
        self.ui.discardButton.setEnabled(row is not None and row.state in (IN_PROGRESS, COMPLETE))
        if row is not None:
            self.ui.openButton.setText(self.tr("&View") if sealed else self.tr("&Continue"))

    def _open(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_visit.emit(row.id)

    def _slip(self) -> None:
        row = self.selected()
        if row is not None:
            self.slip_requested.emit(row.id)

    def _correct(self) -> None:
        row = self.selected()
        if row is not None:
            self.correction_requested.emit(row.id)

    def _discard(self) -> None:
        """Ask, then mark the draft discarded: hidden from the list, kept in the database."""
        row = self.selected()
        if row is None or row.state not in (IN_PROGRESS, COMPLETE):
            return
        from inspector_app.ui.dialogs import confirm

        text = self.tr("Discard the draft visit (ticket %1, %2)? It disappears from this list "
                       "and can no longer be continued or sealed. It is kept in the database, "
                       "because evidence is never deleted.") \
            .replace("%1", row.ticket or "–").replace("%2", row.address or "–")
        self.confirm_box = confirm(self, self.tr("Discard draft?"), text,
                                   self.tr("&Discard"), self.tr("&Cancel"),
                                   lambda: self.discard(row.id))

    def discard(self, visit_id: str) -> None:
        self.store.discard(visit_id)
        self.refresh()

    def _resume(self) -> None:
        if self.resume_id:
            self.open_visit.emit(self.resume_id)

    def _later(self) -> None:
        if self.resume_id:
            self.dismissed.add(self.resume_id)
        self.update_resume()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.refresh()
        super().changeEvent(event)
