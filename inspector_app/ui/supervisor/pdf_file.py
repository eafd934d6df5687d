"""Saving and printing a ruling's PDF, one way for every ruling dialog.

The dialogs keep their own `tr` calls (their translation context) and pass the words in; the
file is written atomically, and the pages are rasterised off the GUI thread before printing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from inspector_app.atomic_file import write_atomically
from inspector_app.ui.background import Op, run_in_background
from inspector_app.ui.qt import QDialog, QFileDialog, QPrintDialog, QPrinter, QWidget


def save_pdf_as(parent: QWidget, pdf: bytes, suggested: Path, title: str,
                path: Path | None = None) -> Path | None:
    """Write `pdf` to `path`, or where the user chooses (None if they cancel); the name always
    ends in .pdf, since the name says what the file is."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    write_atomically(path, pdf)
    return path


def print_pdf_pages(parent: QWidget, pdf: bytes,
              on_failure: Callable[[BaseException], None]) -> Op | None:
    """Ask for a printer, then rasterise `pdf` in the background and paint it there; returns the
    background operation (keep a reference), None if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    dpi = min(float(printer.resolution()), 300.0)

    def rasterise(_p):  # noqa: ANN001, ANN202
        from inspector_app.slip.preview import render_pages_png

        return render_pages_png(pdf, dpi)

    from inspector_app.ui.slip_dialog import paint_pages

    return run_in_background(rasterise, on_success=lambda pngs: paint_pages(printer, pngs),
                             on_failure=on_failure)
