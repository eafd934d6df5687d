"""Open every top-level window and dialog as a user reaches them, and report each stop.

Run as a script in its own process (`python tests/ui/window_tour.py LANG OUT.json`), because
Qt fixes the screen when it starts: `QT_QPA_PLATFORM=offscreen:configfile=...` makes it a
1366×728 laptop screen (768 less a taskbar), at 100 % scale. At each stop it records the
window's frame, its primary buttons' rectangles and the first ancestor that clips them (a
scroll area's viewport clips what needs scrolling), and every text on screen, so
`test_ui_fit.py` checks the fit and `test_ui_language.py` the language of one tour.

The data is real: a live office on 127.0.0.1 with sealed records uploaded by a laptop, a
measured visit in the app's store, the Center 309 emulator on a pseudo-terminal.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}
PASSWORD = "correct horse 7"

# free text typed or recorded by people: shown as recorded in either language
TYPED = ("证书照片不清楚",)


def screen_config(folder: Path) -> str:
    """The QT_QPA_PLATFORM value of a 1366×728 offscreen screen."""
    path = folder / "screen.json"
    path.write_text(json.dumps({"synchronousWindowSystemEvents": True,
                                "windowFrameMargins": False, "screens": [SCREEN]}))
    return f"offscreen:configfile={path}"


CONFIRMING_ADMIN = "王科长"   # the office administrator who confirms the refund rules


def assignment_words() -> list[str]:
    from assignment_helpers import recorded_words

    return recorded_words()


def recorded_strings() -> list[str]:
    """Free text in the fixtures' records (names, places, companies): not the UI's words."""
    from inspector_app.seal.signature import STATEMENT_ZH
    from tests.sync import factory

    visit = factory.make_visit(0)
    addresses = {factory.make_visit(i).address.one_line() for i in range(6)}
    words = {*factory.DISTRICTS, *factory.COMPANIES, *factory.INSPECTORS, "李梅", *addresses,
             visit.address.city, visit.address.street, visit.address.community,
             visit.inspector_org, visit.instrument.model, *TYPED,
             *(room.name for room in visit.rooms),
             # a postal address is a proper name, as on the door; the statement a signer signs
             # is part of the record, in the words signed; the ruling names who confirmed the
             # rules at the office, as the office recorded it
             *STATEMENT_ZH.values(), CONFIRMING_ADMIN, *assignment_words()}
    return sorted((w for w in words if w), key=len, reverse=True)


class Tour:
    def __init__(self, lang: str, folder: Path) -> None:
        self.lang, self.folder = lang, folder
        self.stops: list[dict[str, Any]] = []
        self.recorded: list[str] = []   # this run's own free text, e.g. the data folder's path

    # -- what one stop records ---------------------------------------------------------------
    def stop(self, name: str, window: Any, buttons: dict[str, Any], *, extra: tuple = ()) -> None:
        from inspector_app.ui.qt import QApplication

        for _ in range(3):
            QApplication.processEvents()
        screen = window.screen().availableGeometry()
        frame = window.frameGeometry()
        self.stops.append({
            "stop": name, "lang": self.lang,
            "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
            "window": [frame.x(), frame.y(), frame.width(), frame.height()],
            "buttons": {key: clipping(button, window) for key, button in buttons.items()},
            "texts": [*visible_texts(window), *extra],
            "mnemonics": mnemonics(window),
        })

    def shot(self, name: str, window: Any) -> None:
        import os

        folder = os.environ.get("UI_SHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(folder) / f"{name}-{self.lang}.png"))


def clipping(button: Any, top: Any) -> dict[str, Any]:
    """The button's rectangle in the window and the first ancestor that cuts it (or None)."""
    from inspector_app.ui.qt import QPoint

    if not button.isVisibleTo(top):
        return {"rect": None, "clipped_by": "hidden"}
    origin = button.mapTo(top, QPoint(0, 0))
    rect = button.rect().translated(origin)
    widget, cut = button.parentWidget(), None
    while widget is not None and widget is not top:
        outer = widget.rect().translated(widget.mapTo(top, QPoint(0, 0)))
        if not outer.contains(rect):
            cut = widget.objectName() or type(widget).__name__
            break
        widget = widget.parentWidget()
    if cut is None and not top.rect().contains(rect):
        cut = "window"
    shown = button.rect().translated(button.mapToGlobal(QPoint(0, 0)))
    if cut is None and not top.screen().availableGeometry().contains(shown):
        cut = "screen"
    return {"rect": [rect.x(), rect.y(), rect.width(), rect.height()], "clipped_by": cut}


