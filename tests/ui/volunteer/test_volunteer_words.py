"""What a volunteer sees (issue 13): the branch office's reason and KPJ number on screen,
the sent state, GUI words in messages, one way out of the form, the deleted list, the
first run's empty list, and the correction loop end to end.

Driven through the real window and the real form; the branch office's side (import,
decision, receipt) goes through its services, as in tests/sync.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desa_peduli.domain.listing import DELETED, RECEIVED, SENT
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.ui import labels
from desa_peduli.ui.problem_words import GUI_WORDS
from desa_peduli.ui.volunteer.table_model import COLUMN_NOTE, COLUMN_STATUS
from desa_peduli.ui.volunteer.window import default_form_factory
from tests.ui.conftest import person
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import VOLUNTEER_ID

LEFT = Qt.MouseButton.LeftButton


def cell(window, reg_id: str, column: int) -> str:
    model = window.model
    return model.data(model.index(model.row_of_id(reg_id), column)) or ""


def send_and_answer(volunteer, branch, folder: Path, decide) -> None:
    """Export a bundle, import it at the branch, ``decide(branch_service)``, and bring
    the receipt back to the laptop."""
    result = FieldSync(volunteer).export(folder)
    assert result.path is not None
    service = BranchService(branch)
    service.import_bundle(result.path)
    decide(service)
    FieldSync(volunteer).import_receipt(service.receipt(VOLUNTEER_ID, folder))


def choose_status(qtbot, window, code: str) -> None:
    """Pick a status in the filter with the keyboard, as a person would."""
    combo = window.status_filter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != code:
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != index, f"no status {code}"


def open_row(qtbot, window, reg_id: str) -> None:
    window.select_row(window.model.row_of_id(reg_id))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form_is_open)


def summary_lines(form) -> list[str]:
    return [form.summary_list.item(i).text() for i in range(form.summary_list.count())]


@pytest.fixture
def real_window(make_window):
    def make():
        return make_window(form_factory=default_form_factory)
    return make


# -- 6: the first run ------------------------------------------------------------------
def test_first_run_offers_the_first_worker_button_with_the_focus(qtbot, make_window):
    window = make_window()
    page = window.list_view
    assert page.first_button.isVisible() and page.empty_label.isVisible()
    assert QApplication.focusWidget() is page.first_button  # not the search box
    qtbot.keyClick(page.first_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.form_is_open)
    assert window.form.opened == [None]  # a new registration


def test_the_first_worker_button_is_gone_once_there_is_one(qtbot, make_window, add_people):
    add_people(1)
    window = make_window()
    assert not window.list_view.first_button.isVisible()
    window.search_edit.setText("zzzz")
    window.apply_filters()
    assert window.empty_label.isVisible() and not window.list_view.first_button.isVisible()


# -- 3: sent, waiting for the receipt ------------------------------------------------------
def test_a_saved_bundle_makes_rows_sent_until_the_receipt(qtbot, volunteer, branch, add_people,
                                                          make_window, tmp_path):
    """Two ready registrations → bundle saved: both "Sent, waiting for the receipt" with
    the bundle's date, counted and filtered as sent; after the receipt accepts one, that
    one is Accepted and the other one no longer waits for a receipt."""
    first, second = add_people(2)
    window = make_window()
    assert cell(window, first, COLUMN_STATUS) == labels.status_label("ready")
    result = FieldSync(volunteer).export(tmp_path)
    assert result.path is not None
    window.refresh()
    for reg_id in (first, second):
        assert cell(window, reg_id, COLUMN_STATUS) == labels.status_label(SENT)
        assert cell(window, reg_id, COLUMN_NOTE).startswith("In the bundle of ")
    assert window.counts_view.value(SENT) == 2 and window.counts_view.value("ready") == 0
    choose_status(qtbot, window, "ready")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    choose_status(qtbot, window, SENT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)

    service = BranchService(branch)
    service.import_bundle(result.path)
    service.set_state(first, "accepted")
    FieldSync(volunteer).import_receipt(service.receipt(VOLUNTEER_ID, tmp_path))
    window.refresh()
    # the accepted one left the "sent" filter, and the other, which the receipt says
    # the branch has (still to review), no longer waits for the receipt either
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.counts_view.value(SENT) == 0 and window.counts_view.value(RECEIVED) == 1
    choose_status(qtbot, window, RECEIVED)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert cell(window, second, COLUMN_STATUS) == labels.status_label(RECEIVED)
    assert cell(window, second, COLUMN_NOTE) == ""
    assert window.counts_view.value("accepted") == 1

    # changed after sending: ready to send again, not "sent"
    volunteer.registrations.save(person({**volunteer.registrations.get(second)}, 2,
                                        street="Jalan Baru"), reg_id=second)
    choose_status(qtbot, window, "ready")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)


# -- 9: deleted registrations come back -------------------------------------------------
def test_deleted_filter_restores_a_registration(qtbot, make_window, add_people, session):
    first, second = add_people(2)
    session.registrations.delete(first, "salah orang")
    window = make_window()
    assert window.model.row_of_id(first) == -1
    assert not window.list_view.restore_button.isVisible()
    choose_status(qtbot, window, DELETED)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.list_view.restore_button.isVisible()
    window.select_row(0)
    assert not window.edit_action.isEnabled()  # a deleted one is not opened
    qtbot.mouseClick(window.list_view.restore_button, LEFT)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert session.registrations.store.get(first)["deleted_at"] is None
    assert session.registrations.history(first)[-1]["action"] == "restore"
    window.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)


# -- 2: the GUI's words -------------------------------------------------------------------
def test_a_new_form_speaks_the_gui_words_not_the_cli_codes(qtbot, real_window, session):
    window = real_window()
    qtbot.keyClick(window.list_view.first_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.form_is_open)
    form = window.form
    lines = "\n".join(summary_lines(form))
    for code in ("signature", "verbal_witnessed", "(paper)", "tahun-bulan", "L (laki-laki)"):
        assert code not in lines
    assert GUI_WORDS["consent.method"][0] in lines  # the form's language: Indonesian
    assert GUI_WORDS["birth_date.required"][0] in lines
    assert GUI_WORDS["sex.required"][0] in lines
    form.birth_date_edit.setFocus()
    qtbot.keyClick(form.birth_date_edit, Qt.Key.Key_Home)
    qtbot.keyClicks(form.birth_date_edit, "31021988")  # no 31 February
    assert form.birth_date_edit.text() == "31/02/1988"
    qtbot.waitUntil(lambda: GUI_WORDS["birth_date.format"][0] in "\n".join(summary_lines(form)))
    text = "\n".join(summary_lines(form))
    assert GUI_WORDS["birth_date.format"][0] in text and "02/03/1988" in text
    # the command line keeps its own words
    checked = session.registrations.validate({"birth_date": "1988-13-01", "sex": "X"})
    messages = {p.code: p.message for p in checked.problems}
    assert "tahun-bulan-tanggal" in messages["birth_date.format"]
    assert "L (laki-laki)" in messages["sex.invalid"]


def test_stored_problems_in_the_list_use_the_gui_words(add_people, session):
    [reg_id] = add_people(1, drafts_every=1)
    problem = {"field": "sex", "code": "sex.required", "message": "L/P", "message_en": "M/F"}
    assert labels.problem_message(problem) == GUI_WORDS["sex.required"][0]
    assert labels.problem_message({"code": "phone.format", "message": "x"}) == "x"
    assert reg_id


# -- 9: one way out, one save status, what is missing -------------------------------------
def test_one_close_button_one_save_status_and_what_is_missing(qtbot, real_window):
    window = real_window()
    qtbot.keyClick(window.list_view.first_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.form_is_open)
    form = window.form
    assert form.save_close_button is form.close_button
    texts = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert not any("automatically while you type" in text for text in texts)
    qtbot.keyClicks(form.name_edit, "Siti Aminah")
    assert form.status_label.text() == "Saving…"
    qtbot.waitUntil(lambda: form.status_label.text().startswith("Saved automatically"))
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.form_is_open)
    note = window.list_view.closed_note
    assert note.isVisible()
    assert note.text().startswith("Siti Aminah is saved as a draft and cannot be sent yet.")
    for field in ("NIK", "Phone", "Consent"):
        assert labels.field_label({"NIK": "nik", "Phone": "phone",
                                   "Consent": "consent"}[field]) in note.text()
    window.search_edit.setText("Siti")
    window.apply_filters()
    assert not note.isVisible()


# -- 1 and 9: registered at BPJS ---------------------------------------------------------
def test_registered_shows_the_kpj_with_copy_and_asks_before_a_change(
        qtbot, volunteer, branch, add_people, real_window, tmp_path):
    [reg_id] = add_people(1)
    send_and_answer(volunteer, branch, tmp_path,
                    lambda svc: svc.set_state(reg_id, "registered", kpj="12345678901"))
    window = real_window()
    assert cell(window, reg_id, COLUMN_NOTE) == "KPJ number 12345678901"
    open_row(qtbot, window, reg_id)
    form = window.form
    note = form._branch
    assert QApplication.focusWidget() is note.change_button  # asks first
    assert note.kpj_box.isVisible()
    assert note.kpj_label.text() == "Registered · KPJ number 12345678901"
    QApplication.clipboard().clear()
    qtbot.mouseClick(note.copy_button, LEFT)
    assert QApplication.clipboard().text() == "12345678901"
    # protected: nothing can be typed until "Change anyway"
    assert form.is_protected and not form.name_edit.isEnabled()
    assert note.banner.isVisible() and "sent to the branch office again" in \
        note.message_label.text()
    qtbot.keyClick(note.change_button, Qt.Key.Key_Space)
    assert not form.is_protected and form.street_edit.isEnabled()
    form.street_edit.setFocus()
    qtbot.keyClicks(form.street_edit, " 5")
    qtbot.keyClick(form.street_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.form_is_open)
    assert volunteer.registrations.store.get(reg_id)["status"] == "ready"  # sent again
    assert FieldSync(volunteer).pending_changes() == 1


def test_an_untouched_registered_registration_is_not_resent(
        qtbot, volunteer, branch, add_people, real_window, tmp_path):
    [reg_id] = add_people(1)
    send_and_answer(volunteer, branch, tmp_path,
                    lambda svc: svc.set_state(reg_id, "registered", kpj="12345678901"))
    window = real_window()
    open_row(qtbot, window, reg_id)
    qtbot.keyClick(window.form._branch.change_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.form_is_open)
    assert volunteer.registrations.store.get(reg_id)["status"] == "registered"
    assert FieldSync(volunteer).pending_changes() == 0


# -- 1: the correction loop, end to end --------------------------------------------------
def test_correction_loop_reason_shown_fixed_and_resent(qtbot, volunteer, branch, add_people,
                                                       real_window, tmp_path):
    """Receipt with a reason → the reason in the list, the form's banner and the first
    line of "Still to do" → the volunteer fixes the phone → sent again → the branch holds
    the corrected registration, received, waiting to be checked."""
    [reg_id] = add_people(1)
    reason = "Nomor HP tidak aktif, minta nomor lain"
    send_and_answer(volunteer, branch, tmp_path,
                    lambda svc: svc.set_state(reg_id, "correction", reason=reason))
    window = real_window()
    assert cell(window, reg_id, COLUMN_STATUS) == labels.status_label("correction")
    assert cell(window, reg_id, COLUMN_NOTE) == reason  # on screen, not in a tooltip

    open_row(qtbot, window, reg_id)
    form = window.form
    banner = form._branch
    assert banner.banner.isVisible() and reason in banner.message_label.text()
    lines = summary_lines(form)
    assert lines[0] == f"Branch office asks to correct\n{reason}"
    assert form.summary_header.text() != "Everything is filled in."

    form.phone_edit.setFocus()
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.phone_edit, "081377778888")
    qtbot.waitUntil(lambda: not summary_lines(form) or reason not in summary_lines(form)[0])
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.form_is_open)
    mine = volunteer.registrations.store.get(reg_id)
    assert mine["status"] == "ready" and mine["phone"].endswith("81377778888")
    assert cell(window, reg_id, COLUMN_STATUS) == labels.status_label("ready")

    # sent again: the branch holds the corrected registration, to be checked again
    result = FieldSync(volunteer).export(tmp_path)
    assert result.path is not None
    window.refresh()
    assert cell(window, reg_id, COLUMN_STATUS) == labels.status_label(SENT)
    BranchService(branch).import_bundle(result.path)
    held = branch.registrations.store.get(reg_id)
    assert held["phone"] == mine["phone"] and held["branch_state"] == "received"


# -- 4: the words, in Indonesian ----------------------------------------------------------
def test_the_list_page_keeps_its_indonesian_and_the_new_vocabulary(qtbot, qapp, make_window):
    """The list moved out of the window keeps its translations (same context); the
    Indonesian says "kode pencocokan", never "sidik jari", and reminders say "sudah … hari"."""
    from PySide6.QtCore import QCoreApplication

    from desa_peduli.ui import i18n

    i18n.install_translator(qapp, "id")  # put back by tests/ui/conftest.py
    window = make_window()
    assert window.search_edit.placeholderText() == QCoreApplication.translate(
        "MainWindow", "Name or NIK…") != "Name or NIK…"
    assert window.status_filter.itemText(0) != "All statuses"
    # this tree's translations (desa_peduli.resources may point at another checkout)
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(Path(__file__).parents[3] / "resources/i18n/desa_peduli_id.qm"))
    assert translator.translate("FingerprintDialog", "Fingerprints") == "Kode pencocokan"
    reminder = translator.translate(
        "Reminders", "%n registration(s) not sent to the branch office for {days} days. "
        "Export a bundle and take it to the branch office.", "", 3)
    assert "sudah {days} hari" in reminder and "sejak" not in reminder
    ts = (Path(__file__).parents[3] / "resources/i18n/desa_peduli_id.ts").read_text("utf-8")
    assert "sidik jari" not in ts.lower() and "berkas pendaftaran" not in ts
