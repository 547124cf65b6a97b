"""A volunteer's first day, with the keyboard alone: the first-run wizard, the empty list,
a whole registration with the participant's consent and signature, ready to send."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desa_peduli.services.session import Session

NIK = "1504054203880001"
PASSPHRASE = "sawit-kopi-pinang-7"


# the region pickers' completer popup: the offscreen platform cannot raise or grab it
@pytest.mark.qt_log_ignore("This plugin does not support", "QSocketNotifier")
def test_first_time_volunteer_registers_a_worker_with_the_keyboard_alone(
        qtbot, keyboard, tmp_path):
    from desa_peduli.ui.startup.wizard import FirstRunWizard
    from desa_peduli.ui.volunteer.window import MainWindow

    kb = keyboard
    # -- the wizard: Indonesian, on my own, my name and village, a passphrase
    path = tmp_path / "relawan"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitActive(wizard):
        wizard.show()
        wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.focusWidget() is not None)
    welcome = wizard.welcome_page
    assert welcome.role_volunteer.isChecked() and welcome.start_alone.isChecked()
    kb.press(Qt.Key.Key_Return)
    page = wizard.volunteer_page
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: kb.focus() is page.name_edit)
    kb.type("Rina Marlina")
    kb.tab()
    assert kb.focus() is page.regency_combo

    def choose(name: str) -> None:  # Alt+Down opens the list, typing finds the name
        kb.press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        kb.type(name)
        kb.press(Qt.Key.Key_Return)

    choose("Kabupaten Batanghari")
    kb.tab()
    choose("Pemayung")
    kb.tab()
    choose("Pulau Betung")
    assert page.home_village == "15.04.05.2009"
    kb.press(Qt.Key.Key_Return)
    pp = wizard.passphrase_page
    assert wizard.currentPage() is pp
    qtbot.waitUntil(lambda: kb.focus() is pp.passphrase_edit)
    kb.type(PASSPHRASE)
    kb.tab()
    kb.type(PASSPHRASE)
    with qtbot.waitSignal(wizard.accepted, timeout=30_000):
        kb.press(Qt.Key.Key_Return)
    session = wizard.session

    # -- the window opens on the empty list; Ctrl+N registers the first worker
    window = MainWindow(session, lock_timeout_ms=0)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.model.rowCount() == 0
    kb.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert window.form_is_open
    qtbot.waitUntil(lambda: kb.focus() is form.nik_edit)

    # -- Identity
    kb.type(NIK)
    kb.tab()
    kb.type("Siti Nur'aini")
    kb.tab()
    kb.type("Muara Bulian")
    kb.tab(3)  # date of birth and sex come from the NIK
    assert kb.focus() is form.phone_edit
    kb.type("0812 3456 7890")
    kb.tab(4)  # e-mail (optional), the KTP photo's camera and file buttons
    # -- Address: the volunteer's own province, regency and district are filled in
    assert form.pages.currentIndex() == 1
    kb.tab(3)
    assert kb.focus() is form.village_combo
    kb.type("pulau bet")
    kb.tab()
    kb.type("2")
    kb.tab()
    kb.type("1")
    kb.tab()
    kb.type("Jalan Pasar Lama")
    kb.tab()
    # -- Work & contribution
    assert form.pages.currentIndex() == 2
    kb.type("Ped")
    kb.tab()
    kb.type("Pasar Muara Bulian")
    kb.tab()
    kb.type("1500000")
    kb.tab(4)  # JHT, period and funding stay as offered
    # -- Heirs
    assert form.pages.currentIndex() == 3
    kb.type("Ahmad Fauzi")
    kb.tab()
    kb.type("Suami")
    kb.tab()
    kb.type("081298765432")
    kb.tab(3)
    # -- Consent: the statement read aloud, the participant agrees, then signs
    assert form.pages.currentIndex() == 4
    assert kb.focus() is form.consent_check
    kb.press(Qt.Key.Key_Space)
    kb.tab()
    assert kb.focus() is form.signature_radio
    kb.press(Qt.Key.Key_Space)
    kb.tab()
    assert kb.focus() is form.signature_pad
    # the participant's own mark, drawn with the keys: pen down, a zigzag, pen up
    kb.press(Qt.Key.Key_Space)
    for _ in range(4):
        kb.press(Qt.Key.Key_Right, times=3)
        kb.press(Qt.Key.Key_Up, times=2)
        kb.press(Qt.Key.Key_Right, times=3)
        kb.press(Qt.Key.Key_Down, times=2)
    kb.press(Qt.Key.Key_Space)
    assert not form.signature_pad.is_empty()
    kb.tab()
    assert kb.focus() is form.signature_pad.clear_button  # "Sign again", if it went wrong
    kb.tab()
    assert kb.focus() is form.save_close_button
    with qtbot.waitSignal(form.finished, timeout=3000):
        kb.press(Qt.Key.Key_Space)

    # -- back on the list: one registration, ready to send
    assert not window.form_is_open and window.model.rowCount() == 1
    reg_id = window.model.id_at(0)
    record = session.registrations.get(reg_id)
    assert record["status"] == "ready", record["problems"]
    consent = record["consent"]
    assert consent["given"] is True and consent["method"] == "signature"
    assert consent["at"][:4].isdigit()
    from desa_peduli.services.registrations import decode_signature

    signature = consent["signature_png"]
    png = decode_signature(signature) if isinstance(signature, str) else signature
    mark = QImage.fromData(png)
    assert sum(1 for x in range(0, mark.width(), 2) for y in range(0, mark.height(), 2)
               if mark.pixelColor(x, y).lightness() < 128) > 30
    assert "1 not sent" in window.sync.control.summary_label.text()
    window.close()  # closes the session
    with Session.open(path, PASSPHRASE) as reopened:
        assert reopened.registrations.get(reg_id)["status"] == "ready"
