"""Supervisor mode against a real office on 127.0.0.1: log in, page, sort, filter, review, rule,
reprint, export, company figures. Real sealed records uploaded by a laptop, plus synthetic rows
for volume."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from ui_helpers import click, shot, type_into

from inspector_app.office import rulings
from inspector_app.office.auth import hash_password
from inspector_app.office.synth import synthesize
from inspector_app.review.client import ReviewError, ReviewSession
from inspector_app.ui.qt import QPushButton, QSettings, Qt
from tests.office.uploaded import confirm_refund, upload

TODAY = date(2026, 11, 30)
PASSWORD = "correct horse 7"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def populated(office, laptop):
    """Twelve real records on the office and an admin plus a district supervisor."""
    ids = upload(office, laptop, 12)
    office.store.add_user("admin1", "admin", hash_password(PASSWORD), None)
    office.store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    confirm_refund(office, "admin1")
    return office, ids


def open_window(qtbot, office, tmp_path, settings, name="admin1"):
    from inspector_app.ui.supervisor.window import SupervisorWindow

    session = ReviewSession.login(office.url, name, PASSWORD)
    window = SupervisorWindow(session, tmp_path, settings, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    wait_idle(qtbot, window)
    return window


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)


def select_row(qtbot, window, row: int) -> None:
    window.ui.table.selectRow(row)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.detail_data is not None, timeout=10000)


def test_wrong_password_is_told_and_cleared_then_login_opens(app, qtbot, populated, settings):
    from inspector_app.ui.supervisor.login_dialog import LoginDialog

    office, _ = populated
    dialog = LoginDialog(None, settings, office.url)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.ui.nameEdit, "admin1")
    type_into(qtbot, dialog.ui.passwordEdit, "wrong")
    click(qtbot, dialog.ui.loginButton)
    qtbot.waitUntil(lambda: dialog.ui.loginButton.isEnabled(), timeout=10000)
    assert "密码" in dialog.ui.statusLabel.text()      # the office's words, in Chinese
    assert dialog.ui.passwordEdit.text() == ""
    type_into(qtbot, dialog.ui.passwordEdit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        click(qtbot, dialog.ui.loginButton)
    assert dialog.session is not None and dialog.session.user.role == "admin"
    assert settings.value("supervisor/name") == "admin1"
    assert not any("correct horse" in str(settings.value(k)) for k in settings.allKeys())
    dialog.session.close()


def test_unreachable_office_is_a_clear_message():
    with pytest.raises(ReviewError) as err:
        ReviewSession.login("http://127.0.0.1:9", "a", "b", timeout=2)
    assert "无法连接办公室" in err.value.message_zh


def test_list_pages_on_demand_and_sorts_at_the_office(app, qtbot, populated, settings, tmp_path):
    office, _ids = populated
    synthesize(office.store.target, 450, season="2026-2027")
    window = open_window(qtbot, office, tmp_path, settings)
    model = window.model
    assert model.rowCount() == 100          # one page, not 462 rows
    assert model.total == 462
    assert "462" in window.ui.countLabel.text()
    window.ui.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 100, timeout=10000)  # the view asked for more
    wait_idle(qtbot, window)
    times = [r["test_at"] for r in model.rows]
    assert times == sorted(times, reverse=True)
    company_col = 2
    window.ui.table.sortByColumn(company_col, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, window)
    companies = [r["company"] for r in model.rows]
    assert model.sort_key == "company" and companies == sorted(companies)
    window.ui.verdictCombo.setCurrentIndex(window.ui.verdictCombo.findData("fail"))
    window.ui.trainingCombo.setCurrentIndex(window.ui.trainingCombo.findData(None))
    click(qtbot, window.ui.applyButton)
    wait_idle(qtbot, window)
    assert model.rows and {r["verdict"] for r in model.rows} == {"fail"}
    shot(window, "supervisor-list")
    window.close()


def test_district_supervisor_sees_only_the_district(app, qtbot, populated, settings, tmp_path):
    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings, name="chaoyang")
    assert window.ui.districtEdit.isReadOnly()
    assert window.model.rows and {r["district"] for r in window.model.rows} == {"朝阳区"}
    window.close()


def test_review_ruling_reprint_and_export(app, qtbot, populated, settings, tmp_path):
    office, ids = populated
    window = open_window(qtbot, office, tmp_path, settings)
    failing = next(i for i, r in enumerate(window.model.rows) if r["verdict"] == "fail")
    select_row(qtbot, window, failing)
    record_id = window.current_id
    # a state that says something is wrong needs the reason
    window.ui.stateCombo.setCurrentIndex(window.ui.stateCombo.findData("has_issues"))
    click(qtbot, window.ui.setStateButton)
    assert window.ui.actionStatus.text()           # told why nothing was sent
    assert office.store.record(record_id)["review_state"] == "received"
    type_into(qtbot, window.ui.commentEdit, "证书照片不清楚")
    click(qtbot, window.ui.setStateButton)
    wait_idle(qtbot, window)
    stored = office.store.record(record_id)
    assert stored["review_state"] == "has_issues"
    assert stored["review_history"][-1]["by"] == "admin1"
    assert window.model.rows[failing]["review_state"] == "has_issues"   # the row refreshed
    shot(window, "supervisor-detail")

    # ruling: edit the inputs, issue, the office keeps it, the PDF cites the hash
    from inspector_app.ui.supervisor.ruling_dialog import RulingDialog

    click(qtbot, window.ui.rulingButton)
    dialog = next(d for d in window.dialogs if isinstance(d, RulingDialog))
    dialog.daysSpin.setValue(10)
    assert dialog.ruling is not None and dialog.ruling.decision == "refund"
    expected = dialog.ruling.amount_total
    click(qtbot, dialog.issueButton)  # irreversible: asked first, and "no" leaves it unissued
    assert str(expected) in dialog.confirm_box.text()
    assert "不能撤回" in dialog.confirm_box.text()
    click(qtbot, dialog.confirm_box.findChild(QPushButton, "confirmNo"))
    assert rulings.for_record(office.store, record_id) == []
    with qtbot.waitSignal(dialog.issued, timeout=20000):
        click(qtbot, dialog.issueButton)
        click(qtbot, dialog.confirm_box.findChild(QPushButton, "confirmYes"))
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20000)
    assert not dialog.issueButton.isDefault() and not dialog.issueButton.autoDefault()
    kept = rulings.for_record(office.store, record_id)[-1]
    assert kept["ruling"]["amount_total"] == str(expected)
    saved = dialog.save_pdf(tmp_path / "ruling.pdf")
    assert dialog.closeButton.hasFocus() or not dialog.isActiveWindow()
    text = pdf_text(saved.read_bytes())
    assert kept["ruling_no"] in text
    assert stored["sha256"][:16] in text.replace("\n", "").replace(" ", "")
    shot(dialog, "supervisor-ruling")
    dialog.close()

    # reprint the slip from the office's bytes, checked again here
    from inspector_app.ui.slip_dialog import SlipDialog

    click(qtbot, window.ui.reprintButton)
    qtbot.waitUntil(lambda: any(isinstance(d, SlipDialog) for d in window.dialogs),
                    timeout=15000)
    slip = next(d for d in window.dialogs if isinstance(d, SlipDialog))
    qtbot.waitUntil(lambda: slip.pdf is not None, timeout=20000)
    assert record_id.partition(".")[2] in pdf_text(slip.pdf).replace("\n", "")
    slip.close()

    # export what the filters select
    window.ui.trainingCombo.setCurrentIndex(window.ui.trainingCombo.findData(None))
    target = tmp_path / "out.csv"
    window.export("csv", target)
    wait_idle(qtbot, window)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(ids)
    window.export("xlsx", tmp_path / "out.xlsx")
    wait_idle(qtbot, window)
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True).active
    assert sum(1 for _ in sheet.iter_rows()) == 1 + len(ids)
    window.close()


def test_company_figures_table_and_chart(app, qtbot, populated, settings, tmp_path):
    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    window.ui.tabs.setCurrentWidget(window.ui.companiesTab)
    wait_idle(qtbot, window)
    table = window.ui.companiesTable
    assert window.ui.seasonCombo.currentData() == "2026-2027"
    assert table.rowCount() == 3                      # the uploaded records' three companies
    assert sum(int(table.item(r, 1).text()) for r in range(3)) == 12
    assert len(window.chart.rows) == 3
    shot(window, "supervisor-companies")
    window.close()


def pdf_text(pdf: bytes) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_a_slip_is_never_reprinted_from_altered_bytes(app, populated):
    """The office's stored bytes are checked again on the supervisor's machine before printing."""
    from inspector_app.core.errors import InspectionError
    from inspector_app.ui.supervisor.window import fetch_verified_envelope

    office, ids = populated
    session = ReviewSession.login(office.url, "admin1", PASSWORD)
    assert fetch_verified_envelope(session, ids[0])["record"]["record_id"] == ids[0]
    raw, _ = session.envelope(ids[0])
    altered = raw.replace(b'"value_c":18.4', b'"value_c":16.4', 1)
    assert altered != raw
    with office.store.write() as c:
        c.execute("UPDATE records SET envelope=? WHERE record_id=?", (altered, ids[0]))
    with pytest.raises(InspectionError) as err:
        fetch_verified_envelope(session, ids[0])
    assert "不能打印" in err.value.message_zh
    session.close()


def test_an_ended_session_asks_for_the_password_and_carries_on(app, qtbot, populated, settings,
                                                               tmp_path):
    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    with office.store.write() as c:          # the office forgets every session (expiry, restart)
        c.execute("DELETE FROM sessions")
    window.ui.companyEdit.setText("东盛热力")
    click(qtbot, window.ui.applyButton)
    qtbot.waitUntil(lambda: window.relogin is not None, timeout=10000)
    dialog = window.relogin
    assert dialog.ui.nameEdit.text() == "admin1"
    assert "登录" in dialog.ui.statusLabel.text()
    type_into(qtbot, dialog.ui.passwordEdit, PASSWORD)
    click(qtbot, dialog.ui.loginButton)
    qtbot.waitUntil(lambda: window.relogin is None and window.model.rowCount() > 0,
                    timeout=10000)
    wait_idle(qtbot, window)
    assert {r["company"] for r in window.model.rows} == {"东盛热力"}   # the filter survived
    window.close()


def test_chain_filter_finds_records_whose_predecessor_is_missing(app, qtbot, populated, settings,
                                                                  tmp_path):
    office, ids = populated
    with office.store.write() as c:
        c.execute("UPDATE records SET chain_state='gap' WHERE record_id=?", (ids[5],))
    window = open_window(qtbot, office, tmp_path, settings)
    window.ui.chainCombo.setCurrentIndex(window.ui.chainCombo.findData("gap"))
    click(qtbot, window.ui.applyButton)
    wait_idle(qtbot, window)
    assert [r["record_id"] for r in window.model.rows] == [ids[5]]
    window.close()


# -- answers that arrive late or get lost -------------------------------------------------------

def held(method, gate):
    """`method` that waits for `gate` before answering (a slow office)."""
    def slow(*args, **kwargs):
        gate.wait(10)
        return method(*args, **kwargs)
    return slow


def test_a_late_review_answer_does_not_replace_the_record_now_shown(app, qtbot, populated,
                                                                   settings, tmp_path):
    import threading

    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    gate = threading.Event()
    window.session.set_review = held(window.session.set_review, gate)
    select_row(qtbot, window, 0)
    first = window.current_id
    window.ui.stateCombo.setCurrentIndex(window.ui.stateCombo.findData("approved"))
    click(qtbot, window.ui.setStateButton)          # its answer is held back
    window.ui.table.selectRow(1)
    second = window.model.ref(1)
    qtbot.waitUntil(lambda: window.detail_data["ref"] == second, timeout=10000)
    gate.set()
    wait_idle(qtbot, window)
    assert window.current_id == second and window.detail_data["ref"] == second
    assert window.model.rows[0]["review_state"] == "approved"   # the first row still refreshed
    assert office.store.record(first)["review_state"] == "approved"
    window.close()


def test_figures_for_a_season_no_longer_chosen_are_dropped(app, qtbot, populated, settings,
                                                          tmp_path):
    import threading

    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    gate = threading.Event()
    real = window.session.company_stats
    slow = held(real, gate)
    window.session.company_stats = lambda season: (slow if season == "2026-2027" else real)(
        season)
    window.load_stats()                                          # 2026-2027, held back
    window.ui.seasonCombo.setCurrentIndex(window.ui.seasonCombo.findData("2025-2026"))
    qtbot.waitUntil(lambda: "0" in window.ui.statsStatus.text(), timeout=10000)  # 2025-2026 in
    gate.set()
    wait_idle(qtbot, window)
    assert window.ui.companiesTable.rowCount() == 0   # 2025-2026 has none; 2026-2027 not shown
    window.close()


def test_export_writes_what_the_table_shows_not_unapplied_typing(app, qtbot, populated,
                                                                  settings, tmp_path):
    office, ids = populated
    window = open_window(qtbot, office, tmp_path, settings)
    window.ui.companyEdit.setText("没有这家企业")                 # typed, not applied
    target = tmp_path / "shown.csv"
    window.export("csv", target)
    wait_idle(qtbot, window)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) - 1 == window.model.total == len(ids)
    window.close()


def test_a_column_the_office_cannot_sort_by_keeps_the_indicator_on_the_real_sort(
        app, qtbot, populated, settings, tmp_path):
    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    header = window.ui.table.horizontalHeader()
    chain_col = 7
    window.ui.table.sortByColumn(chain_col, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == 0, timeout=5000)
    assert window.model.sort_key == "test_at" and not window.busy()
    window.close()


def test_issuing_again_after_a_lost_answer_does_not_issue_twice(app, qtbot, populated, settings,
                                                                tmp_path):
    from inspector_app.ui.supervisor.ruling_dialog import RulingDialog

    office, _ = populated
    window = open_window(qtbot, office, tmp_path, settings)
    failing = next(i for i, r in enumerate(window.model.rows) if r["verdict"] == "fail")
    select_row(qtbot, window, failing)
    record_id = window.current_id
    real = window.session.issue_ruling
    lost = []

    def answer_lost(*args, **kwargs):           # the office commits, the answer never arrives
        result = real(*args, **kwargs)
        if not lost:
            lost.append(result["ruling_no"])
            raise ReviewError("无法连接办公室", "cannot reach the office", None, "unreachable")
        return result

    window.session.issue_ruling = answer_lost
    click(qtbot, window.ui.rulingButton)
    dialog = next(d for d in window.dialogs if isinstance(d, RulingDialog))
    click(qtbot, dialog.issueButton)
    click(qtbot, dialog.confirm_box.findChild(QPushButton, "confirmYes"))
    qtbot.waitUntil(lambda: "无法连接" in dialog.statusLabel.text(), timeout=10000)
    assert dialog.issueButton.isEnabled()
    with qtbot.waitSignal(dialog.issued, timeout=20000) as signal:
        click(qtbot, dialog.issueButton)
        click(qtbot, dialog.confirm_box.findChild(QPushButton, "confirmYes"))
    assert signal.args == [lost[0]]                              # the ruling already issued
    assert len(rulings.for_record(office.store, record_id)) == 1
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20000)
    dialog.close()
    window.close()
