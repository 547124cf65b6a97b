"""Registration validation: every rule reports a fixable problem, all at once, never raises."""

from __future__ import annotations

import base64
import copy
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desa_peduli import reference
from desa_peduli.domain.rates import AgeLimit
from desa_peduli.domain.registration import FIELDS, empty_registration
from desa_peduli.domain.validation import validate
from desa_peduli.reference import default_context

TODAY = date(2026, 11, 20)
CTX = default_context(TODAY)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
NIK = "1504054203880001"  # woman, 1988-03-02
PHONE = "081234567890"

VALID = {
    "nik": NIK,
    "full_name": "Siti Aminah",
    "birth_place": "Jambi",
    "birth_date": "1988-03-02",
    "sex": "F",
    "phone": PHONE,
    "email": None,
    "village_code": "15.04.05.2003",
    "rt": "001",
    "rw": "002",
    "street": "Dusun Satu",
    "occupation": "petani",
    "work_location": "Kebun karet",
    "declared_income": 1_000_000,
    "programs": ["JKK", "JKM"],
    "payment_months": 1,
    "funding_source": "mandiri",
    "heirs": [{"name": "Budi Santoso", "relationship": "suami", "phone": "0813-1111-2222"}],
    "consent": {
        "given": True,
        "at": "2026-11-20T09:30:00+07:00",
        "method": "signature",
        "signature_png": base64.b64encode(PNG).decode(),
    },
}


def record(**changes) -> dict:
    data = copy.deepcopy(VALID)
    for key, value in changes.items():
        if "__" in key:  # consent__method="paper" → data["consent"]["method"]
            outer, inner = key.split("__")
            if outer == "heir":
                data["heirs"][0][inner] = value
            else:
                data[outer][inner] = value
        else:
            data[key] = value
    return data


def codes(result) -> set[str]:
    return {p.code for p in result.problems}


def problem(result, code):
    return next(p for p in result.problems if p.code == code)


# ------------------------------------------------------------- the happy path


def test_valid_record_has_no_problems():
    result = validate(VALID, CTX)
    assert result.ok and result.problems == [] and result.errors == [] and result.warnings == []
    assert list(result.values) == list(FIELDS)
    assert result.values["phone"] == "+6281234567890"
    assert result.values["heirs"] == [
        {"name": "Budi Santoso", "relationship": "suami", "phone": "+6281311112222"}
    ]
    assert result.values["consent"]["signature_png"] == VALID["consent"]["signature_png"]


def test_input_is_not_modified():
    data = copy.deepcopy(VALID)
    validate(data, CTX)
    assert data == VALID


# ------------------------------------------------------------- each rule: broken → fixed

