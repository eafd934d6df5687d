"""The demo's fast clock is announced where its times show, and the closure wait runs on it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from ui_helpers import delete_closed_widgets, prepared_visit, set_time

from inspector_app.ui.context import DEMO_TIME_SCALE, AppContext
from inspector_app.ui.qt import QThreadPool
from inspector_app.ui.visit.wizard import MEASURE, PRECONDITIONS, VisitWizard


@pytest.fixture
def demo_ctx(app, tmp_path, emulator):
    context = AppContext.open(tmp_path / "demo", clock_scale=DEMO_TIME_SCALE, demo=True,
                              emulator=emulator, monitor_options={"poll_interval": 0.05})
    yield context
    QThreadPool.globalInstance().waitForDone(10000)
    delete_closed_widgets()
    context.emulator = None
    context.close()


def _wizard(qtbot, ctx) -> VisitWizard:
    visit = prepared_visit(ctx)
    wizard = VisitWizard(ctx, visit, stored=True)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 700)
    wizard.show()
    return wizard


def test_measuring_page_says_the_demo_clock_runs_fast(demo_ctx, qtbot):
    wizard = _wizard(qtbot, demo_ctx)
    assert wizard.current == MEASURE
    banner = wizard.measure.demo_banner
    assert banner.isVisible()
    assert banner.text() == "演示：时间 ×120 加速"
    wizard.shutdown()


def test_a_real_visit_has_no_banner(ctx, qtbot):
    wizard = _wizard(qtbot, ctx)
    assert not wizard.measure.demo_banner.isVisible()
    wizard.shutdown()


@pytest.mark.parametrize("demo", [True, False])
def test_the_closure_wait_runs_on_the_demo_clock(demo, demo_ctx, ctx, qtbot):
    """A minute of real time is two demo hours: 30 min closed is reached; not so for real."""
    wizard = _wizard(qtbot, demo_ctx if demo else ctx)
    wizard.go_to(PRECONDITIONS)
    page = wizard.pages[PRECONDITIONS]
    set_time(page.ui.closedSinceEdit, datetime.now().astimezone() - timedelta(seconds=60))
    page.tick()
    closed_long_enough = "关闭时间已足够" in page.ui.closedStatus.text()
    assert closed_long_enough is demo, page.ui.closedStatus.text()
    assert page.demo_banner.isVisible() is demo
    wizard.shutdown()
