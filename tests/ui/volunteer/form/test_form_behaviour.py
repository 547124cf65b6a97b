"""The form's behaviour: NIK decoding, inline messages, duplicates, contribution, autosave."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

NIK = "1504054203880001"


def test_typing_the_nik_fills_birth_date_sex_and_says_so(form, keyboard, qtbot, message_under):
    keyboard.type(NIK)
    data = form.data()
    assert data["birth_date"] == "1988-03-02"
    assert data["sex"] == "F"
    assert form.birth_date_edit.text() == "02/03/1988"
    note = form.nik_note
    assert note.isVisible()
    for part in ("female", "1988", "Kec. Pemayung", "Kab. Batanghari", "Jambi"):
        assert part in note.text()
    # a different birth date typed later is kept, and the mismatch is pointed out
    keyboard.tab(3)
    assert keyboard.focus() is form.birth_date_edit
    keyboard.select_all_and_type("03031988")
    keyboard.tab()
    assert form.data()["birth_date"] == "1988-03-03"
    qtbot.waitUntil(lambda: "1988-03-02" in message_under(form, "birth_date"))
    assert form.findChild(QLabel, "message:birth_date").severity == "warning"  # amber
    assert "NIK" in form.nik_note.text()


def test_a_wrong_phone_is_explained_and_the_message_goes_when_fixed(
        form, keyboard, qtbot, message_under):
    keyboard.press(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # "&Phone (mobile)"
    assert keyboard.focus() is form.phone_edit
    keyboard.type("12345")
    keyboard.tab()
    qtbot.waitUntil(lambda: message_under(form, "phone") != "")
    assert "08" in message_under(form, "phone")  # Indonesian: "… diawali 08 …"
    # the summary lists it too, and a click there goes back to the field
    items = [form.summary_list.item(i) for i in range(form.summary_list.count())]
    phone_item = next(i for i in items if i.data(Qt.ItemDataRole.UserRole)[0] == "phone")
    rect = form.summary_list.visualItemRect(phone_item)
    qtbot.mouseClick(form.summary_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert keyboard.focus() is form.phone_edit
    keyboard.select_all_and_type("081234567890")
    qtbot.waitUntil(lambda: message_under(form, "phone") == "")


def test_duplicate_nik_warns_and_opens_the_other_registration(
        form, keyboard, qtbot, session, valid_registration):
    other = session.registrations.save(valid_registration)
    keyboard.type(valid_registration["nik"])
    qtbot.waitUntil(form.duplicate_box.isVisible)
    assert "Siti Nur'aini" in form.duplicate_label.text()
    with qtbot.waitSignal(form.open_requested, timeout=2000) as signal:
        qtbot.mouseClick(form.duplicate_button, Qt.MouseButton.LeftButton)
    assert signal.args == [other.id]


def test_contribution_is_shown_live(form, keyboard, qtbot):
    from desa_peduli import reference
    from desa_peduli.domain.rates import contribution
    from desa_peduli.ui.volunteer.form.widgets import rupiah

    income = 1_000_000
    expected = contribution(
        reference.rate_table(), declared_income=income, occupation_transport=False,
        funding_public_budget=False, funder_pays=False, with_jht=False,
        month=dt.date.today()).total
    assert expected in (8_400, 16_800)  # PP 50/2025 discount month or not
    keyboard.press(Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    keyboard.type("Pet")  # Petani
    assert form.occupation_combo.currentData() == "petani"
    keyboard.tab(2)
    keyboard.type(str(income))
    qtbot.waitUntil(lambda: f"Rp{expected:,}".replace(",", ".") in form.contribution_label.text())
    assert rupiah(expected) in form.contribution_label.text()


def test_rupiah_is_written_the_indonesian_way():
    from desa_peduli.ui.volunteer.form.widgets import rupiah

    assert rupiah(8_400) == "Rp8.400"
    assert rupiah(16_800) == "Rp16.800"
    assert rupiah(1_500_000) == "Rp1.500.000"


def test_autosave_survives_a_crash(make_form, keyboard, qtbot, session, message_under):
    form = make_form()
    form.new_registration()
    assert session.settings.get("open_draft_id") is None
    keyboard.type(NIK)
    keyboard.tab()
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        keyboard.type("Siti Nur'aini")
    # The power goes: no flush, no close handler. What the timer saved is on disk,
    # and the workspace says which registration was open.
    draft_id = session.settings.get("open_draft_id")
    assert draft_id == saved.args[0] == form.current_id
    assert session.registrations.get(draft_id)["status"] == "draft"

    reopened = make_form()
    reopened.open_registration(draft_id)
    assert reopened.current_id == draft_id
    assert reopened.nik_edit.text() == NIK
    assert reopened.name_edit.text() == "Siti Nur'aini"
    assert reopened.data()["birth_date"] == "1988-03-02"
    # a reopened record shows its problems straight away
    assert message_under(reopened, "phone") != ""


def test_a_blank_form_is_never_saved(form, keyboard, session):
    keyboard.type("1")
    keyboard.press(Qt.Key.Key_Backspace)  # typed, then taken back: still blank
    assert form.flush()
    form.close()  # closing saves too, but there is nothing to save
    assert form.current_id is None
    assert session.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0


def test_editing_a_stored_registration(make_form, qtbot, session, valid_registration):
    from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(pad.sizeHint())
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    signature = pad.to_png()
    stored = dict(valid_registration)
    stored["consent"] = {**stored["consent"], "method": "signature", "witness": None,
                         "signature_png": signature}
    reg_id = session.registrations.save(stored).id

    form = make_form()
    form.open_registration(reg_id)
    assert form.status_label.text()  # "Ready to send"
    assert form.signature_radio.isChecked()
    assert form.signature_pad.to_png() == signature
    assert form.consent_check.isChecked()
    assert form.village_combo.currentText() == "Serasah"
    assert form.heirs_editor.rows[0].name.text() == "Ahmad Fauzi"
    # a change is saved with the same id and the signature kept
    form.name_edit.setFocus()
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClicks(form.name_edit, " Binti Ahmad")
    record = session.registrations.get(reg_id)
    assert record["full_name"] == "Siti Nur'aini Binti Ahmad"
    assert record["consent"]["signature_png"] == signature
    assert record["status"] == "ready"


def test_ktp_photo_is_shrunk_and_stored(form, qtbot, session, tmp_path, monkeypatch, keyboard):
    from PySide6.QtWidgets import QFileDialog

    big = QImage(3200, 2000, QImage.Format.Format_RGB32)
    big.fill(Qt.GlobalColor.darkCyan)
    path = tmp_path / "ktp.png"
    assert big.save(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    keyboard.type(NIK)
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.mouseClick(form.photo_field.choose_button, Qt.MouseButton.LeftButton)
    mime, data = form.photo_field.photo()
    assert mime == "image/jpeg"
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (1600, 1000)
    assert session.registrations.ktp_photo(form.current_id) == (mime, data)
    qtbot.mouseClick(form.photo_field.remove_button, Qt.MouseButton.LeftButton)
    form.flush()
    assert session.registrations.ktp_photo(form.current_id) is None
