"""The visit's "attach photo" bar: a file, or the camera where Qt Multimedia is installed.

What a photo is attached to follows where the inspector is: the point being measured on the
measuring page, the selected room on the rooms page, else the visit. Decoding and downscaling a
12-megapixel photo takes a moment, so `prepare_photo` runs in the thread pool; only the short
insert (`store.photos.store_prepared`) runs on the GUI thread, on the app's connection.
The camera needs PySide6-Addons (QtMultimedia), which the app does not depend on: without it the
camera button is simply not there.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.store import photos
from inspector_app.store.photo_image import PreparedPhoto, prepare_photo
from inspector_app.store.schema_photos import PHOTO_KINDS
from inspector_app.ui import i18n
from inspector_app.ui.background import Op, run_in_background
from inspector_app.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    is_alive,
    multimedia_available,
)
from inspector_app.ui.visit.measure_page import MeasurePage
from inspector_app.ui.visit.rooms_page import RoomsPage

if TYPE_CHECKING:
    from inspector_app.ui.visit.wizard import VisitWizard

IMAGE_FILTER = "*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp"


def photo_target(wizard: VisitWizard) -> tuple[str | None, str | None, str]:
    """(room id, point id, words for it) of where the inspector is now."""
    page = wizard.pages[wizard.current]
    if isinstance(page, MeasurePage) and page.selected is not None:
        room, point = page.selected
        return room.id, point.id, f"{room.name} · {point.index}"
    if isinstance(page, RoomsPage):
        rows = page.ui.roomsTable.selectionModel().selectedRows()
        if rows and rows[0].row() < len(wizard.visit.rooms):
            room = wizard.visit.rooms[rows[0].row()]
            return room.id, None, room.name
    return None, None, ""


class PhotoBar(QWidget):
    """"Photos: n  [Attach photo…] [Take photo…]" beside the wizard's Back/Next."""

    def __init__(self, wizard: VisitWizard) -> None:
        super().__init__(wizard)  # a child from the start: never shown as a window of its own
        self.wizard = wizard
        self.ops: list[Op] = []
        self.busy = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel()
        self.attach_button = QPushButton()
        self.attach_button.clicked.connect(self.choose_and_attach)
        self.camera_button = QPushButton()
        self.camera_button.clicked.connect(self.capture_and_attach)
        self.camera_button.setVisible(multimedia_available())
        for widget in (self.count_label, self.attach_button, self.camera_button):
            layout.addWidget(widget)
        self.retranslate()

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Shown while the visit can still change, usable once it is stored; the count so far."""
        self.setVisible(not self.wizard.read_only)
        for button in (self.attach_button, self.camera_button):
            button.setEnabled(self.wizard.stored and not self.busy)
        count = len(photos.links(self.wizard.ctx.store.db, self.wizard.visit.id)) \
            if self.wizard.stored else 0
        self.count_label.setText(self.tr("Photos: %1").replace("%1", str(count)))

    def retranslate(self) -> None:
        self.attach_button.setText(self.tr("Attach photo…"))
        self.camera_button.setText(self.tr("Take photo…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- attaching -----------------------------------------------------------------------------
    def choose_and_attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Images") + f" ({IMAGE_FILTER})")
        if path:
            self.ask_and_attach(lambda: photos.read_image(Path(path)))

    def capture_and_attach(self) -> None:
        from inspector_app.ui.visit.camera_dialog import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.jpeg:
            data = dialog.jpeg
            self.ask_and_attach(lambda: data)

    def ask_and_attach(self, read: Any) -> None:
        room_id, point_id, where = photo_target(self.wizard)
        dialog = PhotoDetailsDialog(where, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.attach(read, dialog.kind(), dialog.caption(), room_id, point_id)

    def attach(self, read: Any, kind: str, caption: str, room_id: str | None = None,
               point_id: str | None = None) -> Op:
        """Prepare `read()`'s bytes off the GUI thread, then store and link them here."""
        self.busy = True
        self.refresh()
        self.wizard.show_message(self.tr("Preparing the photo…"), "info")
        taken_at = datetime.now().astimezone().isoformat(timespec="seconds")
        op = run_in_background(lambda _p: prepare_photo(read()),
                               on_success=lambda prepared: self._store(
                                   prepared, kind, caption, room_id, point_id, taken_at),
                               on_failure=self._failed)
        self.ops = [o for o in self.ops if not o.done] + [op]
        return op

    def _store(self, prepared: PreparedPhoto, kind: str, caption: str, room_id: str | None,
               point_id: str | None, taken_at: str) -> None:
        if not is_alive(self):
            return  # the visit was closed meanwhile: nothing is stored
        self.busy = False
        try:
            photos.store_prepared(self.wizard.ctx.store.db, self.wizard.visit.id, prepared,
                                  kind=kind, caption=caption, room_id=room_id,
                                  point_id=point_id, taken_at=taken_at)
        except Exception as exc:  # noqa: BLE001 - said to the inspector, nothing half-stored
            self._failed(exc)
            return
        self.wizard.show_message(self.tr("Photo attached (%1 × %2 pixels).")
                                 .replace("%1", str(prepared.width))
                                 .replace("%2", str(prepared.height)), "ok")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not is_alive(self):
            return
        self.busy = False
        self.refresh()
        self.wizard.show_message(i18n.error_text(exc), "bad")


class PhotoDetailsDialog(QDialog):
    """What the photo shows (kind), an optional caption, and what it will be attached to."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach photo"))
        form = QFormLayout(self)
        self.kind_combo = QComboBox()
        labels = {"thermometer": self.tr("Thermometer display"),
                  "windows_closed": self.tr("Windows and doors closed"),
                  "radiator": self.tr("Radiator"), "other": self.tr("Other")}
        for kind in PHOTO_KINDS:
            self.kind_combo.addItem(labels[kind], kind)
        self.caption_edit = QLineEdit()
        self.caption_edit.setMaxLength(photos.MAX_CAPTION)
        form.addRow(self.tr("Shows"), self.kind_combo)
        form.addRow(self.tr("Caption"), self.caption_edit)
        form.addRow(self.tr("Attached to"), QLabel(where or self.tr("the visit")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def caption(self) -> str:
        return self.caption_edit.text()
