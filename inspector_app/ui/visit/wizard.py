"""The guided visit: a step list on the left, one page at a time, Back / Next at the bottom.

A step list rather than QWizard: the inspector sees every step and where they are, can go back
to any reached step with one tap, and a resumed visit opens straight at its measuring step.
The wizard owns the visit's `VisitSession` (core decides) and the thermometer worker thread.
"""

from __future__ import annotations

import contextlib

from inspector_app.core.completeness import STEPS, missing_by_step
from inspector_app.core.errors import InspectionError
from inspector_app.core.model import Visit
from inspector_app.core.procedure import VisitSession
from inspector_app.store.visits import IN_PROGRESS, SEALED, SYNCED
from inspector_app.ui import i18n
from inspector_app.ui.context import AppContext
from inspector_app.ui.generated.visit_wizard import Ui_VisitWizard
from inspector_app.ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QKeySequence,
    QListWidgetItem,
    QScrollArea,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from inspector_app.ui.reading_worker import ReadingWorker
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.details_page import DetailsPage
from inspector_app.ui.visit.instrument_page import InstrumentPage
from inspector_app.ui.visit.measure_page import MeasurePage
from inspector_app.ui.visit.photo_attach import PhotoBar
from inspector_app.ui.visit.port_finder import PortFinder
from inspector_app.ui.visit.preconditions_page import PreconditionsPage
from inspector_app.ui.visit.result_page import ResultPage
from inspector_app.ui.visit.rooms_page import RoomsPage
from inspector_app.ui.visit.signing_page import SigningPage

INSTRUMENT, DETAILS, PRECONDITIONS, ROOMS, MEASURE, RESULT, SIGNING = range(7)


def focus_first(page: QWidget) -> None:
    """Put the keyboard focus on the page's first control in tab order."""
    widget = page.nextInFocusChain()
    for _ in range(500):
        if widget is None or widget is page:
            return
        if page.isAncestorOf(widget) and widget.isEnabled() and widget.isVisibleTo(page) \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


