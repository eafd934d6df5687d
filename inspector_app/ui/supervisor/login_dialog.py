"""Log in to the district office as a supervisor; the session it yields opens the review window.

The request runs in the background (the window stays alive on a slow link); the office's own
words for a wrong password or a lockout are shown in the UI's language, and the password field
is cleared after a refusal. Address and user name are remembered, never the password.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path

from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.generated.supervisor_login import Ui_SupervisorLoginDialog
from inspector_app.ui.qt import QDialog, QSettings, QWidget
from inspector_app.ui.style import message_style


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: QSettings, default_url: str = "",
                 trust: Callable[[str], bool | ssl.SSLContext] = lambda _url: True) -> None:
        super().__init__(parent)
        self.trust = trust
        self.ui = Ui_SupervisorLoginDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self.session: ReviewSession | None = None
        self.op = None
        self.ui.urlEdit.setText(str(settings.value("supervisor/url", default_url) or default_url))
        self.ui.nameEdit.setText(str(settings.value("supervisor/name", "") or ""))
        self.ui.loginButton.clicked.connect(self.log_in)
        self.ui.cancelButton.clicked.connect(self.reject)
        (self.ui.passwordEdit if self.ui.nameEdit.text() else self.ui.nameEdit).setFocus()

    def _status(self, text: str, kind: str = "info") -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setStyleSheet(message_style(kind) if text else "")

    def log_in(self) -> None:
        url = self.ui.urlEdit.text().strip()
        name = self.ui.nameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not url or not name or not password:
            self._status(self.tr("Enter the office address, your user name and your password."),
                         "bad")
            return
        self.ui.loginButton.setEnabled(False)
        self._status(self.tr("Logging in…"))
        self.op = run_in_background(lambda _p: ReviewSession.login(url, name, password,
                                                                   verify=self.trust(url)),
                                    on_success=self._logged_in, on_failure=self._refused)

    def _logged_in(self, session: ReviewSession) -> None:
        self.session = session
        self.settings.setValue("supervisor/url", session.base_url)
        self.settings.setValue("supervisor/name", session.user.name)
        self.settings.sync()
        self.ui.passwordEdit.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ui.loginButton.setEnabled(True)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()
        self._status(i18n.error_text(exc), "bad")


def office_trust(folder: Path) -> tuple[str, Callable[[str], bool | ssl.SSLContext]]:
    """The enrolled office's address (a default) and what to trust for a given address: the
    pinned office certificate for the enrolled office, the system's CAs for any other."""
    from inspector_app.sync.config import NotEnrolled, load_link

    try:
        link = load_link(folder)
    except NotEnrolled:
        return "", lambda _url: True
    known = link.office_url.rstrip("/")
    return known, lambda url: link.verify_for(folder) if url.rstrip("/") == known else True
