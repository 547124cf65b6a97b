"""NIK parsing: issuing region, birth date, sex, century, rejections and warnings."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_peduli import reference
from desa_peduli.domain.nik import (
    compare_nik,
    format_nik,
    infer_birth_date,
    mask_nik,
    parse_nik,
)

REGIONS = reference.regions()
TODAY = date(2026, 11, 20)
DISTRICT_CODES = [r.code for r in REGIONS.all("district")]
WOMAN = "1504054203880001"  # born 2 March 1988, issued in Pemayung, Batanghari


def make_nik(district: str, birth: date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "F" else 0)
    return f"{district.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def codes(problems) -> set[str]:
    return {p.code for p in problems}


# ------------------------------------------------------------- examples


def test_example_woman_from_batanghari():
    info = parse_nik(WOMAN, REGIONS, TODAY)
    assert info.ok and not info.warnings
    assert info.birth_date == date(1988, 3, 2)
    assert info.sex == "F"
    assert info.province.name == "Jambi"
    assert info.regency.code == "15.04" and info.regency.name == "Kabupaten Batanghari"
    assert info.district.code == "15.04.05" and info.district.name == "Pemayung"
    assert info.issuing_code == "15.04.05"
    assert info.serial == "0001"


def test_same_nik_as_man():
    info = parse_nik("1504050203880001", REGIONS, TODAY)
    assert info.ok and info.sex == "M" and info.birth_date == date(1988, 3, 2)


def test_spaces_are_ignored():
    assert parse_nik(" 150405 420388 0001 ", REGIONS, TODAY).birth_date == date(1988, 3, 2)
    assert parse_nik("150405 420388 0001", REGIONS, TODAY).nik == WOMAN


@pytest.mark.parametrize("typed", ["150405.420388.0001", "1504-0542-0388-0001",
                                   "15.04.05 420388-0001", "1504\u20130542\u20130388\u20130001"])
def test_nik_typed_with_dots_or_dashes_is_normalised(typed):
    """Worked example: "1504-0542-0388-0001" (grouped as on some forms) is NIK
    1504054203880001, a woman born 2 March 1988: no problem at all, where it used to get
    two errors (not only digits, not 16 digits)."""
    info = parse_nik(typed, REGIONS, TODAY)
    assert info.ok and info.nik == WOMAN and info.birth_date == date(1988, 3, 2)


def test_a_nik_with_letters_gets_one_message_not_two():
    """Worked example: "15040542O388OOO1" (letter O for zero, and too short after all)
    gets the digits message only; the length is checked once the digits are right."""
    assert codes(parse_nik("1504054203880O1", REGIONS, TODAY).errors) == {"nik.digits"}


def test_kemendagri_codes_not_bps():
    # Kemendagri 15.06 is Tanjung Jabung Barat (BPS calls it 15.07); 15.09 is Tebo.
    info = parse_nik("1506014203880001", REGIONS, TODAY)
    assert info.regency.name == "Kabupaten Tanjung Jabung Barat"
    assert parse_nik("1509014203880001", REGIONS, TODAY).regency.name == "Kabupaten Tebo"


def test_holder_from_another_province():
    info = parse_nik("3374014203880001", REGIONS, TODAY)
    assert info.ok and info.regency.name == "Kota Semarang"


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("150405420388000", "nik.length"),
        ("15040542038800011", "nik.length"),
        ("", "nik.length"),
        ("15040542O3880001", "nik.digits"),  # letter O
        ("1504-5420388-0001", "nik.length"),  # the dashes go; 15 digits are left
        ("１５０４０５４２０３８８０００１", "nik.digits"),  # full-width digits
        ("9904054203880001", "nik.province"),
        ("0004054203880001", "nik.province"),
        ("1504050003880001", "nik.day"),
        ("1504053203880001", "nik.day"),
        ("1504054003880001", "nik.day"),
        ("1504057203880001", "nik.day"),
        ("1504054200880001", "nik.month"),
        ("1504054213880001", "nik.month"),
        ("1504053102880001", "nik.date"),  # 31 February
        ("1504057102880001", "nik.date"),  # 31 February, a woman
        ("1504053104880001", "nik.date"),  # 31 April
        ("1504052902010001", "nik.date"),  # 29 Feb 1901/2001: no leap year
        ("1504054203880000", "nik.serial"),
    ],
)
def test_rejected(nik, code):
    info = parse_nik(nik, REGIONS, TODAY)
    assert not info.ok
    assert code in codes(info.errors)
    problem = next(p for p in info.errors if p.code == code)
    assert problem.field == "nik" and problem.message and problem.message_en
    assert problem.message != problem.message_en


def test_letters_reported_before_the_length():
    """Worked example: "15040X" gets "only digits", not also "16 digits": fixing the X
    comes first, and the length message would count the X as a digit."""
    info = parse_nik("15040X", REGIONS, TODAY)
    assert codes(info.errors) == {"nik.digits"}


def test_several_errors_at_once():
    info = parse_nik("9904053213880000", REGIONS, TODAY)
    assert codes(info.errors) == {"nik.province", "nik.day", "nik.month", "nik.serial"}
    assert info.birth_date is None and info.sex is None


@pytest.mark.parametrize(
    ("nik", "code"),
    [("1504994203880001", "nik.district_unknown"), ("1599014203880001", "nik.regency_unknown")],
)
def test_unknown_regency_or_district_only_warns(nik, code):
    info = parse_nik(nik, REGIONS, TODAY)
    assert info.ok
    assert codes(info.warnings) == {code}
    assert info.warnings[0].severity == "warning"
    assert info.birth_date == date(1988, 3, 2) and info.province.code == "15"


# ------------------------------------------------------------- century


@pytest.mark.parametrize(
    ("yy", "month", "expected_year"),
    [
        (88, 3, 1988),  # 2088 is in the future
        (10, 1, 2010),  # 16 years old; 1910 would be 116
        (5, 6, 2005),
        (30, 1, 1930),  # 96 years old
        (20, 1, 2020),  # neither 6 nor 106 is a working age: latest not in the future
        (26, 1, 1926),  # 100 (working range is inclusive) rather than 0
        (11, 12, 2011),  # turns 15 next month: neither fits, latest not in future
    ],
)
def test_century_inference(yy, month, expected_year):
    assert infer_birth_date(1, month, yy, TODAY).year == expected_year


def test_leap_day_picks_the_leap_century():
    info = parse_nik("1504052902000001", REGIONS, TODAY)
    assert info.ok and info.birth_date == date(2000, 2, 29)


# ------------------------------------------------------------- comparisons and display


def test_compare_nik_warns_on_disagreement():
    info = parse_nik(WOMAN, REGIONS, TODAY)
    assert compare_nik(info, date(1988, 3, 2), "F") == []
    assert compare_nik(info, None, None) == []
    assert codes(compare_nik(info, date(1988, 3, 3), "F")) == {"nik.birth_date_mismatch"}
    assert codes(compare_nik(info, date(1988, 3, 2), "M")) == {"nik.sex_mismatch"}
    both = compare_nik(info, date(1989, 3, 2), "M")
    assert codes(both) == {"nik.birth_date_mismatch", "nik.sex_mismatch"}
    assert all(p.severity == "warning" and p.field == "nik" for p in both)


def test_compare_nik_ignores_the_century():
    info = parse_nik("1504050101200001", REGIONS, TODAY)  # read as 2020
    assert compare_nik(info, date(1920, 1, 1), "M") == []


def test_format_and_mask():
    assert format_nik(WOMAN) == "150405 420388 0001"
    assert format_nik(" 1504 0542 0388 0001") == "150405 420388 0001"
    assert format_nik("12345") == "12345"
    assert mask_nik(WOMAN) == "1504********0001"
    assert "420388" not in mask_nik(WOMAN)
    assert mask_nik("12345") == "*****"


def test_messages_never_contain_the_nik():
    for nik in ("9904053213880000", "1504994203880001", "1504053102880001"):
        info = parse_nik(nik, REGIONS, TODAY)
        for p in info.problems:
            assert nik not in p.message and nik not in p.message_en


# ------------------------------------------------------------- properties

births = st.dates(min_value=TODAY.replace(year=TODAY.year - 100) + timedelta(days=1),
                  max_value=TODAY.replace(year=TODAY.year - 15))  # fmt: skip


@settings(max_examples=200)
@given(
    district=st.sampled_from(DISTRICT_CODES),
    birth=births,
    sex=st.sampled_from("FM"),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_valid_nik_round_trips(district, birth, sex, serial):
    nik = make_nik(district, birth, sex, serial)
    info = parse_nik(nik, REGIONS, TODAY)
    assert info.ok, info.errors
    assert not info.warnings
    assert info.birth_date == birth
    assert info.sex == sex
    assert info.district.code == district
    assert info.regency.code == district[:5]
    assert info.province.code == district[:2]
    assert info.serial == f"{serial:04d}"
    assert compare_nik(info, birth, sex) == []
    assert format_nik(nik).replace(" ", "") == nik


@settings(max_examples=200)
@given(st.text(alphabet=string.digits, max_size=40).filter(lambda s: len(s) != 16))
def test_wrong_length_rejected(nik):
    info = parse_nik(nik, REGIONS, TODAY)
    assert not info.ok
    assert "nik.length" in codes(info.errors)


@settings(max_examples=200)
@given(
    digits=st.text(alphabet=string.digits, min_size=16, max_size=16),
    bad=st.characters().filter(lambda c: not (c.isascii() and c.isdigit()) and not c.isspace()
                                and c not in ".-\u2010\u2011\u2012\u2013\u2014\u2015"),
    position=st.integers(min_value=0, max_value=15),
)
def test_any_non_digit_rejected(digits, bad, position):
    nik = digits[:position] + bad + digits[position + 1 :]
    info = parse_nik(nik, REGIONS, TODAY)
    assert not info.ok
    assert "nik.digits" in codes(info.errors)


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_never_raises_on_arbitrary_text(text):
    info = parse_nik(text, REGIONS, TODAY)
    if info.ok:
        assert len(info.nik) == 16 and info.nik.isdigit() and info.nik.isascii()
        assert info.birth_date is not None and info.sex in ("F", "M")
    format_nik(text)
    assert len(mask_nik(text)) == len(info.nik)


@settings(max_examples=100)
@given(st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.integers()), st.binary()))
def test_never_raises_on_non_text(value):
    info = parse_nik(value, REGIONS, TODAY)
    assert not info.ok
