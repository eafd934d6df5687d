"""Windows sized for the screen they open on, a 1366×768 laptop included.

A preferred size (1280×800 for the main window, 1400×860 for supervisor review) is only a wish:
each window takes at most the screen's available area (768 less the taskbar) less room for the
title bar, which Qt cannot measure before the window is shown, so the buttons along the bottom
edge are never off screen at 100 % scale.
"""

from __future__ import annotations

from inspector_app.ui.qt import QGuiApplication, QRect, QWidget

TITLE_BAR_PX = 32    # a Windows 10/11 caption at 100 %; the frame's sides are a pixel or two
SIDE_FRAME_PX = 2


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width×height or less, so its frame fits the available area."""
    area = available_area(window)
    w = min(width, area.width() - 2 * SIDE_FRAME_PX)
    h = min(height, area.height() - TITLE_BAR_PX - SIDE_FRAME_PX)
    window.resize(max(w, window.minimumWidth()), max(h, window.minimumHeight()))


def keep_on_screen(window: QWidget) -> None:
    """After restoring a saved geometry (perhaps from a bigger monitor): shrink and move the
    window back into the available area."""
    area = available_area(window)
    fit_to_screen(window, window.width(), window.height())
    x = min(max(window.x(), area.left()), area.right() - window.width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - window.height() - TITLE_BAR_PX + 1)
    window.move(max(x, area.left()), max(y, area.top()))
