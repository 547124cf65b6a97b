"""Idle auto-lock: a timer reset by any keyboard or mouse input, and the lock page.

:class:`IdleLock` watches the whole application (an event filter on QApplication) and
emits ``idle`` after ``timeout_ms`` without input. :class:`WindowLock` (used by both main
windows) then has the window save its work, shows :class:`LockView` in place of its
content and restores everything once the passphrase is verified (off the UI thread: it is
an scrypt unwrap).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import labels
from desa_peduli.ui.jobs import registry, run_job
from desa_peduli.ui.widgets import busy_bar, error_label, password_edit, show_error

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


def minutes_to_ms(minutes) -> int:
    """The lock timeout in milliseconds for the ``lock_after_minutes`` setting (0 = never)."""
    try:
        value = float(minutes)
    except (TypeError, ValueError):
        value = 10.0
    return max(0, int(value * 60_000))


class IdleLock(QObject):
    """Emits ``idle`` once after ``timeout_ms`` of no input; 0 disables it."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._timeout_ms = max(0, int(timeout_ms))
        self._installed = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(0, int(timeout_ms))
        if self.is_running:
            self.start()

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """(Re)start watching; does nothing while the timeout is 0."""
        app = QCoreApplication.instance()
        if self._timeout_ms <= 0 or app is None:
            self.stop()
            return
        if not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start(self._timeout_ms)
        return False


class LockView(QWidget):
    """The page shown while locked: the passphrase, nothing of the data."""

    unlocked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = None
        self._worker = None
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget(self)
        box.setMaximumWidth(460)
        layout = QVBoxLayout(box)
        self.title = QLabel(self.tr("Desa Peduli is locked"), box)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.explanation = QLabel(box)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.passphrase_edit = password_edit(box)
        label = QLabel(self.tr("&Passphrase:"), box)
        label.setBuddy(self.passphrase_edit)
        layout.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_edit, 1)
        self.unlock_button = QPushButton(self.tr("&Unlock"), box)
        self.unlock_button.setDefault(True)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        self.error = error_label(box)
        layout.addWidget(self.error)
        self.busy = busy_bar(box)
        layout.addWidget(self.busy)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 2)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.passphrase_edit.returnPressed.connect(self._on_unlock_requested)
        self.unlock_button.clicked.connect(self._on_unlock_requested)

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    def prepare(self, workspace, minutes: float | None) -> None:
        """Reset the page for a new lock of ``workspace``."""
        self._workspace = workspace
        if minutes:
            text = self.tr(
                "Locked after {minutes} minutes without use, to protect the data. "
                "Your work is saved. Type your passphrase to continue."
            ).format(minutes=f"{minutes:g}")
        else:
            text = self.tr("Your work is saved. Type your passphrase to continue.")
        self.explanation.setText(text)
        self.passphrase_edit.clear()
        show_error(self.error, "")
        self._set_busy(False)
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_unlock_requested(self) -> None:
        if self.is_busy or self._workspace is None:
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            show_error(self.error, self.tr("Type the passphrase first."))
            return
        self._set_busy(True)
        workspace = self._workspace
        self._worker = run_job(
            lambda _s, _p: workspace.verify_passphrase(passphrase), owner=self,
            on_success=self._on_worker_succeeded, on_failure=self._on_worker_failed)

    def _set_busy(self, busy: bool) -> None:
        self.passphrase_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            show_error(self.error, "")

    def _on_worker_succeeded(self, _result) -> None:
        self._worker = None
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.unlocked.emit()

    def _on_worker_failed(self, exc: Exception) -> None:
        self._worker = None
        self._set_busy(False)
        show_error(self.error, labels.error_message(exc))
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()


class WindowLock(QObject):
    """The idle lock of a main window: after ``timeout_ms`` without input its pages,
    menus, toolbars and shortcuts give way to a :class:`LockView`; the passphrase brings
    everything back as it was, the page that was in front included.

    The window's content is either one widget (the branch window's tabs): a stack is made
    for it, to be put in the window (``setCentralWidget(lock.stack)``) instead of the
    content itself; or the window's own stack of pages (``stack=``, the volunteer window's
    list and form; ``content`` None): the lock page is added to it. ``locking`` is emitted
    before anything is hidden (the volunteer window saves its form then).
    """

    locking = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(self, window, workspace, content: QWidget | None, timeout_ms: int, *,
                 stack: QStackedWidget | None = None):
        super().__init__(window)
        self._window, self._workspace = window, workspace
        self.stack = stack if stack is not None else QStackedWidget(window)
        if content is not None:
            self.stack.addWidget(content)
        self.view = LockView(self.stack)
        self.stack.addWidget(self.view)
        self.idle = IdleLock(timeout_ms, self)
        self.idle.idle.connect(self._on_idle)
        self.view.unlocked.connect(self._on_view_unlocked)
        self._state: dict | None = None

    @property
    def is_locked(self) -> bool:
        return self._state is not None

    def start(self) -> None:
        if not self.is_locked:
            self.idle.start()

    def stop(self) -> None:
        self.idle.stop()

    def _on_idle(self) -> None:
        if registry().busy:  # a job is running (a passphrase re-wrapped, a backup): wait
            self.idle.start()
            return
        self.lock(idle=True)

    def lock(self, idle: bool = False) -> None:
        """Hide the content behind the passphrase page (work in progress keeps running)."""
        if self.is_locked:
            return
        self.locking.emit()
        window = self._window
        focus = QApplication.focusWidget()
        if focus is not None and not window.isAncestorOf(focus):
            focus = None
        for widget in QApplication.topLevelWidgets():  # a shown dialog is one, parent or not
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        actions = [a for a in window.findChildren(QAction) if not self._on_lock_page(a)]
        pages = [page for page in map(self.stack.widget, range(self.stack.count()))
                 if page is not None and page is not self.view]
        toolbars = [bar for bar in window.findChildren(
            QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly) if not bar.isHidden()]
        self._state = {"page": self.stack.currentWidget(), "focus": focus,
                       "actions": {action: action.isEnabled() for action in actions},
                       "pages": pages, "toolbars": toolbars}
        for action in actions:
            action.setEnabled(False)
        window.menuBar().setEnabled(False)
        for bar in toolbars:
            bar.hide()
        for page in pages:
            page.setEnabled(False)
        minutes = self.idle.timeout_ms / 60_000 if idle and self.idle.timeout_ms else None
        self.view.prepare(self._workspace, minutes)
        self.stack.setCurrentWidget(self.view)
        self.view.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.stop()
        self.locked.emit()

    def _on_lock_page(self, action: QAction) -> bool:
        owner = action.parent()
        return isinstance(owner, QWidget) and (owner is self.view
                                               or self.view.isAncestorOf(owner))

    def _on_view_unlocked(self) -> None:
        state, self._state = self._state, None
        if state is None:
            return
        for page in state["pages"]:
            if shiboken6.isValid(page):
                page.setEnabled(True)
        self._window.menuBar().setEnabled(True)
        for bar in state["toolbars"]:
            if shiboken6.isValid(bar):
                bar.show()
        for action, enabled in state["actions"].items():
            if shiboken6.isValid(action):
                action.setEnabled(enabled)
        page = state["page"]
        if page is not None and shiboken6.isValid(page):
            self.stack.setCurrentWidget(page)
        focus = state["focus"]
        if focus is not None and shiboken6.isValid(focus):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()
        self.unlocked.emit()
