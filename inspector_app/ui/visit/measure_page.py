"""Step 5: each point in turn: the live value, the last ten minutes, stability, capture.

Readings arrive from the worker thread as queued signals and are fed to `VisitSession.feed`
here, on the GUI thread: one small committed insert per reading (about one a second), so the
session and its SQLite connection stay single-threaded and every reading is on disk before the
next one is shown. Whether the air is settled and which readings count is the core's decision.
"""

from __future__ import annotations

from inspector_app.core.model import Point, Room
from inspector_app.core.procedure import FLAG_ZH, REFUSED_FLAGS
from inspector_app.core.stability import CAPTURING, DONE
from inspector_app.ui import i18n
from inspector_app.ui.generated.page_measure import Ui_MeasurePage
from inspector_app.ui.qt import QKeySequence, Qt, QTreeWidgetItem
from inspector_app.ui.reading_worker import CONNECTED, NO_SIGNAL, WRONG_PROTOCOL
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage
from inspector_app.ui.visit.demo_clock import DemoClockBanner
from inspector_app.ui.visit.manual_entry import ManualEntryDialog

CHANNEL = 1  # the probe channel used for the air temperature (T1)


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class MeasurePage(StepPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_MeasurePage()
        self.ui.setupUi(self)
        self.selected: tuple[Room, Point] | None = None
        self.measuring = False
        self.last_value: float | None = None
        self.connection = ("", "")
        self.manual_dialog: ManualEntryDialog | None = None
        self.readings_seen = 0
        rule = self.session.rule
        self.ui.chart.set_rule(rule.window_s, float(rule.tolerance_c))
        self.ui.pointsTree.currentItemChanged.connect(self._tree_changed)
        self.ui.startButton.clicked.connect(self.start_measuring)
        self.ui.manualButton.clicked.connect(self.open_manual_entry)
        self.ui.startButton.setShortcut(QKeySequence("Ctrl+M"))
        self.ui.readingPanel.setMinimumHeight(150)
        self.demo_banner = DemoClockBanner(self.ctx, self)
        self.ui.liveColumn.insertWidget(0, self.demo_banner)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Measure")

    # -- the tree of rooms and points ------------------------------------------------------
    def enter(self) -> None:
        self.fill_tree()
        if self.selected is None or self._done(self.selected[1]):
            nxt = self.session.next_open_point()
            if nxt is not None:
                self.select(*nxt)
            elif self.visit.rooms and self.visit.rooms[0].points:
                self.select(self.visit.rooms[0], self.visit.rooms[0].points[0])
        else:
            self.select(*self.selected)
        self.update_buttons()
        self.ui.startButton.setFocus()

    def _done(self, point: Point) -> bool:
        return len(point.captured) >= self.wizard.profile.readings_per_point

    def point_text(self, point: Point) -> str:
        label = self.tr("Point %1").replace("%1", str(point.index))
        if self._done(point):
            values = [s.value_c for s in point.captured]
            mean = sum(values) / len(values)
            manual = self.tr(" (typed in)") if any(s.manual for s in point.captured) else ""
            return f"✓ {label}: {mean:.1f} °C{manual}"
        if self.measuring and self.selected and self.selected[1] is point:
            return f"▶ {label}: " + self.tr("measuring")
        return f"○ {label}"

    def fill_tree(self) -> None:
        tree = self.ui.pointsTree
        tree.blockSignals(True)
        tree.clear()
        for r, room in enumerate(self.visit.rooms):
            top = QTreeWidgetItem([f"{room.name} ({room.area_m2:g} m²)"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tree.addTopLevelItem(top)
            for p, point in enumerate(room.points):
                child = QTreeWidgetItem([self.point_text(point)])
                child.setData(0, Qt.ItemDataRole.UserRole, f"{r}:{p}")
                top.addChild(child)
            top.setExpanded(True)
        tree.blockSignals(False)

    def refresh_tree_texts(self) -> None:
        tree = self.ui.pointsTree
        for r, room in enumerate(self.visit.rooms):
            top = tree.topLevelItem(r)
            if top is None:
                return
            for p, point in enumerate(room.points):
                top.child(p).setText(0, self.point_text(point))

    def item_for(self, room: Room, point: Point) -> QTreeWidgetItem | None:
        r = self.visit.rooms.index(room)
        top = self.ui.pointsTree.topLevelItem(r)
        return top.child(room.points.index(point)) if top else None

    def select(self, room: Room, point: Point) -> None:
        item = self.item_for(room, point)
        if item is not None:
            self.ui.pointsTree.setCurrentItem(item)
        self._set_selected(room, point)

    def _tree_changed(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data is None:
            return
        r, p = (int(x) for x in str(data).split(":"))
        room = self.visit.rooms[r]
        point = room.points[p]
        if self.selected is None or self.selected[1] is not point:
            if self.measuring:
                self.measuring = False  # moving to another point stops feeding this one
            self._set_selected(room, point)

    def _set_selected(self, room: Room, point: Point) -> None:
        self.selected = (room, point)
        self.ui.chart.clear()
        for sample in point.samples:
            if not sample.manual:
                self.ui.chart.add(sample.t_offset_s, sample.value_c)
        self.show_captured(point)
        self.show_point_label()
        self.update_buttons()
        self.refresh_tree_texts()

    def show_point_label(self, prefix: str = "") -> None:
        if self.selected is None:
            self.ui.pointLabel.setText(self.tr("No rooms yet: add rooms first."))
            return
        room, point = self.selected
        text = self.tr("%1, point %2 of %3").replace("%1", room.name) \
            .replace("%2", str(point.index)).replace("%3", str(len(room.points)))
        if self._done(point):
            text += " — " + self.tr("done")
        elif not self.measuring:
            text += " — " + self.tr("place the stand, then press Start")
        self.ui.pointLabel.setText(prefix + text)

    def show_captured(self, point: Point) -> None:
        captured = point.captured
        need = self.wizard.profile.readings_per_point
        values = ", ".join(f"{s.value_c:.1f}" for s in captured)
        self.ui.capturedLabel.setText(self.tr("Readings taken: %1 of %2 %3")
                                      .replace("%1", str(len(captured))).replace("%2", str(need))
                                      .replace("%3", f"({values})" if values else ""))
        self.ui.chart.set_captured([(s.t_offset_s, s.value_c) for s in captured if not s.manual])

    def update_buttons(self) -> None:
        has = self.selected is not None
        done = has and self._done(self.selected[1])
        self.ui.startButton.setEnabled(has and not self.measuring and not done)
        self.ui.manualButton.setEnabled(has and not done)

    # -- measuring -------------------------------------------------------------------------
    def start_measuring(self) -> None:
        """The stand is in place: start (or restart) the stability wait at the selected point."""
        if self.selected is None:
            return
        room, point = self.selected
        if self.ctx.emulator is not None:
            self.ctx.emulate_room(self.visit.rooms.index(room))
        self.session.begin_point(room, point)
        self.measuring = True
        self.ui.stabilityBar.setValue(0)
        self.ui.stabilityText.setText(self.tr("Waiting for readings…"))
        self.ui.stateLabel.setText("")
        self.ui.stateLabel.setStyleSheet("")
        self.show_point_label()
        self.update_buttons()
        self.refresh_tree_texts()

    def on_reading(self, reading) -> None:  # noqa: ANN001 - drivers.reading.Reading
        """A reading from the worker thread (delivered on the GUI thread)."""
        if reading.channel != CHANNEL:
            return
        self.readings_seen += 1
        refused = REFUSED_FLAGS.intersection(reading.flags)
        if reading.value_c is None:
            self.ui.liveValue.setText("--.- °C")
        else:
            shown = reading.value_c + self.visit.instrument.correction_c
            self.ui.liveValue.setText(f"{shown:.1f} °C")
        self.ui.liveValue.setStyleSheet("color: #8a5a00;" if refused else "")
        if refused and not self.measuring:
            names = "、".join(FLAG_ZH.get(f, f) for f in sorted(refused))
            self._state(i18n.pick(f"读数不可用：{names}", "reading refused: "
                                  + ", ".join(sorted(refused))), "warn")
        if not self.measuring or self.selected is None:
            return
        feedback = self.session.feed(reading.value_c, flags=reading.flags)
        if not feedback.accepted:
            self._state(i18n.pick(feedback.message_zh, feedback.message_en), "warn")
            return
        point = self.selected[1]
        sample = point.samples[-1]
        self.ui.chart.add(sample.t_offset_s, sample.value_c)
        self.show_status(feedback.status)
        if feedback.point_done:
            self.finish_point()

    def show_status(self, status) -> None:  # noqa: ANN001 - core StabilityStatus
        rule = self.session.rule
        self.ui.stabilityBar.setValue(int(status.progress * 1000))
        span = f"{status.span_c}" if status.span_c is not None else "–"
        if status.state == DONE:
            text = self.tr("Done: all readings taken.")
        elif status.state == CAPTURING:
            text = self.tr("Settled. Taking reading %1 of %2, one every %3 s.") \
                .replace("%1", str(len(status.captured) + 1)).replace("%2", str(rule.readings)) \
                .replace("%3", f"{rule.spacing_s:g}")
        else:
            text = self.tr("Settling: %1 of %2 within ±%3 °C (change now %4 °C).") \
                .replace("%1", mmss(status.window_covered_s)).replace("%2", mmss(rule.window_s)) \
                .replace("%3", str(rule.tolerance_c)).replace("%4", span)
        self.ui.stabilityText.setText(text)
        if status.restarted:
            self._state(self.tr("The temperature moved: the readings so far were dropped and "
                                "the wait starts again."), "warn")
        elif status.state in (CAPTURING, DONE):
            self._state(self.tr("Stable"), "ok")
        else:
            self._state(self.tr("Not stable yet"), "info")
        if status.state == CAPTURING:  # the core marks the official readings when all are in
            values = ", ".join(f"{v:.1f}" for _, v in status.captured)
            self.ui.capturedLabel.setText(
                self.tr("Readings taken: %1 of %2 %3").replace("%1", str(len(status.captured)))
                .replace("%2", str(rule.readings)).replace("%3", f"({values})" if values else ""))
            self.ui.chart.set_captured([(t, float(v)) for t, v in status.captured])
        elif self.selected is not None:
            self.show_captured(self.selected[1])

    def finish_point(self) -> None:
        """The point has its readings: save the clock, go to the next open point."""
        self.measuring = False
        self.wizard.save_elapsed()
        room, point = self.selected
        values = [s.value_c for s in point.captured]
        mean = sum(values) / len(values)
        done = self.tr("%1 point %2 done: %3 °C. ").replace("%1", room.name) \
            .replace("%2", str(point.index)).replace("%3", f"{mean:.1f}")
        nxt = self.session.next_open_point()
        self.refresh_tree_texts()
        if nxt is None:
            self.ui.pointLabel.setText(done + self.tr("All points are measured: press Next for "
                                                      "the result."))
            self.update_buttons()
            self.wizard.ui.nextButton.setFocus()
            return
        self.select(*nxt)
        self.show_point_label(prefix=done)
        self.ui.startButton.setFocus()

    def _state(self, text: str, kind: str) -> None:
        self.ui.stateLabel.setText(text)
        self.ui.stateLabel.setStyleSheet(message_style(kind) if text else "")

    # -- connection ------------------------------------------------------------------------
    def on_status(self, state: str, text: str) -> None:
        """Connection changes from the monitor: shown in the panel (and the status bar)."""
        self.connection = (state, text)
        if state == CONNECTED:
            kind = "ok"
            label = self.tr("Thermometer connected")
        elif state in (NO_SIGNAL, WRONG_PROTOCOL):
            kind = "warn"
            label = text
        else:
            kind = "bad"
            label = self.tr("Thermometer disconnected — reconnecting automatically…")
            self.ui.liveValue.setText("--.- °C")
            self.ui.liveValue.setStyleSheet("color: #999;")
        self.ui.connectionLabel.setText(label)
        self.ui.connectionLabel.setStyleSheet(message_style(kind))
        self.ui.connectionLabel.setToolTip(text)

    # -- manual fallback -------------------------------------------------------------------
    def open_manual_entry(self) -> None:
        if self.selected is None:
            return
        room, point = self.selected
        where = self.tr("%1, point %2").replace("%1", room.name).replace("%2", str(point.index))
        self.manual_dialog = ManualEntryDialog(self, self.wizard.profile.readings_per_point,
                                               where, self._apply_manual)
        self.manual_dialog.open()

    def _apply_manual(self, values: list[float], reason: str) -> None:
        room, point = self.selected
        if self.session.point is not point:
            self.session.begin_point(room, point)
        self.session.enter_manually(values, reason)
        self.measuring = True  # so finish_point's bookkeeping runs the same way
        self.finish_point()

    def leave(self, forward: bool) -> None:
        self.measuring = False
        self.wizard.save_elapsed()

    def retranslate(self) -> None:
        self.ui.chart.set_x_label(self.tr("minutes since the visit started"))
        if self.connection[0]:
            self.on_status(*self.connection)
        else:
            self.ui.connectionLabel.setText(self.tr("Waiting for the thermometer…"))
        self.refresh_tree_texts()
        self.show_point_label()
