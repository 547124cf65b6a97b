"""The first-run wizard, driven with the keyboard into a temporary folder."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import is_workspace

GOOD = "sawit-kopi-pinang-7"


def test_wizard_creates_a_workspace(qtbot, tmp_path):
    from desa_peduli.ui.wizard import FirstRunWizard

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
    from desa_peduli.ui.wizard import FirstRunWizard

    path = tmp_path / "batal"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    with qtbot.waitSignal(wizard.rejected):
        qtbot.keyClick(wizard.welcome_page.indonesian, Qt.Key.Key_Escape)
    assert not is_workspace(path)
    assert wizard.session is None
