"""`inspector-app supervisor [--office URL]`: the supervisor's review window (needs a display).

Asks for the office address (default: the enrolled office, or `--office`), the user name and the
password, then opens the review window. The same window is reachable from the inspector's app
(Tools → Supervisor review…).
"""

from __future__ import annotations

import argparse
import sys

from inspector_app.commands._common import say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("supervisor", help="review the office's records as a supervisor")
    p.add_argument("--office", default="", help="office address, e.g. https://office:8443")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from inspector_app.commands.gui import has_display

    if not has_display():
        print(say(args, "审核模式需要显示器（没有可用的显示器）。",
                  "Supervisor review needs a display (none is available)."), file=sys.stderr)
        return 2
    from inspector_app.paths import data_dir
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.qt import QThreadPool
    from inspector_app.ui.settings import language, open_settings
    from inspector_app.ui.supervisor.login_dialog import LoginDialog, office_trust
    from inspector_app.ui.supervisor.window import SupervisorWindow

    app = make_application()
    folder = data_dir(args.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    settings = open_settings(folder)
    explicit = args.lang if "--lang" in sys.argv else None
    i18n.install_language(language(settings, explicit))
    enrolled, trust = office_trust(folder)
    dialog = LoginDialog(None, settings, args.office or enrolled, trust)
    if args.office:
        dialog.ui.urlEdit.setText(args.office)
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.session is None:
        return 1
    window = SupervisorWindow(dialog.session, folder, settings, trust=trust)
    window.show()
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        settings.sync()
