"""A supervisor's form that is one request to the office (a merge, a split, a company failure,
a heating stop, a heating period, a penalty notice draft).

Sent on a worker thread; nothing is checked here that the office checks. A refusal keeps the
dialog open with everything typed, in the office's own words, shown again in the other
language after a change of language, so the supervisor corrects it and sends again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.style import SUPERVISOR_STYLE, message_style


class OfficeForm(QDialog):
    """An explanation, a form, a status line and OK / Back; OK sends `request()` once
    `problem()` has nothing to say, and the office's answer is `done`."""

    done = Signal(dict)   # the office's answer

    def __init__(self, parent: QWidget | None, session: ReviewSession, width: int) -> None:
        super().__init__(parent)
        self.session = session
        self.op = None
        self.refusal: BaseException | None = None
        # our own message (a function giving it in the language now) and its kind
        self.local: tuple[Callable[[], str], str] | None = None
        self.setStyleSheet(SUPERVISOR_STYLE)
        self.setMinimumWidth(width)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("okButton")
        self.back = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.back.setObjectName("backButton")
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        """The status line and the buttons under the form (a subclass's rows are in)."""
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.buttons)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back.setText(self.tr("Back"))
        self.show_message()

    def say(self, text: Callable[[], str] | str, kind: str = "info") -> None:
        """Our own message: a function giving it in the language now, or words already in it
        (shown as they are after a change of language); '' clears it."""
        self.refusal = None
        words = text if callable(text) else (lambda: text)
        self.local = (words, kind) if text else None
        self.show_message()

    def show_message(self) -> None:
        """The last refusal (the office's) or our own message, in the language now."""
        if self.refusal is not None:
            text, kind = i18n.error_text(self.refusal), "bad"
        elif self.local is not None:
            text, kind = self.local[0](), self.local[1]
        else:
            text, kind = "", "info"
        self.status.setText(text)
        self.status.setStyleSheet(message_style(kind) if text else "")

    def busy(self) -> bool:
        return self.op is not None and not self.op.done

    def problem(self) -> Callable[[], str] | None:
        """What is missing before sending (a function giving it in the language now)."""
        return None

    def request(self) -> Callable[[], dict[str, Any]]:
        raise NotImplementedError

    def send(self) -> None:
        if self.busy():
            return
        missing = self.problem()
        if missing is not None:
            self.say(missing, "bad")
            return
        self.say("")
        call = self.request()
        self.ok.setEnabled(False)
        self.status.setText(self.tr("Sending to the office…"))
        self.status.setStyleSheet(message_style("info"))
        self.op = run_in_background(lambda _p: call(), on_success=self._answered,
                                    on_failure=self._refused)

    def _answered(self, answer: dict[str, Any]) -> None:
        self.ok.setEnabled(True)
        self.done.emit(answer)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.refusal = exc
        self.show_message()
