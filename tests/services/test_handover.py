"""Hand-over files: every mapped column read back (XLSX with openpyxl, CSV), the mapping
saved and reloaded, the list's filters, cancel, text that looks like a formula."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from desa_peduli.errors import Cancelled, InputRejected
from desa_peduli.progress import Progress
from desa_peduli.services import handover
from desa_peduli.services.branch import BranchService
from desa_peduli.services.handover import Column, HandoverFilter
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import fill_branch, nik_for, person, send

NAMES = {  # desa, kecamatan, kabupaten (from the Kemendagri list)
    "15.04.05.2003": ("Serasah", "Pemayung", "Kabupaten Batanghari"),
    "15.04.05.2016": ("Awin", "Pemayung", "Kabupaten Batanghari"),
    "15.01.01.2001": ("Selam Paung", "Gunung Raya", "Kabupaten Kerinci"),
}


def expected(record: dict, key: str):
    """What the hand-over file must hold for ``key``, worked out from the record: dates
    as dates, sex as L/P, one Y/T per programme, the funder by its Indonesian name."""
    heirs = record.get("heirs") or []
    consent = record.get("consent") or {}

    def when(text):  # the wall-clock time it was recorded at
        return dt.datetime.fromisoformat(text).replace(tzinfo=None) if text else None

    return {
        "birth_date": dt.datetime.fromisoformat(record["birth_date"]),
        "sex": {"F": "P", "M": "L"}[record["sex"]],
        "village_name": NAMES[record["village_code"]][0],
        "district_name": NAMES[record["village_code"]][1],
        "regency_name": NAMES[record["village_code"]][2],
        "programs": ",".join(record["programs"]),
        "program_jkk": "Y" if "JKK" in record["programs"] else "T",
        "program_jkm": "Y" if "JKM" in record["programs"] else "T",
        "program_jht": "Y" if "JHT" in record["programs"] else "T",
        "funding_source_name": {"mandiri": "Mandiri (dibayar sendiri)",
                                "dumisake": "DUMISAKE Provinsi Jambi (APBD provinsi)"}[
            record["funding_source"]],
        "heir_name": heirs[0]["name"] if heirs else None,
        "heir_relationship": {"suami": "Suami", "anak": "Anak"}[heirs[0]["relationship"]]
        if heirs else None,
        "heir_phone": heirs[0].get("phone") if heirs else None,
        "heirs": json.dumps(heirs, ensure_ascii=False) if heirs else None,
        "consent_method": {"verbal_witnessed": "Lisan, dengan saksi"}[consent["method"]],
        "branch_state": {"accepted": "Diterima"}[record["branch_state"]],
        "consent_at": when(consent.get("at")),
        "created_at": when(record.get("created_at")),
        "updated_at": when(record.get("updated_at")),
        "occupation_name": {"pedagang_pasar": "Pedagang pasar", "petani": "Petani"}.get(
            record["occupation"]),
    }.get(key, record.get(key))


@pytest.fixture
def desk(branch, make_volunteer, valid_registration, tmp_path):
    """Five registrations from two volunteers, in several branch states."""
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    ids = [rina.registrations.save(person(valid_registration, n)).id for n in (1, 2, 3)]
    ids.append(rina.registrations.save(person(
        valid_registration, 4, street="=HYPERLINK(\"http://x\")", email="a@b.id",
        village_code="15.04.05.2016", heirs=[
            {"name": "Ahmad", "relationship": "suami", "phone": "081298765432"},
            {"name": "Dina", "relationship": "anak", "phone": None}])).id)
    ids.append(budi.registrations.save(person(valid_registration, 5, occupation="petani",
                                              village_code="15.01.01.2001")).id)
    send(rina, branch, tmp_path / "stick-rina")
    send(budi, branch, tmp_path / "stick-budi")
    service = BranchService(branch)
    for reg_id in ids[:2] + ids[3:]:
        service.set_state(reg_id, "accepted")
    service.set_state(ids[2], "correction", reason="Foto KTP buram")
    return ids


def read_xlsx(path):
    workbook = load_workbook(path, read_only=True)
    try:
        rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    return rows[0], rows[1:]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_xlsx_holds_every_mapped_column_of_the_accepted_registrations(branch, desk, tmp_path):
    everything = [Column(s.key, f"H_{s.key}", True) for s in handover.FIELD_SPECS]
    result = handover.export(branch, tmp_path / "out.xlsx", columns=everything)
    assert result.rows == 4 and result.format == "xlsx"
    headers, rows = read_xlsx(result.path)
    assert headers == [f"H_{s.key}" for s in handover.FIELD_SPECS]
    assert len(rows) == 4
    store = branch.registrations.store
    by_id = {row[headers.index("H_id")]: row for row in rows}
    assert set(by_id) == {desk[0], desk[1], desk[3], desk[4]}  # not the correction
    for reg_id, row in by_id.items():
        record = store.get(reg_id)
        for spec in handover.FIELD_SPECS:
            got = row[headers.index(f"H_{spec.key}")]
            assert got == expected(record, spec.key), (spec.key, got)
    assert isinstance(by_id[desk[0]][headers.index("H_nik")], str)  # text: no digits lost
    assert by_id[desk[0]][headers.index("H_declared_income")] == 1500000
    # a name that looks like a formula stays text
    assert by_id[desk[3]][headers.index("H_street")] == "=HYPERLINK(\"http://x\")"


def test_csv_with_a_renamed_reordered_mapping_saved_as_default(branch, desk, tmp_path):
    columns = handover.load_columns(branch.settings)
    assert [c.field for c in columns if c.enabled][:3] == ["nik", "full_name", "birth_place"]
    chosen = {"phone": "NO_HP", "nik": "NIK", "full_name": "NAMA", "regency_name": "KAB"}
    mine = [Column(f, h) for f, h in chosen.items()] + [
        Column(c.field, c.header, False) for c in columns if c.field not in chosen]
    with branch.db.atomic():
        handover.save_columns(branch.settings, mine)
    again = handover.load_columns(branch.settings)
    assert [(c.field, c.header) for c in again if c.enabled] == list(chosen.items())
    assert len(again) == len(handover.FIELD_SPECS)

    result = handover.export(branch, tmp_path / "out.csv", columns=again)
    headers, rows = read_csv(result.path)
    assert headers == ["NO_HP", "NIK", "NAMA", "KAB"]
    store = branch.registrations.store
    by_nik = {row[1]: row for row in rows}
    assert set(by_nik) == {nik_for(n) for n in (1, 2, 4, 5)}
    for reg_id in (desk[0], desk[1], desk[3], desk[4]):
        record = store.get(reg_id)
        assert by_nik[record["nik"]] == [record["phone"], record["nik"], record["full_name"],
                                         expected(record, "regency_name") or ""]
    handover.reset_columns(branch.settings)
    assert handover.load_columns(branch.settings) == handover.default_columns()


def test_filters_as_in_the_branch_list(branch, desk, tmp_path):
    def niks(filters):
        result = handover.export(branch, tmp_path / "f.csv", filters=filters,
                                 columns=[Column("nik", "nik")])
        return sorted(row[0] for row in read_csv(result.path)[1])

    assert niks(HandoverFilter()) == [nik_for(n) for n in (1, 2, 4, 5)]
    assert niks(HandoverFilter(branch_state=None)) == [nik_for(n) for n in range(1, 6)]
    assert niks(HandoverFilter(branch_state="correction")) == [nik_for(3)]
    assert niks(HandoverFilter(volunteer_id="RLW-002")) == [nik_for(5)]
    assert niks(HandoverFilter(village_prefix="15.04.05")) == [nik_for(n) for n in (1, 2, 4)]
    assert niks(HandoverFilter(village_prefix="15.04.05.2016")) == [nik_for(4)]
    assert niks(HandoverFilter(village_prefix="15.01", branch_state=None)) == [nik_for(5)]
    assert niks(HandoverFilter(text=nik_for(2))) == [nik_for(2)]
    assert niks(HandoverFilter(text="1504 0542")) == [nik_for(n) for n in (1, 2, 4, 5)]
    assert niks(HandoverFilter(text="Siti aaab")) == [nik_for(1)]
    assert handover.count(branch, HandoverFilter(branch_state=None, volunteer_id="RLW-001")) == 4


def test_open_duplicates_filter(branch, make_volunteer, valid_registration, tmp_path):
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi")
    rina.registrations.save(person(valid_registration, 7))
    budi.registrations.save(person(valid_registration, 7))
    budi.registrations.save(person(valid_registration, 8))
    send(rina, branch, tmp_path / "a")
    send(budi, branch, tmp_path / "b")
    filters = HandoverFilter(branch_state=handover.OPEN_DUPLICATES)
    assert handover.count(branch, filters) == 2


def test_cancel_and_progress_leave_no_file(branch, tmp_path, monkeypatch):
    fill_branch(branch.db, 2500)
    seen = []
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(Cancelled):
        handover.export(branch, target / "x.xlsx", progress=Progress(
            lambda d, t, _text: seen.append((d, t)), cancelled=lambda: len(seen) >= 2))
    assert seen[:2] == [(0, 2500), (1000, 2500)]
    assert list(target.iterdir()) == []  # neither the file nor a sheet buffer
    result = handover.export(branch, target, fmt="csv",
                             progress=Progress(lambda d, t, _text: seen.append(d)))
    assert result.path.parent == target and result.path.name.startswith("handover_")
    assert result.path.suffix == ".csv" and result.rows == 2500
    assert sorted(p.name for p in target.iterdir()) == sorted(  # the rows and their summary
        [result.path.name, result.summary_path.name])
    assert seen[-1] == 2500
    first = handover.export(branch, tmp_path / "first.csv", limit=10,
                            columns=[Column("full_name", "name")])
    assert first.rows == 10
    assert read_csv(first.path)[1] == [[f"Orang {n}"] for n in range(1, 11)]


def rejected(call) -> str:
    with pytest.raises(InputRejected) as info:
        call()
    return info.value.message("en")


def test_columns_are_checked(branch, tmp_path):
    check = handover.check_columns
    assert "at least one" in rejected(lambda: check([Column("nik", "nik", False)]))
    assert "twice" in rejected(lambda: check([Column("nik", "A"), Column("phone", "a")]))
    assert "empty" in rejected(lambda: check([Column("nik", "  ")]))
    with pytest.raises(InputRejected):
        handover.parse_column_spec("nik,unknown")
    spec = handover.parse_column_spec("phone:HP, nik")
    assert [(c.field, c.header) for c in spec if c.enabled] == [("phone", "HP"), ("nik", None)]
    assert "does not exist" in rejected(lambda: handover.export(branch, tmp_path / "no" / "x.xlsx"))
    assert "format" in rejected(lambda: handover.export(branch, tmp_path / "x.xlsx", fmt="pdf"))
    # a mapping stored by an older version: unknown fields dropped, new ones appended
    stored = [{"field": "nik", "header": "NIK"}, {"field": "gone", "header": "X"}]
    columns = handover.columns_from_data(stored)
    assert columns[0] == Column("nik", "NIK", True)
    assert "date format" in rejected(lambda: handover.export(
        branch, tmp_path / "x.csv", date_format="DD-MM-YY"))

    assert [c.field for c in columns[1:]] == [s.key for s in handover.FIELD_SPECS[1:]]
    assert not any(c.enabled for c in columns[1:])


def test_xlsx_drops_characters_xml_cannot_hold(branch, tmp_path):
    fill_branch(branch.db, 1, base={"street": "Jalan\x01 Baru\tNo. 5", "work_location": "=1+1"})
    result = handover.export(branch, tmp_path / "x.xlsx", columns=[
        Column("street", "street"), Column("work_location", "work")])
    _headers, rows = read_xlsx(result.path)
    assert rows == [["Jalan Baru\tNo. 5", "=1+1"]]
