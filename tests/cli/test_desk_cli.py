"""The hand-over desk by command line: handover, import-kpj, breach-report (CLI.md)."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from desa_peduli.cli import main
from desa_peduli.services.branch import BranchService
from tests.conftest import PASSPHRASE
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch, person, send


@pytest.fixture
def run(monkeypatch, capsys, branch):
    """``run(*argv)`` → (exit code, stdout, stderr) on the ``branch`` workspace (closed
    first: a command opens it with the passphrase, as a person would)."""
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    path = branch.workspace.path

    def call(*argv):
        branch.close()
        code = main(["--data-dir", str(path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_handover_and_kpj_import(branch, run, tmp_path):
    fill_branch(branch.db, 5, start=1)
    fill_branch(branch.db, 1, start=6, state="correction")
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    code, out, err = run("handover", "-o", str(out_dir), "--columns", "nik:NIK,full_name:NAMA",
                         "--save-columns")
    assert code == 0 and "5 pendaftaran ditulis." in err
    path = out.strip()
    assert path.startswith(str(out_dir / "handover_")) and path.endswith(".xlsx")
    workbook = load_workbook(path, read_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    assert rows[0] == ["NIK", "NAMA"] and len(rows) == 6
    assert rows[1] == ["1504054200000001", "Orang 1"]

    code, out, _ = run("handover", "-o", str(tmp_path / "all.csv"), "--state", "all", "--json")
    report = json.loads(out)
    assert code == 0 and report["rows"] == 6 and report["format"] == "csv"
    assert report["headers"] == ["NIK", "NAMA"]  # the saved mapping
    with open(report["path"], encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 7

    code, _, err = run("handover")
    assert code == 2 and "-o" in err
    code, out, _ = run("handover", "--show-columns")
    lines = out.splitlines()
    assert code == 0 and lines[:2] == ["[x] nik\tNIK", "[x] full_name\tNAMA"]
    assert "[ ] phone\tNomor HP" in lines  # no header of its own: the language's name

    results = tmp_path / "hasil.csv"
    results.write_text("NIK,KPJ\n1504054200000001,12345678901\n1504054200000002,12345678902\n"
                       "1504054299999999,12345678903\n", encoding="utf-8")
    code, out, err = run("import-kpj", str(results))
    assert code == 0
    assert err.strip() == ("hasil.csv: baris 4: tidak ada pendaftaran dengan NIK ini "
                           "(NIK 150405******9999)")
    assert "2 ditandai Terdaftar di BPJS" in out and "1 baris tidak dipakai" in out

    code, out, _ = run("--lang", "en", "import-kpj", str(results), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["unchanged"] == 2 and not report["applied"]
    assert report["unmatched"][0]["nik"] == "150405******9999"
    assert report["unmatched"][0]["kpj"] == "*******8903"  # the KPJ number masked too

    bad = tmp_path / "hasil.xlsx"
    bad.write_bytes(b"not a workbook")
    code, _, err = run("import-kpj", str(bad))
    assert code == 1 and "tidak ada yang diubah" in err


def test_breach_report(branch, run, make_volunteer, valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    for n in (1, 2):
        rina.registrations.save(person(valid_registration, n))
    bundle, _report = send(rina, branch, tmp_path / "stick")
    BranchService(branch).keys()  # opened while the session is open (the CLI reopens)

    code, out, err = run("breach-report", "--volunteer-id", "RLW-001", "-o", str(tmp_path),
                         "--discovered-at", "2026-11-28 08:00")
    assert code == 0, err
    path = out.strip()
    assert "RLW-001" in path and path.endswith(".xlsx")
    assert "2 orang" in err and "paling lambat 2026-12-01T08:00" in err
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook["Orang"].iter_rows(values_only=True))
    workbook.close()
    assert [r[3] for r in rows[1:]] == ["150405******0001", "150405******0002"]

    code, out, err = run("--lang", "en", "breach-report", "--bundle", str(bundle), "-o",
                         str(tmp_path / "stick.csv"), "--full-nik", "--json")
    report = json.loads(out)
    assert code == 0 and report["people"] == 2 and report["full_nik"]
    assert report["summary_path"].endswith("stick_summary.txt")
    assert "full NIKs" in err

    code, _, err = run("breach-report", "--volunteer-id", "RLW-404", "-o", str(tmp_path))
    assert code == 1 and "RLW-404" in err


def test_handover_split_per_kabupaten_in_english_with_iso_dates(branch, run, tmp_path):
    fill_branch(branch.db, 2)
    fill_branch(branch.db, 1, start=3, base={"village_code": "15.01.01.2001"})
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run("--lang", "en", "handover", "-o", str(out_dir), "--format", "csv",
                         "--split", "kabupaten", "--date-format", "YYYY-MM-DD",
                         "--columns", "nik,birth_date,program_jht")
    assert code == 0 and "3 registrations written to 2 files." in err
    paths = out.splitlines()
    assert [p.rsplit("_", 1)[1] for p in paths] == [
        "15.01-kabupaten-kerinci.csv", "15.04-kabupaten-batanghari.csv", "summary.csv"]
    with open(paths[0], encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [["NIK", "Date of birth", "JHT (Y/N)"],
                                            ["1504054200000003", "1988-03-02", "N"]]
    code, _, err = run("handover", "-o", str(out_dir), "--date-format", "MM-YY")
    assert code == 1 and "Format tanggal tidak dikenal" in err
    with pytest.raises(SystemExit) as info:  # argparse refuses it
        run("handover", "-o", str(out_dir), "--split", "desa")
    assert info.value.code == 2


def test_import_kpj_reports_each_result(branch, run, tmp_path):
    fill_branch(branch.db, 4)
    results = tmp_path / "hasil.csv"
    results.write_text(
        "NIK,KPJ,Hasil,Alasan\n"
        "1504054200000001,12345678901,registered,\n"
        "1504054200000002,22222222222,already_participant,\n"
        "1504054200000003,,dukcapil_mismatch,Nama berbeda\n"
        "1504054200000004,,rejected,Sudah peserta PU\n"
        "1504054200000009,,ditolak,\n", encoding="utf-8")
    code, out, err = run("import-kpj", str(results), "--dry-run")
    assert code == 0
    assert out.splitlines()[:4] == [
        "hasil.csv: registered: 1 terdaftar (KPJ baru) (uji saja, tidak ada yang diubah)",
        "hasil.csv: already_participant: 1 sudah terdaftar (KPJ lama) (uji saja, tidak ada "
        "yang diubah)",
        "hasil.csv: dukcapil_mismatch: 1 tidak cocok dengan Dukcapil: dikembalikan untuk "
        "diperbaiki (uji saja, tidak ada yang diubah)",
        "hasil.csv: rejected: 1 ditolak: dikembalikan dengan alasannya (uji saja, tidak ada "
        "yang diubah)"]
    assert "baris 6: tidak ada pendaftaran dengan NIK ini" in err
    assert "12345678901" not in err  # KPJ numbers are not echoed
    code, out, _ = run("--lang", "en", "import-kpj", str(results), "--json")
    report = json.loads(out)
    assert code == 0 and report["applied"]
    assert report["results"] == {"registered": 1, "already_participant": 1,
                                 "dukcapil_mismatch": 1, "rejected": 1}
    assert (report["result_column"], report["reason_column"]) == ("Hasil", "Alasan")
    code, out, _ = run("--lang", "en", "import-kpj", str(results), "--result-column", "none",
                       "--dry-run")
    # without results every row needs a KPJ number; the first two are already applied
    assert code == 0 and "0 would be marked registered, 2 already registered, 3 rows" in out
