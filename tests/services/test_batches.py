"""Funded batches (services/batches.py): the funder's rules when adding, one batch per
month, moves logged, and monthly bills whose totals are recomputed here from the rules
file itself (resources/rates/rules.json and its band CSV), not through the code under test."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desa_peduli import reference
from desa_peduli.errors import InputRejected, NotFound
from desa_peduli.services import batches, reference_data
from tests.services.desk_helpers import fill_branch

RATES = Path(__file__).resolve().parents[2] / "resources" / "rates"
SERASAH, KERINCI_VILLAGE = "15.04.05.2003", "15.01.01.2001"  # Batanghari, Kerinci


def band_one_month_from_the_rules_file() -> tuple[int, int, int]:
    """(JKK, JKM, total) for band 1 without relief, read from the shipped files."""
    rules = json.loads((RATES / "rules.json").read_text(encoding="utf-8"))
    with open(RATES / rules["bands_file"], encoding="utf-8", newline="") as handle:
        band_one = next(r for r in csv.DictReader(handle) if r["row"] == "1")
    jkk = int(band_one["base"]) * rules["jkk_percent"] // 100
    jkm = rules["jkm_flat"]
    assert rules["discount_excludes_public_budget"] is True  # DUMISAKE is APBD: no relief
    return jkk, jkm, jkk + jkm


@pytest.fixture
def village(branch):
    """Serasah (Batanghari): 4 accepted DUMISAKE workers (one declaring Rp5 million), one
    self-paid, one still to correct, one already registered (KPJ); Kerinci: 2 DUMISAKE."""
    db = branch.db
    ok = fill_branch(db, 3, start=1, base={"funding_source": "dumisake"})
    ok += fill_branch(db, 1, start=4, base={"funding_source": "dumisake",
                                            "declared_income": 5_000_000})
    mandiri = fill_branch(db, 1, start=10)
    correction = fill_branch(db, 1, start=11, state="correction",
                             base={"funding_source": "dumisake"})
    registered = fill_branch(db, 1, start=12, state="registered",
                             base={"funding_source": "dumisake"})
    kerinci = fill_branch(db, 2, start=20, base={"funding_source": "dumisake",
                                                 "village_code": KERINCI_VILLAGE})
    return {"ok": ok, "mandiri": mandiri, "correction": correction, "registered": registered,
            "kerinci": kerinci}


def dumisake(branch, **kwargs):
    values = {"funder": "dumisake", "name": "DUMISAKE 2027 Tahap 1",
              "reference_text": "SK Gubernur Jambi No. 123/2026", "first_month": "2027-01",
              "last_month": "2027-12", **kwargs}
    return batches.create(branch, **values)


def test_a_village_is_refused_whole_unless_told_to_skip(branch, village):
    batch = dumisake(branch)
    result = batches.add(branch, batch.id, village=SERASAH)
    assert not result.applied and batches.members(branch, batch.id) == []
    refused = {r.registration_id: r.code for r in result.refused}
    assert refused == {village["mandiri"][0]: "funder", village["correction"][0]: "state",
                       village["registered"][0]: "participant"}
    result = batches.add(branch, batch.id, village=SERASAH, skip_refused=True)
    assert result.applied and sorted(result.added) == sorted(village["ok"])
    assert len(batches.members(branch, batch.id)) == 4


def test_march_bill_totals_match_the_rules_file(branch, village, tmp_path):
    """6 DUMISAKE people in March 2027 (4 Batanghari, 2 Kerinci) at band 1 without relief:
    JKK 1% of 1,000,000 + JKM 6,800 = 16,800 each (also the one declaring Rp5 million),
    Batanghari 67,200, Kerinci 33,600, total 100,800."""
    batch = dumisake(branch)
    batches.add(branch, batch.id, village=SERASAH, skip_refused=True)
    batches.add(branch, batch.id, village="15.01", skip_refused=True)  # a kabupaten prefix
    jkk, jkm, each = band_one_month_from_the_rules_file()
    bill = batches.bill(branch, batch.id, "2027-03")
    assert (bill.people, bill.total) == (6, 6 * each)
    assert {(line.jkk, line.jkm, line.amount) for line in bill.lines} == {(jkk, jkm, each)}
    assert [(r.code, r.people, r.amount) for r in bill.regencies] == [
        ("15.01", 2, 2 * each), ("15.04", 4, 4 * each)]
    assert bill.public_budget and "no PP 50/2025 relief" in bill.reading_en

    path = batches.write_xlsx_bill(bill, tmp_path / "tagihan.xlsx")
    book = load_workbook(path, read_only=True)
    people = list(book["Rincian"].iter_rows(values_only=True))
    assert len(people) == 1 + 6 and sum(row[8] for row in people[1:]) == 6 * each
    assert {row[0] for row in people[1:]} == {dt.datetime(2027, 3, 1)}  # a real date cell
    summary = list(book["Ringkasan"].iter_rows(values_only=True))
    assert ("Jumlah", None, 6, 6 * each) in [tuple(r[:4]) for r in summary]
    book.close()

    path = batches.write_csv_bill(bill, tmp_path / "tagihan.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sum(int(r["iuran"]) for r in rows if r["baris"] == "orang") == 6 * each
    assert rows[-1]["baris"] == "jumlah" and int(rows[-1]["iuran"]) == 6 * each


def newer_rates_with_jkm(folder: Path, jkm: int) -> Path:
    """The shipped rate files as version 2027.1 with another JKM (both files agree)."""
    folder.mkdir()
    rules = json.loads((RATES / "rules.json").read_text(encoding="utf-8"))
    rules["version"], rules["jkm_flat"] = "2027.1", jkm
    (folder / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    with open(RATES / rules["bands_file"], encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    for row in rows:
        row["jkm_flat"] = str(jkm)
    with open(folder / rules["bands_file"], "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return folder / "rules.json"


def test_the_same_bill_on_a_later_day_after_a_rate_update_reads_the_same(branch, village,
                                                                          tmp_path):
    """Issued with rates 2026.1 (16,800 a person); rates 2027.1 raise JKM to 7,000: the
    March bill printed again still says 4 × 16,800 = 67,200 and names 2026.1; reissued, it
    prices 4 × 17,000 = 68,000 with 2027.1."""
    batch = dumisake(branch)
    batches.add(branch, batch.id, village=SERASAH, skip_refused=True)
    first = batches.bill(branch, batch.id, "2027-03")
    assert (first.total, first.rates_version) == (67_200, "2026.1")
    reference_data.install_files(branch, [newer_rates_with_jkm(tmp_path / "upd", 7_000)])
    again = batches.bill(branch, batch.id, "2027-03")
    assert again.to_content() == first.to_content() and not again.stale
    assert (again.total, again.rates_version) == (67_200, "2026.1")
    assert batches.bill(branch, batch.id, "2027-04").total == 68_000  # never issued: today's
    reissued = batches.bill(branch, batch.id, "2027-03", reissue=True)
    assert (reissued.total, reissued.rates_version) == (68_000, "2027.1")


def test_a_bill_says_when_its_members_changed_since_it_was_issued(branch, village):
    batch = dumisake(branch)
    batches.add(branch, batch.id, village=SERASAH, skip_refused=True)
    batches.bill(branch, batch.id, "2027-03")
    batches.add(branch, batch.id, village="15.01", skip_refused=True)
    bill = batches.bill(branch, batch.id, "2027-03")
    assert bill.stale and bill.people == 4


def test_age_window_on_the_consent_date_refuses_only_for_that_funder(branch):
    """DBH Sawit's window is 17–64 on the registration's date (consent 20 Nov 2026): born
    2 Mar 2010 → 16, refused; born 20 Nov 1962 → 64, accepted; born 19 Nov 1961 → 65,
    refused. The registrations themselves stay valid (the BPU rule is separate)."""
    db = branch.db
    young = fill_branch(db, 1, start=1, base={"funding_source": "dbh_sawit",
                                              "birth_date": "2010-03-02"})
    edge = fill_branch(db, 1, start=2, base={"funding_source": "dbh_sawit",
                                             "birth_date": "1962-11-20"})
    old = fill_branch(db, 1, start=3, base={"funding_source": "apbd_kabupaten",
                                            "birth_date": "1961-11-19"})
    legacy = fill_branch(db, 1, start=4, base={"funding_source": "apbd_kabupaten"})
    batch = batches.create(branch, funder="dbh_sawit", name="DBH Sawit Merangin 2027",
                           reference_text="SK Bupati 1/2027", first_month="2027-01",
                           last_month="2027-06")
    result = batches.add(branch, batch.id, ids=young + edge + old + legacy, skip_refused=True)
    assert {r.registration_id: r.code for r in result.refused} == {young[0]: "age",
                                                                   old[0]: "age"}
    assert "umur 16 tahun pada tanggal pendaftaran 20-11-2026" in result.refused[0].message_id
    assert sorted(result.added) == sorted(edge + legacy)  # the old code joins dbh_sawit


def test_quota_and_one_batch_a_month_with_moves_logged(branch, village):
    batch_a = dumisake(branch, quota=3)
    result = batches.add(branch, batch_a.id, ids=village["ok"], skip_refused=True)
    assert len(result.added) == 3 and [r.code for r in result.refused] == ["quota"]
    batch_b = dumisake(branch, name="DUMISAKE 2027 Tahap 2", first_month="2027-07",
                       last_month="2028-06")
    moving = village["ok"][0]
    refused = batches.add(branch, batch_b.id, ids=[moving])
    assert not refused.applied and refused.refused[0].code == "overlap"
    moved = batches.add(branch, batch_b.id, ids=[moving], move=True)
    assert moved.moved == [(moving, batch_a.id)]
    a_rows = {m.registration_id: m for m in batches.members(branch, batch_a.id)}
    assert (a_rows[moving].first_month, a_rows[moving].last_month) == ("2027-01", "2027-06")
    assert moving not in {m.registration_id
                          for m in batches.members(branch, batch_a.id, "2027-07")}
    log = batches.history(branch, moving)
    assert [(e["batch_id"], e["action"], e["other_batch_id"]) for e in log] == [
        (batch_a.id, "added", None), (batch_a.id, "moved_out", batch_b.id),
        (batch_b.id, "moved_in", batch_a.id)]
    assert all(e["actor"] == branch.actor and e["at"] for e in log)


def test_create_refuses_what_is_wrong_all_at_once(branch):
    with pytest.raises(InputRejected) as refused:
        batches.create(branch, funder="mandiri", name="", reference_text="",
                       first_month="2027-12", last_month="2027-01", quota=0)
    text = refused.value.message("en")
    for part in ("paid by the worker", "name is required", "decree", "first month is after",
                 "quota"):
        assert part in text
    with pytest.raises(NotFound):
        batches.get(branch, 99)
    with pytest.raises(InputRejected):
        batches.create(branch, funder="apbd_kabupaten", name="x", reference_text="y",
                       first_month="2027-01", last_month="2027-02")


def test_bill_outside_the_cover_period_is_refused(branch, village):
    batch = dumisake(branch)
    with pytest.raises(InputRejected):
        batches.bill(branch, batch.id, "2028-01")
    with pytest.raises(InputRejected):
        batches.bill(branch, batch.id, "March")


def test_ids_file_reads_one_id_a_line(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,name\nabc,x\n# comment\n\ndef\n", encoding="utf-8")
    assert batches.read_ids(path) == ["abc", "def"]
    (tmp_path / "empty.txt").write_text("# none\n", encoding="utf-8")
    with pytest.raises(InputRejected):
        batches.read_ids(tmp_path / "empty.txt")


def test_handover_carries_funder_batch_and_cover_months(branch, village, tmp_path):
    """A member of batch 1 (2027-01..2027-12) moved to batch 2 from 2027-07: in March
    2027 the hand-over names batch 1, cover 1 Jan 2027 to 30 Jun 2027; a self-paid
    registration has empty batch columns."""
    from desa_peduli.services import handover

    batch_a = dumisake(branch)
    batches.add(branch, batch_a.id, ids=village["ok"][:2])
    batch_b = dumisake(branch, name="DUMISAKE 2027 Tahap 2", first_month="2027-07",
                       last_month="2027-12")
    batches.add(branch, batch_b.id, ids=village["ok"][:1], first_month="2027-07", move=True)
    lookup = batches.handover_lookup(branch, "2027-03")
    assert lookup(village["ok"][0]) == {
        "funder": "dumisake", "batch": f"{batch_a.id}: DUMISAKE 2027 Tahap 1",
        "cover_first_month": dt.date(2027, 1, 1), "cover_last_month": dt.date(2027, 6, 30)}
    assert batches.handover_lookup(branch, "2027-08")(village["ok"][0])["batch"].startswith(
        f"{batch_b.id}: ")
    assert set(lookup(village["mandiri"][0]).values()) == {None}

    columns = handover.parse_column_spec("id,funder,batch,cover_first_month,cover_last_month")
    result = handover.export(branch, tmp_path / "h.xlsx", columns=columns,
                             filters=handover.HandoverFilter(branch_state=None))
    book = load_workbook(result.path, read_only=True)
    rows = {r[0]: r[1:] for r in list(book.active.iter_rows(values_only=True))[1:]}
    book.close()
    dumisake_name = reference.funders()["dumisake"].label_id  # the file names the funder
    assert rows[village["ok"][1]][:2] == (dumisake_name, f"{batch_a.id}: DUMISAKE 2027 Tahap 1")
    assert rows[village["ok"][1]][2] == dt.datetime(2027, 1, 1)  # a real date cell
    assert not any(rows[village["mandiri"][0]])  # read-only rows end at the last value