def visible_texts(top: Any) -> list[str]:
    """Every text a user can see or hover in the window: titles, labels, buttons, tabs, combo
    items, headers, list and table cells, placeholders, suffixes, tooltips, menus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QTableWidget,
        QTabWidget,
        QTreeWidget,
        QWidget,
    )

    out = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        out.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            out.append(widget.text())
        elif isinstance(widget, QGroupBox):
            out.append(widget.title())
        elif isinstance(widget, QTabWidget):
            out += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            out.append(widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            out += [getattr(widget, "suffix", str)(), getattr(widget, "prefix", str)(),
                    widget.specialValueText()]
        elif isinstance(widget, QListWidget):
            out += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            out += tree_texts(widget)
        elif isinstance(widget, QTableWidget):
            out += table_texts(widget)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += model_texts(widget.model(), Qt)
    if isinstance(top, QMainWindow):
        out += menu_texts(top.menuBar().actions())
        out.append(top.statusBar().currentMessage())
    return [text for text in out if text and text.strip()]


def mnemonics(top: Any) -> list[list[str]]:
    """[key, text] of each Alt+letter of the window's visible controls and top menus."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QTabWidget, QWidget

    texts = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy():
            texts.append(widget.text())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(top, QMainWindow):
        texts += [a.text() for a in top.menuBar().actions()]
    keys = []
    for text in texts:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            keys.append([match.group(1).upper(), text])
    return keys


def model_texts(model: Any, qt: Any, rows: int = 30) -> list[str]:
    """Headers and the first rows of one of our table models."""
    display = qt.ItemDataRole.DisplayRole
    out = [str(model.headerData(c, qt.Orientation.Horizontal, display) or "")
           for c in range(model.columnCount())]
    for r in range(min(model.rowCount(), rows)):
        for c in range(model.columnCount()):
            for role in (display, qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(r, c), role)
                if isinstance(value, str):
                    out.append(value)
    return out


def tree_texts(tree: Any) -> list[str]:
    out = []
    header = tree.headerItem()
    if not tree.isHeaderHidden():
        out += [header.text(c) for c in range(header.columnCount())]
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop()
        out += [item.text(c) for c in range(item.columnCount())]
        out += [item.toolTip(c) for c in range(item.columnCount())]
        items += [item.child(i) for i in range(item.childCount())]
    return out


def table_texts(table: Any) -> list[str]:
    out = []
    for c in range(table.columnCount()):
        head = table.horizontalHeaderItem(c)
        out.append(head.text() if head is not None else "")
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None:
                out += [item.text(), item.toolTip()]
    return out


def menu_texts(actions: list[Any]) -> list[str]:
    out = []
    for action in actions:
        out += [action.text(), action.toolTip() if action.toolTip() != action.text().replace(
            "&", "") else ""]
        if action.menu() is not None:
            out += menu_texts(action.menu().actions())
    return out


def pdf_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


# -- the tour ----------------------------------------------------------------------------------
def wait(predicate: Any, seconds: float = 30.0) -> None:
    import time

    from inspector_app.ui.qt import QApplication

    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the tour waited too long")
        QApplication.processEvents()
        time.sleep(0.02)


