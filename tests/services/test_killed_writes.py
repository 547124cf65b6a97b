"""A hand-over killed part-way leaves its clear-text temporary files beside the target;
the next hand-over into that folder removes them."""

from __future__ import annotations

import os
import tempfile
import time

from desa_peduli.services import spreadsheet

NIK = "1504054203880001"


def test_the_next_handover_removes_what_a_killed_one_left(tmp_path):
    folder = tmp_path / "serah-terima"
    folder.mkdir()
    target = folder / "serah-terima-20261201.xlsx"
    left = []
    # what a killed hand-over leaves: its sheet's rows and the half-written workbook
    for prefix in (f".{target.name}.sheet", f".{target.name}."):
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        os.write(fd, f"<c><is><t>{NIK}</t></is></c>".encode())
        os.close(fd)
        os.utime(name, (time.time() - 3600,) * 2)
        left.append(name)

    spreadsheet.write_xlsx(folder / "serah-terima-20261202.xlsx", ["NIK"], iter([[NIK]]), "Pendaftaran")

    assert os.listdir(folder) == ["serah-terima-20261202.xlsx"]
