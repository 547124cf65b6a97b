"""The hand-over file a core system can load: real dates, one Y/T (Y/N) column per
programme, the funder, headers in the chosen language, one file per kabupaten or per
funder, and a summary of people and one month's contribution per funder."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from desa_peduli import reference
from desa_peduli.errors import Cancelled
from desa_peduli.progress import Progress
from desa_peduli.services import handover
from desa_peduli.services.handover import Column
from tests.services.desk_helpers import fill_branch

MARCH = dt.date(2027, 3, 1)


def sheets(path):
    workbook = load_workbook(path)  # not read-only: the number formats are read too
    try:
        return {sheet.title: [list(row) for row in sheet.iter_rows()]
                for sheet in workbook.worksheets}
    finally:
        workbook.close()


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_birth_date_2_march_1988_is_a_date_cell_in_xlsx_and_02_03_1988_in_csv(branch, tmp_path):
    fill_branch(branch.db, 1)  # born 1988-03-02, consent 2026-11-20T09:30:00+07:00
    columns = [Column("birth_date"), Column("consent_at", enabled=True)]
    result = handover.export(branch, tmp_path / "x.xlsx", columns=columns)
    header, row = sheets(result.path)["Pendaftaran"]
    assert [c.value for c in header] == ["Tanggal lahir", "Waktu persetujuan"]
    assert row[0].value == dt.datetime(1988, 3, 2) and row[0].is_date
    assert row[0].number_format == "dd-mm-yyyy"  # shown 02-03-1988, never ISO text
    assert row[1].value == dt.datetime(2026, 11, 20, 9, 30) and row[1].is_date

    plain = handover.export(branch, tmp_path / "x.csv", columns=columns)
    assert csv_rows(plain.path)[1] == ["02-03-1988", "20-11-2026 09:30"]
    iso = handover.export(branch, tmp_path / "y.csv", columns=columns, date_format="YYYY-MM-DD")
    assert csv_rows(iso.path)[1] == ["1988-03-02", "2026-11-20 09:30"]
    slash = handover.export(branch, tmp_path / "z.xlsx", columns=columns,
                            date_format="dd/mm/yyyy")
    assert sheets(slash.path)["Pendaftaran"][1][0].number_format == "dd/mm/yyyy"


def test_programmes_jkk_jkm_without_jht_give_y_y_t_and_y_y_n_in_english(branch, tmp_path):
    fill_branch(branch.db, 1)  # programs ["JKK", "JKM"]
    fill_branch(branch.db, 1, start=2, base={"programs": '["JKK", "JKM", "JHT"]'})
    columns = [Column(key) for key in ("nik", "program_jkk", "program_jkm", "program_jht",
                                       "sex")]
    rows = csv_rows(handover.export(branch, tmp_path / "id.csv", columns=columns).path)
    assert rows == [["NIK", "JKK (Y/T)", "JKM (Y/T)", "JHT (Y/T)", "Jenis kelamin (L/P)"],
                    ["1504054200000001", "Y", "Y", "T", "P"],
                    ["1504054200000002", "Y", "Y", "Y", "P"]]
    rows = csv_rows(handover.export(branch, tmp_path / "en.csv", columns=columns,
                                    lang="en").path)
    assert rows[0] == ["NIK", "JKK (Y/N)", "JKM (Y/N)", "JHT (Y/N)", "Sex (M/F)"]
    assert rows[1][1:] == ["Y", "Y", "N", "F"]


def test_the_default_columns_speak_the_chosen_language(branch, tmp_path):
    fill_branch(branch.db, 1, base={"funding_source": "dumisake"})
    indonesian = csv_rows(handover.export(branch, tmp_path / "id.csv").path)
    english = csv_rows(handover.export(branch, tmp_path / "en.csv", lang="en").path)
    expected_id = [s.label_id for s in handover.FIELD_SPECS if s.default]
    assert indonesian[0] == expected_id
    assert english[0] == [s.label_en for s in handover.FIELD_SPECS if s.default]
    for headers in (indonesian[0], english[0]):  # one column per programme, no JKK,JKM cell
        assert "Program (JKK,JKM,JHT)" not in headers
        assert "full_name" not in headers and "birth_date" not in headers  # no field keys
    assert indonesian[1][expected_id.index("Pendana")] == (
        "DUMISAKE Provinsi Jambi (APBD provinsi)")
    assert english[1][expected_id.index("Pendana")] == (
        "DUMISAKE Jambi province programme (provincial budget)")


def test_a_mapping_saved_before_headers_followed_the_language_still_loads(branch, tmp_path):
    """A mapping saved by the old version held every header as the field's key: those
    now follow the language; a header the clerk typed stays as typed."""
    old = [{"field": "nik", "header": "nik", "enabled": True},
           {"field": "full_name", "header": "NAMA PESERTA", "enabled": True},
           {"field": "programs", "header": "programs", "enabled": True},
           {"field": "phone", "header": "phone", "enabled": False}]
    with branch.db.atomic():
        branch.settings.set(handover.SETTING, old)
    columns = handover.load_columns(branch.settings)
    assert [(c.field, c.header, c.enabled) for c in columns[:4]] == [
        ("nik", None, True), ("full_name", "NAMA PESERTA", True), ("programs", None, True),
        ("phone", None, False)]
    assert {c.field for c in columns} == set(handover.SPECS)  # new fields appended, off
    assert not any(c.enabled for c in columns[4:])
    fill_branch(branch.db, 1)
    rows = csv_rows(handover.export(branch, tmp_path / "x.csv", columns=columns).path)
    assert rows == [["NIK", "NAMA PESERTA", "Program (JKK,JKM,JHT)"],
                    ["1504054200000001", "Orang 1", "JKK,JKM"]]
    with branch.db.atomic():  # saved again, it keeps the typed header only
        handover.save_columns(branch.settings, columns)
    assert branch.settings.get(handover.SETTING)[:2] == [
        {"field": "nik", "header": None, "enabled": True},
        {"field": "full_name", "header": "NAMA PESERTA", "enabled": True}]


def _three_regencies(branch):
    """Batanghari (15.04): 2 self-paid, 1 DUMISAKE; Kerinci (15.01): 1 DUMISAKE."""
    fill_branch(branch.db, 2)
    fill_branch(branch.db, 1, start=3, base={"funding_source": "dumisake"})
    fill_branch(branch.db, 1, start=4, base={"funding_source": "dumisake",
                                             "village_code": "15.01.01.2001"})


def test_split_per_kabupaten_writes_one_named_file_each_sorted_by_code(branch, tmp_path):
    _three_regencies(branch)
    out = tmp_path / "out"
    out.mkdir()
    result = handover.export(branch, out, fmt="xlsx", split="kabupaten", month=MARCH)
    names = [f.path.name for f in result.files]
    stem = names[0].split("_15.")[0]
    assert names == [f"{stem}_15.01-kabupaten-kerinci.xlsx",
                     f"{stem}_15.04-kabupaten-batanghari.xlsx"]
    assert [(f.group, f.rows) for f in result.files] == [("15.01", 1), ("15.04", 3)]
    assert sorted(p.name for p in out.iterdir()) == names  # no buffer left behind
    kerinci = sheets(result.files[0].path)
    assert [r[0].value for r in kerinci["Pendaftaran"][1:]] == ["1504054200000004"]
    # each file's summary covers its own people
    assert [[c.value for c in r[:4]] for r in kerinci["Ringkasan"]] == [
        ["Pendana", "Kode", "Bulan iuran", "Jumlah orang"],
        ["DUMISAKE Provinsi Jambi (APBD provinsi)", "dumisake", dt.datetime(2027, 3, 1), 1],
        ["Jumlah", None, dt.datetime(2027, 3, 1), 1]]
    assert kerinci["Ringkasan"][1][2].number_format == "mm-yyyy"


def test_split_per_funder_and_a_summary_whose_totals_the_rules_give(branch, tmp_path):
    _three_regencies(branch)
    fill_branch(branch.db, 1, start=5, base={  # another band, with JHT
        "declared_income": 5_000_000, "programs": '["JKK", "JKM", "JHT"]'})
    result = handover.export(branch, tmp_path / "serah.csv", split="funder", month=MARCH)
    assert [f.path.name for f in result.files] == ["serah_dumisake-dumisake-provinsi-jambi-apbd-provinsi.csv",
                                                    "serah_mandiri-mandiri-dibayar-sendiri.csv"]
    assert [f.rows for f in result.files] == [2, 3]
    assert result.summary_path.name == "serah_ringkasan.csv"
    # recomputed person by person from the rate rules for March 2027
    wanted = {}
    for funder, income, programs in (
            ("mandiri", 1_000_001, ["JKK", "JKM"]), ("mandiri", 1_000_002, ["JKK", "JKM"]),
            ("dumisake", 1_000_003, ["JKK", "JKM"]), ("dumisake", 1_000_004, ["JKK", "JKM"]),
            ("mandiri", 5_000_000, ["JKK", "JKM", "JHT"])):
        price = reference.contribution_for({
            "declared_income": income, "occupation": "petani", "funding_source": funder,
            "programs": programs}, MARCH)
        line = wanted.setdefault(funder, [0, 0, 0, 0])
        for index, value in enumerate((1, price.total, price.paid_by_worker,
                                       price.paid_by_funder)):
            line[index] += value
    rows = csv_rows(result.summary_path)
    assert rows[0][:5] == ["Pendana", "Kode", "Bulan iuran", "Jumlah orang",
                           "Iuran sebulan (Rp)"]
    body = {row[1]: [int(v) for v in row[3:7]] for row in rows[1:-1]}
    assert body == wanted
    assert rows[-1][0] == "Jumlah" and rows[-1][2] == "03-2027"
    assert int(rows[-1][4]) == sum(line[1] for line in wanted.values()) > 0
    assert [s.to_dict()["people"] for s in result.summary] == [2, 3]
    assert wanted["mandiri"][1] > 3 * wanted["dumisake"][1] / 2  # the higher band counted


def test_a_cancelled_split_leaves_no_file_at_all(branch, tmp_path):
    fill_branch(branch.db, 1500)
    fill_branch(branch.db, 1500, start=1501, base={"village_code": "15.01.01.2001"})
    seen, out = [], tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):  # after 3,000 rows: both files were open
        handover.export(branch, out, fmt="xlsx", split="kabupaten", progress=Progress(
            lambda d, t, _text: seen.append(d), cancelled=lambda: len(seen) >= 3))
    assert list(out.iterdir()) == []


def test_when_a_later_file_cannot_be_saved_the_earlier_ones_are_removed(branch, tmp_path,
                                                                         monkeypatch):
    _three_regencies(branch)
    out = tmp_path / "out"
    out.mkdir()
    real = handover.write_only_workbook
    opened = []

    @contextlib.contextmanager
    def first_fails_to_save(path):
        """The files are saved last first: the second is in place when the first fails."""
        opened.append(path)
        with real(path) as pair:
            yield pair
            if path == opened[0]:
                assert (out / opened[1].name).exists()
                raise OSError(28, "No space left on device")

    monkeypatch.setattr(handover, "write_only_workbook", first_fails_to_save)
    with pytest.raises(OSError):
        handover.export(branch, out, fmt="xlsx", split="kabupaten")
    assert list(out.iterdir()) == []
