"""The cases screens fed with a case detail shaped as the office answers (case_samples): the
timeline's order and marks, the record opening path, the list's paging, the ruling dialog's
defaults, and one language per screen. The same screens against a real office are in
test_cases_office.py."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import case_samples as cs
import pytest

from inspector_app.core.decimal_math import round_to
from inspector_app.core.profile import load_profile
from inspector_app.ui import i18n
from inspector_app.ui.qt import Qt, QThreadPool


@pytest.fixture
def detail_view(app, qtbot):
    from inspector_app.ui.supervisor.case_detail import CaseDetail

    view = CaseDetail()
    qtbot.addWidget(view)
    view.resize(1300, 500)
    view.show()
    return view


def test_the_timeline_in_time_order_with_the_replaced_record_struck(detail_view):
    view = detail_view
    view.show_case(cs.detail())
    kinds = [e.kind for e in view.entries]
    assert kinds == ["complaint", "contact", "test", "merge", "retest", "correction", "stop",
                     "retest"]
    first = view.entries[2]
    assert first.ref == "d1.r1" and first.struck
    assert view.timeline.item(2, 0).font().strikeOut()
    assert "已被 r3 更正，不计入" in view.timeline.item(2, 3).text()
    assert "admin1" in view.timeline.item(3, 3).text()
    assert view.timeline.item(2, 3).text().startswith("记录 r1（设备 d1，链上第 1 条）")
    assert "d1.r1" in view.timeline.item(2, 3).toolTip()
    correction = view.entries[5]
    assert correction.ref == "d1.r3" and not correction.struck
    assert "更正 r1" in correction.text
    # the monitoring point's daily mean beside the tests of the same day, and in its own tab
    assert "P-17" in correction.text and "16.2" in correction.text
    assert view.monitor_table.rowCount() == 2 and view.side.tabText(1) == "固定监测点（2）"
    assert view.timeline.item(7, 2).text() == "合格"
    assert view.days_table.rowCount() == 8
    assert view.days_table.item(5, 1).text() == "供热企业停热"
    assert "截至今日不达标 8 天" in view.header.text() and "123.45" in view.header.text()
    assert cs.OTHER in view.household_text.text()


def test_every_record_row_opens_its_record(detail_view, qtbot):
    view = detail_view
    view.show_case(cs.detail())
    opened: list[str] = []
    view.open_record.connect(opened.append)
    for row, entry in enumerate(view.entries):
        view._double_clicked(row, 0)
        if entry.ref:
            assert opened[-1] == entry.ref
    assert opened == ["d1.r1", "d1.r2", "d1.r3", "d1.r4"]
    view.timeline.setCurrentCell(1, 0)
    assert view.chosen_ref() == ""            # a contact is not a record
    view.timeline.setCurrentCell(4, 0)
    assert view.chosen_ref() == "d1.r2"


def test_outside_words_are_escaped_in_the_header(detail_view):
    d = cs.detail()
    d["case"]["address"] = "<b>和平</b>小区"
    d["household"]["address"] = "<img src=x>"
    detail_view.show_case(d)
    assert "&lt;b&gt;和平&lt;/b&gt;" in detail_view.header.text()
    assert "<img" not in detail_view.household_text.text()


def test_the_list_pages_by_cursor_off_the_gui_thread(app, qtbot):
    from inspector_app.ui.supervisor.cases_model import CasesModel

    rows = [dict(cs.ROW, case_id=f"c{i:03d}", state="open" if i < 3 else "ruled",
                 estimate=f"{i}.50") for i in range(250)]
    threads: list[bool] = []

    def page(filters, after):
        threads.append(threading.current_thread() is threading.main_thread())
        start = int(after or 0)
        nxt = start + 100
        return {"items": rows[start:nxt], "next": str(nxt) if nxt < len(rows) else None}

    model = CasesModel(page)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_query({"state": "open"})
    assert model.rowCount() == 100 and model.canFetchMore()
    while model.canFetchMore():
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.fetchMore()
    assert model.rowCount() == 250 and not model.more
    assert threads and not any(threads)       # every page read on a worker
    assert model.data(model.index(0, 3)) == "办理中"
    assert model.data(model.index(7, 8)) == "7.50"
    assert model.headerData(7, Qt.Orientation.Horizontal) == "截至今日不达标天数"
    # an answer to a query since replaced is dropped
    model.set_query({"state": "ruled"})
    model.set_query({"state": "withdrawn"})
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: not model.busy(), timeout=5000)
    assert model.rowCount() == 100 and model.filters == {"state": "withdrawn"}


def test_the_ruling_dialog_starts_from_the_profile_fee_and_today(app, qtbot, tmp_path):
    from inspector_app.ui.supervisor.case_ruling_dialog import CaseRulingDialog

    today = date(2026, 12, 10)
    dialog = CaseRulingDialog(None, None, cs.detail(), tmp_path, today=today)
    qtbot.addWidget(dialog)
    fee = round_to(load_profile("changchun").daily_fee_per_m2, 4, "half_up")
    assert Decimal(dialog.inputs()[0]) == fee
    assert dialog.inputs() == (str(fee), "2026-12-10", False, "")
    assert dialog.monitorCheck.isEnabled() and "2" in dialog.monitorCheck.text()
    dialog.monitorCheck.setChecked(True)
    dialog.commentEdit.setText("复测合格")
    assert dialog.inputs()[2:] == (True, "复测合格")
    assert "123.45" in dialog.answerLabel.text()
    assert not dialog.saveButton.isEnabled()     # no PDF before the office has one
    no_points = cs.detail()
    no_points["monitor_days"] = []
    other = CaseRulingDialog(None, None, no_points, tmp_path, today=today)
    qtbot.addWidget(other)
    assert not other.monitorCheck.isEnabled()


def test_the_answer_of_the_office_is_what_is_shown(app, qtbot, tmp_path):
    from inspector_app.ui.supervisor.case_ruling_dialog import CaseRulingDialog

    dialog = CaseRulingDialog(None, None, cs.detail(), tmp_path, today=date(2026, 12, 10))
    qtbot.addWidget(dialog)
    dialog.show_answer({"ruling_no": "2026-2027-00001", "issued_by": "admin1",
                        "issued_at": "2026-12-10T09:00:00+08:00",
                        "ruling": {"decision": "refund", "failing_days": 8, "stop_days": 3,
                                   "start": "2026-12-01", "end": "2026-12-08",
                                   "amount_total": "180.12",
                                   "notes": ["capped_at_season_fee"],
                                   "days": cs.detail()["timeline"][:2]}})
    text = dialog.answerLabel.text()
    assert "2026-2027-00001" in text and "退费" in text and "180.12" in text
    assert "不达标 8 天、停热 3 天" in text and "退费以不达标面积一个供暖期的供热费为限" in text
    assert dialog.days_table.rowCount() == 2


def test_one_language_per_screen(app, qtbot, detail_view, tmp_path):
    from inspector_app.ui.supervisor.case_household_dialogs import MergeDialog

    detail_view.show_case(cs.detail())
    merge = MergeDialog(None, None, cs.detail()["household"])
    qtbot.addWidget(merge)
    assert merge.windowTitle() == "合并住户" and merge.ok.text() == "合并"
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: merge.windowTitle() == "Merge households", timeout=5000)
        assert detail_view.timeline.item(2, 1).text() == "Test"
        assert "replaced by r3, not counted" in detail_view.timeline.item(2, 3).text()
        assert detail_view.side.tabText(1) == "Monitoring (2)"
        assert merge.directionCombo.itemText(0) == "the other household joins this one"
        texts = [detail_view.header.text(), detail_view.timeline.item(5, 3).text()]
        assert not any("不达标" in t or "更正" in t for t in texts)
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: detail_view.timeline.item(2, 1).text() == "检测", timeout=5000)


def test_a_ruled_state_and_every_header_fit_their_columns_in_both_languages(app, qtbot,
                                                                            tmp_path):
    """The widths are set once from the first page, which is open cases (open first): a
    ruling on one of them, or a change of language, must not cut its state or a header to
    '…', and the count follows both."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from inspector_app.ui.supervisor.cases_model import COLUMNS
    from inspector_app.ui.supervisor.cases_tab import CasesTab

    rows = [dict(cs.ROW, case_id=f"c{i}", address=f"和平小区{i}号楼") for i in range(2)]

    class Office:
        def list_cases(self, filters, limit, after):
            return {"items": rows, "next": None}

    tab = CasesTab(None, Office, lambda *_a: None, lambda *_a: None, tmp_path)
    qtbot.addWidget(tab)
    tab.resize(1340, 640)
    tab.show()
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.start()
    state = COLUMNS.index("state")
    assert tab.countLabel.text() == "显示 2 个案件，其中 2 个办理中"
    ruled = cs.detail()
    ruled["case"] = dict(rows[0], state="ruled", ruling_no="2026-2027-000001",
                         evidence_after_ruling=True)
    tab.current = "c0"
    tab._case_arrived("c0", ruled)
    shown = tab.model.data(tab.model.index(0, state))
    assert shown == "⚠ 已裁定 2026-2027-000001"
    metrics = tab.table.fontMetrics()

    def fits() -> list[str]:
        header = tab.table.horizontalHeader()
        cut = [tab.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(len(COLUMNS) - 1)
               if tab.table.columnWidth(c) < header.sectionSizeHint(c)]
        text = tab.model.data(tab.model.index(0, state))
        if tab.table.columnWidth(state) < metrics.horizontalAdvance(text) + 8:
            cut.append(text)
        return cut

    assert fits() == []
    assert tab.countLabel.text() == "显示 2 个案件，其中 1 个办理中"
    try:
        i18n.install_language("en")
        tab.retranslate()                     # as the window does on a language change
        assert tab.applyButton.text() == "Search"
        assert fits() == []
        assert tab.countLabel.text() == "2 cases shown, 1 open"
        app.processEvents()
        combo = tab.stateCombo                # "All states" whole, not "All state…"
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        assert field.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
    finally:
        i18n.install_language("zh")


