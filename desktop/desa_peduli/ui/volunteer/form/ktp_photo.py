"""The optional photo of the KTP: taken with the webcam or chosen from a file, shrunk to a
small JPEG, previewed large enough to read the NIK."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.icons import icon
from desa_peduli.ui.style import HINT_STYLE

MAX_SIDE = 1600
JPEG_QUALITY = 80
THUMB = QSize(264, 168)  # a KTP is 85.6 × 54 mm: the NIK stays readable
MIME = "image/jpeg"


def load_as_jpeg(path: str, max_side: int = MAX_SIDE, quality: int = JPEG_QUALITY) -> bytes | None:
    """Read an image file, honour its EXIF rotation, fit it in ``max_side`` px and encode
    it as JPEG. None if the file is not a readable image."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side * 2:
        # decode big camera photos at a reduced size straight away (saves memory)
        reader.setScaledSize(size.scaled(max_side * 2, max_side * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return encode_jpeg(image, max_side, quality)


def encode_jpeg(image: QImage, max_side: int = MAX_SIDE, quality: int = JPEG_QUALITY) -> bytes:
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB888)  # JPEG has no alpha
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]  # PySide6 takes the format as str; its stub says bytes
    buffer.close()
    return bytes(buffer.data().data())


class KtpPhotoField(QWidget):
    """Camera/file/remove buttons and a preview. ``photo()`` is ``(mime, bytes)`` or None.

    Without a camera (or without QtMultimedia on this machine) "Take photo" says so in
    plain words beside the buttons; the file picker always works."""

    changed = Signal()
    failed = Signal(str)  # a message for the person (the file could not be read)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._photo: tuple[str, bytes] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(f"QLabel {{ border: 1px dashed #9aa3b5; {HINT_STYLE} }}")
        self.thumbnail.setWordWrap(True)
        layout.addWidget(self.thumbnail)
        buttons = QVBoxLayout()
        self.camera_button = QPushButton(icon("camera"), self.tr("Take photo with the camera…"), self)
        self.camera_button.setProperty("icon_name", "camera")
        self.choose_button = QPushButton(icon("photo"), self.tr("Choose photo file…"), self)
        self.choose_button.setProperty("icon_name", "photo")
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        for button in (self.camera_button, self.choose_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.camera_note = QLabel(self)  # "no camera" and the like, in plain words
        self.camera_note.setObjectName("cameraNote")
        self.camera_note.setWordWrap(True)
        self.camera_note.setMaximumWidth(320)
        self.camera_note.hide()
        buttons.addWidget(self.camera_note)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.camera_dialog: QDialog | None = None  # open while the camera shows
        self.camera_button.clicked.connect(self._on_camera_button_clicked)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self._refresh()

    def photo(self) -> tuple[str, bytes] | None:
        return self._photo

    def set_photo(self, photo: tuple[str, bytes] | None) -> None:
        """Show a stored photo (no ``changed`` signal)."""
        self._photo = photo
        self._refresh()

    def _refresh(self) -> None:
        if self._photo is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No photo"))
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(self._photo[1]))
            self.thumbnail.setPixmap(pixmap.scaled(
                THUMB - QSize(4, 4), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.remove_button.setEnabled(self._photo is not None)

    def _on_choose_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo of the KTP"), "",
            self.tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"))
        if not path:
            return
        data = load_as_jpeg(path)
        if data is None:
            self.failed.emit(self.tr("This file could not be read as a photo. Choose a JPG or PNG file."))
            return
        self._photo = (MIME, data)
        self._refresh()
        self.changed.emit()

    def _on_camera_button_clicked(self) -> None:
        from desa_peduli.ui.volunteer.form import camera  # noqa: PLC0415 - camera imports this module

        self.camera_note.hide()
        devices = camera.camera_devices()
        if not devices:
            self.camera_note.setText(self.tr(
                "No camera was found on this laptop. Take the photo with a phone and choose "
                "the file with \"Choose photo file\", or go on without a photo."))
            self.camera_note.show()
            self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        dialog = camera.CameraDialog(devices[0], self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.captured.connect(self._on_camera_captured)
        dialog.finished.connect(self._on_camera_dialog_finished)
        self.camera_dialog = dialog
        dialog.open()

    def _on_camera_dialog_finished(self) -> None:
        self.camera_dialog = None

    def _on_camera_captured(self, data: bytes) -> None:
        self._photo = (MIME, data)
        self._refresh()
        self.camera_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_remove_button_clicked(self) -> None:
        if self._photo is None:
            return
        self._photo = None
        self._refresh()
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
