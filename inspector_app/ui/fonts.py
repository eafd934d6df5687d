"""The bundled CJK font, registered before any widget is built.

A laptop in a heating office may have no Chinese font at all (a stripped Windows image, a fresh
Linux install): without the bundled Droid Sans Fallback every label would be empty boxes.
"""

from __future__ import annotations

from inspector_app.paths import resource
from inspector_app.ui.qt import QApplication, QFont, QFontDatabase

FONT_FILE = ("fonts", "DroidSansFallbackFull.ttf")
BASE_POINT_SIZE = 12

_family: str | None = None


def register_bundled_font() -> str:
    """Add the bundled font to Qt's database once; return its family name."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(resource(*FONT_FILE)))
        if font_id < 0:
            raise RuntimeError(f"cannot load the bundled font {resource(*FONT_FILE)}")
        _family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return _family


def ui_font(point_size: int = BASE_POINT_SIZE) -> QFont:
    """The app font: system sans first, the bundled CJK font as fallback for Chinese glyphs."""
    family = register_bundled_font()
    font = QFont()
    font.setFamilies([family, "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"])
    font.setPointSize(point_size)
    return font


def install_app_font(app: QApplication) -> None:
    app.setFont(ui_font())
