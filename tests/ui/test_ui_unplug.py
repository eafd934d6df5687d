"""The thermometer's cable pulled mid-point: shown at once, reconnected automatically."""

from __future__ import annotations

from ui_helpers import click, prepared_visit, shot, type_into

from inspector_app.ui.qt import QDialogButtonBox
from inspector_app.ui.visit.wizard import MEASURE


def test_unplug_mid_point_shows_and_recovers(window, ctx, qtbot):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    wizard = window.wizard
    assert wizard.current == MEASURE
    page = wizard.measure
    qtbot.waitUntil(lambda: wizard.connection_state == "connected", timeout=5000)
    click(qtbot, page.ui.startButton)
    point = window.wizard.visit.rooms[0].points[0]
    qtbot.waitUntil(lambda: len(point.samples) >= 2, timeout=5000)

    ctx.emulator.unplug()
    qtbot.waitUntil(lambda: wizard.connection_state in ("disconnected", "reconnecting"),
                    timeout=5000)
    assert "断开" in page.ui.connectionLabel.text()
    assert page.ui.liveValue.text().startswith("--.-")
    assert "温度计" in window.connection_label.text()
    shot(window, "unplugged")
    before = len(point.samples)
    qtbot.wait(300)
    assert len(point.samples) == before  # nothing invented while unplugged
    assert window.isEnabled()  # the GUI thread never waited on the port

    ctx.emulator.replug()
    qtbot.waitUntil(lambda: wizard.connection_state == "connected", timeout=8000)
    assert "已连接" in page.ui.connectionLabel.text()
    qtbot.waitUntil(lambda: len(point.captured) == 3, timeout=15000)
    assert all(not s.manual for s in point.captured)


def test_manual_entry_is_a_flagged_fallback(window, ctx, qtbot):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    page = window.wizard.measure
    ctx.emulator.unplug()
    click(qtbot, page.ui.manualButton)
    dialog = page.manual_dialog
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert [e.text() for e in dialog.edits] == ["", "", ""]  # nothing pre-filled (18.0 passed)
    click(qtbot, ok)  # empty readings: refused at the field, the dialog stays open
    assert dialog.isVisible() and "第 1 个读数" in dialog.ui.errorLabel.text()
    for edit, value in zip(dialog.edits, ("17.8", "17.9", "17.8"), strict=True):
        type_into(qtbot, edit, value)
    click(qtbot, ok)  # no reason: the core refuses, the dialog stays open and says why
    assert dialog.isVisible()
    assert "原因" in dialog.ui.errorLabel.text()
    assert window.wizard.visit.rooms[0].points[0].captured == []
    dialog.ui.reasonEdit.setText("温度计数据线损坏")
    click(qtbot, ok)
    assert not dialog.isVisible()
    point = window.wizard.visit.rooms[0].points[0]
    assert [s.value_c for s in point.captured] == [17.8, 17.9, 17.8]
    assert all(s.manual and s.reason == "温度计数据线损坏" for s in point.captured)
    assert "手工录入" in page.ui.pointsTree.topLevelItem(0).child(0).text(0)
    stored = ctx.store.load(visit.id).rooms[0].points[0].captured
    assert all(s.manual for s in stored)
    ctx.emulator.replug()


def test_manual_entry_cancel_closes_and_keeps_nothing(window, ctx, qtbot):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    page = window.wizard.measure
    click(qtbot, page.ui.manualButton)
    dialog = page.manual_dialog
    for edit in dialog.edits:
        type_into(qtbot, edit, "18.0")
    dialog.ui.reasonEdit.setText("试一下")
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))
    assert not dialog.isVisible()
    assert ctx.store.load(visit.id).rooms[0].points[0].samples == [] or all(
        not s.manual for s in ctx.store.load(visit.id).rooms[0].points[0].samples)
