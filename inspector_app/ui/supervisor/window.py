"""The supervisor's window: the office's records, one record in detail, review, rulings, exports,
the hotline tickets for dispatch (`tickets_tab`), the households' cases with their rulings
(`cases_tab`), the fixed monitoring points with the households below the standard now and a
household's season (`monitoring_tab`), the heating companies' season figures with the response figures from the
tickets, and the companies' heating stops, heating periods and penalty notice drafts entered
and shown (`company_events_tab`).

Everything the office holds is fetched on demand in the background: the table asks for pages as
it scrolls (RecordsModel), the detail is fetched when a row is chosen, and each action (a state,
a comment, a ruling, an export, a reprint) is one request whose answer refreshes what it touched.
The GUI thread never waits on the network.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.core.season import season_of
from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.generated.supervisor_window import Ui_SupervisorWindow
from inspector_app.ui.qt import (
    QDate,
    QEvent,
    QFileDialog,
    QFrame,
    QHeaderView,
    QItemSelectionModel,
    QMainWindow,
    QScrollArea,
    Qt,
    QTableWidgetItem,
    QTimer,
    QWidget,
)
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.style import SUPERVISOR_STYLE, message_style
from inspector_app.ui.supervisor.cases_tab import CasesTab
from inspector_app.ui.supervisor.company_chart import CompanyChart
from inspector_app.ui.supervisor.company_events_tab import CompanyEventsTab
from inspector_app.ui.supervisor.company_events_table import CompanyEventsTable
from inspector_app.ui.supervisor.labels import (
    REVIEW_STATES,
    REVIEWER_STATES,
    VERDICTS,
    chain_label,
    review_label,
    verdict_label,
)
from inspector_app.ui.supervisor.monitoring_tab import MonitoringTab
from inspector_app.ui.supervisor.record_detail import RecordDetail
from inspector_app.ui.supervisor.records_model import RecordsModel
from inspector_app.ui.supervisor.response_table import ResponseTable
from inspector_app.ui.supervisor.tickets_tab import TicketsTab

STATS_COLUMNS = ("company", "tests", "failures", "failure_rate", "median_contact_min",
                 "median_arrival_min", "contact_limit_breaches", "without_times",
                 "contact_source")


class SupervisorWindow(QMainWindow):
    def __init__(self, session: ReviewSession, data_dir: Path, settings: Any,
                 today: date | None = None,
                 trust: Callable[[str], bool | ssl.SSLContext] = lambda _url: True) -> None:
        super().__init__()
        self.trust = trust
        self.relogin: QWidget | None = None
        self.columns_sized = False
        self.session, self.data_dir, self.settings = session, Path(data_dir), settings
        self.ui = Ui_SupervisorWindow()
        self.ui.setupUi(self)
        self.setStyleSheet(SUPERVISOR_STYLE)
        self.detail_data: dict[str, Any] | None = None
        self.stats_shown: dict[str, Any] | None = None
        self.current_id: str | None = None
        self.ops: list[Any] = []
        self.dialogs: list[QWidget] = []
        self.today = today or date.today()
        self.detail = RecordDetail()
        # a record's detail scrolls inside its pane: a long one never makes the window grow
        self.detailScroll = QScrollArea(self.ui.detailHost)
        self.detailScroll.setObjectName("detailScroll")
        self.detailScroll.setWidgetResizable(True)
        self.detailScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailScroll.setWidget(self.detail)
        self.ui.detailLayout.insertWidget(0, self.detailScroll, 1)
        self.detail.open_record.connect(self.select_record)
        self.detail.photos.loader = lambda sha: self.session.photo(sha)  # the current session
        self.model = RecordsModel(self._fetch_page, self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_indicator_moved)
        self.ui.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.total_changed.connect(self._show_total)
        self.model.failed.connect(self._list_failed)
        self.model.loaded.connect(self._first_columns)
        self.chart = CompanyChart(self.ui.chartHost)
        self.ui.chartLayout.addWidget(self.chart)
        self.tickets = TicketsTab(self, lambda: self.session, self._run, self.status)
        self.ui.tabs.insertTab(1, self.tickets, "")
        self.tickets.model.failed.connect(self._maybe_log_in_again)
        self.cases = CasesTab(self, lambda: self.session, self._run, self.status, self.data_dir,
                              today=self.today)
        self.ui.tabs.insertTab(2, self.cases, "")
        self.cases.model.failed.connect(self._maybe_log_in_again)
        self.cases.open_record.connect(self.show_record_of_case)
        self.monitoring = MonitoringTab(self, lambda: self.session, self._run, self.status,
                                        today=self.today)
        self.ui.tabs.insertTab(3, self.monitoring, "")
        self.monitoring.model.failed.connect(self._maybe_log_in_again)
        self.monitoring.failed.connect(self._maybe_log_in_again)
        self.company_events = CompanyEventsTab(self, lambda: self.session, self.status,
                                               self.data_dir, today=self.today)
        self.ui.tabs.insertTab(self.ui.tabs.indexOf(self.ui.companiesTab) + 1,
                               self.company_events, "")
        self.company_events.failed.connect(self._maybe_log_in_again)
        self.company_events.changed.connect(self._company_events_changed)
        self.response = ResponseTable(self.ui.companiesSplitter)
        self.ui.companiesSplitter.insertWidget(1, self.response)
        self.events = CompanyEventsTable(self.ui.companiesSplitter)
        self.ui.companiesSplitter.insertWidget(2, self.events)
        self.ui.companiesSplitter.setSizes([210, 170, 140, 170])
        self.ui.splitter.setChildrenCollapsible(False)
        self.ui.splitter.setSizes([760, 640])
        fit_to_screen(self, 1400, 860)
        self.ui.table.verticalHeader().setDefaultSectionSize(26)
        self._fill_choices()
        self.ui.applyButton.clicked.connect(self.apply_filters)
        self.ui.clearButton.clicked.connect(self.clear_filters)
        for edit in (self.ui.districtEdit, self.ui.companyEdit, self.ui.inspectorEdit,
                     self.ui.ticketEdit, self.ui.addressEdit):
            edit.returnPressed.connect(self.apply_filters)
        self.ui.setStateButton.clicked.connect(self.set_state)
        self.ui.commentButton.clicked.connect(self.add_comment)
        self.ui.rulingButton.clicked.connect(self.open_ruling)
        self.ui.reprintButton.clicked.connect(self.reprint_slip)
        self.ui.exportCsvButton.clicked.connect(lambda: self.export("csv"))
        self.ui.exportXlsxButton.clicked.connect(lambda: self.export("xlsx"))
        self.ui.statsButton.clicked.connect(self.load_stats)
        self.ui.seasonCombo.currentIndexChanged.connect(lambda _i: self.load_stats())
        self.ui.actionRefresh.triggered.connect(self.reload)
        self.ui.actionLogout.triggered.connect(self.close)
        self.ui.tabs.currentChanged.connect(self._tab_changed)
        self._enable_actions()
        self.retranslate()
        self.apply_filters()

    # -- plumbing ------------------------------------------------------------------------------
    def _fetch_page(self, filters: dict, sort_key: str, order: str,
                    cursor: str | None) -> dict:
        return self.session.list_records(filters, sort=sort_key, order=order, cursor=cursor,
                                         limit=100)

    def _run(self, fn, on_success, what: str = "") -> None:  # noqa: ANN001
        if what:
            self.status(what)

        def failed(exc: BaseException) -> None:
            self.status(i18n.error_text(exc), "bad")
            self._enable_actions()
            self._maybe_log_in_again(exc)

        self.ops = [o for o in self.ops if not o.done]
        self.ops.append(run_in_background(lambda _p: fn(), on_success=on_success,
                                          on_failure=failed))

    def _list_failed(self, exc: BaseException) -> None:
        self.status(i18n.error_text(exc), "bad")
        self._maybe_log_in_again(exc)

    def _maybe_log_in_again(self, exc: BaseException) -> None:
        """A session that ended (12 h, or logged out elsewhere) asks for the password again and
        carries on where it was; nothing typed into the window is lost."""
        if getattr(exc, "status", None) != 401 or self.relogin is not None:
            return
        from inspector_app.ui.supervisor.login_dialog import LoginDialog

        dialog = LoginDialog(self, self.settings, self.session.base_url, self.trust)
        dialog.ui.nameEdit.setText(self.session.user.name)
        dialog.ui.nameEdit.setReadOnly(True)   # the same supervisor: the window shows their scope
        dialog.ui.passwordEdit.setFocus()
        dialog.ui.statusLabel.setText(i18n.error_text(exc))
        dialog.accepted.connect(lambda: self._logged_in_again(dialog.session))
        dialog.finished.connect(lambda _r: setattr(self, "relogin", None))
        self.relogin = dialog
        dialog.open()

    def _logged_in_again(self, session: ReviewSession | None) -> None:
        if session is None:
            return
        # the old client is left open: a dialog or an export still holding it fails with its own
        # "session ended" message instead of a closed-client crash
        self.session = session
        self.status(self.tr("Logged in again."), "ok")
        self.reload()
        self.tickets.refresh()
        self.cases.refresh()
        self.monitoring.refresh()
        self.company_events.refresh()

    def busy(self) -> bool:
        return (self.model.busy() or self.tickets.busy() or self.cases.busy()
                or self.monitoring.busy() or self.company_events.busy()
                or any(not o.done for o in self.ops))

    def status(self, text: str, kind: str = "info") -> None:
        self.ui.actionStatus.setText(text)
        self.ui.actionStatus.setStyleSheet(message_style(kind) if text else "")
        self.statusBar().showMessage(text, 15000)

    # -- filters -------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for combo in (ui.verdictCombo, ui.reviewCombo, ui.trainingCombo, ui.chainCombo,
                      ui.stateCombo, ui.seasonCombo):
            combo.clear()
        ui.verdictCombo.addItem(self.tr("Any result"), None)
        for code in VERDICTS:
            ui.verdictCombo.addItem(verdict_label(code), code)
        ui.reviewCombo.addItem(self.tr("Any review state"), None)
        for code in REVIEW_STATES:
            ui.reviewCombo.addItem(review_label(code), code)
        ui.trainingCombo.addItem(self.tr("Formal tests only"), False)
        ui.trainingCombo.addItem(self.tr("Training only"), True)
        ui.trainingCombo.addItem(self.tr("Formal and training"), None)
        ui.chainCombo.addItem(self.tr("Any chain state"), None)
        for code in ("gap", "fork", "ok"):
            ui.chainCombo.addItem(chain_label(code), code)
        for code in REVIEWER_STATES:
            ui.stateCombo.addItem(review_label(code), code)
        season = int(season_of(self.today)[:4])
        for first in range(season, season - 5, -1):
            ui.seasonCombo.addItem(f"{first}-{first + 1}", f"{first}-{first + 1}")
        end = QDate(self.today.year, self.today.month, self.today.day)
        ui.dateToEdit.setDate(end)
        ui.dateFromEdit.setDate(end.addDays(-30))
        if self.session.user.district:
            ui.districtEdit.setText(self.session.user.district)
            ui.districtEdit.setReadOnly(True)
            ui.districtEdit.setToolTip(self.tr("Your account sees this district only."))

    def filters(self) -> dict[str, Any]:
        ui = self.ui
        out: dict[str, Any] = {
            "district": ui.districtEdit.text().strip() or None,
            "company": ui.companyEdit.text().strip() or None,
            "inspector": ui.inspectorEdit.text().strip() or None,
            "ticket": ui.ticketEdit.text().strip() or None,
            "address_prefix": ui.addressEdit.text().strip() or None,
            "verdict": ui.verdictCombo.currentData(),
            "review_state": ui.reviewCombo.currentData(),
            "training": ui.trainingCombo.currentData(),
            "chain_state": ui.chainCombo.currentData(),
        }
        if ui.dateCheck.isChecked():
            out["date_from"] = ui.dateFromEdit.date().toString("yyyy-MM-dd")
            out["date_to"] = ui.dateToEdit.date().toString("yyyy-MM-dd")
        return {k: v for k, v in out.items() if v is not None}

    def apply_filters(self) -> None:
        self.show_detail(None)
        self.ui.countLabel.setText(self.tr("Loading…"))
        self.model.set_query(self.filters())

    def clear_filters(self) -> None:
        ui = self.ui
        for edit in (ui.companyEdit, ui.inspectorEdit, ui.ticketEdit, ui.addressEdit):
            edit.clear()
        if not self.session.user.district:
            ui.districtEdit.clear()
        ui.dateCheck.setChecked(False)
        for combo in (ui.verdictCombo, ui.reviewCombo, ui.trainingCombo, ui.chainCombo):
            combo.setCurrentIndex(0)
        self.apply_filters()

    def reload(self) -> None:
        keep = self.current_id
        self.model.reload()
        if keep:
            self.load_detail(keep)

    def _sort_indicator_moved(self, column: int, _order: Qt.SortOrder) -> None:
        if column != self.model.sort_column():
            QTimer.singleShot(0, self._put_back_sort_indicator)

    def _put_back_sort_indicator(self) -> None:
        order = (Qt.SortOrder.AscendingOrder if self.model.order == "asc"
                 else Qt.SortOrder.DescendingOrder)
        header = self.ui.table.horizontalHeader()
        if header.sortIndicatorSection() != self.model.sort_column():
            header.setSortIndicator(self.model.sort_column(), order)

    def _show_total(self, total: int, exact: bool) -> None:
        shown = f"{total:,}" + ("" if exact else "+")
        self.ui.countLabel.setText(
            self.tr("%1 records match; %2 loaded").replace("%1", shown)
            .replace("%2", f"{self.model.rowCount():,}"))

    def _first_columns(self) -> None:
        if self.model.rowCount() and not self.columns_sized:
            self.columns_sized = True   # once: later pages must not make the columns jump
            self.ui.table.resizeColumnsToContents()

    # -- one record ----------------------------------------------------------------------------
    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001 - QModelIndex
        ref = self.model.ref(current.row())
        if ref and ref != self.current_id:
            self.load_detail(ref)

    def select_record(self, ref: str) -> None:
        """Show a record named by a link (supersedes / superseded by), in the list if held.
        Records are named by ref (device.record id): two devices may use one record id."""
        for row, item in enumerate(self.model.rows):
            if item["ref"] == ref:
                index = self.model.index(row, 0)
                self.ui.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return
        self.load_detail(ref)

    def show_record_of_case(self, ref: str) -> None:
        """A record named in a case's timeline: shown in the records tab (the case stays
        chosen in its tab to go back to)."""
        self.ui.tabs.setCurrentWidget(self.ui.recordsTab)
        self.select_record(ref)

    def load_detail(self, ref: str) -> None:
        self.current_id = ref
        self._enable_actions()
        self._run(lambda: self.session.record(ref),
                  lambda detail: self._detail_arrived(ref, detail),
                  self.tr("Fetching the record…"))

    def _detail_arrived(self, ref: str, detail: dict[str, Any]) -> None:
        if ref != self.current_id:
            return
        self.show_detail(detail)
        self.status("")

    def show_detail(self, detail: dict[str, Any] | None) -> None:
        self.detail_data = detail
        if detail is None:
            self.current_id = None
            self.detail.clear()
        else:
            self.detail.show_detail(detail)
            state = detail.get("review_state")
            index = self.ui.stateCombo.findData(state)
            if index >= 0:
                self.ui.stateCombo.setCurrentIndex(index)
        self._enable_actions()

    def _enable_actions(self) -> None:
        has = self.detail_data is not None
        real = has and not self.detail_data.get("synthetic")
        for button in (self.ui.setStateButton, self.ui.commentButton):
            button.setEnabled(has)
        self.ui.rulingButton.setEnabled(bool(real))  # a training record: the office decides
        self.ui.reprintButton.setEnabled(bool(real))

    def _updated(self, detail: dict[str, Any], message: str) -> None:
        """A review answer carries the whole detail: refresh its row in place, and show it if
        it is still the record on screen (the supervisor may have moved on meanwhile)."""
        if detail["ref"] == self.current_id:
            self.ui.commentEdit.clear()
            self.show_detail(detail)
        for row, item in enumerate(self.model.rows):
            if item["ref"] == detail["ref"]:
                item.update({k: detail[k] for k in item if k in detail})
                self.model.dataChanged.emit(self.model.index(row, 0),
                                            self.model.index(row, self.model.columnCount() - 1))
        self.status(message, "ok")

    def set_state(self) -> None:
        if not self.current_id:
            return
        record_id, state = self.current_id, self.ui.stateCombo.currentData()
        comment = self.ui.commentEdit.text().strip()
        if state in ("has_issues", "rejected") and not comment:
            self.status(self.tr("Say what is wrong in the comment: the inspector will read it."),
                        "bad")
            self.ui.commentEdit.setFocus()
            return
        self._run(lambda: self.session.set_review(record_id, state, comment),
                  lambda d: self._updated(d, self.tr("Review state set: %1")
                                          .replace("%1", review_label(state))),
                  self.tr("Saving…"))

    def add_comment(self) -> None:
        comment = self.ui.commentEdit.text().strip()
        if not self.current_id or not comment:
            self.status(self.tr("Write the comment first."), "bad")
            return
        record_id = self.current_id
        self._run(lambda: self.session.add_comment(record_id, comment),
                  lambda d: self._updated(d, self.tr("Comment added.")), self.tr("Saving…"))

    # -- ruling and reprint --------------------------------------------------------------------
    def open_ruling(self) -> None:
        from inspector_app.ui.supervisor.ruling_dialog import RulingDialog

        if self.detail_data is None:
            return
        dialog = RulingDialog(self, self.session, self.detail_data, self.data_dir,
                              today=self.today)
        dialog.issued.connect(lambda _no: self.load_detail(self.detail_data["ref"]))
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def reprint_slip(self) -> None:
        if not self.current_id:
            return
        record_id = self.current_id
        self._run(lambda: fetch_verified_envelope(self.session, record_id),
                  self._show_slip, self.tr("Fetching the sealed record…"))

    def _show_slip(self, envelope: dict[str, Any]) -> None:
        from inspector_app.ui.slip_dialog import SlipDialog

        self.status("")
        dialog = SlipDialog(self, self.settings, self.data_dir, envelope=envelope)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    # -- export --------------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> None:
        if path is None:
            stamp = date.today().strftime("%Y%m%d")
            suffix = "csv" if fmt == "csv" else "xlsx"
            suggested = str(self.data_dir / f"records-{stamp}.{suffix}")
            kind = "CSV (*.csv)" if fmt == "csv" else self.tr("Spreadsheet (*.xlsx)")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the filtered records"),
                                                    suggested, kind)
            if not chosen:
                return
            path = Path(chosen)
        path, fmt = export_target(path, fmt)
        # what the table shows, not what is typed in the filter boxes but not applied yet
        filters, lang = dict(self.model.filters), i18n.current()
        sort_key, order = self.model.sort_key, self.model.order
        self.ui.exportCsvButton.setEnabled(False)
        self.ui.exportXlsxButton.setEnabled(False)

        def done(written: Path) -> None:
            self._export_buttons()
            self.status(self.tr("Exported to %1").replace("%1", str(written)), "ok")

        def failed(exc: BaseException) -> None:
            self._export_buttons()
            self.status(i18n.error_text(exc), "bad")

        self.status(self.tr("Exporting…"))
        self.ops = [o for o in self.ops if not o.done]
        self.ops.append(run_in_background(
            lambda _p: self.session.export(filters, path, fmt=fmt, lang=lang, sort=sort_key,
                                           order=order),
            on_success=done, on_failure=failed))

    def _export_buttons(self) -> None:
        self.ui.exportCsvButton.setEnabled(True)
        self.ui.exportXlsxButton.setEnabled(True)

    # -- companies -----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if self.ui.tabs.widget(index) is self.tickets:
            self.tickets.start()
        else:
            self.tickets.stop()
        if self.ui.tabs.widget(index) is self.cases:
            self.cases.start()
        if self.ui.tabs.widget(index) is self.monitoring:
            self.monitoring.start()
        if self.ui.tabs.widget(index) is self.company_events:
            self.company_events.start()
        if self.ui.tabs.widget(index) is self.ui.companiesTab and not self.chart.rows:
            self.load_stats()

    def _company_events_changed(self) -> None:
        """A stop entered or withdrawn recomputes the open cases it reaches, and any event
        changes the season's company figures: both are read again where already shown."""
        self.cases.refresh()
        if self.stats_shown is not None:
            self.load_stats()

    def load_stats(self) -> None:
        season = self.ui.seasonCombo.currentData()
        if not season:
            return
        self.ui.statsStatus.setText(self.tr("Loading…"))
        self._run(lambda: self.session.company_stats(season), self._stats_arrived)
        self._run(lambda: self.session.ticket_stats(season), self._response_arrived)

    def _response_arrived(self, stats: dict[str, Any]) -> None:
        if stats.get("season") == self.ui.seasonCombo.currentData():
            self.response.show_stats(stats)

    def _stats_arrived(self, stats: dict[str, Any]) -> None:
        if stats.get("season") != self.ui.seasonCombo.currentData():
            return  # the answer for a season no longer chosen
        self.stats_shown = stats   # shown again in another language on a change of it
        rows = stats.get("companies", [])
        self.events.show_events(stats.get("events") or [])
        table = self.ui.companiesTable
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(STATS_COLUMNS))
        table.setHorizontalHeaderLabels([
            self.tr("Heating company"), self.tr("Tests"), self.tr("Failed"),
            self.tr("Failure rate (%)"), self.tr("Median minutes to contact"),
            self.tr("Median minutes to arrival"), self.tr("Contact later than allowed"),
            self.tr("Without times"), self.tr("Times from")])
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, key in enumerate(STATS_COLUMNS):
                value = row.get(key)
                item = QTableWidgetItem()
                if key == "company":
                    item.setText(str(value))
                elif key == "contact_source":
                    item.setText(self._source_text(value))
                    item.setToolTip(self._sources_tip(row))
                elif key == "failure_rate":
                    item.setData(Qt.ItemDataRole.DisplayRole, round(float(value) * 100, 1))
                    item.setToolTip(f"{float(value) * 100:.1f} %")
                elif value is None:
                    item.setText("—")
                else:
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        self.chart.set_companies(rows)
        scope = stats.get("district") or self.tr("all districts")
        self.ui.statsStatus.setText(self.tr("%1 companies, %2").replace("%1", str(len(rows)))
                                    .replace("%2", scope))

    def _source_text(self, source: str | None) -> str:
        return {"ticket": self.tr("hotline ticket"),
                "ticket+door": self.tr("ticket's complaint, door's contact"),
                "door": self.tr("typed at the door"),
                "mixed": self.tr("mixed")}.get(source or "", "—")

    def _sources_tip(self, row: dict[str, Any]) -> str:
        counts = row.get("contact_sources") or {}
        return self.tr("Contact minutes: %1 from the ticket, %2 from the ticket's complaint and "
                       "the door's contact, %3 typed at the door").replace(
            "%1", str(counts.get("ticket", 0))).replace(
            "%2", str(counts.get("ticket+door", 0))).replace("%3", str(counts.get("door", 0)))

    # -- language and closing ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ui.tabs.setTabText(self.ui.tabs.indexOf(self.tickets), self.tr("Tic&kets"))
        self.tickets.retranslate()
        self.ui.tabs.setTabText(self.ui.tabs.indexOf(self.cases), self.tr("Cas&es"))
        self.cases.retranslate()
        self.ui.tabs.setTabText(self.ui.tabs.indexOf(self.monitoring), self.tr("Mo&nitoring"))
        self.monitoring.retranslate()
        self.ui.tabs.setTabText(self.ui.tabs.indexOf(self.company_events),
                                self.tr("Heating e&vents"))
        self.company_events.retranslate()
        self.response.retranslate()
        self.events.retranslate()
        if self.stats_shown is not None:   # headers, sources and the count were set in words
            self._stats_arrived(self.stats_shown)
        user = self.session.user
        scope = user.district or self.tr("all districts")
        title = self.tr("Supervisor review — %1 (%2)").replace("%1", user.name).replace(
            "%2", scope)
        if self.session.training_office:
            title += " — " + self.tr(
                "TRAINING office: rulings on training records are practice, of no effect")
        self.setWindowTitle(title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        session = self.session
        run_in_background(lambda _p: session.logout(), on_failure=lambda _e: None)
        super().closeEvent(event)


EXPORT_FORMATS = ("csv", "xlsx")


def export_target(chosen: Path, fmt: str) -> tuple[Path, str]:
    """Where to write and in which format, so the file's extension always names its format.

    The name the supervisor typed is the last thing they decided: a known export extension
    (.csv, .xlsx) chooses the format; any other name gets the button's format appended.
    """
    suffix = chosen.suffix.lower().lstrip(".")
    if suffix in EXPORT_FORMATS:
        return chosen, suffix
    return chosen.with_name(f"{chosen.name}.{fmt}"), fmt


def fetch_verified_envelope(session: ReviewSession, ref: str) -> dict[str, Any]:
    """The stored record, checked here again: a slip is never printed from doubtful bytes."""
    import json

    from inspector_app.core.errors import InspectionError
    from inspector_app.seal.verify import verify_envelope

    raw, stated = session.envelope(ref)
    envelope = json.loads(raw.decode("utf-8"))
    problems = verify_envelope(envelope)
    if stated and envelope.get("sha256") != stated:
        raise InspectionError("办公室给出的哈希与记录不符，不能打印",
                              "the office's stated hash differs from the record: not printed")
    if problems:
        raise InspectionError("记录未通过校验，不能打印：" + "；".join(p.message_zh for p in problems),
                              "the record fails verification, not printed: "
                              + "; ".join(p.message_en for p in problems))
    return envelope
