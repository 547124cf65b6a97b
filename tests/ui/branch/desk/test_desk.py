"""The hand-over desk driven like a person: the export dialog (filters, columns ticked,
renamed, moved, saved as default), the window staying responsive during a long export,
the KPJ import dialog, the breach report dialog, the columns model under qtmodeltester."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desa_peduli.services import handover, kpj_import
from desa_peduli.ui.branch.desk.breach import BreachReportDialog
from desa_peduli.ui.branch.desk.columns import FIELD_COLUMN, HEADER_COLUMN, HandoverColumnsTableModel
from desa_peduli.ui.branch.desk.export import HandoverExportDialog
from desa_peduli.ui.branch.desk.kpj_import import KpjImportDialog
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch, person, send
from tests.ui.sync_fixtures import file_dialogs  # noqa: F401 - a fixture

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def save_as(file_dialogs):  # noqa: F811 - the imported fixture
    """``save_as.path``: the file the next save or open dialog answers."""

    class Answer:
        @property
        def path(self) -> Path | None:
            return file_dialogs.save_file

        @path.setter
        def path(self, value: Path | None) -> None:
            file_dialogs.save_file = file_dialogs.open_file = value

    return Answer()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # keys reach the active window only
        dialog.show()
        dialog.activateWindow()
    return dialog


def click(qtbot, widget):
    """A click where a person clicks: a radio button or check box on its indicator."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QAbstractButton, QPushButton

    if isinstance(widget, QAbstractButton) and not isinstance(widget, QPushButton):
        qtbot.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, LEFT)


def cell_center(view, row, column):
    index = view.model().index(row, column)
    view.scrollTo(index)
    return view.visualRect(index).center()


def test_the_columns_model_passes_the_model_tester(qtmodeltester):
    model = HandoverColumnsTableModel(handover.default_columns())
    qtmodeltester.check(model)
    model.move(0, 1)
    model.move(5, -1)
    model.setData(model.index(2, FIELD_COLUMN), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(2, HEADER_COLUMN), "NAMA", Qt.ItemDataRole.EditRole)
    qtmodeltester.check(model)
    assert model.columns()[0].field == "full_name" and model.columns()[1].field == "nik"
    assert model.columns()[2].header == "NAMA" and not model.columns()[2].enabled
    assert not model.setData(model.index(2, HEADER_COLUMN), "  ", Qt.ItemDataRole.EditRole)
    # a header not typed shows the field's name, and typing that name keeps it following
    # the language
    assert model.columns()[0].header is None
    assert model.data(model.index(0, HEADER_COLUMN)) == "Nama lengkap"
    assert model.data(model.index(0, HEADER_COLUMN), Qt.ItemDataRole.FontRole).italic()
    model.setData(model.index(2, HEADER_COLUMN), "Tempat lahir", Qt.ItemDataRole.EditRole)
    assert model.columns()[2].header is None


