"""Everyday comfort in the windows: the title names the workspace, the status bar says
what is waiting, the reminder banner says what matters and does it, the branch office can
restore a backup."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desa_peduli.ui.reminders import short_path
from desa_peduli.ui.volunteer.sync import ExportDialog
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import VOLUNTEER_ID

LEFT = Qt.MouseButton.LeftButton


def days_ago(days: int) -> str:
    return (dt.datetime.now().astimezone() - dt.timedelta(days=days)).isoformat(
        timespec="seconds")


def test_title_names_the_volunteer_and_the_folder(volunteer, make_window):
    window = make_window()
    title = window.windowTitle()
    assert "Rina Marlina" in title and VOLUNTEER_ID in title
    assert short_path(volunteer.workspace.path) in title


def test_unsent_registrations_are_reminded_and_exported_from_the_banner(
        qtbot, volunteer, add_people, make_window, no_usb_sticks):
    add_people(3)
    volunteer.db.execute("UPDATE change_log SET at = ?", [days_ago(10)])
    window = make_window()
    banner = window.reminder_banner
    assert banner.isVisible()
    assert banner.texts()[0] == ("3 registration(s) not sent to the branch office for 10 "
                                 "days. Export a bundle and take it to the branch office.")
    assert window.sync.status_label.full_text().startswith("3 registration(s) not sent yet")
    _label, button = banner.rows[0]
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ExportDialog))
    window.sync.dialog.reject()

    qtbot.mouseClick(banner.hide_button, LEFT)
    assert not banner.isVisible()
    window.refresh()  # nothing new: it stays hidden
    assert not banner.isVisible()


def test_an_old_receipt_and_no_backup_are_reminded(volunteer, add_people, make_window):
    add_people(2)
    volunteer.settings.update({"last_export_seq": 10**6, "last_export_at": days_ago(5),
                               "last_receipt_at": days_ago(9), "last_backup_at": days_ago(4)})
    window = make_window()
    texts = window.reminder_banner.texts()
    assert len(texts) == 2
    assert texts[0].startswith("The last receipt is older than your last bundle")
    assert texts[1].startswith("The last backup was made 4 days ago")


def test_a_status_message_shows_whole_beside_the_sync_line(
        qtbot, qapp, volunteer, add_people, make_window, tmp_path):
    """The long sync line makes room while a message shows (in Indonesian it read
    "Cadangan 03/12/2026 09:2" at 1366 pixels)."""
    from desa_peduli.services.field import FieldSync
    from desa_peduli.storage.backups import list_backups, make_backup
    from desa_peduli.ui import i18n

    i18n.install_translator(qapp, "id")  # the longer language; put back by conftest.py
    add_people(3)
    FieldSync(volunteer).export(tmp_path)  # sent, no receipt yet: the longest sync line
    make_backup(volunteer.workspace, reason="manual")
    window = make_window()
    window.resize(1366, 728)
    bar = window.statusBar()
    sync_line = window.sync.status_label
    qtbot.waitUntil(lambda: sync_line.isVisible() and window.width() == 1366)

    window.workspace_actions.restore(list_backups(volunteer.workspace)[-1])
    qtbot.waitUntil(lambda: bar.currentMessage().endswith(" sudah dipulihkan."))
    message = bar.currentMessage()
    assert message.startswith("Cadangan ") and message.endswith(" sudah dipulihkan.")

    def room() -> int:  # up to the first permanent widget on the right (and its margin)
        shown = [w for w in (window.shown_label, window.backup_label, sync_line)
                 if w.isVisible()]
        return min(w.geometry().left() for w in shown) - 12

    qtbot.waitUntil(lambda: bar.fontMetrics().horizontalAdvance(message) <= room(),
                    timeout=2000)
    bar.clearMessage()
    assert sync_line.isVisible() and sync_line.text()


def test_nothing_to_remind_shows_no_banner(session, make_window):
    window = make_window()
    assert not window.reminder_banner.isVisible()


def test_branch_window_title_status_and_restore(qtbot, branch):
    from desa_peduli.storage.backups import list_backups, make_backup
    from desa_peduli.ui.branch.window import BranchMainWindow

    make_backup(branch.workspace, reason="manual")
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    assert "Kantor Cabang Jambi" in window.windowTitle()
    assert short_path(branch.workspace.path) in window.windowTitle()
    assert window.backup_label.text().startswith("Last backup: ")
    window.restore_action.trigger()
    assert window.dialog.isVisible() and window.dialog.table.rowCount() == 1
    window.dialog.reject()
    window.workspace_actions.restore(list_backups(branch.workspace)[-1])
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "Restored the backup of"))
    assert len(list_backups(branch.workspace)) == 2  # the state before, kept first
    window.close()