class VisitWizard(QWidget):
    """One visit from instrument check to sealing."""

    connection_changed = Signal(str, str)   # state, message in the UI language
    closed = Signal()
    sealed = Signal(str)                     # visit id
    slip_requested = Signal(str)

    def __init__(self, ctx: AppContext, visit: Visit, *, stored: bool = False,
                 elapsed: float = 0.0, state: str = IN_PROGRESS) -> None:
        super().__init__()
        self.ctx = ctx
        self.visit = visit
        self.profile = ctx.profile_for(visit.profile_name)
        self.session = VisitSession(visit, self.profile, ctx.store, clock=ctx.clock,
                                    elapsed_before=elapsed)
        self.stored = stored
        self.state = state
        self.reader: ReadingWorker | None = None
        self.reader_target: tuple[str, str] | None = None
        self.connection_state = ""
        self.read_only = state in (SEALED, SYNCED)
        self.ui = Ui_VisitWizard()
        self.ui.setupUi(self)
        self.pages = [InstrumentPage(self), DetailsPage(self), PreconditionsPage(self),
                      RoomsPage(self), MeasurePage(self), ResultPage(self), SigningPage(self)]
        self.scrolls: list[QScrollArea] = []
        for page in self.pages:
            scroll = QScrollArea()  # a small or zoomed screen scrolls instead of clipping
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.scrolls.append(scroll)
            self.ui.pages.addWidget(scroll)
            self.ui.stepList.addItem(QListWidgetItem())
        self.measure: MeasurePage = self.pages[MEASURE]  # type: ignore[assignment]
        self.rail_timer = QTimer(self)
        self.rail_timer.setSingleShot(True)
        self.rail_timer.setInterval(250)
        self.rail_timer.timeout.connect(self._update_rail)
        for page in self.pages[:ROOMS]:
            page.watch_edits(self.schedule_rail)
        self.port_finder = PortFinder(ctx, self.measure)
        self.measure.ui.liveColumn.insertWidget(1, self.port_finder)
        self.port_finder.use_port.connect(self.switch_port)
        self.photo_bar = PhotoBar(self)
        self.ui.navLayout.insertWidget(1, self.photo_bar)
        self.current = 0
        self.reached = 0
        self.ui.nextButton.clicked.connect(self.next)
        self.ui.backButton.clicked.connect(self.back)
        self.ui.recordsButton.clicked.connect(self.close_visit)
        self.ui.stepList.itemActivated.connect(self._step_clicked)
        self.ui.stepList.itemClicked.connect(self._step_clicked)
        self.ui.nextButton.setShortcut(QKeySequence("Ctrl+Return"))
        self.ui.backButton.setShortcut(QKeySequence("Ctrl+Backspace"))
        self.ui.stepList.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # beside the title, its place kept when empty: an appearing message moves nothing, and
        # the page below keeps the height a 1366×728 screen allows
        keep_place = self.ui.messageLabel.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.ui.messageLabel.setSizePolicy(keep_place)
        lines = self.ui.messageLabel.fontMetrics().lineSpacing()
        self.ui.messageLabel.setFixedHeight(2 * lines + 16)
        self._show(self.first_step())
        self.retranslate()

    # -- where to start --------------------------------------------------------------------
    def first_step(self) -> int:
        """A new visit starts at the instrument; a stored one where it left off."""
        if self.read_only:
            return RESULT
        if not self.stored:
            return INSTRUMENT
        if self.visit.rooms:
            if self.session.next_open_point() is None:
                return RESULT
            return MEASURE
        if self.visit.closed_since is not None:
            return ROOMS
        return DETAILS

    # -- navigation ------------------------------------------------------------------------
    def next(self) -> bool:
        """Leave the current page forward (it may refuse) and show the next one."""
        if self.current >= len(self.pages) - 1:
            return False
        try:
            self.pages[self.current].leave(True)
        except InspectionError as exc:
            self.refuse(exc)
            return False
        return self._show(self.current + 1)

    def back(self) -> bool:
        if self.current == 0 or self.read_only:
            return False
        self._leave_quietly()
        return self._show(self.current - 1)

    def go_to(self, index: int) -> bool:
        if index == self.current:
            return True
        if self.read_only:
            return self._show(index)
        if index < self.current or index <= self.reached:
            if index > self.current:
                # Only the page on screen writes its widgets; the steps jumped over are checked
                # as the visit holds them (their widgets may never have been loaded since a
                # resume, and blank widgets must never overwrite what was entered).
                try:
                    self.pages[self.current].leave(True)
                    for step in range(self.current + 1, index):
                        self.pages[step].check_stored()
                except InspectionError as exc:
                    self.refuse(exc)
                    return False
            else:
                self._leave_quietly()
            return self._show(index)
        return False

    def _leave_quietly(self) -> None:
        with contextlib.suppress(InspectionError):
            self.pages[self.current].leave(False)

    def _step_clicked(self, item: QListWidgetItem) -> None:
        target = self.ui.stepList.row(item)
        if not self.go_to(target):
            self.ui.stepList.setCurrentRow(self.current)

    def refuse(self, exc: InspectionError) -> None:
        """A refusal goes under its field when the page on screen has it, else in the message
        line (which keeps its place when empty, so nothing below it ever moves)."""
        text = i18n.error_text(exc)
        if self.pages[self.current].show_field_error(exc.field, text):
            self.show_message("", "")
        else:
            self.show_message(text, "bad")

    def _show(self, index: int) -> bool:
        self.pages[self.current].field_message.clear_target()
        self.current = index
        self.reached = max(self.reached, index)
        self.show_message("", "")
        page = self.pages[index]
        self.ui.pages.setCurrentWidget(self.scrolls[index])
        page.set_read_only(self.read_only)
        page.enter()
        self._update_chrome()
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            focus_first(page)
        return True

    def step_gaps(self) -> list[int]:
        """How many required things each step still lacks (the core's completeness rule, on the
        visit with the page on screen as typed so far); the result step lacks what any earlier
        step lacks; nothing is measured while there is no room."""
        visit = (None if self.read_only else self.pages[self.current].preview()) or self.visit
        by_step = missing_by_step(visit, self.profile, self.session.wall())
        counts = [len(by_step[step]) for step in STEPS]
        if not visit.rooms:
            counts[MEASURE] = max(counts[MEASURE], 1)
        return [*counts, sum(counts), 0 if self.state in (SEALED, SYNCED) else 1]

    def schedule_rail(self) -> None:
        """Recount the rail shortly after typing stops (not on every key)."""
        self.rail_timer.start()

    def _update_chrome(self) -> None:
        self._update_rail()
        self.ui.titleLabel.setText(self.pages[self.current].title())
        last = self.current == len(self.pages) - 1
        self.ui.backButton.setEnabled(self.current > 0 and not self.read_only)
        self.ui.nextButton.setVisible(not last and not self.read_only)
        self.ui.trainingBadge.setVisible(self.visit.training)
        self.photo_bar.refresh()

    def _update_rail(self) -> None:
        """The step rail alone: what typing changes (the rest reads the store)."""
        self.ui.stepList.blockSignals(True)
        gaps = self.step_gaps()
        for i, page in enumerate(self.pages):
            item = self.ui.stepList.item(i)
            done = gaps[i] == 0
            text = f"{i + 1}. {'✓ ' if done else ''}{page.title()}"
            if not done and i < SIGNING:
                text += " · " + self.tr("%1 missing").replace("%1", str(gaps[i]))
            item.setText(text)
            reachable = i <= self.reached or self.read_only
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if reachable else Qt.ItemFlag.NoItemFlags)
        self.ui.stepList.setCurrentRow(self.current)
        self.ui.stepList.blockSignals(False)

    def show_message(self, text: str, kind: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))
        self.ui.messageLabel.setStyleSheet(message_style(kind) if text else "")

    def rooms_changed(self) -> None:
        """Rooms added, corrected or deleted: the visit measures again, the rail recounts."""
        self.set_state(IN_PROGRESS)
        self.measure.selected = None
        self._update_chrome()

    def training_changed(self) -> None:
        self.ui.trainingBadge.setVisible(self.visit.training)

    # -- store -----------------------------------------------------------------------------
    def ensure_stored(self) -> None:
        """Create the visit row the first time there is something worth keeping."""
        if not self.stored:
            self.ctx.store.create(self.visit)
            self.stored = True
        else:
            self.ctx.store.update_details(self.visit)

    def set_state(self, state: str) -> None:
        if self.stored and state != self.state:
            self.ctx.store.set_state(self.visit.id, state)
            self.state = state

    def save_elapsed(self) -> None:
        if self.stored:
            self.ctx.store.save_elapsed(self.visit.id, self.session.elapsed())

    def mark_sealed(self) -> None:
        self.state = SEALED
        self.read_only = True
        for page in self.pages:
            if page is not self.pages[SIGNING]:
                page.set_read_only(True)
        self._update_chrome()
        self.stop_reader()
        self.sealed.emit(self.visit.id)

    # -- thermometer -----------------------------------------------------------------------
    def start_reader(self, port: str, protocol: str) -> None:
        """(Re)start the worker thread on `port`; readings go to the measuring page."""
        if self.reader is not None and self.reader_target == (port, protocol) \
                and self.reader.isRunning():
            return
        self.stop_reader()
        self.reader_target = (port, protocol)
        self.port_finder.watch(port, protocol)
        self.reader = ReadingWorker(self.ctx.reading_source(port, protocol))
        self.reader.reading.connect(self.measure.on_reading)
        self.reader.status.connect(self._on_status)
        self.reader.start()

    def switch_port(self, port: str) -> None:
        """Read the thermometer found on `port` from now on; the point in progress carries on."""
        self.visit.instrument.port = port
        if self.stored:
            self.ctx.store.update_details(self.visit)
        self.start_reader(port, self.visit.instrument.protocol)

    def stop_reader(self) -> None:
        self.port_finder.watch("", "")
        if self.reader is not None:
            self.reader.stop()
            self.reader.deleteLater()
            self.reader = None

    def _on_status(self, state: str, message_zh: str, message_en: str) -> None:
        self.connection_state = state
        text = i18n.pick(message_zh, message_en)
        self.measure.on_status(state, text)
        self.port_finder.on_status(state)
        self.connection_changed.emit(state, text)

    # -- closing ---------------------------------------------------------------------------
    def close_visit(self) -> None:
        """Back to the records: what was entered stays stored, the visit can be resumed."""
        if not self.read_only:
            self._leave_quietly()
            self.save_elapsed()
        self.rail_timer.stop()
        self.stop_reader()
        self.closed.emit()

    def shutdown(self) -> None:
        if not self.read_only:
            self._leave_quietly()
            self.save_elapsed()
        self.rail_timer.stop()
        self.stop_reader()

    def retranslate(self) -> None:
        self._update_chrome()
        self.ui.trainingBadge.setText(self.tr("TRAINING — not evidence"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)
