"""Files the supervisor saves: the ruling PDF from its button, exports named by their format."""

from __future__ import annotations

from pathlib import Path

from test_supervisor_window import open_window, populated, select_row, settings, wait_idle
from ui_helpers import click

from inspector_app.ui.qt import QFileDialog, QPushButton
from inspector_app.ui.supervisor.window import export_target

__all__ = ["populated", "settings"]  # fixtures used by name


def test_export_target_names_the_format():
    assert export_target(Path("a/records.xlsx"), "csv") == (Path("a/records.xlsx"), "xlsx")
    assert export_target(Path("a/records.CSV"), "xlsx") == (Path("a/records.CSV"), "csv")
    assert export_target(Path("a/records"), "csv") == (Path("a/records.csv"), "csv")
    assert export_target(Path("a/records.2026"), "xlsx") == (Path("a/records.2026.xlsx"), "xlsx")


def test_save_pdf_button_and_exports_match_their_names(app, qtbot, populated, settings, tmp_path,
                                                       monkeypatch):
    from inspector_app.ui.supervisor.ruling_dialog import RulingDialog

    office, _ids = populated
    window = open_window(qtbot, office, tmp_path, settings)
    failing = next(i for i, r in enumerate(window.model.rows) if r["verdict"] == "fail")
    select_row(qtbot, window, failing)
    click(qtbot, window.ui.rulingButton)
    dialog = next(d for d in window.dialogs if isinstance(d, RulingDialog))
    click(qtbot, dialog.issueButton)   # asked first
    with qtbot.waitSignal(dialog.issued, timeout=20000):
        click(qtbot, dialog.confirm_box.findChild(QPushButton, "confirmYes"))
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20000)
    # the supervisor types a name without the extension in Qt's save dialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(tmp_path / "ruling"), "")))
    click(qtbot, dialog.saveButton)   # clicked(bool) once arrived here as the path: a crash
    saved = tmp_path / "ruling.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert str(saved) in dialog.statusLabel.text()
    dialog.close()

    # CSV button, .xlsx name: the file is a spreadsheet, never a CSV under an .xlsx name
    window.export("csv", tmp_path / "records.xlsx")
    wait_idle(qtbot, window)
    assert (tmp_path / "records.xlsx").read_bytes()[:2] == b"PK"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(tmp_path / "list"), "")))
    click(qtbot, window.ui.exportCsvButton)
    wait_idle(qtbot, window)
    assert (tmp_path / "list.csv").read_bytes().startswith("\ufeff".encode())
    window.close()
