"""Small widgets shared by several windows: button boxes, busy bar, passphrase hint, plain text.

Text from volunteers (names, streets, problem messages quoting them) must never be read
as HTML: a QLabel or a tooltip whose text holds a tag renders it, so a name like
``<span style="display:none">`` could hide the NIK beside it. Labels are plain text
(:func:`plain_labels`, :func:`plain`); a label that needs markup says so with
``setTextFormat(Qt.TextFormat.RichText)`` and escapes what it quotes. Tooltips that may
hold user data go through :func:`plain_tip`.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QTableWidget,
    QWidget,
)

MIN_PASSPHRASE = 8  # storage.keys.MIN_PASSPHRASE; checked again there

WEAK, FAIR, STRONG, TOO_SHORT = "weak", "fair", "strong", "too_short"


def button_box(parent: QWidget, ok_text: str, cancel_text: str | None = None) -> QDialogButtonBox:
    """OK/Cancel with our own (translated) texts: Qt ships no Indonesian for its buttons."""
    box = QDialogButtonBox(parent)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    ok.setAutoDefault(True)
    if cancel_text is None:
        cancel_text = QCoreApplication.translate("Widgets", "&Cancel")
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAutoDefault(False)
    return box


def plain(label: QLabel) -> QLabel:
    """``label`` shows its text as it is, never as HTML."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_labels(root: QWidget) -> None:
    """Every label under ``root`` (and ``root`` itself) that would guess its format
    (Qt's AutoText reads anything looking like a tag as HTML) shows plain text; a label
    set to RichText on purpose keeps it."""
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    for label in labels:
        if label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` as it is: Qt renders a tooltip as HTML whenever it
    looks like HTML, so such text is escaped (and wrapped, so Qt reads the escapes)."""
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def busy_bar(parent: QWidget) -> QProgressBar:
    """An indeterminate progress bar, hidden until work starts."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(12)
    bar.hide()
    return bar


def error_label(parent: QWidget) -> QLabel:
    """A red message line, hidden while empty (plain text: messages quote file content)."""
    label = plain(QLabel(parent))
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show (or hide, with "") a message line; a dialog grows to show all of it."""
    label.setText(text)
    label.setVisible(bool(text))
    window = label.window()
    if text and isinstance(window, QDialog) and window.isVisible():
        fit_height(window)


def fit_height(dialog: QWidget) -> None:
    """Make ``dialog`` taller when its content needs it (a message appeared, the text is
    larger): every wrapped line must show. Qt does not do this for a top-level window."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = (layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class ScrollPage(QScrollArea):
    """A scroll area for one page of a form: scrolls both ways when the page does not fit,
    and makes the page as tall as its word-wrapped text needs at the width it gets (Qt's
    scroll area asks the page for a height without a width, so wrapped labels got cut)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._fitting = False

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        page = self.widget()
        layout = page.layout() if page is not None else None
        if page is None or layout is None or self._fitting or not layout.hasHeightForWidth():
            return
        self._fitting = True
        try:
            width = max(self.viewport().width(), layout.totalMinimumSize().width())
            height = layout.totalHeightForWidth(width)
            if page.minimumHeight() != height:
                page.setMinimumHeight(height)
        finally:
            self._fitting = False


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return edit


def passphrase_strength(text: str) -> str:
    """A rough rating: length and variety (long phrases of plain words are fine)."""
    if len(text) < MIN_PASSPHRASE:
        return TOO_SHORT
    kinds = sum((
        any(c.islower() for c in text),
        any(c.isupper() for c in text),
        any(c.isdigit() for c in text),
        any(not c.isalnum() for c in text),
    ))
    words = len([w for w in text.replace("-", " ").split() if w])
    if len(text) >= 16 or (len(text) >= 12 and (kinds >= 3 or words >= 3)):
        return STRONG
    if len(text) >= 10 or kinds >= 3:
        return FAIR
    return WEAK


class ElidedLabel(QLabel):
    """One line that shortens itself with "…" when there is no room (the whole text is its
    tooltip): for a status bar line that must not push the rest off at a large text size."""

    MINIMUM_WIDTH = 120

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left()
                     + margins.right() + 2, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MINIMUM_WIDTH, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
                     if room > 0 else self._full)


class PassphraseHint(QLabel):
    """Says how strong the typed passphrase is; follows a QLineEdit."""

    _COLOURS = {TOO_SHORT: "#b00020", WEAK: "#a15c00", FAIR: "#5a6b00", STRONG: "#1b6e20"}

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.level = TOO_SHORT
        self._edit = edit
        edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed(edit.text())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._on_edit_text_changed(self._edit.text())
        super().changeEvent(event)

    def _on_edit_text_changed(self, text: str) -> None:
        self.level = passphrase_strength(text)
        messages = {
            TOO_SHORT: self.tr("Too short: at least {count} characters.").format(
                count=MIN_PASSPHRASE),
            WEAK: self.tr("Weak. Longer is better: try three or four words you will remember."),
            FAIR: self.tr("Fair. A few more characters or words make it stronger."),
            STRONG: self.tr("Strong."),
        }
        if not text:
            self.setText(self.tr(
                "At least {count} characters. Several words are easiest to remember."
            ).format(count=MIN_PASSPHRASE))
            self.setStyleSheet("color: palette(placeholder-text);")
            return
        self.setText(messages[self.level])
        self.setStyleSheet(f"color: {self._COLOURS[self.level]};")


def elide_in_the_middle(*views: QAbstractItemView) -> None:
    """Long texts in these views lose their middle, not their end: two bundles' file
    names differ at the end (``…_RLW-001_0012-0034…``), which must stay visible."""
    for view in views:
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)


class MiddleElidingComboBox(QComboBox):
    """A combo box whose closed face and list cut a long text in the middle (a bundle's
    file name keeps the end that tells two bundles apart)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        popup = self.view()
        if popup is not None:
            elide_in_the_middle(popup)

    def shown_text(self, option: QStyleOptionComboBox | None = None) -> str:
        """The current text as the closed face shows it: its middle cut to fit."""
        if option is None:
            option = QStyleOptionComboBox()
            self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(option.currentText,
                                             Qt.TextElideMode.ElideMiddle, field.width())

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def row_view(parent: QWidget, model) -> QTableView:
    """A view of ``model``'s rows to pick one from: no editing, whole rows, one line each,
    no row numbers, Tab leaves it (the registration lists and the dashboard's tables)."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setCornerButtonEnabled(False)
    table.verticalHeader().hide()
    return table


def read_only_table(parent: QWidget, headers: list[str], *, wrap: bool = True) -> QTableWidget:
    """A table of rows to look at and pick one from: no editing, whole rows, no row numbers."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.setTabKeyNavigation(False)
    return table
