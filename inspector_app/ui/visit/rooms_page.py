"""Step 4: the rooms measured, their areas, and how many points each needs and where.

The number of points comes from the profile (`points_for_area`); each room is stored the moment
it is added (`VisitSession.add_room`), so a crash never loses the plan. Clicking a room puts it in
the form to correct it before measuring (`update_room`) or delete it; a room with readings asks
first and stays on the record with them (`delete_room`). Refusals show under the form's fields.
"""

from __future__ import annotations

from datetime import datetime

from inspector_app.core.errors import InspectionError, ValidationError
from inspector_app.core.model import Room
from inspector_app.core.profile import points_for_area
from inspector_app.ui import i18n
from inspector_app.ui.dialogs import confirm
from inspector_app.ui.generated.page_rooms import Ui_RoomsPage
from inspector_app.ui.qt import QHeaderView, QTableWidgetItem
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage

KINDS = ("bedroom", "living_room", "other")


class RoomsPage(StepPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_RoomsPage()
        self.ui.setupUi(self)
        self.ui.addRoomButton.clicked.connect(self.add_room)
        self.ui.saveRoomButton.clicked.connect(self.save_room)
        self.ui.deleteRoomButton.clicked.connect(self.delete_room)
        self.ui.roomsTable.itemClicked.connect(lambda _item: self.edit_selected())
        self.ui.roomsTable.itemActivated.connect(lambda _item: self.edit_selected())
        self.confirm_box = None
        self.show_error("")
        self.ui.areaSpin.valueChanged.connect(self.preview_pending)
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.ui.roomsTable.itemSelectionChanged.connect(self.show_selected)
        self.ui.roomsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.roomsTable.verticalHeader().setVisible(False)
        self.ui.nameEdit.returnPressed.connect(self.ui.areaSpin.setFocus)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Rooms")

    def kind_label(self, kind: str) -> str:
        return {"bedroom": self.tr("Bedroom"), "living_room": self.tr("Living room"),
                "other": self.tr("Other room")}.get(kind, kind)

    def suggested_name(self, kind: str) -> str:
        n = sum(1 for r in self.visit.rooms if r.kind == kind) + 1
        if kind == "bedroom":
            return self.tr("Bedroom %1").replace("%1", str(n))
        if kind == "living_room":
            return self.tr("Living room") if n == 1 else self.tr("Living room %1").replace("%1", str(n))
        return self.tr("Room %1").replace("%1", str(len(self.visit.rooms) + 1))

    def _kind_changed(self) -> None:
        self.ui.nameEdit.setText(self.suggested_name(self.ui.kindCombo.currentData()))
        self.preview_pending()

    def enter(self) -> None:
        self.refresh_table()
        if not self.ui.nameEdit.text():
            self._kind_changed()
        if self.visit.rooms:
            self.ui.roomsTable.selectRow(len(self.visit.rooms) - 1)
        else:
            self.preview_pending()
        self.ui.kindCombo.setFocus()

    def refresh_table(self) -> None:
        table = self.ui.roomsTable
        table.clearSelection()
        table.setRowCount(len(self.visit.rooms))
        for row, room in enumerate(self.visit.rooms):
            for col, text in enumerate((room.name, self.kind_label(room.kind),
                                        f"{room.area_m2:g} m²", str(len(room.points)))):
                table.setItem(row, col, QTableWidgetItem(text))

    def show_error(self, text: str) -> None:
        """A refusal under the fields it is about (no banner pushing the form down)."""
        self.ui.roomError.setText(text)
        self.ui.roomError.setStyleSheet(message_style("bad") if text else "")
        self.ui.roomError.setVisible(bool(text))

    def selected_room(self) -> Room | None:
        rows = self.ui.roomsTable.selectionModel().selectedRows()
        return self.visit.rooms[rows[0].row()] if rows else None

    def update_room_buttons(self) -> None:
        room = self.selected_room()
        editable = not self.wizard.read_only
        self.ui.saveRoomButton.setEnabled(editable and room is not None
                                          and not room.has_readings())
        self.ui.deleteRoomButton.setEnabled(editable and room is not None)

    def edit_selected(self) -> None:
        """Put the clicked room in the form, to correct it or delete it."""
        room = self.selected_room()
        if room is None:
            return
        self.ui.kindCombo.blockSignals(True)
        self.ui.kindCombo.setCurrentIndex(max(0, KINDS.index(room.kind)))
        self.ui.kindCombo.blockSignals(False)
        self.ui.nameEdit.setText(room.name)
        self.ui.areaSpin.setValue(room.area_m2)
        self.update_room_buttons()

    def form(self) -> tuple[str, str, float]:
        return (self.ui.kindCombo.currentData(), self.ui.nameEdit.text().strip(),
                round(self.ui.areaSpin.value(), 1))

    def save_room(self) -> None:
        room = self.selected_room()
        if room is None:
            return
        try:
            self.session.update_room(room, *self.form())
        except InspectionError as exc:
            self.show_error(i18n.error_text(exc))
            return
        self.show_error("")
        self.refresh_table()
        self.ui.roomsTable.selectRow(self.visit.rooms.index(room))
        self.wizard.rooms_changed()

    def delete_room(self) -> None:
        room = self.selected_room()
        if room is None:
            return
        if not room.has_readings():
            self._delete(room)
            return
        self.confirm_box = confirm(
            self, self.tr("Delete a measured room?"),
            self.tr("“%1” already has readings. Deleted, it is no longer judged, but its "
                    "readings stay on the record and the sealed record shows them as deleted.")
            .replace("%1", room.name),
            self.tr("&Delete room"), self.tr("&Keep it"), lambda: self._delete(room))

    def _delete(self, room: Room) -> None:
        try:
            self.session.delete_room(room, datetime.now().astimezone().isoformat(
                timespec="seconds"))
        except InspectionError as exc:
            self.show_error(i18n.error_text(exc))
            return
        self.show_error("")
        self.refresh_table()
        self.wizard.rooms_changed()

    def add_room(self) -> None:
        kind = self.ui.kindCombo.currentData()
        name = self.ui.nameEdit.text().strip()
        area = round(self.ui.areaSpin.value(), 1)
        try:
            self.session.add_room(kind, name, area)
        except ValidationError as exc:
            self.show_error(i18n.error_text(exc))
            if exc.field == "room.area_m2":
                self.ui.areaSpin.setFocus()
            return
        self.show_error("")
        self.wizard.rooms_changed()
        self.refresh_table()
        self.ui.roomsTable.selectRow(len(self.visit.rooms) - 1)
        next_kind = "living_room" if not any(r.kind == "living_room" for r in self.visit.rooms) \
            else "bedroom"
        self.ui.kindCombo.setCurrentIndex(KINDS.index(next_kind))
        self.ui.nameEdit.setText(self.suggested_name(next_kind))
        self.ui.areaSpin.setValue(0.0)
        self.ui.kindCombo.setFocus()

    def preview_pending(self) -> None:
        area = self.ui.areaSpin.value()
        if area > 0:
            self.show_plan(points_for_area(self.wizard.profile, area), None)

    def show_selected(self) -> None:
        room = self.selected_room()
        if room is not None:
            self.show_plan(len(room.points), room)
        self.update_room_buttons()

    def show_plan(self, points: int, room: Room | None) -> None:
        p = self.wizard.profile
        view = self.ui.placementView
        view.labels = {"outer": self.tr("outer wall"), "inner": self.tr("inner walls"),
                       "height": self.tr("probe height"), "window": self.tr("window")}
        view.show_room(points, p.outer_wall_min_m, p.inner_wall_min_m, p.height_m)
        where = room.name if room else self.tr("This room")
        if points == 1:
            text = self.tr("%1: 1 point in the middle of the zone.").replace("%1", where)
        else:
            text = self.tr("%1: %2 points spread evenly over the zone.").replace("%1", where) \
                .replace("%2", str(points))
        text += " " + self.tr("At least %1 m from the inner face of the outer wall, at least %2 m "
                              "from inner walls, probe at %3 m on a stand (not hand-held), people "
                              "at least %4 m away.") \
            .replace("%1", f"{p.outer_wall_min_m:g}").replace("%2", f"{p.inner_wall_min_m:g}") \
            .replace("%3", f"{p.height_m:g}").replace("%4", f"{p.people_min_distance_m:g}")
        self.ui.placementText.setText(text)

    def leave(self, forward: bool) -> None:
        if not forward:
            return
        if not self.visit.rooms:
            raise ValidationError("请至少添加一个房间", "add at least one room", field="rooms")

    def retranslate(self) -> None:
        current = self.ui.kindCombo.currentIndex()
        self.ui.kindCombo.blockSignals(True)
        self.ui.kindCombo.clear()
        for kind in KINDS:
            self.ui.kindCombo.addItem(self.kind_label(kind), kind)
        self.ui.kindCombo.setCurrentIndex(max(0, current))
        self.ui.kindCombo.blockSignals(False)
        self.refresh_table()
