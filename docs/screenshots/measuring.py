"""Make measuring-1366x768.png: the measuring step of a demo visit on a 1366×768 laptop screen.

    QT_QPA_PLATFORM=offscreen:configfile=<json with one 1366×768 screen> \
        .venv/bin/python docs/screenshots/measuring.py docs/screenshots/measuring-1366x768.png

(`tests/ui/window_tour.py` shows the screen file's shape.) The window is maximized, as on a
laptop; the thermometer is the Center 309 emulator on a pseudo-terminal, the clock the
demo's (×120), so a few seconds of settling show as minutes on the chart.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]


def main(out: Path) -> None:
    from ui_helpers import prepared_visit

    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.context import DEMO_TIME_SCALE, AppContext, start_demo_emulator
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.qt import QApplication, QThreadPool

    app = make_application(["screenshot"])
    i18n.install_language("zh")
    emulator = start_demo_emulator(DEMO_TIME_SCALE)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext.open(Path(tmp), clock_scale=DEMO_TIME_SCALE, demo=True,
                              emulator=emulator, emulator_temps=(17.2, 18.4))
        visit = prepared_visit(ctx, rooms=(("bedroom", "卧室1", 12.0),
                                           ("living_room", "客厅", 18.0)))
        visit.training = True
        ctx.store.update_details(visit)
        window = MainWindow(ctx)
        window.showMaximized()   # as a laptop user runs it: the whole 1366×768 screen
        window.open_visit(visit.id)
        wizard = window.wizard

        def wait(predicate, seconds: float = 30.0) -> None:  # noqa: ANN001
            end = time.monotonic() + seconds
            while not predicate() and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)

        wait(lambda: wizard.connection_state == "connected")
        wizard.measure.start_measuring()
        point = wizard.visit.rooms[0].points[0]
        wait(lambda: len(point.samples) >= 9)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out), "PNG", 70)
        wizard.shutdown()
        window.close()
        QThreadPool.globalInstance().waitForDone(5000)
        ctx.emulator = None
        ctx.close()
    emulator.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
