"""After a restart the saved port name is gone (the adapter came back under another name): the
app finds the thermometer on the port where it answers now, offers it, and the point carries on."""

from __future__ import annotations

from conftest import make_ctx
from ui_helpers import click, dispose, prepared_visit

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.visit.wizard import MEASURE


def test_resumed_visit_offers_the_thermometer_on_its_new_port(window, ctx, qtbot, tmp_path,
                                                              emulator):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.connection_state == "connected", timeout=5000)
    click(qtbot, wizard.measure.ui.startButton)
    point = wizard.visit.rooms[0].points[0]
    qtbot.waitUntil(lambda: len(point.samples) >= 3, timeout=5000)
    wizard.reader.stop_event.set()       # the laptop restarts mid-point
    wizard.reader.wait(3000)
    window.sync.stop()
    window.hide()
    ctx.db.conn.close()
    dispose(window)

    gone = str(tmp_path / "ttyUSB0")     # the name the adapter had before the restart
    ctx2 = make_ctx(tmp_path / "data", emulator)
    try:
        stored = ctx2.store.load(visit.id)
        samples_before = len(stored.rooms[0].points[0].samples)
        stored.instrument.port = gone
        ctx2.store.update_details(stored)
        win2 = MainWindow(ctx2)
        win2.show()
        click(qtbot, win2.records.ui.resumeButton)
        wiz2 = win2.wizard
        assert wiz2.current == MEASURE
        finder = wiz2.port_finder
        qtbot.waitUntil(lambda: finder.isVisible(), timeout=10000)
        assert emulator.path in finder.label.text() and gone in finder.label.text()
        assert wiz2.connection_state in ("disconnected", "reconnecting")
        click(qtbot, finder.button)
        qtbot.waitUntil(lambda: wiz2.connection_state == "connected", timeout=5000)
        assert not finder.isVisible()
        assert ctx2.store.load(visit.id).instrument.port == emulator.path   # remembered
        room, resumed = wiz2.measure.selected
        assert len(resumed.samples) == samples_before                        # nothing lost
        click(qtbot, wiz2.measure.ui.startButton)
        qtbot.waitUntil(lambda: len(resumed.captured) == 3, timeout=15000)
        assert wiz2.session.next_open_point() is None
        win2.close()
        dispose(win2)
    finally:
        ctx2.emulator = None
        ctx2.close()
