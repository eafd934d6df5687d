"""The supervisor window's 供热事件 / Heating events tab: the season's heating stops and heating
periods of the supervisor's district, as the office stores them, and the forms to enter them.

Stops: number, company, district, where, from, to (China time), hours, cause, in force or
withdrawn (with why); a stop is entered once it has ended and withdrawn with a reason, never
edited. Heating periods: the announced and actual days, the days started late and stopped early
and the notice drafts; the actual days are entered as they come, and a penalty notice draft
(《吉林省城市供热条例》 Art. 33) is drafted on a period and shown as the office's PDF.

Every request runs on a worker thread (a failure goes to the window's status line, and a 401
to its second login through `failed`); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.core.season import season_of
from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.supervisor.cases_model import local_time
from inspector_app.ui.supervisor.company_event_dialogs import (
    ActualDaysDialog,
    NoticeDialog,
    PeriodDialog,
    StopDialog,
    WithdrawStopDialog,
    scope_text,
)

STOP_COLUMNS = ("stop_id", "company", "district", "scope", "start_at", "end_at", "hours",
                "cause", "state")
PERIOD_COLUMNS = ("period_id", "company", "district", "area", "announced", "actual_start",
                  "actual_end", "late_start_days", "early_stop_days", "notices")


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CompanyEventsTab(QWidget):
    failed = Signal(object)   # a read's exception (the window asks for the password on 401)
    changed = Signal()        # an event entered or withdrawn: cases and figures may differ now

    def __init__(self, parent: QWidget | None, session: Callable[[], ReviewSession],
                 status: Callable[[str, str], None], data_dir: Path,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyEventsTab")
        self.session, self.say = session, status
        self.ops: list[Any] = []
        self.data_dir = Path(data_dir)
        self.today = today or date.today()
        self.stops: list[dict[str, Any]] | None = None
        self.periods: list[dict[str, Any]] | None = None
        self.dialogs: list[QWidget] = []
        self.started = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.seasonLabel = QLabel(self)
        row.addWidget(self.seasonLabel)
        self.seasonCombo = QComboBox(self)
        self.seasonCombo.setObjectName("eventsSeasonCombo")
        first = int(season_of(self.today)[:4])
        for year in range(first, first - 5, -1):
            self.seasonCombo.addItem(f"{year}-{year + 1}", f"{year}-{year + 1}")
        self.seasonLabel.setBuddy(self.seasonCombo)
        row.addWidget(self.seasonCombo)
        self.refreshButton = QPushButton(self)
        self.refreshButton.setObjectName("eventsRefreshButton")
        row.addWidget(self.refreshButton)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("eventsCount")
        row.addWidget(self.countLabel, 1)
        layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.stopsGroup = QGroupBox(self.splitter)
        stops = QVBoxLayout(self.stopsGroup)
        stops.setContentsMargins(4, 4, 4, 4)
        self.stopsTable = _table(self.stopsGroup, "stopsTable")
        stops.addWidget(self.stopsTable, 1)
        buttons = QHBoxLayout()
        self.addStopButton = QPushButton(self.stopsGroup)
        self.addStopButton.setObjectName("addStopButton")
        self.withdrawStopButton = QPushButton(self.stopsGroup)
        self.withdrawStopButton.setObjectName("withdrawStopButton")
        for button in (self.addStopButton, self.withdrawStopButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        stops.addLayout(buttons)
        self.periodsGroup = QGroupBox(self.splitter)
        periods = QVBoxLayout(self.periodsGroup)
        periods.setContentsMargins(4, 4, 4, 4)
        self.periodsTable = _table(self.periodsGroup, "periodsTable")
        periods.addWidget(self.periodsTable, 1)
        buttons = QHBoxLayout()
        self.addPeriodButton = QPushButton(self.periodsGroup)
        self.addPeriodButton.setObjectName("addPeriodButton")
        self.actualButton = QPushButton(self.periodsGroup)
        self.actualButton.setObjectName("actualDaysButton")
        self.noticeButton = QPushButton(self.periodsGroup)
        self.noticeButton.setObjectName("noticeButton")
        for button in (self.addPeriodButton, self.actualButton, self.noticeButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        periods.addLayout(buttons)
        self.splitter.addWidget(self.stopsGroup)
        self.splitter.addWidget(self.periodsGroup)
        layout.addWidget(self.splitter, 1)
        self.seasonCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refreshButton.clicked.connect(self.refresh)
        self.addStopButton.clicked.connect(self.open_add_stop)
        self.withdrawStopButton.clicked.connect(self.open_withdraw_stop)
        self.addPeriodButton.clicked.connect(self.open_add_period)
        self.actualButton.clicked.connect(self.open_actual_days)
        self.noticeButton.clicked.connect(self.open_notice)
        self.stopsTable.itemSelectionChanged.connect(self._enable)
        self.periodsTable.itemSelectionChanged.connect(self._enable)
        self.retranslate()
        self._enable()

    # -- reading -------------------------------------------------------------------------------
    def season(self) -> str:
        return str(self.seasonCombo.currentData())

    def start(self) -> None:
        """First showing: read the season's events."""
        if not self.started:
            self.started = True
            self.refresh()

    def busy(self) -> bool:
        return any(not o.done for o in self.ops) or any(getattr(d, "busy", lambda: False)() for d in self.dialogs
                                       if d.isVisible())

    def refresh(self) -> None:
        if not self.started:
            return
        season = self.season()
        self.countLabel.setText(self.tr("Loading…"))
        session = self.session()

        def stops_arrived(items: list[dict[str, Any]]) -> None:
            if season == self.season():
                self.show_stops(items)

        def periods_arrived(items: list[dict[str, Any]]) -> None:
            if season == self.season():
                self.show_periods(items)

        self._call(lambda: session.list_stops({"season": season}), stops_arrived)
        self._call(lambda: session.list_heating_periods({"season": season}), periods_arrived)

    def _call(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(exc: BaseException) -> None:
            self.countLabel.setText("")
            self.say(i18n.error_text(exc), "bad")
            self.failed.emit(exc)

        self.ops = [o for o in self.ops if not o.done]
        self.ops.append(run_in_background(lambda _p: fn(), on_success=done,
                                          on_failure=failed))

    # -- showing -------------------------------------------------------------------------------
    def show_stops(self, items: list[dict[str, Any]]) -> None:
        self.stops = list(items)
        chosen = self.chosen_stop()
        table = self.stopsTable
        table.setRowCount(len(self.stops))
        for r, stop in enumerate(self.stops):
            values = [stop.get("stop_id"), stop.get("company"), stop.get("district"),
                      scope_text(stop.get("scope"), self.tr("whole district")),
                      local_time(stop.get("start_at")), local_time(stop.get("end_at")),
                      f"{float(stop.get('hours') or 0):g}", stop.get("cause"),
                      self._state(stop)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value if value is not None else "—"))
                if STOP_COLUMNS[c] == "state" and stop.get("withdrawn_reason"):
                    item.setToolTip(str(stop["withdrawn_reason"]))
                if STOP_COLUMNS[c] == "hours":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            if chosen and stop.get("stop_id") == chosen.get("stop_id"):
                table.selectRow(r)
        table.resizeColumnsToContents()
        self._count()
        self._enable()

    def _state(self, stop: dict[str, Any]) -> str:
        if stop.get("state") == "withdrawn":
            return self.tr("withdrawn %1").replace("%1", local_time(stop.get("withdrawn_at")))
        return self.tr("in force")

    def show_periods(self, items: list[dict[str, Any]]) -> None:
        self.periods = list(items)
        chosen = self.chosen_period()
        table = self.periodsTable
        table.setRowCount(len(self.periods))
        for r, period in enumerate(self.periods):
            in_force = [n["notice_no"] for n in period.get("notices") or []
                        if not n.get("superseded_by")]
            values = [period.get("period_id"), period.get("company"), period.get("district"),
                      period.get("area"),
                      f"{period.get('announced_start')} – {period.get('announced_end')}",
                      period.get("actual_start") or "—", period.get("actual_end") or "—",
                      period.get("late_start_days", 0), period.get("early_stop_days", 0),
                      "、".join(in_force) or "—"]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if PERIOD_COLUMNS[c] in ("late_start_days", "early_stop_days"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            if chosen and period.get("period_id") == chosen.get("period_id"):
                table.selectRow(r)
        table.resizeColumnsToContents()
        self._count()
        self._enable()

    def _count(self) -> None:
        if self.stops is None or self.periods is None:
            return
        in_force = sum(1 for s in self.stops if s.get("state") != "withdrawn")
        district = self.session().user.district or self.tr("all districts")
        self.countLabel.setText(
            self.tr("Season %1, %2: %3 stops in force (%4 withdrawn), %5 heating periods.")
            .replace("%1", self.season()).replace("%2", district)
            .replace("%3", str(in_force)).replace("%4", str(len(self.stops) - in_force))
            .replace("%5", str(len(self.periods))))

    def chosen_stop(self) -> dict[str, Any] | None:
        row = self.stopsTable.currentRow()
        rows = self.stopsTable.selectionModel().selectedRows()
        if self.stops and rows and 0 <= row < len(self.stops):
            return self.stops[row]
        return None

    def chosen_period(self) -> dict[str, Any] | None:
        row = self.periodsTable.currentRow()
        rows = self.periodsTable.selectionModel().selectedRows()
        if self.periods and rows and 0 <= row < len(self.periods):
            return self.periods[row]
        return None

    def _enable(self) -> None:
        stop, period = self.chosen_stop(), self.chosen_period()
        self.withdrawStopButton.setEnabled(stop is not None and stop.get("state") != "withdrawn")
        self.actualButton.setEnabled(period is not None)
        self.noticeButton.setEnabled(period is not None and bool(
            period.get("late_start_days") or period.get("early_stop_days")))

    # -- forms ---------------------------------------------------------------------------------
    def _open(self, dialog: Any, message: Callable[[dict[str, Any]], str]) -> None:
        dialog.done.connect(lambda answer: (self.say(message(answer), "ok"), self.refresh(),
                                            self.changed.emit()))
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()

    def open_add_stop(self) -> None:
        self._open(StopDialog(self, self.session()),
                   lambda a: self.tr("Stop %1 entered.").replace("%1", str(a.get("stop_id"))))

    def open_withdraw_stop(self) -> None:
        stop = self.chosen_stop()
        if stop is not None:
            self._open(WithdrawStopDialog(self, self.session(), stop),
                       lambda a: self.tr("Stop %1 withdrawn.")
                       .replace("%1", str(a.get("stop_id"))))

    def open_add_period(self) -> None:
        self._open(PeriodDialog(self, self.session(), self.season()),
                   lambda a: self.tr("Heating period %1 entered.")
                   .replace("%1", str(a.get("period_id"))))

    def open_actual_days(self) -> None:
        period = self.chosen_period()
        if period is not None:
            self._open(ActualDaysDialog(self, self.session(), period),
                       lambda a: self.tr("Actual days of %1 saved.")
                       .replace("%1", str(a.get("period_id"))))

    def open_notice(self) -> None:
        period = self.chosen_period()
        if period is not None:
            self._open(NoticeDialog(self, self.session(), period, self.data_dir),
                       lambda a: self.tr("Penalty notice draft %1 kept at the office.")
                       .replace("%1", str(a.get("notice_no"))))

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.seasonLabel.setText(self.tr("Season"))
        self.refreshButton.setText(self.tr("Re&fresh"))
        self.stopsGroup.setTitle(self.tr("Heating stops (entered once ended; a wrong one is "
                                         "withdrawn, never edited)"))
        self.stopsTable.setColumnCount(len(STOP_COLUMNS))
        self.stopsTable.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Heating company"), self.tr("District"),
            self.tr("Where"), self.tr("From (China time)"), self.tr("To (China time)"),
            self.tr("Hours"), self.tr("Cause"), self.tr("State")])
        self.addStopButton.setText(self.tr("&Add stop…"))
        self.withdrawStopButton.setText(self.tr("&Withdraw stop…"))
        self.periodsGroup.setTitle(self.tr("Heating periods and penalty notice drafts (Art. 33 "
                                           "of the Jilin urban heating regulation)"))
        self.periodsTable.setColumnCount(len(PERIOD_COLUMNS))
        self.periodsTable.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Heating company"), self.tr("District"),
            self.tr("Area"), self.tr("Announced"), self.tr("Actual start"),
            self.tr("Actual end"), self.tr("Days started late"), self.tr("Days stopped early"),
            self.tr("Notice drafts in force")])
        self.addPeriodButton.setText(self.tr("Add &period…"))
        self.actualButton.setText(self.tr("Actual &days…"))
        self.noticeButton.setText(self.tr("Penalty no&tice…"))
        if self.stops is not None:
            self.show_stops(self.stops)
        if self.periods is not None:
            self.show_periods(self.periods)
        if self.stops is None or self.periods is None:
            self.countLabel.setText("")