RULES = [
    # (field, code, severity, broken changes)
    ("nik", "nik.required", "error", {"nik": ""}),
    ("nik", "nik.required", "error", {"nik": None}),
    ("nik", "nik.length", "error", {"nik": "150405420388001"}),
    ("nik", "nik.digits", "error", {"nik": "15040542038800O1"}),
    ("nik", "nik.type", "error", {"nik": ["1504054203880001"]}),
    ("nik", "nik.province", "error", {"nik": "9904054203880001"}),
    ("nik", "nik.day", "error", {"nik": "1504057203880001"}),
    ("nik", "nik.month", "error", {"nik": "1504054213880001"}),
    ("nik", "nik.date", "error", {"nik": "1504057102880001"}),
    ("nik", "nik.serial", "error", {"nik": "1504054203880000"}),
    ("nik", "nik.district_unknown", "warning", {"nik": "1504994203880001"}),
    ("nik", "nik.birth_date_mismatch", "warning", {"birth_date": "1988-03-12"}),
    ("nik", "nik.sex_mismatch", "warning", {"sex": "M"}),
    ("full_name", "full_name.required", "error", {"full_name": "  "}),
    ("full_name", "full_name.length", "error", {"full_name": "A" * 101}),
    ("full_name", "full_name.digits", "error", {"full_name": "Siti Aminah 2"}),
    ("full_name", "full_name.chars", "error", {"full_name": "Siti@Aminah"}),
    ("full_name", "full_name.chars", "error", {"full_name": "-"}),
    ("full_name", "full_name.type", "error", {"full_name": {"first": "Siti"}}),
    ("birth_place", "birth_place.required", "error", {"birth_place": None}),
    ("birth_place", "birth_place.length", "error", {"birth_place": "J" * 101}),
    ("birth_date", "birth_date.format", "error", {"birth_date": "2 Maret 1988"}),
    ("birth_date", "birth_date.format", "error", {"birth_date": "1988-02-30"}),
    ("birth_date", "birth_date.required", "error", {"birth_date": None, "nik": "123"}),
    ("birth_date", "birth_date.future", "error",
     {"birth_date": "2027-01-01", "nik": "1504054201270001"}),
    ("birth_date", "birth_date.too_young", "warning",
     {"birth_date": "2013-03-02", "nik": "1504054203130001"}),
    ("birth_date", "birth_date.no_ktp", "warning",
     {"birth_date": "2010-03-02", "nik": "1504054203100001"}),
    ("birth_date", "birth_date.too_old", "warning",
     {"birth_date": "1950-03-02", "nik": "1504054203500001"}),
    ("sex", "sex.invalid", "error", {"sex": "X"}),
    ("sex", "sex.required", "error", {"sex": None, "nik": "123"}),
    ("phone", "phone.required", "error", {"phone": ""}),
    ("phone", "phone.chars", "error", {"phone": "0812-3456-789O"}),
    ("phone", "phone.mobile", "error", {"phone": "0741123456"}),  # a Jambi landline
    ("phone", "phone.mobile", "error", {"phone": "+6012345678901"}),  # Malaysia
    ("phone", "phone.length", "error", {"phone": "08123456"}),
    ("phone", "phone.length", "error", {"phone": "08123456789012"}),
    ("email", "email.invalid", "error", {"email": "siti@"}),
    ("email", "email.invalid", "error", {"email": "siti.example.com"}),
    ("village_code", "village_code.required", "error", {"village_code": None}),
    ("village_code", "village_code.format", "error", {"village_code": "15-04-05-2003"}),
    ("village_code", "village_code.level", "error", {"village_code": "15.04.05"}),
    ("village_code", "village_code.unknown", "error", {"village_code": "15.04.05.2999"}),
    ("rt", "rt.invalid", "error", {"rt": "1234"}),
    ("rt", "rt.invalid", "error", {"rt": "-1"}),
    ("declared_income", "declared_income.top_band", "warning",
     {"declared_income": 150_000_000_000}),
    ("programs", "programs.jht_age", "warning",
     {"programs": ["JKK", "JKM", "JHT"], "birth_date": "1968-03-02", "nik": "1504054203680001"}),
    ("nationality", "nationality.invalid", "error", {"nationality": "Malaysia"}),
    ("no_phone_reason", "no_phone_reason.length", "error",
     {"phone": None, "no_phone_reason": "x" * 201}),
    ("family_phone", "family_phone.mobile", "error",
     {"phone": None, "no_phone_reason": "tidak punya HP", "family_phone": "0741123456"}),
    ("rw", "rw.invalid", "error", {"rw": "RW2"}),
    ("street", "street.length", "error", {"street": "x" * 201}),
    ("work_location", "work_location.type", "error", {"work_location": ["pasar"]}),
    ("occupation", "occupation.required", "error", {"occupation": None}),
    ("occupation", "occupation.unknown", "error", {"occupation": "astronot"}),
    ("declared_income", "declared_income.required", "error", {"declared_income": None}),
    ("declared_income", "declared_income.invalid", "error", {"declared_income": "sejuta"}),
    ("declared_income", "declared_income.invalid", "error", {"declared_income": 1500.5}),
    ("declared_income", "declared_income.negative", "error", {"declared_income": -5}),
    ("declared_income", "declared_income.negative", "error", {"declared_income": "-1.000.000"}),
    ("programs", "programs.base_required", "error", {"programs": ["JKK"]}),
    ("programs", "programs.base_required", "error", {"programs": ["JHT"]}),
    ("programs", "programs.base_required", "error", {"programs": None}),
    ("programs", "programs.unknown", "error", {"programs": ["JKK", "JKM", "JP"]}),
    ("payment_months", "payment_months.invalid", "error", {"payment_months": 2}),
    ("payment_months", "payment_months.invalid", "error", {"payment_months": "dua"}),
    ("payment_months", "payment_months.required", "error", {"payment_months": None}),
    ("funding_source", "funding_source.required", "error", {"funding_source": ""}),
    ("funding_source", "funding_source.unknown", "error", {"funding_source": "bansos"}),
    ("heirs", "heirs.none", "warning", {"heirs": []}),
    ("heirs", "heirs.type", "error", {"heirs": "Budi"}),
    ("heirs[0]", "heir.type", "error", {"heirs": ["Budi"]}),
    ("heirs[0].name", "heir.name.required", "error", {"heir__name": ""}),
    ("heirs[0].name", "heir.name.digits", "error", {"heir__name": "Budi 2"}),
    ("heirs[0].relationship", "heir.relationship.required", "error", {"heir__relationship": None}),
    ("heirs[0].relationship", "heir.relationship.unknown", "error",
     {"heir__relationship": "tetangga"}),
    ("heirs[0].phone", "heir.phone.mobile", "error", {"heir__phone": "0741123456"}),
    ("consent", "consent.required", "error", {"consent": None}),
    ("consent", "consent.type", "error", {"consent": "ya"}),
    ("consent.given", "consent.given", "error", {"consent__given": False}),
    ("consent.given", "consent.given", "error", {"consent__given": "tidak"}),
    ("consent.method", "consent.method", "error", {"consent__method": "email"}),
    ("consent.witness", "consent.witness", "error", {"consent__method": "verbal_witnessed"}),
    ("consent.reference", "consent.reference", "error", {"consent__method": "paper"}),
    ("consent.signature_png", "consent.signature", "error", {"consent__signature_png": None}),
    ("consent.signature_png", "consent.signature_invalid", "error",
     {"consent__signature_png": "bm90IGEgcG5n"}),
    ("consent.signature_png", "consent.signature_invalid", "error",
     {"consent__signature_png": "%%%"}),
    ("consent.at", "consent.at", "error", {"consent__at": None}),
    ("consent.at", "consent.at_format", "error", {"consent__at": "kemarin"}),
    ("consent.at", "consent.at_future", "warning", {"consent__at": "2027-01-01T08:00:00+07:00"}),
]  # fmt: skip


