"""Formula injection: every CSV and XLSX the app writes keeps text that starts with = + - @
(or a tab / carriage return) inert, and no module writes one without ``spreadsheet``."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

import desa_peduli
from desa_peduli.services import breach, handover
from desa_peduli.services.coverage_report import build_report, write_csv, write_xlsx
from desa_peduli.services.handover import Column
from desa_peduli.services.spreadsheet import csv_cell
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch

SOURCE = Path(desa_peduli.__file__).parent
DANGEROUS = ["=HYPERLINK(\"http://x\",\"klik\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
             "\t=1+1", "\r=1+1"]


def test_csv_cells_never_become_formulas():
    for text in DANGEROUS:
        assert csv_cell(text) == "'" + text
    assert csv_cell("+6281234567890") == "+6281234567890"  # a phone stays a phone
    assert csv_cell("-5") == "-5" and csv_cell(42) == 42 and csv_cell(None) is None
    assert csv_cell("Jl. Merdeka") == "Jl. Merdeka"


def _inert_csv(path: Path, encoding: str = "utf-8") -> list[str]:
    """Every cell of the CSV that holds one of DANGEROUS; each must be prefixed."""
    with open(path, encoding=encoding, newline="") as handle:
        return _inert_csv_text(handle.read())


def _inert_csv_text(text: str, expected: list[str] = DANGEROUS) -> list[str]:
    found = []
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            if cell.lstrip("'") in expected:
                assert cell[0] == "'" and cell[1:] in expected, cell
                found.append(cell[1:])
    return found


def _inert_xlsx(path: Path) -> dict[str, list[str]]:
    """Cells holding DANGEROUS text, per sheet: each a string cell with its exact text (XML
    reads a carriage return back as a line feed)."""
    wanted = {d.replace("\r", "\n"): d for d in DANGEROUS}
    found: dict[str, list[str]] = {}
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in wanted:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    found.setdefault(sheet.title, []).append(wanted[cell.value])
                else:
                    assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    return found


@pytest.fixture
def hostile_branch(branch):
    """A branch whose registrations and volunteer carry text that looks like a formula in
    every free-text field that reaches a file: name, occupation, funding source."""
    branch.hostile_ids = []
    for number, text in enumerate(DANGEROUS, start=1):
        branch.hostile_ids += fill_branch(
            branch.db, 1, start=number, volunteer_id="RLW-001",
            base={"full_name": text, "occupation": text, "funding_source": text, "street": text})
    branch.db.execute("INSERT INTO volunteers(id, name, villages, enrolled_at) VALUES "
                      "('RLW-001', ?, '[\"15.04.05.2003\"]', '2026-11-01T08:00:00+07:00')",
                      [DANGEROUS[0]])
    return branch


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_handover_keeps_formula_text_inert(hostile_branch, tmp_path, fmt):
    result = handover.export(hostile_branch, tmp_path / f"h.{fmt}", columns=[
        Column("full_name", "nama"), Column("street", "jalan")])
    found = _inert_csv(result.path) if fmt == "csv" else _inert_xlsx(result.path)["Pendaftaran"]
    assert sorted(found) == sorted(DANGEROUS * 2)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_breach_list_keeps_formula_text_inert(hostile_branch, tmp_path, fmt):
    scope = breach.device_scope(hostile_branch, "RLW-001")
    scope.registration_ids = hostile_branch.hostile_ids
    report = breach.write_report(hostile_branch, scope, tmp_path / f"b.{fmt}")
    found = (_inert_csv(report.path) if fmt == "csv"
             else sum(_inert_xlsx(report.path).values(), []))
    assert sorted(found) == sorted(DANGEROUS)  # the names (the list holds no street)


def test_coverage_xlsx_every_sheet_keeps_formula_text_inert(hostile_branch, tmp_path):
    report = build_report(hostile_branch, level="kabupaten")
    found = _inert_xlsx(write_xlsx(report, tmp_path / "c.xlsx"))
    assert sorted(found["Pekerjaan"]) == sorted(DANGEROUS * 2)  # code and label
    assert sorted(found["Pendana"]) == sorted(DANGEROUS * 2)  # participants per funder
    assert found["Relawan"] == [DANGEROUS[0]]
    workbook = load_workbook(tmp_path / "c.xlsx")
    assert workbook["Cakupan"].freeze_panes == "A2"  # the styling survived the one writer
    from desa_peduli.services.coverage_report import COLUMNS

    name_column = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[[c.key for c in COLUMNS].index("name")]
    assert workbook["Cakupan"].column_dimensions[name_column].width == 30


def test_coverage_csv_goes_through_the_one_writer(hostile_branch, tmp_path, monkeypatch):
    from desa_peduli.services import coverage_report

    report = build_report(hostile_branch, level="kabupaten")
    rows = list(coverage_report.table_rows(report))
    monkeypatch.setattr(coverage_report, "table_rows",
                        lambda *_a, **_k: iter([rows[0], *rows[1:], [*DANGEROUS]]))
    target = write_csv(report, tmp_path / "c.csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's BOM kept
    assert _inert_csv(target, "utf-8-sig") == DANGEROUS


def test_list_csv_keeps_formula_text_inert(workspace_template, workspace_dir,
                                           valid_registration, capsys, monkeypatch):
    from desa_peduli import cli
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    key = workspace_template[1]
    with Session(Workspace.open_with_key(workspace_dir, key)) as session:
        for number, text in enumerate(DANGEROUS, start=1):
            record = dict(valid_registration, nik=f"15040542038800{number:02d}", street=text,
                          work_location=text)
            assert session.registrations.save(record).outcome.id
        stored = [v for row in session.db.execute("SELECT street, work_location FROM "
                                                  "registrations") for v in row]
    assert set(DANGEROUS[:4]) <= set(stored)  # (the form's rules trim the tab and CR)
    monkeypatch.setattr(Workspace, "unwrap_key", staticmethod(lambda _path, _passphrase: key))
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "tidak-dipakai")
    assert cli.main(["--data-dir", str(workspace_dir), "list", "--format", "csv"]) == 0
    found = _inert_csv_text(capsys.readouterr().out, stored)
    assert sorted(found) == sorted(stored)


def _active_cells_where_semicolon_separates(text: str) -> list[str]:
    """The cells Excel would run as formulas when it opens ``text`` where the list
    separator is ';' (Indonesian Windows): it splits there, whatever the file's commas."""
    active = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@") and not cell[1:].replace(" ", "").isdigit():
                active.append(cell)
    return active


