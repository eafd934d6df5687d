"""Step 3: the profile's preconditions, exemptions, and a timer since doors and windows closed.

Whether measuring may start is `VisitSession.check_ready_to_measure`'s call; the page only
shows the list and the time, and forwards the refusal if there is one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from inspector_app.core.model import Visit
from inspector_app.ui import i18n
from inspector_app.ui.generated.page_preconditions import Ui_PreconditionsPage
from inspector_app.ui.qt import QCheckBox, QDateTime, QTimer
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage
from inspector_app.ui.visit.demo_clock import DemoClockBanner, demo_elapsed
from inspector_app.ui.visit.details_page import from_qt, to_qt


class PreconditionsPage(StepPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_PreconditionsPage()
        self.ui.setupUi(self)
        profile = wizard.profile
        self.checks: dict[str, QCheckBox] = {}
        self.exemptions: dict[str, QCheckBox] = {}
        for item in profile.preconditions:
            box = QCheckBox(self.ui.checklistBox)
            box.setObjectName(f"check_{item.key}")
            self.ui.checklistLayout.addWidget(box)
            self.checks[item.key] = box
        for item in profile.exemptions:
            box = QCheckBox(self.ui.exemptionsBox)
            box.setObjectName(f"exempt_{item.key}")
            self.ui.exemptionsLayout.addWidget(box)
            self.exemptions[item.key] = box
        self.ui.closedNowButton.clicked.connect(
            lambda: self.ui.closedSinceEdit.setDateTime(QDateTime.currentDateTime()))
        self.ui.closedSinceEdit.dateTimeChanged.connect(self.tick)
        self.demo_banner = DemoClockBanner(self.ctx, self)
        self.ui.closedLayout.insertWidget(0, self.demo_banner)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Preconditions")

    def enter(self) -> None:
        for key, box in self.checks.items():
            box.setChecked(bool(self.visit.preconditions.get(key)))
        for key, box in self.exemptions.items():
            box.setChecked(key in self.visit.exemptions)
        since = self.visit.closed_since or datetime.now().astimezone()
        self.ui.closedSinceEdit.setDateTime(to_qt(since))
        self.timer.start()
        self.tick()

    def closed_since(self) -> datetime:
        return from_qt(self.ui.closedSinceEdit.dateTime())

    def tick(self) -> None:
        """Minutes since closing, against the profile's minimum (wall time: it spans the wait;
        the demo's runs on the demo clock)."""
        need = self.wizard.profile.min_closed_minutes
        elapsed = demo_elapsed(self.ctx, datetime.now().astimezone() - self.closed_since())
        seconds = max(0, int(elapsed.total_seconds()))
        self.ui.closedTimer.setText(f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}")
        left = timedelta(minutes=need) - elapsed
        if left <= timedelta(0):
            self.ui.closedStatus.setText(self.tr("Closed long enough (at least %1 min).")
                                         .replace("%1", str(need)))
            self.ui.closedStatus.setStyleSheet(message_style("ok"))
        else:
            minutes = int(left.total_seconds() // 60) + 1
            self.ui.closedStatus.setText(self.tr("Needs %1 min closed: about %2 min to go.")
                                         .replace("%1", str(need)).replace("%2", str(minutes)))
            self.ui.closedStatus.setStyleSheet(message_style("warn"))

    def write(self, visit: Visit | None = None) -> None:
        """The widgets into `visit` (the wizard's by default; a preview copy for the rail)."""
        v = visit or self.visit
        v.preconditions = {k: box.isChecked() for k, box in self.checks.items()}
        v.exemptions = [k for k, box in self.exemptions.items() if box.isChecked()]
        v.closed_since = self.closed_since()

    def leave(self, forward: bool) -> None:
        self.timer.stop()
        self.write()
        if forward:
            try:
                self.check_stored()
            except Exception:
                self.timer.start()
                raise
        self.wizard.ensure_stored()

    def check_stored(self) -> None:
        """Measuring may start (the core's call); the test starts when first asked."""
        if self.visit.test_at is None:
            self.visit.test_at = self.session.wall()
        self.session.check_ready_to_measure()
        self.wizard.ensure_stored()

    def retranslate(self) -> None:
        lang = i18n.current()
        for item in self.wizard.profile.preconditions:
            self.checks[item.key].setText(item.label(lang))
        for item in self.wizard.profile.exemptions:
            self.exemptions[item.key].setText(item.label(lang))
        self.tick()
