"""Rooms: areas are refused, not truncated; rooms are corrected and deleted (issue #12, 4)."""

from __future__ import annotations

from ui_helpers import click, prepared_visit

from inspector_app.ui.qt import QPushButton
from inspector_app.ui.visit.wizard import ROOMS


def open_rooms(window, ctx, rooms):
    visit = prepared_visit(ctx, rooms=rooms)
    window.open_visit(visit.id)
    wizard = window.wizard
    wizard.ui.stepList.itemClicked.emit(wizard.ui.stepList.item(ROOMS))
    assert wizard.current == ROOMS
    return visit, wizard, wizard.pages[ROOMS]


def row_of(page, name):
    table = page.ui.roomsTable
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def click_row(qtbot, page, name):
    table = page.ui.roomsTable
    table.selectRow(row_of(page, name))
    table.itemClicked.emit(table.item(row_of(page, name), 0))


def test_a_typed_area_over_500_is_refused_with_a_message_not_truncated(window, ctx, qtbot):
    _visit, wizard, page = open_rooms(window, ctx, (("bedroom", "卧室1", 12.0),))
    area = page.ui.areaSpin
    area.setFocus()
    area.lineEdit().selectAll()
    qtbot.keyClicks(area.lineEdit(), "10000")
    assert area.value() == 10000.0  # what was typed, not 100
    click(qtbot, page.ui.addRoomButton)
    assert len(wizard.visit.rooms) == 1
    assert page.ui.roomError.isVisible() and "500" in page.ui.roomError.text()
    assert not wizard.ui.messageLabel.isVisible()  # at the field, not a banner above the form


def test_rooms_are_corrected_and_deleted(window, ctx, qtbot):
    visit, wizard, page = open_rooms(window, ctx, (("bedroom", "卧室1", 12.0),
                                                   ("bedroom", "储藏间", 6.0),
                                                   ("living_room", "客厅", 14.0)))
    click_row(qtbot, page, "卧室1")
    assert page.ui.nameEdit.text() == "卧室1" and page.ui.areaSpin.value() == 12.0
    page.ui.nameEdit.setText("主卧")
    page.ui.areaSpin.setValue(20.0)
    click(qtbot, page.ui.saveRoomButton)
    stored = ctx.store.load(visit.id)
    assert [(r.name, r.area_m2, len(r.points)) for r in stored.rooms][0] == ("主卧", 20.0, 5)

    click_row(qtbot, page, "储藏间")  # no readings: deleted at once
    click(qtbot, page.ui.deleteRoomButton)
    assert [r.name for r in ctx.store.load(visit.id).rooms] == ["主卧", "客厅"]

    living = wizard.visit.rooms[1]  # readings, then a deletion that asks first
    wizard.session.begin_point(living, living.points[0])
    wizard.session.enter_manually([17.0, 17.1, 17.0], "温度计数据线损坏")
    click_row(qtbot, page, "客厅")
    assert not page.ui.saveRoomButton.isEnabled()  # measured: no longer editable
    click(qtbot, page.ui.deleteRoomButton)
    box = page.confirm_box
    assert "已有读数" in box.text()
    click(qtbot, box.findChild(QPushButton, "confirmNo"))
    assert [r.name for r in ctx.store.load(visit.id).rooms] == ["主卧", "客厅"]
    click(qtbot, page.ui.deleteRoomButton)
    click(qtbot, page.confirm_box.findChild(QPushButton, "confirmYes"))
    stored = ctx.store.load(visit.id)
    assert [r.name for r in stored.rooms] == ["主卧"]
    assert [s.value_c for s in stored.removed_rooms[0].points[0].samples] == [17.0, 17.1, 17.0]