def test_export_dialog_ticks_renames_moves_and_saves_columns(qtbot, branch, save_as,
                                                             tmp_path):
    fill_branch(branch.db, 3, start=1)
    fill_branch(branch.db, 2, start=4, state="correction")
    dialog = shown(qtbot, HandoverExportDialog(branch))
    qtbot.waitUntil(lambda: dialog.shown_count == 3)
    assert dialog.state_combo.currentData() == "accepted"
    assert "3 registration(s)" in dialog.count_label.text()

    table, model = dialog.table, dialog.model
    table.setFocus()
    # untick every field but NIK, name and phone, with the keyboard (space on the field)
    keep = {"nik", "full_name", "phone"}
    for row, column in enumerate(model.columns()):
        if column.enabled != (column.field in keep):
            table.setCurrentIndex(model.index(row, FIELD_COLUMN))
            qtbot.keyClick(table, Qt.Key.Key_Space)
    assert {c.field for c in model.columns() if c.enabled} == keep
    # rename the phone's header by typing over it
    phone = next(i for i, c in enumerate(model.columns()) if c.field == "phone")
    table.setCurrentIndex(model.index(phone, HEADER_COLUMN))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "NO_HP")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits on the next event-loop turn
    qtbot.waitUntil(lambda: model.columns()[phone].header == "NO_HP")
    # move the phone to the top
    for _ in range(phone):
        click(qtbot, dialog.up_button)
    assert [c.field for c in model.columns()][:3] == ["phone", "nik", "full_name"]
    assert not dialog.up_button.isEnabled()

    click(qtbot, dialog.csv_radio)
    assert dialog.csv_radio.isChecked()
    save_as.path = tmp_path / "serah"  # the suffix is added
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        click(qtbot, dialog.export_button)
    result = done.args[0]
    assert result.path == tmp_path / "serah.csv" and result.rows == 3
    with open(result.path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["NO_HP", "NIK", "Nama lengkap"]  # typed, and in the file's language
    assert rows[1] == ["081300000001", "1504054200000001", "Orang 1"]
    qtbot.waitUntil(lambda: isinstance(dialog.message, QMessageBox)
                    and dialog.message.isVisible())
    text = dialog.message.text()  # the CSV and its summary, in their folder
    assert str(result.path.parent) in text and result.path.name in text
    assert result.summary_path.name in text
    dialog.message.close()

    # a filter: the correction ones, counted again
    dialog.state_combo.setCurrentIndex(dialog.state_combo.findData("correction"))
    qtbot.waitUntil(lambda: dialog.shown_count == 2)
    qtbot.keyClicks(dialog.region_edit, "15.04.05")
    qtbot.waitUntil(lambda: "Pemayung" in dialog.region_label.text())
    click(qtbot, dialog.save_columns_button)
    assert "default" in dialog.status_label.text()
    stored = handover.load_columns(branch.settings)
    assert [c.field for c in stored if c.enabled] == ["phone", "nik", "full_name"]
    again = shown(qtbot, HandoverExportDialog(branch))
    assert again.model.columns() == stored
    click(qtbot, again.reset_button)
    assert again.model.columns() == handover.default_columns()


def test_the_window_keeps_running_during_a_long_export(qtbot, branch, save_as, tmp_path,
                                                      monkeypatch):
    fill_branch(branch.db, 3000)
    monkeypatch.setattr(handover, "CHUNK", 100)
    original = handover._Values.row

    def slow_row(self, record):  # about 1.5 s for the whole export on the worker
        time.sleep(0.0005)
        return original(self, record)

    monkeypatch.setattr(handover._Values, "row", slow_row)
    dialog = shown(qtbot, HandoverExportDialog(branch))
    qtbot.waitUntil(lambda: dialog.shown_count == 3000)
    ticks, progress = [], []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(dialog.running))
    dialog.progress_bar.valueChanged.connect(progress.append)
    save_as.path = tmp_path / "big.xlsx"
    timer.start()
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        click(qtbot, dialog.export_button)
        assert dialog.running and not dialog.export_button.isEnabled()
        assert dialog.close_button.text() == "Cancel"
    timer.stop()
    busy_ticks = sum(ticks)
    assert busy_ticks >= 20, ticks  # the event loop ran all along (≥ 0.2 s of 10 ms ticks)
    assert len([v for v in progress if v > 0]) >= 10  # progress arrived as it went
    workbook = load_workbook(tmp_path / "big.xlsx", read_only=True)
    assert sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True)) == 3001
    workbook.close()


def test_cancelling_a_long_export_writes_nothing(qtbot, branch, save_as, tmp_path,
                                                monkeypatch):
    fill_branch(branch.db, 3000)
    monkeypatch.setattr(handover, "CHUNK", 50)
    original = handover._Values.row
    monkeypatch.setattr(handover._Values, "row",
                        lambda self, r: (time.sleep(0.001), original(self, r))[1])
    dialog = shown(qtbot, HandoverExportDialog(branch))
    qtbot.waitUntil(lambda: dialog.shown_count == 3000)
    out = tmp_path / "out"
    out.mkdir()
    save_as.path = out / "big.xlsx"
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0)
    with qtbot.waitSignal(dialog.job.finished, timeout=30_000):
        click(qtbot, dialog.close_button)  # "Cancel" while running: cancels, then closes
    assert "Cancelled" in dialog.status_label.text()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # and the dialog closed
    assert list(out.iterdir()) == []  # neither the file nor a sheet buffer


def test_kpj_import_dialog(qtbot, branch, save_as, tmp_path):
    fill_branch(branch.db, 3, start=1)
    path = tmp_path / "hasil.csv"
    path.write_text("Laporan BPJS\nNo,NIK,Nama,KPJ\n1,1504054200000001,A,12345678901\n"
                    "2,1504054200000002,B,12345678902\n3,1504054299999999,C,12345678903\n",
                    encoding="utf-8")
    dialog = shown(qtbot, KpjImportDialog(branch))
    assert not dialog.import_button.isEnabled()
    save_as.path = path
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.header_spin.value() == 2
    assert dialog.nik_combo.currentText() == "B: NIK"
    assert dialog.kpj_combo.currentText() == "D: KPJ"
    assert dialog.preview_table.item(1, 1).text() == "NIK"

    click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.running)
    assert "would be marked" in dialog.summary_label.text()
    assert branch.db.execute("SELECT count(*) FROM registrations WHERE branch_state = "
                             "'registered'").fetchone()[0] == 0

    with qtbot.waitSignal(dialog.imported, timeout=15_000) as done:
        click(qtbot, dialog.import_button)
    report = done.args[0]
    assert report.registered == 2 and report.applied
    assert "2 registration(s) marked Registered" in dialog.summary_label.text()
    table = dialog.unmatched_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["5", "1504054299999999",
                                                           "12345678903"]
    assert branch.settings.get(kpj_import.SETTING) == {"nik": "NIK", "kpj": "KPJ"}
    save_as.path = tmp_path / "tidak-dipakai.csv"
    click(qtbot, dialog.save_list_button)
    assert (tmp_path / "tidak-dipakai.csv").read_text("utf-8").splitlines()[1].startswith(
        "5,1504054299999999")

    # the header row changed by hand: the columns are named by letter, chosen again
    dialog.header_spin.setValue(0)
    assert dialog.nik_combo.itemText(2) == "B"


