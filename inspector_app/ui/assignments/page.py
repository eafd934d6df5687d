"""派单 / Assignments: the tickets the office dispatched to this laptop's inspector.

The list is read from the laptop's store in a worker thread (`off_thread`), so neither the
disk nor a background sync writing the same file ever holds the window. The minutes since each
complaint tick on a timer from what was read, without touching the disk: an inspector sees a
ticket turn overdue (the profile's contact limit passed with no contact) while looking at it.
A ticket the office took back (reassigned, cancelled, closed) stays listed, greyed, with why,
until the next sync drops it; one on which a visit was already started is kept and flagged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from inspector_app.core.record_time import DEFAULT_ZONE, shown_time
from inspector_app.core.tickets import STATE_EN, STATE_ZH
from inspector_app.ui import i18n
from inspector_app.ui.assignments.event_dialog import TicketEventDialog
from inspector_app.ui.assignments.off_thread import Snapshot, log_ticket_event, read_snapshot
from inspector_app.ui.background import Op, run_in_background
from inspector_app.ui.context import AppContext
from inspector_app.ui.generated.assignments_page import Ui_AssignmentsPage
from inspector_app.ui.qt import (
    QBrush,
    QColor,
    QEvent,
    QFont,
    QHeaderView,
    Qt,
    QTableWidgetItem,
    QTimer,
    QWidget,
    Signal,
)
from inspector_app.ui.style import BAD, message_style

TICK_MS = 15_000          # the minutes column and the overdue marks
RELOAD_MS = 60_000        # the background sync may have pulled meanwhile
EVENT_STATES = ("assigned", "contacted", "visit_agreed")          # where a laptop logs events
VISIT_STATES = ("assigned", "contacted", "visit_agreed", "tested")  # where a visit may start
COL_TICKET, COL_ADDRESS, COL_RESIDENT, COL_COMPLAINT, COL_SINCE, COL_STATE, COL_NOTES = range(7)
OVERDUE_BACKGROUND = QColor("#fde2e4")
FLAGGED_BACKGROUND = QColor("#fff1cc")
REMOVED_FOREGROUND = QColor("#6b6b6b")


def is_removed(a: Any) -> bool:
    return a.removed_at is not None


def complaint_time(a: Any) -> datetime:
    return datetime.fromisoformat(str(a.item["complaint_at"]).replace("Z", "+00:00"))


def status_of(a: Any) -> Any:
    """The core's status of `a` (pulled state plus local events), with its complaint time."""
    status = a.status
    if not status.complaint_at:
        status = replace(status, complaint_at=complaint_time(a).isoformat())
    return status


