"""A crash mid-point, then a fresh start on the same data folder: offered, resumed, finished."""

from __future__ import annotations

from conftest import make_ctx
from ui_helpers import click, dispose, prepared_visit, shot

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.visit.wizard import MEASURE


def test_crash_and_resume(window, ctx, qtbot, tmp_path, emulator):
    visit = prepared_visit(ctx, rooms=(("bedroom", "卧室1", 12.0), ("living_room", "客厅", 14.0)))
    window.open_visit(visit.id)
    wizard = window.wizard
    page = wizard.measure
    qtbot.waitUntil(lambda: wizard.connection_state == "connected", timeout=5000)
    click(qtbot, page.ui.startButton)
    first = wizard.visit.rooms[0].points[0]
    qtbot.waitUntil(lambda: len(first.captured) == 3, timeout=15000)
    click(qtbot, page.ui.startButton)  # second room's point: a few readings, then the crash
    second = wizard.visit.rooms[1].points[0]
    qtbot.waitUntil(lambda: len(second.samples) >= 3, timeout=5000)

    # crash: the worker dies with the process, nothing is saved, the connection just goes away
    wizard.reader.stop_event.set()
    wizard.reader.wait(3000)
    window.sync.stop()
    window.hide()
    ctx.db.conn.close()
    dispose(window)
    stored_samples = None

    ctx2 = make_ctx(tmp_path / "data", emulator)
    try:
        stored_samples = len(ctx2.store.load(visit.id).rooms[1].points[0].samples)
        assert stored_samples >= 3
        win2 = MainWindow(ctx2)
        win2.show()
        records = win2.records
        assert records.ui.resumeBanner.isVisible()
        assert "T-100" in records.ui.resumeLabel.text()
        shot(win2, "resume-offer")
        click(qtbot, records.ui.resumeButton)
        wiz2 = win2.wizard
        assert wiz2.current == MEASURE
        room, point = wiz2.measure.selected
        assert (room.name, point.index) == ("客厅", 1)
        assert len(point.samples) == stored_samples
        assert len(wiz2.measure.ui.chart.values()) == stored_samples  # the stored readings shown
        assert wiz2.session.elapsed() >= max(s.t_offset_s for s in point.samples)
        assert len(wiz2.visit.rooms[0].points[0].captured) == 3
        shot(win2, "resumed")
        qtbot.waitUntil(lambda: wiz2.connection_state == "connected", timeout=5000)
        click(qtbot, wiz2.measure.ui.startButton)
        qtbot.waitUntil(lambda: len(point.captured) == 3, timeout=15000)
        assert wiz2.session.next_open_point() is None
        win2.close()
        dispose(win2)
    finally:
        ctx2.emulator = None
        ctx2.close()