def test_kpj_import_dialog_refuses_a_bad_file(qtbot, branch, save_as, tmp_path):
    bad = tmp_path / "hasil.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = shown(qtbot, KpjImportDialog(branch))
    save_as.path = bad
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "bukan berkas Excel" in dialog.error.text()  # the workspace language
    assert not dialog.import_button.isEnabled()


def test_breach_report_dialog(qtbot, branch, make_volunteer, valid_registration, save_as,
                              tmp_path):
    rina = make_volunteer("RLW-001")
    for n in (1, 2):
        rina.registrations.save(person(valid_registration, n))
    send(rina, branch, tmp_path / "stick")
    dialog = shown(qtbot, BreachReportDialog(branch))
    qtbot.waitUntil(lambda: dialog.preview_info is not None, timeout=10_000)
    assert "2 person(s)" in dialog.preview_label.text()
    assert "current laptop" in dialog.device_combo.currentText()
    assert dialog.deadline_label.text().startswith("Tell the people by ")
    save_as.path = tmp_path / "laporan.xlsx"
    with qtbot.waitSignal(dialog.written, timeout=15_000) as done:
        click(qtbot, dialog.write_button)
    report = done.args[0]
    assert report.people == 2 and not report.full_nik
    workbook = load_workbook(report.path, read_only=True)
    assert {"Ringkasan", "Orang"} <= set(workbook.sheetnames)
    workbook.close()

    # the USB stick: tick the bundle in the history, full NIKs, CSV
    click(qtbot, dialog.stick_radio)
    assert dialog.pages.currentIndex() == 1
    qtbot.waitUntil(lambda: "Choose what was lost" in dialog.preview_label.text())
    assert not dialog.write_button.isEnabled()
    dialog.bundle_list.setFocus()
    dialog.bundle_list.setCurrentRow(0)
    qtbot.keyClick(dialog.bundle_list, Qt.Key.Key_Space)  # ticks the bundle
    assert dialog.bundle_refs() != []
    qtbot.waitUntil(lambda: dialog.preview_info is not None, timeout=10_000)
    click(qtbot, dialog.full_nik_check)
    assert dialog.nik_warning.isVisible()
    click(qtbot, dialog.csv_radio)
    save_as.path = tmp_path / "stick.csv"
    with qtbot.waitSignal(dialog.written, timeout=15_000) as done:
        click(qtbot, dialog.write_button)
    report = done.args[0]
    assert report.full_nik and report.summary_path.exists()
    with open(report.path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert sorted(r[3] for r in rows[1:]) == ["1504054203880001", "1504054203880002"]


def test_the_branch_window_offers_the_desk_in_its_file_menu(qtbot, branch, save_as, tmp_path):
    from desa_peduli.ui.branch.window import BranchMainWindow

    fill_branch(branch.db, 2, start=1)
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    for text in ("Export for &hand-over…", "Import &KPJ numbers…", "Brea&ch report…"):
        assert text in texts
    desk = window.handover_desk

    # the list's search carries over into the export's filters
    window.registrations_view.search_edit.setText("Orang 2")
    window.registrations_view.apply_filters()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.dialog
    assert isinstance(dialog, HandoverExportDialog)
    qtbot.waitUntil(lambda: dialog.shown_count == 1)
    assert dialog.search_edit.text() == "Orang 2"
    dialog.close()

    path = tmp_path / "hasil.csv"
    path.write_text("NIK,KPJ\n1504054200000001,12345678901\n", encoding="utf-8")
    save_as.path = path
    desk.kpj_action.trigger()
    dialog = desk.dialog
    assert isinstance(dialog, KpjImportDialog)
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    with qtbot.waitSignal(dialog.imported, timeout=15_000):
        click(qtbot, dialog.import_button)
    assert "1 registration(s) marked Registered" in window.statusBar().currentMessage()
    dialog.close()

    desk.breach_action.trigger()
    assert isinstance(desk.dialog, BreachReportDialog)
    desk.dialog.close()
    window.close()


def test_export_dialog_splits_per_kabupaten_with_the_chosen_date_format(qtbot, branch,
                                                                       save_as, tmp_path):
    fill_branch(branch.db, 2)
    fill_branch(branch.db, 1, start=3, base={"village_code": "15.01.01.2001"})
    dialog = shown(qtbot, HandoverExportDialog(branch))
    qtbot.waitUntil(lambda: dialog.shown_count == 3)
    assert dialog.date_combo.currentText() == "HH-BB-TTTT (02-03-1988)"  # the default
    click(qtbot, dialog.csv_radio)
    dialog.date_combo.setFocus()
    qtbot.keyClick(dialog.date_combo, Qt.Key.Key_Down)  # DD/MM/YYYY
    assert dialog.date_combo.currentData() == "DD/MM/YYYY"
    dialog.split_combo.setFocus()
    qtbot.keyClick(dialog.split_combo, Qt.Key.Key_Down)
    assert dialog.split_combo.currentData() == "kabupaten"
    out = tmp_path / "out"
    out.mkdir()
    save_as.path = out / "serah"
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        click(qtbot, dialog.export_button)
    result = done.args[0]
    names = sorted(p.name for p in out.iterdir())
    assert names == ["serah_15.01-kabupaten-kerinci.csv", "serah_15.04-kabupaten-batanghari.csv",
                     "serah_ringkasan.csv"]
    with open(out / names[0], encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][3] == "Tanggal lahir" and rows[1][3] == "02/03/1988"
    qtbot.waitUntil(lambda: isinstance(dialog.message, QMessageBox)
                    and dialog.message.isVisible())
    assert all(name in dialog.message.text() for name in names)
    assert "3 registration(s) written to 3 file(s)" in dialog.status_label.text()
    assert result.split == "kabupaten"
    dialog.message.close()


def test_kpj_import_dialog_with_results_and_reasons(qtbot, branch, save_as, tmp_path):
    ids = fill_branch(branch.db, 4)
    path = tmp_path / "hasil.csv"
    path.write_text("NIK,KPJ,Hasil,Alasan\n"
                    "1504054200000001,12345678901,registered,\n"
                    "1504054200000002,22222222222,already_participant,\n"
                    "1504054200000003,,dukcapil_mismatch,Nama berbeda\n"
                    "1504054200000004,,rejected,Peserta PU aktif\n", encoding="utf-8")
    dialog = shown(qtbot, KpjImportDialog(branch))
    save_as.path = path
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.result_combo.currentText() == "C: Hasil"
    assert dialog.reason_combo.currentText() == "D: Alasan"
    with qtbot.waitSignal(dialog.imported, timeout=15_000) as done:
        click(qtbot, dialog.import_button)
    report = done.args[0]
    assert report.results == {"registered": 1, "already_participant": 1,
                              "dukcapil_mismatch": 1, "rejected": 1}
    text = dialog.summary_label.text()
    for line in ("registered (new KPJ): 1", "already a participant (existing KPJ): 1",
                 "Dukcapil mismatch, sent back to be corrected: 1",
                 "rejected, sent back with the reason: 1"):
        assert line in text
    reason = branch.db.execute("SELECT branch_state, branch_reason FROM registrations WHERE "
                               "id = ?", [ids[2]]).fetchone()
    assert reason[0] == "correction" and "Nama berbeda" in reason[1]

    # the result column set to none by hand: the refusals are rows not used
    dialog.result_combo.setCurrentIndex(0)
    assert dialog.result_combo.currentText() == "(none)"
    click(qtbot, dialog.check_button)
    qtbot.waitUntil(lambda: not dialog.running and dialog.report is not report)
    assert dialog.report.result_column is None
    assert [u.reason for u in dialog.report.unmatched] == ["kpj_invalid", "kpj_invalid"]


def test_the_registrations_tab_has_buttons_for_the_hand_over(qtbot, branch, save_as, tmp_path):
    from desa_peduli.ui.branch.window import BranchMainWindow

    fill_branch(branch.db, 1)
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    view, desk = window.registrations_view, window.handover_desk
    assert window.tabs.currentWidget() is view
    for button in (desk.export_button, desk.kpj_button):
        assert button.isVisible() and view.isAncestorOf(button)
    click(qtbot, desk.export_button)
    assert isinstance(desk.dialog, HandoverExportDialog)
    desk.dialog.close()
    click(qtbot, desk.kpj_button)
    assert isinstance(desk.dialog, KpjImportDialog)
    desk.dialog.close()
    window.close()
