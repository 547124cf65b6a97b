"""The first-run wizard, driven with the keyboard into a temporary folder."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import is_workspace

GOOD = "sawit-kopi-pinang-7"


def test_wizard_creates_a_workspace(qtbot, tmp_path):
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    path = tmp_path / "relawan"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()

    welcome = wizard.welcome_page
    assert wizard.currentPage() is welcome
    assert welcome.indonesian.isChecked()
    assert welcome.role_volunteer.isChecked() and welcome.start_alone.isChecked()
    qtbot.keyClick(welcome.indonesian, Qt.Key.Key_Return)

    page = wizard.volunteer_page
    assert wizard.currentPage() is page
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)  # no name: stays
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.name_edit, "  Relawan   Baru ")
    qtbot.keyClick(page.regency_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.district_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.village_combo, Qt.Key.Key_Down)
    home = page.home_village
    assert home and home.startswith("15.") and home.count(".") == 3
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)

    pp = wizard.passphrase_page
    assert wizard.currentPage() is pp
    assert str(path) in pp.folder.text()
    assert pp.warning.text()
    qtbot.keyClicks(pp.passphrase_edit, "pendek")
    qtbot.keyClicks(pp.repeat_edit, "pendek")
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    assert pp.error.isVisible() and "short" in pp.error.text()
    assert wizard.currentPage() is pp and not is_workspace(path)

    pp.passphrase_edit.clear()
    pp.repeat_edit.clear()
    qtbot.keyClicks(pp.passphrase_edit, GOOD)
    qtbot.keyClicks(pp.repeat_edit, GOOD + "x")
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    assert "not the same" in pp.error.text()

    assert pp.repeat_edit.selectedText() == GOOD + "x"  # selected: typing replaces it
    qtbot.keyClicks(pp.repeat_edit, GOOD)
    with qtbot.waitSignal(wizard.accepted, timeout=20_000):
        qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    session = wizard.session
    assert is_workspace(path)
    assert session.settings.get("volunteer_name") == "Relawan Baru"
    assert session.settings.get("home_village") == home
    assert session.settings.get("language") == "id"
    session.close()
    with Session.open(path, GOOD) as reopened:
        assert reopened.role == "volunteer"


def test_wizard_escape_cancels_without_creating(qtbot, tmp_path):
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    path = tmp_path / "batal"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    with qtbot.waitSignal(wizard.rejected):
        qtbot.keyClick(wizard.welcome_page.indonesian, Qt.Key.Key_Escape)
    assert not is_workspace(path)
    assert wizard.session is None


def _damaged_copy(workspace_dir):
    """A volunteer workspace whose workspace.json was lost: keys and database remain."""
    (workspace_dir / "workspace.json").unlink()
    return workspace_dir, (workspace_dir / "keys" / "passphrase.age").read_bytes()


def test_start_in_a_damaged_workspace_says_so_instead_of_the_wizard(
        qtbot, workspace_dir, monkeypatch):
    from desa_peduli import app
    from desa_peduli.ui.startup import wizard

    path, key_bytes = _damaged_copy(workspace_dir)
    shown = []
    monkeypatch.setattr(app, "_message", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(wizard.FirstRunWizard, "exec", lambda self: shown.append("wizard"))
    session, code = app._open_workspace(path, "id")
    assert session is None and code == 3
    assert len(shown) == 1 and "workspace.json" in shown[0] and "Tidak ada yang diubah" in shown[0]
    assert (path / "keys" / "passphrase.age").read_bytes() == key_bytes
    assert not is_workspace(path)


def test_wizard_never_overwrites_the_key_of_a_damaged_workspace(qtbot, workspace_dir):
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    path, key_bytes = _damaged_copy(workspace_dir)
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    qtbot.keyClick(wizard.welcome_page.indonesian, Qt.Key.Key_Return)
    page = wizard.volunteer_page
    qtbot.keyClicks(page.name_edit, "Relawan Baru")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    pp = wizard.passphrase_page
    qtbot.keyClicks(pp.passphrase_edit, GOOD)
    qtbot.keyClicks(pp.repeat_edit, GOOD)
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pp.error.isVisible() and not wizard.is_busy, timeout=20_000)
    assert "workspace.json" in pp.error.text() and "keys/branch.age" in pp.error.text()
    assert wizard.currentPage() is pp and wizard.session is None
    assert (path / "keys" / "passphrase.age").read_bytes() == key_bytes
    assert not is_workspace(path)