@pytest.mark.parametrize(("field", "code", "severity", "changes"), RULES,
                         ids=[f"{r[1]}-{i}" for i, r in enumerate(RULES)])  # fmt: skip
def test_rule_reports_a_fixable_problem(field, code, severity, changes):
    broken = validate(record(**changes), CTX)
    assert code in codes(broken), broken.problems
    p = problem(broken, code)
    assert p.field == field
    assert p.severity == severity
    assert broken.ok is (severity == "warning" and not broken.errors)
    assert len(p.message) > 20 and len(p.message_en) > 20 and p.message != p.message_en
    assert p.to_dict()["message_en"] == p.message_en
    # personal data never appears in a message
    for secret in (NIK, PHONE, "Siti Aminah", "Budi Santoso"):
        assert secret not in p.message and secret not in p.message_en
    # fixed (the valid record): the problem is gone
    assert code not in codes(validate(VALID, CTX))


def test_all_problems_are_returned_at_once():
    broken = record(
        nik="15040542038800",
        full_name="",
        phone="12345",
        village_code="99.99.99.9999",
        occupation="astronot",
        declared_income=-1,
        programs=["JHT"],
        payment_months=5,
        funding_source="bansos",
        heirs=[{"name": "", "relationship": "x"}],
        consent={"given": False, "method": "paper"},
    )
    result = validate(broken, CTX)
    expected = {
        "nik.length", "full_name.required", "phone.mobile", "village_code.unknown",
        "occupation.unknown", "declared_income.negative", "programs.base_required",
        "payment_months.invalid", "funding_source.unknown", "heir.name.required",
        "heir.relationship.unknown", "consent.given", "consent.reference", "consent.at",
    }  # fmt: skip
    assert expected <= codes(result)
    assert not result.ok
    assert len(result.errors) >= len(expected)
    assert {p.field for p in result.for_field("heirs")} == {"heirs[0].name",
                                                           "heirs[0].relationship"}


# ------------------------------------------------------------- names


