"""The hand-over split attacked (outside review, issue 12): a file of the split held open
in Excel (Windows semantics), a funder whose file name is the summary's."""

from __future__ import annotations

import datetime as dt

import pytest

from desa_peduli.errors import FileInUse
from desa_peduli.services import handover
from tests.services.test_handover_file import _three_regencies

MARCH = dt.date(2027, 3, 1)


def test_a_split_file_open_in_excel_leaves_every_earlier_file_as_it_was(branch, tmp_path,
                                                                        windows):
    """The same split written again (``serah.xlsx``: the same names) while Kerinci's file of
    the first is open in Excel: the export fails, and Batanghari's earlier file is still
    there, unchanged (it was replaced, then removed: the earlier hand-over was lost)."""
    _three_regencies(branch)
    tmp_path = tmp_path / "out"  # the workspace is in tmp_path
    tmp_path.mkdir()
    first = handover.export(branch, tmp_path / "serah.xlsx", split="kabupaten", month=MARCH)
    before = {f.path.name: f.path.read_bytes() for f in first.files}
    assert len(before) == 2
    kerinci = first.files[0].path
    with open(kerinci, "rb"):  # Excel holds it
        with pytest.raises(FileInUse) as caught:
            handover.export(branch, tmp_path / "serah.xlsx", split="kabupaten",
                            month=dt.date(2027, 4, 1))
    assert "kerinci" in caught.value.message_en
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before  # no hidden copy left either
    # Excel closed: the split is written again, whole, and nothing else is left beside it
    again = handover.export(branch, tmp_path / "serah.xlsx", split="kabupaten",
                            month=dt.date(2027, 4, 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == [f.path.name for f in again.files]
    assert all(p.read_bytes() != before[p.name] for p in tmp_path.iterdir())


def test_a_csv_split_whose_summary_is_open_changes_nothing(branch, tmp_path, windows):
    """``serah_ringkasan.csv`` (the summary) open in Excel: no file of the split is replaced,
    none is left half-new (the summary is written before the files are saved)."""
    _three_regencies(branch)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    first = handover.export(branch, tmp_path / "serah.csv", split="funder", month=MARCH)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert first.summary_path is not None and len(before) == 3
    with open(first.summary_path, "rb"), pytest.raises(FileInUse):
        handover.export(branch, tmp_path / "serah.csv", split="funder",
                        month=dt.date(2027, 4, 1))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_funder_coded_like_the_summary_keeps_its_own_file(branch, tmp_path):
    """A funder list (installed, or from a receipt) with a funder coded ``ringkasan`` whose
    label is "Ringkasan": its split file was ``serah_ringkasan.csv``, the summary's name,
    and the summary, written last, replaced its people. Every row stays in a file."""
    from desa_peduli.services import reference_data
    from tests.services.desk_helpers import fill_branch
    from tests.services.test_batches_hostile import _funder_file

    path = _funder_file(tmp_path, "ringkasan,Ringkasan,Ringkasan,other,funder,1,,,,,x\n")
    reference_data.install_files(branch, [path])
    fill_branch(branch.db, 2, start=1, base={"funding_source": "ringkasan"})
    fill_branch(branch.db, 1, start=3)
    out = tmp_path / "out"
    out.mkdir()
    result = handover.export(branch, out / "serah.csv", split="funder", month=MARCH)
    assert result.summary_path not in [f.path for f in result.files]
    assert sum(f.rows for f in result.files) == 3
    people = 0
    for file in result.files:
        people += len(file.path.read_text(encoding="utf-8").splitlines()) - 1
    assert people == 3
