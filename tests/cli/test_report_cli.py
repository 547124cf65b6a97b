"""``report --format csv|xlsx|pdf -o PATH`` and ``coverage-targets`` (cli/report.py)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest
from openpyxl import load_workbook

from desa_peduli.cli import main
from desa_peduli.domain.words import format_date
from desa_peduli.services.coverage_report import standard_name
from tests.conftest import BRANCH_NAME, PASSPHRASE
from tests.services.coverage_fixtures import *  # noqa: F403 - fixtures
from tests.services.coverage_fixtures import BATANGHARI, KOTA_JAMBI


def pdf_pages_and_text(path) -> tuple[int, str]:
    """Pages and text of a PDF, read back with Qt's own PDF module (PySide6-Addons)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = document.pageCount()
    text = "\n".join(document.getAllText(page).text() for page in range(pages))
    document.close()
    return pages, text


@pytest.fixture
def cli(branch, monkeypatch, capsys):
    """The CLI on the ``branch`` workspace (closed here, so the CLI can open it)."""

    def run(*argv):
        if branch.workspace.db is not None:
            branch.close()
        code = main(["--data-dir", str(branch.workspace.path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    return run


def test_csv_report_into_a_folder_gets_its_standard_name(desk, cli, tmp_path):
    folder = tmp_path / "laporan"
    folder.mkdir()
    code, out, err = cli("report", "--format", "csv", "-o", str(folder))
    assert code == 0, err
    path = folder / standard_name("csv", dt.date.today())
    assert out.strip() == str(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = {r["kode"]: r for r in csv.DictReader(handle)}
    assert rows[BATANGHARI]["pendaftaran"] == "4" and rows[BATANGHARI]["cakupan_persen"] == "50.71"
    assert len(rows) == 1 + 11 + 144 + 1585
    assert not list(folder.glob(".*.tmp"))  # written atomically, nothing left behind


def test_xlsx_report_to_a_file_with_json_and_a_level(desk, cli, tmp_path):
    path = tmp_path / "cakupan.xlsx"
    code, out, _ = cli("--lang", "en", "report", "-o", str(path), "--level", "kecamatan",
                       "--json")
    assert code == 0
    info = json.loads(out)
    assert info["path"] == str(path) and info["format"] == "xlsx" and info["level"] == "kecamatan"
    assert (info["registrations"], info["registered"], info["regions"]) == (5, 2, 1 + 11 + 144)
    assert info["coverage_percent"] == round((518_632 + 2) * 100 / 1_312_370, 2)
    workbook = load_workbook(path, read_only=True)
    rows = list(workbook["Coverage"].iter_rows(values_only=True))
    assert rows[0][:3] == ("level", "code", "name") and len(rows) == 1 + 1 + 11 + 144
    workbook.close()


def test_pdf_report_has_its_pages_and_text(desk, cli, tmp_path, qapp):
    path = tmp_path / "laporan.pdf"
    code, out, err = cli("report", "--format", "pdf", "-o", str(path), "--json")
    assert code == 0, err
    info = json.loads(out)
    pages, text = pdf_pages_and_text(path)
    # 1: figures and charts; 2: occupations, funding, volunteers; 3-5: the region tables
    assert pages == info["pages"] == 5
    data = path.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == pages  # the page objects
    assert BRANCH_NAME.encode("utf-16-be") in data  # the document title (UTF-16, uncompressed)
    assert BRANCH_NAME in text and "Kabupaten Batanghari" in text and "Pemayung" in text
    assert "50,71%" in text  # Batanghari: (49.803 + 2) / 98.206, Indonesian number format
    assert format_date(dt.date.today(), "id") in text  # "3 Des 2026", never ISO
    assert dt.date.today().isoformat() not in text
    # the app's words: "Diterima" is an accepted registration, as in the app
    assert "diterima 1" in text and "disetujui" not in text and "diterima cabang" not in text
    assert "Peserta per pendana" in text or "Participants by funder" in text


def test_report_usage_and_role_errors(cli, session, tmp_path, monkeypatch, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["--data-dir", str(tmp_path), "report"])  # -o is required
    assert usage.value.code == 2
    code, _, err = cli("report", "-o", str(tmp_path / "laporan.txt"))
    assert code == 2 and "--format" in err
    code, _, err = cli("report", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and "Folder tujuan tidak ada" in err
    # a volunteer's workspace has no coverage
    path = session.workspace.path
    session.close()
    code = main(["--data-dir", str(path), "report", "--format", "csv", "-o", str(tmp_path)])
    assert code == 1 and "kantor cabang" in capsys.readouterr().err


def test_coverage_targets_import_and_list(cli, tmp_path):
    path = tmp_path / "angka.csv"
    path.write_text(f"region_code,potential_workers,active_participants\n"
                    f"{KOTA_JAMBI},120000,58368\n", encoding="utf-8")
    code, out, _ = cli("coverage-targets", "--import", str(path))
    assert code == 0 and "angka 1 wilayah disimpan" in out
    code, out, _ = cli("coverage-targets", "--json")
    rows = {r["region_code"]: r for r in json.loads(out)}
    assert rows[KOTA_JAMBI]["potential_workers"] == 120_000
    assert rows[BATANGHARI]["active_participants"] == 49_803  # seeded
    assert rows["15"]["target_percent"] == 55
    bad = tmp_path / "salah.csv"
    bad.write_text("region_code,target_percent\n15.71,0.55\n", encoding="utf-8")
    code, _, err = cli("coverage-targets", "--import", str(bad))
    assert code == 1 and "baris 2" in err and "Tidak ada angka yang diubah" in err
