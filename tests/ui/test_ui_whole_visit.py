"""A whole formal visit through the widgets, against the emulated thermometer on a pty."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ui_helpers import click, draw_signature, set_time, shot, type_into

from inspector_app.seal.verify import verify_envelope
from inspector_app.store.sealed import SealedStore
from inspector_app.store.visits import SEALED
from inspector_app.ui.qt import QDate, QPushButton
from inspector_app.ui.visit.wizard import (
    DETAILS,
    INSTRUMENT,
    MEASURE,
    PRECONDITIONS,
    RESULT,
    ROOMS,
    SIGNING,
)


def measure_all(qtbot, wizard) -> None:
    """Press Start at each open point and wait until the core has its readings."""
    page = wizard.measure
    while wizard.session.next_open_point() is not None:
        room, point = page.selected
        assert (room, point) == wizard.session.next_open_point()
        click(qtbot, page.ui.startButton)
        qtbot.waitUntil(lambda p=point: len(p.captured) == 3, timeout=15000)
    assert "°C" in page.ui.liveValue.text()


def test_whole_visit_through_the_widgets(window, ctx, qtbot, tmp_path):
    click(qtbot, window.records.ui.newVisitButton)
    wizard = window.wizard
    assert wizard.current == INSTRUMENT

    # 1. instrument: the emulator's port, its protocol, a valid certificate -> formal test
    page = wizard.pages[INSTRUMENT].ui
    assert page.portCombo.findData(ctx.emulator.path) >= 0
    page.portCombo.setCurrentIndex(page.portCombo.findData(ctx.emulator.path))
    page.protocolCombo.setCurrentIndex(page.protocolCombo.findData("center309"))
    type_into(qtbot, page.modelEdit, "Center 309")
    type_into(qtbot, page.serialEdit, "309-0042")
    type_into(qtbot, page.certificateEdit, "JL-2026-0042")
    page.expiryEdit.setDate(QDate.currentDate().addYears(1))
    assert page.trainingCheck.isEnabled() and not page.trainingCheck.isChecked()
    shot(window, '1-instrument')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == DETAILS, wizard.ui.messageLabel.text()

    # 2. details, typed as an inspector would
    d = wizard.pages[DETAILS].ui
    for edit, text in ((d.ticketEdit, "12345-2026-0001"), (d.cityEdit, "长春市"),
                       (d.streetEdit, "人民大街"), (d.buildingEdit, "3"), (d.flatEdit, "501"),
                       (d.residentEdit, "王芳"), (d.phoneEdit, "13812345678"),
                       (d.companyEdit, "长春热力"), (d.inspectorEdit, "李检")):
        type_into(qtbot, edit, text)
    d.areaSpin.setValue(86.5)
    d.topCheck.setChecked(True)
    now = datetime.now()
    set_time(d.complaintEdit, now - timedelta(minutes=90))
    set_time(d.contactEdit, now - timedelta(minutes=80))
    set_time(d.arrivalEdit, now - timedelta(minutes=40))
    assert "已满足" in d.responseLabel.text()
    shot(window, '2-details')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == PRECONDITIONS, wizard.ui.messageLabel.text()

    # 3. preconditions: refused while doors have been closed too briefly, then accepted
    pre = wizard.pages[PRECONDITIONS]
    for box in pre.checks.values():
        box.setChecked(True)
    click(qtbot, pre.ui.closedNowButton)
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == PRECONDITIONS
    assert "门窗关闭不足" in wizard.ui.messageLabel.text()
    set_time(pre.ui.closedSinceEdit, now - timedelta(minutes=40))
    assert "已足够" in pre.ui.closedStatus.text()
    shot(window, '3-preconditions')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == ROOMS, wizard.ui.messageLabel.text()

    # 4. rooms: a bedroom and the living room, one point each (≤ 16 m²)
    rooms = wizard.pages[ROOMS].ui
    rooms.kindCombo.setCurrentIndex(rooms.kindCombo.findData("bedroom"))
    rooms.areaSpin.setValue(12.0)
    click(qtbot, rooms.addRoomButton)
    assert rooms.kindCombo.currentData() == "living_room"
    rooms.areaSpin.setValue(14.0)
    click(qtbot, rooms.addRoomButton)
    assert rooms.roomsTable.rowCount() == 2
    assert "1 个测点" in rooms.placementText.text()
    shot(window, '4-rooms')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == MEASURE

    # 5. measure each point on the live thermometer
    qtbot.waitUntil(lambda: wizard.connection_state == "connected", timeout=5000)
    measure_all(qtbot, wizard)
    assert "所有测点已测完" in wizard.measure.ui.pointLabel.text()
    shot(window, '5-measure')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == RESULT

    # 6. result: bedroom 17.2 °C fails, living room 18.4 °C passes
    result = wizard.pages[RESULT]
    table = result.ui.roomsTable
    assert table.rowCount() == 2
    assert table.item(0, 4).text() == "不合格" and table.item(1, 4).text() == "合格"
    assert "不合格" in result.ui.overallLabel.text()
    assert result.result.refund_per_day > 0
    shot(window, '6-result')
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == SIGNING, wizard.ui.messageLabel.text()

    # 7. both sign with the mouse; a trivial mark is refused first
    sign = wizard.pages[SIGNING]
    assert not sign.ui.sealButton.isEnabled()
    assert "本人确认" in sign.ui.inspectorStatement.text()
    draw_signature(qtbot, sign.ui.inspectorPad, strokes=1, steps=2, pause_ms=1)
    assert "过于简单" in sign.ui.sealStatus.text()
    click(qtbot, sign.ui.inspectorClear)
    draw_signature(qtbot, sign.ui.inspectorPad)
    draw_signature(qtbot, sign.ui.residentPad)
    assert sign.ui.sealButton.isEnabled(), sign.ui.sealStatus.text()
    shot(window, '7-signing')
    click(qtbot, sign.ui.sealButton)
    box = sign.confirm_box  # irreversible: a summary and a question first
    assert "不合格" in box.text() and "主管部门存档联" in box.text() and "不能更改" in box.text()
    assert {b.text() for b in box.buttons()} == {"签封(&S)", "取消(&C)"}
    assert box.defaultButton().text() == "取消(&C)"
    click(qtbot, box.findChild(QPushButton, "confirmNo"))
    assert wizard.state != SEALED and SealedStore(ctx.db).envelope_for_visit(wizard.visit.id) is None
    click(qtbot, sign.ui.sealButton)
    click(qtbot, sign.confirm_box.findChild(QPushButton, "confirmYes"))
    qtbot.waitUntil(lambda: wizard.state == SEALED, timeout=10000)

    shot(window, '8-sealed')
    envelope = SealedStore(ctx.db).envelope_for_visit(wizard.visit.id)
    assert verify_envelope(envelope) == []
    assert envelope["record"]["training"] is False
    assert len(envelope["record"]["signatures"]["inspector"]["strokes"]) == 3
    assert ctx.store.rows()[0].state == SEALED
    assert wizard.read_only and not wizard.ui.nextButton.isVisible()
    assert not wizard.pages[DETAILS].isEnabled()

    # the slip: preview rendered in the background, saved as PDF
    click(qtbot, sign.ui.slipButton)
    dialog = window.slip_dialog
    qtbot.waitUntil(lambda: dialog.ui.printButton.isEnabled(), timeout=20000)
    assert len(dialog.pages) == 4
    out = tmp_path / "slip.pdf"
    dialog.write_pdf(out)
    assert out.read_bytes().startswith(b"%PDF")
    shot(dialog, '9-slip')
    dialog.close()
    assert date.today()  # the visit used today's wall clock throughout