def inspector_app_tour(tour: Tour, envelope: dict) -> None:
    """The inspector's windows: records, every step of a visit, manual entry, the slip."""
    from inspector_app.ui.context import AppContext, start_demo_emulator
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.qt import QThreadPool
    from inspector_app.ui.slip_dialog import SlipDialog
    from inspector_app.ui.visit.wizard import DETAILS, MEASURE, ROOMS, SIGNING
    from tests.sync.factory import make_visit

    emulator = start_demo_emulator(60.0)
    ctx = AppContext.open(tour.folder / "app", clock_scale=60.0, demo=False, emulator=emulator,
                          monitor_options={"poll_interval": 0.05})
    try:
        visit = make_visit(3)
        visit.instrument.port, visit.instrument.protocol = emulator.path, "center309"
        ctx.store.import_measured(visit)
        window = MainWindow(ctx)
        window.show()
        records = window.records.ui
        records.table.selectRow(0)
        tour.stop("main-records", window, {"new visit": records.newVisitButton,
                                           "open": records.openButton,
                                           "slip": records.slipButton,
                                           "correction": records.correctButton})
        about_stop(tour, window)
        assignments_stops(tour, window, ctx)
        correction_dialog(tour, window, visit.id)
        discard_prompt(tour, window, ctx)
        window.open_visit(visit.id)
        wizard = window.wizard
        assert wizard.next(), wizard.ui.messageLabel.text()   # result -> signing
        for index in range(SIGNING + 1):
            wizard._show(index)   # each page as laid out; the steps' own rules are tested elsewhere
            page = wizard.pages[index]
            buttons = {"next": wizard.ui.nextButton, "back": wizard.ui.backButton,
                       "records": wizard.ui.recordsButton}
            if index == MEASURE:
                buttons |= {"start": page.ui.startButton, "manual": page.ui.manualButton}
            if index == SIGNING:
                buttons = {"back": wizard.ui.backButton, "seal": page.ui.sealButton,
                           "slip": page.ui.slipButton}
                del buttons["slip"]   # hidden until sealed
            tour.stop(f"visit-step-{index + 1}", window, buttons)
            tour.shot(f"visit-step-{index + 1}", window)
            if index == ROOMS:   # a room chosen to correct or delete, and the question first
                page.ui.roomsTable.selectRow(0)
                page.edit_selected()
                tour.stop("visit-rooms-edit", window, buttons | {
                    "save room": page.ui.saveRoomButton, "delete room": page.ui.deleteRoomButton})
                page.delete_room()   # it has readings: asked first
                answer(tour, "room-delete-confirm", page.confirm_box, yes=False)
            if index == SIGNING:   # a refusal shows the reason, the witness and their pad
                page.ui.refuseCheck.setChecked(True)
                tour.stop("visit-step-7-refusal", window,
                          {"back": wizard.ui.backButton, "seal": page.ui.sealButton})
                tour.shot("visit-step-7-refusal", window)
                page.ui.refuseCheck.setChecked(False)
                sign_all(page)
                page.seal()   # asked first, with what will be sealed
                assert page.confirm_box is not None, wizard.ui.messageLabel.text()
                answer(tour, "seal-confirm", page.confirm_box, yes=False)
        wizard.go_to(MEASURE)
        measure = wizard.measure
        room = wizard.visit.rooms[0]
        measure._set_selected(room, room.points[0])
        from inspector_app.ui.visit.manual_entry import ManualEntryDialog

        manual = ManualEntryDialog(window, 3, "卧室1, 1", lambda _v, _r: None)
        manual.show()
        tour.stop("manual-entry", manual, {"ok": manual.ui.buttonBox})
        manual.close()
        slip = SlipDialog(window, ctx.settings, ctx.data_dir, envelope)
        slip.show()
        wait(lambda: slip.pdf is not None)
        tour.stop("slip", slip, {"print": slip.ui.printButton, "save": slip.ui.savePdfButton,
                                 "close": slip.ui.closeButton}, extra=(pdf_text(slip.pdf),))
        tour.shot("slip", slip)
        slip.close()
        new_visit_refusal(tour, window, DETAILS)
        window.close()
        QThreadPool.globalInstance().waitForDone(10000)
    finally:
        ctx.emulator = None
        emulator.stop()
        ctx.close()


