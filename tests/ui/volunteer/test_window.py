"""The main window driven like a person: search, filters, counts, form, delete, history, backups."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desa_peduli.ui.volunteer.dialogs import DeleteDialog, HistoryDialog
from desa_peduli.ui.volunteer.table_model import COLUMN_NAME, COLUMN_NIK
from desa_peduli.ui.workspace_dialogs import RestoreBackupDialog
from tests.ui.conftest import nik_for, person


def names_shown(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row, COLUMN_NAME)) for row in range(model.rowCount())]


def test_title_counts_and_status_bar(make_window, add_people):
    add_people(30, drafts_every=5)
    window = make_window()
    assert "Relawan Uji" in window.windowTitle()
    assert window.model.rowCount() == 30
    counts = window.counts_view
    assert counts.value("total") == 30
    assert counts.value("today") == 30
    assert counts.value("week") == 30
    assert counts.value("draft") == 6
    assert counts.value("ready") == 24
    assert counts.value("registered") == 0
    assert "30" in window.shown_label.text()
    width, height = window.width(), window.height()
    assert width <= 1366 and height <= 720


def test_search_as_you_type_by_name_and_nik_prefix(qtbot, make_window, add_people):
    add_people(30)
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, "dew")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert all(name.startswith("Dewi") for name in names_shown(window))
    assert "3" in window.shown_label.text() and "30" in window.shown_label.text()

    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)  # clears the search
    qtbot.waitUntil(lambda: window.model.rowCount() == 30)

    qtbot.keyClicks(window.search_edit, nik_for(1)[:14] + "1")  # serials 0010..0019
    qtbot.waitUntil(lambda: window.model.rowCount() == 10)
    niks = {window.model.data(window.model.index(r, COLUMN_NIK)) for r in range(10)}
    assert niks == {nik_for(serial) for serial in range(10, 20)}

    qtbot.keyClicks(window.search_edit, "9")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)  # to the list, first row selected
    assert window.table.hasFocus()
    assert window.current_id() is not None


def test_filters_by_status_village_and_occupation(qtbot, make_window, add_people):
    add_people(24, drafts_every=4)
    window = make_window()
    window.status_filter.setFocus()
    qtbot.keyClick(window.status_filter, Qt.Key.Key_Down)  # "All statuses" → "Draf"
    assert window.status_filter.currentData() == "draft"
    qtbot.waitUntil(lambda: window.model.rowCount() == 6)
    qtbot.keyClick(window.status_filter, Qt.Key.Key_Down)  # → "Siap kirim"
    qtbot.waitUntil(lambda: window.model.rowCount() == 18)
    qtbot.keyClick(window.status_filter, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: window.model.rowCount() == 24)

    villages = [window.village_filter.itemText(i) for i in range(window.village_filter.count())]
    assert villages[1:] == ["Awin", "Jembatan Mas", "Serasah"]
    window.village_filter.setCurrentIndex(villages.index("Awin"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 8)

    window.occupation_filter.setCurrentIndex(window.occupation_filter.findData("petani"))
    # Awin is every 3rd person from 2, petani every 4th from 2: 2, 14 → 2 people
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.empty_label.isHidden()
    window.status_filter.setCurrentIndex(window.status_filter.findData("registered"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.empty_label.isVisible()


def test_new_registration_opens_form_and_counts_follow_saves(
        qtbot, make_window, add_people, valid_registration):
    add_people(5)
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.form_page
    form = window.form
    assert form.opened == [None]
    assert not window.new_action.isEnabled() and not window.delete_action.isEnabled()

    new_id = form.save(person(valid_registration, 77))
    assert window.counts_view.value("total") == 6
    form.finished.emit()
    assert window.stack.currentWidget() is window.list_page
    assert window.model.rowCount() == 6
    assert window.current_id() == new_id  # the saved one is selected in the list
    assert window.new_action.isEnabled()


def test_enter_and_double_click_open_the_selected_registration(qtbot, make_window, add_people):
    ids = add_people(3)
    window = make_window()
    window.table.setFocus()
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.form_page
    assert window.form.current_id == window.model.id_at(0)
    window.form.finished.emit()

    rect = window.table.visualRect(window.model.index(2, COLUMN_NAME))
    # a real double-click: press, release, then the double-click event
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.form.current_id == window.model.id_at(2)
    assert set(window.form.opened) <= set(ids)


def test_open_requested_by_the_form_switches_registration(make_window, add_people):
    ids = add_people(2)
    window = make_window()
    window.edit_registration(ids[0])
    window.form.open_requested.emit(ids[1])
    assert window.form.current_id == ids[1]
    assert window.form.flushes >= 1


def test_unfinished_draft_is_reopened_on_start(session, make_window, add_people):
    ids = add_people(3)
    session.settings.set("open_draft_id", ids[1])
    window = make_window()
    assert window.stack.currentWidget() is window.form_page
    assert window.form.current_id == ids[1]
    assert window.form_banner.isVisible()
    assert window.form_banner.text() == "The unfinished draft was reopened."


def test_stale_open_draft_is_ignored(session, make_window, add_people):
    ids = add_people(2)
    session.registrations.delete(ids[0], "dobel")
    session.settings.set("open_draft_id", ids[0])
    window = make_window()
    assert window.stack.currentWidget() is window.list_page
    assert session.settings.get("open_draft_id") is None


def open_dialog(qtbot, window, kind):
    qtbot.waitUntil(lambda: isinstance(window._dialog, kind) and window._dialog.isVisible())
    return window._dialog


def test_delete_with_reason_hides_the_row_and_history_shows_it(
        qtbot, session, make_window, add_people):
    ids = add_people(5)
    window = make_window()
    row = window.model.row_of_id(ids[2])
    window.table.setFocus()
    window.select_row(row)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window, DeleteDialog)
    qtbot.keyClicks(dialog.reason_edit, "ab")
    assert not dialog.delete_button.isEnabled()  # a reason needs 3 characters
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.reason_edit, "c: terdaftar dua kali")
    assert dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.model.row_of_id(ids[2]) == -1
    assert window.counts_view.value("total") == 4

    history = session.registrations.history(ids[2])
    assert history[-1]["action"] == "delete"
    assert history[-1]["reason"] == "abc: terdaftar dua kali"
    window.show_history(ids[2])
    dialog = open_dialog(qtbot, window, HistoryDialog)
    cells = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount())
             for c in range(dialog.table.columnCount())]
    assert "Deleted" in cells and "abc: terdaftar dua kali" in cells and "Created" in cells
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window._dialog.isVisible() if window._dialog else True)


def test_escape_cancels_delete(qtbot, session, make_window, add_people):
    ids = add_people(3)
    window = make_window()
    window.table.setFocus()
    window.select_row(0)
    reg_id = window.current_id()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, window, DeleteDialog)
    qtbot.keyClicks(dialog.reason_edit, "salah ketik")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.model.rowCount() == 3
    assert [h["action"] for h in session.registrations.history(reg_id)] == ["create"]
    assert reg_id in ids


def test_ctrl_h_shows_history_of_selected_row(qtbot, session, make_window, add_people,
                                             valid_registration):
    ids = add_people(1)
    session.registrations.save(person(valid_registration, 1, full_name="Siti Berubah"),
                               reg_id=ids[0])
    window = make_window()
    window.table.setFocus()
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, window, HistoryDialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 2).text() == "Changed"
    assert dialog.table.item(1, 3).text() == "Full name"
    assert dialog.table.item(0, 1).text() == "Relawan Uji"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter closes it too
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_sorting_by_clicking_a_header(qtbot, make_window, add_people):
    add_people(12)
    window = make_window()
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMN_NAME) + header.sectionSize(COLUMN_NAME) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: window.model.query.sort == "full_name")
    names = names_shown(window)
    assert names == sorted(names, key=str.casefold) or names == sorted(
        names, key=str.casefold, reverse=True)


def test_restore_from_backup_brings_back_a_deleted_registration(
        qtbot, session, make_window, add_people):
    ids = add_people(4)
    window = make_window()
    window.backup_action.trigger()  # a job: the window waits for it, the test too
    qtbot.waitUntil(lambda: "Last backup" in window.backup_label.text())
    session.registrations.delete(ids[0], "keliru")
    window.refresh()
    assert window.model.rowCount() == 3

    window.restore_action.trigger()
    dialog = open_dialog(qtbot, window, RestoreBackupDialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "4"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # "Restore…" asks first
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert window.model.row_of_id(ids[0]) >= 0
    assert window.counts_view.value("total") == 4


def test_restore_can_be_cancelled(qtbot, session, make_window, add_people):
    add_people(2)
    window = make_window()
    window.backup_now()
    qtbot.waitUntil(lambda: not window.workspace_actions.running)
    window.restore_action.trigger()
    dialog = open_dialog(qtbot, window, RestoreBackupDialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    from desa_peduli.storage.backups import list_backups

    assert [b.reason for b in list_backups(session.workspace)] == ["manual"]


def test_scheduled_backup_runs_from_the_timer(qtbot, session, make_window):
    assert session.settings.get("last_backup_at") is None
    window = make_window(backup_check_ms=1000)
    qtbot.waitUntil(lambda: session.settings.get("last_backup_at") is not None, timeout=5000)
    assert "Last backup" in window.backup_label.text()


def test_language_choice_is_stored_for_the_next_start(qtbot, session, make_window):
    window = make_window()
    with qtbot.waitSignal(window.language_changed) as blocker:
        window.language_actions["en"].trigger()
    assert blocker.args == ["en"]
    assert session.settings.get("language") == "en"
    box = open_dialog(qtbot, window, QMessageBox)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_close_flushes_the_form_and_closes_the_session(qtbot, session, make_window):
    window = make_window()
    window.new_registration()
    form = window.form
    window.close()
    assert form.flushes >= 1
    assert session.workspace.db is None


@pytest.mark.parametrize("minutes,expected", [(10, 600_000), (0, 0), ("x", 600_000), (0.5, 30_000)])
def test_lock_minutes_setting(minutes, expected):
    from desa_peduli.ui.lock import minutes_to_ms

    assert minutes_to_ms(minutes) == expected


def test_change_passphrase(qtbot, session, make_window):
    from desa_peduli.storage.workspace import KEY_DIR, PASSPHRASE_KEY_FILE
    from desa_peduli.ui.workspace_dialogs import ChangePassphraseDialog
    from tests.conftest import PASSPHRASE

    key_file = session.workspace.path / KEY_DIR / PASSPHRASE_KEY_FILE
    before = key_file.read_bytes()
    window = make_window()
    window.passphrase_action.trigger()
    dialog = open_dialog(qtbot, window, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.old_edit, "salah-salah")
    qtbot.keyClicks(dialog.new_edit, "pendek")
    qtbot.keyClicks(dialog.repeat_edit, "pendek")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert "too short" in dialog.error.text()
    dialog.new_edit.clear()
    qtbot.keyClicks(dialog.new_edit, "kopi-jambi-2026")
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, "kopi-jambi-2026")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)  # wrong current passphrase
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=10_000)
    assert "wrong" in dialog.error.text()
    assert dialog.isVisible() and key_file.read_bytes() == before
    qtbot.keyClicks(dialog.old_edit, PASSPHRASE)  # the wrong one is selected: replaced
    with qtbot.waitSignal(dialog.changed, timeout=15_000):
        qtbot.keyClick(dialog.old_edit, Qt.Key.Key_Return)
    assert "Passphrase changed" in window.statusBar().currentMessage()
    assert key_file.read_bytes() != before  # re-wrapped (the storage tests check the unwrap)


def test_real_form_opens_and_escape_returns_to_the_list(qtbot, session, make_window):
    form_module = pytest.importorskip("desa_peduli.ui.volunteer.form.registration_form")
    from desa_peduli.ui.volunteer.window import default_form_factory

    window = make_window(form_factory=default_form_factory)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.form, form_module.RegistrationFormView)
    assert window.stack.currentWidget() is window.form_page
    focus = QApplication.focusWidget()
    assert focus is not None and window.form.isAncestorOf(focus)
    with qtbot.waitSignal(window.form.finished):
        qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.list_page


def test_a_locked_database_is_named_in_the_message_not_something_went_wrong(
        qtbot, session, make_window, add_people, workspace_template):
    from desa_peduli.errors import DatabaseLocked
    from desa_peduli.storage.database import connect
    from desa_peduli.ui.i18n import current_language

    ids = add_people(2)
    window = make_window()
    window.table.setFocus()
    window.select_row(window.model.row_of_id(ids[0]))
    session.db.execute("PRAGMA busy_timeout = 20")
    other = connect(session.workspace.db_path, workspace_template[1])
    other.execute("BEGIN IMMEDIATE")  # another program holds a write transaction
    other.execute("UPDATE settings SET value = value")
    try:
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
        dialog = open_dialog(qtbot, window, DeleteDialog)
        qtbot.keyClicks(dialog.reason_edit, "terdaftar dua kali")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
        box = open_dialog(qtbot, window, QMessageBox)
    finally:
        other.execute("ROLLBACK")
        other.conn.close()
    assert box.text() == DatabaseLocked().message(current_language())
    assert "OperationalError" not in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.model.row_of_id(ids[0]) >= 0  # nothing was deleted
