"""A large box to sign in with a touchpad, mouse, pen, finger or the keyboard; exports the
signature as PNG bytes.

The keyboard path is for a participant who cannot use a pointing device: with the box
focused, Space puts the pen down (and lifts it again), the arrow keys move it (Shift: in
small steps), so the participant draws their own mark key by key, as a person who cannot
write makes a mark on paper. It is still the participant's own mark, made in front of
the volunteer; a participant who cannot make any mark gives consent by the "verbal,
witnessed" or "paper form" method instead.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from desa_peduli.ui.icons import icon

PEN_WIDTH = 2.6
INK = QColor("#10204a")
PAPER = QColor("#ffffff")
KEY_STEP = 12  # px per arrow key press (Shift: SMALL_STEP)
SMALL_STEP = 3


class SignaturePad(QWidget):
    """Collects strokes as ``QPainterPath`` objects from mouse, tablet and touch input.

    ``to_png()`` renders them (over a signature loaded with ``load_png``) on white;
    ``clear()`` (also the "Sign again" button in the corner) empties the pad. The keyboard
    draws too (see the module docstring).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard can sign too
        self.setAccessibleName(self.tr("Signature box"))
        self.setAccessibleDescription(self.tr(
            "Sign with the touchpad or the mouse. With the keyboard: Space puts the pen down "
            "or lifts it, the arrow keys move it (with Shift in small steps)."))
        self._pen_at: QPointF | None = None  # the keyboard's pen position
        self._pen_down = False
        self._strokes: list[QPainterPath] = []
        self._current: QPainterPath | None = None
        self._loaded: QImage | None = None  # a signature stored earlier
        self._loaded_png: bytes | None = None
        self._png: bytes | None = None  # cache of to_png()

        self.clear_button = QPushButton(icon("arrow-back-up"), self.tr("Sign again"), self)
        self.clear_button.setProperty("icon_name", "arrow-back-up")
        self.clear_button.setToolTip(self.tr("Erase the signature and sign again"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.clear_button.clicked.connect(self.clear)
        self._place_button()

    # -- public API -------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(640, 240)  # large: workers sign with a touchpad

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 240)

    def is_empty(self) -> bool:
        return not self._strokes and self._current is None and self._loaded is None

    def clear(self) -> None:
        was_empty = self.is_empty()
        self._strokes.clear()
        self._current = None
        self._pen_down = False
        self._loaded = None
        self._loaded_png = None
        self._png = None
        self.update()
        if not was_empty:
            self.changed.emit()

    def load_png(self, data: bytes | None) -> None:
        """Show a stored signature (no ``changed`` signal: nothing was drawn)."""
        self._strokes.clear()
        self._current = None
        self._png = None
        self._loaded = None
        self._loaded_png = None
        if data:
            image = QImage.fromData(QByteArray(data), "PNG")  # type: ignore[arg-type]  # PySide6 takes the format as str; its stub says bytes
            if not image.isNull():
                self._loaded = image
                self._loaded_png = bytes(data)
        self.update()

    def to_png(self) -> bytes | None:
        """The signature as PNG bytes, or None when the pad is empty."""
        if self.is_empty():
            return None
        if not self._strokes and self._current is None and self._loaded_png is not None:
            return self._loaded_png  # unchanged: keep the stored bytes exactly
        if self._png is None:
            image = QImage(self.size(), QImage.Format.Format_RGB32)
            image.fill(PAPER)
            painter = QPainter(image)
            self._paint_signature(painter)
            painter.end()
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str; its stub says bytes
            buffer.close()
            self._png = bytes(buffer.data().data())
        return self._png

    # -- drawing ----------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        self._current = QPainterPath(pos)
        self._current.lineTo(pos + QPointF(0.01, 0.01))  # a dot is a stroke too
        self._png = None
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._current is None:
            return
        self._current.lineTo(pos)
        self._png = None
        self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._current.lineTo(pos)
        self._strokes.append(self._current)
        self._current = None
        self._png = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._current is not None:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._end(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    # -- the keyboard -----------------------------------------------------------------
    def _pen_start(self) -> QPointF:
        return QPointF(48, max(24, self.height() - 60))

    def keyPressEvent(self, event) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            if self._pen_at is None:
                self._pen_at = self._pen_start()
            if self._pen_down:
                self._pen_down = False
                self._end()
            else:
                self._pen_down = True
                self._begin(self._pen_at)
            event.accept()
        elif key in steps:
            if self._pen_at is None:
                self._pen_at = self._pen_start()
            step = SMALL_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
            dx, dy = steps[Qt.Key(key)]
            self._pen_at = QPointF(min(max(self._pen_at.x() + dx * step, 2), self.width() - 2),
                                   min(max(self._pen_at.y() + dy * step, 2), self.height() - 2))
            if self._pen_down:
                self._extend(self._pen_at)
            else:
                self.update()
            event.accept()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.clear()
            event.accept()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        if self._pen_down:  # a stroke drawn with the keys ends when focus leaves
            self._pen_down = False
            self._end()
        super().focusOutEvent(event)
        self.update()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def tabletEvent(self, event) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events on top

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._current = None
            self.update()
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_button()
        self._png = None

    def _place_button(self) -> None:
        hint = self.clear_button.sizeHint()
        self.clear_button.setGeometry(self.width() - hint.width() - 4, 4, hint.width(), hint.height())

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        # the line to sign on, as on paper
        painter.setPen(QPen(QColor("#9aa3b5"), 1, Qt.PenStyle.DashLine))
        base_y = self.height() - 34
        painter.drawLine(24, base_y, self.width() - 24, base_y)
        painter.drawText(8, base_y - 4, "×")
        self._paint_signature(painter)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hasFocus():  # where the keyboard's pen is, and a clear focus frame
            pen_at = self._pen_at or self._pen_start()
            painter.setPen(QPen(INK, 1))
            painter.drawEllipse(pen_at, 5, 5)
            painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        else:
            painter.setPen(QPen(QColor("#7a8294"), 1))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _paint_signature(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._loaded is not None:
            scaled = self._loaded.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, scaled.width(), scaled.height())
            painter.drawImage(target, self._loaded)
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in self._strokes:
            painter.drawPath(path)
        if self._current is not None:
            painter.drawPath(self._current)