def test_the_ruling_dialog_follows_a_change_of_language_pdf_included(app, qtbot, tmp_path,
                                                                     monkeypatch):
    """The dialog is window-modal to the supervisor window only: the language can change in
    the main window while it is open. The office's message and the PDF (its preview, and
    what Save and Print send) are then given again in the new language, not left in the old."""
    from inspector_app.ui.supervisor import case_ruling_dialog as crd

    asked: list[str] = []

    def pdf_and_preview(session, case_id, number, lang):
        asked.append(lang)
        return f"%PDF-{lang}".encode(), []

    monkeypatch.setattr(crd, "pdf_and_preview", pdf_and_preview)
    dialog = crd.CaseRulingDialog(None, None, cs.detail(), tmp_path, today=date(2026, 12, 10))
    qtbot.addWidget(dialog)
    answer = {"ruling_no": "2026-2027-00001", "issued_by": "admin1",
              "issued_at": "2026-12-10T09:00:00+08:00",
              "ruling": {"decision": "refund", "failing_days": 8, "stop_days": 3,
                         "start": "2026-12-01", "end": "2026-12-08", "amount_total": "180.12",
                         "days": cs.detail()["timeline"][:2]}}
    dialog._issued(answer)
    qtbot.waitUntil(lambda: dialog.pdf == b"%PDF-zh", timeout=5000)
    assert dialog.statusLabel.text() == "裁定书 2026-2027-00001 已签发，并存档于监管平台。"
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: dialog.pdf == b"%PDF-en", timeout=5000)
        assert asked == ["zh", "en"]
        assert dialog.statusLabel.text() == "Ruling 2026-2027-00001 issued and kept at the " \
            "office."
        assert dialog.saveButton.isEnabled()
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: dialog.pdf == b"%PDF-zh", timeout=5000)


