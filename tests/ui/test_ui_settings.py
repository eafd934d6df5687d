"""Window state lives in the data folder; the app opens on the records list."""

from __future__ import annotations

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.settings import SETTINGS_FILE


def test_window_geometry_is_remembered_in_the_data_folder(window, ctx, qtbot):
    window.resize(1030, 730)
    window.close()
    assert (ctx.data_dir / SETTINGS_FILE).exists()
    again = MainWindow(ctx)
    try:
        assert again.size().height() == 730
    finally:
        again.sync.stop()
        again.deleteLater()


def test_big_targets_and_large_live_value(window, ctx, qtbot):
    from ui_helpers import prepared_visit

    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    page = window.wizard.measure
    assert page.ui.liveValue.font().pointSize() >= 48 or "64pt" in window.styleSheet() \
        or page.ui.liveValue.fontInfo().pointSize() >= 48
    for button in (page.ui.startButton, page.ui.manualButton, window.wizard.ui.nextButton):
        assert button.sizeHint().height() >= 44
