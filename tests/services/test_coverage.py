"""Coverage: figures against a hand-counted branch, Batanghari's published 50.71 %, the
figures editor and importer, volunteer activity, and the CSV/XLSX report read back."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from desa_peduli.domain.words import week_label
from desa_peduli.errors import InputRejected, WrongRole
from desa_peduli.services.branch import BranchService
from desa_peduli.services.coverage import CoverageService, FunderCount, monday_of
from desa_peduli.services.coverage_report import (
    build_report,
    resolve_target,
    standard_name,
    table_rows,
    write_csv,
    write_xlsx,
)
from tests.services.coverage_fixtures import *  # noqa: F403 - fixtures
from tests.services.coverage_fixtures import (
    AWIN,
    BATANGHARI,
    KERINCI,
    KOTA_JAMBI,
    PEMAYUNG,
    SERASAH,
    SIPIN,
)


@pytest.fixture
def coverage(branch) -> CoverageService:
    service = CoverageService(branch)
    service.ensure_seeded()
    return service


def child(dashboard, code):
    return next(c for c in dashboard.children if c.code == code)


def test_batanghari_reproduces_the_published_50_71_percent(coverage):
    top = coverage.dashboard()
    assert [c.code for c in top.children][:1] == [BATANGHARI]  # sorted by name
    assert len(top.children) == 11  # Jambi's kabupaten/kota
    batanghari = child(top, BATANGHARI)
    assert (batanghari.active_participants, batanghari.potential_workers) == (49_803, 98_206)
    assert round(batanghari.coverage_percent, 2) == 50.71
    assert batanghari.target_percent == 55 and batanghari.target_inherited
    assert batanghari.target_workers == 54_014  # ceil(98,206 × 55 %)
    assert batanghari.gap == 54_014 - 49_803
    assert round(top.scope.coverage_percent, 2) == 39.52  # 518,632 / 1,312,370
    assert top.scope.target_percent == 55 and not top.scope.target_inherited
    kota_jambi = child(top, KOTA_JAMBI)  # only a percentage was published by BPJS
    assert "48.64" in kota_jambi.source and "BPS" in kota_jambi.source
    assert kota_jambi.potential_workers == 262_974  # BPS employed persons, August 2021
    assert not kota_jambi.participants_known and kota_jambi.gap is None
    assert coverage.ensure_seeded() is False  # once only


def test_every_kabupaten_kota_is_seeded_with_the_figures_that_exist(coverage):
    """11 of 11 kabupaten/kota have potential workers (Batanghari BPJS's 98,206; the rest
    BPS's employed persons of Aug 2021, e.g. Kerinci 130,965); only Batanghari has a
    participant count, the others say they have none."""
    top = coverage.dashboard()
    assert all(c.potential_workers for c in top.children)
    assert all(c.coverage_percent is not None for c in top.children)
    assert [c.code for c in top.children if c.participants_known] == [BATANGHARI]
    kerinci = child(top, KERINCI)
    assert kerinci.potential_workers == 130_965 and kerinci.active_participants is None
    assert "Sakernas Agustus 2021" in kerinci.source and "bukan hitungan BPJS" in kerinci.source
    assert top.scope.potential_workers == 1_312_370  # the province's own, not the sum


def test_a_newer_seed_updates_seeded_rows_but_never_staff_figures(branch):
    """A workspace seeded by the first release (Kerinci without figures, Tebo with only a
    percentage) gets the new figures; Kerinci typed by staff keeps theirs."""
    from desa_peduli.services.coverage import SEED_SETTING

    service = CoverageService(branch)
    service.ensure_seeded()
    service.set_target(KERINCI, potential_workers=1000, source="Rapat cabang")
    tebo = "15.09"
    branch.db.execute("UPDATE coverage_targets SET potential_workers = NULL WHERE "
                      "region_code = ?", [tebo])
    branch.settings.set(SEED_SETTING, "jambi_bpjstk_coverage_2024")  # the older seed
    assert service.ensure_seeded() is True
    assert service.target(tebo).potential_workers == 181_524
    assert service.target(KERINCI).potential_workers == 1000
    assert service.target(KERINCI).source == "Rapat cabang"


def test_figures_match_the_hand_counted_branch(desk, coverage):
    top = coverage.dashboard()
    assert top.scope.states == {"registered": 2, "accepted": 1, "correction": 1, "received": 1}
    assert top.scope.total == 5 and top.elsewhere == 0 and top.unplaced == 0
    batanghari = child(top, BATANGHARI)
    assert batanghari.states == {"registered": 2, "accepted": 1, "correction": 1}
    assert child(top, KOTA_JAMBI).states == {"received": 1}
    assert child(top, KERINCI).total == 0  # its only registration was deleted
    assert round(batanghari.coverage_percent, 4) == round((49_803 + 2) * 100 / 98_206, 4)
    assert batanghari.gap == 54_014 - 49_805
    assert round(top.scope.coverage_percent, 4) == round((518_632 + 2) * 100 / 1_312_370, 4)
    assert top.occupations == {"nelayan": 2, "petani": 2, "pedagang_pasar": 1}
    assert top.funding == {"mandiri": 4, "dumisake": 1}
    # participants by funder: mandiri 4 registrations, 1 registered (rina1); dumisake 1, 1
    assert top.funders == [FunderCount("mandiri", 4, 1), FunderCount("dumisake", 1, 1)]
    assert coverage.dashboard(KOTA_JAMBI).funders == [FunderCount("mandiri", 1, 0)]
    assert top.weeks == [(monday_of(dt.date.today()), 5)]

    pemayung = coverage.dashboard(BATANGHARI)  # drill-down
    assert [r.name for r in pemayung.path] == ["Jambi", "Kabupaten Batanghari"]
    assert child(pemayung, PEMAYUNG).total == 4
    assert sum(c.total for c in pemayung.children) == 4
    desa = coverage.dashboard(PEMAYUNG)
    assert child(desa, SERASAH).states == {"registered": 2, "correction": 1}
    assert child(desa, AWIN).states == {"accepted": 1}
    assert desa.occupations == {"nelayan": 2, "petani": 2}
    assert child(desa, SERASAH).target_percent == 55  # the province's, inherited
    single = coverage.dashboard(SIPIN)
    assert single.scope.total == 1 and single.children == []


def test_state_changes_and_deletion_move_the_counts(desk, branch, coverage):
    service = BranchService(branch)
    service.set_state(desk["rina3"], "registered", kpj="12345678903")
    assert child(coverage.dashboard(PEMAYUNG), AWIN).states == {"registered": 1}
    branch.db.execute("UPDATE registrations SET deleted_at = '2026-01-01' WHERE id = ?",
                      [desk["budi2"]])
    top = coverage.dashboard()
    assert top.scope.total == 4 and child(top, KOTA_JAMBI).total == 0


def test_edited_figures_inherit_down_and_sum_up(coverage):
    villages = coverage.tree.kids(PEMAYUNG)
    for index, code in enumerate(villages):
        coverage.set_target(code, potential_workers=100 + index, active_participants=10)
    coverage.set_target(PEMAYUNG, target_percent=60, source="Rapat cabang")
    pemayung = child(coverage.dashboard(BATANGHARI), PEMAYUNG)
    assert pemayung.potential_workers == sum(100 + i for i in range(len(villages)))
    assert pemayung.active_participants == 10 * len(villages)
    assert pemayung.figures_summed and pemayung.target_percent == 60
    assert not pemayung.target_inherited and pemayung.source == "Rapat cabang"
    serasah = child(coverage.dashboard(PEMAYUNG), SERASAH)
    assert serasah.target_percent == 60 and serasah.target_inherited
    # Batanghari keeps its own published figure, not the sum of what is below
    assert child(coverage.dashboard(), BATANGHARI).potential_workers == 98_206
    assert coverage.set_target(PEMAYUNG) is None  # everything empty: the row goes
    assert coverage.target(PEMAYUNG) is None


@pytest.mark.parametrize("figures", [
    {"target_percent": 0.55}, {"target_percent": 120}, {"potential_workers": -1},
    {"potential_workers": 10, "active_participants": 11},
])
def test_impossible_figures_are_refused(coverage, figures):
    with pytest.raises(InputRejected):
        coverage.set_target(BATANGHARI, **figures)
    assert coverage.target(BATANGHARI).potential_workers == 98_206


def test_a_region_outside_the_province_is_refused(coverage):
    with pytest.raises(InputRejected):
        coverage.set_target("16.71", potential_workers=5)


def test_import_is_all_or_nothing_and_reads_names_and_local_number_formats(coverage, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("area;potential_workers;target_percent\n"
                   "Kota Jambi;150.000;55%\n"
                   "Kabupaten Atlantis;10;55\n"
                   "Kabupaten Tebo;sepuluh;\n", encoding="utf-8")
    with pytest.raises(InputRejected) as refused:
        coverage.import_targets(bad)
    assert "baris 3" in refused.value.message_id and "baris 4" in refused.value.message_id
    assert coverage.target(KOTA_JAMBI).potential_workers == 262_974  # nothing changed

    good = tmp_path / "good.csv"
    good.write_text("region_code,potential_workers,active_participants,target_percent,source\n"
                    f"{KOTA_JAMBI},\"150,000\",\"72.960\",\"57,5\",Data BPJS 2025\n"
                    f"{PEMAYUNG},5000,,,\n"
                    f"{KERINCI},,,,\n", encoding="utf-8")
    result = coverage.import_targets(good)
    assert result.applied == [PEMAYUNG, KOTA_JAMBI] and result.skipped == 1
    kota = coverage.target(KOTA_JAMBI)
    assert (kota.potential_workers, kota.active_participants, kota.target_percent) == (
        150_000, 72_960, 57.5)
    assert kota.source == "Data BPJS 2025"
    assert coverage.target(PEMAYUNG).source == "impor good.csv"
    # an empty cell keeps what is stored
    again = tmp_path / "again.csv"
    again.write_text(f"kode,target\n{KOTA_JAMBI},60\n", encoding="utf-8")
    coverage.import_targets(again)
    assert coverage.target(KOTA_JAMBI).potential_workers == 150_000
    assert coverage.target(KOTA_JAMBI).target_percent == 60


def test_the_shipped_press_figures_import_as_they_are(branch, tmp_path):
    from desa_peduli.reference import resource

    coverage = CoverageService(branch)  # not seeded
    path = tmp_path / "press.csv"
    path.write_bytes(resource("regions", "jambi_bpjstk_coverage_2024.csv").read_bytes())
    result = coverage.import_targets(path)
    assert "15" in result.applied and BATANGHARI in result.applied
    assert round(child(coverage.dashboard(), BATANGHARI).coverage_percent, 2) == 50.71


def test_import_reads_xlsx(coverage, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Kode wilayah", "Pekerja potensial", "Peserta aktif"])
    sheet.append([KOTA_JAMBI, 120000, 58368])
    path = tmp_path / "angka.xlsx"
    workbook.save(path)
    coverage.import_targets(path)
    assert round(child(coverage.dashboard(), KOTA_JAMBI).coverage_percent, 2) == 48.64


def test_volunteer_activity_says_who_needs_a_visit(desk, branch, coverage):
    today = dt.date.today()
    activity = {v.id: v for v in coverage.volunteer_activity(weeks=4, today=today)}
    rina, budi = activity["RLW-001"], activity["RLW-002"]
    assert (rina.registrations, rina.this_week, rina.open_corrections) == (3, 3, 0)
    assert (budi.registrations, budi.open_corrections) == (2, 1)
    assert [m for m, _ in rina.weeks] == [monday_of(today) - dt.timedelta(weeks=k)
                                          for k in (3, 2, 1, 0)]
    assert not rina.needs_visit and rina.last_bundle_at
    # three weeks later nobody has registered or sent a bundle
    later = {v.id: v for v in coverage.volunteer_activity(
        today=today + dt.timedelta(weeks=3))}
    assert later["RLW-001"].reasons == ["quiet", "no_bundle"]
    # many open corrections: 10 or more and at least one in ten
    branch.db.execute("UPDATE registrations SET branch_state = 'correction'")
    for serial in range(20):  # the counts follow registrations made straight at the branch
        branch.db.execute(
            "INSERT INTO registrations(id, village_code, status, revision, change_seq, "
            "created_at, updated_at, volunteer_id, branch_state) VALUES (?, ?, 'ready', 1, ?, "
            "?, ?, 'RLW-002', 'correction')",
            [f"x{serial}", SERASAH, 100 + serial, dt.datetime.now().astimezone().isoformat(),
             "x"])
    budi = {v.id: v for v in coverage.volunteer_activity(today=today)}["RLW-002"]
    assert budi.open_corrections == 22 and budi.reasons == ["corrections"]


def test_the_dashboard_is_for_the_branch_only(session):
    with pytest.raises(WrongRole):
        CoverageService(session)


def test_csv_and_xlsx_reports_read_back(desk, branch, coverage, tmp_path):
    report = build_report(branch, level="desa")
    assert report.branch_name == "Kantor Cabang Jambi"
    kinds = [r.level for r in report.regions]
    assert kinds.count("province") == 1 and kinds.count("regency") == 11
    assert kinds.count("district") == 144 and kinds.count("village") == 1585

    target = resolve_target(tmp_path, "csv", report.generated_at)
    assert target.name == standard_name("csv", report.generated_at)
    write_csv(report, target)
    import csv

    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 + 11 + 144 + 1585
    by_code = {r["kode"]: r for r in rows}
    batanghari = by_code[BATANGHARI]
    assert batanghari["nama"] == "Kabupaten Batanghari"
    assert batanghari["pendaftaran"] == "4" and batanghari["terdaftar"] == "2"
    assert batanghari["pekerja_potensial"] == "98206"
    assert batanghari["peserta_aktif"] == "49803"
    assert batanghari["peserta_total"] == "49805"
    assert batanghari["cakupan_persen"] == "50.71"
    assert batanghari["target_persen"] == "55.0"
    assert batanghari["kekurangan"] == str(54_014 - 49_805)
    assert "target dari wilayah induk" in batanghari["catatan"]
    serasah = by_code[SERASAH]
    assert (serasah["kabupaten_kota"], serasah["kecamatan"]) == ("Kabupaten Batanghari",
                                                                 "Pemayung")
    # the app's words (domain/words.py): "perlu diperbaiki", "diterima" = accepted
    assert serasah["perlu_diperbaiki"] == "1" and serasah["cakupan_persen"] == ""
    # participants per funder, per region: Serasah's two registered are mandiri and dumisake
    assert (serasah["peserta_mandiri"], serasah["peserta_dumisake"]) == ("1", "1")
    assert by_code[KOTA_JAMBI]["peserta_mandiri"] == "0"
    assert batanghari["diterima"] == "1" and batanghari["sudah_masuk"] == "0"
    assert "diterima_cabang" not in batanghari and "disetujui" not in batanghari
    assert by_code["15"]["pendaftaran"] == "5"

    path = tmp_path / "laporan.xlsx"
    write_xlsx(report, path, lang="en")
    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["Coverage", "Weekly", "Occupations", "Funders", "Volunteers"]
    funders = list(workbook["Funders"].iter_rows(values_only=True))
    assert funders[0] == ("code", "funder", "participants", "participants percent",
                          "registrations")
    assert [r[0] for r in funders[1:]] == ["mandiri", "dumisake"]
    assert [(r[2], r[3], r[4]) for r in funders[1:]] == [(1, 50.0, 4), (1, 50.0, 1)]
    sheet = list(workbook["Coverage"].iter_rows(values_only=True))
    header = sheet[0]
    rows = {r[header.index("code")]: dict(zip(header, r, strict=True)) for r in sheet[1:]}
    assert len(rows) == 1 + 11 + 144 + 1585
    batanghari = rows[BATANGHARI]
    assert batanghari["registrations"] == 4 and batanghari["registered"] == 2
    assert batanghari["coverage_percent"] == 50.71 and batanghari["potential_workers"] == 98_206
    assert batanghari["correction"] == 1 and batanghari["accepted"] == 1
    weekly = list(workbook["Weekly"].iter_rows(values_only=True))
    # a real date (the week's Monday), never an ISO week such as 2026-W49
    assert weekly[0] == ("week starting", "registrations")
    assert weekly[1][0].date() == monday_of(dt.date.today()) and weekly[1][1] == 5
    volunteer_header = list(workbook["Volunteers"].iter_rows(values_only=True))[0]
    assert not any("-W" in str(h) for h in volunteer_header)
    assert week_label(monday_of(dt.date.today()), "en") in volunteer_header
    occupations = {r[0]: r[2] for r in list(workbook["Occupations"].iter_rows(values_only=True))[1:]}
    assert occupations == {"nelayan": 2, "petani": 2, "pedagang_pasar": 1}
    volunteers = list(workbook["Volunteers"].iter_rows(values_only=True))
    assert sorted(r[0] for r in volunteers[1:]) == ["RLW-001", "RLW-002"]
    workbook.close()


@pytest.mark.parametrize(("name", "lang"), [("panduan-kantor-cabang.md", "id"),
                                            ("guide-branch.md", "en")])
def test_the_guides_quote_only_the_shipped_figures(name, lang):
    """Every number the guide's "potential workers and targets" section quotes is in the
    shipped data (e.g. 49.803 of 98.206 for Batanghari, Kerinci's 130.965 from BPS), and
    every seeded participant count is quoted: no figure the data does not have."""
    import csv
    import io
    import re

    from desa_peduli.reference import resource
    from desa_peduli.services.coverage import DEFAULT_TARGET_PERCENT, EMPLOYED_FILE, SEED_FILE

    text = resource("guide", name).read_text(encoding="utf-8")
    section = text.split("<!-- help: coverage-figures -->")[1].split("<!-- help:")[0]
    thousands, decimal = (".", ",") if lang == "id" else (",", ".")
    quoted = set()
    for match in re.findall(r"\d[\d.,]*\d|\d", section):
        number = match.replace(thousands, "").replace(decimal, ".")
        quoted.add(float(number))
    shipped = {DEFAULT_TARGET_PERCENT, 2024.0, 2021.0, 12.0}  # the target, the dates
    targets = ("regions", "jambi_bpjstk_targets.csv")  # the 2025 target's three counts
    for parts in (SEED_FILE, EMPLOYED_FILE, targets):
        for row in csv.DictReader(io.StringIO(resource(*parts).read_text(encoding="utf-8"))):
            for key, value in row.items():
                if value and re.fullmatch(r"\d+(\.\d+)?", value) and key != "kemendagri_code":
                    shipped.add(float(value))
    assert quoted <= shipped, sorted(quoted - shipped)
    assert {518_632.0, 1_312_370.0, 49_803.0, 98_206.0, 39.52, 50.71} <= quoted

def test_the_2025_target_carries_its_year_and_source(coverage):
    """Worked example: the seeded 55 % is "2025, BPJS Ketenagakerjaan Cabang Jambi, 17 Mar
    2025", inherited by Batanghari with its year and source; the number of participants is
    worked out (55 % of 1,312,370 = 721,804), no published count is used."""
    top = coverage.dashboard()
    assert (top.scope.target_year, top.scope.target_count) == (2025, None)
    assert "17 Mar 2025" in top.scope.target_source
    assert top.scope.target_workers == 721_804
    batanghari = child(top, BATANGHARI)
    assert batanghari.target_year == 2025 and batanghari.target_source == top.scope.target_source
    assert batanghari.target_workers == 54_014  # its own potential workers, not a count


@pytest.mark.parametrize(("count", "said_by"), [(782_000, "Hendra Elvian"),
                                                (722_000, "worked out"),
                                                (674_000, "design notes")])
def test_a_published_target_count_is_stored_with_its_source(branch, tmp_path, count, said_by):
    """Worked example: the same 55 % for 2025 is 782,000 (the branch head, 17 Mar 2025),
    722,000 (55 % of the 2024 potential workers) or 674,000: importing one row of the
    shipped targets file makes the province's target that count, and says whose it is."""
    from desa_peduli.reference import resource

    coverage = CoverageService(branch)
    coverage.ensure_seeded()
    rows = resource("regions", "jambi_bpjstk_targets.csv").read_text("utf-8").splitlines()
    chosen = next(r for r in rows[1:] if f",{count}," in r)
    path = tmp_path / "target.csv"
    path.write_text(rows[0] + "\n" + chosen + "\n", "utf-8")
    coverage.import_targets(path)
    scope = coverage.dashboard().scope
    assert (scope.target_year, scope.target_count, scope.target_workers) == (2025, count, count)
    assert said_by in scope.target_source
    assert scope.gap == count - scope.covered
    # figures typed later keep the target's source
    coverage.set_target("15", potential_workers=1_312_370, target_percent=55,
                        active_participants=518_632, source="ketik ulang")
    assert coverage.target("15").target_count == count


def test_the_report_names_the_target_source(branch, coverage):
    """Worked example: the province's row says "2025 BPJS Ketenagakerjaan Cabang Jambi, 17
    Mar 2025: 55 % …" in the target_source column."""
    header, *rows = list(table_rows(build_report(branch, level="kabupaten"), "en"))
    column = header.index("target_source")
    assert rows[0][column].startswith("2025 BPJS Ketenagakerjaan Cabang Jambi")