def about_stop(tour: Tour, window: Any) -> None:
    """帮助 → 关于 / Help → About: versions and the data folder (its path is the machine's)."""
    window.ui.actionAbout.trigger()
    box = window.about_box
    tour.recorded.append(str(window.ctx.data_dir))
    tour.stop("about", box, {"ok": box.buttons()[0]})
    tour.shot("about", box)
    box.close()


def assignments_stops(tour: Tour, window: Any, ctx: Any) -> None:
    """派单 / Assignments with three pulled tickets (one overdue), and its event dialog."""
    from datetime import datetime, timedelta

    from assignment_helpers import OfficeKey, pull, ticket_item

    now = datetime.now().astimezone()
    key = OfficeKey()
    pull(ctx.db, key, [ticket_item(key, f"B{i}", now - timedelta(minutes=m), n=i)
                       for i, m in enumerate((45, 20, 8))], now - timedelta(minutes=7))
    window.show_assignments()
    page = window.assignments
    wait(lambda: page.load_op is not None and page.load_op.done)
    ui = page.ui
    tour.stop("main-assignments", window, {
        "contacted": ui.contactButton, "attempt": ui.attemptButton, "agree": ui.agreeButton,
        "unreachable": ui.unreachableButton, "start": ui.startButton, "sync": ui.syncButton,
        "records": ui.recordsButton})
    tour.shot("main-assignments", window)
    for kind in ("visit_agreed", "unreachable"):
        dialog = page.ask(kind)
        tour.stop(f"assignment-{kind}", dialog, {"record": dialog.ok_button})
        dialog.reject()
    window.show_records()


def answer(tour: Tour, name: str, box: Any, *, yes: bool) -> None:
    """A stop at one of the app's questions (`ui.dialogs.confirm`), then answered."""
    from PySide6.QtWidgets import QPushButton

    buttons = {"yes": box.findChild(QPushButton, "confirmYes"),
               "no": box.findChild(QPushButton, "confirmNo")}
    tour.stop(name, box, buttons)
    tour.shot(name, box)
    buttons["yes" if yes else "no"].click()


def discard_prompt(tour: Tour, window: Any, ctx: Any) -> None:
    """An unfinished draft in the list, the question before discarding it, then discarded."""
    from inspector_app.core.model import Visit

    draft = Visit(profile_name=ctx.profile.name, profile_version=ctx.profile.version)
    ctx.store.create(draft)
    records = window.records
    records.refresh()
    records.ui.table.selectRow(next(i for i, r in enumerate(records.rows) if r.id == draft.id))
    records._discard()
    answer(tour, "discard-confirm", records.confirm_box, yes=True)
    assert all(r.id != draft.id for r in records.rows)


def sign_all(page: Any) -> None:
    """Ink in the inspector's and the resident's boxes (generated strokes, as in the demo)."""
    from inspector_app.seal.signature import generated_signature

    names = {"inspector": page.ui.inspectorNameEdit, "resident": page.ui.residentNameEdit}
    for role, edit in names.items():
        if not edit.text().strip():
            edit.setText("李梅")
        pad = page.pads[role]
        pad.set_strokes([list(map(list, s)) for s in generated_signature(
            edit.text(), role, 1, box=pad.box()).strokes])


