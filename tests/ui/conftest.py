"""UI test fixtures: offscreen Qt, the bundled font, Chinese UI, an emulated thermometer.

The thermometer is a Center 309 emulator on a pseudo-terminal read through the real serial path
(drivers.monitor); the visit's clock and the emulator's curves run TIME_SCALE times faster than
real time, so a ten-minute stability window takes about half a second.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))  # ui_helpers

import pytest  # noqa: E402
from ui_helpers import delete_closed_widgets  # noqa: E402

from inspector_app.ui import i18n  # noqa: E402
from inspector_app.ui.app import make_application  # noqa: E402
from inspector_app.ui.context import AppContext  # noqa: E402
from inspector_app.ui.qt import QThreadPool  # noqa: E402

TIME_SCALE = 1200.0
POLL_S = 0.05


@pytest.fixture(scope="session")
def qapp_cls():
    from inspector_app.ui.qt import QApplication

    return QApplication


@pytest.fixture
def app(qapp):
    make_application()
    i18n.install_language("zh")
    return qapp


@pytest.fixture
def emulator():
    from inspector_app.ui.context import start_demo_emulator

    emu = start_demo_emulator(TIME_SCALE, temps=(17.2,))
    yield emu
    emu.stop()


def make_ctx(folder, emulator) -> AppContext:
    return AppContext.open(folder, clock_scale=TIME_SCALE, emulator=emulator,
                           monitor_options={"poll_interval": POLL_S},
                           emulator_temps=(17.2, 18.4))


@pytest.fixture
def ctx(app, tmp_path, emulator):
    context = make_ctx(tmp_path / "data", emulator)
    yield context
    QThreadPool.globalInstance().waitForDone(10000)
    delete_closed_widgets()
    context.emulator = None  # the emulator fixture stops it
    with contextlib.suppress(Exception):  # the crash test closed it already
        context.close()


@pytest.fixture
def window(ctx, qtbot):
    from inspector_app.ui.main_window import MainWindow

    win = MainWindow(ctx)
    win.resize(1280, 800)
    win.show()
    yield win
    import shiboken6
    from ui_helpers import dispose

    if shiboken6.isValid(win):  # the crash test deletes it without any cleanup
        win.quit_confirmed = True  # a test that ends mid-point quits without the question
        win.close()
        dispose(win)


from tests.sync.live import laptop, office  # noqa: E402, F401 - a real office for supervisor mode


@pytest.fixture
def view(app, qtbot):
    """The supervisor's record detail in English, so the words tests look for are the source
    strings."""
    from inspector_app.ui.supervisor.record_detail import RecordDetail

    i18n.install_language("en")
    widget = RecordDetail()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    i18n.install_language("zh")
