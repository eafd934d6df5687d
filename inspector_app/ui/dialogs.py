"""Small standard prompts."""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.ui.qt import QInputDialog, QLineEdit, QMessageBox, Qt, QWidget


def ask_text(parent: QWidget, title: str, prompt: str) -> str:
    """A line of text, or "" when cancelled."""
    text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, "")
    return text.strip() if ok else ""


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str,
            on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before an irreversible action; `on_yes` runs only if `yes` is pressed.

    Window-modal and opened with `open()` (no nested event loop, so readings keep arriving and a
    test presses the buttons like any other). The caller passes every text through its own
    `tr()`, buttons included, so the box speaks only the UI language; "no" is the default and
    the Escape button, so Enter or a stray key never confirms.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setObjectName("confirmYes")
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    no_button.setObjectName("confirmNo")
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setTextFormat(Qt.TextFormat.PlainText)

    def finished(_result: int) -> None:
        if box.clickedButton() is yes_button:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box
