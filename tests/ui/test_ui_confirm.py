"""Irreversible actions ask first, in the UI language only (issue #12, item 6)."""

from __future__ import annotations

from ui_helpers import click, prepared_visit

from inspector_app.ui.qt import QCoreApplication, QPushButton


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


def test_the_question_speaks_english_only_in_english(window, ctx, qtbot):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    page = window.wizard.measure
    qtbot.waitUntil(lambda: window.wizard.connection_state == "connected", timeout=5000)
    click(qtbot, page.ui.startButton)
    window.set_language("en")
    QCoreApplication.processEvents()
    try:
        window.close()
        box = window.quit_box
        assert {b.text() for b in box.buttons()} == {"&Quit", "&Keep measuring"}
        assert "being measured" in box.text() and box.text().isascii()
        click(qtbot, box.findChild(QPushButton, "confirmNo"))
    finally:
        window.set_language("zh")
        QCoreApplication.processEvents()
    window.close()  # and quit for real, so the reader thread stops with the visit
    click(qtbot, window.quit_box.findChild(QPushButton, "confirmYes"))
    assert not window.isVisible()
