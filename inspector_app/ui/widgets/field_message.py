"""A refusal shown at the field it is about, floating over the page.

Not in any layout, so nothing below moves when it appears (a banner that pushed the form down
used to send the inspector's typing into the wrong field). It goes away at the next key pressed
in that field, or when the page changes.
"""

from __future__ import annotations

from inspector_app.ui.qt import QEvent, QLabel, QObject, QPoint, QWidget
from inspector_app.ui.style import message_style


class FieldMessage(QLabel):
    """One per page; `show_at(widget, text)` moves it under `widget`."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.setObjectName("fieldMessage")
        self.setWordWrap(True)
        self.setStyleSheet(message_style("bad") + " padding: 4px;")
        self.target: QWidget | None = None
        self.hide()

    def show_at(self, widget: QWidget, text: str) -> None:
        self.clear_target()
        self.target = widget
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.installEventFilter(self)
        self.setText(text)
        self.setFixedWidth(max(widget.width(), 260))
        self.adjustSize()
        self.move(widget.mapTo(self.parentWidget(), QPoint(0, widget.height() + 2)))
        self.raise_()
        self.show()
        widget.setFocus()

    def clear_target(self) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
            self.target.setProperty("invalid", False)
            self.target.style().unpolish(self.target)
            self.target.style().polish(self.target)
            self.target = None
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.target and event.type() == QEvent.Type.KeyPress:
            self.clear_target()
        return False
