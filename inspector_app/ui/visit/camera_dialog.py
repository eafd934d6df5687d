"""Taking a photo with the laptop's camera (only offered when QtMultimedia is installed).

The captured frame is handed on as JPEG bytes; `store.photos` re-encodes it like any file, so a
camera photo and a chosen file end up the same kind of evidence.
"""

from __future__ import annotations

from inspector_app.ui import i18n
from inspector_app.ui.qt import (
    QBuffer,
    QByteArray,
    QDialog,
    QHBoxLayout,
    QImage,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    multimedia,
)


class CameraDialog(QDialog):
    """A live preview and a Capture button; `jpeg` holds the photo after `accept()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mm = multimedia()
        if mm is None:
            raise RuntimeError("QtMultimedia is not installed")
        self.jpeg: bytes | None = None
        self.setWindowTitle(self.tr("Take photo"))
        layout = QVBoxLayout(self)
        self.preview = mm.QVideoWidget()
        self.preview.setMinimumSize(640, 480)
        layout.addWidget(self.preview, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.capture_button = QPushButton(self.tr("Capture"))
        cancel = QPushButton(self.tr("Cancel"))
        row.addStretch(1)
        row.addWidget(self.capture_button)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.camera = mm.QCamera(mm.QMediaDevices.defaultVideoInput())
        self.capture = mm.QImageCapture()
        self.session = mm.QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.preview)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(self._error)
        self.camera.errorOccurred.connect(self._error)
        self.capture_button.clicked.connect(self.capture.capture)
        cancel.clicked.connect(self.reject)
        self.finished.connect(lambda _code: self.camera.stop())
        self.camera.start()

    def _captured(self, _request_id: int, image: QImage) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPG", 95)
        self.jpeg = bytes(data.data())
        self.accept()

    def _error(self, *args: object) -> None:
        text = str(args[-1]) if args else ""
        self.message.setText(i18n.pick("相机出错：", "camera error: ") + text)
