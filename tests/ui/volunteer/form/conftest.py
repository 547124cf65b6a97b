"""Fixtures for the registration form tests: a shown, active form on a fresh workspace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


@pytest.fixture
def make_form(qtbot, session):
    """Build shown, active ``RegistrationFormView`` windows; closed before the session is."""
    from desa_peduli.ui.volunteer.form import RegistrationFormView

    made = []

    def make() -> RegistrationFormView:
        view = RegistrationFormView(session)
        view.resize(1366, 700)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        made.append(view)
        return view

    yield make
    for view in made:
        view.close()
        view.deleteLater()


@pytest.fixture
def form(make_form):
    view = make_form()
    view.new_registration()
    return view


class Keyboard:
    """Types into whatever has the keyboard focus, like a person at the laptop."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)

    def back_tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier, times=times)

    def select_all_and_type(self, text: str) -> None:
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type(text)


@pytest.fixture
def keyboard(qtbot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def message_under():
    """``message_under(view, "phone")``: the message shown under a field ('' if none)."""
    from PySide6.QtWidgets import QLabel

    def text(view, field: str) -> str:
        label = view.findChild(QLabel, f"message:{field}")
        assert label is not None, field
        return label.text() if label.isVisible() else ""

    return text
