"""The tickets tab against a real office: whether the holder's laptop has each ticket
(已送达 with the time / 未送达), the last sync of each inspector's laptops in the dispatch
dialog, and the dispatch and reason dialogs switching language while open."""

from __future__ import annotations

from ui_helpers import click, type_into

from inspector_app.ui import i18n
from inspector_app.ui.qt import Qt
from tests.office.test_ticket_feed import laptop_of
from tests.ui import test_supervisor_tickets as tickets_ui
from tests.ui.test_supervisor_tickets import choose, keys, open_tickets

dispatch, settings = tickets_ui.dispatch, tickets_ui.settings   # the fixtures, shared


def delivered_to_li(office, tmp_path) -> None:
    """li's real laptop pulls A3 alone and acknowledges it with its next pull; A4 stays unsent."""
    li = laptop_of(office, tmp_path, "li")
    first = li.pulled(limit=1)
    assert [i["ticket"] for i in first["assignments"]] == ["A3"]
    li.pull(first["cursor"], limit=1)


def test_the_list_and_the_detail_say_whether_the_laptop_has_it(app, qtbot, dispatch,
                                                                 settings, tmp_path):
    delivered_to_li(dispatch, tmp_path / "laptops")
    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab, model = window.tickets, window.tickets.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("送达")
    text = {k: model.data(model.index(r, column)) for r, k in enumerate(keys(window))}
    assert text["12345/A3"].startswith("已送达 ")
    assert text["12345/A4"] == "未送达"
    assert text["12345/A1"] == ""                     # nobody holds it
    choose(qtbot, window, "12345/A3")
    assert "已送达" in tab.detail.text.text()
    choose(qtbot, window, "12345/A4")
    assert "未送达" in tab.detail.text.text()
    window.close()


def test_the_dispatch_dialog_shows_last_sync_and_follows_the_language(app, qtbot, dispatch,
                                                                       settings, tmp_path):
    from inspector_app.ui.supervisor.assign_dialog import AssignDialog

    delivered_to_li(dispatch, tmp_path / "laptops")
    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab = window.tickets
    choose(qtbot, window, "12345/A2")
    click(qtbot, tab.assignButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, AssignDialog))
    qtbot.waitUntil(lambda: dialog.list.count() == 3 and not dialog.busy(), timeout=10000)
    rows = {dialog.list.item(r).text().split(" ")[0]: dialog.list.item(r).text()
            for r in range(dialog.list.count())}
    assert "最后同步" in rows["li"]                   # its real laptop pulled
    assert "从未同步" in rows["wang"]                 # enrolled, never talked to the office
    assert "同步" not in rows["zhao"]                 # no laptop at all
    assert dialog.windowTitle() == "派发工单 12345/A2"
    assert dialog.ok.text() == "派单"
    assert dialog.choose("li")
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: dialog.ok.text() == "Dispatch", timeout=5000)
        assert dialog.windowTitle() == "Dispatch ticket 12345/A2"
        texts = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        assert all("laptop(s)" in t for t in texts) and any("last sync" in t for t in texts)
        assert dialog.list.currentItem().text().startswith("li ")   # still chosen
        assert "Choose the inspector" in dialog.intro.text()
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: dialog.ok.text() == "派单", timeout=5000)
    dialog.reject()
    window.close()


def test_the_reason_dialog_follows_the_language_and_keeps_what_was_typed(app, qtbot, dispatch,
                                                                        settings, tmp_path):
    from inspector_app.ui.supervisor.reason_dialog import ReasonDialog

    window = open_tickets(qtbot, dispatch, tmp_path, settings)
    tab = window.tickets
    choose(qtbot, window, "12345/A1")
    click(qtbot, tab.cancelButton)
    dialog = next(d for d in tab.dialogs if isinstance(d, ReasonDialog))
    assert dialog.windowTitle() == "撤销工单 12345/A1"
    click(qtbot, dialog.ok)                          # no reason: refused, in Chinese
    assert "原因" in dialog.status.text()
    type_into(qtbot, dialog.edit, "重复")
    try:
        i18n.install_language("en")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Cancel ticket 12345/A1", timeout=5000)
        assert dialog.ok.text() == "Cancel the ticket" and dialog.back.text() == "Back"
        assert "Why is ticket 12345/A1 cancelled?" in dialog.text.text()
        assert dialog.status.text().startswith("Give the reason")
        assert dialog.edit.text() == "重复"
    finally:
        i18n.install_language("zh")
    qtbot.waitUntil(lambda: dialog.back.text() == "返回", timeout=5000)
    dialog.reject()
    window.close()
