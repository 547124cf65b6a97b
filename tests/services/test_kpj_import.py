"""KPJ numbers from the core system: the right registrations become registered, unmatched
rows are reported with their row numbers, a bad file changes nothing, columns are
detected and remembered."""

from __future__ import annotations

import csv

import pytest
from openpyxl import Workbook

from desa_peduli.errors import InputRejected
from desa_peduli.services import kpj_import
from desa_peduli.services.branch import BranchService
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch, nik_for, person, send
from tests.sync.conftest import digest

NIK = "15040542{:08d}".format  # fill_branch's NIK of serial n


@pytest.fixture
def held(branch):
    """Registrations 1–6 accepted; 7 registered (KPJ 90000000007); 8 and 9 share a NIK
    (open duplicate); 10 and 11 share a NIK but 11 is a resolved duplicate; 12 deleted."""
    db = branch.db
    ids = fill_branch(db, 6, start=1)
    ids += fill_branch(db, 1, start=7, state="registered")
    ids += fill_branch(db, 2, start=8, base={"nik": NIK(8)})
    ids += fill_branch(db, 1, start=10)
    ids += fill_branch(db, 1, start=11, state="duplicate", base={"nik": NIK(10)})
    ids += fill_branch(db, 1, start=12)
    db.execute("UPDATE registrations SET kpj_number = '90000000007' WHERE id = ?", [ids[6]])
    db.execute("UPDATE registrations SET deleted_at = '2026-11-21T10:00:00+07:00' WHERE id = ?",
               [ids[11]])
    return dict(zip(range(1, 13), ids, strict=True))


def write_csv(path, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def state(branch, reg_id):
    return branch.db.execute("SELECT branch_state, kpj_number FROM registrations WHERE id = ?",
                             [reg_id]).fetchone()


def test_marks_the_right_ones_and_reports_the_rest_with_row_numbers(branch, held, tmp_path):
    path = write_csv(tmp_path / "hasil.csv", [
        ["Hasil pendaftaran BPU", "", "", ""],                 # 1: a title
        ["Kantor Cabang Jambi, 27/11/2026", "", "", ""],       # 2
        ["No", "NIK Peserta", "Nama", "Nomor KPJ"],            # 3: the header row
        ["1", NIK(1), "Orang 1", "12345678901"],               # 4: registered now
        ["2", NIK(2), "Orang 2", "12345 678 902"],             # 5: spaces are fine
        ["3", NIK(7), "Orang 7", "90000000007"],               # 6: already, same number
        ["4", NIK(7)[:15] + "9", "Nobody", "12345678904"],     # 7: not found
        ["5", NIK(8), "Orang 8", "12345678905"],               # 8: ambiguous
        ["6", NIK(10), "Orang 10", "12345678906"],             # 9: the kept of a duplicate
        ["7", "15040542", "Short", "12345678907"],             # 10: NIK invalid
        ["8", NIK(3), "Orang 3", "12AB"],                      # 11: KPJ invalid
        ["", "", "", ""],                                      # 12: empty, skipped
        ["9", NIK(4), "Orang 4", "12345678909"],               # 13: conflict ...
        ["10", NIK(4), "Orang 4", "12345678910"],              # 14: ... with this one
        ["11", NIK(1), "Orang 1", "12345678901"],              # 15: repeated, same number
        ["12", NIK(12), "Orang 12", "12345678912"],            # 16: deleted: not found
        ["13", NIK(7), "Orang 7", "99999999999"],              # 17: conflict with row 6
    ])
    report = kpj_import.import_kpj(branch, path)
    assert (report.header_row, report.nik_column, report.kpj_column) == (3, "NIK Peserta",
                                                                        "Nomor KPJ")
    assert report.applied and report.rows == 13
    assert (report.registered, report.unchanged, report.repeated) == (3, 0, 1)
    assert [(u.row, u.reason) for u in report.unmatched] == [
        (6, "conflict"), (7, "not_found"), (8, "ambiguous"), (10, "nik_invalid"),
        (11, "kpj_invalid"), (13, "conflict"), (14, "conflict"), (16, "not_found"),
        (17, "conflict")]
    assert state(branch, held[1]) == ("registered", "12345678901")
    assert state(branch, held[2]) == ("registered", "12345678902")
    assert state(branch, held[10]) == ("registered", "12345678906")
    assert state(branch, held[7]) == ("registered", "90000000007")
    for n in (3, 4, 5, 6, 8, 9, 12):
        assert state(branch, held[n])[0] != "registered"
    log = branch.db.execute(
        "SELECT registration_id, kpj_number, actor, batch_id FROM state_log "
        "WHERE state = 'registered' ORDER BY kpj_number").fetchall()
    assert [(r[0], r[1]) for r in log] == [(held[1], "12345678901"), (held[2], "12345678902"),
                                           (held[10], "12345678906")]
    batch = branch.db.execute("SELECT id, action, scope_kind, scope_value, count, actor "
                              "FROM review_batches").fetchall()
    assert batch == [(report.batch_id, "registered", "kpj_file", "hasil.csv", 3, log[0][2])]
    assert {r[3] for r in log} == {report.batch_id}
    assert branch.settings.get(kpj_import.SETTING) == {"nik": "NIK Peserta", "kpj": "Nomor KPJ"}
    assert report.unmatched[1].message("en") == "no registration has this NIK"

    # the same file again: nothing new, the registered ones are unchanged
    again = kpj_import.import_kpj(branch, path)
    assert (again.registered, again.unchanged) == (0, 3)
    assert [u.row for u in again.unmatched] == [u.row for u in report.unmatched]


def test_another_kpj_number_is_not_overwritten(branch, held, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["nik", "kpj"], [NIK(7), "11111111111"]])
    report = kpj_import.import_kpj(branch, path)
    assert [(u.row, u.reason) for u in report.unmatched] == [(2, "other_kpj")]
    assert report.registered == 0
    assert state(branch, held[7]) == ("registered", "90000000007")
    assert branch.db.execute("SELECT count(*) FROM review_batches").fetchone()[0] == 0


