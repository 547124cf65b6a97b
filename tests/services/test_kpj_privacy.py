"""KPJ numbers are personal data: never in a log line, never in the coverage report."""

from __future__ import annotations

import dataclasses
import logging
import zipfile

from desa_peduli import logs
from desa_peduli.services.coverage_report import build_report, write_csv, write_xlsx
from tests.services.desk_helpers import fill_branch

KPJ = "90000000001"  # fill_branch gives registration 1 this number when registered


def test_a_kpj_number_is_masked_in_every_log_line(tmp_path):
    path = logs.setup(tmp_path / "log")
    try:
        log = logging.getLogger("desa_peduli.test")
        log.warning("state %r", {"id": "x", "kpj_number": KPJ, "state": "registered"})
        log.info("marked registered with KPJ %s", KPJ)
        log.info("nomor KPJ: 9000 0000 001; kpj=%s", KPJ)
        try:
            raise ValueError(f"Nomor KPJ {KPJ} sudah dipakai")
        except ValueError:
            log.exception("import failed")
        logs.flush()
        text = path.read_text("utf-8")
    finally:
        logs.setup()
    assert "registered" in text and "[KPJ]" in text
    assert KPJ not in text and "9000 0000 001" not in text
    assert logs.mask("bundle 2026-11-20 row 12345678") == "bundle 2026-11-20 row 12345678"


def test_the_coverage_report_holds_no_kpj_number(branch, tmp_path):
    fill_branch(branch.db, 3, state="registered")
    report = build_report(branch, level="desa")
    assert KPJ not in repr(dataclasses.asdict(report))  # what the PDF is drawn from
    csv_path = write_csv(report, tmp_path / "c.csv")
    assert KPJ.encode() not in csv_path.read_bytes()
    xlsx_path = write_xlsx(report, tmp_path / "c.xlsx")
    with zipfile.ZipFile(xlsx_path) as archive:
        for member in archive.namelist():
            assert KPJ.encode() not in archive.read(member), member
    batanghari = [r for r in report.regions if r.code == "15.04"][0]
    assert batanghari.registered == 3  # counted, without their numbers
