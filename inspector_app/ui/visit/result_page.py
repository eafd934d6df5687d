"""Step 6: the rooms, each room's verdict, the home's result and the refund estimate.

Every number comes from `core.verdict.visit_result`; the page only lays it out.
"""

from __future__ import annotations

from inspector_app.core.completeness import measure_missing
from inspector_app.core.refund_terms import refund_terms
from inspector_app.core.verdict import FAIL, INCOMPLETE, PASS
from inspector_app.store.visits import COMPLETE
from inspector_app.ui import i18n
from inspector_app.ui.generated.page_result import Ui_ResultPage
from inspector_app.ui.qt import QColor, QHeaderView, QTableWidgetItem
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.visit.base import StepPage


class ResultPage(StepPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_ResultPage()
        self.ui.setupUi(self)
        self.ui.roomsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.roomsTable.verticalHeader().setVisible(False)
        self.result = None

    def title(self) -> str:
        return self.tr("Result")

    def verdict_text(self, verdict: str) -> str:
        return {PASS: self.tr("Pass"), FAIL: self.tr("Fail"),
                INCOMPLETE: self.tr("Incomplete")}.get(verdict, verdict)

    def kind_label(self, kind: str) -> str:
        return {"bedroom": self.tr("Bedroom"), "living_room": self.tr("Living room"),
                "other": self.tr("Other room")}.get(kind, kind)

    def set_read_only(self, read_only: bool) -> None:
        pass  # nothing here is editable; the table stays scrollable

    def enter(self) -> None:
        self.result = result = self.session.result()
        table = self.ui.roomsTable
        table.setRowCount(len(result.rooms))
        colours = {PASS: OK, FAIL: BAD, INCOMPLETE: WARN}
        for row, room in enumerate(result.rooms):
            points = ", ".join(f"{p.mean:.2f}" if p.mean is not None else "–" for p in room.points)
            mean = f"{room.mean} °C" if room.mean is not None else "–"
            refund = (self.tr("%1 yuan").replace("%1", str(room.refund_per_day))
                      if room.verdict == FAIL else "–")
            cells = (f"{room.name}", f"{room.area_m2:g} m²", points, mean,
                     self.verdict_text(room.verdict), refund)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setForeground(QColor(colours.get(room.verdict, "#000")))
                table.setItem(row, col, item)
        minimum = self.wizard.profile.min_temp_c
        overall = self.verdict_text(result.verdict)
        self.ui.overallLabel.setText(self.tr("Result: %1 (standard: at least %2 °C in every room)")
                                     .replace("%1", overall).replace("%2", str(minimum)))
        self.ui.overallLabel.setStyleSheet(f"color: {colours.get(result.verdict, '#000')};")
        if result.lowest is not None:
            self.ui.lowestLabel.setText(self.tr("Lowest room: %1, %2 °C")
                                        .replace("%1", result.lowest.name)
                                        .replace("%2", str(result.lowest.mean)))
        else:
            self.ui.lowestLabel.setText("")
        lines = [self.tr("Refund estimate: %1 yuan per failing day. Failing days run from the "
                         "request until a re-test passes.")
                 .replace("%1", str(result.refund_per_day))]
        lines += [self.tr("%1: %2").replace("%1", term.room).replace("%2", term.text(i18n.current()))
                  for term in refund_terms(result.to_dict())]
        self.ui.refundLabel.setText("\n".join(lines))
        notes = []
        for note in result.notes:
            kind, _, what = note.partition(":")
            if kind == "missing_room":
                notes.append(self.tr("Not measured: a room of kind %1 that the profile tests.")
                             .replace("%1", self.kind_label(what)))
            elif kind == "no_band":
                notes.append(self.tr("A failing room has no refund band in the profile."))
        if self.visit.training:
            notes.append(self.tr("Training visit: not evidence for a refund ruling."))
        self.ui.notesLabel.setText("\n".join(notes))

    def leave(self, forward: bool) -> None:
        """A measured visit is complete; an unmeasured one may still go on to signing, where a
        resident's refusal before a witness can be recorded (the seal's rule decides)."""
        if not forward or self.wizard.read_only:
            return
        self.wizard.save_elapsed()
        if not measure_missing(self.visit, self.wizard.profile) and self.visit.rooms:
            self.wizard.set_state(COMPLETE)

    def retranslate(self) -> None:
        if self.result is not None:
            self.enter()
