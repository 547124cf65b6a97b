"""The synthetic data generator (tools/generate_registrations.py) makes valid records.

Not a benchmark: runs in the default test run (300 records, well under a second).
"""

from __future__ import annotations

import datetime as dt
import json

from tests.benchmarks._harness import load_generator

N = 300


def _records(n: int = N, seed: int = 7) -> list[dict]:
    return list(load_generator().generate(n, seed))


def test_generated_registrations_are_valid_and_niks_unique():
    from desa_peduli.domain.validation import validate
    from desa_peduli.reference import default_context

    ctx = default_context(require_signature_image=False)
    records = _records()
    assert len(records) == N
    for i, record in enumerate(records):
        result = validate(record, ctx)
        assert result.ok, (i, [(p.field, p.code) for p in result.errors])
        # consistent with the NIK: no mismatch or unknown-region warnings
        nik_warnings = [p.code for p in result.warnings if p.field == "nik"]
        assert nik_warnings == [], (i, nik_warnings)
        assert result.values["programs"][:2] == ["JKK", "JKM"]
    niks = [r["nik"] for r in records]
    assert len(set(niks)) == len(niks)


def test_nik_matches_birth_date_sex_and_a_real_district():
    from desa_peduli.reference import regions

    index = regions()
    for record in _records():
        nik = record["nik"]
        birth = dt.date.fromisoformat(record["birth_date"])
        day = int(nik[6:8])
        assert day == birth.day + (40 if record["sex"] == "F" else 0)
        assert nik[8:10] == f"{birth.month:02d}" and nik[10:12] == f"{birth.year % 100:02d}"
        assert nik[12:] != "0000"
        district = index.by_nik_prefix(nik[:6])
        assert district is not None and district.level == "district"
        village = index.get(record["village_code"])
        assert village is not None and village.level == "village"
        assert record["village_code"].startswith("15.")
        assert record["consent"]["method"] == "verbal_witnessed" and record["consent"]["witness"]
        assert record["consent"]["at"].endswith("+07:00")
        assert 1 <= len(record["heirs"]) <= 2


def test_same_seed_same_records_and_json_lines(tmp_path):
    generator = load_generator()
    assert _records(50, seed=3) == _records(50, seed=3)
    assert _records(50, seed=3) != _records(50, seed=4)
    path = generator.write_jsonl(tmp_path / "out.jsonl", 20, 3)
    lines = path.read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _records(20, seed=3)


def test_mix_of_names_and_origins():
    records = _records(2000, seed=1)
    names = [r["full_name"] for r in records]
    assert sum(" " not in n for n in names) > 400  # many people have one name only
    assert any("'" in n for n in names) and any("-" in n for n in names)
    assert max(len(n) for n in names) > 60
    other = sum(not r["nik"].startswith("15") for r in records)
    assert 100 < other < 320  # about 10% issued outside Jambi
    jht = sum("JHT" in r["programs"] for r in records)
    assert 300 < jht < 500  # about 20%
