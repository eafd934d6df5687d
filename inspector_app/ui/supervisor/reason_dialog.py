"""Ask for the reason of an office-side step that needs one (cancelling a ticket, closing it).

The reason goes into the ticket's history with who and when, so an empty one is refused here
before anything is sent.
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import message_style


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, action: str,
                 required: bool = True) -> None:
        super().__init__(parent)
        self.required = required
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("reasonEdit")
        self.edit.setMaxLength(1000)
        layout.addWidget(self.edit)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reasonOkButton")
        buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.edit.text().strip()

    def _accept(self) -> None:
        if self.required and not self.reason():
            self.status.setText(self.tr("Give the reason: it stays in the ticket's history."))
            self.status.setStyleSheet(message_style("bad"))
            self.edit.setFocus()
            return
        self.accept()
