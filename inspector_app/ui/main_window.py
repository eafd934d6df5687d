"""The main window: records or the visit in hand, a status bar that always tells the truth.

The status bar shows the thermometer connection, the outbox (records not yet at the office) and
sync progress. Geometry, window state and language are kept in the data folder's settings file.
"""

from __future__ import annotations

from datetime import datetime

from inspector_app.core.model import Visit
from inspector_app.store.visits import IN_PROGRESS
from inspector_app.ui import i18n
from inspector_app.ui.assignments.page import AssignmentsPage
from inspector_app.ui.context import AppContext
from inspector_app.ui.generated.main_window import Ui_MainWindow
from inspector_app.ui.qt import QEvent, QLabel, QMainWindow, QProgressBar, QWidget
from inspector_app.ui.records_page import RecordsPage
from inspector_app.ui.screen_fit import fit_to_screen, keep_on_screen
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.sync_status import SyncStatus
from inspector_app.ui.visit.wizard import VisitWizard


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.wizard: VisitWizard | None = None
        self.slip_dialog = None
        self.records = RecordsPage(ctx.store)
        self.ui.stack.addWidget(self.records)
        self.assignments = AssignmentsPage(ctx)
        self.ui.stack.addWidget(self.assignments)
        self.page_after_visit: QWidget = self.records
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionStatus")
        self.outbox_label = QLabel(self)
        self.outbox_label.setObjectName("outboxStatus")
        self.sync_progress = QProgressBar(self)
        self.sync_progress.setMaximumWidth(200)
        self.sync_progress.hide()
        bar = self.ui.statusbar
        bar.addPermanentWidget(self.sync_progress)
        bar.addPermanentWidget(self.outbox_label)
        bar.addPermanentWidget(self.connection_label)
        self.sync = SyncStatus(self, ctx, self.outbox_label, self.sync_progress)
        self.records.new_visit.connect(self.new_visit)
        self.records.open_visit.connect(self.open_visit)
        self.records.slip_requested.connect(self.show_slip)
        self.records.correction_requested.connect(self.start_correction)
        self.records.ui.assignmentsButton.clicked.connect(self.show_assignments)
        self.assignments.start_visit.connect(self.start_visit_from)
        self.assignments.records_requested.connect(self.show_records)
        self.assignments.sync_requested.connect(self.sync.sync_now)
        self.sync.synced.connect(self.assignments.reload)
        self.ui.actionAssignments.triggered.connect(self.show_assignments)
        self.ui.actionNewVisit.triggered.connect(self.new_visit)
        self.ui.actionRecords.triggered.connect(self.show_records)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionSyncNow.triggered.connect(self.sync.sync_now)
        self.ui.actionSupervisor.triggered.connect(self.open_supervisor)
        self.ui.actionAbout.triggered.connect(self.show_about)
        self.supervisor = None
        self.about_box = None
        self.quit_box = None
        self.quit_confirmed = False
        self.ui.actionChinese.triggered.connect(lambda: self.set_language("zh"))
        self.ui.actionEnglish.triggered.connect(lambda: self.set_language("en"))
        self.ui.actionPaperA4.triggered.connect(lambda: self.set_paper("a4"))
        self.ui.actionPaper80.triggered.connect(lambda: self.set_paper("80mm"))
        self.restore_window()
        self.set_connection("", "")
        self.retranslate()
        self.sync.refresh()

    # -- settings --------------------------------------------------------------------------
    def restore_window(self) -> None:
        s = self.ctx.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1280, 800)
        keep_on_screen(self)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_window(self) -> None:
        s = self.ctx.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()

    def set_language(self, lang: str) -> None:
        i18n.install_language(lang)
        self.ctx.settings.setValue("ui/language", lang)
        self.ctx.settings.sync()
        self._check_menus()

    def set_paper(self, paper: str) -> None:
        self.ctx.settings.setValue("slip/paper", paper)
        self._check_menus()

    def _check_menus(self) -> None:
        lang = i18n.current()
        self.ui.actionChinese.setChecked(lang == "zh")
        self.ui.actionEnglish.setChecked(lang == "en")
        paper = self.ctx.settings.value("slip/paper", "a4")
        self.ui.actionPaperA4.setChecked(paper == "a4")
        self.ui.actionPaper80.setChecked(paper == "80mm")

    def show_about(self) -> None:
        from inspector_app.ui.about import show_about

        self.about_box = show_about(self, self.ctx.data_dir)

    # -- pages -----------------------------------------------------------------------------
    def show_records(self) -> None:
        if self.wizard is not None:
            self.page_after_visit = self.records
            self.wizard.close_visit()
            return  # close_visit emits closed → _wizard_closed
        self.page_after_visit = self.records
        self.records.refresh()
        self.ui.stack.setCurrentWidget(self.records)
        self.records.ui.table.setFocus()

    def new_visit(self) -> None:
        if self.ctx.demo:
            from inspector_app.scripted_visit import demo_visit

            visit = demo_visit(self.ctx.profile, 2)
            visit.test_at = None  # the test starts when the preconditions are confirmed, and
            # the doors closed long enough before it, so the practice record can be sealed
            visit.instrument.port = self.ctx.emulator.path if self.ctx.emulator else ""
        else:
            visit = Visit(profile_name=self.ctx.profile.name,
                          profile_version=self.ctx.profile.version)
            visit.address.city = str(self.ctx.settings.value("defaults/city", ""))
            visit.inspector = str(self.ctx.settings.value("defaults/inspector", ""))
        self._open_wizard(VisitWizard(self.ctx, visit))

    def show_assignments(self) -> None:
        """The tickets dispatched to this laptop (read in the background when shown)."""
        if self.wizard is not None:
            self.page_after_visit = self.assignments
            self.wizard.close_visit()
            return  # close_visit emits closed → _wizard_closed
        self.page_after_visit = self.assignments
        self.ui.stack.setCurrentWidget(self.assignments)
        self.assignments.ui.table.setFocus()

    def start_visit_from(self, assignment) -> None:  # noqa: ANN001 - store Assignment
        """A visit on a dispatched ticket: the one already started on it, or a new one filled
        from the ticket (its complaint time read-only), stored at once and linked to the
        ticket so the office taking the ticket back later cannot hide it."""
        from inspector_app.core.errors import InspectionError
        from inspector_app.core.visit_from_ticket import visit_from_assignment
        from inspector_app.store.assignments import mark_visit_started

        started = self.assignments.started_visit(assignment)
        self.page_after_visit = self.assignments
        if started is not None:
            self.open_visit(started)
            return
        try:
            visit = visit_from_assignment(
                assignment.item, self.ctx.profile,
                inspector=str(self.ctx.settings.value("defaults/inspector", "")),
                contacted_at=assignment.status.contacted_at, now=datetime.now().astimezone())
            mark_visit_started(self.ctx.db, assignment.channel, assignment.ticket, visit.id)
        except InspectionError as exc:
            self.assignments.show_message(i18n.error_text(exc), "bad")
            return
        wizard = VisitWizard(self.ctx, visit)
        wizard.ensure_stored()
        self._open_wizard(wizard)

    def open_visit(self, visit_id: str) -> None:
        """Resume an unfinished visit where it stopped, or view a finished one."""
        store = self.ctx.store
        row = next((r for r in store.rows() if r.id == visit_id), None)
        if row is None:
            return
        visit = store.load(visit_id)
        wizard = VisitWizard(self.ctx, visit, stored=True, elapsed=store.elapsed(visit_id),
                             state=row.state)
        self._open_wizard(wizard)
        if row.state == IN_PROGRESS and visit.instrument.port and visit.rooms:
            wizard.start_reader(visit.instrument.port, visit.instrument.protocol)

    def _open_wizard(self, wizard: VisitWizard) -> None:
        if self.wizard is not None:
            self.wizard.shutdown()
            self._drop_wizard()
        self.wizard = wizard
        wizard.connection_changed.connect(self.set_connection)
        wizard.closed.connect(self._wizard_closed)
        wizard.sealed.connect(lambda _id: self.sync.refresh())
        wizard.slip_requested.connect(self.show_slip)
        self.ui.stack.addWidget(wizard)
        self.ui.stack.setCurrentWidget(wizard)

    def _drop_wizard(self) -> None:
        if self.wizard is not None:
            self.ui.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
        self.set_connection("", "")

    def _wizard_closed(self) -> None:
        self._drop_wizard()
        if self.page_after_visit is self.assignments:
            self.show_assignments()
        else:
            self.show_records()

    def start_correction(self, record_id: str) -> None:
        from inspector_app.ui.dialogs import ask_text

        reason = ask_text(self, self.tr("Correction"),
                          self.tr("A sealed record is never changed. A correction is a new "
                                  "record that names this one and says why. Reason:"))
        if not reason:
            return
        from inspector_app.core.errors import InspectionError
        from inspector_app.seal.record import start_correction

        try:
            visit = start_correction(self.ctx.db, record_id, reason)
        except InspectionError as exc:
            self.statusBar().showMessage(i18n.error_text(exc), 10000)
            return
        self.open_visit(visit.id)
        if self.wizard is not None:
            self.wizard.go_to(1)

    def show_slip(self, visit_id: str) -> None:
        from inspector_app.ui.slip_dialog import SlipDialog

        self.slip_dialog = SlipDialog.for_visit(self, self.ctx, visit_id)
        self.slip_dialog.open()

    def open_supervisor(self) -> None:
        """Log in to the office as a supervisor and open the review window beside this one."""
        from inspector_app.ui.supervisor.login_dialog import LoginDialog, office_trust

        url, trust = office_trust(self.ctx.data_dir)
        dialog = LoginDialog(self, self.ctx.settings, url, trust)
        dialog.accepted.connect(lambda: self._show_supervisor(dialog.session, trust))
        self.login_dialog = dialog
        dialog.open()

    def _show_supervisor(self, session, trust) -> None:  # noqa: ANN001 - ReviewSession, callable
        from inspector_app.ui.supervisor.window import SupervisorWindow

        if session is None:
            return
        self.supervisor = SupervisorWindow(session, self.ctx.data_dir, self.ctx.settings,
                                           trust=trust)
        self.supervisor.show()

    # -- status bar ------------------------------------------------------------------------
    def set_connection(self, state: str, text: str) -> None:
        colour = {"connected": OK, "no_signal": WARN, "wrong_protocol": WARN}.get(state, BAD)
        if not state:
            self.connection_label.setText(self.tr("Thermometer: not in use"))
            self.connection_label.setStyleSheet("")
            return
        label = self.tr("Thermometer: %1").replace("%1", text)
        self.connection_label.setText(label)
        self.connection_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # -- language and closing --------------------------------------------------------------
    def retranslate(self) -> None:
        title = self.tr("Indoor heating temperature inspection")
        if self.ctx.demo:
            title += " — " + self.tr("DEMO (emulated thermometer, training records)")
        self.setWindowTitle(title)
        self._check_menus()
        if self.wizard is None:
            self.set_connection("", "")
        self.sync.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self.wizard is not None and self.wizard.measure.measuring and not self.quit_confirmed:
            event.ignore()  # a point is being measured: ask first
            from inspector_app.ui.dialogs import confirm

            self.quit_box = confirm(
                self, self.tr("Quit while measuring?"),
                self.tr("A point is being measured. If you quit now, the readings taken so far "
                        "are kept, but this point's stability wait starts again when the visit "
                        "is resumed."),
                self.tr("&Quit"), self.tr("&Keep measuring"), self._quit_anyway)
            return
        if self.wizard is not None:
            self.wizard.shutdown()
        self.sync.stop()
        self.save_window()
        super().closeEvent(event)

    def _quit_anyway(self) -> None:
        self.quit_confirmed = True
        self.close()

    def current_page(self) -> QWidget:
        return self.ui.stack.currentWidget()
