"""The wheel scrolls the page; it changes a field only when that field has focus (issue #12, 3)."""

from __future__ import annotations

from inspector_app.ui.qt import QApplication, QPoint, QPointF, Qt, QWheelEvent
from inspector_app.ui.visit.wizard import DETAILS, INSTRUMENT


def wheel(widget, notches: int = -3) -> None:
    """Turn the wheel over the middle of `widget` (negative: towards the user, values go down)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_scrolling_over_fields_changes_none_of_them(window, qtbot):
    window.records.ui.newVisitButton.click()
    wizard = window.wizard
    inst = wizard.pages[INSTRUMENT].ui
    expiry = inst.expiryEdit.date()
    protocol = inst.protocolCombo.currentIndex()
    inst.modelEdit.setFocus()
    for field in (inst.expiryEdit, inst.protocolCombo, inst.correctionSpin):
        wheel(field)
    assert inst.expiryEdit.date() == expiry and inst.protocolCombo.currentIndex() == protocol
    assert inst.correctionSpin.value() == 0.0

    inst.trainingCheck.setChecked(True)  # a practice visit goes on with the details empty
    wizard.ui.nextButton.click()
    assert wizard.current == DETAILS, wizard.ui.messageLabel.text()
    d = wizard.pages[DETAILS].ui
    d.outdoorSpin.setValue(-18.5)
    d.areaSpin.setValue(86.5)
    contact = d.contactEdit.dateTime()
    d.ticketEdit.setFocus()
    scroll = wizard.scrolls[DETAILS].verticalScrollBar()
    before = scroll.value()
    for field in (d.outdoorSpin, d.areaSpin, d.contactEdit, d.channelCombo):
        wheel(field)
    assert (d.outdoorSpin.value(), d.areaSpin.value()) == (-18.5, 86.5)
    assert d.contactEdit.dateTime() == contact and d.channelCombo.currentIndex() == 0
    assert scroll.maximum() == 0 or scroll.value() != before  # the page scrolled instead
    assert not d.outdoorSpin.hasFocus()  # the wheel gives no focus either

    d.outdoorSpin.setFocus()  # a focused field takes the wheel as before
    qtbot.waitUntil(d.outdoorSpin.hasFocus)
    wheel(d.outdoorSpin, notches=1)
    assert d.outdoorSpin.value() > -18.5
