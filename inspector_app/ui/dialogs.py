"""Small standard prompts."""

from __future__ import annotations

from inspector_app.ui.qt import QInputDialog, QLineEdit, QWidget


def ask_text(parent: QWidget, title: str, prompt: str) -> str:
    """A line of text, or "" when cancelled."""
    text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, "")
    return text.strip() if ok else ""
