"""The synthetic data generator (tools/generate_registrations.py) makes valid records.

Not a benchmark: runs in the default test run (a few hundred records per seed and shape,
a few seconds: the attachments shape codes its JPEG rows once per seed).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
from collections import Counter

import pytest

from tests.benchmarks._harness import load_generator

N = 300
SEEDS = (7, 8)
SHAPES = ("plain", "attachments")


@functools.cache
def _pairs(n: int = N, seed: int = 7, shape: str = "plain") -> tuple:
    return tuple(load_generator().generate_with_photos(n, seed, shape=shape))


def _records(n: int = N, seed: int = 7, shape: str = "plain") -> list[dict]:
    return [record for record, _photo in _pairs(n, seed, shape)]


def _assert_valid(records: list[dict], *, where: str) -> None:
    from desa_peduli.domain.validation import validate
    from desa_peduli.reference import default_context

    ctx = default_context(require_signature_image=False)
    for i, record in enumerate(records):
        result = validate(record, ctx)
        assert result.ok, (where, i, [(p.field, p.code) for p in result.errors])
        # consistent with the NIK: no mismatch or unknown-region warnings
        nik_warnings = [p.code for p in result.warnings if p.field == "nik"]
        assert nik_warnings == [], (where, i, nik_warnings)
        assert result.values["programs"][:2] == ["JKK", "JKM"]
        # the only warning a generated record may carry is "no heir" (zero heirs)
        assert {p.code for p in result.warnings} <= {"heirs.none"}, (where, i)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
def test_generated_registrations_are_valid_and_niks_unique(seed, shape):
    records = _records(N, seed, shape)
    assert len(records) == N
    _assert_valid(records, where=f"seed {seed} {shape}")
    niks = [r["nik"] for r in records]
    assert len(set(niks)) == len(niks)


def test_nik_matches_birth_date_sex_and_a_real_district():
    from desa_peduli.reference import regions

    index = regions()
    for record in _records() + _records(N, 8, "attachments"):
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
        consent = record["consent"]
        assert consent["at"].endswith("+07:00")
        assert {"verbal_witnessed": "witness", "paper": "reference",
                "signature": "signature_png"}[consent["method"]] in consent
        assert 0 <= len(record["heirs"]) <= 5


def test_same_seed_same_bytes_and_json_lines(tmp_path):
    generator = load_generator()
    assert _records(50, seed=3) == _records(50, seed=3)
    assert _records(50, seed=3) != _records(50, seed=4)
    path = generator.write_jsonl(tmp_path / "out.jsonl", 20, 3)
    lines = path.read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _records(20, seed=3)
    # the attachments shape too, photos included, byte for byte
    first = generator.write_jsonl(tmp_path / "a.jsonl", 60, 5, shape="attachments",
                                  photos=tmp_path / "a.photos.jsonl")
    second = generator.write_jsonl(tmp_path / "b.jsonl", 60, 5, shape="attachments",
                                   photos=tmp_path / "b.photos.jsonl")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a.photos.jsonl").read_bytes() == (tmp_path / "b.photos.jsonl").read_bytes()


def test_shapes_share_the_text_except_who_signs():
    plain = _records(N, 7, "plain")
    heavy = _records(N, 7, "attachments")
    differ = [i for i, (a, b) in enumerate(zip(plain, heavy, strict=True)) if a != b]
    assert all(heavy[i]["consent"]["method"] == "signature" for i in differ)
    for i in differ:
        assert {k: v for k, v in plain[i].items() if k != "consent"} == \
            {k: v for k, v in heavy[i].items() if k != "consent"}
    assert not any(r["consent"]["method"] == "signature" for r in plain)
    assert all(photo is None for _r, photo in _pairs(N, 7, "plain"))


def test_attachments_are_real_images_of_realistic_size():
    """Example: a KTP photo is a 1600-px-wide JPEG of 150–400 KB that Qt decodes; a
    signature is a 460×150 grayscale PNG of a few KB, as the signature pad saves it."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage

    pairs = _pairs(N, 7, "attachments")
    photos = [photo for _r, photo in pairs if photo is not None]
    signatures = [base64.b64decode(r["consent"]["signature_png"])
                  for r, _p in pairs if r["consent"]["method"] == "signature"]
    assert 5 <= len(photos) <= 30 and 15 <= len(signatures) <= 50  # ~5% and ~10% of 300
    assert len({*photos}) == len(photos)  # every photo differs
    for photo in photos:
        assert photo.startswith(b"\xff\xd8") and photo.endswith(b"\xff\xd9")
        assert 100_000 <= len(photo) <= 500_000
        image = QImage.fromData(QByteArray(photo), "JPEG")
        assert not image.isNull() and image.width() == 1600 and 900 <= image.height() <= 1020
    for png in signatures:
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and 1_000 <= len(png) <= 20_000
        image = QImage.fromData(QByteArray(png), "PNG")
        assert not image.isNull() and (image.width(), image.height()) == (460, 150)


def test_mix_of_names_optional_fields_and_heirs():
    records = _records(2000, seed=1)
    names = [r["full_name"] for r in records]
    words = Counter(min(len(n.split()), 6) for n in names)
    assert words[1] > 300 and words[5] > 40  # one to five words, many single names
    assert sum(count for w, count in words.items() if w > 5) < 60  # titles, long names only
    assert sum("'" in n or "’" in n for n in names) > 100
    assert any("-" in n for n in names)
    assert sum(" bin " in n or " binti " in n for n in names) > 20
    assert max(len(n) for n in names) > 60 and max(len(n) for n in names) <= 100
    other = sum(not r["nik"].startswith("15") for r in records)
    assert 100 < other < 320  # about 10% issued outside Jambi
    jht = sum("JHT" in r["programs"] for r in records)
    assert 300 < jht < 500  # about 20%
    heirs = Counter(len(r["heirs"]) for r in records)
    assert set(heirs) == {0, 1, 2, 3, 4, 5} and 60 < heirs[0] < 250
    emails = sum(bool(r.get("email")) for r in records)
    assert 200 < emails < 420  # about 15%
    assert 400 < sum("email" not in r for r in records) < 1300  # absent, not just null
    assert sum("work_location" not in r for r in records) > 100
    streets = [r.get("street") or "" for r in records]
    assert sum(len(s) > 80 for s in streets) > 100 and max(map(len, streets)) <= 200
    heir_phones = Counter("phone" in h and h["phone"] is not None for r in records
                          for h in r["heirs"])
    assert heir_phones[True] > heir_phones[False] > 0


def test_volunteer_parts_repeat_a_few_people_and_edit_five_percent():
    parts = list(load_generator().volunteer_parts(4000, 4, per_volunteer=500))
    assert [len(p.records) for p in parts] == [500] * 8
    niks_by_volunteer = [[r["nik"] for r in p.records] for p in parts]
    for niks in niks_by_volunteer:
        assert len(set(niks)) == len(niks)  # add refuses one NIK twice in a file
    everyone = Counter(nik for niks in niks_by_volunteer for nik in niks)
    repeats = sum(count - 1 for count in everyone.values())
    assert 1 <= repeats == sum(p.repeated for p in parts) <= 40
    edits = [edit for p in parts for edit in p.edits]
    assert 130 < len(edits) < 280  # about 5% of 4,000
    for part in parts:
        own = {r["nik"]: r for r in part.records}
        for edit in part.edits:
            assert edit["nik"] in own and edit != own[edit["nik"]]
    _assert_valid(edits[:100], where="edits")
    _assert_valid([r for p in parts for r in p.records][::20], where="parts")
