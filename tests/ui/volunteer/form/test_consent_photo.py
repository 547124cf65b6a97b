"""Consent and the KTP photo on an old laptop: agreeing comes first, no red message before
the volunteer acted, a large pad that the keyboard can sign on, the webcam or a file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget

# QtMultimedia, when it loads on a machine without PipeWire or VA-API, says so as warnings
MEDIA_LOG = ("Couldn't (load|resolve)", "This plugin does not support", "QSocketNotifier")


def shown_message(form, field: str) -> str:
    label = form.findChild(QLabel, f"message:{field}")
    return label.text() if label is not None and label.isVisible() else ""


@pytest.mark.qt_log_ignore(*MEDIA_LOG)
def test_consent_comes_first_and_shows_no_error_before_it_is_touched(form, keyboard, qtbot):
    keyboard.press(Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert form.pages.currentIndex() == 4
    page = form.pages.currentWidget().widget()

    def top(widget: QWidget) -> int:
        return widget.mapTo(page, widget.rect().topLeft()).y()

    # "The participant agrees" comes before how the consent is recorded and the pad
    assert top(form.consent_check) < top(form.signature_radio)
    keyboard.press(Qt.Key.Key_Space)  # agreeing (focus starts on it)
    assert form.consent_check.isChecked()
    form._run_validation()
    for field in ("consent.method", "consent.signature_png", "consent.witness"):
        assert shown_message(form, field) == "", field  # nothing red the volunteer did not do
    keyboard.tab()
    assert keyboard.focus() is form.signature_radio
    keyboard.press(Qt.Key.Key_Space)  # the signature: its pad shows, still without a message
    form._run_validation()
    assert form.signature_pad.isVisible() and top(form.consent_check) < top(form.signature_pad)
    assert shown_message(form, "consent.signature_png") == ""
    # large enough to sign with a touchpad, and "Sign again", not "Clear"
    qtbot.waitUntil(lambda: form.signature_pad.height() >= 220)  # laid out with its row
    assert form.signature_pad.width() >= 420
    assert form.signature_pad.clear_button.text() == "Sign again"


def test_the_keyboard_draws_a_mark_and_backspace_starts_again(qtbot):
    from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.focusPolicy() == Qt.FocusPolicy.StrongFocus and pad.is_empty()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Space)  # pen down
        for key in (Qt.Key.Key_Right,) * 8 + (Qt.Key.Key_Up,) * 4 + (Qt.Key.Key_Right,) * 6:
            qtbot.keyClick(pad, key)
        qtbot.keyClick(pad, Qt.Key.Key_Space)  # pen up: one stroke
    image = QImage.fromData(pad.to_png())
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 20  # a line of 8 + 4 + 6 steps of 12 px
    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.is_empty() and pad.to_png() is None


@pytest.mark.qt_log_ignore(*MEDIA_LOG)
def test_without_a_camera_the_volunteer_is_told_and_the_file_picker_stays(form, keyboard):
    """This machine has no camera (or cannot load QtMultimedia): the real path."""
    from desa_peduli.ui.volunteer.form import camera

    assert camera.camera_devices() == []
    field = form.photo_field
    field.camera_button.setFocus()
    keyboard.press(Qt.Key.Key_Space)
    assert field.camera_note.isVisible()
    assert "No camera was found on this laptop" in field.camera_note.text()
    assert field.camera_dialog is None and field.photo() is None
    assert keyboard.focus() is field.choose_button  # on to the file picker
    assert field.thumbnail.size() == QSize(264, 168)  # the larger preview


class FakeImageCapture(QObject):
    """Stands in for ``QImageCapture`` on a machine without a camera: same signals."""

    imageCaptured = Signal(int, QImage)  # noqa: N815 - Qt's names
    errorOccurred = Signal(int, object, str)  # noqa: N815

    def __init__(self, parent=None):
        super().__init__(parent)
        self.taken = 0

    def isReadyForCapture(self) -> bool:  # noqa: N802
        return True

    def capture(self) -> int:
        self.taken += 1
        image = QImage(2400, 1500, QImage.Format.Format_RGB32)  # bigger than kept
        image.fill(QColor("#3b6fb6"))
        self.imageCaptured.emit(self.taken, image)
        return self.taken


@pytest.mark.qt_log_ignore(*MEDIA_LOG)
def test_a_photo_taken_with_the_camera_becomes_the_ktp_photo(form, keyboard, qtbot,
                                                               monkeypatch):
    """The capture is faked at the Qt device boundary (``open_camera``); the dialog, the
    encoding, the field and the form are the real ones."""
    from desa_peduli.ui.volunteer.form import camera

    stopped = []
    fake = FakeImageCapture()

    def open_fake_camera(device, parent):
        assert device == "USB2.0 HD UVC WebCam"
        return camera.CameraParts(QWidget(parent), fake, lambda: stopped.append(True))

    monkeypatch.setattr(camera, "camera_devices", lambda: ["USB2.0 HD UVC WebCam"])
    monkeypatch.setattr(camera, "open_camera", open_fake_camera)
    field = form.photo_field
    field.camera_button.setFocus()
    keyboard.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: field.camera_dialog is not None and field.camera_dialog.isVisible())
    dialog = field.camera_dialog
    qtbot.waitUntil(lambda: keyboard.focus() is dialog.take_button)
    with qtbot.waitSignal(field.changed, timeout=2000):
        keyboard.press(Qt.Key.Key_Return)  # "Take photo" is the default button
    assert fake.taken == 1 and stopped == [True]
    mime, data = field.photo()
    image = QImage.fromData(data)
    assert mime == "image/jpeg" and max(image.width(), image.height()) == 1600
    assert not field.thumbnail.pixmap().isNull()
    assert not field.camera_note.isVisible()
    form.flush()
    assert form._service.ktp_photo(form.current_id)[1] == data  # saved with the registration
