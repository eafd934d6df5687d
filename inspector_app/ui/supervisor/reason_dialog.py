"""Ask for the reason of an office-side step that needs one (cancelling a ticket, closing it).

The reason goes into the ticket's history with who and when, so an empty one is refused here
before anything is sent.

The dialog follows a language switch while open, like the window: its title, question and
button come as functions the caller translates with (`Words`), drawn again on LanguageChange;
what the dispatcher has typed stays.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import message_style

Words = Callable[[], str] | str   # a function giving the text in the current language


def _words(text: Words) -> Callable[[], str]:
    return text if callable(text) else (lambda: text)


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: Words, prompt: Words, action: Words,
                 required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.title, self.prompt, self.action = _words(title), _words(prompt), _words(action)
        self.refused = False   # the last OK was refused for want of a reason
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("reasonEdit")
        self.edit.setMaxLength(1000)
        layout.addWidget(self.edit)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reasonOkButton")
        self.back = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language; the typed reason is kept."""
        self.setWindowTitle(self.title())
        self.text.setText(self.prompt())
        self.ok.setText(self.action())
        self.back.setText(self.tr("Back"))
        self.status.setText(self.tr("Give the reason: it stays in the ticket's history.")
                            if self.refused else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reason(self) -> str:
        return self.edit.text().strip()

    def _accept(self) -> None:
        if self.required and not self.reason():
            self.refused = True
            self.status.setStyleSheet(message_style("bad"))
            self.retranslate()
            self.edit.setFocus()
            return
        self.accept()
