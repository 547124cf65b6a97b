"""Taking the KTP photo with the laptop's webcam (QtMultimedia), for the photo field.

:func:`camera_devices` lists the cameras (none when QtMultimedia cannot load on this
machine: then there is no camera to use either). :class:`CameraDialog` shows the live
picture large and takes one photo with "Take photo" (Enter or Space), handing it on as a
JPEG through ``captured``. The Qt device objects (``QCamera``, ``QImageCapture``, the video
widget and the capture session) are made in :func:`open_camera` only, the one seam a
test replaces on a machine without a camera.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.icons import icon
from desa_peduli.ui.volunteer.form.ktp_photo import encode_jpeg
from desa_peduli.ui.widgets import error_label, show_error

log = logging.getLogger(__name__)

PREVIEW_SIZE = (640, 400)


def camera_devices() -> list[Any]:
    """The cameras of this laptop (``QCameraDevice``); empty when there are none or
    QtMultimedia cannot be loaded here (its libraries missing)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices  # noqa: PLC0415 - loads the media libraries: only when asked
    except ImportError:
        log.warning("QtMultimedia cannot be loaded: no camera capture", exc_info=True)
        return []
    return list(QMediaDevices.videoInputs())


class CameraParts:
    """What :func:`open_camera` made: the picture to show, the capture, and how to stop."""

    def __init__(self, preview: QWidget, capture: Any, stop):
        self.preview = preview
        self.capture = capture  # imageCaptured(int, QImage), errorOccurred, readyForCaptureChanged
        self.stop = stop


def open_camera(device: Any, parent: QWidget) -> CameraParts:
    """Start ``device`` showing into a video widget, with an image capture on it."""
    from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession  # noqa: PLC0415 - see camera_devices
    from PySide6.QtMultimediaWidgets import QVideoWidget  # noqa: PLC0415 - as above

    camera = QCamera(device, parent)
    session = QMediaCaptureSession(parent)
    capture = QImageCapture(parent)
    preview = QVideoWidget(parent)
    session.setCamera(camera)
    session.setImageCapture(capture)
    session.setVideoOutput(preview)
    camera.start()
    return CameraParts(preview, capture, camera.stop)


class CameraDialog(QDialog):
    """The webcam's picture, large, and "Take photo"; ``captured`` carries the JPEG."""

    captured = Signal(bytes)

    def __init__(self, device: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo of the KTP"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Hold the KTP in front of the camera, flat and well lit, so that the NIK can "
            "be read on the screen. Then press Take photo."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.parts = open_camera(device, self)
        self.parts.preview.setMinimumSize(*PREVIEW_SIZE)
        layout.addWidget(self.parts.preview, 1)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.take_button = self.buttons.addButton(
            self.tr("&Take photo"), QDialogButtonBox.ButtonRole.ActionRole)
        self.take_button.setIcon(icon("camera"))
        self.take_button.setProperty("icon_name", "camera")
        self.take_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAutoDefault(False)
        layout.addWidget(self.buttons)
        self.take_button.clicked.connect(self.take_photo)
        self.buttons.rejected.connect(self.reject)
        capture = self.parts.capture
        capture.imageCaptured.connect(self._on_image_captured)
        capture.errorOccurred.connect(self._on_error)
        self.take_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_photo(self) -> None:
        show_error(self.error, "")
        if not self.parts.capture.isReadyForCapture():
            show_error(self.error, self.tr("The camera is not ready yet. Wait a moment and "
                                           "press Take photo again."))
            return
        self.parts.capture.capture()

    def _on_image_captured(self, _request: int, image: QImage) -> None:
        if image.isNull():
            self._on_error(0, 0, "")
            return
        data = encode_jpeg(image)
        self.captured.emit(data)
        self.accept()

    def _on_error(self, _request: int, _error: object, text: str) -> None:
        log.warning("camera capture failed: %s", text)
        show_error(self.error, self.tr("The camera could not take the photo. Try again, or "
                                       "close this window and choose a photo file."))

    def done(self, result: int) -> None:
        try:
            self.parts.stop()
        finally:
            super().done(result)