@pytest.mark.parametrize(
    "name",
    ["Siti Nur'aini", "Siti Nur’aini", "Abdul-Karim", "Sutrisno", "Ni Luh Putu Ayu",
     "Muh. Ridwan, S.Pd", "Zoë Ñúñez", "王小明", "محمد", "Nguyễn Thị Hương"],
)  # fmt: skip
def test_names_accepted(name):
    result = validate(record(full_name=name), CTX)
    assert result.ok, result.problems
    assert result.values["full_name"] == name


def test_name_spaces_collapsed_and_nfc():
    result = validate(record(full_name="  Siti   Nur\u2019aini \t"), CTX)
    assert result.values["full_name"] == "Siti Nur’aini"
    decomposed = "Zoe\u0308"
    assert validate(record(full_name=decomposed), CTX).values["full_name"] == "Zoë"


# ------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "phone",
    ["081234567890", "0812-3456-7890", "0812 3456 7890", "+6281234567890", "+62 812-3456-7890",
     "6281234567890", "(0812) 3456.7890", 81234567890,
     # worked example: the trunk 0 written in brackets after the country code
     "+62 (0)812 3456 7890", "+62(0)81234567890", "62 (0)812-3456-7890"],
)  # fmt: skip
def test_phone_normalised(phone):
    result = validate(record(phone=phone), CTX)
    assert result.ok, result.problems
    assert result.values["phone"] == "+6281234567890"


@pytest.mark.parametrize(("typed", "sex"), [("L", "M"), ("p", "F"), ("perempuan", "F"),
                                            ("Laki-laki", "M"), ("f", "F"), (" M ", "M")])
def test_sex_accepts_indonesian_letters(typed, sex):
    nik = NIK if sex == "F" else "1504050203880001"
    result = validate(record(sex=typed, nik=nik), CTX)
    assert result.ok and result.values["sex"] == sex


@pytest.mark.parametrize(
    "income",
    [1_500_000, "1500000", "1.500.000", "Rp1.500.000", "Rp 1.500.000", "Rp. 1.500.000,00",
     "1,500,000", "1500000.0", 1_500_000.0],
)  # fmt: skip
def test_income_formats(income):
    result = validate(record(declared_income=income), CTX)
    assert result.ok, result.problems
    assert result.values["declared_income"] == 1_500_000


def test_zero_income_allowed():
    assert validate(record(declared_income=0), CTX).values["declared_income"] == 0


@pytest.mark.parametrize(("typed", "programs"), [
    ("JKK,JKM,JHT", ["JKK", "JKM", "JHT"]),
    ("jkm + jkk", ["JKK", "JKM"]),
    (["JHT", "JKM", "JKK", "JKK"], ["JKK", "JKM", "JHT"]),
    ('["JKK", "JKM"]', ["JKK", "JKM"]),
])  # fmt: skip
def test_programs_forms(typed, programs):
    result = validate(record(programs=typed), CTX)
    assert result.ok and result.values["programs"] == programs


@pytest.mark.parametrize("months", [1, 3, 6, 12, "12", 6.0])
def test_payment_months(months):
    result = validate(record(payment_months=months), CTX)
    assert result.ok and result.values["payment_months"] == int(months)


def test_address_normalised():
    result = validate(record(village_code="1504052003", rt="1", rw=12, street="  Jl.  Lintas "),
                      CTX)  # fmt: skip
    assert result.ok
    assert result.values["village_code"] == "15.04.05.2003"
    assert (result.values["rt"], result.values["rw"]) == ("001", "012")
    assert result.values["street"] == "Jl. Lintas"
    empty = validate(record(rt=None, rw="", street=None, work_location=""), CTX)
    assert empty.ok
    assert (empty.values["rt"], empty.values["rw"], empty.values["street"]) == ("", "", None)


def test_kelurahan_accepted():
    assert validate(record(village_code="15.04.05.1002"), CTX).ok


def test_email_optional_and_lowercased():
    assert validate(record(email=""), CTX).values["email"] is None
    assert validate(record(email=" Siti@Contoh.CO.id "), CTX).values["email"] == "siti@contoh.co.id"


def test_codes_normalised():
    result = validate(record(occupation="Ojek Daring", funding_source=" DUMISAKE",
                             heirs=[{"name": "Ani", "relationship": "Orang Tua"}]), CTX)
    assert result.ok, result.problems
    assert result.values["occupation"] == "ojek_daring"
    assert result.values["funding_source"] == "dumisake"
    assert result.values["heirs"] == [{"name": "Ani", "relationship": "orang_tua", "phone": None}]


