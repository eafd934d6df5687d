"""Help → About: the three numbers support asks for first (program release, record format, data
schema) and the data folder, so an inspector can read them out over the phone without a console.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app import __version__
from inspector_app.seal.record import FORMAT
from inspector_app.store.database import latest_version
from inspector_app.ui.qt import QMessageBox, Qt, QWidget


class AboutBox(QMessageBox):
    def __init__(self, parent: QWidget, data_dir: Path) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("About"))
        self.setText(self.tr("Indoor heating temperature inspection"))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setObjectName("aboutBox")
        self.setInformativeText("\n".join([
            self.tr("Program version: %1").replace("%1", __version__),
            self.tr("Record format: %1").replace("%1", FORMAT),
            self.tr("Data schema version: %1").replace("%1", str(latest_version())),
            self.tr("Data folder: %1").replace("%1", str(data_dir)),
        ]))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def show_about(parent: QWidget, data_dir: Path) -> AboutBox:
    """Open the About box (window-modal, not blocking); the caller keeps it while it is shown."""
    box = AboutBox(parent, data_dir)
    box.open()
    return box
