"""Translations: every tr() source has a Chinese translation, the .qm is built and loads."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from inspector_app.paths import resource
from inspector_app.ui import build, i18n
from inspector_app.ui.qt import QCoreApplication

TS = resource("i18n", "inspector_zh_CN.ts")
QM = resource("i18n", "inspector_zh_CN.qm")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            out[(name, m.find("source").text)] = m.find("translation")
    return out


def test_every_source_string_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    build.update_translations(fresh)  # lupdate over the current UI code and forms
    current = messages(fresh)
    shipped = messages(TS)
    assert set(current) == set(shipped), "run python -m inspector_app.ui.build and translate"
    unfinished = [k for k, t in current.items()
                  if t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "")]
    assert unfinished == []


def test_qm_is_built_from_the_ts(tmp_path):
    assert QM.exists() and QM.stat().st_size > 1000
    out = tmp_path / "check.qm"
    subprocess.run([build._tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "rebuild the .qm with pyside6-lrelease"


def test_chinese_by_default_and_english_switchable(window, ctx):
    assert i18n.current() == "zh"
    assert QCoreApplication.translate("VisitWizard", "&Next >") == "下一步(&N) >"
    assert window.records.ui.newVisitButton.text() == "新建检测(&N)"
    window.set_language("en")
    QCoreApplication.processEvents()  # LanguageChange reaches the widgets through the queue
    try:
        assert window.records.ui.newVisitButton.text() == "&New visit"
        assert window.windowTitle() == "Indoor heating temperature inspection"
        assert ctx.settings.value("ui/language") == "en"
    finally:
        window.set_language("zh")
        QCoreApplication.processEvents()
    assert window.records.ui.newVisitButton.text() == "新建检测(&N)"


def _without_tool_version(code: str) -> str:
    """uic stamps its own version in a comment; a patch release of PySide6 must not fail this."""
    return "\n".join(line for line in code.splitlines() if not line.startswith("## Created by"))


def test_generated_forms_match_the_designer_files():
    for ui_file in build.forms():
        assert _without_tool_version(build.generated_path(ui_file).read_text(encoding="utf-8")) \
            == _without_tool_version(build.compile_form(ui_file)), f"recompile {ui_file.name}"