def test_dates_in_other_forms():
    for typed in ("02-03-1988", "02/03/1988", date(1988, 3, 2), datetime(1988, 3, 2, 0, 0)):
        result = validate(record(birth_date=typed), CTX)
        assert result.ok and result.values["birth_date"] == "1988-03-02"


def test_nik_from_spreadsheet_number():
    result = validate(record(nik=1504054203880001), CTX)
    assert result.ok and result.values["nik"] == NIK
    assert validate(record(nik=" 150405 420388 0001"), CTX).values["nik"] == NIK


# ------------------------------------------------------------- NIK fills birth date and sex


def test_birth_date_and_sex_filled_from_nik():
    result = validate(record(birth_date=None, sex=""), CTX)
    assert result.ok, result.problems
    assert result.values["birth_date"] == "1988-03-02"
    assert result.values["sex"] == "F"


def test_not_filled_from_an_invalid_nik():
    result = validate(record(birth_date=None, sex=None, nik="1504054203880000"), CTX)
    assert {"birth_date.required", "sex.required", "nik.serial"} <= codes(result)
    assert result.values["birth_date"] is None


def test_typed_values_win_over_nik_with_a_warning():
    result = validate(record(birth_date="1988-03-12", sex="M"), CTX)
    assert result.ok
    assert result.values["birth_date"] == "1988-03-12" and result.values["sex"] == "M"
    assert {"nik.birth_date_mismatch", "nik.sex_mismatch"} <= codes(result)


def test_age_message_is_clear():
    """Worked example: born 2 March 2013, consent on 20 November 2026: age 13, under 15,
    which no current BPU rule sets, so it warns and the registration can be saved."""
    result = validate(record(nik="1504054203130001", birth_date=None), CTX)
    p = problem(result, "birth_date.too_young")
    assert p.message.startswith("Umur 13 tahun pada tanggal pendaftaran (2026-11-20): di bawah "
                                "15 tahun")
    assert p.message_en.startswith("Age 13 on the registration date (2026-11-20):")
    assert p.severity == "warning" and result.ok


def test_age_limits_come_from_context():
    old = record(nik="1504054203500001", birth_date=None)
    assert "birth_date.too_old" in codes(validate(old, CTX))
    eighty = AgeLimit("max", "max", 80, False, "test", "di atas 80", "over 80")
    assert codes(validate(old, replace(CTX, age_limits=(eighty,)))) == set()


def test_a_sourced_limit_refuses_an_unsourced_one_warns():
    """Worked example: age 76 (born 2 March 1950, registered 20 Nov 2026) against a max of
    65: a warning while the limit names no current rule, an error once it does."""
    old = record(nik="1504054203500001", birth_date=None)
    assert problem(validate(old, CTX), "birth_date.too_old").severity == "warning"
    sourced = AgeLimit("max", "max", 65, True, "a rule", "di atas 65 tahun", "over 65")
    refused = validate(old, replace(CTX, age_limits=(sourced,)))
    assert problem(refused, "birth_date.too_old").severity == "error" and not refused.ok


def test_age_boundaries():
    fifteen_today = record(nik="1504052011110001", birth_date="2011-11-20", sex="M")
    assert "birth_date.too_young" not in codes(validate(fifteen_today, CTX))
    day_short = record(nik="1504052111110001", birth_date="2011-11-21", sex="M")
    assert "birth_date.too_young" in codes(validate(day_short, CTX))


def test_under_17_warns_no_ktp_yet_once():
    """Worked example: born 20 Nov 2011, 15 on 20 Nov 2026: one warning, "under 17, copy
    the NIK from the family card", not also "under 15"; at 13 only "under 15" shows."""
    fifteen = validate(record(nik="1504052011110001", birth_date="2011-11-20", sex="M"), CTX)
    assert [p.code for p in fifteen.problems] == ["birth_date.no_ktp"] and fifteen.ok
    assert "Kartu Keluarga" in fifteen.problems[0].message
    thirteen = validate(record(nik="1504054203130001", birth_date=None), CTX)
    assert [p.code for p in thirteen.problems] == ["birth_date.too_young"]


