"""Shipped reference data: the regions database is current, Kemendagri codes, small lists."""

from __future__ import annotations

import collections
import csv
import hashlib
import importlib.util
import io
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desa_peduli import reference
from desa_peduli.domain.regions import (
    RegionLookup,
    from_digits,
    is_desa,
    is_kelurahan,
    level_of,
    parent_of,
    to_nik_prefix,
)

REGIONS = reference.regions()
ROOT = Path(__file__).resolve().parents[2]
CLI_OCCUPATIONS = {
    "pedagang_pasar", "pedagang_keliling", "ojek_daring", "ojek_pangkalan", "sopir", "kurir",
    "nelayan", "petani", "pekebun", "peternak", "buruh_bangunan", "petugas_kebersihan",
    "asisten_rumah_tangga", "penjahit", "lainnya",
}  # fmt: skip
CLI_HEIRS = ["suami", "istri", "anak", "orang_tua", "cucu", "kakek_nenek", "saudara_kandung",
             "mertua", "lainnya"]  # fmt: skip


def _csv_bytes() -> bytes:
    return reference.resource(*reference.REGIONS_CSV).read_bytes()


def _build_tool():
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "tools" / "build_regions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------- the database matches the CSV


def test_regions_sqlite_is_built_from_the_current_csv():
    meta = REGIONS.meta()
    assert meta["csv_sha256"] == hashlib.sha256(_csv_bytes()).hexdigest(), (
        "indonesia_regions.csv changed: run python tools/build_regions.py"
    )


