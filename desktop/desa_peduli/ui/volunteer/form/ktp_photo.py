"""The optional photo of the KTP: chosen from a file, shrunk to a small JPEG, previewed."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

MAX_SIDE = 1600
JPEG_QUALITY = 80
THUMB = QSize(150, 96)
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
    """Choose/remove buttons and a thumbnail. ``photo()`` is ``(mime, bytes)`` or None."""

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
        self.thumbnail.setStyleSheet("QLabel { border: 1px dashed #9aa3b5; color: #6b7385; }")
        self.thumbnail.setWordWrap(True)
        layout.addWidget(self.thumbnail)
        buttons = QVBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose photo…"), self)
        self.choose_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_button.setAutoDefault(False)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
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

    def _on_remove_button_clicked(self) -> None:
        if self._photo is None:
            return
        self._photo = None
        self._refresh()
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
