"""The branch office's window driven like a person: import (refused, tampered, a new
laptop approved), states from the registrations tab, volunteers, recovery, the model."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStyle

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync.bundle import REFUSALS
from desa_peduli.ui.branch.registration_model import (
    COLUMN_BRANCH_STATE,
    COLUMN_VOLUNTEER,
    OPEN_DUPLICATES,
    BranchListQuery,
    BranchRegistrationTableModel,
    BranchStateRole,
)
from desa_peduli.ui.branch.review.dialogs import DuplicateOfDialog
from desa_peduli.ui.branch.review.models import ITEM_NIK
from desa_peduli.ui.branch.volunteer_dialogs import EnrolVolunteerDialog, RecoverWorkspaceDialog
from desa_peduli.ui.volunteer.table_model import COLUMN_NAME
from tests.conftest import PASSPHRASE
from tests.ui.branch.review.test_review import choose_kind, open_review
from tests.ui.conftest import nik_for, person
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import VOLUNTEER_ID, click_button, open_message

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def office(qtbot, branch):
    """``office()`` → the shown, active BranchMainWindow over ``branch``."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    def make():
        window = BranchMainWindow(branch)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


def content(db) -> str:
    """A digest of every table but settings (a backup before import writes its time)."""
    sha = hashlib.sha256()
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' AND name != 'settings' ORDER BY name")]
    for table in tables:
        sha.update(table.encode())
        for row in sorted(repr(r) for r in db.execute(f"SELECT * FROM [{table}]")):
            sha.update(row.encode())
    return sha.hexdigest()


def export(session, folder):
    folder.mkdir(exist_ok=True)
    result = FieldSync(session).export(folder)
    assert result.path is not None
    return result.path


def import_through_ui(qtbot, window, file_dialogs, paths) -> list:
    file_dialogs.open_files = list(paths)
    with qtbot.waitSignal(window.import_view.finished, timeout=15_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    return done.args[0]


def click_row(qtbot, view, row: int, column: int = COLUMN_NAME) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())


def test_a_tampered_bundle_is_refused_and_changes_nothing(
        qtbot, branch, volunteer, add_people, office, stick, file_dialogs, no_usb_sticks):
    add_people(2)
    path = export(volunteer, stick)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the encrypted payload
    path.write_bytes(bytes(data))
    window = office()
    before = content(branch.db)

    [outcome] = import_through_ui(qtbot, window, file_dialogs, [path])
    assert window.tabs.currentWidget() is window.import_view
    assert outcome.status == "rejected"
    result = window.import_view.table.item(0, 7).text()
    assert result.startswith("Refused: ") and REFUSALS[outcome.reason][0] in result
    assert window.import_view.table.item(0, 2).text() == ""  # nothing new
    assert path.name in window.import_view.details.text()
    assert "0 bundle(s) imported" in window.import_view.summary.text()
    assert content(branch.db) == before
    assert window.registrations_view.model.rowCount() == 0
    assert window.history_view.table.rowCount() == 0
    assert not window.import_view.approve_button.isEnabled()


def test_a_new_laptop_is_approved_after_checking_its_fingerprint(
        qtbot, branch, volunteer, other_volunteer, add_people, valid_registration, office,
        stick, file_dialogs, no_usb_sticks):
    add_people(1)
    BranchService(branch).import_bundle(export(volunteer, stick / "old"))  # binds the laptop
    new_laptop = other_volunteer(VOLUNTEER_ID, "Rina Marlina")  # same volunteer, new keys
    new_laptop.registrations.save(person(valid_registration, 50))
    path = export(new_laptop, stick / "new")
    window = office()

    [outcome] = import_through_ui(qtbot, window, file_dialogs, [path])
    view = window.import_view
    assert outcome.reason == "device_changed"
    new_fingerprint = FieldSync(new_laptop).fingerprint()
    assert new_fingerprint in view.table.item(0, 7).text()
    assert view.approve_button.isEnabled()

    qtbot.mouseClick(view.approve_button, LEFT)
    box = open_message(qtbot, view)
    assert new_fingerprint in box.text()
    with qtbot.waitSignal(view.finished, timeout=15_000) as done:
        click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    [again] = done.args[0]
    assert again.status == "applied" and again.report.new == 1
    assert view.table.rowCount() == 1  # the same file's row, now imported
    assert view.table.item(0, 7).text().startswith("Imported.")
    assert BranchService(branch).volunteer(VOLUNTEER_ID)["device_fingerprint"] == new_fingerprint
    assert window.registrations_view.model.rowCount() == 2


