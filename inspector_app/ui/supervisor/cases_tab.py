"""The supervisor window's 案件 / Cases tab: the district's households' cases, open ones first,
with the failing days so far and the estimated refund, and the chosen case in full below.

A case is what a ruling rests on: the household's complaint, its tests, re-tests and
corrections, the company's stops. The list pages by the office's cursor as it scrolls
(`CasesModel`); a chosen case is fetched whole (`CaseDetail`); each action (the ruling dialog,
a merge, a split, a withdrawal) is one request on a worker whose answer refreshes the case and
its row. Any record of the case opens in the records tab (the window's own record path).
The GUI thread never waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.review.client import ReviewError, ReviewSession
from inspector_app.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.supervisor.case_detail import CaseDetail, merges_in_force
from inspector_app.ui.supervisor.case_household_dialogs import (
    FailureDialog,
    MergeDialog,
    SplitDialog,
    WithdrawDialog,
)
from inspector_app.ui.supervisor.cases_labels import CASE_STATES, case_label
from inspector_app.ui.supervisor.cases_model import COLUMNS, CasesModel

# run(fn, on_success, what): the window's worker runner (status line, a second login on 401)
Runner = Callable[[Callable[[], Any], Callable[[Any], None], str], None]


def fetch_case(session: ReviewSession, case_id: str) -> dict[str, Any]:
    """The case's detail, with what its timeline and ruling need from elsewhere at the office
    (worker thread): each ticket's contact time (from the ticket) and the profile its records
    were tested under (from its newest record), as `profile_name`."""
    detail = session.case(case_id)
    try:   # the case is shown without these rather than not at all
        for ticket in detail.get("tickets") or []:
            if "contacted_at" not in ticket and ticket.get("channel") and ticket.get("ticket"):
                full = session.ticket(ticket["channel"], ticket["ticket"])
                ticket["contacted_at"] = full.get("contacted_at")
        records = sorted(detail.get("records") or [], key=lambda r: str(r.get("test_at")))
        if records and not detail.get("profile_name"):
            envelope = session.record(records[-1]["ref"]).get("envelope") or {}
            profile = ((envelope.get("record") or {}).get("profile") or {}).get("name")
            detail["profile_name"] = profile if isinstance(profile, str) else None
    except ReviewError:
        pass
    return detail


class CasesTab(QWidget):
    open_record = Signal(str)   # a record of the case, to be shown by the window

    def __init__(self, parent: QWidget | None, session: Callable[[], ReviewSession],
                 run: Runner, status: Callable[[str, str], None], data_dir: Path,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesTab")
        self.session, self.run, self.say = session, run, status
        self.data_dir, self.today = Path(data_dir), today
        self.current: str | None = None
        self.keep_id: str | None = None
        self.dialogs: list[QWidget] = []
        self.started = False
        self.sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.stateLabel = QLabel(self)
        row.addWidget(self.stateLabel)
        self.stateCombo = QComboBox(self)
        self.stateCombo.setObjectName("caseStateCombo")
        # sized again on a change of language ("All states" is longer than "全部状态")
        self.stateCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.stateCombo)
        self.companyEdit = QLineEdit(self)
        self.companyEdit.setObjectName("caseCompanyEdit")
        self.companyEdit.setMaximumWidth(180)
        row.addWidget(self.companyEdit)
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setObjectName("caseSearchEdit")
        row.addWidget(self.searchEdit, 1)
        self.applyButton = QPushButton(self)
        self.applyButton.setObjectName("casesApplyButton")
        row.addWidget(self.applyButton)
        self.refreshButton = QPushButton(self)
        self.refreshButton.setObjectName("casesRefreshButton")
        row.addWidget(self.refreshButton)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("casesCount")
        row.addWidget(self.countLabel)
        layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("casesTable")
        self.model = CasesModel(self._fetch_page, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        lower = QWidget(self.splitter)
        side = QVBoxLayout(lower)
        side.setContentsMargins(0, 0, 0, 0)
        self.detail = CaseDetail(lower)
        side.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.openRecordButton = QPushButton(lower)
        self.openRecordButton.setObjectName("caseOpenRecordButton")
        self.rulingButton = QPushButton(lower)
        self.rulingButton.setObjectName("caseRulingButton")
        self.mergeButton = QPushButton(lower)
        self.mergeButton.setObjectName("caseMergeButton")
        self.splitButton = QPushButton(lower)
        self.splitButton.setObjectName("caseSplitButton")
        self.withdrawButton = QPushButton(lower)
        self.withdrawButton.setObjectName("caseWithdrawButton")
        self.failureButton = QPushButton(lower)
        self.failureButton.setObjectName("caseFailureButton")
        for button in (self.openRecordButton, self.rulingButton, self.failureButton,
                       self.mergeButton, self.splitButton, self.withdrawButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([230, 420])
        layout.addWidget(self.splitter, 1)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.open_record.connect(self.open_record)
        self.detail.timeline.currentCellChanged.connect(lambda *_a: self._enable())
        self.stateCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.companyEdit.returnPressed.connect(self.apply_filter)
        self.searchEdit.returnPressed.connect(self.apply_filter)
        self.applyButton.clicked.connect(self.apply_filter)
        self.refreshButton.clicked.connect(self.refresh)
        self.openRecordButton.clicked.connect(self.open_chosen_record)
        self.rulingButton.clicked.connect(self.open_ruling)
        self.mergeButton.clicked.connect(self.open_merge)
        self.splitButton.clicked.connect(self.open_split)
        self.withdrawButton.clicked.connect(self.withdraw)
        self.failureButton.clicked.connect(self.open_failure)
        self.retranslate()
        self._enable()

    # -- the list ------------------------------------------------------------------------------
    def _fetch_page(self, filters: dict[str, Any], after: str | None) -> dict[str, Any]:
        return self.session().list_cases(filters, limit=100, after=after)

    def start(self) -> None:
        """First showing: read the list."""
        if not self.started:
            self.started = True
            self.apply_filter()

    def filters(self) -> dict[str, Any]:
        out = {"state": self.stateCombo.currentData(),
               "company": self.companyEdit.text().strip(),
               "q": self.searchEdit.text().strip()}
        return {k: v for k, v in out.items() if v}

    def apply_filter(self) -> None:
        if not self.started:
            return
        self.keep_id = None
        self.show_case(None)
        self.countLabel.setText(self.tr("Loading…"))
        self.model.set_query(self.filters())

    def refresh(self) -> None:
        """Read the list again, keeping the chosen case chosen (and its detail fresh)."""
        if not self.started or self.model.loading:
            return
        self.keep_id = self.current
        self.model.reload()
        if self.current:
            self.load_case(self.current)

    def busy(self) -> bool:
        return self.model.busy() or any(getattr(d, "busy", lambda: False)()
                                        for d in self.dialogs if d.isVisible())

    def _loaded(self) -> None:
        rows = self.model.rowCount()
        self._show_count()
        if rows and not self.sized:
            self.sized = True   # once: later pages must not make the columns jump
            self.table.resizeColumnsToContents()
            address = COLUMNS.index("address")
            self.table.setColumnWidth(address, min(max(self.table.columnWidth(address), 200),
                                                   360))
            self._fit_columns()
        if self.keep_id:
            row = self.model.row_of(self.keep_id)
            if row >= 0:
                self.keep_id = None   # found once: a later page must not move the choice
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)

    def _show_count(self) -> None:
        """'N cases shown, M open' in the language of the moment, from the rows held now (a
        ruling or withdrawal changes a row's state without reading the list again)."""
        if self.model.loading and not self.model.rows:
            return   # 'Loading…' stays until the first page
        opened = sum(1 for r in self.model.rows if r.get("state") == "open")
        more = "+" if self.model.more else ""
        self.countLabel.setText(self.tr("%1 cases shown, %2 open").replace(
            "%1", f"{self.model.rowCount()}{more}").replace("%2", str(opened)))

    def _fit_columns(self) -> None:
        """Widen, never narrow, each column to its header in this language, and the state
        column to the longest state it can show ('⚠ Ruled 2026-2027-000001'): the widths are
        set once from the first page, which is mostly open cases, and a ruling or a language
        change must not leave a state or a header cut to '…'."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        state = COLUMNS.index("state")
        longest = max([metrics.horizontalAdvance(f"⚠ {case_label('state', 'ruled')} "
                                                 "2026-2027-000001")]
                      + [metrics.horizontalAdvance(self.model.text(row, "state"))
                         for row in self.model.rows])
        for column in range(len(COLUMNS)):
            if column == len(COLUMNS) - 1:
                continue   # the last one stretches
            want = header.sectionSizeHint(column)
            if column == state:
                want = max(want, longest + 12)
            if self.table.columnWidth(column) < want:
                self.table.setColumnWidth(column, want)
        # the last column stretches into what is left: the address (elided, its tooltip whole)
        # gives way, down to 200 px, so the estimate's header is not cut at the window's edge
        last = len(COLUMNS) - 1
        used = sum(self.table.columnWidth(c) for c in range(last)) + header.sectionSizeHint(last)
        excess = used - self.table.viewport().width()
        address = COLUMNS.index("address")
        if excess > 0:
            self.table.setColumnWidth(address, max(200, self.table.columnWidth(address) - excess))

    def _failed(self, exc: BaseException) -> None:
        from inspector_app.ui import i18n

        self.countLabel.setText("")
        self.say(i18n.error_text(exc), "bad")

    # -- one case ------------------------------------------------------------------------------
    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001 - QModelIndex
        item = self.model.item(current.row())
        if item is not None and item["case_id"] != self.current:
            self.load_case(item["case_id"])

    def choose(self, case_id: str) -> None:
        """Show a case: its row chosen if held, else fetched directly."""
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.load_case(case_id)

    def load_case(self, case_id: str) -> None:
        self.current = case_id
        self._enable()
        session = self.session()
        self.run(lambda: fetch_case(session, case_id),
                 lambda detail: self._case_arrived(case_id, detail), self.tr("Fetching the case…"))

    def _case_arrived(self, case_id: str, detail: dict[str, Any]) -> None:
        if case_id != self.current:
            return   # the supervisor has moved on
        self.detail.show_case(detail)
        self.model.replace(detail.get("case") or {})
        self._show_count()
        self.say("", "info")
        self._enable()

    def show_case(self, detail: dict[str, Any] | None) -> None:
        if detail is None:
            self.current = None
        self.detail.show_case(detail)
        self._enable()

    def shown(self) -> dict[str, Any] | None:
        """The detail on screen, if it is the chosen case's."""
        d = self.detail.detail
        if d is None or (d.get("case") or {}).get("case_id") != self.current:
            return None
        return d

    def _enable(self) -> None:
        d = self.shown()
        state = ((d or {}).get("case") or {}).get("state")
        self.openRecordButton.setEnabled(bool(d) and bool(self.detail.chosen_ref()))
        self.rulingButton.setEnabled(state in ("open", "ruled"))
        self.mergeButton.setEnabled(d is not None)
        self.splitButton.setEnabled(d is not None
                                    and bool(merges_in_force((d or {}).get("household") or {})))
        self.withdrawButton.setEnabled(state == "open")
        self.failureButton.setEnabled(state in ("open", "ruled"))

    # -- actions -------------------------------------------------------------------------------
    def open_chosen_record(self) -> None:
        ref = self.detail.chosen_ref()
        if ref:
            self.open_record.emit(ref)

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def open_ruling(self):  # noqa: ANN201 - the dialog, for tests
        from inspector_app.ui.supervisor.case_ruling_dialog import CaseRulingDialog

        d = self.shown()
        if d is None:
            return None
        dialog = CaseRulingDialog(self, self.session(), d, self.data_dir, today=self.today)
        case_id = self.current
        dialog.issued.connect(lambda _r: self._changed(case_id, ""))
        self._keep(dialog)
        return dialog

    def open_merge(self) -> MergeDialog | None:
        d = self.shown()
        if d is None:
            return None
        dialog = MergeDialog(self, self.session(), d.get("household") or {})
        case_id = self.current
        dialog.done.connect(lambda _c: self._changed(case_id, self.tr(
            "Households merged; the cases are recomputed."), whole_list=True))
        self._keep(dialog)
        return dialog

    def open_failure(self) -> FailureDialog | None:
        d = self.shown()
        if d is None:
            return None
        dialog = FailureDialog(self, self.session(), d.get("case") or {},
                               self.today or date.today())
        case_id = self.current
        dialog.done.connect(lambda _e: self._changed(case_id, self.tr(
            "Entered; the case's failing days are recomputed.")))
        self._keep(dialog)
        return dialog

    def open_split(self) -> SplitDialog | None:
        d = self.shown()
        if d is None:
            return None
        dialog = SplitDialog(self, self.session(), d.get("household") or {})
        case_id = self.current
        dialog.done.connect(lambda _c: self._changed(case_id, self.tr(
            "Merge undone; the cases are recomputed."), whole_list=True))
        self._keep(dialog)
        return dialog

    def withdraw(self) -> WithdrawDialog | None:
        if self.shown() is None or self.current is None:
            return None
        case_id = self.current
        dialog = WithdrawDialog(
            self, lambda: self.tr("Withdraw case %1").replace("%1", case_id),
            lambda: self.tr("Why is case %1 withdrawn (e.g. the resident withdrew the "
                            "complaint)? The reason stays in the case's history.").replace(
                "%1", case_id),
            lambda: self.tr("Withdraw the case"), True)
        dialog.accepted.connect(lambda: self.run(
            lambda: self.session().withdraw_case(case_id, dialog.reason()),
            lambda _c: self._changed(case_id, self.tr("Case %1 withdrawn.").replace(
                "%1", case_id)), self.tr("Saving…")))
        self._keep(dialog)
        return dialog

    def _changed(self, case_id: str | None, message: str, whole_list: bool = False) -> None:
        """An action's answer: the case is read again (a merge or split moves records between
        households and may end or open cases, so the whole list is read again then)."""
        if message:
            self.say(message, "ok")
        if whole_list:   # the case is chosen again if it still exists (a merge may end it)
            self.show_case(None)
            self.keep_id = case_id
            self.model.reload()
        elif case_id and case_id == self.current:
            self.load_case(case_id)

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.stateLabel.setText(self.tr("State:"))
        self.companyEdit.setPlaceholderText(self.tr("Heating company"))
        self.searchEdit.setPlaceholderText(self.tr("Address or household"))
        self.applyButton.setText(self.tr("Search"))
        self.refreshButton.setText(self.tr("Refresh"))
        self.openRecordButton.setText(self.tr("Open record"))
        self.openRecordButton.setToolTip(self.tr("Choose a test in the timeline (or "
                                                 "double-click it) to open its record."))
        self.rulingButton.setText(self.tr("Ruling…"))
        self.mergeButton.setText(self.tr("Merge households…"))
        self.splitButton.setText(self.tr("Undo a merge…"))
        self.withdrawButton.setText(self.tr("Withdraw case…"))
        self.failureButton.setText(self.tr("Company failed…"))
        self.failureButton.setToolTip(self.tr("Enter a day the heating company failed to test "
                                              "or to sign"))
        chosen = self.stateCombo.currentData()
        self.stateCombo.blockSignals(True)
        self.stateCombo.clear()
        self.stateCombo.addItem(self.tr("All states"), None)
        for code in CASE_STATES:
            self.stateCombo.addItem(case_label("state", code), code)
        self.stateCombo.setCurrentIndex(max(0, self.stateCombo.findData(chosen)))
        self.stateCombo.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        if self.sized:
            self._fit_columns()
        if self.started and self.model.rows:
            self._show_count()
