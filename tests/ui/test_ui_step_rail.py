"""The step rail tells what is complete, not what was visited; refusals appear at their field
without moving the form (issue #12, item 10)."""

from __future__ import annotations

from datetime import datetime, timedelta

from ui_helpers import click, prepared_visit, set_time, shot, type_into

from inspector_app.ui.qt import QDate
from inspector_app.ui.visit.wizard import DETAILS, INSTRUMENT, MEASURE, ROOMS


def rail(wizard, step: int) -> str:
    return wizard.ui.stepList.item(step).text()


def test_a_visited_step_is_ticked_only_when_complete(window, ctx):
    visit = prepared_visit(ctx)  # one bedroom, nothing measured, no living room
    window.open_visit(visit.id)
    wizard = window.wizard
    assert wizard.current == MEASURE
    wizard.ui.stepList.itemClicked.emit(wizard.ui.stepList.item(INSTRUMENT))
    assert wizard.current == INSTRUMENT
    assert "✓" not in rail(wizard, MEASURE) and "缺 1 项" in rail(wizard, MEASURE)
    assert "✓" not in rail(wizard, ROOMS) and "缺 1 项" in rail(wizard, ROOMS)  # living room
    assert rail(wizard, INSTRUMENT).startswith("1. ✓")
    window.records.ui.newVisitButton.click()
    fresh = window.wizard
    assert "✓" not in rail(fresh, MEASURE)  # no room yet: nothing is measured
    shot(window, "step-rail")


def test_required_fields_are_marked(window):
    window.records.ui.newVisitButton.click()
    details = window.wizard.pages[DETAILS].ui
    assert details.ticketLabel.text().endswith(" *") and details.phoneLabel.text().endswith(" *")
    assert not details.orgLabel.text().endswith("*") and not details.unitLabel.text().endswith("*")


def test_a_refusal_shows_at_its_field_and_moves_nothing(window, ctx, qtbot):
    click(qtbot, window.records.ui.newVisitButton)
    wizard = window.wizard
    inst = wizard.pages[INSTRUMENT].ui
    inst.portCombo.setCurrentIndex(inst.portCombo.findData(ctx.emulator.path))
    for edit, text in ((inst.modelEdit, "Center 309"), (inst.serialEdit, "309-0042"),
                       (inst.certificateEdit, "JL-2026-0042")):
        type_into(qtbot, edit, text)
    inst.expiryEdit.setDate(QDate.currentDate().addYears(1))
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == DETAILS, wizard.ui.messageLabel.text()
    page = wizard.pages[DETAILS]
    d = page.ui
    for edit, text in ((d.ticketEdit, "12345-2026-0001"), (d.streetEdit, "人民大街"),
                       (d.buildingEdit, "3"), (d.flatEdit, "501"), (d.residentEdit, "王芳"),
                       (d.phoneEdit, "123"), (d.companyEdit, "长春热力"),
                       (d.inspectorEdit, "李检")):
        type_into(qtbot, edit, text)
    d.areaSpin.setValue(86.5)
    now = datetime.now()
    set_time(d.complaintEdit, now - timedelta(minutes=90))
    set_time(d.contactEdit, now - timedelta(minutes=80))
    set_time(d.arrivalEdit, now - timedelta(minutes=40))
    where = d.streetEdit.mapTo(window, d.streetEdit.rect().topLeft())
    qtbot.waitUntil(lambda: "缺 1 项" in rail(wizard, DETAILS))  # counts what is typed: the phone
    d.phoneEdit.setText("13812345678")
    qtbot.waitUntil(lambda: rail(wizard, DETAILS).startswith("2. ✓"))
    d.phoneEdit.setText("123")
    assert ctx.store.load(wizard.visit.id).ticket == ""  # counting wrote nothing

    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == DETAILS
    message = page.field_message
    assert message.isVisible() and "电话号码" in message.text()
    assert d.phoneEdit.hasFocus() and d.phoneEdit.property("invalid") is True
    assert message.y() >= d.phoneEdit.mapTo(page, d.phoneEdit.rect().bottomLeft()).y()
    assert not wizard.ui.messageLabel.isVisible()  # no banner
    shot(window, "field-message")
    assert d.streetEdit.mapTo(window, d.streetEdit.rect().topLeft()) == where  # nothing moved

    qtbot.keyClicks(d.phoneEdit, "4")  # typing goes into the field it names and clears it
    assert not message.isVisible() and d.phoneEdit.text() == "1234"
    type_into(qtbot, d.phoneEdit, "13812345678")
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == DETAILS + 1, message.text()
