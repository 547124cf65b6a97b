"""The branch window's Review tab driven like a person: a duplicate decided side by side
and carried to the volunteer by the next receipt, warnings and failed validation, a new
laptop, batch accept; every model through qtmodeltester."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desa_peduli.services.field import FieldSync
from desa_peduli.services.review import DUPLICATE, INVALID, WARNING, ReviewService
from desa_peduli.ui.branch.review.batch_accept import BatchAcceptDialog
from desa_peduli.ui.branch.review.dialogs import (
    CorrectionDialog,
    DecisionsDialog,
    DifferentPeopleDialog,
)
from desa_peduli.ui.branch.review.models import (
    ITEM_NAME,
    ComparisonTableModel,
    DiffersRole,
    ReviewItemsTableModel,
    ReviewKindsModel,
)
from tests.services.review_fixtures import *  # noqa: F403 - fixtures
from tests.services.review_fixtures import export, person
from tests.ui.sync_fixtures import click_button, file_dialogs, no_usb_sticks, open_message  # noqa: F401

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHOTS = os.environ.get("DESA_PEDULI_SCREENSHOTS")  # a folder: screenshots are saved there


@pytest.fixture
def window(qtbot, office, branch):
    """The branch window over ``office``'s workspace, shown at 1366×768's usable size."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    win = BranchMainWindow(branch)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def open_review(qtbot, window):
    """Ctrl+<n> of the Review tab, as a person would."""
    from PySide6.QtWidgets import QApplication

    index = window.tabs.indexOf(window.review_view)
    if QApplication.activeWindow() is not window:  # after a progress box closed
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), CTRL)
    assert window.tabs.currentWidget() is window.review_view
    return window.review_view


def choose_kind(qtbot, view, kind: str) -> None:
    """Click the kind in the queue list."""
    index = view.kinds_model.index(view.kinds_model.row_of(kind))
    qtbot.mouseClick(view.kinds_view.viewport(), LEFT,
                     pos=view.kinds_view.visualRect(index).center())
    assert view.current_kind() == kind


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def state(branch, reg_id):
    return branch.registrations.store.get(reg_id)["branch_state"]


# -- models ----------------------------------------------------------------------------
def test_models_pass_the_model_tester(qtmodeltester, office, branch):
    review = office["review"]
    kinds = ReviewKindsModel()
    kinds.set_counts(review.counts())
    qtmodeltester.check(kinds)
    assert kinds.data(kinds.index(kinds.row_of(WARNING))) == "NIK warnings (2)"

    items = ReviewItemsTableModel(review, page_size=1)  # one row a page: fetchMore pages
    items.set_kind(WARNING)
    qtmodeltester.check(items)
    assert items.canFetchMore() is False or items.rowCount() >= 1
    while items.canFetchMore():
        items.fetchMore()
    assert items.rowCount() == 2 and not items.canFetchMore()
    for kind in (DUPLICATE, INVALID, "device"):
        items.set_kind(kind)
        qtmodeltester.check(items)

    pair = review.pair(review.items(DUPLICATE)[0]["pair_id"])
    comparison = ComparisonTableModel()
    qtmodeltester.check(comparison)  # empty
    comparison.set_records([pair["left"], pair["right"]], ["Left", "Right"])
    qtmodeltester.check(comparison)
    assert "rt" in comparison.differing_fields()  # Budi typed RT 007
    assert "nik" not in comparison.differing_fields()
    single = ComparisonTableModel()
    single.set_records([pair["left"]], ["Registration"], problem_fields=["phone"])
    qtmodeltester.check(single)


