"""Starting the desktop app: font, language, style, data folder, demo emulator, main window."""

from __future__ import annotations

import argparse
import sys

from inspector_app.paths import data_dir
from inspector_app.ui import i18n
from inspector_app.ui.context import DEMO_TIME_SCALE, AppContext, start_demo_emulator
from inspector_app.ui.fonts import install_app_font
from inspector_app.ui.qt import QApplication, QGuiApplication, Qt, QThreadPool
from inspector_app.ui.settings import language
from inspector_app.ui.style import STYLE
from inspector_app.ui.wheel_guard import install_wheel_guard


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with high-DPI rounding, the bundled CJK font and the app's style."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("heating-inspector")
    app.setOrganizationName("heating-inspector")
    install_app_font(app)
    app.setStyleSheet(STYLE)
    install_wheel_guard(app)
    return app


def build_context(args: argparse.Namespace) -> AppContext:
    """The data folder's store and settings; in demo mode an emulator on a pseudo-terminal."""
    folder = data_dir(getattr(args, "data_dir", None))
    demo = bool(getattr(args, "demo", False))
    if demo:
        emulator = start_demo_emulator(DEMO_TIME_SCALE)
        return AppContext.open(folder, clock_scale=DEMO_TIME_SCALE, demo=True, emulator=emulator)
    return AppContext.open(folder)


def run_app(args: argparse.Namespace) -> int:
    """`inspector-app` / `inspector-app gui [--demo]`."""
    app = make_application()
    ctx = build_context(args)
    explicit = getattr(args, "lang", None) if "--lang" in sys.argv else None
    i18n.install_language(language(ctx.settings, explicit))
    from inspector_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        ctx.close()
