"""The toolbar's sync control and the receipts it finds on the USB sticks plugged in."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from desa_peduli.ui.drives import Volume
from desa_peduli.ui.volunteer.sync_control import ReceiptDialog, find_receipts
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures


def test_receipts_are_found_on_the_sticks_newest_first(tmp_path):
    """Worked example: on KINGSTON, RLW-001's receipt in the top folder (older) and one in
    a folder (newer) are found; another volunteer's receipt, a bundle and a receipt two
    folders down are not."""
    stick = tmp_path / "KINGSTON"
    (stick / "desa" / "lama").mkdir(parents=True)
    older = stick / "RLW-001_20261201-0900_receipt-0001.dpreceipt"
    newer = stick / "desa" / "RLW-001_20261202-0900_receipt-0002.dpreceipt"
    for path, when in ((older, 1_000), (newer, 2_000)):
        path.write_bytes(b"x")
        os.utime(path, (when, when))
    (stick / "RLW-002_20261202-0900_receipt-0001.dpreceipt").write_bytes(b"x")
    (stick / "RLW-001_20261202-0800_0003.dpbundle").write_bytes(b"x")
    (stick / "desa" / "lama" / "RLW-001_20261101-0900_receipt-0000.dpreceipt").write_bytes(b"x")
    found = find_receipts([Volume("KINGSTON", stick, 1)], "RLW-001")
    assert [(r.volume, r.path) for r in found] == [("KINGSTON", newer), ("KINGSTON", older)]
    assert len(find_receipts([Volume("KINGSTON", stick, 1)])) == 3  # not enrolled: all
    assert find_receipts([Volume("gone", tmp_path / "pulled-out", 1)]) == []


def test_the_receipt_dialog_lists_them_and_enter_reads_the_chosen_one(qtbot, tmp_path):
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    receipt = stick / "RLW-001_20261201-0900_receipt-0001.dpreceipt"
    receipt.write_bytes(b"x")
    dialog = ReceiptDialog(volunteer_id="RLW-001", volumes=[Volume("KINGSTON", stick, 1)])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.list.count() == 1 and dialog.read_button.isEnabled()
    assert not dialog.empty_label.isVisible()
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert chosen.args == [receipt]
    dialog.refresh([])  # the stick pulled out
    assert dialog.list.count() == 0 and not dialog.read_button.isEnabled()
    assert dialog.empty_label.isVisibleTo(dialog)


def test_the_control_shows_what_waits_and_its_buttons_follow_the_actions(
        qtbot, volunteer, add_people, make_window, tmp_path):
    from desa_peduli.services.field import FieldSync

    add_people(2)
    FieldSync(volunteer).export(tmp_path)
    add_people(1, start=3)
    window = make_window()
    control = window.sync.control
    assert window.sync.toolbar.isVisible() and window.sync.toolbar.isAncestorOf(control)
    text = control.summary_label.text()
    assert text.startswith("1 not sent · 2 waiting for the receipt · last bundle ")
    assert control.send_button.isEnabled() and control.receive_button.isEnabled()
    window.new_registration()  # the form open: the sync actions and their row step aside
    assert not window.sync.export_action.isEnabled() and not control.send_button.isEnabled()
    assert not window.sync.toolbar.isVisible()
    window.show_list()
    assert control.send_button.isEnabled() and window.sync.toolbar.isVisible()
    window.lock()
    assert not window.sync.toolbar.isVisible()  # the lock shows nothing of the data



def test_a_receipt_dated_beyond_year_9999_is_listed_not_a_crash(qtbot, tmp_path, monkeypatch):
    """A stick whose clock was broken (NTFS holds dates up to the year 30828) gave a
    receipt dated in the year 36812: datetime.fromtimestamp raised and the dialog never
    opened. (ext4 clamps such a date, so the scan's answer is replaced here.)"""
    from desa_peduli.ui.volunteer import sync_control

    receipt = tmp_path / "RLW-001_20261201-0900_receipt-0001.dpreceipt"
    monkeypatch.setattr(sync_control, "find_receipts", lambda volumes, volunteer_id=None: [
        sync_control.FoundReceipt("KINGSTON", receipt, float(2**40))])
    dialog = ReceiptDialog(volunteer_id="RLW-001", volumes=[])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.selected_path() == receipt
    assert receipt.name in dialog.list.item(0).text()


def test_a_receipt_whose_name_is_not_utf8_is_read_from_its_own_path(qtbot, tmp_path):
    """A receipt whose name is not UTF-8 (byte 0xff on a Linux stick) was listed, but its
    path, round-tripped through Qt, lost the byte, so "Read" opened a file that is not
    there. A folder named like a receipt and a symlink loop are not listed."""
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    odd = stick / os.fsdecode(b"RLW-001_\xff_receipt-0002.dpreceipt")
    odd.write_bytes(b"x")
    (stick / "RLW-001_folder.dpreceipt").mkdir()
    (stick / "RLW-001_loop.dpreceipt").symlink_to(stick / "RLW-001_loop.dpreceipt")
    dialog = ReceiptDialog(volunteer_id="RLW-001", volumes=[Volume("KINGSTON", stick, 1)])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [odd] and chosen.args[0].exists()