def test_a_laptop_that_is_not_the_volunteers_is_forgotten(
        qtbot, branch, volunteer, other_volunteer, add_people, valid_registration, office,
        stick, file_dialogs, no_usb_sticks):
    """The question names the laptop and the volunteer it sent in the name of (no line
    that starts with a lone "?")."""
    add_people(1)
    BranchService(branch).import_bundle(export(volunteer, stick / "old"))  # binds the laptop
    stranger = other_volunteer(VOLUNTEER_ID, "Rina Marlina")  # another laptop, her id
    stranger.registrations.save(person(valid_registration, 50))
    window = office()
    [outcome] = import_through_ui(qtbot, window, file_dialogs, [export(stranger, stick / "x")])
    assert outcome.reason == "device_changed"
    review = window.review_view
    qtbot.waitUntil(lambda: review.kinds_model.count("device") == 1)
    open_review(qtbot, window)
    choose_kind(qtbot, review, "device")

    qtbot.mouseClick(review.dismiss_device_button, LEFT)
    box = open_message(qtbot, review)
    fingerprint = FieldSync(stranger).fingerprint()
    assert box.text() == (f"Forget the laptop with fingerprint\n{fingerprint}\nthat sent a "
                          f"bundle in the name of volunteer {VOLUNTEER_ID}? Bundles from it "
                          "stay refused.")
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: review.kinds_model.count("device") == 0)
    assert BranchService(branch).volunteer(VOLUNTEER_ID)["device_fingerprint"] != fingerprint


def test_an_unconfirmed_first_laptop_is_queued_then_approved(
        qtbot, branch, volunteer, add_people, office, stick, file_dialogs, no_usb_sticks):
    """A laptop enrolled with a file from before binding secrets, never bound: its first
    bundle proves nothing, so it is refused, queued for review, and binds once approved."""
    with branch.db.atomic():
        branch.db.execute("DELETE FROM enrolment_secrets")
    with volunteer.db.atomic():
        volunteer.db.execute("DELETE FROM secrets WHERE name = 'enrolment_secret'")
    add_people(1)
    path = export(volunteer, stick)
    window = office()

    [outcome] = import_through_ui(qtbot, window, file_dialogs, [path])
    view = window.import_view
    assert outcome.reason == "device_unconfirmed"
    mine = FieldSync(volunteer).fingerprint()
    assert mine in view.table.item(0, 7).text()
    assert REFUSALS["device_unconfirmed"][0] in view.table.item(0, 7).text()
    assert window.registrations_view.model.rowCount() == 0
    review = window.review_view
    qtbot.waitUntil(lambda: review.kinds_model.count("device") == 1)  # awaits approval
    open_review(qtbot, window)
    choose_kind(qtbot, review, "device")
    assert "not yet confirmed" in review.device_intro.text()
    assert review.new_fingerprint.text() == mine
    table = review.items_table  # the list shows a fingerprint whole, not "006D 2A05 37EE 3C…"
    padding = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                             table) + 1) + int(table.showGrid())
    for fingerprint in (mine, "DDDD 0B0D D0DB BDDD", "8A4D 2B0C 9E7D 6F5B"):
        needed = table.fontMetrics().horizontalAdvance(fingerprint) + padding
        assert needed <= table.columnWidth(ITEM_NIK), fingerprint
    window.tabs.setCurrentWidget(view)
    assert view.approve_button.isEnabled()

    qtbot.mouseClick(view.approve_button, LEFT)
    box = open_message(qtbot, view)
    assert mine in box.text() and "not yet confirmed" in box.text()
    with qtbot.waitSignal(view.finished, timeout=15_000) as done:
        click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    [again] = done.args[0]
    assert again.status == "applied" and again.report.new == 1
    assert BranchService(branch).volunteer(VOLUNTEER_ID)["device_fingerprint"] == mine