def test_a_record_that_counts_nothing_says_why_in_the_screen_s_language(app, qtbot,
                                                                         detail_view):
    """The office marks each record as the rule reads it (`used`, `why_not`, `refused`): the
    timeline gives the reason in words, never the office's code."""
    detail = cs.detail()
    detail["records"][1].update(used=False, why_not="not_verified",
                                verification="bad_signature")
    detail["records"][3].update(refused=True)

    def texts() -> list[str]:
        table = detail_view.timeline
        return [table.item(row, 3).text() for row in range(table.rowCount())]

    detail_view.show_case(detail)
    [r2] = [t for t in texts() if "r2" in t]
    [r4] = [t for t in texts() if "r4" in t]
    assert "未通过办公室核验" in r2 and "not_verified" not in r2
    assert "用户无正当理由拒绝" in r4
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: any("not counted: failed the office's verification" in t
                                    for t in texts()), timeout=5000)
        assert not any("not_verified" in t for t in texts())
    finally:
        i18n.install_language("zh")


def test_the_ruling_date_offered_is_today_where_the_case_was_tested():
    """At 01:30 in Changchun the UTC date is still yesterday: the dialog offers Changchun's
    today, the day the office's 'not after today' check reads."""
    from datetime import UTC, datetime

    from inspector_app.ui.supervisor.case_ruling_dialog import profile_today

    late = datetime(2026, 12, 2, 17, 30, tzinfo=UTC)      # 3 Dec 01:30 in Changchun
    assert profile_today(load_profile("changchun"), late) == date(2026, 12, 3)
    assert profile_today(load_profile("changchun"), datetime(2026, 12, 3, 15, 59,
                                                             tzinfo=UTC)) == date(2026, 12, 3)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_merge_and_split_dialogs_show_a_whole_address_and_merge_line(app, qtbot, lang):
    """A search result (address · district · household id) and a merge to undo (two ids, who,
    when) are read whole, not cut at the dialog's right edge."""
    from inspector_app.ui.supervisor.case_household_dialogs import MergeDialog, SplitDialog

    i18n.install_language(lang)
    try:
        home = cs.detail()["household"]
        merge, split = MergeDialog(None, None, home), SplitDialog(None, None, home)
        for dialog in (merge, split):
            qtbot.addWidget(dialog)
            dialog.show()
        merge._found({"items": [{"household": "h9d8d2bba97517c499deb", "district": "朝阳区",
                                 "address": "长春市朝阳区人民大街幸福家园3栋2单元501室"}]})
        qtbot.wait(50)
        row = merge.found.visualItemRect(merge.found.item(0))
        text = merge.found.fontMetrics().horizontalAdvance(merge.found.item(0).text())
        assert text + row.left() < merge.found.viewport().width()
        assert split.changeCombo.sizeHint().width() <= split.changeCombo.width()
        assert split.width() <= 1366 and merge.width() <= 1366
    finally:
        i18n.install_language("zh")
