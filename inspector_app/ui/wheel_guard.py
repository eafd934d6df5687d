"""The mouse wheel changes a spin box, a date/time edit or a combo box only while it has focus.

Scrolling a long page with the wheel used to change whatever field passed under the pointer
(heated area, outdoor temperature, a contact year, a certificate expiry that then marked the
instrument expired). One application-wide event filter: such a field takes no wheel focus, and
an unfocused one hands the wheel to its parents, so the page scrolls instead.
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QEvent,
    QObject,
    Qt,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Install once on the QApplication (`install_wheel_guard`)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(obj, GUARDED) and not obj.hasFocus():
            area = _scroll_area_of(obj)
            if area is not None:  # the page scrolls instead
                QApplication.sendEvent(area.viewport(), event)
            event.accept()  # and no parent takes it a second time
            return True
        return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> WheelGuard:
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
