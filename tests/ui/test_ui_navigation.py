"""Moving about a visit never changes it (issue #12, item 1).

Resuming a visit opens it at its measuring step, so the pages before it were never loaded; a
jump forward over them used to write their blank widgets into the visit (times 2000-01-01,
outdoor 0 °C, no address, preconditions unticked). Only the page on screen may write.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ui_helpers import click

from inspector_app.core.model import Address, Instrument, Point, Room, Sample, Visit
from inspector_app.ui.qt import QApplication, QEvent
from inspector_app.ui.visit.wizard import INSTRUMENT, MEASURE, ROOMS


def _step(wizard, index: int) -> None:
    """Click a step in the rail, as the inspector does."""
    wizard.ui.stepList.itemClicked.emit(wizard.ui.stepList.item(index))


def test_the_reported_sequence_keeps_the_details(window, ctx, qtbot):
    """New visit → Next ×3 → a 12 m² bedroom → records → resume → step 1 → step 4 → records."""
    ctx.demo = True  # the report came from the demo, where a visit starts filled in
    click(qtbot, window.records.ui.newVisitButton)
    wizard = window.wizard
    for _ in range(3):
        click(qtbot, wizard.ui.nextButton)
    assert wizard.current == ROOMS, wizard.ui.messageLabel.text()
    rooms = wizard.pages[ROOMS].ui
    rooms.kindCombo.setCurrentIndex(rooms.kindCombo.findData("bedroom"))
    rooms.areaSpin.setValue(12.0)
    click(qtbot, rooms.addRoomButton)
    visit_id = wizard.visit.id
    entered = ctx.store.load(visit_id)
    assert entered.address.street and entered.preconditions

    click(qtbot, wizard.ui.recordsButton)
    window.open_visit(visit_id)
    wizard = window.wizard
    assert wizard.current == MEASURE
    _step(wizard, INSTRUMENT)
    _step(wizard, ROOMS)
    assert wizard.current == ROOMS, wizard.ui.messageLabel.text()
    click(qtbot, wizard.ui.recordsButton)

    stored = ctx.store.load(visit_id)
    assert stored.address == entered.address
    assert (stored.complaint_at, stored.contact_at, stored.arrival_at) == \
        (entered.complaint_at, entered.contact_at, entered.arrival_at)
    assert stored.outdoor_temp_c == entered.outdoor_temp_c
    assert stored.preconditions == entered.preconditions
    assert stored == entered


def filled_visit(ctx) -> Visit:
    """A formal visit with every field filled (times on whole minutes, as the widgets keep them)
    and both rooms measured."""
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    p = ctx.profile
    visit = Visit(
        profile_name=p.name, profile_version=p.version, ticket="12345-2026-0777",
        channel="96118",
        address=Address(city="长春市", district="朝阳区", street="人民大街", community="示范小区",
                        building="3", unit="2", flat="501"),
        resident_name="王芳", resident_phone="13812345678", heated_area_m2=86.5,
        company="长春热力", position=["edge", "top"], complaint_at=now - timedelta(hours=2),
        contact_at=now - timedelta(hours=2) + timedelta(minutes=10),
        arrival_at=now - timedelta(minutes=70), test_at=now - timedelta(minutes=20),
        outdoor_temp_c=-18.5, inspector="李检", inspector_org="朝阳区供热管理办公室",
        instrument=Instrument(model="Center 309", serial="S1", certificate_no="C1",
                              certificate_expiry=date(now.year + 1, 12, 31), correction_c=-0.1,
                              protocol="center309", port=ctx.emulator.path),
        preconditions={c.key: True for c in p.preconditions},
        exemptions=["rationed_supply"], closed_since=now - timedelta(minutes=60))
    for kind, name, value in (("bedroom", "卧室1", 17.2), ("living_room", "客厅", 18.4)):
        room = Room(kind=kind, name=name, area_m2=12.0)
        point = Point(index=1, stable_at_s=600.0)
        for j in range(1, p.readings_per_point + 1):
            point.samples.append(Sample(value_c=value, raw_c=value, t_offset_s=600.0 + 60 * j,
                                        t_wall=now.isoformat(), captured=j))
        room.points.append(point)
        visit.rooms.append(room)
    ctx.store.import_measured(visit)
    ctx.store.set_state(visit.id, "in_progress")
    return visit


@pytest.fixture
def hidden_window(ctx):
    from ui_helpers import dispose

    from inspector_app.ui.main_window import MainWindow

    win = MainWindow(ctx)
    yield win
    win.close()
    dispose(win)


ACTIONS = st.one_of(st.tuples(st.just("step"), st.integers(0, 6)), st.just(("next",)),
                    st.just(("back",)), st.just(("records",)), st.just(("resume",)))


@settings(max_examples=int(__import__("os").environ.get("NAV_EXAMPLES", "200")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=st.lists(ACTIONS, max_size=8))
def test_any_walk_through_the_steps_keeps_the_visit(hidden_window, ctx, actions):
    """The window is never shown (no style polish per page), so 200 walks take seconds."""
    window = hidden_window
    ctx.source_factory = lambda _port, _protocol: lambda _stop: iter(())  # no thermometer here
    ctx.db.execute("PRAGMA synchronous=OFF")  # about content, not fsync: 200 walks stay quick
    visit = filled_visit(ctx)
    entered = ctx.store.load(visit.id)
    window.open_visit(visit.id)
    for action in actions:
        wizard = window.wizard
        if action[0] == "resume":
            if wizard is None:
                window.open_visit(visit.id)
        elif wizard is None:
            continue
        elif action[0] == "step":
            _step(wizard, action[1])
        elif action[0] == "next" and not wizard.ui.nextButton.isHidden():
            wizard.ui.nextButton.click()
        elif action[0] == "back" and wizard.ui.backButton.isEnabled():
            wizard.ui.backButton.click()
        elif action[0] == "records":
            wizard.ui.recordsButton.click()
    if window.wizard is not None:
        window.wizard.ui.recordsButton.click()
    assert window.wizard is None
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed wizards go
    stored = ctx.store.load(visit.id)
    assert stored == entered, actions
