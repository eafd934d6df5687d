"""Chinese renders as real glyphs with the bundled font, not as empty boxes."""

from __future__ import annotations

from inspector_app.paths import resource
from inspector_app.ui.fonts import FONT_FILE, register_bundled_font
from inspector_app.ui.qt import QColor, QFont, QFontMetrics, QImage, QPainter, QRawFont, Qt

TEXT = "室温检测合格不退费卧客厅签字"


def render(font: QFont, ch: str) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, ch)
    p.end()
    return image


def ink(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 128)


def test_bundled_font_has_and_draws_the_chinese_glyphs(app):
    family = register_bundled_font()
    font = QFont(family)
    font.setPointSize(28)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # this font only, no fallback
    # QFontMetrics.inFont answers False for about a third of this font's CJK glyphs that it
    # does draw (Qt 6.12 quirk), so ask the font file's own cmap through QRawFont instead.
    raw = QRawFont(str(resource(*FONT_FILE)), 28)
    assert 0 not in raw.glyphIndexesForString(TEXT)
    missing = "\ue000"  # private use: no font has it, so what is drawn is the "no glyph" shape
    assert raw.glyphIndexesForString(missing) == [0]
    assert QFontMetrics(font).inFont("室")
    box = render(font, missing).bits().tobytes()
    images = {ch: render(font, ch) for ch in TEXT}
    patterns = {img.bits().tobytes() for img in images.values()}
    assert len(patterns) == len(TEXT)  # every character has its own shape
    assert box not in patterns
    assert all(ink(img) > 40 for img in images.values())  # real strokes, not blank
    assert ink(images["检"]) > ink(images["不"])  # more strokes, more ink


def test_app_font_falls_back_to_the_bundled_family(app):
    family = register_bundled_font()
    assert family in app.font().families()


def test_chinese_window_titles_render(window):
    image = window.grab().toImage()
    assert window.windowTitle() == "供热室温检测"
    assert image.width() > 0
