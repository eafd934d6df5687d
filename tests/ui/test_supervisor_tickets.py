"""The supervisor window's tickets tab against a real office on 127.0.0.1: overdue first, the
minutes since the complaint ticking without a request, dispatch with the office's refusals in
its own words, cancel with a reason, the office's own phone contact, district scope, the
response figures beside the company figures, and both languages."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from ui_helpers import click, shot, type_into

from inspector_app.core.tickets import TicketEvent
from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.qt import QColor, QSettings, Qt
from inspector_app.ui.style import BAD
from tests.office.ticket_helpers import add_inspector, ticket

PASSWORD = "correct horse 7"
TODAY = date.today()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dispatch(office):
    """Tickets of 朝阳区 complained 95, 50, 12 and 5 minutes ago (the 50-minute one dispatched,
    the 12-minute one contacted in time), one of 南关区; inspectors with and without a laptop."""
    store = office.store
    now = datetime.now(UTC)
    add_inspector(store, "li", "朝阳区")
    add_inspector(store, "wang", "南关区")
    add_inspector(store, "zhao", "朝阳区", laptops=0)
    store.save_tickets([ticket(n, minutes_ago=m, now=now)
                        for n, m in (("A1", 95), ("A2", 5), ("A3", 50), ("A4", 12))]
                       + [ticket("B1", minutes_ago=20, now=now, district="南关区")],
                       source="hotline", by="import")
    store.assign_ticket("12345", "A3", "li", by="admin1")
    store.assign_ticket("12345", "A4", "li", by="admin1")
    store.add_ticket_event("12345", "A4", TicketEvent(
        "contacted", datetime.now(UTC).isoformat(timespec="seconds"), "li", "laptop",
        {"method": "phone"}))
    store.add_user("admin1", "admin", hash_password(PASSWORD), None)
    store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    return office


def open_tickets(qtbot, office, tmp_path, settings, name="admin1"):
    from inspector_app.ui.supervisor.window import SupervisorWindow

    session = ReviewSession.login(office.url, name, PASSWORD)
    window = SupervisorWindow(session, tmp_path, settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.ui.tabs.setCurrentWidget(window.tickets)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.tickets.model.more, timeout=15000)
    wait_idle(qtbot, window)
    return window


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)


def keys(window) -> list[str]:
    return [r["key"] for r in window.tickets.model.rows]


def choose(qtbot, window, key: str) -> None:
    tab = window.tickets
    tab.table.selectRow(keys(window).index(key))
    qtbot.waitUntil(lambda: tab.detail.ticket is not None
                    and tab.detail.ticket.get("key") == key
                    and "events" in tab.detail.ticket, timeout=10000)
    wait_idle(qtbot, window)


def spy(session: ReviewSession, name: str, calls: list) -> None:
    """Note each call of a session method and the thread it ran on (the call goes through)."""
    real = getattr(session, name)

    def noted(*args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    setattr(session, name, noted)


def test_overdue_first_and_the_minutes_tick_without_a_request(app, qtbot, dispatch, settings,
                                                              tmp_path):
    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab, model = window.tickets, window.tickets.model
    # overdue first (95, 50 min), then the others oldest first (20, contacted 12, fresh 5)
    assert keys(window) == ["12345/A1", "12345/A3", "12345/B1", "12345/A4", "12345/A2"]
    assert [model.overdue(r) for r in range(5)] == [True, True, False, False, False]
    assert model.data(model.index(0, 0)).startswith("⚠")
    assert "超时" in tab.countLabel.text() and "2" in tab.countLabel.text()
    fresh = keys(window).index("12345/A2")
    assert not model.data(model.index(fresh, 0)).startswith("⚠")
    calls: list[bool] = []
    spy(window.session, "list_tickets", calls)
    spy(window.session, "ticket", calls)
    base = time.monotonic()
    model.clock = lambda: base + 26 * 60          # 26 minutes on: A2 is 31 minutes old
    tab.ticker.setInterval(20)
    tab.ticker.start()
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    assert model.data(model.index(fresh, 0)).startswith("⚠ 31")
    assert model.data(model.index(fresh, 0), Qt.ItemDataRole.ForegroundRole) == QColor(BAD)
    assert calls == []                             # the clock repaints, it does not ask
    tab.refresh()                                  # a new read is a request, on a worker
    wait_idle(qtbot, window)
    assert calls and not any(calls)
    shot(window, "supervisor-tickets")
    window.close()


def test_dispatch_and_a_refusal_in_the_office_words(app, qtbot, dispatch, settings, tmp_path):
    from inspector_app.ui.supervisor.assign_dialog import AssignDialog

    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab = window.tickets
    choose(qtbot, window, "12345/A2")
    assert tab.assignButton.isEnabled() and not tab.closeButton.isEnabled()
    assert not tab.contactedButton.isEnabled()       # nobody holds it yet
    click(qtbot, tab.assignButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, AssignDialog))
    qtbot.waitUntil(lambda: dialog.list.count() == 3 and not dialog.busy(), timeout=10000)
    shot(dialog, "supervisor-assign")
    assert dialog.choose("zhao")
    assert not dialog.ok.isEnabled()                 # no laptop: the ticket would reach nobody
    assert dialog.choose("wang")                     # another district: the office refuses
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: not dialog.busy() and "南关区" in dialog.status.text(), timeout=10000)
    assert dialog.isVisible()
    assert dispatch.store.ticket("12345", "A2")["inspector"] is None
    assert dialog.choose("li")
    with qtbot.waitSignal(dialog.assigned, timeout=10000):
        click(qtbot, dialog.ok)
    wait_idle(qtbot, window)
    assert not dialog.isVisible()
    assert dispatch.store.ticket("12345", "A2")["inspector"] == "li"
    row = window.tickets.model.rows[keys(window).index("12345/A2")]
    assert row["state"] == "assigned" and row["inspector"] == "li"
    qtbot.waitUntil(lambda: any(e["kind"] == "assigned"
                                for e in tab.detail.ticket.get("events", [])), timeout=10000)
    assert "已派单" in tab.detail.text.text() and "admin1" in tab.detail.text.text()
    assert "已派给 li" in window.ui.actionStatus.text()
    window.close()


def test_cancel_needs_a_reason_and_the_office_can_phone(app, qtbot, dispatch, settings,
                                                        tmp_path):
    from inspector_app.ui.supervisor.reason_dialog import ReasonDialog

    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab = window.tickets
    choose(qtbot, window, "12345/A1")
    click(qtbot, tab.cancelButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, ReasonDialog))
    click(qtbot, dialog.ok)                          # no reason: refused here, nothing sent
    assert dialog.isVisible() and "原因" in dialog.status.text()
    assert dispatch.store.ticket("12345", "A1")["state"] == "received"
    type_into(qtbot, dialog.edit, "重复工单")
    click(qtbot, dialog.ok)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: tab.detail.ticket.get("state") == "cancelled", timeout=10000)
    assert dispatch.store.ticket("12345", "A1")["reason"] == "重复工单"
    assert "重复工单" in tab.detail.text.text()
    assert not tab.cancelButton.isEnabled() and not tab.assignButton.isEnabled()
    # the 50-minute-old dispatched ticket: the office phones the resident itself, late
    choose(qtbot, window, "12345/A3")
    click(qtbot, tab.contactedButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: tab.detail.ticket.get("state") == "contacted", timeout=10000)
    stored = dispatch.store.ticket("12345", "A3")
    assert stored["contact_method"] == "phone" and stored["contacted_within_limit"] is False
    assert "超过时限" in tab.detail.text.text()
    assert not tab.model.overdue(keys(window).index("12345/A3"))
    window.close()


def test_a_district_supervisor_and_the_state_filter(app, qtbot, dispatch, settings, tmp_path):
    window = open_tickets(qtbot, dispatch, tmp_path, settings, name="chaoyang")
    assert "12345/B1" not in keys(window) and len(keys(window)) == 4
    tab = window.tickets
    tab.stateCombo.setCurrentIndex(tab.stateCombo.findData("assigned"))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not tab.model.more and not tab.model.loading, timeout=10000)
    assert keys(window) == ["12345/A3"]
    window.close()


def test_response_figures_beside_the_company_figures(app, qtbot, dispatch, settings, tmp_path):
    from inspector_app.core.season import season_of

    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    season = season_of(datetime.now(UTC).astimezone())
    window.ui.seasonCombo.setCurrentIndex(window.ui.seasonCombo.findData(season))
    window.ui.tabs.setCurrentWidget(window.ui.companiesTab)
    table = window.response.table
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=10000)   # two districts + all
    wait_idle(qtbot, window)
    assert [table.item(r, 2).data(Qt.ItemDataRole.DisplayRole) for r in range(3)] == [4, 1, 5]
    assert table.item(0, 4).text().startswith("1 ")               # A4, in time
    assert "5" in window.response.note.text()
    shot(window, "supervisor-response")
    window.close()


def test_the_tab_speaks_one_language(app, qtbot, dispatch, settings, tmp_path):
    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab = window.tickets
    index = window.ui.tabs.indexOf(tab)
    assert window.ui.tabs.tabText(index) == "工单(&K)"
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "距投诉"
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: window.ui.tabs.tabText(index) == "Tic&kets", timeout=5000)
        assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Since complaint"
        assert tab.assignButton.text() == "Dispatch…"
        assert tab.stateCombo.itemText(0) == "All states"
        assert "min" in tab.model.data(tab.model.index(0, 0))
    finally:
        i18n.install_language("zh")
    window.close()


def test_the_waiting_clock_is_the_office_s_plus_the_time_since_it_answered(app):
    from inspector_app.ui.supervisor.tickets_model import (
        is_overdue,
        minutes_text,
        waiting_minutes,
    )

    item = {"minutes_since_complaint": 28.0, "state": "assigned", "contacted_at": None,
            "contact_limit_min": 30, "overdue": False}
    assert waiting_minutes(item, fetched=100.0, now=100.0 + 150) == 30.5
    assert waiting_minutes(item, fetched=100.0, now=90.0) == 28.0   # never runs backwards
    assert not is_overdue(item, 30.0) and is_overdue(item, 30.5)
    assert not is_overdue({**item, "contacted_at": "2026-12-01T08:10:00+08:00"}, 99)
    assert not is_overdue({**item, "state": "cancelled"}, 99)
    assert [minutes_text(m) for m in (0.4, 59.9, 61, 48 * 60 + 5)] == \
        ["0 分钟", "59 分钟", "1 小时 01 分", "2 天 0 小时"]
