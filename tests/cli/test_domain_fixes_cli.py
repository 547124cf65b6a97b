"""The domain fixes on the command line: warnings printed (exit 0), the new fields stored."""

from __future__ import annotations

import copy
import json

import pytest

from desa_peduli.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(workspace_dir, monkeypatch, capsys):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("DESA_PEDULI_HOME", raising=False)

    def run(*argv):
        code = main(["--data-dir", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _add(cli, tmp_path, *rows, lang=()):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return cli(*lang, "add", str(path))


def _listed(cli):
    code, out, _ = cli("list")
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_warnings_are_printed_and_the_row_is_stored(cli, tmp_path, valid_registration):
    """Worked example: Rp150.000.000.000 a month and a 13-year-old (born 2 March 2013,
    registered 20 Nov 2026): two warnings on stderr, stored as ready, exit 0."""
    row = copy.deepcopy(valid_registration)
    row.update(nik="1504054203130001", birth_date="2013-03-02",
               declared_income=150_000_000_000)
    code, out, err = _add(cli, tmp_path, row)
    assert code == 0, err
    assert "1 baru" in out
    assert "peringatan: a.jsonl: baris 1: declared_income: Penghasilan Rp150.000.000.000" in err
    assert "peringatan: a.jsonl: baris 1: birth_date: Umur 13 tahun pada tanggal pendaftaran" in err
    [record] = _listed(cli)
    assert record["status"] == "ready"
    assert {w["code"] for w in record["warnings"]} == {"declared_income.top_band",
                                                       "birth_date.too_young"}
    code, _, err = _add(cli, tmp_path, row, lang=("--lang", "en"))
    assert code == 0 and "warning: a.jsonl: row 1: declared_income: A monthly income" in err


def test_typed_forms_are_normalised_and_new_fields_stored(cli, tmp_path, valid_registration):
    """Worked example: NIK "1504-0542-0388-0001", phone "+62 (0)812 3456 7890", RT/RW
    "000" as on the e-KTP, nationality "wna" (with a KITAP): stored as 1504054203880001,
    +6281234567890, no RT/RW, WNA, without a single problem."""
    row = copy.deepcopy(valid_registration)
    row.update(nik="1504-0542-0388-0001", phone="+62 (0)812 3456 7890", rt="000", rw="000",
               nationality="wna")
    code, _, err = _add(cli, tmp_path, row)
    assert code == 0 and "peringatan" not in err, err
    [record] = _listed(cli)
    assert (record["nik"], record["phone"], record["rt"], record["rw"], record["nationality"]) == (
        "1504054203880001", "+6281234567890", "", "", "WNA")
    assert record["warnings"] == [] and record["errors"] == []


def test_worker_without_a_phone(cli, tmp_path, valid_registration):
    """Worked example: no phone, reason "tidak punya HP", a daughter's 0813-1111-2222;
    without a reason the row is refused and says to give one."""
    row = copy.deepcopy(valid_registration)
    row.update(phone=None, no_phone_reason="tidak punya HP", family_phone="0813-1111-2222")
    code, _, err = _add(cli, tmp_path, row)
    assert code == 0, err
    [record] = _listed(cli)
    assert (record["phone"], record["no_phone_reason"], record["family_phone"]) == (
        None, "tidak punya HP", "+6281311112222")
    row = copy.deepcopy(valid_registration)
    row.update(nik="1504054203880002", phone="")
    code, _, err = _add(cli, tmp_path, row)
    assert code == 1 and "jika peserta tidak punya HP, isi alasannya" in err


def test_list_names_the_month_and_what_follows_the_relief(cli, tmp_path, valid_registration,
                                                         monkeypatch):
    """Worked example: a market trader (other sector) declaring Rp1,500,000, listed in
    November 2026: Rp8,000 + Rp3,400 = Rp11,400 for 2026-11 under PP 50/2025, and since the
    relief ends in December, January 2027 at Rp16,000 + Rp6,800 = Rp22,800 is shown too."""
    import datetime as dt

    from desa_peduli.services import listing

    class November(dt.date):
        @classmethod
        def today(cls):
            return cls(2026, 11, 25)

    monkeypatch.setattr(listing.dt, "date", November)
    assert _add(cli, tmp_path, valid_registration)[0] == 0
    [record] = _listed(cli)
    contribution = record["contribution"]
    assert (contribution["month"], contribution["total"]) == ("2026-11", 11_400)
    assert contribution["after_relief"]["month"] == "2027-01"
    assert contribution["after_relief"]["total"] == 22_800
