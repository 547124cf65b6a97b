"""``desa-peduli batch create|add|list|show|bill|reading`` (cli/batch.py): the issue's
DUMISAKE case end to end, the March bill as XLSX and PDF with its totals recomputed
from the rules file, exit codes, refusals on stderr."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desa_peduli.cli import main
from tests.cli.test_report_cli import pdf_pages_and_text
from tests.conftest import PASSPHRASE
from tests.services.desk_helpers import fill_branch
from tests.services.test_batches import SERASAH, band_one_month_from_the_rules_file


@pytest.fixture
def cli(branch, monkeypatch, capsys):
    """The CLI on ``branch`` after writing its registrations: 3 accepted DUMISAKE workers
    in Serasah, one self-paid one (ids ``ok`` and ``mandiri``)."""
    ids = {"ok": fill_branch(branch.db, 3, start=1, base={"funding_source": "dumisake"}),
           "mandiri": fill_branch(branch.db, 1, start=9)}
    path = branch.workspace.path
    branch.close()
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)

    def run(*argv):
        code = main(["--data-dir", str(path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    run.ids = ids
    return run


def test_dumisake_batch_village_and_march_bill_in_xlsx_and_pdf(cli, tmp_path):
    code, out, err = cli("batch", "create", "--funder", "dumisake", "--name",
                         "DUMISAKE 2027 Tahap 1", "--reference", "SK Gubernur Jambi 1/2027",
                         "--from", "2027-01", "--to", "2027-12", "--quota", "10")
    assert code == 0, err
    batch_id = out.strip().splitlines()[-1]
    assert batch_id == "1"

    code, out, err = cli("batch", "add", batch_id, "--village", SERASAH)
    assert code == 1 and "nothing was added" not in err and "tidak ada yang ditambahkan" in err
    assert f"{cli.ids['mandiri'][0]}: sumber dananya mandiri, bukan dumisake" in err
    code, out, err = cli("batch", "add", batch_id, "--village", SERASAH, "--skip-refused",
                         "--json")
    assert code == 0 and json.loads(out)["added"] == 3
    code, out, _ = cli("batch", "show", batch_id, "--json")
    members = json.loads(out)["members_list"]
    assert {m["id"] for m in members} == set(cli.ids["ok"])
    assert [(e["action"], e["actor"]) for e in members[0]["history"]] == [("added", "branch")]

    folder = tmp_path / "tagihan"
    folder.mkdir()
    code, out, err = cli("batch", "bill", batch_id, "--month", "2027-03", "--format", "xlsx",
                         "-o", str(folder))
    assert code == 0, err
    xlsx = folder / "tagihan_batch-1_2027-03.xlsx"
    assert out.strip() == str(xlsx)
    _jkk, _jkm, each = band_one_month_from_the_rules_file()
    book = load_workbook(xlsx, read_only=True)
    summary = [tuple(r[:4]) for r in book["Ringkasan"].iter_rows(values_only=True)]
    assert ("15.04", "Kabupaten Batanghari", 3, 3 * each) in summary
    assert ("Jumlah", None, 3, 3 * each) in summary
    book.close()

    code, out, err = cli("--lang", "en", "batch", "bill", batch_id, "--month", "2027-03",
                         "--format", "pdf", "-o", str(folder), "--json")
    assert code == 0, err
    info = json.loads(out)
    assert (info["people"], info["total"], info["rates_version"]) == (3, 3 * each, "2026.1")
    pages, text = pdf_pages_and_text(folder / "tagihan_batch-1_2027-03.pdf")
    assert pages >= 1
    for part in ("JKK+JKM contribution bill", "DUMISAKE 2027 Tahap 1", "SK Gubernur Jambi 1/2027",
                 f"{3 * each:,}", "no PP 50/2025 relief", "Kabupaten Batanghari"):
        assert part in text


def test_list_show_and_usage(cli):
    assert cli("batch", "create", "--funder", "csr", "--name", "CSR PT Sawit", "--reference",
               "PKS 7/2027", "--from", "2027-02", "--to", "2027-07")[0] == 0
    code, out, _ = cli("batch", "list")
    assert code == 0 and out.split("\t")[:3] == ["1", "csr", "2027-02..2027-07"]
    code, out, _ = cli("batch", "show", "1")
    assert code == 0 and "Pendana: csr" in out and "Masa tanggungan: 2027-02..2027-07" in out
    assert cli("batch", "show", "7")[0] == 1
    with pytest.raises(SystemExit) as usage:  # one of --ids, --village, --volunteer-id
        cli("batch", "add", "1")
    assert usage.value.code == 2
    code, _, err = cli("batch", "create", "--funder", "csr", "--name", "x", "--reference", "y",
                       "--from", "2027-13", "--to", "2027-01")
    assert code == 1 and "TTTT-BB" in err


def test_reading_of_village_budgets_is_a_setting_with_its_note(cli):
    code, out, _ = cli("--lang", "en", "batch", "reading")
    assert code == 0 and out.startswith("village budget counts as APBD")
    assert cli("batch", "reading", "--village-budget-is-apbd", "no")[0] == 2  # a note needed
    code, out, _ = cli("batch", "reading", "--village-budget-is-apbd", "no", "--note",
                       "Surat BPJS 12/2027", "--json")
    assert code == 0 and json.loads(out) == {"village_budget_is_apbd": False,
                                             "note": "Surat BPJS 12/2027"}