def test_states_from_the_registrations_tab(qtbot, branch, volunteer, other_volunteer,
                                           add_people, valid_registration, office, stick):
    ids = add_people(3)
    budi = other_volunteer("RLW-0002")
    twin = budi.registrations.save(person(valid_registration, 1)).id  # ids[0]'s NIK
    service = BranchService(branch)
    service.import_bundle(export(volunteer, stick / "rina"))
    service.import_bundle(export(budi, stick / "budi"))
    window = office()
    regs = window.registrations_view
    model = regs.model
    assert model.rowCount() == 4
    assert all(model.data(model.index(r, COLUMN_BRANCH_STATE), BranchStateRole) == "received"
               for r in range(4))

    regs.volunteer_filter.setFocus()
    qtbot.keyClick(regs.volunteer_filter, Qt.Key.Key_End)  # RLW-0002
    assert regs.volunteer_filter.currentData() == "RLW-0002"
    assert model.rowCount() == 1 and model.data(model.index(0, COLUMN_VOLUNTEER)) == "RLW-0002"
    qtbot.keyClick(regs.volunteer_filter, Qt.Key.Key_Home)
    assert model.rowCount() == 4

    # the same NIK from two volunteers: a pair to review
    regs.state_filter.setFocus()
    qtbot.keyClick(regs.state_filter, Qt.Key.Key_End)
    assert regs.state_filter.currentData() == OPEN_DUPLICATES
    assert "(1)" in regs.state_filter.currentText()
    assert {model.id_at(r) for r in range(model.rowCount())} == {ids[0], twin}
    click_row(qtbot, regs.table, model.row_of_id(twin))
    qtbot.mouseClick(regs.duplicate_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(regs.dialog, DuplicateOfDialog))
    dialog = regs.dialog
    assert dialog.candidates.count() == 1 and dialog.candidates.item(0).data(
        Qt.ItemDataRole.UserRole) == ids[0]
    qtbot.keyClicks(dialog.other_edit, twin)  # itself: refused with a message
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "No other registration" in dialog.error.text()
    dialog.other_edit.clear()
    qtbot.keyClicks(dialog.other_edit, nik_for(1))  # by NIK: the one other registration
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return)
    assert branch.registrations.store.get(twin)["branch_state"] == "duplicate"
    assert service.duplicates(open_only=True) == []
    assert "(0)" in regs.state_filter.currentText() and model.rowCount() == 0

    # search as you type, Enter to the list, accept
    qtbot.keyClick(regs.state_filter, Qt.Key.Key_Home)
    with qtbot.waitActive(window):  # offscreen Qt does not hand it back when a dialog closes
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert regs.search_edit.hasFocus()
    qtbot.keyClicks(regs.search_edit, nik_for(2))
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtbot.keyClick(regs.search_edit, Qt.Key.Key_Return)
    assert regs.table.hasFocus() and regs.current_id() == ids[1]
    qtbot.keyClick(regs.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Accept"
    qtbot.waitUntil(  # a mnemonic animates the click
        lambda: branch.registrations.store.get(ids[1])["branch_state"] == "accepted")
    # the state's word comes with the data, as the PDF and the files say it (domain/words.py)
    assert model.data(model.index(0, COLUMN_BRANCH_STATE)) == "Diterima"


def test_enrol_a_volunteer_from_the_volunteers_tab(qtbot, branch, office, stick, file_dialogs,
                                                   no_usb_sticks):
    from desa_peduli.sync.enrolment import read_enrolment

    window = office()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    volunteers = window.volunteers_view
    assert window.tabs.currentWidget() is volunteers and volunteers.empty_label.isVisible()
    qtbot.mouseClick(volunteers.enrol_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(volunteers.dialog, EnrolVolunteerDialog))
    dialog = volunteers.dialog
    assert dialog.id_edit.text() == "RLW-0001"
    ok = dialog.buttons.buttons()[0]

    qtbot.mouseClick(ok, LEFT)
    assert "Choose where" in dialog.error.text()
    file_dialogs.folder = stick
    qtbot.mouseClick(dialog.target.other_button, LEFT)
    qtbot.mouseClick(ok, LEFT)  # no name: the service's own message
    assert "Nama relawan wajib diisi" in dialog.error.text() and dialog.isVisible()

    qtbot.keyClicks(dialog.name_edit, "Sri Rahayu")
    qtbot.keyClicks(dialog.code_edit, "99.99")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    assert dialog.villages == [] and dialog.error.isVisible()
    qtbot.keyClicks(dialog.code_edit, "1504052003")  # undotted is fine
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    assert dialog.villages == ["15.04.05.2003"]
    qtbot.mouseClick(ok, LEFT)
    box = open_message(qtbot, volunteers)
    [path] = stick.glob("*.dpenrol")
    assert path.name in box.text() and window.fingerprint in box.text()
    enrolment = read_enrolment(path)
    assert (enrolment["volunteer_id"], enrolment["volunteer_name"], enrolment["villages"]) == (
        "RLW-0001", "Sri Rahayu", ["15.04.05.2003"])
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    assert volunteers.table.rowCount() == 1
    assert volunteers.table.item(0, 2).text() == "Serasah"
    assert volunteers.table.item(0, 3).text() == "no bundle yet"
    assert not volunteers.empty_label.isVisible()


def test_recover_a_volunteer_workspace(qtbot, branch, other_volunteer, office, file_dialogs):
    from desa_peduli.services.session import Session

    laptop = other_volunteer("RLW-0007")
    folder = laptop.workspace.path
    laptop.close()
    window = office()
    window.show_tab(3)
    volunteers = window.volunteers_view
    qtbot.mouseClick(volunteers.recover_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(volunteers.dialog, RecoverWorkspaceDialog))
    dialog = volunteers.dialog
    file_dialogs.folder = folder
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.folder_edit.text() == str(folder)
    qtbot.keyClicks(dialog.passphrase_edit, "kopi-pinang-baru")
    qtbot.keyClicks(dialog.repeat_edit, "kopi-pinang-lain")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert "not the same" in dialog.error.text()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, "kopi-pinang-baru")
    with qtbot.waitSignal(dialog.recovered, timeout=20_000) as recovered:
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert recovered.args == ["RLW-0007"]
    box = open_message(qtbot, volunteers)
    assert "RLW-0007" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    with Session.open(folder, "kopi-pinang-baru") as reopened:
        assert reopened.settings.get("volunteer_id") == "RLW-0007"
    with pytest.raises(Exception, match="Kata sandi salah"):
        Session.open(folder, PASSPHRASE)


