"""The supervisor window's monitoring tab against a real office on 127.0.0.1 (both backends),
its points and readings filed as a platform files them (monitoring_office): the district's
points with the office's state counts, the state filter, the household below the standard now
and its one-click ticket (refused in the office's words when one is open), a point's season
drawn from the office's days, a day's raw readings, and no request on the GUI thread."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path

import monitoring_office as mo
import pytest
from ui_helpers import click, shot, type_into

from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewSession
from inspector_app.ui.qt import QPushButton, QSettings, Qt
from inspector_app.ui.supervisor.monitoring_tab import BELOW_COLUMNS
from inspector_app.ui.supervisor.resident_contact_dialog import ResidentContactDialog

PASSWORD = "correct horse 7"
TICKET = BELOW_COLUMNS.index("ticket")


@pytest.fixture
def points(office):
    flats = mo.seed(office)
    office.store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    office.flats = flats
    return office


def spy(session: ReviewSession, name: str, calls: list) -> None:
    """Note the thread of each call of a session method (the call goes through)."""
    real = getattr(session, name)

    def noted(*args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    setattr(session, name, noted)


def open_tab(qtbot, office, tmp_path: Path):
    from inspector_app.ui.supervisor.window import SupervisorWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    session = ReviewSession.login(office.url, "chaoyang", PASSWORD)
    window = SupervisorWindow(session, tmp_path, settings, today=mo.NOW.date())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)
    calls: list[bool] = []
    for name in ("list_points", "point_state_counts", "below_standard", "household_monitoring",
                 "open_below_standard_ticket", "point_readings"):
        spy(window.session, name, calls)
    window.ui.tabs.setCurrentWidget(window.monitoring)
    tab = window.monitoring
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and not window.busy(), timeout=20000)
    window.calls = calls
    return window, tab


def test_points_counts_below_standard_ticket_and_season(app, qtbot, points, tmp_path):
    window, tab = open_tab(qtbot, points, tmp_path)
    assert window.ui.tabs.tabText(window.ui.tabs.indexOf(tab)) == "监测点(&N)"
    # the district's three points only, none of 南关区
    assert sorted(r["point_id"] for r in tab.model.rows) == ["CY-0001", "CY-0002", "CY-0003"]
    # the office's counts asked here (past the spy: this test's own call is on the GUI thread)
    counts = ReviewSession.point_state_counts(window.session, {"district": "朝阳区"})
    assert tab.counts == {k: counts[k] for k in ("reporting", "silent", "flagged", "removed")}
    assert tab.stateButtons["reporting"].text() == f"在报 {counts['reporting']}"
    assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "状态"
    # the state buttons filter at the office
    click(qtbot, tab.stateButtons["reporting"])
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)
    assert tab.model.filters["state"] == "reporting"
    assert {r["state"] for r in tab.model.rows} <= {"reporting"}
    assert "CY-0003" not in [r["point_id"] for r in tab.model.rows]   # silent two days
    # 3-2-501 has been below 18 °C for 36 hours: listed, with a ticket one click away
    assert [b["household"] for b in tab.below] == [points.flats["cold"]]
    assert float(tab.below[0]["hours_below"]) >= 12
    assert tab.belowTable.item(0, 0).text() == tab.below[0]["address"]
    button = tab.belowTable.cellWidget(0, TICKET)
    assert isinstance(button, QPushButton) and button.text() == "开工单"
    click(qtbot, button)
    # the household never called: the office knows no one to phone, so the supervisor is asked
    qtbot.waitUntil(lambda: any(isinstance(d, ResidentContactDialog) and d.isVisible()
                                for d in tab.dialogs), timeout=20000)
    contact = tab.dialogs[-1]
    assert "开工单" not in window.ui.actionStatus.text()   # the question, not the refusal
    assert tab.below[0]["address"] in contact.text.text()
    type_into(qtbot, contact.nameEdit, "王女士")
    click(qtbot, contact.ok)                              # no phone: asked again, nothing sent
    assert contact.isVisible() and "电话" in contact.status.text()
    type_into(qtbot, contact.phoneEdit, "13900000000")
    click(qtbot, contact.ok)
    qtbot.waitUntil(lambda: not window.busy() and bool(tab.below[0].get("open_ticket")),
                    timeout=20000)
    assert "已为调度开出工单" in window.ui.actionStatus.text()
    assert not isinstance(tab.belowTable.cellWidget(0, TICKET), QPushButton)
    opened = points.store.query("SELECT channel, ticket, data FROM tickets")
    assert len(opened) == 1 and json.loads(opened[0][2])["resident_name"] == "王女士"
    assert tab.below[0]["open_ticket"] == opened[0][1]   # its number: no channel code shown
    # a second supervisor's click on a list from before: the office refuses, in its words
    tab.below[0]["open_ticket"] = None
    tab._fill_below()
    tab.belowTable.cellWidget(0, TICKET).click()      # a new button, not laid out yet
    qtbot.waitUntil(lambda: not window.busy() and bool(tab.below[0].get("open_ticket")),
                    timeout=20000)
    assert points.store.query("SELECT count(*) FROM tickets")[0][0] == 1
    # choosing the household shows its season, drawn from the office's days
    tab.belowTable.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: not window.busy() and bool(tab.chart.points()), timeout=20000)
    data = tab.chart.data
    assert data["household"] == points.flats["cold"] and data["season"] == "2026-2027"
    assert sorted(p["point_id"] for p in data["points"]) == ["CY-0001", "CY-0002"]
    assert tab.chart.highlight == "CY-0001"
    assert tab.chart.standard_y() == pytest.approx(tab.chart.current_layout().py(18.0))
    red = [d["day"] for p in data["points"] for d in p["days"]
           if d["status"] == "non_compliant"]
    assert "2026-12-02" in red
    assert sorted(d for _p, d, _c in tab.chart.status_cells("non_compliant")) == sorted(red)
    assert ("CY-0001", "2026-11-30") in [(p, d) for p, d, _t in tab.chart.flag_marks()]
    window.grab().save("/tmp/montab.png")
    shot(window, "supervisor-monitoring")
    # a day's raw readings, the spike flagged
    tab.open_day("CY-0001", "2026-11-30")
    qtbot.waitUntil(lambda: bool(tab.dialogs) and not window.busy(), timeout=20000)
    dialog = tab.dialogs[-1]
    assert dialog.table.rowCount() == 72
    flagged = [r for r in range(72) if dialog.table.item(r, 2).text()]
    assert flagged and "尖峰" in dialog.table.item(flagged[0], 2).text()
    dialog.close()
    assert window.calls and not any(window.calls)      # every request on a worker
    window.close()


def test_choosing_a_point_row_highlights_it_in_its_households_season(app, qtbot, points,
                                                                     tmp_path):
    window, tab = open_tab(qtbot, points, tmp_path)
    row = next(i for i, r in enumerate(tab.model.rows) if r["point_id"] == "CY-0002")
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: not window.busy() and bool(tab.chart.points()), timeout=20000)
    assert tab.chart.highlight == "CY-0002"
    assert tab.chart.data["household"] == points.flats["cold"]
    other = next(i for i, r in enumerate(tab.model.rows) if r["point_id"] == "CY-0001")
    tab.table.selectRow(other)          # the same household: no new request, a new highlight
    assert tab.chart.highlight == "CY-0001" and not window.busy()
    assert date.fromisoformat(tab.chart.data["from"]) <= mo.FIRST.date()
    window.close()


def test_the_points_list_pages_by_the_offices_cursor_as_it_scrolls(app, qtbot, points,
                                                                   tmp_path):
    from tests.monitoring.registered import add_point

    for n in range(130):
        add_point(points.store, f"ZZ-{n:04d}", community="和平小区", flat=str(100 + n))
    window, tab = open_tab(qtbot, points, tmp_path)
    assert tab.model.rowCount() == 100 and tab.model.more
    assert tab.countLabel.text() == "显示 100+ 个监测点"
    while tab.model.canFetchMore():
        tab.model.fetchMore()
        qtbot.waitUntil(lambda: not tab.model.loading, timeout=20000)
    ids = [r["point_id"] for r in tab.model.rows]
    assert len(ids) == 133 == len(set(ids)) and ids == sorted(ids)
    window.close()
