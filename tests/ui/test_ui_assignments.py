"""派单 / Assignments in the inspector's window: the pulled list, the contact log, refusals in the
inspector's language, and a visit started from a ticket with the hotline's complaint time locked.

The assignments are stored through the laptop store's own pull (`save_pull`), the events through
the page's real path (a worker thread, `store.assignments.log_event`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from assignment_helpers import OfficeKey, pull, ticket_item
from ui_helpers import click, type_into

from inspector_app.core.record_time import DEFAULT_ZONE
from inspector_app.store import assignments as store
from inspector_app.ui import i18n
from inspector_app.ui.assignments.page import COL_NOTES, COL_SINCE, COL_STATE, COL_TICKET
from inspector_app.ui.qt import QCoreApplication, QDateTime, Qt, is_alive
from inspector_app.ui.visit.details_page import to_qt
from inspector_app.ui.visit.wizard import DETAILS


@pytest.fixture
def now():
    return datetime.now().astimezone().replace(microsecond=0)


@pytest.fixture
def pulled(ctx, now):
    """Four tickets for inspector li, pulled 12 minutes ago, one reassigned since, one of them
    with a visit started and then taken back (flagged)."""
    key = OfficeKey()
    items = [ticket_item(key, "A1", now - timedelta(minutes=50), n=0),      # overdue
             ticket_item(key, "A2", now - timedelta(minutes=5), n=1),       # fresh
             ticket_item(key, "A3", now - timedelta(minutes=90), n=2,       # contacted in time
                         state="contacted", contacted_at=(now - timedelta(minutes=80)).isoformat(),
                         contact_method="phone"),
             ticket_item(key, "A4", now - timedelta(minutes=30), n=3),
             ticket_item(key, "A5", now - timedelta(minutes=20), n=4)]
    pulled_at = now - timedelta(minutes=12)
    pull(ctx.db, key, items, pulled_at - timedelta(minutes=1))
    store.mark_visit_started(ctx.db, "12345", "A5", "visit-on-a5")
    pull(ctx.db, key, [], pulled_at, removed=[
        {"channel": "12345", "ticket": "A4", "reason": "reassigned"},
        {"channel": "12345", "ticket": "A5", "reason": "cancelled"}])
    return key


def open_page(window, qtbot):
    window.show_assignments()
    page = window.assignments
    qtbot.waitUntil(lambda: page.snapshot is not None and page.load_op.done, timeout=5000)
    return page


def row_of(page, number: str) -> int:
    return next(i for i in range(page.ui.table.rowCount())
                if page.ui.table.item(i, COL_TICKET).text() == f"12345/{number}")


def cell(page, number: str, col: int) -> str:
    return page.ui.table.item(row_of(page, number), col).text()


def test_the_list_shows_the_pulled_assignments_ticking_and_the_age_of_the_pull(
        window, pulled, qtbot, now):
    page = open_page(window, qtbot)
    assert window.current_page() is page
    table = page.ui.table
    assert table.rowCount() == 5
    # overdue first, then the open ones by complaint time, the ones taken back last
    assert [table.item(i, COL_TICKET).text()[6:] for i in range(5)] == ["A1", "A3", "A2",
                                                                         "A4", "A5"]
    assert "超时" in cell(page, "A1", COL_STATE)
    assert table.item(row_of(page, "A1"), COL_STATE).background().color().name() == "#fde2e4"
    assert cell(page, "A2", COL_STATE) == "已派单"
    assert cell(page, "A3", COL_STATE) == "已联系"
    assert "联系用时 10 分钟" in cell(page, "A3", COL_NOTES)
    a1 = row_of(page, "A1")
    assert table.item(a1, 1).text() == "长春市朝阳区人民大街阳光小区3栋2单元501室"
    assert table.item(a1, 2).text() == "王芳 13812345600"
    assert cell(page, "A1", COL_SINCE) == "50 分钟"
    assert cell(page, "A4", COL_STATE) == "已撤回"
    assert "已改派给其他检测员" in cell(page, "A4", COL_NOTES)
    assert "工单已撤销" in cell(page, "A5", COL_NOTES) and "已开始检测" in cell(page, "A5", COL_NOTES)
    assert page.ui.syncAgeLabel.text() == "最后同步于 12 分钟前"
    assert page.ui.titleLabel.text() == "派单（3）"

    # the clock runs on without the disk: A2 passes its 30 minutes and turns overdue
    page.clock = lambda: now + timedelta(minutes=26)
    page.tick()
    assert cell(page, "A2", COL_SINCE) == "31 分钟"
    assert "超时" in cell(page, "A2", COL_STATE)
    assert "超时" not in cell(page, "A3", COL_STATE)   # contacted: never overdue
    assert page.ui.syncAgeLabel.text() == "最后同步于 38 分钟前"
    assert cell(page, "A1", COL_SINCE) == "1 小时 16 分钟"

    # taken back: no contact can be logged on it, no new visit started
    page.select("12345", "A4")
    assert not page.ui.contactButton.isEnabled() and not page.ui.startButton.isEnabled()
    page.select("12345", "A1")
    assert page.ui.contactButton.isEnabled() and page.ui.startButton.isEnabled()


def test_logging_a_contact_changes_the_state_and_queues_the_event(window, pulled, qtbot, now):
    page = open_page(window, qtbot)
    page.select("12345", "A1")
    click(qtbot, page.ui.contactButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "已联系用户"
    assert abs(dialog.at.dateTime().toSecsSinceEpoch() - now.timestamp()) < 120   # now, editable
    dialog.method.setCurrentIndex(dialog.method.findData("sms"))
    when = now - timedelta(minutes=20)
    dialog.at.setDateTime(to_qt(when))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: cell(page, "A1", COL_STATE) == "已联系", timeout=5000)
    assert "联系用时 30 分钟" in cell(page, "A1", COL_NOTES)
    assert "1 条待发送" in cell(page, "A1", COL_NOTES)
    a1 = store.assignment(ctx_db(window), "12345", "A1")
    assert (a1.status.state, a1.status.contact_method) == ("contacted", "sms")
    assert datetime.fromisoformat(a1.status.contacted_at) == when
    assert "12345/A1" in page.ui.messageLabel.text()

    # then a visit time: agreed, shown in the notes
    page.select("12345", "A1")
    click(qtbot, page.ui.agreeButton)
    dialog = page.dialog
    visit_at = (now + timedelta(hours=2)).replace(second=0)
    dialog.visit_at.setDateTime(to_qt(visit_at))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: cell(page, "A1", COL_STATE) == "已约定上门", timeout=5000)
    notes = cell(page, "A1", COL_NOTES)
    assert f"约定上门 {visit_at.astimezone(DEFAULT_ZONE):%Y-%m-%d %H:%M}" in notes
    assert "联系用时 30 分钟" in notes and "2 条待发送" in notes


def ctx_db(window):
    return window.ctx.db


def outbox_rows(window) -> int:
    return ctx_db(window).execute("SELECT count(*) FROM ticket_event_outbox").fetchone()[0]


def test_a_refused_step_is_said_in_the_dialog_and_nothing_is_stored(window, pulled, qtbot):
    page = open_page(window, qtbot)
    page.select("12345", "A2")
    click(qtbot, page.ui.agreeButton)          # a visit time before any contact
    dialog = page.dialog
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "工单当前为“已派单”，不能执行“约定上门”"
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    dialog.reject()
    # unreachable without a failed attempt, in English this time
    window.set_language("en")
    QCoreApplication.processEvents()
    try:
        page.select("12345", "A2")
        click(qtbot, page.ui.unreachableButton)
        dialog = page.dialog
        type_into(qtbot, dialog.reason, "phone off")
        click(qtbot, dialog.ok_button)
        qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
        assert dialog.message.text() == "'unreachable' needs at least one attempt"
        dialog.reject()
    finally:
        window.set_language("zh")
        QCoreApplication.processEvents()
    assert outbox_rows(window) == 0
    assert store.assignment(ctx_db(window), "12345", "A2").status.state == "assigned"
    assert cell(page, "A2", COL_STATE) == "已派单"


def test_starting_a_visit_fills_it_from_the_ticket_and_locks_the_complaint_time(
        window, pulled, qtbot, now):
    page = open_page(window, qtbot)
    page.select("12345", "A2")
    click(qtbot, page.ui.startButton)
    wizard = window.wizard
    assert wizard is not None and window.current_page() is wizard
    visit = wizard.visit
    assert visit.ticket_ref["ticket"] == "A2" and visit.ticket == "A2"
    assert ctx_db(window).execute("SELECT count(*) FROM visits WHERE id=?",
                                  (visit.id,)).fetchone()[0] == 1
    assert store.assignment(ctx_db(window), "12345", "A2").visit_id == visit.id
    wizard._show(DETAILS)
    details = wizard.pages[DETAILS]
    u = details.ui
    assert u.ticketEdit.text() == "A2" and u.ticketEdit.isReadOnly()
    assert u.residentEdit.text() == "刘强" and u.residentEdit.isReadOnly()
    assert u.streetEdit.text() == "自由大路" and u.companyEdit.isReadOnly()
    assert not u.channelCombo.isEnabled() and u.channelCombo.currentData() == "12345"
    assert u.complaintEdit.isReadOnly() and not u.complaintNowButton.isVisible()
    assert "派单" in details.source_label.text() and "12345/A2" in details.source_label.text()
    complaint = now - timedelta(minutes=5)
    # the inspector tries to change the complaint time: keys, the wheel, the arrow
    u.complaintEdit.setFocus()
    qtbot.keyClick(u.complaintEdit, Qt.Key.Key_Up)
    qtbot.keyClicks(u.complaintEdit, "2020")
    assert u.complaintEdit.dateTime() == to_qt(complaint)
    # even a widget forced to another time is never written back
    u.complaintEdit.setDateTime(QDateTime.currentDateTime().addDays(-3))
    u.residentEdit.setText("someone else")
    details.leave(False)
    assert visit.complaint_at == complaint and visit.resident_name == "刘强"
    assert visit.complaint_at.isoformat() == visit.ticket_ref["complaint_at"] or \
        visit.complaint_at == datetime.fromisoformat(visit.ticket_ref["complaint_at"])
    stored = window.ctx.store.load(visit.id)
    assert stored.complaint_at == complaint and stored.ticket_ref == visit.ticket_ref

    # back on the list the ticket offers to continue the same visit, not a second one
    window.show_assignments()
    qtbot.waitUntil(lambda: window.current_page() is page and page.load_op.done, timeout=5000)
    page.select("12345", "A2")
    assert page.ui.startButton.text() == "继续检测(&C)"
    assert "已开始检测" in cell(page, "A2", COL_NOTES)
    click(qtbot, page.ui.startButton)
    assert window.wizard.visit.id == visit.id


def test_a_walk_in_visit_is_labelled_and_keeps_its_fields_editable(window, qtbot):
    window.new_visit()
    wizard = window.wizard
    wizard._show(DETAILS)
    details = wizard.pages[DETAILS]
    assert details.source_label.text().startswith("现场录入（无派单）")
    assert not details.ui.complaintEdit.isReadOnly() and details.ui.complaintNowButton.isVisible()
    assert not details.ui.ticketEdit.isReadOnly() and details.ui.channelCombo.isEnabled()
    type_into(qtbot, details.ui.ticketEdit, "W-7")
    details.leave(False)
    assert wizard.visit.ticket == "W-7" and wizard.visit.ticket_ref is None


def test_the_page_speaks_one_language(window, pulled, qtbot):
    page = open_page(window, qtbot)
    window.set_language("en")
    QCoreApplication.processEvents()
    try:
        assert page.ui.syncAgeLabel.text() == "Last synced 12 min ago"
        assert cell(page, "A2", COL_STATE) == "assigned"
        assert "reassigned to another inspector" in cell(page, "A4", COL_NOTES)
        assert page.ui.contactButton.text() == "Contacte&d…"
    finally:
        window.set_language("zh")
        QCoreApplication.processEvents()
    assert i18n.current() == "zh"
