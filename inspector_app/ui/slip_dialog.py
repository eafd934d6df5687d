"""Preview, print and save the test slip of a sealed record.

The PDF is made by `slip.render.render_slip` and its pages rasterised by pdfium
(`slip.preview.render_pages_png`), both in the background: what the inspector sees is exactly
what prints. Printing paints those page images onto the printer chosen in the system dialog
(no QtPdf needed); saving writes the PDF bytes themselves.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.context import AppContext
from inspector_app.ui.generated.slip_preview import Ui_SlipPreviewDialog
from inspector_app.ui.qt import (
    QDialog,
    QFileDialog,
    QImage,
    QLabel,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QRectF,
    QSettings,
    Qt,
    QWidget,
)
from inspector_app.ui.screen_fit import fit_to_screen
from inspector_app.ui.settings import paper as stored_paper
from inspector_app.ui.style import message_style

PREVIEW_DPI = 90.0
PAPERS = ("a4", "80mm")


def render(envelope: dict, paper: str, lang: str, dpi: float) -> tuple[bytes, list[bytes]]:
    """The slip PDF and its pages as PNG (runs in a worker thread)."""
    from inspector_app.slip.preview import render_pages_png
    from inspector_app.slip.render import render_slip

    pdf = render_slip(envelope, paper=paper, lang=lang)
    return pdf, render_pages_png(pdf, dpi)


class SlipDialog(QDialog):
    """The slip of one sealed envelope; `envelope=None` says the visit is not sealed yet."""

    def __init__(self, parent: QWidget, settings: QSettings, data_dir: Path,
                 envelope: dict | None) -> None:
        super().__init__(parent)
        self.settings, self.data_dir = settings, Path(data_dir)
        self.ui = Ui_SlipPreviewDialog()
        self.ui.setupUi(self)
        self.envelope = envelope
        self.pdf: bytes | None = None
        self.pages: list[bytes] = []
        self.op = None
        self.ui.paperCombo.addItem(self.tr("A4 (four copies, one per page)"), "a4")
        self.ui.paperCombo.addItem(self.tr("80 mm roll (thermal printer)"), "80mm")
        self.ui.paperCombo.setCurrentIndex(PAPERS.index(stored_paper(settings)))
        self.ui.paperCombo.currentIndexChanged.connect(self._paper_changed)
        self.ui.printButton.clicked.connect(self.print_slip)
        self.ui.savePdfButton.clicked.connect(self.save_pdf)
        self.ui.closeButton.clicked.connect(self.reject)
        fit_to_screen(self, 900, 800)
        self.refresh()

    @classmethod
    def for_visit(cls, parent: QWidget, ctx: AppContext, visit_id: str) -> SlipDialog:
        from inspector_app.store.sealed import SealedStore

        return cls(parent, ctx.settings, ctx.data_dir,
                   SealedStore(ctx.db).envelope_for_visit(visit_id))

    def paper(self) -> str:
        return self.ui.paperCombo.currentData()

    def _paper_changed(self) -> None:
        self.settings.setValue("slip/paper", self.paper())
        self.refresh()

    def _status(self, text: str, kind: str = "info") -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setStyleSheet(message_style(kind) if text else "")

    def refresh(self) -> None:
        """Render the slip for the chosen paper in the background."""
        if self.envelope is None:
            self._status(self.tr("This visit is not sealed: there is no slip yet."), "bad")
            self._enable(False)
            return
        self._enable(False)
        self._status(self.tr("Preparing the slip…"))
        envelope, paper, lang = self.envelope, self.paper(), i18n.current()
        self.op = run_in_background(lambda _p: render(envelope, paper, lang, PREVIEW_DPI),
                                    on_success=self._rendered, on_failure=self._failed)

    def _enable(self, on: bool) -> None:
        self.ui.printButton.setEnabled(on)
        self.ui.savePdfButton.setEnabled(on)

    def _rendered(self, result: tuple[bytes, list[bytes]]) -> None:
        self.pdf, self.pages = result
        layout = self.ui.pagesLayout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for png in self.pages:
            label = QLabel(self.ui.pagesHost)
            pixmap = QPixmap.fromImage(QImage.fromData(png, "PNG"))
            label.setPixmap(pixmap)
            label.setMinimumSize(pixmap.size())  # scroll, never squash a page
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("border: 1px solid #888; background: white;")
            layout.addWidget(label)
        self._status(self.tr("%1 page(s)").replace("%1", str(len(self.pages))), "ok")
        self._enable(True)

    def _failed(self, exc: BaseException) -> None:
        self._status(i18n.error_text(exc), "bad")

    # -- print and save --------------------------------------------------------------------
    def print_slip(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._status(self.tr("Preparing pages for the printer…"))
        self._enable(False)
        pdf, dpi = self.pdf, min(float(printer.resolution()), 300.0)

        def rasterise(_progress):  # noqa: ANN001, ANN202
            from inspector_app.slip.preview import render_pages_png

            return render_pages_png(pdf, dpi)

        self.op = run_in_background(rasterise, on_success=lambda pngs: self._paint(printer, pngs),
                                    on_failure=self._failed)

    def _paint(self, printer: QPrinter, pngs: list[bytes]) -> None:
        paint_pages(printer, pngs)
        self._status(self.tr("Sent to the printer."), "ok")
        self._enable(True)

    def save_pdf(self) -> None:
        suggested = str(self.data_dir / f"slip-{self.envelope['record']['record_id'][:8]}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save slip as PDF"), suggested,
                                              "PDF (*.pdf)")
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        path.write_bytes(self.pdf or b"")
        self._status(self.tr("Saved: %1").replace("%1", path.name), "ok")
        self.ui.statusLabel.setToolTip(str(path))


def paint_pages(printer: QPrinter, pngs: list[bytes]) -> None:
    """Draw each page image scaled to the printer's page, keeping its aspect ratio."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, png in enumerate(pngs):
            if i:
                printer.newPage()
            image = QImage.fromData(png, "PNG")
            page = painter.viewport()
            scale = min(page.width() / image.width(), page.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(0, 0, w, h), image)
    finally:
        painter.end()