def test_a_bad_file_changes_nothing(branch, held, tmp_path):
    before = digest(branch.db)
    broken = tmp_path / "hasil.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"NIK;KPJ\n" + NIK(1).encode() + b";12345678901\nJos\xe9;1\n")
    no_columns = write_csv(tmp_path / "x.csv", [["nama", "alamat"], ["Siti", "Jambi"]])
    for path, kwargs, words in (
            (broken, {}, "not a valid Excel"), (latin, {}, "not UTF-8"),
            (no_columns, {}, "NIK column not found"),
            (write_csv(tmp_path / "y.csv", [["NIK", "KPJ"], [NIK(1), "12345678901"]]),
             {"kpj_column": "Nomor"}, 'KPJ column "Nomor" not found'),
            (tmp_path / "missing.csv", {}, "File not found"),
            (tmp_path / "hasil.pdf", {}, "unsupported")):
        if path.suffix == ".pdf":
            path.write_bytes(b"%PDF")
        with pytest.raises(InputRejected) as info:
            kpj_import.import_kpj(branch, path, **kwargs)
        assert words in info.value.message("en"), info.value.message("en")
    assert digest(branch.db) == before


def test_dry_run_changes_nothing(branch, held, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["NIK", "KPJ"], [NIK(1), "12345678901"]])
    before = digest(branch.db)
    report = kpj_import.import_kpj(branch, path, apply=False)
    assert report.registered == 1 and not report.applied
    assert digest(branch.db) == before


def test_xlsx_numbers_remembered_columns_and_no_header(branch, held, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["KPJ", "Keterangan", "No. KTP"])
    sheet.append([12345678901, "ok", int(NIK(1))])     # numbers, as Excel stores them
    sheet.append(["'12345678902", "ok", float(NIK(2))])
    sheet.append([12345678903, "ok", 9_400_000_000_000_001])  # past 2**53: digits lost
    workbook.save(tmp_path / "hasil.xlsx")
    report = kpj_import.import_kpj(branch, tmp_path / "hasil.xlsx")
    assert (report.nik_column, report.kpj_column, report.header_row) == ("No. KTP", "KPJ", 1)
    assert report.registered == 2
    assert [(u.row, u.reason) for u in report.unmatched] == [(4, "nik_lost_digits")]
    assert state(branch, held[2]) == ("registered", "12345678902")

    # columns named differently, found through the remembered names
    with branch.db.atomic():
        branch.settings.set(kpj_import.SETTING, {"nik": "Identitas", "kpj": "Kartu"})
    path = write_csv(tmp_path / "r.csv", [["Kartu", "Identitas", "NIK lama"],
                                          ["12345678903", NIK(3), NIK(99)]], delimiter=";")
    report = kpj_import.import_kpj(branch, path)
    assert (report.nik_column, report.kpj_column) == ("Identitas", "Kartu")
    assert state(branch, held[3]) == ("registered", "12345678903")

    # no header at all: the columns are guessed from the data, named by letter
    path = write_csv(tmp_path / "bare.csv", [["x", NIK(4), "12345678904"],
                                             ["y", NIK(5), "12345678905"]])
    preview = kpj_import.inspect(path)
    assert (preview.header_row, preview.nik_column, preview.kpj_column) == (None, 1, 2)
    report = kpj_import.import_kpj(branch, path, nik_column="B", kpj_column="C")
    assert (report.registered, report.header_row, report.nik_column) == (2, None, "B")
    assert [u.row for u in report.unmatched] == []


def test_the_next_receipt_carries_the_numbers(branch, make_volunteer, valid_registration,
                                             tmp_path):
    from desa_peduli.services.field import FieldSync

    rina = make_volunteer("RLW-001")
    reg_id = rina.registrations.save(person(valid_registration, 1)).id
    send(rina, branch, tmp_path / "stick")
    BranchService(branch).set_state(reg_id, "accepted")
    path = write_csv(tmp_path / "r.csv", [["NIK", "KPJ"], [nik_for(1), "12345678901"]])
    assert kpj_import.import_kpj(branch, path).registered == 1
    receipt = BranchService(branch).receipt("RLW-001", tmp_path)
    FieldSync(rina).import_receipt(receipt)
    record = rina.registrations.store.get(reg_id)
    assert (record["status"], record["kpj_number"]) == ("registered", "12345678901")


def test_find_column_by_name_letter_or_number():
    names = ["No", "NIK Peserta", "Nomor KPJ"]
    assert kpj_import.find_column(names, "nik peserta") == 1
    assert kpj_import.find_column(names, "NIK_PESERTA") == 1
    assert kpj_import.find_column(names, "C") == 2
    assert kpj_import.find_column(names, "1") == 0
    assert kpj_import.find_column(names, "Z") is None
    assert kpj_import.column_letter(27) == "AB"
