"""The flagged fallback: typing a point's readings when the instrument cannot be read.

Opened with `open()` (window-modal, never a nested event loop) so the reading worker and the
tests keep running; the core (`VisitSession.enter_manually`) validates and may refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.core.errors import InspectionError, ValidationError
from inspector_app.ui import i18n
from inspector_app.ui.generated.manual_entry import Ui_ManualEntryDialog
from inspector_app.ui.qt import QDialog, QLabel, QLineEdit, QWidget
from inspector_app.ui.style import message_style

Apply = Callable[[list[float], str], None]


class ManualEntryDialog(QDialog):
    """The readings start empty: a pre-filled value (it used to be 18.0 °C, exactly the pass
    threshold) could be accepted unread and decide the verdict."""

    def __init__(self, parent: QWidget, count: int, where: str, apply: Apply) -> None:
        super().__init__(parent)
        self.ui = Ui_ManualEntryDialog()
        self.ui.setupUi(self)
        self.apply = apply
        self.edits: list[QLineEdit] = []
        for i in range(count):
            edit = QLineEdit(self)
            edit.setObjectName(f"value{i + 1}")
            edit.setPlaceholderText("°C")
            label = QLabel(self.tr("Reading %1 (°C)").replace("%1", str(i + 1)), self)
            label.setBuddy(edit)
            self.ui.valuesForm.addRow(label, edit)
            self.edits.append(edit)
        self.ui.reasonEdit.setPlaceholderText(self.tr("Required: why the thermometer could not "
                                                      "be read"))
        self.setWindowTitle(self.tr("Manual entry: %1").replace("%1", where))
        self.ui.errorLabel.hide()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        for a, b in zip([*self.edits, self.ui.reasonEdit], [*self.edits[1:], self.ui.reasonEdit],
                        strict=False):
            QWidget.setTabOrder(a, b)
        if self.edits:
            self.edits[0].setFocus()

    def values(self) -> list[float]:
        """The typed readings; raises (in both languages) for an empty or unreadable one."""
        out = []
        for i, edit in enumerate(self.edits, start=1):
            text = edit.text().strip().replace(",", ".").replace("，", ".")
            try:
                out.append(round(float(text), 1))
            except ValueError:
                edit.setFocus()
                raise ValidationError(f"请填写第 {i} 个读数（°C）",
                                      f"enter reading {i} (°C)", field=f"value{i}") from None
        return out

    def accept(self) -> None:
        """Forward to the core; stay open with its message when it refuses."""
        try:
            self.apply(self.values(), self.ui.reasonEdit.text())
        except InspectionError as exc:
            self.ui.errorLabel.setText(i18n.error_text(exc))
            self.ui.errorLabel.setStyleSheet(message_style("bad"))
            self.ui.errorLabel.show()
            return
        super().accept()
