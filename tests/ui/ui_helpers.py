"""Driving the app's widgets as an inspector would (keyboard text, clicks, pen strokes)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from inspector_app.core.model import Address, Instrument, Visit
from inspector_app.core.procedure import VisitSession
from inspector_app.ui.qt import QApplication, QDateTime, QEvent, QMouseEvent, QPointF, Qt
from inspector_app.ui.visit.details_page import to_qt


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, edit, text: str) -> None:
    """Type ASCII key by key; Chinese arrives as an input method would commit it, at once."""
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def set_time(edit, when: datetime) -> None:
    edit.setDateTime(to_qt(when))


def _mouse(widget, kind, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw_signature(qtbot, pad, strokes: int = 3, steps: int = 14, pause_ms: int = 12) -> None:
    """Sign with the mouse: a few wavy strokes across the box at a human pace."""
    w, h = pad.width(), pad.height()
    for s in range(strokes):
        y0 = h * (0.3 + 0.2 * s)
        points = [QPointF(w * (0.1 + 0.8 * i / steps),
                          y0 + h * 0.25 * math.sin(i * 0.9 + s)) for i in range(steps + 1)]
        _mouse(pad, QEvent.Type.MouseButtonPress, points[0], Qt.MouseButton.LeftButton)
        for p in points[1:]:
            qtbot.wait(pause_ms)
            _mouse(pad, QEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton)
        _mouse(pad, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)
        qtbot.wait(pause_ms)


def prepared_visit(ctx, rooms=(("bedroom", "卧室1", 12.0),)) -> Visit:
    """A formal visit stored with its details and rooms, ready to measure (as after step 4)."""
    now = datetime.now().astimezone()
    visit = Visit(profile_name=ctx.profile.name, profile_version=ctx.profile.version,
                  ticket="T-100", address=Address(city="长春市", street="人民大街", building="3",
                                                  flat="501"),
                  resident_name="王芳", resident_phone="13812345678", heated_area_m2=80.0,
                  company="长春热力", complaint_at=now - timedelta(hours=2),
                  contact_at=now - timedelta(hours=2) + timedelta(minutes=10),
                  arrival_at=now - timedelta(minutes=50), inspector="李检",
                  instrument=Instrument(model="Center 309", serial="S1", certificate_no="C1",
                                        certificate_expiry=date(now.year + 1, 12, 31),
                                        protocol="center309", port=ctx.emulator.path),
                  preconditions={c.key: True for c in ctx.profile.preconditions},
                  closed_since=now - timedelta(minutes=45))
    ctx.store.create(visit)
    session = VisitSession(visit, ctx.profile, ctx.store, clock=ctx.clock)
    session.check_ready_to_measure()
    for kind, name, area in rooms:
        session.add_room(kind, name, area)
    return visit


def now_qt() -> QDateTime:
    return QDateTime.currentDateTime()


def shot(widget, name: str) -> None:
    """Save a screenshot when UI_SHOTS names a folder (for looking at the pages)."""
    import os

    folder = os.environ.get("UI_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        QApplication.processEvents()
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def dispose(widget) -> None:
    """Delete a window now, without closeEvent (as a crash would skip it)."""
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def delete_closed_widgets() -> None:
    """Delete the widgets qtbot closed (deleteLater) before their data folder closes: a wizard
    left alive met a later test's language change and read its closed database."""
    from inspector_app.ui.qt import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