# -- duplicates --------------------------------------------------------------------------
def test_a_duplicate_decided_side_by_side_reaches_the_volunteer(
        qtbot, window, office, branch, stick):
    """Resolve in the GUI → write the receipt → the volunteer's laptop shows 'duplicate'."""
    ids, budi = office["ids"], office["budi"]
    assert window.tabs.tabText(window.tabs.indexOf(window.review_view)) == "Review"
    view = open_review(qtbot, window)  # read when first shown, not while the window opens
    assert window.tabs.tabText(window.tabs.indexOf(window.review_view)) == "Review (4)"
    assert view.current_kind() == DUPLICATE  # the first kind with items
    assert view.kinds_model.data(view.kinds_model.index(0)) == "Duplicate NIKs (1)"
    assert view.detail.currentWidget() is view.duplicate_page
    model = view.comparison_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Left: RLW-001"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Right: RLW-002"
    rt_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "RT")
    assert model.index(rt_row, 2).data(DiffersRole) is True
    assert model.index(rt_row, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 field(s) differ" in view.duplicate_intro.text()
    shot(window, "review-duplicate")

    qtbot.keyClick(view, Qt.Key.Key_L, ALT)  # Keep left: Rina's stays, Budi's is marked
    qtbot.waitUntil(lambda: state(branch, ids["budi_dup"]) == "duplicate")  # animated click
    assert state(branch, ids["clean1"]) == "received"
    assert view.kinds_model.count(DUPLICATE) == 0
    assert view.detail.currentWidget() is view.empty_page
    assert "marked a duplicate" in window.statusBar().currentMessage()
    assert window.tabs.tabText(window.tabs.indexOf(window.review_view)) == "Review (3)"

    receipt = window.service.receipt("RLW-002", stick)
    FieldSync(budi).import_receipt(receipt)
    mine = budi.registrations.store.get(ids["budi_dup"])
    assert mine["status"] == "duplicate"
    event = budi.db.execute("SELECT state, duplicate_of FROM branch_events WHERE "
                            "registration_id = ?", [ids["budi_dup"]]).fetchone()
    assert event == ("duplicate", ids["clean1"])


def test_different_people_send_the_wrong_nik_back_through_the_receipt(
        qtbot, window, office, branch, stick):
    """Two people, one NIK: the clerk picks Budi's (typed wrong) and a reason → Budi's
    laptop gets "needs correction" with that reason; the decision shows who made it."""
    from desa_peduli.services.session import branch_actor

    ids, budi = office["ids"], office["budi"]
    view = open_review(qtbot, window)
    assert view.current_kind() == DUPLICATE
    qtbot.keyClick(view, Qt.Key.Key_P, ALT)  # "Different &people: fix the NIK…"
    qtbot.waitUntil(lambda: view.dialog is not None)  # a mnemonic clicks after 100 ms
    dialog = view.dialog
    assert isinstance(dialog, DifferentPeopleDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.fix_combo.hasFocus()
    qtbot.keyClick(dialog.fix_combo, Qt.Key.Key_Down)  # the right one: Budi's
    assert dialog.fix_id == ids["budi_dup"]
    dialog.reason_edit.clear()
    qtbot.keyClicks(dialog.reason_edit, "NIK beda dengan KTP; cek lagi")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert state(branch, ids["budi_dup"]) == "correction"
    assert state(branch, ids["clean1"]) == "received"
    assert view.kinds_model.count(DUPLICATE) == 0
    assert "sent back to fix the NIK" in window.statusBar().currentMessage()

    qtbot.mouseClick(view.decisions_button, LEFT)
    decisions = view.dialog
    assert isinstance(decisions, DecisionsDialog)
    table = decisions.table
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == "NIK beda dengan KTP; cek lagi"
    clerk = branch_actor().split(":", 1)[1]
    assert table.item(0, 4).text() == f"{clerk} (branch office)"
    decisions.reject()

    receipt = window.service.receipt("RLW-002", stick)
    FieldSync(budi).import_receipt(receipt)
    assert budi.registrations.store.get(ids["budi_dup"])["status"] == "correction"
    event = budi.db.execute("SELECT state, reason FROM branch_events WHERE "
                            "registration_id = ?", [ids["budi_dup"]]).fetchone()
    assert event == ("correction", "NIK beda dengan KTP; cek lagi")


def test_keep_right_by_mouse(qtbot, window, office, branch):
    ids = office["ids"]
    view = open_review(qtbot, window)
    qtbot.mouseClick(view.keep_right_button, LEFT)
    assert state(branch, ids["clean1"]) == "duplicate"
    assert state(branch, ids["budi_dup"]) == "received"


# -- warnings and failed validation ------------------------------------------------------
def test_a_nik_warning_is_checked_and_accepted_by_keyboard(qtbot, window, office, branch):
    ids = office["ids"]
    view = open_review(qtbot, window)
    view.kinds_view.setFocus()
    qtbot.keyClick(view.kinds_view, Qt.Key.Key_Down)
    qtbot.keyClick(view.kinds_view, Qt.Key.Key_Down)
    assert view.current_kind() == WARNING
    assert view.items_model.rowCount() == 2
    assert view.detail.currentWidget() is view.registration_page
    first = view.current_item()
    assert first["registration_id"] == ids["birth"]
    assert "differs from the one in the NIK" in view.problems_label.text() or \
        "tanggal lahir" in view.problems_label.text().lower()
    birth_row = next(r for r in range(view.details_model.rowCount())
                     if view.details_model.index(r, 0).data() == "Date of birth")
    # the field the warning is about is highlighted with the NIK
    assert view.details_model.index(birth_row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    shot(window, "review-warning")
    qtbot.keyClick(view, Qt.Key.Key_A, ALT)  # Accept: the KTP was checked
    qtbot.waitUntil(lambda: state(branch, ids["birth"]) == "accepted")
    assert view.items_model.rowCount() == 1
    assert view.current_item()["registration_id"] == ids["sex"]  # the next one is shown
    log = branch.db.execute("SELECT state, actor, batch_id FROM state_log WHERE "
                            "registration_id = ? ORDER BY id DESC", [ids["birth"]]).fetchone()
    assert log == ("accepted", branch.actor, None)


def test_failed_validation_goes_back_with_a_reason(qtbot, window, office, branch):
    ids = office["ids"]
    view = open_review(qtbot, window)
    choose_kind(qtbot, view, INVALID)
    assert view.current_item()["registration_id"] == ids["invalid"]
    qtbot.mouseClick(view.correction_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, CorrectionDialog) and view.dialog.isVisible())
    dialog = view.dialog
    assert dialog.reason  # filled with the problems found, in Indonesian
    dialog.reason_edit.setText("Nomor HP tidak lengkap")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    row = branch.registrations.store.get(ids["invalid"])
    assert row["branch_state"] == "correction" and row["branch_reason"] == "Nomor HP tidak lengkap"
    assert view.kinds_model.count(INVALID) == 0
    assert view.detail.currentWidget() is view.empty_page
    assert "No registration failed validation." in view.empty_label.text()


def test_show_in_the_list_opens_the_registrations_tab_there(qtbot, window, office):
    ids = office["ids"]
    view = open_review(qtbot, window)
    choose_kind(qtbot, view, WARNING)
    index = view.items_model.index(1, ITEM_NAME)
    qtbot.mouseClick(view.items_table.viewport(), LEFT,
                     pos=view.items_table.visualRect(index).center())
    qtbot.keyClick(view.items_table, Qt.Key.Key_Return)  # Enter opens it
    registrations = window.registrations_view
    assert window.tabs.currentWidget() is registrations
    assert registrations.current_id() == ids["sex"]
    assert registrations.search_edit.text() == branch_nik(office, "sex")


def branch_nik(office, key):
    return office["review"].session.registrations.store.get(office["ids"][key])["nik"]


# -- a new laptop ------------------------------------------------------------------------
def test_a_new_laptop_refused_on_import_is_approved_from_the_queue(
        qtbot, window, office, branch, workspace_template, tmp_path, stick, valid_registration,
        file_dialogs, no_usb_sticks):  # noqa: F811
    import shutil

    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    src, key = workspace_template
    shutil.copytree(src, tmp_path / "new-laptop")
    with Session(Workspace.open_with_key(tmp_path / "new-laptop", key)) as laptop:
        enrolment = window.service.enrol(volunteer_id="RLW-002", name="Budi Santoso",
                                         villages=["15.04.05.2003"], target=tmp_path)
        FieldSync(laptop).enrol(enrolment)
        laptop.registrations.save(person(valid_registration, 30))
        bundle = export(laptop, stick / "new")
        new_fingerprint = FieldSync(laptop).fingerprint()
    view = window.review_view
    file_dialogs.open_files = [bundle]
    with qtbot.waitSignal(window.import_view.finished, timeout=15_000):
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: view.kinds_model.count("device") == 1)  # recounted by a job
    open_review(qtbot, window)
    choose_kind(qtbot, view, "device")
    assert view.new_fingerprint.text() == new_fingerprint
    shot(window, "review-device")
    qtbot.mouseClick(view.approve_device_button, LEFT)
    box = open_message(qtbot, view)
    assert new_fingerprint in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    assert window.service.volunteer("RLW-002")["device_fingerprint"] == new_fingerprint
    assert view.kinds_model.count("device") == 0
    assert "Import the refused bundle again" in window.statusBar().currentMessage()


def test_approving_a_laptop_replaced_in_the_queue_meanwhile_binds_nothing(
        qtbot, window, office, branch):
    """The clerk compared the fingerprint in the box; a refused bundle from another
    laptop replaced the queue entry before the click: nothing is bound, and the clerk is
    told."""
    from desa_peduli.sync.signing import SigningKey, b64

    key_1 = branch.db.execute("SELECT device_key FROM volunteers WHERE id = 'RLW-001'"
                              ).fetchone()[0]
    before = branch.db.execute("SELECT device_key FROM volunteers WHERE id = 'RLW-002'"
                               ).fetchone()[0]
    with branch.db.atomic():
        branch.db.execute("UPDATE volunteers SET pending_device_key = ?, "
                          "pending_device_recipient = 'age1x', pending_since = 'x' "
                          "WHERE id = 'RLW-002'", [key_1])
    view = open_review(qtbot, window)
    window.review_view.refresh()
    choose_kind(qtbot, view, "device")
    shown = view.new_fingerprint.text()
    qtbot.mouseClick(view.approve_device_button, LEFT)
    box = open_message(qtbot, view)
    assert shown in box.text()
    with branch.db.atomic():  # another refused bundle, another laptop, meanwhile
        branch.db.execute("UPDATE volunteers SET pending_device_key = ? WHERE id = 'RLW-002'",
                          [b64(SigningKey.generate().public_bytes)])
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    told = open_message(qtbot, view)
    assert shown in told.text()
    assert branch.db.execute("SELECT device_key FROM volunteers WHERE id = 'RLW-002'"
                             ).fetchone()[0] == before


# -- batch accept ------------------------------------------------------------------------
def test_batch_accept_shows_the_count_then_records_who_and_when(qtbot, window, office, branch):
    ids = office["ids"]
    view = open_review(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, BatchAcceptDialog) and view.dialog.isVisible())
    dialog = view.dialog
    # the duplicate shown is Rina's: her registrations are the default scope
    assert dialog.scope() == ("volunteer", "RLW-001")
    assert dialog.preview.accept == 2
    assert "2 clean registration(s) will be accepted." in dialog.preview_label.text()
    assert "1 in a duplicate pair, 2 with a NIK warning, 1 failed validation" in \
        dialog.preview_label.text()
    shot(dialog, "review-batch-dialog")
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_B, ALT)  # &Bundle: the newest bundle is Budi's
    qtbot.waitUntil(lambda: dialog.scope()[0] == "bundle" and dialog.ok_button.isEnabled())
    assert dialog.scope() == ("bundle", office["budi_bundle"])
    assert dialog.preview.accept == 1 and dialog.ok_button.text() == "&Accept 1 registration(s)"
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "accepted (batch" in window.statusBar().currentMessage())  # a job
    assert state(branch, ids["budi"]) == "accepted"
    assert state(branch, ids["budi_dup"]) == "received"  # in a duplicate pair: for a person
    [batch] = ReviewService(branch).batches()
    assert (batch["scope_kind"], batch["scope_value"], batch["count"], batch["actor"]) == (
        "bundle", office["budi_bundle"], 1, branch.actor)
    assert batch["at"]
    assert "accepted (batch" in window.statusBar().currentMessage()


