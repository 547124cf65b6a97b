"""The application's palette: the one place the hint and placeholder colour is set.

Hints, notes and placeholders are drawn in the palette's ``PlaceholderText`` colour:
placeholders by Qt itself, hint labels through ``color: palette(placeholder-text)`` in their
style sheet. Qt's default (half-transparent black, 4.0:1 on white, and the ``mid``
grey used before, about 1.8:1) is below the 4.5:1 WCAG asks for body text, so
:func:`apply_palette` sets a solid grey that keeps at least 4.5:1 on the window and on
input fields. ``tests/ui/test_contrast.py`` measures every hint and placeholder shown.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

HINT = QColor("#595f6b")  # 6.4:1 on white, 5.6:1 on Fusion's window grey (#efefef)
HINT_STYLE = "color: palette(placeholder-text);"
MINIMUM_CONTRAST = 4.5  # WCAG 2.x, level AA, body text


def apply_palette(app: QApplication) -> None:
    """Give the application's palette the readable hint colour (before windows are built)."""
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, HINT)
    app.setPalette(palette)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as drawn over an opaque ``background`` (alpha blended)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha))


def contrast_ratio(text: QColor, background: QColor) -> float:
    """WCAG contrast ratio (1…21) of ``text`` drawn over ``background``."""
    lighter, darker = sorted((relative_luminance(over(text, background)),
                              relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