def test_age_is_measured_on_the_consent_date_not_today():
    """Worked example: born 21 Nov 1960, consent given 20 Nov 2026 (aged 65), checked at
    the branch on 10 Jan 2027 (aged 66 by then): still 65, so no "over 65" warning."""
    person = record(nik="1504052111600001", birth_date="1960-11-21", sex="M",
                    consent__at="2026-11-20T09:30:00+07:00")
    later = default_context(date(2027, 1, 10))
    assert "birth_date.too_old" not in codes(validate(person, later))
    registered_later = record(nik="1504052111600001", birth_date="1960-11-21", sex="M",
                              consent__at="2026-12-01T09:30:00+07:00")
    assert "birth_date.too_old" in codes(validate(registered_later, later))


def test_age_without_a_consent_date_is_measured_today():
    """Worked example: a draft without consent (yet), born 21 Nov 1960: 65 on 20 Nov 2026."""
    person = record(nik="1504052111600001", birth_date="1960-11-21", sex="M", consent=None)
    assert "birth_date.too_old" not in codes(validate(person, CTX))


def test_every_shipped_age_limit_names_its_source():
    limits = reference.rate_table().age_limits
    assert {(a.code, a.years, a.refuses) for a in limits} == {
        ("min", 15, False), ("no_ktp", 17, False), ("max", 65, False)}
    assert all(len(a.source) > 20 for a in limits)


def test_income_in_the_top_band_warns():
    """Worked example: Rp150.000.000.000 a month (the top band starts at Rp20.200.000)
    warns and names the base it is charged on (Rp20.700.000); Rp20.199.999 does not."""
    result = validate(record(declared_income=150_000_000_000), CTX)
    p = problem(result, "declared_income.top_band")
    assert result.ok and "Rp20.200.000" in p.message and "Rp20.700.000" in p.message
    assert "declared_income.top_band" not in codes(validate(record(declared_income=20_199_999),
                                                           CTX))


@pytest.mark.parametrize("typed", ["0", "000", "00", 0])
def test_rt_rw_zero_means_none(typed):
    """Worked example: an e-KTP prints "RT/RW 000/000" where there is none: stored as
    empty, no error."""
    result = validate(record(rt=typed, rw=typed), CTX)
    assert result.ok and not result.problems
    assert (result.values["rt"], result.values["rw"]) == ("", "")


def test_jht_chosen_at_56_warns():
    """Worked example: born 2 March 1970, consent 20 Nov 2026: age 56, the JHT pay-out age
    (Permenaker 4/2022), so JHT warns; at 55 (born 21 Nov 1970) it does not."""
    at_56 = validate(record(nik="1504054203700001", birth_date="1970-03-02",
                            programs=["JKK", "JKM", "JHT"]), CTX)
    assert problem(at_56, "programs.jht_age").severity == "warning" and at_56.ok
    at_55 = record(nik="1504056111700001", birth_date="1970-11-21", programs="JKK,JKM,JHT")
    assert "programs.jht_age" not in codes(validate(at_55, CTX))
    no_jht = record(nik="1504054203700001", birth_date="1970-03-02")
    assert "programs.jht_age" not in codes(validate(no_jht, CTX))


def test_nationality_defaults_to_wni():
    """Worked example: a record from before nationality was asked (none) is WNI; "wna"
    (a foreigner with a KITAP, who has a NIK) is kept as WNA."""
    assert validate(record(), CTX).values["nationality"] == "WNI"
    assert validate(record(nationality="wna"), CTX).values["nationality"] == "WNA"


def test_worker_without_phone_registers_with_a_reason():
    """Worked example: no phone, reason "tidak punya HP", the daughter's 0813-1111-2222:
    saved with the reason and the family number as +6281311112222."""
    result = validate(record(phone="", no_phone_reason="  tidak punya HP ",
                             family_phone="0813-1111-2222"), CTX)
    assert result.ok, result.problems
    assert result.values["phone"] is None
    assert result.values["no_phone_reason"] == "tidak punya HP"
    assert result.values["family_phone"] == "+6281311112222"
    no_family = validate(record(phone=None, no_phone_reason="HP rusak"), CTX)
    assert no_family.ok and no_family.values["family_phone"] is None
    neither = validate(record(phone=None), CTX)
    assert "phone.required" in codes(neither) and "alasan" in problem(
        neither, "phone.required").message