def test_tabs_and_fingerprint_by_keyboard(qtbot, branch, office):
    window = office()
    for number, view in enumerate((window.registrations_view, window.import_view,
                                   window.history_view, window.volunteers_view), start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.tabs.currentWidget() is view
    fingerprint = BranchService(branch).fingerprint()
    assert fingerprint in window.fingerprint_label.text()
    window.fingerprint_action.trigger()
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    assert window.dialog.fingerprints() == [fingerprint]
    width, height = window.width(), window.height()
    assert width <= 1366 and height <= 768


def test_branch_model_passes_qtmodeltester(qtmodeltester, branch, volunteer, add_people,
                                           stick):
    ids = add_people(6)
    service = BranchService(branch)
    service.import_bundle(export(volunteer, stick))
    service.set_state(ids[0], "correction", reason="Foto KTP buram")
    model = BranchRegistrationTableModel(branch.registrations.store, page_size=4)
    qtmodeltester.check(model)
    assert model.columnCount() == COLUMN_BRANCH_STATE + 1
    model.sort(COLUMN_BRANCH_STATE, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, COLUMN_BRANCH_STATE), BranchStateRole) == "correction"
    model.set_query(BranchListQuery(branch_state="received"))
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.set_query(BranchListQuery(volunteer_id="RLW-9999"))
    assert model.rowCount() == 0
    assert model.headerData(COLUMN_VOLUNTEER, Qt.Orientation.Horizontal) == "Volunteer"


def test_cancelling_an_import_stops_before_the_next_file(
        qtbot, branch, volunteer, other_volunteer, add_people, valid_registration, office,
        stick, file_dialogs, no_usb_sticks, monkeypatch):
    import threading

    from PySide6.QtWidgets import QPushButton

    add_people(2)
    budi = other_volunteer("RLW-0002")
    budi.registrations.save(person(valid_registration, 30))
    first, second = export(volunteer, stick / "rina"), export(budi, stick / "budi")
    gate = threading.Event()
    real = BranchService.import_bundle

    def held(self, path, *, progress=None, upcoming=()):
        progress.report(500)
        gate.wait(10)  # the worker waits here until the person has pressed Cancel
        return real(self, path, progress=progress, upcoming=upcoming)

    monkeypatch.setattr(BranchService, "import_bundle", held)
    window = office()
    view = window.import_view
    file_dialogs.open_files = [first, second]
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: view.progress is not None and "500" in view.progress.labelText())
    assert first.name in view.progress.labelText() and view.running
    with qtbot.waitSignal(view.finished, timeout=15_000) as done:
        qtbot.mouseClick(view.progress.findChild(QPushButton), LEFT)
        gate.set()
    assert [o.status for o in done.args[0]] == ["applied", "cancelled"]
    assert view.table.item(1, 7).text().startswith("Cancelled")
    assert "1 cancelled" in view.summary.text()
    assert {v for v in (window.registrations_view.model.data(
        window.registrations_view.model.index(r, COLUMN_VOLUNTEER))
        for r in range(window.registrations_view.model.rowCount()))} == {VOLUNTEER_ID}
