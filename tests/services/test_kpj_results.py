"""KPJ results with their reasons: a file from the core system saying, for each NIK,
``registered``, ``already_participant``, ``dukcapil_mismatch`` or ``rejected`` applies
whole in one transaction (or not at all), and the refusals travel back to the volunteer
as corrections with their reason through the next receipt."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import textwrap

import pytest

from desa_peduli.errors import InputRejected
from desa_peduli.services import kpj_import
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import Workspace
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch, nik_for, person, send
from tests.sync.conftest import digest

NIK = "15040542{:08d}".format  # fill_branch's NIK of serial n
FOUR = [["NIK", "No KPJ", "Hasil", "Alasan"],
        [NIK(1), "12345678901", "registered", ""],
        [NIK(2), "22222222222", "already_participant", ""],
        [NIK(3), "", "dukcapil_mismatch", "Tanggal lahir di Dukcapil 03-02-1988"],
        [NIK(4), "", "rejected", "Peserta penerima upah aktif di perusahaan lain"]]


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def states(branch, ids):
    return [branch.db.execute("SELECT branch_state, kpj_number, branch_reason FROM "
                              "registrations WHERE id = ?", [i]).fetchone() for i in ids]


def test_a_file_with_all_four_results_applies_in_one_transaction(branch, tmp_path):
    ids = fill_branch(branch.db, 4)
    path = write_csv(tmp_path / "hasil.csv", FOUR)
    before = digest(branch.db)
    dry = kpj_import.import_kpj(branch, path, apply=False)
    assert digest(branch.db) == before and not dry.applied
    assert (dry.result_column, dry.reason_column) == ("Hasil", "Alasan")
    assert dry.results == {"registered": 1, "already_participant": 1, "dukcapil_mismatch": 1,
                           "rejected": 1}

    report = kpj_import.import_kpj(branch, path)
    assert report.applied and report.results == dry.results and report.unmatched == []
    assert (report.registered, report.corrections) == (2, 2)
    assert states(branch, ids) == [
        ("registered", "12345678901", None),
        ("registered", "22222222222", kpj_import.NOTES["already_participant"]),
        ("correction", None, "Data tidak cocok dengan Dukcapil (NIK, nama atau tanggal lahir): "
                             "Tanggal lahir di Dukcapil 03-02-1988. Periksa KTP, perbaiki, lalu "
                             "kirim lagi."),
        ("correction", None, "Ditolak sistem inti BPJS Ketenagakerjaan: Peserta penerima upah "
                             "aktif di perusahaan lain. Perbaiki, lalu kirim lagi.")]
    assert "Sudah terdaftar" in states(branch, ids)[1][2]
    batches = branch.db.execute("SELECT action, scope_kind, scope_value, count FROM "
                                "review_batches ORDER BY id").fetchall()
    assert batches == [("registered", "kpj_file", "hasil.csv", 2),
                       ("correction", "kpj_file", "hasil.csv", 2)]
    logged = branch.db.execute("SELECT s.state, b.action FROM state_log s JOIN review_batches b "
                               "ON b.id = s.batch_id ORDER BY s.id").fetchall()
    assert logged == [("registered", "registered")] * 2 + [("correction", "correction")] * 2
    assert branch.settings.get(kpj_import.SETTING) == {
        "nik": "NIK", "kpj": "No KPJ", "result": "Hasil", "reason": "Alasan"}


def test_indonesian_words_unknown_results_and_refusals_of_a_registered_one(branch, tmp_path):
    ids = fill_branch(branch.db, 3)
    ids += fill_branch(branch.db, 1, start=4, state="registered")  # KPJ 90000000004
    path = write_csv(tmp_path / "hasil.csv", [
        ["NIK", "KPJ", "Status"],
        [NIK(1), "12345678901", "Terdaftar"],
        [NIK(2), "", "Tidak cocok Dukcapil"],
        [NIK(3), "", "dicoret"],
        [NIK(4), "", "ditolak"],
        [NIK(9), "", ""]])
    report = kpj_import.import_kpj(branch, path)
    assert report.results == {"registered": 1, "already_participant": 0,
                              "dukcapil_mismatch": 1, "rejected": 0}
    assert [(u.row, u.reason) for u in report.unmatched] == [
        (4, "result_unknown"), (5, "is_registered"), (6, "result_missing")]
    assert states(branch, ids)[3] == ("registered", "90000000004", None)
    assert states(branch, ids)[1][:2] == ("correction", None)


def test_without_a_result_column_every_row_is_registered_as_before(branch, tmp_path):
    ids = fill_branch(branch.db, 2)
    path = write_csv(tmp_path / "r.csv", [["NIK", "KPJ", "Keterangan"],
                                          [NIK(1), "12345678901", "ditolak"],
                                          [NIK(2), "12345678902", ""]])
    report = kpj_import.import_kpj(branch, path, reason_column="none")
    assert report.result_column is None and report.reason_column is None
    assert [s[:2] for s in states(branch, ids)] == [("registered", "12345678901"),
                                                    ("registered", "12345678902")]
    with pytest.raises(InputRejected) as info:
        kpj_import.import_kpj(branch, path, result_column="Hasil")
    assert 'hasil/result column "Hasil" not found' in info.value.message("en")


def test_a_bad_row_anywhere_changes_nothing(branch, tmp_path):
    fill_branch(branch.db, 4)
    before = digest(branch.db)
    path = write_csv(tmp_path / "hasil.csv", FOUR)
    with open(path, "ab") as handle:
        handle.write(NIK(5).encode() + b",1,registered,Jos\xe9\n")  # not UTF-8, last row
    with pytest.raises(InputRejected) as info:
        kpj_import.import_kpj(branch, path)
    assert "not UTF-8" in info.value.message("en")
    assert "nothing was changed" in info.value.message("en")
    assert digest(branch.db) == before


KILLED_CHILD = textwrap.dedent("""
    import os, signal, sys
    from desa_peduli.services import kpj_import
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    def killed(db, rows):  # after the states, before their log: SIGKILL, no clean-up
        os.kill(os.getpid(), signal.SIGKILL)

    kpj_import._log_states = killed
    session = Session(Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2])))
    kpj_import.import_kpj(session, sys.argv[3])
