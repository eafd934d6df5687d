"""The supervisor window's 供热事件 / Heating events tab against a real office on 127.0.0.1
(both backends): the season's stops of the district, a stop entered through the dialog after
the office's refusals (overlap, end before start, future) shown in the screen's language with
the input kept, a stop withdrawn with its reason; a heating period entered, its actual start
set, a penalty notice drafted after a refused multiple (the range named) and its PDF previewed
and saved; one language per screen, at 1366×768; no request on the GUI thread."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from test_ui_language import HAN, latin_words
from ui_helpers import click, shot, type_into
from window_tour import visible_texts

from inspector_app.core.season import season_of
from inspector_app.office.auth import hash_password
from inspector_app.office.company_stops import add_stop
from inspector_app.review.client import ReviewSession
from inspector_app.ui import i18n
from inspector_app.ui.qt import QDate, QDateTime, QSettings
from tests.company_events.helpers import record_in
from tests.office.ticket_helpers import CST

PASSWORD = "correct horse 7"
TODAY = date.today()
SEASON = season_of(TODAY)
FIRST = int(SEASON[:4])
COMPANY = "长春热力"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def events(office, tmp_path):
    """朝阳区 with a stored record (its rules: changchun), a 24-hour stop of 幸福小区 that
    ended two days ago, and a stop of 南关区 the supervisor must not see."""
    store = office.store
    store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    record_in(store, tmp_path / "laptop")
    start = datetime.combine(TODAY - timedelta(days=3), datetime.min.time(), CST)
    for district in ("朝阳区", "南关区"):
        add_stop(store, company=COMPANY, district=district,
                 scope={"communities": ["幸福小区"]}, start_at=start.isoformat(),
                 end_at=(start + timedelta(days=1)).isoformat(), cause="管网抢修", evidence="",
                 by="admin")
    return office


def open_events(qtbot, office, tmp_path, settings):
    from inspector_app.ui.supervisor.window import SupervisorWindow

    session = ReviewSession.login(office.url, "chaoyang", PASSWORD)
    window = SupervisorWindow(session, tmp_path, settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    window.ui.tabs.setCurrentWidget(window.company_events)
    tab = window.company_events
    qtbot.waitUntil(lambda: tab.stops is not None and tab.periods is not None, timeout=15000)
    wait_idle(qtbot, window)
    return window, tab


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)


def at(day: date, hour: int) -> QDateTime:
    return QDateTime.fromString(f"{day.isoformat()} {hour:02d}:00", "yyyy-MM-dd HH:mm")


def send_refused(qtbot, dialog) -> str:
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.ok.isEnabled(), timeout=10000)
    assert dialog.isVisible()
    return dialog.status.text()


def stored(store, table: str) -> list:
    return [tuple(r) for r in store.query(f"SELECT * FROM {table} ORDER BY 1")]


def chinese_only(top, data: tuple[str, ...] = ()) -> list[str]:
    found = []
    for text in visible_texts(top):
        for words in data:
            text = text.replace(words, " ")
        found += latin_words(text)
    return found


def english_only(top, data: tuple[str, ...]) -> list[str]:
    found = []
    for text in visible_texts(top):
        for words in data:
            text = text.replace(words, " ")
        if HAN.search(text):
            found.append(text)
    return found


def test_stops_entered_after_refusals_and_withdrawn(app, qtbot, events, settings, tmp_path):
    from inspector_app.ui.supervisor.company_event_dialogs import StopDialog, WithdrawStopDialog

    window, tab = open_events(qtbot, events, tmp_path, settings)
    assert window.ui.tabs.tabText(window.ui.tabs.indexOf(tab)) == "供热事件(&V)"
    # the Companies tab's season figures, shown before: read again after a stop is entered
    window.ui.tabs.setCurrentWidget(window.ui.companiesTab)
    window.ui.seasonCombo.setCurrentIndex(window.ui.seasonCombo.findData(SEASON))
    figures = window.events.table
    qtbot.waitUntil(lambda: figures.rowCount() == 1 and figures.item(0, 2).text() == "1",
                    timeout=15000)
    wait_idle(qtbot, window)
    window.ui.tabs.setCurrentWidget(tab)
    # the district's stop only, as the office answered it
    assert tab.stopsTable.rowCount() == 1
    cells = [tab.stopsTable.item(0, c).text() for c in range(tab.stopsTable.columnCount())]
    assert cells[1:4] == [COMPANY, "朝阳区", "幸福小区"] and cells[6] == "24"
    assert cells[8] == "有效" and tab.stopsTable.horizontalHeaderItem(4).text() == "开始（北京时间）"
    assert "有效停热 1 次" in tab.countLabel.text()
    calls: list[bool] = []
    real = window.session.add_stop

    def noted(**kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(**kwargs)

    window.session.add_stop = noted
    click(qtbot, tab.addStopButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, StopDialog))
    assert dialog.districtEdit.text() == "朝阳区" and dialog.districtEdit.isReadOnly()
    assert chinese_only(dialog) == [], "English on the Chinese dialog"
    before = stored(events.store, "company_stops")
    # nothing typed: our own words, nothing sent
    assert "供热企业" in send_refused(qtbot, dialog) and calls == []
    type_into(qtbot, dialog.companyEdit, COMPANY)
    type_into(qtbot, dialog.communitiesEdit, "幸福小区，和平小区")
    type_into(qtbot, dialog.buildingsEdit, "3号楼")
    type_into(qtbot, dialog.causeEdit, "二次管网爆管")
    type_into(qtbot, dialog.evidenceEdit, "抢修单 2026-7")
    assert "小区/楼栋" in send_refused(qtbot, dialog) and calls == []
    type_into(qtbot, dialog.buildingsEdit, "和平小区/3号楼")
    overlap_from = TODAY - timedelta(days=3)
    dialog.startEdit.setDateTime(at(overlap_from, 12))       # inside the stop on file
    dialog.endEdit.setDateTime(at(overlap_from + timedelta(days=1), 12))
    text = send_refused(qtbot, dialog)
    assert "重叠" in text and f"{SEASON}-S0001" in text, text
    # the input is intact after the refusal
    assert dialog.companyEdit.text() == COMPANY and dialog.causeEdit.text() == "二次管网爆管"
    assert dialog.buildingsEdit.text() == "和平小区/3号楼"
    day = TODAY - timedelta(days=1)
    dialog.startEdit.setDateTime(at(day, 10))
    dialog.endEdit.setDateTime(at(day, 8))                    # ends before it starts
    assert "须晚于" in send_refused(qtbot, dialog)
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: "is not after" in dialog.status.text()
                        or "before it starts" in dialog.status.text(), timeout=5000)
        assert dialog.ok.text() == "Enter stop" and dialog.back.text() == "Back"
        assert english_only(dialog, (COMPANY, "朝阳区", "幸福小区，和平小区", "和平小区/3号楼",
                                     "二次管网爆管", "抢修单 2026-7")) == []
        future = TODAY + timedelta(days=2)
        dialog.startEdit.setDateTime(at(future, 8))
        dialog.endEdit.setDateTime(at(future, 20))
        assert "future" in send_refused(qtbot, dialog)
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: "将来" in dialog.status.text(), timeout=5000)
    assert stored(events.store, "company_stops") == before   # every refusal changed nothing
    dialog.startEdit.setDateTime(at(day, 8))
    dialog.endEdit.setDateTime(at(day, 20))
    with qtbot.waitSignal(dialog.done, timeout=10000):
        click(qtbot, dialog.ok)
    assert calls and not any(calls), "a request on the GUI thread"
    qtbot.waitUntil(lambda: tab.stopsTable.rowCount() == 2, timeout=10000)
    wait_idle(qtbot, window)
    row = [tab.stopsTable.item(1, c).text() for c in range(tab.stopsTable.columnCount())]
    assert row[0] == f"{SEASON}-S0003" and row[3] == "和平小区、幸福小区、和平小区/3号楼"   # as the office sorts them
    assert row[4] == f"{day.isoformat()} 08:00" and row[6] == "12"
    qtbot.waitUntil(lambda: figures.item(0, 2).text() == "2", timeout=10000)
    new = events.store.query("SELECT start_at, scope, evidence FROM company_stops"
                             " WHERE stop_id = ?", (f"{SEASON}-S0003",))[0]
    assert new[0] == f"{day.isoformat()}T08:00:00+08:00" and new[2] == "抢修单 2026-7"
    # withdraw the first one, with a reason
    tab.stopsTable.selectRow(0)
    click(qtbot, tab.withdrawStopButton)
    withdraw = next(d for d in tab.dialogs if isinstance(d, WithdrawStopDialog))
    assert "理由" in send_refused(qtbot, withdraw)
    type_into(qtbot, withdraw.reasonEdit, "重复登记")
    with qtbot.waitSignal(withdraw.done, timeout=10000):
        click(qtbot, withdraw.ok)
    qtbot.waitUntil(lambda: tab.stopsTable.item(0, 8).text().startswith("已撤回"),
                    timeout=10000)
    wait_idle(qtbot, window)
    assert tab.stopsTable.item(0, 8).toolTip() == "重复登记"
    assert not tab.withdrawStopButton.isEnabled()
    assert events.store.query("SELECT withdrawn_reason FROM company_stops WHERE stop_id = ?",
                              (f"{SEASON}-S0001",))[0][0] == "重复登记"
    window.close()


def test_period_actual_days_and_a_penalty_notice(app, qtbot, events, settings, tmp_path):
    from inspector_app.ui.supervisor.company_event_dialogs import (
        ActualDaysDialog,
        NoticeDialog,
        PeriodDialog,
    )

    window, tab = open_events(qtbot, events, tmp_path, settings)
    assert tab.periodsTable.rowCount() == 0 and not tab.noticeButton.isEnabled()
    click(qtbot, tab.addPeriodButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, PeriodDialog))
    type_into(qtbot, dialog.companyEdit, COMPANY)
    type_into(qtbot, dialog.areaEdit, "幸福小区")
    type_into(qtbot, dialog.heatedEdit, "12000")
    type_into(qtbot, dialog.feeEdit, "27")
    dialog.startEdit.setDate(QDate(FIRST, 10, 20))
    dialog.endEdit.setDate(QDate(FIRST, 10, 1))      # before the start: the office refuses
    assert "须晚于" in send_refused(qtbot, dialog)
    dialog.endEdit.setDate(QDate(FIRST + 1, 4, 10))
    with qtbot.waitSignal(dialog.done, timeout=10000):
        click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: tab.periodsTable.rowCount() == 1, timeout=10000)
    wait_idle(qtbot, window)
    pid = f"{SEASON}-H0001"
    tab.periodsTable.selectRow(0)
    click(qtbot, tab.actualButton)
    actual = next(d for d in tab.dialogs if isinstance(d, ActualDaysDialog))
    assert actual.startEdit.isEnabled() and not actual.endEdit.isEnabled()
    actual.startEdit.setDate(QDate(FIRST, 10, 23))
    with qtbot.waitSignal(actual.done, timeout=10000):
        click(qtbot, actual.ok)
    qtbot.waitUntil(lambda: tab.periodsTable.item(0, 7).text() == "3", timeout=10000)
    wait_idle(qtbot, window)
    assert tab.periodsTable.item(0, 5).text() == f"{FIRST}-10-23"
    assert events.store.query("SELECT actual_start FROM heating_periods WHERE period_id = ?",
                              (pid,))[0][0] == f"{FIRST}-10-23"
    tab.periodsTable.selectRow(0)
    assert tab.noticeButton.isEnabled()
    click(qtbot, tab.noticeButton)
    notice = next(d for d in tab.dialogs if isinstance(d, NoticeDialog))
    assert notice.kindCombo.currentData() == "late_start"
    assert "2 至 10 倍" in notice.rangeLabel.text()
    type_into(qtbot, notice.multipleEdit, "11")
    type_into(qtbot, notice.reasonEdit, "推迟三日，影响较大")
    text = send_refused(qtbot, notice)
    assert "不在规则范围 2–10 倍之内" in text, text
    assert notice.multipleEdit.text() == "11" and notice.reasonEdit.text() == "推迟三日，影响较大"
    assert events.store.query("SELECT count(*) FROM penalty_notices")[0][0] == 0
    type_into(qtbot, notice.multipleEdit, "3")
    with qtbot.waitSignal(notice.done, timeout=10000):
        click(qtbot, notice.ok)
    qtbot.waitUntil(lambda: notice.pdf is not None, timeout=20000)
    assert notice.isVisible()
    assert "罚款 16,855.50 元" in notice.answerLabel.text()
    assert "2 至 10 倍" in notice.rangeLabel.text()
    assert not notice.pageLabel.pixmap().isNull()
    assert notice.pdf_lang == "zh"
    saved = notice.save_pdf(tmp_path / "notice")
    assert saved == tmp_path / "notice.pdf" and saved.read_bytes().startswith(b"%PDF")
    assert "已保存" in notice.status.text()
    notice.resize(760, 700)
    shot(notice, "penalty-notice-zh")
    assert chinese_only(notice, (f"{SEASON}-P0001",)) == [], "English on the Chinese dialog"
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: notice.pdf_lang == "en" and notice.pdf is not None,
                        timeout=20000)
        assert "the fine is 16,855.50 yuan" in notice.answerLabel.text()
        assert english_only(notice, (COMPANY, "朝阳区", "幸福小区", "推迟三日，影响较大")) == []
        shot(notice, "penalty-notice-en")
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: notice.pdf_lang == "zh", timeout=20000)
    notice.close()
    qtbot.waitUntil(lambda: tab.periodsTable.item(0, 9).text() == f"{SEASON}-P0001",
                    timeout=10000)
    wait_idle(qtbot, window)
    # opened again: the draft on file, its range and its PDF
    tab.periodsTable.selectRow(0)
    click(qtbot, tab.noticeButton)
    again = next(d for d in tab.dialogs if isinstance(d, NoticeDialog) and d is not notice)
    assert again.earlierCombo.currentText().startswith(f"{SEASON}-P0001 · 推迟开始供热 · 3 ×")
    assert again.rangeLabel.text() == "本区规则：罚款为未供热天数热费的 2 至 10 倍。"
    click(qtbot, again.earlierButton)
    qtbot.waitUntil(lambda: again.pdf is not None, timeout=20000)
    assert again.answerLabel.text().startswith(f"草稿 {SEASON}-P0001：未供热 3 天")
    again.close()
    window.close()


def test_the_tab_speaks_one_language_and_fits(app, qtbot, events, settings, tmp_path):
    window, tab = open_events(qtbot, events, tmp_path, settings)
    data = (COMPANY, "朝阳区", "幸福小区", "管网抢修")
    tab.stopsTable.selectRow(0)
    assert chinese_only(window, ("chaoyang",)) == [], "English on the Chinese tab"
    assert window.width() <= 1366 and window.height() <= 768
    for button in (tab.addStopButton, tab.withdrawStopButton, tab.addPeriodButton,
                   tab.actualButton, tab.noticeButton):
        assert button.width() >= button.sizeHint().width(), button.text()
    shot(window, "company-events-zh")
    try:
        i18n.install_language("en")
        index = window.ui.tabs.indexOf(tab)
        qtbot.waitUntil(lambda: window.ui.tabs.tabText(index) == "Heating e&vents",
                        timeout=5000)
        assert tab.stopsTable.horizontalHeaderItem(4).text() == "From (China time)"
        assert tab.stopsTable.item(0, 8).text() == "in force"
        assert english_only(window, (*data, f"{SEASON}-S0001")) == []
        buttons = (tab.addStopButton, tab.withdrawStopButton, tab.addPeriodButton,
                   tab.actualButton, tab.noticeButton)
        qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons),
                        timeout=5000)   # laid out again in the longer words
        shot(window, "company-events-en")
    finally:
        i18n.install_language("zh")
    window.close()
