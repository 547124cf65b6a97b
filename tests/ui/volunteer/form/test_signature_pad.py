"""The signature pad: mouse strokes become a PNG; Clear empties it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage


def test_drawing_with_the_mouse_gives_png_and_clear_empties_it(qtbot):
    from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty() and pad.to_png() is None

    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
        for x, y in ((60, 60), (90, 110), (130, 50), (170, 100), (220, 70)):
            qtbot.mouseMove(pad, QPoint(x, y))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(240, 90))

    png = pad.to_png()
    assert png and png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png)
    assert image.size() == pad.size()
    # ink along the stroke, paper elsewhere
    dark = sum(1 for x in range(20, 250) for y in range(40, 120)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 100
    assert image.pixelColor(pad.width() - 5, pad.height() - 5).lightness() > 200

    with qtbot.waitSignal(pad.changed, timeout=1000):
        qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty()
    assert pad.to_png() is None


def test_a_stored_signature_is_shown_and_returned_unchanged(qtbot):
    from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad

    first = SignaturePad()
    qtbot.addWidget(first)
    first.resize(first.sizeHint())
    qtbot.mousePress(first, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    qtbot.mouseRelease(first, Qt.MouseButton.LeftButton, pos=QPoint(80, 90))
    png = first.to_png()

    second = SignaturePad()
    qtbot.addWidget(second)
    second.load_png(png)
    assert not second.is_empty()
    assert second.to_png() == png
