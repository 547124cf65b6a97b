"""A whole registration typed with the keyboard only ends up `ready` in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

NIK = "1504054203880001"


# the region pickers' completer popup: the offscreen platform cannot raise or grab it
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_complete_registration_typed_with_the_keyboard(form, keyboard, qtbot, session):
    kb = keyboard
    # -- Identity: the form opens on the NIK
    assert kb.focus() is form.nik_edit
    kb.type(NIK)
    kb.tab()
    assert kb.focus() is form.name_edit
    kb.type("Siti Nur'aini")
    kb.tab()
    kb.type("Muara Bulian")
    kb.tab()
    assert kb.focus() is form.birth_date_edit  # already filled in from the NIK
    kb.tab()
    assert kb.focus() is form.sex_combo  # likewise
    kb.tab()
    assert kb.focus() is form.phone_edit
    kb.type("0812 3456 7890")
    kb.press(Qt.Key.Key_Return)  # Enter moves on like Tab
    assert kb.focus() is form.email_edit
    kb.tab(3)  # e-mail (optional), the KTP photo's camera and file buttons
    # -- Address: Tab from the last field opened the next section
    assert form.pages.currentIndex() == 1
    assert kb.focus() is form.province_combo
    kb.tab(3)  # province, regency, district are the volunteer's own
    assert kb.focus() is form.village_combo
    kb.type("pulau bet")  # any part of the name
    kb.tab()
    assert form.village_combo.currentText() == "Pulau Betung"
    assert kb.focus() is form.rt_edit
    kb.type("2")
    kb.tab()
    kb.type("1")
    kb.tab()
    kb.type("Jalan Pasar Lama")
    kb.tab()
    # -- Work & contribution
    assert form.pages.currentIndex() == 2
    assert kb.focus() is form.occupation_combo
    kb.type("Ped")  # keyboard search: the first occupation starting so
    kb.tab()
    kb.type("Pasar Muara Bulian")
    kb.tab()
    kb.type("1500000")
    kb.tab()
    assert kb.focus() is form.jht_check
    kb.press(Qt.Key.Key_Space)  # with JHT
    kb.tab()
    assert kb.focus() is form.period_combo
    kb.press(Qt.Key.Key_Down)  # 3 months
    kb.tab(2)  # funding source stays "mandiri"
    # -- Heirs
    assert form.pages.currentIndex() == 3
    kb.type("Ahmad Fauzi")
    kb.tab()
    kb.type("Suami")
    kb.tab()
    kb.type("081298765432")
    kb.tab(3)  # Remove, Add another heir
    # -- Consent: read aloud, the participant agrees first, verbal consent before a witness
    assert form.pages.currentIndex() == 4
    assert kb.focus() is form.consent_check
    kb.press(Qt.Key.Key_Space)
    kb.tab()
    assert kb.focus() is form.signature_radio
    kb.press(Qt.Key.Key_Right)
    kb.press(Qt.Key.Key_Space)
    assert form.verbal_radio.isChecked()
    kb.tab()
    assert kb.focus() is form.witness_edit
    kb.type("Budi Santoso")
    kb.tab()
    assert kb.focus() is form.save_close_button
    with qtbot.waitSignal(form.finished, timeout=3000):
        kb.press(Qt.Key.Key_Space)

    reg_id = form.current_id
    assert reg_id is not None
    record = session.registrations.get(reg_id)
    assert record["status"] == "ready", record["problems"]
    assert record["nik"] == NIK
    assert record["full_name"] == "Siti Nur'aini"
    assert record["birth_place"] == "Muara Bulian"
    assert record["birth_date"] == "1988-03-02"
    assert record["sex"] == "F"
    assert record["phone"] == "+6281234567890"
    assert record["village_code"] == "15.04.05.2009"
    assert (record["rt"], record["rw"]) == ("002", "001")
    assert record["street"] == "Jalan Pasar Lama"
    assert record["occupation"] == "pedagang_pasar"
    assert record["work_location"] == "Pasar Muara Bulian"
    assert record["declared_income"] == 1500000
    assert record["programs"] == ["JKK", "JKM", "JHT"]
    assert record["payment_months"] == 3
    assert record["funding_source"] == "mandiri"
    assert record["heirs"] == [
        {"name": "Ahmad Fauzi", "relationship": "suami", "phone": "+6281298765432"}
    ]
    consent = record["consent"]
    assert consent["given"] is True
    assert consent["method"] == "verbal_witnessed"
    assert consent["witness"] == "Budi Santoso"
    assert consent["at"][:4].isdigit() and consent["at"][-6] in "+-"  # ISO with offset
    # finished: nothing is left for crash recovery
    assert session.settings.get("open_draft_id") is None


def test_escape_saves_and_closes(form, keyboard, qtbot, session):
    keyboard.type(NIK)
    with qtbot.waitSignal(form.finished, timeout=3000):
        keyboard.press(Qt.Key.Key_Escape)
    assert form.current_id is not None
    assert session.registrations.get(form.current_id)["nik"] == NIK
    assert session.settings.get("open_draft_id") is None


def test_sections_switch_with_shortcuts(form, keyboard):
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert form.pages.currentIndex() == 1
    keyboard.press(Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert form.pages.currentIndex() == 4
    assert keyboard.focus() is form.consent_check  # agreeing comes first
    keyboard.press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert form.pages.currentIndex() == 3
    keyboard.back_tab()  # Shift+Tab from the first field goes back a section
    assert form.pages.currentIndex() == 2
    assert keyboard.focus() is form.funding_combo


def test_heirs_rows_are_added_and_removed_with_the_keyboard(form, keyboard, qtbot):
    keyboard.press(Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    editor = form.heirs_editor
    keyboard.type("Ahmad Fauzi")
    keyboard.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Add another heir"
    qtbot.waitUntil(lambda: len(editor.rows) == 2)  # a mnemonic animates the click
    assert keyboard.focus() is editor.rows[1].name
    keyboard.type("Rina")
    keyboard.tab(3)
    assert keyboard.focus() is editor.rows[1].remove_button
    keyboard.press(Qt.Key.Key_Space)
    assert [row.name.text() for row in editor.rows] == ["Ahmad Fauzi"]
    assert keyboard.focus() is editor.add_button


def test_focus_given_to_the_view_goes_to_a_field(form, keyboard):
    keyboard.press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    keyboard.tab(4)
    assert keyboard.focus() is form.rt_edit
    form.summary_list.setFocus()
    form.setFocus(Qt.FocusReason.OtherFocusReason)  # what the main window does
    assert keyboard.focus() is form.rt_edit
    form.new_registration()
    form.setFocus(Qt.FocusReason.OtherFocusReason)
    assert keyboard.focus() is form.nik_edit