class AssignmentsPage(QWidget):
    start_visit = Signal(object)      # the Assignment a visit starts (or continues) from
    records_requested = Signal()
    sync_requested = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ui = Ui_AssignmentsPage()
        self.ui.setupUi(self)
        self.snapshot: Snapshot | None = None
        self.rows: list[Any] = []
        self.load_op: Op | None = None
        self.log_op: Op | None = None
        self.reload_again = False
        self.dialog: TicketEventDialog | None = None
        self.clock = lambda: datetime.now().astimezone()   # tests move it forward
        self.ui.contactButton.clicked.connect(lambda: self.ask("contacted"))
        self.ui.attemptButton.clicked.connect(lambda: self.ask("contact_attempt"))
        self.ui.agreeButton.clicked.connect(lambda: self.ask("visit_agreed"))
        self.ui.unreachableButton.clicked.connect(lambda: self.ask("unreachable"))
        self.ui.startButton.clicked.connect(self._start)
        self.ui.recordsButton.clicked.connect(self.records_requested)
        self.ui.syncButton.clicked.connect(self.sync_requested)
        self.ui.table.itemSelectionChanged.connect(self.update_buttons)
        self.ui.table.itemActivated.connect(lambda _item: self._start())
        table = self.ui.table
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTES, QHeaderView.ResizeMode.Stretch)  # the address whole
        self.ui.titleLabel.setStyleSheet("font-weight: bold; font-size: 15pt;")
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.reload_timer = QTimer(self)
        self.reload_timer.setInterval(RELOAD_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.show_message("", "")
        self.fill()

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> Op | None:
        """Read the list again in a worker thread (one read at a time; a request meanwhile
        reads once more after it)."""
        if self.load_op is not None and not self.load_op.done:
            self.reload_again = True
            return self.load_op
        data_dir = self.ctx.data_dir
        self.load_op = run_in_background(lambda _progress: read_snapshot(data_dir),
                                         on_success=self._loaded, on_failure=self._load_failed)
        return self.load_op

    def _loaded(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.fill()
        self._again()

    def _load_failed(self, exc: BaseException) -> None:
        self.show_message(self.tr("The assignments could not be read from this laptop's "
                                  "store: %1").replace("%1", self.error_text(exc)), "bad")
        self._again()

    def _again(self) -> None:
        if self.reload_again:
            self.reload_again = False
            QTimer.singleShot(0, self.reload)

    def error_text(self, exc: BaseException) -> str:
        if getattr(exc, "message_zh", None):
            return i18n.error_text(exc)
        return self.tr("unexpected error (%1)").replace("%1", type(exc).__name__)

    # -- the table -----------------------------------------------------------------------
    def limit_of(self, a: Any) -> int:
        return int(a.item.get("contact_limit_min") or self.ctx.profile.contact_within_min)

    def overdue(self, a: Any, now: datetime) -> bool:
        return not is_removed(a) and status_of(a).overdue(self.limit_of(a), now)

    def fill(self) -> None:
        """The table from the last snapshot: open tickets first, overdue ones on top, then by
        complaint time (oldest first); tickets taken back by the office last."""
        now = self.clock()
        items = list(self.snapshot.assignments) if self.snapshot else []
        self.rows = sorted(items, key=lambda a: (is_removed(a), not self.overdue(a, now),
                                                 complaint_time(a)))
        chosen = self.selected()
        chosen_key = (chosen.channel, chosen.ticket) if chosen else None
        table = self.ui.table
        table.blockSignals(True)
        table.setRowCount(len(self.rows))
        for i, a in enumerate(self.rows):
            data = a.item.get("data") or {}
            resident = " ".join(p for p in (data.get("resident_name", ""),
                                            data.get("resident_phone", "")) if p)
            cells = {COL_TICKET: a.item.get("key") or f"{a.channel}/{a.ticket}",
                     COL_ADDRESS: a.item.get("address", ""),
                     COL_RESIDENT: resident,
                     COL_COMPLAINT: shown_time(a.item.get("complaint_at"), DEFAULT_ZONE),
                     COL_NOTES: self.notes(a)}
            for col in range(table.columnCount()):
                item = QTableWidgetItem(cells.get(col, ""))
                if col == COL_NOTES and cells[col]:
                    item.setToolTip(cells[col])
                item.setData(Qt.ItemDataRole.UserRole, f"{a.channel}/{a.ticket}")
                table.setItem(i, col, item)
        table.blockSignals(False)
        for i, a in enumerate(self.rows):
            if (a.channel, a.ticket) == chosen_key:
                table.selectRow(i)
        if self.rows and not table.selectionModel().selectedRows():
            table.selectRow(0)
        self.ui.titleLabel.setText(self.tr("Assignments (%1)").replace(
            "%1", str(sum(1 for a in self.rows if not is_removed(a)))))
        if self.snapshot is not None and not self.rows:
            self.show_message(self.tr("No tickets are assigned to this laptop. Sync to fetch "
                                      "new ones."), "info")
        self.tick()
        self.update_buttons()

    def notes(self, a: Any) -> str:
        status = a.status
        parts = []
        if is_removed(a):
            parts.append(self.removed_text(a))
        if a.flagged:
            parts.append(self.tr("a visit was started on it: the visit is kept"))
        elif a.visit_id:
            parts.append(self.tr("visit started"))
        if status.visit_at:
            parts.append(self.tr("visit at %1").replace(
                "%1", shown_time(status.visit_at, DEFAULT_ZONE)))
        if status.contacted_at:
            minutes = status_of(a).minutes_to_contact()
            if minutes is not None:
                parts.append(self.tr("contacted after %1 min").replace("%1", f"{minutes:.0f}"))
        if status.attempts:
            parts.append(self.tr("%1 failed attempts").replace("%1", str(status.attempts)))
        if status.reason and status.state == "unreachable":
            parts.append(status.reason)
        if getattr(a, "pending_events", 0):
            parts.append(self.tr("%1 not yet sent").replace("%1", str(a.pending_events)))
        return " · ".join(parts)

    def removed_text(self, a: Any) -> str:
        """Why the office took the ticket back (the store words it in both languages)."""
        words = a.removed_words(i18n.current()) if a.removed_reason else ""
        return self.tr("withdrawn by the office: %1").replace("%1", words) if words \
            else self.tr("withdrawn by the office")

    def since_text(self, minutes: float) -> str:
        whole = max(0, int(minutes))
        if whole < 60:
            return self.tr("%1 min").replace("%1", str(whole))
        return self.tr("%1 h %2 min").replace("%1", str(whole // 60)).replace(
            "%2", f"{whole % 60:02d}")

    def tick(self) -> None:
        """Minutes since each complaint, overdue marks and the list's age: from memory only."""
        now = self.clock()
        self.ui.syncAgeLabel.setText(self.age_text(now))
        table = self.ui.table
        bold = QFont(table.font())
        bold.setBold(True)
        for i, a in enumerate(self.rows):
            removed, overdue = is_removed(a), self.overdue(a, now)
            minutes = (now - complaint_time(a)).total_seconds() / 60
            table.item(i, COL_SINCE).setText(self.since_text(minutes))
            state = a.status.state
            text = self.tr("withdrawn") if removed else i18n.pick(
                STATE_ZH.get(state, state), STATE_EN.get(state, state))
            if overdue:
                text += " · " + self.tr("OVERDUE")
            table.item(i, COL_STATE).setText(text)
            for col in range(table.columnCount()):
                cell = table.item(i, col)
                cell.setData(Qt.ItemDataRole.BackgroundRole,
                             QBrush(OVERDUE_BACKGROUND) if overdue
                             else QBrush(FLAGGED_BACKGROUND) if a.flagged else None)
                cell.setData(Qt.ItemDataRole.ForegroundRole,
                             QBrush(QColor(BAD)) if overdue
                             else QBrush(REMOVED_FOREGROUND) if removed else None)
                cell.setData(Qt.ItemDataRole.FontRole, bold if overdue else None)

    def age_text(self, now: datetime) -> str:
        last = self.snapshot.last_pull if self.snapshot else None
        if self.snapshot is None:
            return self.tr("Reading…")
        if last is None:
            return self.tr("Never synced: no assignments fetched yet")
        minutes = int((now - last) / timedelta(minutes=1))
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 120:
            return self.tr("Last synced %1 min ago").replace("%1", str(minutes))
        return self.tr("Last synced %1 h ago").replace("%1", str(minutes // 60))

    # -- selection and actions -------------------------------------------------------------
    def selected(self) -> Any | None:
        model = self.ui.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select(self, channel: str, ticket: str) -> bool:
        for i, a in enumerate(self.rows):
            if (a.channel, a.ticket) == (channel, ticket):
                self.ui.table.selectRow(i)
                return True
        return False

    def started_visit(self, a: Any) -> str | None:
        """The id of a visit already started on `a` that is still on this laptop, or None."""
        if not a.visit_id:
            return None
        row = next((r for r in self.ctx.store.rows() if r.id == a.visit_id), None)
        return row.id if row is not None else None

    def update_buttons(self) -> None:
        a = self.selected()
        open_ = a is not None and not is_removed(a) and a.status.state in EVENT_STATES
        for button in (self.ui.contactButton, self.ui.attemptButton, self.ui.agreeButton,
                       self.ui.unreachableButton):
            button.setEnabled(open_ and (self.log_op is None or self.log_op.done))
        started = a is not None and a.visit_id
        self.ui.startButton.setText(self.tr("&Continue visit") if started
                                    else self.tr("St&art visit"))
        self.ui.startButton.setEnabled(a is not None and (
            bool(started) or (not is_removed(a) and a.status.state in VISIT_STATES)))

    def ask(self, kind: str) -> TicketEventDialog | None:
        """Open the dialog for `kind` on the selected ticket; it logs through the store."""
        a = self.selected()
        if a is None:
            return None
        dialog = TicketEventDialog(self, kind, a, self.clock())
        dialog.submitted.connect(
            lambda k, at, data, note: self.log(dialog, a, k, at, data, note))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def log(self, dialog: TicketEventDialog, a: Any, kind: str, at: str,
            data: dict[str, Any], note: str) -> Op:
        """Store the event in a worker thread; the dialog closes on success, shows the
        refusal otherwise."""
        data_dir = self.ctx.data_dir
        key = a.item.get("key") or f"{a.channel}/{a.ticket}"

        def stored(_event_id: str) -> None:
            dialog.accept()
            self.show_message(self.tr("Recorded for ticket %1; it reaches the office with the "
                                      "next sync.").replace("%1", key), "ok")
            self.reload()

        def refused(exc: BaseException) -> None:
            text = self.error_text(exc)
            dialog.refused(text)
            self.update_buttons()

        self.log_op = run_in_background(
            lambda _p: log_ticket_event(data_dir, a.channel, a.ticket, kind, at, data, note),
            on_success=stored, on_failure=refused)
        self.update_buttons()
        return self.log_op

    def _start(self) -> None:
        a = self.selected()
        if a is not None and self.ui.startButton.isEnabled():
            self.start_visit.emit(a)

    def show_message(self, text: str, kind: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))
        self.ui.messageLabel.setStyleSheet(message_style(kind) if text else "")

    # -- Qt ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.tick_timer.start()
        self.reload_timer.start()
        self.reload()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.tick_timer.stop()
        self.reload_timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.fill()
        super().changeEvent(event)