def test_batch_accept_refuses_an_unknown_desa_and_accepts_nothing(qtbot, window, office, branch):
    view = open_review(qtbot, window)
    qtbot.mouseClick(view.batch_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, BatchAcceptDialog) and view.dialog.isVisible())
    dialog = view.dialog
    dialog.village_combo.setFocus()
    dialog.village_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.village_combo.lineEdit(), "99.99.99.9999")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Unknown village code" in dialog.error.text() or "tidak dikenal" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.village_combo.lineEdit(), Qt.Key.Key_Return)
    assert ReviewService(branch).batches() == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_queue_follows_imports_and_the_registrations_tab(
        qtbot, window, office, branch, make_volunteer, stick, valid_registration,
        file_dialogs, no_usb_sticks):  # noqa: F811
    view = open_review(qtbot, window)
    assert view.kinds_model.count(WARNING) == 2
    sari = make_volunteer("RLW-003", "Sari")
    sari.registrations.save(person(valid_registration, 40, sex="M"))
    file_dialogs.open_files = [export(sari, stick / "sari")]
    with qtbot.waitSignal(window.import_view.finished, timeout=15_000):
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: view.kinds_model.count(WARNING) == 3)  # recounted by a job
    # a state set in the Registrations tab leaves the queue too
    window.registrations_view.set_state(office["ids"]["sex"], "accepted")
    open_review(qtbot, window)
    assert view.kinds_model.count(WARNING) == 2