def new_visit_refusal(tour: Tour, window: Any, details: int) -> None:
    """A new visit: the step rail counts what each step lacks; Next on an empty details page
    shows the refusal under its field."""
    window.show_records()
    window.new_visit()
    wizard = window.wizard
    nav = {"next": wizard.ui.nextButton, "back": wizard.ui.backButton,
           "records": wizard.ui.recordsButton}
    tour.stop("new-visit-rail", window, nav)
    wizard._show(details)
    assert not wizard.next()
    page = wizard.pages[details]
    assert page.field_message.isVisible(), wizard.ui.messageLabel.text()
    tour.stop("new-visit-field-message", window, nav)
    tour.shot("new-visit-field-message", window)
    wizard.close_visit()


def correction_dialog(tour: Tour, window: Any, record_id: str) -> None:
    """The standard prompt for a correction's reason (a modal Qt dialog), then cancelled."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from inspector_app.ui.qt import QTimer

    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        seen.append(dialog)
        box = dialog.findChild(QDialogButtonBox)
        tour.stop("correction", dialog, {"ok and cancel": box})
        dialog.reject()

    QTimer.singleShot(50, look)
    window.start_correction(record_id)
    assert seen, "the correction prompt did not open"


def supervisor_tour(tour: Tour, office: Any) -> None:
    """Log in, the records and a record's detail (three in turn), a ruling, the companies."""
    from inspector_app.review.client import ReviewSession
    from inspector_app.ui.qt import QSettings
    from inspector_app.ui.supervisor.login_dialog import LoginDialog
    from inspector_app.ui.supervisor.ruling_dialog import RulingDialog
    from inspector_app.ui.supervisor.window import SupervisorWindow

    settings = QSettings(str(tour.folder / "ui.ini"), QSettings.Format.IniFormat)
    login = LoginDialog(None, settings, office.url)
    login.show()
    tour.stop("supervisor-login", login, {"log in": login.ui.loginButton,
                                          "cancel": login.ui.cancelButton})
    login.close()
    from datetime import date

    session = ReviewSession.login(office.url, "admin1", PASSWORD)
    window = SupervisorWindow(session, tour.folder, settings, today=date(2026, 11, 30))
    window.show()
    wait(lambda: not window.busy() and window.model.rowCount() > 0)
    buttons = {"apply": window.ui.applyButton, "clear": window.ui.clearButton,
               "export csv": window.ui.exportCsvButton,
               "export xlsx": window.ui.exportXlsxButton}
    tour.stop("supervisor-list", window, buttons)
    actions = {"set state": window.ui.setStateButton, "comment": window.ui.commentButton,
               "ruling": window.ui.rulingButton, "reprint": window.ui.reprintButton}
    failing = None
    for row in range(3):
        window.ui.table.selectRow(row)
        wait(lambda r=row: not window.busy() and window.detail_data is not None
             and window.detail_data["record_id"] == window.model.record_id(r))
        if window.model.rows[row]["verdict"] == "fail":
            failing = row
        tour.stop(f"supervisor-detail-{row + 1}", window, buttons | actions)
    tour.shot("supervisor-detail", window)
    window.ui.table.selectRow(failing)
    wait(lambda: not window.busy() and window.detail_data["record_id"]
         == window.model.record_id(failing))
    window.ui.commentEdit.setText(TYPED[0])
    window.add_comment()
    wait(lambda: not window.busy())
    tour.stop("supervisor-commented", window, buttons | actions)
    window.open_ruling()
    dialog = next(d for d in window.dialogs if isinstance(d, RulingDialog))
    ruling_buttons = {"issue": dialog.issueButton, "save": dialog.saveButton,
                      "print": dialog.printButton}
    tour.stop("ruling", dialog, ruling_buttons)
    dialog.issue()   # asked first: an issued ruling stays at the office
    answer(tour, "ruling-confirm", dialog.confirm_box, yes=True)
    wait(lambda: dialog.pdf is not None)
    tour.stop("ruling-issued", dialog, ruling_buttons, extra=(pdf_text(dialog.pdf),))
    tour.shot("ruling-issued", dialog)
    dialog.close()
    window.ui.tabs.setCurrentWidget(window.ui.companiesTab)
    wait(lambda: not window.busy() and window.chart.rows)
    tour.stop("supervisor-companies", window, {"refresh": window.ui.statsButton})
    tickets_tour(tour, window)
    monitoring_tour(tour, window)
    company_events_tour(tour, window)
    window.close()
    session.close()


