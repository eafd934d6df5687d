"""Starting the desktop app: font, language, style, data folder, demo emulator, main window."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from inspector_app.core.errors import InspectionError
from inspector_app.paths import data_dir
from inspector_app.ui import i18n
from inspector_app.ui.context import DEMO_TIME_SCALE, AppContext, start_demo_emulator
from inspector_app.ui.fonts import install_app_font
from inspector_app.ui.qt import (
    QApplication,
    QCoreApplication,
    QGuiApplication,
    QMessageBox,
    Qt,
    QThreadPool,
)
from inspector_app.ui.settings import language, open_settings
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


def refuse_start(exc: BaseException) -> int:
    """The data folder cannot be opened (made by a newer program, damaged, not writable): say so
    in a window, because a Start-menu user never sees the console; exit 2 as the CLI does."""
    if isinstance(exc, InspectionError):
        text = i18n.error_text(exc)
    else:
        from inspector_app.store.health import describe_error

        text = i18n.pick(*describe_error(exc))
    print(text, file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("Startup", "Cannot open the data folder"), text,
                      QMessageBox.StandardButton.Ok)
    box.setObjectName("startupRefusal")
    box.exec()
    return 2


def run_app(args: argparse.Namespace) -> int:
    """`inspector-app` / `inspector-app gui [--demo]`."""
    app = make_application()
    explicit = getattr(args, "lang", None) if "--lang" in sys.argv else None
    lang = explicit or "zh"
    try:  # the language comes from the settings file alone: a refusal is shown in it too
        lang = language(open_settings(data_dir(getattr(args, "data_dir", None))), explicit)
        i18n.install_language(lang)
        ctx = build_context(args)
    except (InspectionError, OSError, sqlite3.Error) as exc:
        i18n.install_language(lang)
        return refuse_start(exc)
    from inspector_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        ctx.close()
