"""Make the inspector's guide screenshots: one visit through the real app, one set per language.

    .venv/bin/python docs/screenshots/guide.py zh docs/images/guide/zh
    .venv/bin/python docs/screenshots/guide.py en docs/images/guide/en

It sets up its own 1366×768 offscreen screen (a common inspector laptop), maximizes the main
window and walks a formal visit as an inspector would: the Center 309 emulator on a
pseudo-terminal is the thermometer, its cable is pulled once mid-point, both parties sign with
the mouse, the record is sealed and the slip previewed. Each PNG is a 64-colour palette image
(Pillow) so the guide stays small. Re-run it whenever a screen changes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
          "logicalBaseDpi": 96, "dpr": 1}
TIME_SCALE = 1200.0   # the emulator's curves and the visit clock: a 10-minute wait in 0.5 s

# what an inspector types, in the guide's language (addresses stay as written on the door)
TYPED = {
    "zh": {"city": "长春市", "street": "人民大街", "resident": "王芳", "company": "长春热力",
           "inspector": "李检"},
    "en": {"city": "Changchun", "street": "Renmin Street", "resident": "Wang Fang",
           "company": "Changchun Heating", "inspector": "Li Jian"},
}


class Pace:
    """The one qtbot call ui_helpers.draw_signature needs: wait while Qt runs."""

    def wait(self, ms: int) -> None:
        from inspector_app.ui.qt import QApplication

        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.005)


def wait(predicate: Any, seconds: float = 30.0) -> None:
    from inspector_app.ui.qt import QApplication

    end = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("the app did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


class Camera:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def shot(self, name: str, widget: Any) -> None:
        """The widget as on screen, reduced to a 64-colour palette without dithering (flat UI
        colours survive; anti-aliased text edges lose a little) and written optimised."""
        import io

        from PIL import Image

        from inspector_app.ui.qt import QBuffer, QByteArray

        Pace().wait(150)
        raw = QByteArray()
        buffer = QBuffer(raw)
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        widget.grab().save(buffer, "PNG")
        image = Image.open(io.BytesIO(bytes(raw))).convert("RGB")
        small = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT,
                               dither=Image.Dither.NONE)
        small.save(self.folder / f"{name}.png", optimize=True)


def visit_through(window: Any, ctx: Any, camera: Camera, lang: str) -> None:
    """Steps 1–7, the seal and the slip, photographed where the guide explains them."""
    from ui_helpers import draw_signature, set_time

    from inspector_app.ui.qt import QDate
    from inspector_app.ui.visit.wizard import DETAILS, MEASURE, PRECONDITIONS, ROOMS, SIGNING

    typed = TYPED[lang]
    window.records.ui.newVisitButton.click()
    wizard = window.wizard
    page = wizard.pages[0].ui
    page.portCombo.setCurrentIndex(page.portCombo.findData(ctx.emulator.path))
    page.protocolCombo.setCurrentIndex(page.protocolCombo.findData("center309"))
    page.modelEdit.setText("Center 309")
    page.serialEdit.setText("309-0042")
    page.certificateEdit.setText("JL-2026-0042")
    page.expiryEdit.setDate(QDate.currentDate().addYears(1))
    camera.shot("02-instrument", window)
    wizard.ui.nextButton.click()
    assert wizard.current == DETAILS, wizard.ui.messageLabel.text()

    d = wizard.pages[DETAILS].ui
    for edit, text in ((d.ticketEdit, "12345-2026-0001"), (d.cityEdit, typed["city"]),
                       (d.streetEdit, typed["street"]), (d.buildingEdit, "3"),
                       (d.flatEdit, "501"), (d.residentEdit, typed["resident"]),
                       (d.phoneEdit, "13812345678"), (d.companyEdit, typed["company"]),
                       (d.inspectorEdit, typed["inspector"])):
        edit.setText(text)
    d.areaSpin.setValue(86.5)
    now = datetime.now()
    set_time(d.complaintEdit, now - timedelta(minutes=90))
    set_time(d.contactEdit, now - timedelta(minutes=80))
    set_time(d.arrivalEdit, now - timedelta(minutes=40))
    camera.shot("03-details", window)
    wizard.ui.nextButton.click()
    assert wizard.current == PRECONDITIONS, wizard.ui.messageLabel.text()

    pre = wizard.pages[PRECONDITIONS]
    for box in pre.checks.values():
        box.setChecked(True)
    set_time(pre.ui.closedSinceEdit, now - timedelta(minutes=40))
    camera.shot("04-preconditions", window)
    wizard.ui.nextButton.click()
    assert wizard.current == ROOMS, wizard.ui.messageLabel.text()

    rooms = wizard.pages[ROOMS].ui
    rooms.kindCombo.setCurrentIndex(rooms.kindCombo.findData("bedroom"))
    rooms.areaSpin.setValue(12.0)
    rooms.addRoomButton.click()
    rooms.areaSpin.setValue(14.0)
    rooms.addRoomButton.click()
    camera.shot("05-rooms", window)
    wizard.ui.nextButton.click()
    assert wizard.current == MEASURE, wizard.ui.messageLabel.text()

    measure_with_one_unplug(window, ctx, camera, wizard)
    wizard.ui.nextButton.click()
    camera.shot("08-result", window)
    wizard.ui.nextButton.click()
    assert wizard.current == SIGNING, wizard.ui.messageLabel.text()

    sign = wizard.pages[SIGNING]
    draw_signature(Pace(), sign.ui.inspectorPad)
    draw_signature(Pace(), sign.ui.residentPad)
    wait(lambda: sign.ui.sealButton.isEnabled())
    camera.shot("09-signing", window)
    sign.ui.sealButton.click()
    wait(lambda: sign.confirm_box is not None and sign.confirm_box.isVisible())
    camera.shot("10-seal-confirm", sign.confirm_box)
    sign.confirm_box.findChild(type(sign.ui.sealButton), "confirmYes").click()
    wait(lambda: wizard.read_only)
    sign.ui.slipButton.click()
    dialog = window.slip_dialog
    wait(lambda: dialog.ui.printButton.isEnabled())
    camera.shot("11-slip", dialog)
    dialog.close()


def measure_with_one_unplug(window: Any, ctx: Any, camera: Camera, wizard: Any) -> None:
    """Every point on the live thermometer; the cable is pulled once, then plugged back in."""
    page = wizard.measure
    wait(lambda: wizard.connection_state == "connected")
    first = True
    while wizard.session.next_open_point() is not None:
        _room, point = page.selected
        page.ui.startButton.click()
        wait(lambda p=point: len(p.samples) >= 6)
        if first:
            camera.shot("06-measuring", window)
            ctx.emulator.unplug()
            wait(lambda: wizard.connection_state in ("disconnected", "reconnecting"))
            camera.shot("07-unplugged", window)
            ctx.emulator.replug()
            wait(lambda: wizard.connection_state == "connected")
            first = False
        wait(lambda p=point: len(p.captured) == 3)


def main(lang: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        screen = Path(tmp) / "screen.json"
        screen.write_text(json.dumps({"synchronousWindowSystemEvents": True,
                                      "windowFrameMargins": False, "screens": [SCREEN]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        photograph(lang, Path(tmp) / "data", Camera(out))


def photograph(lang: str, folder: Path, camera: Camera) -> None:
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.context import AppContext, start_demo_emulator
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.qt import QThreadPool

    app = make_application(["guide"])
    i18n.install_language(lang)
    emulator = start_demo_emulator(TIME_SCALE, temps=(17.2, 18.4))
    ctx = AppContext.open(folder, clock_scale=TIME_SCALE, emulator=emulator,
                          monitor_options={"poll_interval": 0.05}, emulator_temps=(17.2, 18.4))
    try:
        ctx.settings.setValue("ui/language", lang)
        window = MainWindow(ctx)
        window.showMaximized()
        camera.shot("01-records-empty", window)
        visit_through(window, ctx, camera, lang)
        window.show_records()
        wait(lambda: window.wizard is None)
        window.records.ui.table.selectRow(0)
        camera.shot("12-records", window)
        window.ui.actionAbout.trigger()
        camera.shot("13-about", window.about_box)
        window.about_box.close()
        window.quit_confirmed = True
        window.close()
        QThreadPool.globalInstance().waitForDone(10000)
    finally:
        ctx.emulator = None
        emulator.stop()
        ctx.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
