"""Irreversible actions ask first, in the UI language only (issue #12, item 6)."""

from __future__ import annotations

from ui_helpers import click, prepared_visit

from inspector_app.ui.qt import QPushButton


def test_quitting_while_measuring_asks_and_keep_measuring_stays(window, ctx, qtbot):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    page = window.wizard.measure
    qtbot.waitUntil(lambda: window.wizard.connection_state == "connected", timeout=5000)
    click(qtbot, page.ui.startButton)
    assert page.measuring
    window.close()
    box = window.quit_box
    assert window.isVisible() and box is not None and box.isVisible()
    assert "正在测量" in box.text()
    assert {b.text() for b in box.buttons()} == {"退出(&Q)", "继续测量(&K)"}
    click(qtbot, box.findChild(QPushButton, "confirmNo"))
    assert window.isVisible() and page.measuring
    window.close()
    click(qtbot, window.quit_box.findChild(QPushButton, "confirmYes"))
    assert not window.isVisible()


def test_quitting_when_not_measuring_does_not_ask(window, ctx):
    window.close()
    assert not window.isVisible() and window.quit_box is None