def test_csv_text_after_a_semicolon_never_becomes_a_formula(workspace_template, workspace_dir,
                                                            valid_registration, capsys,
                                                            monkeypatch):
    """A street 'Jl. Mawar;=cmd|...' is one cell to a comma reader but two to Excel where
    ';' separates lists: the part after the ';' must be inert too."""
    from desa_peduli import cli
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    assert csv_cell("Jl. Mawar;=1+1;-5;@A1") == "Jl. Mawar;'=1+1;-5;'@A1"
    key = workspace_template[1]
    street = "Jl. Mawar 5;=cmd|' /C calc'!A0;-2+3"
    with Session(Workspace.open_with_key(workspace_dir, key)) as session:
        record = dict(valid_registration, street=street, work_location="Pasar;@SUM(1+1)")
        assert session.registrations.save(record).outcome.id
    monkeypatch.setattr(Workspace, "unwrap_key", staticmethod(lambda _path, _passphrase: key))
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "tidak-dipakai")
    assert cli.main(["--data-dir", str(workspace_dir), "list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Jl. Mawar 5;" in out
    assert _active_cells_where_semicolon_separates(out) == []


def test_no_module_writes_csv_or_xlsx_without_the_one_writer():
    writers = re.compile(r"csv\.(writer|DictWriter)\(|\bWorkbook\(|WriteOnlyCell\(|"
                         r"openpyxl import Workbook")
    offenders = [str(path.relative_to(SOURCE)) for path in SOURCE.rglob("*.py")
                 if path.name != "spreadsheet.py" and writers.search(path.read_text("utf-8"))]
    assert offenders == []
