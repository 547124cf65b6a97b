"""The text size setting: 100, 125 or 150 %, from the File menu, live, kept, used at start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desa_peduli.ui.text_size import SCALES, apply_text_scale, current_scale, scaled
from tests.ui.sync_fixtures import enrol, volunteer  # noqa: F401 - fixtures


@pytest.fixture
def base_size(qapp):
    apply_text_scale(qapp, 100)
    yield qapp.font().pointSizeF()
    apply_text_scale(qapp, 100)


class FakePrefs:
    """QSettings kept in a dict (the test must not write the user's settings)."""

    store: dict = {}

    def value(self, key, default=None):
        return self.store.get(key, default)

    def setValue(self, key, value) -> None:  # noqa: N802 - Qt's name
        self.store[key] = value


def test_the_menu_changes_the_text_size_at_once_and_keeps_it(make_window, session, base_size,
                                                            qtbot):
    window = make_window()
    menu = window.text_size_menu
    assert [a.text() for a in menu.menu.actions()] == ["100 %", "125 %", "150 %"]
    assert menu.actions[100].isChecked()
    search_size = window.search_edit.font().pointSizeF()
    with qtbot.waitSignal(menu.changed) as changed:
        menu.actions[125].trigger()
    assert changed.args == [125]
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base_size * 1.25)
    qtbot.waitUntil(lambda: window.search_edit.font().pointSizeF()
                    == pytest.approx(search_size * 1.25))  # live, in the open window
    assert session.settings.get("text_scale") == 125 and menu.actions[125].isChecked()
    assert scaled(440) == 550
    menu.actions[100].trigger()
    assert session.settings.get("text_scale") == 100 and current_scale(
        QApplication.instance()) == 100


def test_the_text_size_applies_at_start(qtbot, volunteer, monkeypatch, base_size):  # noqa: F811
    """Before the workspace is open the size last used (QSettings) applies, so the
    passphrase dialog is already large; once open, the workspace's own setting wins and
    is kept for the next start; a change from the menu is kept there too."""
    from desa_peduli import app
    from desa_peduli.ui.volunteer.window import MainWindow

    FakePrefs.store = {"ui/text_scale": 150}
    monkeypatch.setattr(app, "QSettings", FakePrefs)
    volunteer.settings.set("text_scale", 125)
    at_passphrase = []

    def open_workspace(_path, _lang):
        at_passphrase.append(current_scale(QApplication.instance()))
        return volunteer, 0

    monkeypatch.setattr(app, "_open_workspace", open_workspace)
    in_window = []

    def fake_exec(_app=None):
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]
        in_window.append(current_scale(QApplication.instance()))
        window.text_size_menu.actions[150].trigger()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run_gui(data_dir=str(volunteer.workspace.path)) == 0
    assert at_passphrase == [150] and in_window == [125]
    assert FakePrefs.store["ui/text_scale"] == 150  # the menu's choice, for the next start
    assert SCALES == (100, 125, 150)