HOTLINE = "市热线平台"   # who imported the tour's tickets: recorded, like a name


def add_tickets(office: Any) -> list[str]:
    """Four tickets of the first district, complained 95, 40, 12 and 3 minutes ago, one of them
    dispatched to an inspector with a laptop; the free text they show (recorded strings)."""
    from datetime import UTC, datetime

    from tests.office.ticket_helpers import add_inspector, ticket
    from tests.sync import factory

    district, company, inspector = (factory.DISTRICTS[0], factory.COMPANIES[0],
                                    factory.INSPECTORS[1])
    add_inspector(office.store, inspector, district)
    now = datetime.now(UTC)
    made = [ticket(f"T{n}", minutes_ago=m, now=now, district=district, company=company)
            for n, m in ((1, 95), (2, 40), (3, 12), (4, 3))]
    office.store.save_tickets(made, source="hotline", by=HOTLINE)
    office.store.assign_ticket("12345", "T2", inspector, by="admin1")
    one = office.store.ticket("12345", "T1")
    data = made[0]   # its words only: a digit recorded would be cut out of every number
    return [HOTLINE, one["address"], data.resident_name, data.city, data.street,
            data.community, data.text]


def tickets_tour(tour: Tour, window: Any) -> None:
    """The tickets tab with a ticket chosen, the dispatch dialog, the cancel question."""
    tab = window.tickets
    window.ui.tabs.setCurrentWidget(tab)
    wait(lambda: not window.busy() and tab.model.rowCount() > 0 and not tab.model.more)
    tab.table.selectRow(0)
    wait(lambda: not window.busy() and bool((tab.detail.ticket or {}).get("events")))
    tour.stop("supervisor-tickets", window, {
        "dispatch": tab.assignButton, "office phoned": tab.contactedButton,
        "cancel ticket": tab.cancelButton, "close ticket": tab.closeButton,
        "refresh tickets": tab.refreshButton})
    tour.shot("supervisor-tickets", window)
    tab.open_assign()
    dialog = tab.dialogs[-1]
    wait(lambda: dialog.list.count() > 0 and not dialog.busy())
    dialog.list.setCurrentRow(0)
    tour.stop("ticket-assign", dialog, {"dispatch": dialog.ok, "buttons": dialog.buttons})
    dialog.reject()
    question = tab.cancel_ticket()
    tour.stop("ticket-cancel", question, {"cancel the ticket": question.ok})
    question.reject()


def add_monitoring(office: Any) -> list[str]:
    """Points of 朝阳区 and 南关区 with readings up to now, one household below 18 °C for 36
    hours (monitoring_office); the free text they show (recorded strings)."""
    from datetime import datetime

    import monitoring_office as mo

    now = datetime.now(mo.CST).replace(second=0, microsecond=0)
    mo.seed(office, now.replace(minute=now.minute - now.minute % 20))
    addresses = [row[0] for row in office.store.query("SELECT address FROM monitoring_points")]
    return [*mo.WORDS, *addresses]


