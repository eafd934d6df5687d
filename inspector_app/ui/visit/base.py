"""What every step of the guided visit offers the wizard (no translated strings here).

A page loads its form in `__init__`, fills itself from the visit in `enter`, writes back in
`leave`, and refuses to go forward by raising the core's InspectionError, whose message the
wizard shows in the inspector's language. Translated strings live only in the leaf classes,
because PySide's `tr()` takes its context from the class that calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from inspector_app.ui.qt import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QEvent,
    QLineEdit,
    QWidget,
)
from inspector_app.ui.widgets.field_message import FieldMessage

if TYPE_CHECKING:
    from inspector_app.ui.visit.wizard import VisitWizard


class StepPage(QWidget):
    """Base of the wizard's pages."""

    ui: Any
    # core field name (InspectionError.field) -> the widget attribute on `self.ui` that holds it
    FIELDS: dict[str, str] = {}
    # labels (attributes on `self.ui`) of fields a record cannot be sealed without
    REQUIRED_LABELS: tuple[str, ...] = ()

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__()
        self.wizard = wizard
        self.field_message = FieldMessage(self)

    def preview(self):  # noqa: ANN201 - a Visit, or None
        """The visit as it would be with this page's widgets written (a copy: the visit itself
        changes only on `leave`), so the step rail counts what is on screen; None for pages
        without a `write`."""
        write = getattr(self, "write", None)
        if write is None:
            return None
        v = self.visit
        copy = replace(v, address=replace(v.address), instrument=replace(v.instrument),
                       preconditions=dict(v.preconditions), exemptions=list(v.exemptions),
                       position=list(v.position))
        write(copy)
        return copy

    def watch_edits(self, changed: Callable[[], None]) -> None:
        """Call `changed` whenever a field of this page is edited."""
        for edit in self.findChildren(QLineEdit):
            edit.textChanged.connect(changed)
        for spin in self.findChildren(QAbstractSpinBox):
            for name in ("valueChanged", "dateTimeChanged", "dateChanged"):
                signal = getattr(spin, name, None)
                if signal is not None:
                    signal.connect(changed)
                    break
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(changed)

    def show_field_error(self, field: str | None, text: str) -> bool:
        """Show a refusal under its field; False when this page has no such field."""
        name = self.FIELDS.get(field or "")
        if name is None:
            return False
        self.field_message.show_at(getattr(self.ui, name), text)
        return True

    def mark_required(self) -> None:
        """A star after the label of each field the record cannot be sealed without."""
        for name in self.REQUIRED_LABELS:
            label = getattr(self.ui, name)
            if not label.text().endswith(" *"):
                label.setText(label.text() + " *")

    @property
    def visit(self):  # noqa: ANN201 - the wizard's Visit
        return self.wizard.visit

    @property
    def session(self):  # noqa: ANN201
        return self.wizard.session

    @property
    def ctx(self):  # noqa: ANN201
        return self.wizard.ctx

    def title(self) -> str:
        raise NotImplementedError

    def enter(self) -> None:
        """Fill the widgets from the visit (called each time the page is shown)."""

    def leave(self, forward: bool) -> None:
        """Write the widgets into the visit; when going forward, raise to refuse."""

    def check_stored(self) -> None:
        """Going forward over this step without showing it: check the visit as it is, raise to
        refuse, and never write the widgets (they may not hold the visit). Pages whose `leave`
        reads no widgets can simply leave."""
        self.leave(True)

    def retranslate(self) -> None:
        """Texts set from code, re-set after a language switch."""

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ui"):
            self.ui.retranslateUi(self)
            self.retranslate()
            self.mark_required()
        super().changeEvent(event)
