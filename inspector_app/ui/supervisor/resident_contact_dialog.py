"""Ask for the resident's name and phone before a monitoring point's ticket is opened.

The office fills them from the household's newest ticket; a household that never called has
none, and a dispatcher cannot phone a ticket without them, so the office refuses
(`no_resident_contact`) and the supervisor is asked here, then the ticket is asked for again.
Both are required before anything is sent. The street is asked too, optional: the office needs
it only when the point's registry row has none (it then refuses `bad_ticket` in its own words,
which this dialog shows when it asks again, keeping what was typed).
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.style import message_style


class ResidentContactDialog(QDialog):
    def __init__(self, parent: QWidget | None, address: str,
                 typed: dict[str, str] | None = None, problem: str = "") -> None:
        super().__init__(parent)
        self.address, self.problem = address, problem
        self.refused = False
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        form = QFormLayout()
        self.nameLabel, self.phoneLabel, self.streetLabel = QLabel(self), QLabel(self), \
            QLabel(self)
        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("residentNameEdit")
        self.nameEdit.setMaxLength(200)
        self.phoneEdit = QLineEdit(self)
        self.phoneEdit.setObjectName("residentPhoneEdit")
        self.phoneEdit.setMaxLength(200)
        self.streetEdit = QLineEdit(self)
        self.streetEdit.setObjectName("residentStreetEdit")
        self.streetEdit.setMaxLength(200)
        form.addRow(self.nameLabel, self.nameEdit)
        form.addRow(self.phoneLabel, self.phoneEdit)
        form.addRow(self.streetLabel, self.streetEdit)
        typed = typed or {}
        self.nameEdit.setText(typed.get("resident_name", ""))
        self.phoneEdit.setText(typed.get("resident_phone", ""))
        self.streetEdit.setText(typed.get("street", ""))
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        if problem:
            self.status.setStyleSheet(message_style("bad"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("residentOkButton")
        self.back = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate()

    def contact(self) -> dict[str, str]:
        """What to send: the name and phone, and the street when one is typed."""
        out = {"resident_name": self.nameEdit.text().strip(),
               "resident_phone": self.phoneEdit.text().strip(),
               "street": self.streetEdit.text().strip()}
        return {k: v for k, v in out.items() if v or k != "street"}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Resident to contact"))
        self.text.setText(self.tr("The office knows no resident's name and phone for %1 (no "
                                  "earlier ticket). Give them: the dispatcher calls this number."
                                  ).replace("%1", self.address))
        self.nameLabel.setText(self.tr("Name"))
        self.phoneLabel.setText(self.tr("Phone"))
        self.streetLabel.setText(self.tr("Street (if the office asks)"))
        self.ok.setText(self.tr("Open ticket"))
        self.back.setText(self.tr("Back"))
        self.status.setText(self.tr("Give both the name and the phone.") if self.refused
                            else self.problem)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _accept(self) -> None:
        if not (self.contact()["resident_name"] and self.contact()["resident_phone"]):
            self.refused = True
            self.status.setStyleSheet(message_style("bad"))
            self.retranslate()
            return
        self.accept()