""")


def test_a_kpj_import_killed_mid_way_leaves_nothing_changed(branch_template, branch, tmp_path):
    _src, key = branch_template
    fill_branch(branch.db, 4)
    path = write_csv(tmp_path / "hasil.csv", FOUR)
    before = digest(branch.db)
    workspace = branch.workspace.path
    branch.close()
    copy = tmp_path / "before-kill"
    shutil.copytree(workspace, copy)
    done = subprocess.run([sys.executable, "-c", KILLED_CHILD, str(workspace), key.hex(),
                           str(path)], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    with Workspace.open_with_key(workspace, key) as ws:
        assert digest(ws.db) == before
    session = Session(Workspace.open_with_key(workspace, key))  # and it applies afterwards
    try:
        assert kpj_import.import_kpj(session, path).results["rejected"] == 1
    finally:
        session.close()


def test_the_corrections_reach_the_volunteer_through_the_next_receipt(
        branch, make_volunteer, valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    ids = [rina.registrations.save(person(valid_registration, n)).id for n in (1, 2, 3, 4)]
    send(rina, branch, tmp_path / "stick")
    service = BranchService(branch)
    for reg_id in ids:
        service.set_state(reg_id, "accepted")
    rows = [FOUR[0]] + [[nik_for(n), *row[1:]] for n, row in enumerate(FOUR[1:], start=1)]
    report = kpj_import.import_kpj(branch, write_csv(tmp_path / "hasil.csv", rows))
    assert report.corrections == 2 and report.registered == 2

    receipt = service.receipt("RLW-001", tmp_path)
    FieldSync(rina).import_receipt(receipt)
    got = [rina.registrations.store.get(reg_id) for reg_id in ids]
    assert [(r["status"], r["kpj_number"]) for r in got] == [
        ("registered", "12345678901"), ("registered", "22222222222"),
        ("correction", None), ("correction", None)]
    assert got[1]["branch_reason"] == kpj_import.NOTES["already_participant"]
    assert "Tanggal lahir di Dukcapil 03-02-1988" in got[2]["branch_reason"]
    assert "Dukcapil" in got[2]["branch_reason"]
    assert "Peserta penerima upah aktif di perusahaan lain" in got[3]["branch_reason"]