def test_reason_dropped_once_the_worker_has_a_phone():
    result = validate(record(no_phone_reason="tidak punya HP", family_phone="081311112222"), CTX)
    assert result.ok
    assert (result.values["no_phone_reason"], result.values["family_phone"]) == (None, None)


# ------------------------------------------------------------- consent


def test_consent_methods():
    verbal = record(consent__method="verbal_witnessed", consent__witness="Pak Kades")
    assert validate(verbal, CTX).ok
    assert validate(verbal, CTX).values["consent"]["witness"] == "Pak Kades"
    paper = record(consent__method="paper", consent__reference="F-2026-0117")
    assert validate(paper, CTX).values["consent"]["reference"] == "F-2026-0117"
    assert validate(paper, CTX).ok


def test_signature_image_optional_when_context_says_so():
    unsigned = record(consent__signature_png=None)
    assert "consent.signature" in codes(validate(unsigned, CTX))
    cli = default_context(TODAY, require_signature_image=False)
    assert validate(unsigned, cli).ok


def test_signature_bytes_become_base64():
    result = validate(record(consent__signature_png=PNG), CTX)
    assert result.ok
    assert base64.b64decode(result.values["consent"]["signature_png"]) == PNG


def test_consent_given_as_text_from_csv():
    result = validate(record(consent__given="ya"), CTX)
    assert result.ok and result.values["consent"]["given"] is True


def test_consent_at_normalised():
    result = validate(record(consent__at=datetime(2026, 11, 20, 9, 30)), CTX)
    assert result.ok and result.values["consent"]["at"] == "2026-11-20T09:30:00"


def test_json_cells_from_csv():
    flat = record(heirs=json.dumps(VALID["heirs"]), consent=json.dumps(VALID["consent"]),
                  programs="JKK,JKM")  # fmt: skip
    result = validate(flat, CTX)
    assert result.ok, result.problems
    assert result.values["heirs"] == validate(VALID, CTX).values["heirs"]


def test_many_heirs_indexed():
    heirs = [{"name": "Ani", "relationship": "anak"}, {"name": "Budi 2", "relationship": "anak"},
             {"name": "Cici", "relationship": "?"}]  # fmt: skip
    result = validate(record(heirs=heirs), CTX)
    fields = {p.field for p in result.errors}
    assert fields == {"heirs[1].name", "heirs[2].relationship"}


# ------------------------------------------------------------- garbage in, problems out

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.binary(max_size=30) | st.dates() | st.datetimes(),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["name", "relationship", "phone", "given", "at", "method",
                                       "witness", "reference", "signature_png", "x"]) | st.text(max_size=5),
                      inner, max_size=5),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*FIELDS, "id", "extra"]), junk, max_size=len(FIELDS)))
def test_never_raises_on_junk_records(data):
    result = validate(data, CTX)
    assert list(result.values) == list(FIELDS)
    for p in result.problems:
        assert p.message and p.message_en and p.field is not None
    json.dumps([p.to_dict() for p in result.problems])


@settings(max_examples=150)
@given(field=st.sampled_from(FIELDS), value=junk)
def test_never_raises_on_one_junk_field(field, value):
    result = validate(record(**{field: value}), CTX)
    assert list(result.values) == list(FIELDS)


@settings(max_examples=50)
@given(junk)
def test_never_raises_on_junk_top_level(value):
    result = validate(value, CTX)
    assert not result.ok


def test_empty_registration_lists_what_is_missing():
    result = validate(empty_registration(), CTX)
    assert {"nik.required", "full_name.required", "phone.required", "village_code.required",
            "occupation.required", "declared_income.required", "consent.given"} <= codes(result)


def test_domain_layer_is_pure():
    code = ("import sys, desa_peduli.domain.validation, desa_peduli.domain.rates, "
            "desa_peduli.domain.nik, desa_peduli.domain.regions; "
            "bad = [m for m in ('sqlite3', 'PySide6', 'desa_peduli.reference', "
            "'desa_peduli.storage') if m in sys.modules]; print(bad); sys.exit(bool(bad))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
