"""The supervisor window's 监测点 / Monitoring tab: the district's fixed monitoring points, the
households a point finds below the standard right now, and a chosen household's season.

A supervisor's questions, in the order the tab answers them: how many points report, how many
went silent or carry flagged readings (the state buttons, with the office's counts); which
households are cold now, for how long, and is a ticket open for them (the list on the right,
with a one-click ticket for the dispatcher); and what did a household's season look like, day by
day, against its door tests (`SeasonChart`, below). The points list pages by the office's
cursor as it scrolls (`PointsModel`); every request runs on a worker and its answer is dropped
when the supervisor has moved on meanwhile. The GUI thread never waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from inspector_app.core.season import season_of
from inspector_app.review.client import ReviewSession
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.supervisor.cases_model import local_time
from inspector_app.ui.supervisor.day_readings_dialog import DayReadingsDialog
from inspector_app.ui.supervisor.monitoring_labels import (
    POINT_STATES,
    monitoring_label,
    room_text,
)
from inspector_app.ui.supervisor.monitoring_model import COLUMNS, PointsModel
from inspector_app.ui.supervisor.resident_contact_dialog import ResidentContactDialog
from inspector_app.ui.supervisor.season_chart import SeasonChart

# run(fn, on_success, what): the window's worker runner (status line, a second login on 401)
Runner = Callable[[Callable[[], Any], Callable[[Any], None], str], None]
# the ticket before the time it started: the button stays in sight in a narrow pane
BELOW_COLUMNS = ("address", "room", "hours", "latest", "ticket", "since")
DEFAULT_HOURS = 12
HOURS_SETTLE_MS = 400
# the office's refusals of a ticket the supervisor can mend by typing (the resident's contact)
ASK_AGAIN = ("no_resident_contact", "bad_ticket")


def ticket_text(value: Any) -> str:
    """A ticket's number, whether given as the office's 'CHANNEL/NUMBER' ref or as an item (the
    channel's code is a key, not a word of either language)."""
    if isinstance(value, dict):
        if value.get("ticket"):
            return str(value["ticket"])
        value = value.get("key")
    return str(value or "").rpartition("/")[2]


class MonitoringTab(QWidget):
    failed = Signal(object)   # a request's exception (the window asks for a login on 401)

    def __init__(self, parent: QWidget | None, session: Callable[[], ReviewSession],
                 run: Runner, status: Callable[[str, str], None],
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringTab")
        self.session, self.run, self.say = session, run, status
        self.today = today or date.today()
        self.started = False
        self.sized = False
        self.counts: dict[str, int] = {}
        self.below: list[dict[str, Any]] = []
        self.chosen: tuple[str, str | None] | None = None   # household, highlighted point
        self.chosen_address = ""
        self.opening: set[str] = set()                      # households whose ticket is asked
        self.ops: list[Any] = []
        self.dialogs: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._filter_row())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        upper = QSplitter(Qt.Orientation.Horizontal, self.splitter)
        upper.setChildrenCollapsible(False)
        self.upper = upper
        self.table = QTableView(upper)
        self.table.setObjectName("pointsTable")
        self.model = PointsModel(self._fetch_page, self)
        self.table.setModel(self.model)
        self._table_look(self.table)
        upper.addWidget(self.table)
        upper.addWidget(self._below_box(upper))
        upper.setSizes([760, 560])
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self._chart_box(self.splitter))
        self.splitter.setSizes([200, 340])
        layout.addWidget(self.splitter, 1)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table.selectionModel().currentRowChanged.connect(self._point_changed)
        self.belowTable.currentCellChanged.connect(lambda row, *_a: self._below_chosen(row))
        self.stateGroup.idClicked.connect(lambda _i: self.apply_filter())
        self.districtEdit.returnPressed.connect(self.apply_filter)
        self.companyEdit.returnPressed.connect(self.apply_filter)
        self.applyButton.clicked.connect(self.apply_filter)
        self.refreshButton.clicked.connect(self.refresh)
        self.hoursTimer = QTimer(self)   # arrows pressed in a row ask the office once
        self.hoursTimer.setSingleShot(True)
        self.hoursTimer.setInterval(HOURS_SETTLE_MS)
        self.hoursTimer.timeout.connect(self.load_below)
        self.hoursSpin.valueChanged.connect(lambda _v: self.hoursTimer.start())
        self.belowRefreshButton.clicked.connect(self.load_below)
        self.seasonCombo.currentIndexChanged.connect(lambda _i: self.load_season())
        self.chart.day_activated.connect(self.open_day)
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.stateGroup = QButtonGroup(self)
        self.stateButtons: dict[str | None, QPushButton] = {}
        for n, code in enumerate((None, *POINT_STATES)):
            button = QPushButton(self)
            button.setObjectName(f"pointState_{code or 'all'}")
            button.setCheckable(True)
            self.stateGroup.addButton(button, n)
            self.stateButtons[code] = button
            row.addWidget(button)
        self.stateButtons[None].setChecked(True)
        self.districtEdit = QLineEdit(self)
        self.districtEdit.setObjectName("pointDistrictEdit")
        self.districtEdit.setMaximumWidth(150)
        row.addWidget(self.districtEdit)
        self.companyEdit = QLineEdit(self)
        self.companyEdit.setObjectName("pointCompanyEdit")
        self.companyEdit.setMaximumWidth(180)
        row.addWidget(self.companyEdit)
        self.applyButton = QPushButton(self)
        self.applyButton.setObjectName("pointsApplyButton")
        row.addWidget(self.applyButton)
        self.refreshButton = QPushButton(self)
        self.refreshButton.setObjectName("pointsRefreshButton")
        row.addWidget(self.refreshButton)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("pointsCount")
        row.addWidget(self.countLabel, 1)
        return row

    def _table_look(self, table: QTableView) -> None:
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def _below_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        side = QVBoxLayout(box)
        side.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.belowLabel = QLabel(box)
        row.addWidget(self.belowLabel)
        self.hoursSpin = QSpinBox(box)
        self.hoursSpin.setObjectName("belowHoursSpin")
        self.hoursSpin.setRange(1, 240)
        self.hoursSpin.setValue(DEFAULT_HOURS)
        row.addWidget(self.hoursSpin)
        self.belowRefreshButton = QPushButton(box)
        self.belowRefreshButton.setObjectName("belowRefreshButton")
        row.addWidget(self.belowRefreshButton)
        row.addStretch(1)
        side.addLayout(row)
        self.belowTable = QTableWidget(box)
        self.belowTable.setObjectName("belowTable")
        self.belowTable.setColumnCount(len(BELOW_COLUMNS))
        self.belowTable.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._table_look(self.belowTable)
        self.belowTable.verticalHeader().setDefaultSectionSize(34)   # a button in each row
        side.addWidget(self.belowTable, 1)
        return box

    def _chart_box(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        side = QVBoxLayout(box)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(2)
        row = QHBoxLayout()
        self.chartTitle = QLabel(box)
        self.chartTitle.setObjectName("seasonChartTitle")
        row.addWidget(self.chartTitle, 1)
        self.seasonLabel = QLabel(box)
        row.addWidget(self.seasonLabel)
        self.seasonCombo = QComboBox(box)
        self.seasonCombo.setObjectName("monitoringSeasonCombo")
        first = int(season_of(self.today)[:4])
        for year in range(first, first - 4, -1):
            self.seasonCombo.addItem(f"{year}-{year + 1}", f"{year}-{year + 1}")
        row.addWidget(self.seasonCombo)
        side.addLayout(row)
        self.chart = SeasonChart(box)
        self.chart.setObjectName("seasonChart")
        side.addWidget(self.chart, 1)
        return box

    # -- the points ----------------------------------------------------------------------------
    def _fetch_page(self, filters: dict[str, Any], after: str | None) -> dict[str, Any]:
        return self.session().list_points(filters, limit=100, after=after)

    def start(self) -> None:
        """First showing: read the counts, the points and the households below standard."""
        if not self.started:
            self.started = True
            district = self.session().user.district
            if district:
                self.districtEdit.setText(district)
                self.districtEdit.setReadOnly(True)
            self.apply_filter()

    def scope(self) -> dict[str, Any]:
        out = {"district": self.districtEdit.text().strip(),
               "company": self.companyEdit.text().strip()}
        return {k: v for k, v in out.items() if v}

    def state(self) -> str | None:
        return next((code for code, b in self.stateButtons.items() if b.isChecked()), None)

    def filters(self) -> dict[str, Any]:
        state = self.state()
        return {**self.scope(), **({"state": state} if state else {})}

    def apply_filter(self) -> None:
        if not self.started:
            return
        self.countLabel.setText(self.tr("Loading…"))
        self.model.set_query(self.filters())
        self.load_counts()
        self.load_below()

    def refresh(self) -> None:
        """Read everything again; the chosen household's season too."""
        if not self.started:
            return
        self.apply_filter()
        self.load_season()

    def busy(self) -> bool:
        return (self.model.busy() or any(not o.done for o in self.ops)
                or any(getattr(d, "busy", lambda: False)() for d in self.dialogs
                       if d.isVisible()))

    def _background(self, fn: Callable[[], Any], done: Callable[[Any], None],
                    failed: Callable[[BaseException], None] | None = None,
                    quiet: tuple[str, ...] = ()) -> None:
        """One request on a worker; its failure is said on the status line unless its code is
        one the caller answers itself (`quiet`), and a 401 asks for the password again through
        `failed`."""
        def bad(exc: BaseException) -> None:
            from inspector_app.ui import i18n

            if getattr(exc, "code", "") not in quiet:
                self.say(i18n.error_text(exc), "bad")
            if failed:
                failed(exc)
            self.failed.emit(exc)

        self.ops = [o for o in self.ops if not o.done]
        self.ops.append(run_in_background(lambda _p: fn(), on_success=done, on_failure=bad))

    def load_counts(self) -> None:
        scope, session = self.scope(), self.session()
        self._background(lambda: session.point_state_counts(scope),
                         lambda counts: self._counts_arrived(scope, counts))

    def _counts_arrived(self, scope: dict[str, Any], counts: dict[str, Any]) -> None:
        if scope != self.scope():
            return   # the filters changed meanwhile
        self.counts = {k: int(counts.get(k) or 0) for k in POINT_STATES}
        self._state_words()

    def _loaded(self) -> None:
        rows = self.model.rowCount()
        more = "+" if self.model.more else ""
        self.countLabel.setText(self.tr("%1 points shown").replace("%1", f"{rows}{more}"))
        if rows and not self.sized:
            self.sized = True   # once: later pages must not make the columns jump
            self.table.resizeColumnsToContents()
            address = COLUMNS.index("address")
            self.table.setColumnWidth(address, min(max(self.table.columnWidth(address), 160),
                                                   280))

    def _failed(self, exc: BaseException) -> None:
        from inspector_app.ui import i18n

        self.countLabel.setText("")
        self.say(i18n.error_text(exc), "bad")

    def _point_changed(self, current, _previous) -> None:  # noqa: ANN001 - QModelIndex
        item = self.model.item(current.row())
        if item is not None:
            self.choose(item["household"], item["point_id"], item.get("address") or "")

    # -- below the standard now ----------------------------------------------------------------
    def load_below(self) -> None:
        if not self.started:
            return
        hours, scope, session = self.hoursSpin.value(), self.scope(), self.session()
        self._background(lambda: session.below_standard(hours, scope),
                         lambda answer: self._below_arrived(hours, scope, answer))

    def _below_arrived(self, hours: int, scope: dict[str, Any], answer: dict[str, Any]) -> None:
        if hours != self.hoursSpin.value() or scope != self.scope():
            return
        self.below = list(answer.get("items") or [])
        self._fill_below()

    def _fill_below(self) -> None:
        table = self.belowTable
        table.blockSignals(True)
        table.clearContents()
        table.setRowCount(len(self.below))
        for r, item in enumerate(self.below):
            texts = {
                "address": str(item.get("address") or item.get("household") or ""),
                "room": room_text(item),
                "since": local_time(item.get("since")),
                "hours": f"{float(item.get('hours_below') or 0):.0f}",
                "latest": f"{item.get('latest_c')} °C" if item.get("latest_c") else "—",
            }
            for c, key in enumerate(BELOW_COLUMNS):
                if key == "ticket":
                    table.setCellWidget(r, c, self._ticket_cell(item))
                    continue
                cell = QTableWidgetItem(texts[key])
                if key == "address":
                    cell.setToolTip(texts[key])
                table.setItem(r, c, cell)
        table.blockSignals(False)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 220))
        self.belowLabel.setText(self._below_words())

    def _ticket_cell(self, item: dict[str, Any]) -> QWidget:
        """The open ticket's name, or a button opening one for the dispatcher."""
        household = item["household"]
        if item.get("open_ticket"):
            ref = ticket_text(item["open_ticket"])
            label = QLabel(ref.rsplit("/", 1)[-1])   # the number; the channel is a code
            label.setToolTip(self.tr("A ticket is open for this household: %1").replace(
                "%1", ref))
            return label
        button = QPushButton(self.tr("Open ticket"))
        button.setObjectName(f"openTicket_{household}")
        button.setToolTip(self.tr("Open a complaint ticket for the dispatcher: the point has "
                                  "been below the standard for %1 hours.").replace(
            "%1", f"{float(item.get('hours_below') or 0):.0f}"))
        button.setEnabled(household not in self.opening)
        button.clicked.connect(lambda: self.open_ticket(household))
        return button

    def open_ticket(self, household: str, contact: dict[str, str] | None = None) -> None:
        if household in self.opening:
            return
        self.opening.add(household)
        self._fill_below()
        session = self.session()

        def done(answer: dict[str, Any]) -> None:
            self.opening.discard(household)
            ref = ticket_text(answer.get("ticket"))
            for item in self.below:
                if item["household"] == household:
                    item["open_ticket"] = ref
            self._fill_below()
            self.say(self.tr("Ticket %1 opened for the dispatcher.").replace("%1", ref), "ok")

        def failed(exc: BaseException) -> None:
            from inspector_app.ui import i18n

            self.opening.discard(household)
            code = getattr(exc, "code", "")
            if code in ASK_AGAIN:
                self._fill_below()
                self.ask_contact(household, contact,
                                 i18n.error_text(exc) if code == "bad_ticket" else "")
            else:
                self.load_below()   # a 409: another supervisor opened one meanwhile

        self._background(lambda: session.open_below_standard_ticket(household, contact), done,
                         failed, quiet=ASK_AGAIN)

    def ask_contact(self, household: str, typed: dict[str, str] | None = None,
                    problem: str = "") -> ResidentContactDialog:
        """The household never called: who the dispatcher should phone, then the ticket."""
        address = next((str(i.get("address") or household) for i in self.below
                        if i["household"] == household), household)
        dialog = ResidentContactDialog(self, address, typed, problem)
        dialog.accepted.connect(lambda: self.open_ticket(household, dialog.contact()))
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.open()
        return dialog

    def _below_chosen(self, row: int) -> None:
        if 0 <= row < len(self.below):
            item = self.below[row]
            self.choose(item["household"], item.get("point_id"), item.get("address") or "")

    # -- the season ----------------------------------------------------------------------------
    def choose(self, household: str, point_id: str | None, address: str) -> None:
        """Show a household's season, its point `point_id` drawn bold."""
        if self.chosen and self.chosen[0] == household:
            self.chosen = (household, point_id)
            self.chart.set_highlight(point_id)
            return
        self.chosen = (household, point_id)
        self.chosen_address = address
        self.load_season()

    def load_season(self) -> None:
        if not self.chosen:
            return
        household, season, session = self.chosen[0], self.seasonCombo.currentData(), \
            self.session()
        self.chart.set_message(self.tr("Loading…"))
        self._title()
        self._background(lambda: session.household_monitoring(household, season),
                         lambda data: self._season_arrived(household, season, data),
                         lambda _e: self.chart.set_message(""))

    def _season_arrived(self, household: str, season: str, data: dict[str, Any]) -> None:
        if not self.chosen or household != self.chosen[0] \
                or season != self.seasonCombo.currentData():
            return
        self.chart.set_season(data, self.chosen[1])
        if not data.get("points"):
            self.chart.set_message(self.tr("No monitoring days in this season."))

    def _title(self) -> None:
        if not self.chosen:
            self.chartTitle.setText(self.tr("Season of a household's points"))
            return
        self.chartTitle.setText(self.tr("Season at %1 (double-click a day for its readings)")
                                .replace("%1", self.chosen_address or self.chosen[0]))

    def open_day(self, point_id: str, day: str) -> None:
        """A day's raw readings with their flags, in a dialog (fetched first)."""
        session = self.session()
        self.say(self.tr("Fetching the readings…"), "info")

        def arrived(answer: dict[str, Any]) -> None:
            self.say("", "info")
            dialog = DayReadingsDialog(self, point_id, day, answer)
            self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
            dialog.open()

        self._background(lambda: session.point_readings(point_id, day, day), arrived)

    # -- language ------------------------------------------------------------------------------
    def _state_words(self) -> None:
        self.stateButtons[None].setText(self.tr("All points"))
        for code in POINT_STATES:
            words = monitoring_label("state", code)
            count = self.counts.get(code)
            self.stateButtons[code].setText(words if count is None else f"{words} {count}")

    def _below_words(self) -> str:
        return self.tr("Below the standard now (%1), for at least").replace(
            "%1", str(len(self.below)))

    def retranslate(self) -> None:
        self._state_words()
        self.districtEdit.setPlaceholderText(self.tr("District"))
        self.companyEdit.setPlaceholderText(self.tr("Heating company"))
        self.applyButton.setText(self.tr("Apply"))
        self.refreshButton.setText(self.tr("Refresh"))
        self.belowLabel.setText(self._below_words())
        self.hoursSpin.setSuffix(self.tr(" h"))
        self.belowRefreshButton.setText(self.tr("Refresh list"))
        self.belowTable.setHorizontalHeaderLabels([
            self.tr("Address"), self.tr("Room"), self.tr("Hours"), self.tr("Latest"),
            self.tr("Ticket"), self.tr("Below since")])
        self.seasonLabel.setText(self.tr("Season:"))
        self._title()
        if self.below:
            self._fill_below()
        self.chart.update()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
