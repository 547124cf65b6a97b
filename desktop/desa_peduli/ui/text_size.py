"""The text size setting (100, 125 or 150 %): the application font, scaled, at start and live.

The size is kept like the language: in the workspace's settings (``text_scale``), which win
once the workspace is open, and in QSettings (``ui/text_scale``) so the passphrase dialog
and the wizard already use it. :class:`TextSizeMenu` is the menu that changes it; the
change applies at once (the application font) and is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QMenu, QWidget

SCALES = (100, 125, 150)
SETTING = "text_scale"
PREFS_KEY = "ui/text_scale"
_BASE_PROPERTY = "desa_peduli_base_point_size"


def normalise(value: object) -> int | None:
    """A stored value as one of :data:`SCALES` (None if it is not one)."""
    try:
        percent = int(str(value))
    except (TypeError, ValueError):
        return None
    return percent if percent in SCALES else None


def _base_size(app: QApplication) -> float:
    base = app.property(_BASE_PROPERTY)
    if not base:
        base = QFont(app.font()).pointSizeF()
        app.setProperty(_BASE_PROPERTY, base)
    return float(base)


def current_scale(app: QApplication) -> int:
    return normalise(app.property(SETTING)) or 100


def scaled(pixels: int) -> int:
    """A size in pixels chosen for 100 %, at the text size in use (for the dialogs'
    minimum widths and first sizes, which must grow with their text)."""
    app = QApplication.instance()
    scale = current_scale(app) if isinstance(app, QApplication) else 100
    return round(pixels * scale / 100)


def apply_text_scale(app: QApplication, percent: object) -> int:
    """Scale the application font to ``percent`` of the platform's size (100 if the
    value is not one of :data:`SCALES`); returns the percentage applied."""
    scale = normalise(percent) or 100
    base = _base_size(app)
    font = QFont(app.font())
    font.setPointSizeF(base * scale / 100)
    app.setFont(font)
    app.setProperty(SETTING, scale)
    return scale


class TextSizeMenu(QObject):
    """"Text size" with 100 %, 125 % and 150 %, stored in ``session.settings``."""

    changed = Signal(int)  # the percentage chosen (app.py keeps it in QSettings)

    def __init__(self, window: QWidget, session, menu: QMenu):
        super().__init__(window)
        self.session = session
        self.menu = menu.addMenu(self.tr("&Text size"))
        group = QActionGroup(self)
        self.actions: dict[int, QAction] = {}
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        current = current_scale(app)
        for percent in SCALES:
            action = QAction(self.tr("{percent} %").format(percent=percent), window)
            action.setCheckable(True)
            action.setChecked(percent == current)
            action.triggered.connect(lambda _checked=False, p=percent: self.set_scale(p))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[percent] = action

    def set_scale(self, percent: int) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        scale = apply_text_scale(app, percent)
        self.actions[scale].setChecked(True)
        with self.session.atomic():
            self.session.settings.set(SETTING, scale)
        self.changed.emit(scale)