def test_regions_sqlite_holds_every_csv_row():
    rows = list(csv.DictReader(io.StringIO(_csv_bytes().decode("utf-8"))))
    by_level = collections.Counter(r["level"] for r in rows)
    assert by_level == {"province": 38, "regency": 514, "district": 7285, "village": 83762}
    for level, n in by_level.items():
        assert REGIONS.count(level) == n
    assert REGIONS.count() == len(rows) == int(REGIONS.meta()["rows"])
    for row in rows[:: len(rows) // 500]:  # a spread sample, checked field by field
        region = REGIONS.get(row["code"])
        assert (region.name, region.level, region.parent_code) == (
            row["name"], row["level"], row["parent_code"] or None)  # fmt: skip


def test_database_is_read_only():
    index = reference.RegionIndex.open()
    try:
        with pytest.raises(sqlite3.OperationalError):
            index._conn.execute("DELETE FROM regions")
    finally:
        index.close()


# ------------------------------------------------------------- Jambi, Kemendagri codes


def test_jambi_counts():
    assert REGIONS.get("15").name == "Jambi"
    assert len(REGIONS.children("15")) == 11
    assert REGIONS.count("regency", within="15") == 11
    assert REGIONS.count("district", within="15") == 144
    assert REGIONS.count("village", within="15") == 1585


@pytest.mark.parametrize(
    ("code", "name"),
    [("15.06", "Kabupaten Tanjung Jabung Barat"), ("15.07", "Kabupaten Tanjung Jabung Timur"),
     ("15.08", "Kabupaten Bungo"), ("15.09", "Kabupaten Tebo"), ("15.71", "Kota Jambi"),
     ("15.04", "Kabupaten Batanghari")],
)  # fmt: skip
def test_kemendagri_not_bps_codes(code, name):
    assert REGIONS.get(code).name == name


def test_lookups():
    assert REGIONS.get("15.04.05.2003").name == "Serasah"
    assert REGIONS.get("1504052003").code == "15.04.05.2003"  # undotted
    assert REGIONS.get("99") is None and REGIONS.get("") is None and REGIONS.get(None) is None
    assert REGIONS.by_nik_prefix("150405").name == "Pemayung"
    assert REGIONS.by_nik_prefix("1504").name == "Kabupaten Batanghari"
    assert REGIONS.by_nik_prefix("1504054203880001") is None
    assert [r.level for r in REGIONS.path("15.04.05.2003")] == [
        "province", "regency", "district", "village"]  # fmt: skip
    assert [r.code for r in REGIONS.path("15.04.05")] == ["15", "15.04", "15.04.05"]
    assert REGIONS.path("15.04.05.2999") == [] and REGIONS.path("junk") == []
    assert isinstance(REGIONS, RegionLookup)


def test_children_sorted_by_name():
    children = REGIONS.children("15.04.05")
    names = [c.name for c in children]
    assert names == sorted(names, key=str.casefold)
    assert all(c.parent_code == "15.04.05" and c.level == "village" for c in children)
    assert REGIONS.children("15.04.05.2003") == []


def test_search():
    hits = REGIONS.search("tebing tinggi", level="village", parent="15.04")
    assert hits and all(h.code.startswith("15.04.") and h.name == "Tebing Tinggi" for h in hits)
    assert REGIONS.search("JAMBI")[0].code == "15"  # exact name first
    assert REGIONS.search("kota jam", level="regency")[0].code == "15.71"
    assert len(REGIONS.search("a", limit=7)) == 7
    assert REGIONS.search("") == [] and REGIONS.search("100%_") == []
    assert all(r.code.startswith("15.") for r in REGIONS.search("sungai", parent="15"))


def test_usable_from_another_thread():
    found = []
    worker = threading.Thread(target=lambda: found.append(REGIONS.get("15.04")))
    worker.start()
    worker.join()
    assert found[0].name == "Kabupaten Batanghari"


def test_fast_enough_for_a_form():
    # Generous bounds here; tighter ones in the benchmark below (-m benchmark).
    start = time.perf_counter()
    index = reference.RegionIndex.open()
    index.get("15.04.05.2003")
    opened = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(200):
        index.get("15.04.05.2003")
    per_lookup = (time.perf_counter() - start) / 200
    index.close()
    assert opened < 0.2 and per_lookup < 0.005


@pytest.mark.benchmark
def test_benchmark_open_under_20ms_lookup_under_1ms():
    opens, lookups = [], []
    for _ in range(7):
        start = time.perf_counter()
        index = reference.RegionIndex.open()
        index.get("15")
        opens.append(time.perf_counter() - start)
        start = time.perf_counter()
        for code in ("15.04.05.2003", "15.71", "33.74.01", "11.01.01.2001"):
            index.get(code)
            index.path(code)
        lookups.append((time.perf_counter() - start) / 8)
        index.close()
    assert statistics.median(opens) < 0.020
    assert statistics.median(lookups) < 0.001


def test_nothing_loaded_at_import_time():
    code = ("import desa_peduli.reference as r, sys; "
            "sys.exit(r.regions.cache_info().currsize + r.shipped.cache_info().currsize "
            "+ r._shipped_rates.cache_info().currsize "
            "+ r._shipped_occupations.cache_info().currsize + (r._active is not None))")  # fmt: skip
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ------------------------------------------------------------- code helpers


def test_code_helpers():
    assert is_kelurahan("15.04.05.1002") and not is_desa("15.04.05.1002")
    assert is_desa("15.04.05.2003") and not is_kelurahan("15.04.05.2003")
    assert not is_kelurahan("15.04.05") and not is_kelurahan("junk")
    assert REGIONS.get("15.04.05.1002").name == "Jembatan Mas"
    assert to_nik_prefix("15.04.05") == "150405"
    assert from_digits("1504052003") == "15.04.05.2003"
    assert from_digits("150405") == "15.04.05"
    assert from_digits("15040") is None and from_digits("１５") is None
    assert level_of("15.04") == "regency" and level_of("15.4") is None
    assert parent_of("15.04.05") == "15.04" and parent_of("15") is None
    assert REGIONS.get("15.04.05").nik_prefix == "150405"


# ------------------------------------------------------------- build tool


def test_build_tool_writes_meta_and_rejects_bad_rows(tmp_path):
    tool = _build_tool()
    good = tmp_path / "good.csv"
    good.write_text("code,name,level,parent_code\n15,Jambi,province,\n"
                    "15.04,Kabupaten Batanghari,regency,15\n", encoding="utf-8")  # fmt: skip
    db = tmp_path / "r.sqlite"
    assert tool.build(good, db) == {"province": 1, "regency": 1, "district": 0, "village": 0}
    assert tool.stored_sha256(db) == hashlib.sha256(good.read_bytes()).hexdigest()
    index = reference.RegionIndex.open(db)
    assert index.get("1504").name == "Kabupaten Batanghari"
    assert index.get("15").nik_prefix == "15"
    index.close()
    assert tool.main(["--check", "--csv", str(good), "--db", str(db)]) == 0
    good.write_text(good.read_text(encoding="utf-8") + "15.71,Kota Jambi,regency,15\n",
                    encoding="utf-8")  # fmt: skip
    assert tool.main(["--check", "--csv", str(good), "--db", str(db)]) == 1
    for bad in ("15.04,X,regency,15\n",  # parent missing
                "15,Jambi,regency,\n",  # level does not fit the code
                "15,Jambi,province,\n15,Jambi,province,\n",  # duplicate
                "15.4,X,regency,15\n"):  # fmt: skip
        with pytest.raises(ValueError):
            tool.read_rows(("code,name,level,parent_code\n" + bad).encode())


# ------------------------------------------------------------- small lists and rates


def test_occupations():
    occupations = reference.occupations()
    assert CLI_OCCUPATIONS <= {o.code for o in occupations}
    assert {o.code for o in occupations if o.transport} == {
        "ojek_daring", "ojek_pangkalan", "sopir", "kurir"}  # fmt: skip
    assert all(o.label_id and o.label_en for o in occupations)


def test_funding_sources():
    sources = {f.code: f for f in reference.funding_sources()}
    assert (sources["mandiri"].public_budget, sources["mandiri"].funder_pays) == (False, False)
    assert (sources["dumisake"].public_budget, sources["dumisake"].funder_pays) == (True, True)
    assert sources["apbd_kabupaten"].public_budget and sources["dana_desa"].public_budget
    assert (sources["csr"].public_budget, sources["csr"].funder_pays) == (False, True)
    assert list(sources)[0] == "mandiri"


def test_heir_relationships_in_order():
    assert [h.code for h in reference.heir_relationships()] == CLI_HEIRS


def test_default_context():
    ctx = reference.default_context()
    assert ctx.occupations["ojek_daring"] is True and ctx.occupations["petani"] is False
    assert ctx.funding_sources["dumisake"] == (True, True)
    assert ctx.heir_relationships == frozenset(CLI_HEIRS)
    assert ctx.rate_table is reference.rate_table()
    assert (ctx.min_age, ctx.max_age, ctx.payment_months) == (15, 65, (1, 3, 6, 12))
    assert ctx.regions is REGIONS


def test_contribution_for_a_registration():
    """A CSR sponsor pays band 1 whatever is declared: declared Rp1,500,000 (band 4, base
    1,600,000), ojek in Nov 2026 (relief): JKK 10,000/2 = 5,000 + JKM 3,400 = 8,400 paid by
    the sponsor; JHT 2% of the declared band's base = 32,000 stays with the worker."""
    values = {"declared_income": 1_500_000, "occupation": "ojek_daring",
              "funding_source": "csr", "programs": ["JKK", "JKM", "JHT"]}  # fmt: skip
    c = reference.contribution_for(values, "2026-11")
    assert c.to_dict()["month"] == "2026-11"
    assert (c.band, c.jkk, c.jkm, c.jht) == (1, 5_000, 3_400, 32_000)
    assert (c.paid_by_funder, c.paid_by_worker) == (8_400, 32_000)
    assert reference.contribution_for(values, "2026-11", months=3).period_total == 3 * 40_400
    for broken in ({"declared_income": None}, {"declared_income": "1.500.000"},
                   {"declared_income": -1}, {"occupation": "astronot"},
                   {"occupation": ["x"]}, {"funding_source": None}, {"programs": 5}):  # fmt: skip
        result = reference.contribution_for({**values, **broken}, "2026-11")
        if "programs" in broken:
            assert result.jht == 0
        else:
            assert result is None
