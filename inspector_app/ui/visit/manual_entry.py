"""The flagged fallback: typing a point's readings when the instrument cannot be read.

Opened with `open()` (window-modal, never a nested event loop) so the reading worker and the
tests keep running; the core (`VisitSession.enter_manually`) validates and may refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.core.errors import InspectionError
from inspector_app.ui import i18n
from inspector_app.ui.generated.manual_entry import Ui_ManualEntryDialog
from inspector_app.ui.qt import QDialog, QDoubleSpinBox, QLabel, QWidget
from inspector_app.ui.style import message_style

Apply = Callable[[list[float], str], None]


class ManualEntryDialog(QDialog):
    def __init__(self, parent: QWidget, count: int, where: str, apply: Apply) -> None:
        super().__init__(parent)
        self.ui = Ui_ManualEntryDialog()
        self.ui.setupUi(self)
        self.apply = apply
        self.spins: list[QDoubleSpinBox] = []
        for i in range(count):
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"value{i + 1}")
            spin.setDecimals(1)
            spin.setRange(-40.0, 60.0)
            spin.setSingleStep(0.1)
            spin.setValue(18.0)
            spin.setSuffix(" °C")
            label = QLabel(self.tr("Reading %1").replace("%1", str(i + 1)), self)
            label.setBuddy(spin)
            self.ui.valuesForm.addRow(label, spin)
            self.spins.append(spin)
        self.setWindowTitle(self.tr("Manual entry: %1").replace("%1", where))
        self.ui.errorLabel.hide()
        for a, b in zip([*self.spins, self.ui.reasonEdit], [*self.spins[1:], self.ui.reasonEdit],
                        strict=False):
            QWidget.setTabOrder(a, b)
        if self.spins:
            self.spins[0].setFocus()

    def values(self) -> list[float]:
        return [round(s.value(), 1) for s in self.spins]

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
