"""The demo's fast clock, said out loud: a point takes seconds, the chart counts demo minutes.

The demo runs the visit's clock and the emulator's curves `clock_scale` times faster than real
time; without a word on screen an inspector in training takes "190 min" on the chart, or a
30-minute closure wait, at face value. The banner says so, and the closure wait runs on the same
scale as everything else in the demo.
"""

from __future__ import annotations

from datetime import timedelta

from inspector_app.ui.qt import QEvent, QLabel, QWidget
from inspector_app.ui.style import message_style


def demo_scale(ctx) -> float:  # noqa: ANN001 - AppContext
    """How much faster than real time the demo runs (1.0 outside the demo)."""
    return float(ctx.clock_scale) if ctx.demo and ctx.clock_scale > 1 else 1.0


def demo_elapsed(ctx, real: timedelta) -> timedelta:  # noqa: ANN001 - AppContext
    """Wall time that passed, as the demo counts it (real time outside the demo)."""
    return real * demo_scale(ctx)


class DemoClockBanner(QLabel):
    """"演示：时间 ×120 加速" on a page whose times run on the demo clock; hidden otherwise."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("demoClockBanner")
        self.scale = demo_scale(ctx)
        self.setStyleSheet(message_style("warn"))
        self.setVisible(self.scale > 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Demo: time runs ×%1 faster").replace("%1", f"{self.scale:g}"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
