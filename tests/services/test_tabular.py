"""Reading registrations, KPJ results and coverage figures within limits: a workbook that
would unpack into a huge shared-strings table is refused before openpyxl loads it (memory
measured), and every refusal names the file and the row."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desa_peduli.errors import InputRejected
from desa_peduli.services import tabular
from desa_peduli.services.adding import add_file
from tests.hostile import corpus

CHILD = """
import resource, sys
from pathlib import Path
from desa_peduli.errors import InputRejected
from desa_peduli.services import tabular
import openpyxl  # imported before measuring, as the app has it loaded
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    list(tabular.iter_rows(Path(sys.argv[1])))
    refused = False
except InputRejected:
    refused = True
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(refused, grown * (1 if sys.platform == "darwin" else 1024))
"""


def test_a_shared_strings_bomb_is_refused_before_it_reaches_memory(tmp_path):
    path = tmp_path / "bom.xlsx"
    path.write_bytes(corpus.shared_strings_bomb(16 * corpus.MB))
    assert path.stat().st_size < 100 * corpus.KB  # 16 MB of table in a small file
    # a child process: its peak memory is this read alone (openpyxl held ~90 MB: ~2,000x)
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, check=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    refused, grown = result.stdout.split()
    assert refused == "True"
    assert int(grown) < 4 * corpus.MB
    with pytest.raises(InputRejected) as refusal:
        list(tabular.iter_rows(path))
    assert "bom.xlsx" in refusal.value.message_id
    assert "xl/sharedStrings.xml" in refusal.value.message_id
    assert "tidak ada yang diubah" in refusal.value.message_id


def test_a_row_of_too_many_cells_is_refused_before_it_reaches_memory(tmp_path):
    """One row of 400,000 cells in a 25 KB workbook: openpyxl builds the whole row before
    the column limit can see it (5 million cells: 3 GB and 100 s); the sheet is scanned as
    a stream first and refused within the row (more cells than Excel has columns)."""
    path = tmp_path / "baris.xlsx"
    path.write_bytes(corpus.row_bomb(400_000))
    assert path.stat().st_size < 40 * corpus.KB
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, check=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    refused, grown = result.stdout.split()
    assert refused == "True"
    assert int(grown) < 16 * corpus.MB
    with pytest.raises(InputRejected) as refusal:
        list(tabular.iter_cells(path))
    assert "baris.xlsx baris 3" in refusal.value.message_id
    assert "terlalu banyak kolom" in refusal.value.message_id


def test_a_row_of_too_many_bytes_is_refused(tmp_path):
    path = tmp_path / "lebar.xlsx"
    path.write_bytes(corpus.row_bomb(9_000, value="1" * 1_000))  # 9 MB of XML, one row
    with pytest.raises(InputRejected) as refusal:
        list(tabular.iter_cells(path))
    assert "lebar.xlsx baris 3: baris terlalu besar" in refusal.value.message_id


def test_absurd_declared_dimensions_are_refused_at_once(tmp_path):
    path = tmp_path / "besar.xlsx"
    path.write_bytes(corpus.absurd_dimensions())
    with pytest.raises(InputRejected) as refused:
        list(tabular.iter_cells(path))
    assert "besar.xlsx" in refused.value.message_id
    assert "1048576 baris" in refused.value.message_id


def test_a_sheet_with_a_row_far_below_is_counted_not_padded(tmp_path):
    data = corpus.absurd_dimensions()
    path = tmp_path / "jauh.xlsx"
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    path.write_bytes(corpus.rezip(data, {"xl/worksheets/sheet1.xml": sheet.replace(
        '<dimension ref="A1:XFD1048576"/>', "").encode()}))
    with pytest.raises(InputRejected) as refused:
        list(tabular.iter_cells(path))
    assert "terlalu banyak baris" in refused.value.message_id


@pytest.mark.parametrize(("content", "row", "words"), [
    (b"nik,full_name\n1,a\n2," + b"x" * 200_000 + b"\n", 3, "terlalu panjang"),
    (b"nik,full_name\n1,a\n2,b\x00\n", 3, "NUL"),
    (b"nik,full_name\n1,a\n" + b",".join([b"x"] * 300) + b"\n", 3, "terlalu banyak kolom"),
    (b'nik,full_name\n1,a\n2,"b\n', None, None),  # an open quote runs to the end: one row
])
def test_csv_limits_name_the_row(tmp_path, content, row, words):
    path = tmp_path / "data.csv"
    path.write_bytes(content)
    if row is None:
        assert [n for n, _values in tabular.iter_cells(path)] == [1, 2, 3]
        return
    with pytest.raises(InputRejected) as refused:
        list(tabular.iter_cells(path))
    assert f"data.csv baris {row}:" in refused.value.message_id
    assert words in refused.value.message_id
    assert f"data.csv row {row}:" in refused.value.message_en


def test_utf16_csv_is_read(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("nik\tkpj\n1504054203880001\t12345678901\n".encode("utf-16"))
    assert [values for _n, values in tabular.iter_cells(path)] == [
        ["nik", "kpj"], ["1504054203880001", "12345678901"]]


def test_hostile_rows_become_row_problems_and_nothing_is_stored(session, tmp_path,
                                                                 valid_registration):
    rows = [
        json.dumps(valid_registration),
        "[" * 50_000 + "]" * 50_000,  # deeper than Python's recursion limit
        json.dumps({"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": {"k": {
            "l": {"m": {"n": {"o": {"p": {"q": 1}}}}}}}}}}}}}}}}}),
        json.dumps(dict(valid_registration, nik="1504054203880002", declared_income=10**30)),
    ]
    path = tmp_path / "baris.jsonl"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    report = add_file(session, path)
    assert not report.stored and report.added == 0
    problems = {(p.row, p.field or p.code) for p in report.problems}
    assert (2, "row.unreadable") in problems and (3, "row.unreadable") in problems
    assert (4, "declared_income") in problems
    assert "bersarang terlalu dalam" in report.problems[0].message
    assert session.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0


def test_a_csv_row_longer_than_its_header_is_a_row_problem(session, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("nik,full_name\n1504054203880001,Siti,lebih\n", "utf-8")
    report = add_file(session, path)
    assert not report.stored
    assert report.problems[0].row == 2 and "lebih panjang daripada judulnya" in \
        report.problems[0].message
