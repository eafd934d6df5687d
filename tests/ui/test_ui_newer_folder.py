"""A Start-menu user opening a data folder made by a newer program sees why in a window, in the
screen language with Qt's own buttons translated, and the app exits 2 without touching it."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pytest

from inspector_app.store.database import DB_FILENAME
from inspector_app.ui import i18n
from inspector_app.ui.app import run_app
from inspector_app.ui.qt import QApplication, QMessageBox, QTimer
from inspector_app.ui.settings import open_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from test_upgrade import newer_release_folder  # noqa: E402


def answer_refusal(seen: dict, tries: int = 250) -> None:
    """Read the refusal box once it is shown, then press its only button as a user would."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        if tries:
            QTimer.singleShot(20, lambda: answer_refusal(seen, tries - 1))
        return
    seen.update(title=box.windowTitle(), text=box.text(), icon=box.icon(),
                buttons=[b.text() for b in box.buttons()])
    box.buttons()[0].click()


@pytest.mark.parametrize(("lang", "says", "button", "other"), [
    ("zh", "已被更新版本的程序使用过", "确定", "newer version"),
    ("en", "was used by a newer version of the program", "OK", "更新版本"),
])
def test_a_newer_folder_is_refused_in_a_window_in_the_screen_language(
        app, tmp_path, lang, says, button, other):
    folder = tmp_path / "data"
    folder.mkdir()
    newer_release_folder(folder)
    settings = open_settings(folder)
    settings.setValue("ui/language", lang)
    settings.sync()
    before = hashlib.sha256((folder / DB_FILENAME).read_bytes()).hexdigest()
    seen: dict = {}
    QTimer.singleShot(0, lambda: answer_refusal(seen))
    try:
        code = run_app(argparse.Namespace(data_dir=str(folder), demo=False, lang="zh"))
    finally:
        i18n.install_language("zh")
    assert code == 2
    assert seen["icon"] == QMessageBox.Icon.Critical
    assert says in seen["text"] and other not in seen["text"]
    assert seen["buttons"] == [button]
    assert seen["title"] == {"zh": "无法打开数据文件夹", "en": "Cannot open the data folder"}[lang]
    assert hashlib.sha256((folder / DB_FILENAME).read_bytes()).hexdigest() == before


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ["关于", "程序版本：", "记录格式：", "数据结构版本：", "数据文件夹："]),
    ("en", ["About", "Program version: ", "Record format: ", "Data schema version: ",
            "Data folder: "]),
])
def test_help_about_shows_the_versions_and_the_data_folder(window, lang, words):
    from inspector_app import __version__
    from inspector_app.seal.record import FORMAT
    from inspector_app.store.database import latest_version

    i18n.install_language(lang)
    QApplication.processEvents()   # LanguageChange is posted to the window
    try:
        help_menu = window.ui.menuHelp
        assert help_menu.title() == {"zh": "帮助(&H)", "en": "&Help"}[lang]
        help_menu.actions()[0].trigger()
        box = window.about_box
        shown = f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}"
        title, *labels = words
        assert box.windowTitle() == title and box.isVisible()
        assert all(label in shown for label in labels)
        for value in (__version__, FORMAT, str(latest_version()), str(window.ctx.data_dir)):
            assert value in shown
        box.close()
    finally:
        i18n.install_language("zh")