def monitoring_tour(tour: Tour, window: Any) -> None:
    """The monitoring tab with a cold household's season drawn (its painted words and a day's
    tooltip checked too), and a day's raw readings."""
    from inspector_app.ui.supervisor.monitoring_tab import BELOW_COLUMNS

    tab = window.monitoring
    window.ui.tabs.setCurrentWidget(tab)
    wait(lambda: not window.busy())
    tab.districtEdit.setText("朝阳区")     # the tour's admin sees every district: one chosen
    tab.apply_filter()
    wait(lambda: not window.busy() and tab.model.rowCount() > 0 and bool(tab.below))
    tab.belowTable.setCurrentCell(0, 0)
    wait(lambda: not window.busy() and bool(tab.chart.points()))
    chart = tab.chart
    flagged = chart.flag_marks()
    tips = [chart.tooltip_at(mark.x()) for _p, _d, mark in flagged[:1]]
    buttons = {f"state {code or 'all'}": b for code, b in tab.stateButtons.items()}
    tour.stop("supervisor-monitoring", window, buttons | {
        "apply": tab.applyButton, "refresh": tab.refreshButton,
        "below refresh": tab.belowRefreshButton,
        "open ticket": tab.belowTable.cellWidget(0, BELOW_COLUMNS.index("ticket"))},
        extra=(*chart.painted_texts(), *tips))
    tour.shot("supervisor-monitoring", window)
    day = flagged[0][1] if flagged else chart.points()[0]["days"][-1]["day"]
    tab.open_day(chart.points()[0]["point_id"], day)
    wait(lambda: not window.busy() and bool(tab.dialogs))
    dialog = tab.dialogs[-1]
    tour.stop("monitoring-day", dialog, {})
    dialog.close()


def company_events_tour(tour: Tour, window: Any) -> None:
    """The heating events tab, the forms entering a stop and a heating period (each with our
    own refusal of an empty form showing)."""
    tab = window.company_events
    window.ui.tabs.setCurrentWidget(tab)
    wait(lambda: not window.busy() and tab.stops is not None and tab.periods is not None)
    tour.stop("supervisor-company-events", window, {
        "add stop": tab.addStopButton, "withdraw stop": tab.withdrawStopButton,
        "add period": tab.addPeriodButton, "actual days": tab.actualButton,
        "penalty notice": tab.noticeButton, "refresh events": tab.refreshButton})
    tour.shot("supervisor-company-events", window)
    for opened, name in ((tab.open_add_stop, "stop-add"), (tab.open_add_period, "period-add")):
        opened()
        dialog = tab.dialogs[-1]
        dialog.send()   # nothing typed: refused here, in the screen's language
        tour.stop(name, dialog, {"ok": dialog.ok, "back": dialog.back})
        dialog.reject()


def run(lang: str, out: Path) -> None:
    from inspector_app.office.auth import hash_password
    from inspector_app.seal.device_key import DeviceKey
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.supervisor.window import fetch_verified_envelope
    from tests.office.uploaded import confirm_refund, upload
    from tests.sync.factory import laptop_db
    from tests.sync.live import Laptop, LiveOffice

    app = make_application(["tour"])
    i18n.install_language(lang)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        office = LiveOffice(folder / "office" / "office.sqlite3").start()
        try:
            laptop = Laptop(folder / "laptop", laptop_db(folder / "laptop"), DeviceKey.generate())
            ids = upload(office, laptop, 3)
            office.store.add_user("admin1", "admin", hash_password(PASSWORD), None)
            confirm_refund(office, CONFIRMING_ADMIN)     # formal rulings need confirmed rules
            ticket_words = add_tickets(office) + add_monitoring(office)
            tour = Tour(lang, folder)
            from inspector_app.review.client import ReviewSession

            session = ReviewSession.login(office.url, "admin1", PASSWORD)
            envelope = fetch_verified_envelope(session, ids[1])
            session.close()
            inspector_app_tour(tour, envelope)
            supervisor_tour(tour, office)
        finally:
            office.stop()
    recorded = sorted({*recorded_strings(), *ticket_words, *tour.recorded}, key=len,
                      reverse=True)
    out.write_text(json.dumps({"stops": tour.stops, "recorded": recorded},
                              ensure_ascii=False, indent=1), encoding="utf-8")
    app.quit()


if __name__ == "__main__":
    run(sys.argv[1], Path(sys.argv[2]))
