"""The record detail's photos: thumbnails fetched off the GUI thread, a larger view on click.

Each photo the sealed record cites is fetched by hash through `loader` (the review session's
`photo`, which refuses bytes whose SHA-256 is not the cited one) in the thread pool; the GUI
thread only decodes the JPEG (≤ 2 megapixels) and scales it. A photo the office has not received
says so instead of a picture: the record is incomplete, never silently shown as whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QGridLayout,
    QIcon,
    QImage,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    is_alive,
)
from inspector_app.ui.style import message_style

THUMB = 160
COLUMNS = 4
CACHED = 48  # decoded photos kept across records and language switches (≤ 2 MP each)
Loader = Callable[[str], bytes]


class PhotoStrip(QWidget):
    """`show_record(record, evidence)` for each record; `clear()` between them.

    Tests read `tiles` (sha256 → button), `status` (sha256 → 'loading'|'shown'|'missing'|
    'failed') and `summary`.
    """

    def __init__(self, loader: Loader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.tiles: dict[str, QPushButton] = {}
        self.status: dict[str, str] = {}
        self.images: dict[str, QImage] = {}
        self._cache: dict[str, QImage] = {}  # checked photos, newest last
        self._photos: list[dict[str, Any]] = []
        self._missing: set[str] = set()
        self._generation = 0
        self.ops: list[Any] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 1)

    def clear(self) -> None:
        self._generation += 1  # answers for the previous record are dropped
        self._photos, self._missing = [], set()
        self.tiles.clear()
        self.status.clear()
        self.images.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.summary.clear()
        self.summary.setStyleSheet("")

    def show_record(self, record: dict[str, Any], evidence: dict[str, Any] | None) -> None:
        self.clear()
        photos = record.get("photos") if isinstance(record.get("photos"), list) else []
        unique: dict[str, dict[str, Any]] = {}
        for p in photos:  # one tile per picture, as first cited
            if isinstance(p, dict) and isinstance(p.get("sha256"), str):
                unique.setdefault(p["sha256"], p)
        self._photos = list(unique.values())
        self._missing = set((evidence or {}).get("photos_missing") or [])
        for n, photo in enumerate(self._photos):
            sha = photo["sha256"]
            button = QPushButton()
            button.setIconSize(QSize(THUMB, THUMB))
            button.setMinimumSize(THUMB + 16, THUMB + 40)
            button.clicked.connect(lambda _=False, s=sha: self.open_large(s))
            self.grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.tiles[sha] = button
            if sha in self._missing:
                self.status[sha] = "missing"
            elif sha in self._cache:
                self._show_image(sha, self._cache[sha])
            else:
                self.status[sha] = "loading"
                self._fetch(sha)
        self._retranslate()

    def _fetch(self, sha: str) -> None:
        if self.loader is None:
            self.status[sha] = "failed"
            return
        loader, generation = self.loader, self._generation
        self.ops.append(run_in_background(
            lambda _p: loader(sha),
            on_success=lambda data: self._arrived(generation, sha, data),
            on_failure=lambda exc: self._failed(generation, sha, exc)))

    def _current(self, generation: int, sha: str) -> bool:
        """An answer for the record still shown, by a strip not yet deleted."""
        return is_alive(self) and generation == self._generation and sha in self.tiles \
            and is_alive(self.tiles[sha])

    def _arrived(self, generation: int, sha: str, data: bytes) -> None:
        if not self._current(generation, sha):
            return
        image = QImage.fromData(data)
        if image.isNull():
            self._failed(generation, sha, ValueError("not an image"))
            return
        self._cache[sha] = image
        while len(self._cache) > CACHED:
            del self._cache[next(iter(self._cache))]
        self._show_image(sha, image)
        self._retranslate()

    def _show_image(self, sha: str, image: QImage) -> None:
        self.images[sha] = image
        self.status[sha] = "shown"
        self.tiles[sha].setIcon(QIcon(QPixmap.fromImage(image.scaled(
            THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))))

    def _failed(self, generation: int, sha: str, exc: BaseException) -> None:
        if not self._current(generation, sha):
            return
        self.status[sha] = "failed"
        self.tiles[sha].setToolTip(i18n.error_text(exc))
        self._retranslate()

    def kind_label(self, kind: Any) -> str:
        return {"thermometer": self.tr("Thermometer display"),
                "windows_closed": self.tr("Windows and doors closed"),
                "radiator": self.tr("Radiator"), "other": self.tr("Other")}.get(str(kind),
                                                                                 str(kind))

    def _tile_text(self, photo: dict[str, Any]) -> str:
        state = self.status.get(photo["sha256"], "loading")
        words = {"loading": self.tr("loading…"), "missing": self.tr("not received yet"),
                 "failed": self.tr("could not be loaded"), "shown": ""}[state]
        text = self.kind_label(photo.get("kind"))
        if photo.get("caption"):
            text += f"\n{photo['caption']}"
        return text + (f"\n{words}" if words else "")

    def _retranslate(self) -> None:
        for photo in self._photos:
            tile = self.tiles.get(photo["sha256"])
            if tile is not None:
                tile.setText(self._tile_text(photo))
        if not self._photos:
            self.summary.setText(self.tr("This record has no photos."))
            self.summary.setStyleSheet("")
        elif self._missing:
            self.summary.setText(self.tr("%1 photos cited; %2 not yet received by the office: "
                                         "the evidence is incomplete.")
                                 .replace("%1", str(len(self._photos)))
                                 .replace("%2", str(len(self._missing))))
            self.summary.setStyleSheet(message_style("bad"))
        else:
            self.summary.setText(self.tr("%1 photos, each checked against the hash in the sealed "
                                         "record. Click one to see it larger.")
                                 .replace("%1", str(len(self._photos))))
            self.summary.setStyleSheet("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def open_large(self, sha: str) -> QDialog | None:
        image = self.images.get(sha)
        if image is None:
            return None
        photo = next(p for p in self._photos if p["sha256"] == sha)
        dialog = PhotoViewer(image, self.kind_label(photo.get("kind")), sha, self)
        dialog.open()
        return dialog


class PhotoViewer(QDialog):
    """One photo at up to screen size, with its hash (the photo as the record cites it)."""

    def __init__(self, image: QImage, title: str, sha: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen = self.screen().availableGeometry() if self.screen() else None
        most = QSize(int(screen.width() * 0.8), int(screen.height() * 0.75)) if screen \
            else QSize(1200, 900)
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            most, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.picture)
        layout.addWidget(scroll, 1)
        hash_label = QLabel(f"SHA-256 {sha}")
        hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(hash_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(most.width() + 40, most.height() + 100)