def test_an_empty_queue_says_so(qtbot, branch):
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    view = open_review(qtbot, window)
    assert view.kinds_model.total() == 0
    assert view.summary.text() == "Nothing needs a person now."
    assert "The whole queue is empty." in view.empty_label.text()
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Review"
    assert view.kinds_view.hasFocus()
    shot(window, "review-empty")


def test_marking_a_registered_one_duplicate_asks_first(qtbot, window, office, branch):
    ids = office["ids"]
    window.service.set_state(ids["budi_dup"], "registered", kpj="12345678901")
    view = open_review(qtbot, window)
    assert view.current_item()["kind"] == DUPLICATE
    qtbot.mouseClick(view.keep_left_button, LEFT)  # would mark Budi's, registered already
    box = open_message(qtbot, view)
    assert "12345678901" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.RejectRole)
    assert state(branch, ids["budi_dup"]) == "registered"
    assert view.kinds_model.count(DUPLICATE) == 1
    qtbot.mouseClick(view.keep_left_button, LEFT)
    click_button(qtbot, open_message(qtbot, view), QMessageBox.ButtonRole.AcceptRole)
    assert state(branch, ids["budi_dup"]) == "duplicate"


def test_a_pair_decided_elsewhere_leaves_the_queue_on_reload(qtbot, window, office, branch):
    ids = office["ids"]
    view = open_review(qtbot, window)
    assert view.kinds_model.count(DUPLICATE) == 1
    ReviewService(branch).resolve_duplicate(view.current_item()["pair_id"], ids["clean1"])
    qtbot.keyClick(view.items_table, Qt.Key.Key_F5)  # reload
    assert view.kinds_model.count(DUPLICATE) == 0
    assert view.detail.currentWidget() is view.empty_page
