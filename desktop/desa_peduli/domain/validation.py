"""Validation of a raw registration dict: normalised values plus every problem at once.

``validate(data, ctx)`` accepts what a form, a CSV/XLSX row or a JSON line gives (strings,
numbers, ``None``, lists, nested junk), never raises, and returns the values normalised
over ``registration.FIELDS`` with a ``Problem`` per issue: an Indonesian message saying
how to fix it and its English twin. Errors block a registration; warnings are for the
volunteer to check. Messages never repeat a NIK, a name or a phone number.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Final, Literal

from desa_peduli.domain.nik import NikInfo, age_on, compare_nik, parse_nik
from desa_peduli.domain.problems import ERROR, WARNING, Problem
from desa_peduli.domain.rates import DEFAULT_AGE_LIMITS, AgeLimit, RateTable
from desa_peduli.domain.regions import VILLAGE, Region, RegionLookup, from_digits, level_of
from desa_peduli.domain.registration import FIELDS

PROGRAMS = ("JKK", "JKM", "JHT")
REQUIRED_PROGRAMS = ("JKK", "JKM")
CONSENT_METHODS = ("signature", "verbal_witnessed", "paper")
NATIONALITIES = ("WNI", "WNA")  # a WNA holding a KITAP has a NIK too
NAME_MAX = 100
TEXT_MAX = 200
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

_NAME_PUNCTUATION = frozenset(" '’-.,")
# Fast path for the usual name (Latin letters and the allowed punctuation); any other
# text goes through the per-character Unicode check, which decides the same way.
_PLAIN_NAME = re.compile(r"[A-Za-z '’\-.,]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_PLUS_DIGITS = re.compile(r"\+?[0-9]+")
_CODE_SEPARATORS = re.compile(r"[\s\-]+")
_SEX = {
    "F": "F", "P": "F", "PEREMPUAN": "F", "WANITA": "F", "FEMALE": "F",
    "M": "M", "L": "M", "LAKI-LAKI": "M", "LAKI LAKI": "M", "LAKI": "M", "PRIA": "M",
    "MALE": "M",
}  # fmt: skip
_TRUE = frozenset({"true", "1", "ya", "yes", "y"})
_PHONE_STRIP = re.compile(r"[\s\-.()/]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_RT_RW = re.compile(r"\d{1,3}")
_INCOME_PLAIN = re.compile(r"\d+")
_INCOME_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")  # 1.500.000 or 1.500.000,00
_INCOME_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?")  # 1,500,000 or 1,500,000.00
_INCOME_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")  # 1500000,00 / 1500000.0
_MAX_DIGITS = 15


@dataclass(frozen=True)
class ValidationContext:
    """Reference data and settings validation needs (see ``reference.default_context``)."""

    regions: RegionLookup
    occupations: Mapping[str, bool]  # code → transport sector
    funding_sources: Mapping[str, tuple[bool, bool]]  # code → (public_budget, funder_pays)
    heir_relationships: frozenset[str]
    rate_table: RateTable | None
    today: date
    age_limits: tuple[AgeLimit, ...] = DEFAULT_AGE_LIMITS
    jht_age: int | None = None
    payment_months: tuple[int, ...] = (1, 3, 6, 12)
    require_signature_image: bool = True  # the CLI may accept consent without the image
    funded_bands: Mapping[str, int] = field(default_factory=dict)  # funder code → band it pays


@dataclass
class Validated:
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, name: str) -> list[Problem]:
        """Problems of one field (``"heirs"`` also matches ``"heirs[0].name"``)."""
        return [p for p in self.problems if p.field == name or p.field.startswith(name + "[")
                or p.field.startswith(name + ".")]


def validate(data: object, ctx: ValidationContext) -> Validated:
    """Check and normalise one registration; never raises on bad input."""
    return _Validator(ctx).run(data)


class _Validator:
    def __init__(self, ctx: ValidationContext):
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.as_of = ctx.today  # the registration's own date (its consent date), see run()
        self.age: int | None = None  # on ``as_of``, once the birth date is known

    # -- recording

    def error(self, field_name: str, code: str, message: str, message_en: str) -> None:
        self.problems.append(Problem(field_name, code, message, ERROR, message_en))

    def warning(self, field_name: str, code: str, message: str, message_en: str) -> None:
        self.problems.append(Problem(field_name, code, message, WARNING, message_en))

    def type_error(self, field_name: str, code: str, what_id: str, what_en: str) -> None:
        self.error(
            field_name,
            code,
            f"Isian {what_id} tidak terbaca (bukan teks). Ketik ulang isiannya.",
            f"The {what_en} could not be read (not text). Type it again.",
        )

    # -- the record

    def run(self, data: object) -> Validated:
        if not isinstance(data, Mapping):
            self.error(
                "",
                "record.type",
                "Data pendaftaran tidak terbaca (bukan daftar isian). Isi ulang formulirnya.",
                "The registration could not be read (not a set of fields). Fill in the form again.",
            )
            data = {}
        self.as_of = _registration_date(data.get("consent"), self.ctx.today)
        values: dict[str, Any] = {}
        nik_info = self.nik(data.get("nik"), values)
        values["full_name"] = self.name(data.get("full_name"), "full_name", "full_name",
                                        "nama lengkap", "full name")
        values["birth_place"] = self.birth_place(data.get("birth_place"))
        self.birth_and_sex(nik_info, data.get("birth_date"), data.get("sex"), values)
        values["nationality"] = self.nationality(data.get("nationality"))
        self.contact(data, values)
        values["email"] = self.email(data.get("email"))
        values["village_code"] = self.village(data.get("village_code"))
        values["rt"] = self.rt_rw(data.get("rt"), "rt", "RT")
        values["rw"] = self.rt_rw(data.get("rw"), "rw", "RW")
        values["street"] = self.optional_text(data.get("street"), "street", "jalan/dusun",
                                              "street")
        values["occupation"] = self.occupation(data.get("occupation"))
        values["work_location"] = self.optional_text(data.get("work_location"), "work_location",
                                                     "lokasi kerja", "work location")
        values["declared_income"] = self.income(data.get("declared_income"))
        values["programs"] = self.programs(data.get("programs"))
        values["payment_months"] = self.payment_months(data.get("payment_months"))
        self.jht_age(values["programs"])
        values["funding_source"] = self.funding(data.get("funding_source"))
        self.funded_income(values.get("funding_source"), values.get("declared_income"))
        values["heirs"] = self.heirs(data.get("heirs"))
        values["consent"] = self.consent(data.get("consent"))
        return Validated({name: values.get(name) for name in FIELDS}, self.problems)

    # -- identity

    def nik(self, raw: object, values: dict[str, Any]) -> NikInfo | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            values["nik"] = ""
            self.error("nik", "nik.required",
                       "NIK wajib diisi: salin 16 angka NIK dari KTP.",
                       "The NIK is required: copy the 16 digits from the KTP.")
            return None
        text = _number_text(raw)
        if text is None:
            values["nik"] = ""
            self.type_error("nik", "nik.type", "NIK", "NIK")
            return None
        info = parse_nik(text, self.ctx.regions, self.ctx.today)
        values["nik"] = info.nik
        self.problems.extend(info.errors)
        self.problems.extend(info.warnings)
        return info

    def name(self, raw: object, field_name: str, code: str, what_id: str, what_en: str) -> str | None:
        text = _text(raw)
        if text is _BAD:
            self.type_error(field_name, f"{code}.type", what_id, what_en)
            return None
        if not text:
            self.error(field_name, f"{code}.required",
                       f"Isi {what_id} sesuai KTP (satu nama saja juga boleh).",
                       f"Enter the {what_en} as on the KTP (a single name is fine).")
            return None
        text = unicodedata.normalize("NFC", text)
        if len(text) > NAME_MAX:
            self.error(field_name, f"{code}.length",
                       f"{what_id.capitalize()} terlalu panjang ({len(text)} huruf, maksimal "
                       f"{NAME_MAX}). Tulis nama sesuai KTP.",
                       f"The {what_en} is too long ({len(text)} characters, at most "
                       f"{NAME_MAX}). Write the name as on the KTP.")
        # ASCII letters and name punctuation (most names): no digit, and one letter will do
        plain = _PLAIN_NAME.fullmatch(text) is not None
        if not plain and any(ch.isdigit() for ch in text):
            self.error(field_name, f"{code}.digits",
                       f"{what_id.capitalize()} tidak boleh berisi angka. Hapus angkanya dan "
                       "tulis nama sesuai KTP.",
                       f"The {what_en} cannot contain digits. Remove them and write the name "
                       "as on the KTP.")
        elif not (_ASCII_LETTER.search(text) if plain else (
                all(_name_char(ch) for ch in text) and any(ch.isalpha() for ch in text))):
            self.error(field_name, f"{code}.chars",
                       f"{what_id.capitalize()} hanya boleh berisi huruf, spasi dan tanda "
                       "' ’ - . , — hapus tanda lainnya.",
                       f"The {what_en} may only contain letters, spaces and ' ’ - . , — "
                       "remove other signs.")
        return text

    def birth_place(self, raw: object) -> str | None:
        text = _text(raw)
        if text is _BAD:
            self.type_error("birth_place", "birth_place.type", "tempat lahir", "place of birth")
            return None
        if not text:
            self.error("birth_place", "birth_place.required",
                       "Isi tempat lahir sesuai KTP (kota atau kabupaten).",
                       "Enter the place of birth as on the KTP (town or regency).")
            return None
        if len(text) > NAME_MAX:
            self.error("birth_place", "birth_place.length",
                       f"Tempat lahir terlalu panjang (maksimal {NAME_MAX} huruf). "
                       "Tulis nama kota atau kabupaten saja.",
                       f"The place of birth is too long (at most {NAME_MAX} characters). "
                       "Write only the town or regency.")
        return text

    def birth_date(self, raw: object) -> date | None:
        if _blank(raw):
            return None
        parsed = _parse_date(raw)
        if parsed is None:
            self.error("birth_date", "birth_date.format",
                       "Tanggal lahir tidak terbaca. Tulis tahun-bulan-tanggal, "
                       "mis. 1988-03-02.",
                       "The date of birth could not be read. Write year-month-day, "
                       "e.g. 1988-03-02.")
        return parsed

    def sex(self, raw: object) -> str | None:
        if _blank(raw):
            return None
        key = " ".join(raw.split()).upper() if isinstance(raw, str) else None
        sex = _SEX.get(key) if key else None
        if sex is None:
            self.error("sex", "sex.invalid",
                       "Jenis kelamin harus L (laki-laki) atau P (perempuan).",
                       "Sex must be M (male) or F (female); L/P are accepted too.")
        return sex

    def birth_and_sex(self, info: NikInfo | None, raw_birth: object, raw_sex: object,
                      values: dict[str, Any]) -> None:
        """Typed birth date and sex, filled from a valid NIK when left empty."""
        typed_birth = self.birth_date(raw_birth)
        typed_sex = self.sex(raw_sex)
        valid_nik = info if info is not None and info.ok else None
        if valid_nik is not None:
            self.problems.extend(compare_nik(valid_nik, typed_birth, typed_sex))
        birth, sex = typed_birth, typed_sex
        if _blank(raw_birth):
            birth = valid_nik.birth_date if valid_nik is not None else None
            if birth is None:
                self.error("birth_date", "birth_date.required",
                           "Isi tanggal lahir (tahun-bulan-tanggal, mis. 1988-03-02), atau isi "
                           "NIK yang benar agar terisi otomatis.",
                           "Enter the date of birth (year-month-day, e.g. 1988-03-02), or a "
                           "valid NIK to fill it in automatically.")
        if _blank(raw_sex):
            sex = valid_nik.sex if valid_nik is not None else None
            if sex is None:
                self.error("sex", "sex.required",
                           "Pilih jenis kelamin: L (laki-laki) atau P (perempuan), atau isi "
                           "NIK yang benar agar terisi otomatis.",
                           "Choose the sex: M or F, or enter a valid NIK to fill it in "
                           "automatically.")
        if birth is not None:
            self.check_age(birth)
            values["birth_date"] = birth.isoformat()
        else:  # keep what was typed so the form can show it next to the error
            values["birth_date"] = raw_birth.strip() if isinstance(raw_birth, str) else None
        if sex is not None:
            values["sex"] = sex
        else:
            values["sex"] = raw_sex.strip() if isinstance(raw_sex, str) else None

    def check_age(self, birth: date) -> None:
        """Age on the registration's own date (``as_of``), against the rate table's limits:
        a limit refuses only when a current rule says so, otherwise it warns."""
        if birth > self.ctx.today:
            self.error("birth_date", "birth_date.future",
                       "Tanggal lahir ada di masa depan. Periksa tahunnya pada KTP.",
                       "The date of birth is in the future. Check the year on the KTP.")
            return
        age = self.age = age_on(birth, self.as_of)
        below = [a for a in self.ctx.age_limits if a.bound == "min" and a.outside(age)]
        above = [a for a in self.ctx.age_limits if a.bound == "max" and a.outside(age)]
        # only the most telling limit of each side: under 15 says more than under 17
        for limit in (min(below, key=lambda a: a.years, default=None),
                      max(above, key=lambda a: a.years, default=None)):
            if limit is not None:
                self.age_limit(limit, age)

    def age_limit(self, limit: AgeLimit, age: int) -> None:
        code = {"min": "birth_date.too_young", "max": "birth_date.too_old"}.get(
            limit.code, f"birth_date.{limit.code}")
        when = self.as_of.isoformat()
        head_id = f"Umur {age} tahun pada tanggal pendaftaran ({when}): {limit.reason_id}."
        head_en = f"Age {age} on the registration date ({when}): {limit.reason_en}."
        if limit.refuses:
            self.error("birth_date", code,
                       f"{head_id} Periksa tanggal lahir; jika sudah benar, belum bisa "
                       "didaftarkan sebagai BPU.",
                       f"{head_en} Check the date of birth; if it is right, they cannot "
                       "register as BPU.")
        else:
            self.warning("birth_date", code,
                         f"{head_id} Periksa tanggal lahir; jika sudah benar, pendaftaran "
                         "tetap boleh disimpan.",
                         f"{head_en} Check the date of birth; if it is right, the "
                         "registration can still be saved.")

    def nationality(self, raw: object) -> str | None:
        """WNI by default (older records have none); WNA only with a KITAP, which gives a NIK."""
        code = _text(raw)
        if code is _BAD:
            self.type_error("nationality", "nationality.type", "kewarganegaraan", "nationality")
            return None
        code = code.upper()
        if not code:
            return "WNI"
        if code not in NATIONALITIES:
            self.error("nationality", "nationality.invalid",
                       "Kewarganegaraan harus WNI atau WNA (WNA hanya dengan KITAP, yang "
                       "memberi NIK).",
                       "Nationality must be WNI (Indonesian) or WNA (foreign, only with a "
                       "KITAP, which gives a NIK).")
        return code

    # -- contact and address

    def contact(self, data: Mapping[str, Any], values: dict[str, Any]) -> None:
        """The worker's phone; without one, the reason (and optionally a family member's
        number) instead. Both are dropped once the worker's own number is there."""
        reason = _text(data.get("no_phone_reason"))
        if reason is _BAD:
            self.type_error("no_phone_reason", "no_phone_reason.type", "alasan tanpa HP",
                            "reason for no phone")
            reason = ""
        own = self.phone(data.get("phone"), "phone", "phone", required=not reason)
        values["phone"] = own
        if not _blank(data.get("phone")):
            values["no_phone_reason"] = values["family_phone"] = None
            return
        if len(reason) > TEXT_MAX:
            self.error("no_phone_reason", "no_phone_reason.length",
                       f"Alasan tanpa HP terlalu panjang (maksimal {TEXT_MAX} huruf). Persingkat.",
                       f"The reason for having no phone is too long (at most {TEXT_MAX} "
                       "characters). Shorten it.")
        values["no_phone_reason"] = reason or None
        values["family_phone"] = self.phone(data.get("family_phone"), "family_phone",
                                            "family_phone", required=False)

    def phone(self, raw: object, field_name: str, code: str, *, required: bool) -> str | None:
        if _blank(raw):
            if required:
                self.error(field_name, f"{code}.required",
                           "Isi nomor HP yang aktif, mis. 0812 3456 7890; jika peserta tidak "
                           "punya HP, isi alasannya.",
                           "Enter an active mobile number, e.g. 0812 3456 7890; if the worker "
                           "has no phone, enter the reason.")
            return None
        text = _number_text(raw)
        if text is None:
            self.type_error(field_name, f"{code}.type", "nomor HP", "mobile number")
            return None
        compact = _PHONE_STRIP.sub("", text)
        if compact.startswith("+620"):  # "+62 (0)812…": the trunk 0 kept in brackets
            compact = "+62" + compact[4:]
        elif compact.startswith("620"):
            compact = "62" + compact[3:]
        if not _PLUS_DIGITS.fullmatch(compact):
            self.error(field_name, f"{code}.chars",
                       "Nomor HP hanya boleh berisi angka (boleh diawali +62). Hapus huruf "
                       "dan tanda lain.",
                       "A mobile number has only digits (it may start with +62). Remove "
                       "letters and other signs.")
            return text
        if compact.startswith("+62"):
            national = "0" + compact[3:]
        elif compact.startswith("+"):
            national = ""
        elif compact.startswith("62"):
            national = "0" + compact[2:]
        elif compact.startswith("8"):  # a spreadsheet dropped the leading 0
            national = "0" + compact
        else:
            national = compact
        if not national.startswith("08"):
            self.error(field_name, f"{code}.mobile",
                       "Nomor HP harus nomor seluler Indonesia yang diawali 08 atau +628, "
                       "mis. 0812 3456 7890.",
                       "The number must be an Indonesian mobile number starting with 08 or "
                       "+628, e.g. 0812 3456 7890.")
            return text
        if not 10 <= len(national) <= 13:
            self.error(field_name, f"{code}.length",
                       f"Nomor HP harus 10–13 angka jika diawali 08; yang diisi {len(national)} "
                       "angka. Periksa lagi nomornya.",
                       f"A mobile number has 10–13 digits when written with 08; "
                       f"{len(national)} were given. Check the number.")
            return text
        return "+62" + national[1:]

    def email(self, raw: object) -> str | None:
        text = _text(raw)
        if text is _BAD:
            self.type_error("email", "email.type", "e-mail", "e-mail")
            return None
        if not text:
            return None
        text = text.replace(" ", "").lower()
        if len(text) > 254 or not _EMAIL.fullmatch(text):
            self.error("email", "email.invalid",
                       "Alamat e-mail tidak lengkap, mis. nama@contoh.com. Perbaiki atau "
                       "kosongkan (tidak wajib).",
                       "The e-mail address is incomplete, e.g. name@example.com. Correct it "
                       "or leave it empty (optional).")
        return text

    def village(self, raw: object) -> str | None:
        if _blank(raw):
            self.error("village_code", "village_code.required",
                       "Pilih desa/kelurahan tempat tinggal dari daftar wilayah.",
                       "Choose the village (desa/kelurahan) of residence from the region list.")
            return None
        text = _number_text(raw)
        if text is None:
            self.type_error("village_code", "village_code.type", "kode desa", "village code")
            return None
        code = "".join(text.split())
        code = from_digits(code) or code
        level = level_of(code)
        if level is None:
            self.error("village_code", "village_code.format",
                       "Kode desa/kelurahan harus kode Kemendagri, mis. 15.04.05.2003. "
                       "Pilih desa dari daftar wilayah.",
                       "The village code must be a Kemendagri code, e.g. 15.04.05.2003. "
                       "Choose the village from the region list.")
        elif level != VILLAGE:
            self.error("village_code", "village_code.level",
                       "Kode ini bukan desa/kelurahan (baru provinsi, kabupaten atau "
                       "kecamatan). Pilih desa/kelurahan dari daftar wilayah.",
                       "This code is not a village (it is a province, regency or district). "
                       "Choose the village from the region list.")
        else:
            region = _safe_get(self.ctx.regions, code)
            if region is None or region.level != VILLAGE:
                self.error("village_code", "village_code.unknown",
                           f"Kode desa/kelurahan {code} tidak ada di daftar wilayah "
                           "Kemendagri. Pilih desa dari daftar.",
                           f"Village code {code} is not in the Kemendagri region list. "
                           "Choose the village from the list.")
        return code

    def rt_rw(self, raw: object, field_name: str, label: str) -> str:
        if _blank(raw):
            return ""
        text = _number_text(raw)
        if text is None:
            self.type_error(field_name, f"{field_name}.type", label, label)
            return ""
        text = "".join(text.split())
        if _RT_RW.fullmatch(text) and text.isascii() and int(text) == 0:
            return ""  # e-KTPs print 000 where there is no RT/RW
        if not (_RT_RW.fullmatch(text) and text.isascii()):
            self.error(field_name, f"{field_name}.invalid",
                       f"{label} harus angka 1–3 digit, mis. 001 atau 12. Kosongkan jika "
                       "tidak ada.",
                       f"{label} must be a number of 1–3 digits, e.g. 001 or 12. Leave it "
                       "empty if there is none.")
            return text
        return text.zfill(3)

    def optional_text(self, raw: object, field_name: str, what_id: str, what_en: str) -> str | None:
        text = _text(raw)
        if text is _BAD:
            self.type_error(field_name, f"{field_name}.type", what_id, what_en)
            return None
        if not text:
            return None
        if len(text) > TEXT_MAX:
            self.error(field_name, f"{field_name}.length",
                       f"Isian {what_id} terlalu panjang ({len(text)} huruf, maksimal "
                       f"{TEXT_MAX}). Persingkat.",
                       f"The {what_en} is too long ({len(text)} characters, at most "
                       f"{TEXT_MAX}). Shorten it.")
        return text

    # -- work and contribution

    def occupation(self, raw: object) -> str | None:
        code = _code(raw)
        if code is _BAD:
            self.type_error("occupation", "occupation.type", "pekerjaan", "occupation")
            return None
        if not code:
            self.error("occupation", "occupation.required",
                       "Pilih pekerjaan dari daftar (pilih 'lainnya' jika tidak ada).",
                       "Choose the occupation from the list ('lainnya' if it is not there).")
            return None
        if code not in self.ctx.occupations:
            self.error("occupation", "occupation.unknown",
                       f"Pekerjaan '{_short(code)}' tidak ada di daftar. Pilih dari daftar "
                       "pekerjaan, mis. petani atau pedagang_pasar ('lainnya' jika tidak ada).",
                       f"Occupation '{_short(code)}' is not in the list. Choose one from the "
                       "list, e.g. petani or pedagang_pasar ('lainnya' if none fits).")
        return code

    def income(self, raw: object) -> int | None:
        if _blank(raw):
            self.error("declared_income", "declared_income.required",
                       "Isi penghasilan rata-rata per bulan dalam rupiah, mis. 1500000.",
                       "Enter the average monthly income in rupiah, e.g. 1500000.")
            return None
        value = _parse_rupiah(raw)
        if value is None:
            self.error("declared_income", "declared_income.invalid",
                       "Penghasilan tidak terbaca. Tulis angka rupiah bulat per bulan, "
                       "mis. 1500000 atau 1.500.000.",
                       "The income could not be read. Write whole rupiah per month, "
                       "e.g. 1500000 or 1.500.000.")
            return None
        if value < 0:
            self.error("declared_income", "declared_income.negative",
                       "Penghasilan tidak boleh negatif. Isi penghasilan rata-rata per bulan, "
                       "mis. 1500000.",
                       "The income cannot be negative. Enter the average monthly income, "
                       "e.g. 1500000.")
        elif self.ctx.rate_table is not None:
            top = self.ctx.rate_table.bands[-1]
            if value >= top.income_from:
                self.warning("declared_income", "declared_income.top_band",
                             f"Penghasilan {_rupiah(value)} per bulan ada di band tertinggi "
                             f"({_rupiah(top.income_from)} ke atas), jarang bagi pekerja BPU. "
                             "Periksa angkanya (kelebihan nol?); jika benar, iuran dihitung "
                             f"dari dasar {_rupiah(top.base)}.",
                             f"A monthly income of {_rupiah(value)} is in the top band "
                             f"({_rupiah(top.income_from)} and above), rare for a BPU worker. "
                             "Check the amount (an extra zero?); if it is right, the "
                             f"contribution is charged on a base of {_rupiah(top.base)}.")
        return value

    def programs(self, raw: object) -> list[str]:
        raw = _maybe_json(raw, list)
        items: list[object] = []
        if isinstance(raw, str):
            items = [p for p in re.split(r"[\s,+;/]+", raw) if p]
        elif isinstance(raw, list | tuple | set | frozenset):
            items = list(raw)
        elif not _blank(raw):
            items = [raw]
        chosen, unknown = set(), []
        for item in items:
            name = item.strip().upper() if isinstance(item, str) else None
            if name in PROGRAMS:
                chosen.add(name)
            else:
                unknown.append(_short(item) if isinstance(item, str) else "?")
        if unknown:
            self.error("programs", "programs.unknown",
                       f"Program tidak dikenal: {', '.join(unknown)}. Pilihan hanya JKK, JKM "
                       "dan (tidak wajib) JHT.",
                       f"Unknown programme: {', '.join(unknown)}. The choices are JKK, JKM "
                       "and (optional) JHT.")
        if not set(REQUIRED_PROGRAMS) <= chosen:
            self.error("programs", "programs.base_required",
                       "JKK+JKM selalu wajib: pilih JKK dan JKM (JHT boleh ditambahkan).",
                       "JKK+JKM are always required: choose JKK and JKM (JHT may be added).")
        return [p for p in PROGRAMS if p in chosen]

    def jht_age(self, programs: list[str]) -> None:
        limit = self.ctx.jht_age
        if limit is None or self.age is None or "JHT" not in programs or self.age < limit:
            return
        self.warning("programs", "programs.jht_age",
                     f"Umur {self.age} tahun: JHT dibayarkan pada usia pensiun {limit} tahun, "
                     "jadi tabungan JHT yang dimulai sekarang langsung bisa dicairkan. "
                     "Pastikan peserta memang ingin JHT.",
                     f"Age {self.age}: JHT is paid out at the retirement age of {limit}, so "
                     "savings started now can be withdrawn at once. Make sure the worker "
                     "really wants JHT.")

    def payment_months(self, raw: object) -> int | None:
        allowed = self.ctx.payment_months
        choices_id = ", ".join(str(m) for m in allowed[:-1]) + f" atau {allowed[-1]}"
        choices_en = ", ".join(str(m) for m in allowed[:-1]) + f" or {allowed[-1]}"
        value = None if _blank(raw) else _parse_int(raw)
        if value not in allowed:
            code = "payment_months.required" if _blank(raw) else "payment_months.invalid"
            self.error("payment_months", code,
                       f"Pilih periode bayar: {choices_id} bulan sekaligus.",
                       f"Choose the payment period: {choices_en} months at a time.")
            return value
        return value

    def funding(self, raw: object) -> str | None:
        code = _code(raw)
        if code is _BAD:
            self.type_error("funding_source", "funding_source.type", "sumber dana",
                            "funding source")
            return None
        if not code:
            self.error("funding_source", "funding_source.required",
                       "Pilih sumber dana iuran: 'mandiri' jika dibayar sendiri.",
                       "Choose who funds the contribution: 'mandiri' if self-paid.")
            return None
        if code not in self.ctx.funding_sources:
            self.error("funding_source", "funding_source.unknown",
                       f"Sumber dana '{_short(code)}' tidak ada di daftar. Pilih dari daftar, "
                       "mis. mandiri atau dumisake.",
                       f"Funding source '{_short(code)}' is not in the list. Choose one from "
                       "the list, e.g. mandiri or dumisake.")
        return code

    def funded_income(self, code: object, income: object) -> None:
        """A funder pays one band whatever is declared: an income above that band warns.

        Worked example: DUMISAKE pays band 1 (up to Rp1,099,999, Rp16,800 a month); a
        DUMISAKE worker declaring Rp5,000,000 is warned, the province still pays Rp16,800.
        """
        table = self.ctx.rate_table
        band = self.ctx.funded_bands.get(code) if isinstance(code, str) else None
        if table is None or band is None or not isinstance(income, int) or income < 0:
            return
        rows = [b for b in table.bands if b.row == band]
        if not rows or rows[0].income_to is None or income <= rows[0].income_to:
            return
        limit = f"{rows[0].income_to:,}".replace(",", ".")
        self.warning("declared_income", "declared_income.above_funded_band",
                     f"Sumber dana ini hanya membayar iuran pita {band} (penghasilan sampai "
                     f"Rp{limit}). Penghasilan yang diisi lebih tinggi: periksa apakah "
                     "pekerja ini memang layak dibiayai, atau pilih 'mandiri'.",
                     f"This funder pays band {band} only (income up to Rp{limit}). The "
                     "declared income is higher: check that this worker qualifies for "
                     "funding, or choose 'mandiri'.")

    # -- heirs and consent

    def heirs(self, raw: object) -> list[dict[str, str | None]]:
        raw = _maybe_json(raw, list)
        if _blank(raw):
            raw = []
        if not isinstance(raw, list | tuple):
            self.error("heirs", "heirs.type",
                       "Daftar ahli waris tidak terbaca. Isi ulang nama dan hubungan tiap "
                       "ahli waris.",
                       "The list of heirs could not be read. Enter each heir's name and "
                       "relationship again.")
            return []
        if not raw:
            self.warning("heirs", "heirs.none",
                         "Tambahkan minimal satu ahli waris untuk klaim JKM (nama dan "
                         "hubungan keluarga).",
                         "Add at least one heir for JKM claims (name and relationship).")
        heirs = []
        for i, item in enumerate(raw):
            where = f"heirs[{i}]"
            if not isinstance(item, Mapping):
                self.error(where, "heir.type",
                           f"Ahli waris ke-{i + 1} tidak terbaca. Isi ulang nama dan "
                           "hubungannya.",
                           f"Heir {i + 1} could not be read. Enter the name and relationship "
                           "again.")
                continue
            name = self.name(item.get("name"), f"{where}.name", "heir.name",
                             f"nama ahli waris ke-{i + 1}", f"name of heir {i + 1}")
            relationship = self.relationship(item.get("relationship"), where, i)
            phone = self.phone(item.get("phone"), f"{where}.phone", "heir.phone",
                               required=False)
            heirs.append({"name": name, "relationship": relationship, "phone": phone})
        return heirs

    def relationship(self, raw: object, where: str, i: int) -> str | None:
        code = _code(raw)
        if code is _BAD or not code:
            self.error(f"{where}.relationship", "heir.relationship.required",
                       f"Pilih hubungan ahli waris ke-{i + 1} dengan peserta (mis. istri, "
                       "suami, anak).",
                       f"Choose how heir {i + 1} is related to the participant (e.g. istri, "
                       "suami, anak).")
            return None
        if code not in self.ctx.heir_relationships:
            self.error(f"{where}.relationship", "heir.relationship.unknown",
                       f"Hubungan '{_short(code)}' tidak ada di daftar. Pilih: "
                       f"{', '.join(sorted(self.ctx.heir_relationships))}.",
                       f"Relationship '{_short(code)}' is not in the list. Choose: "
                       f"{', '.join(sorted(self.ctx.heir_relationships))}.")
        return code

    def consent(self, raw: object) -> dict[str, Any]:
        out: dict[str, Any] = {"given": False, "at": None, "method": None, "witness": None,
               "reference": None, "signature_png": None}
        raw = _maybe_json(raw, dict)
        if _blank(raw):
            self.error("consent", "consent.required",
                       "Catat persetujuan peserta: jelaskan tujuan, data yang dikumpulkan, "
                       "lama penyimpanan dan haknya, lalu minta persetujuannya.",
                       "Record the participant's consent: explain the purpose, the data "
                       "collected, how long it is kept and their rights, then ask for consent.")
            return out
        if not isinstance(raw, Mapping):
            self.error("consent", "consent.type",
                       "Catatan persetujuan tidak terbaca. Catat ulang persetujuan peserta.",
                       "The consent record could not be read. Record the consent again.")
            return out
        given = raw.get("given")
        out["given"] = given is True or (isinstance(given, str) and given.strip().lower() in _TRUE)
        if not out["given"]:
            self.error("consent.given", "consent.given",
                       "Peserta belum menyatakan setuju. Jelaskan tujuan dan haknya, lalu "
                       "catat persetujuannya; tanpa itu pendaftaran tidak bisa dikirim.",
                       "The participant has not agreed. Explain the purpose and their rights, "
                       "then record the consent; without it the registration cannot be sent.")
        code = _code(raw.get("method"))
        method = code if code is not _BAD and code in CONSENT_METHODS else None
        if method is None:
            self.error("consent.method", "consent.method",
                       "Pilih cara persetujuan: tanda tangan (signature), lisan dengan saksi "
                       "(verbal_witnessed) atau formulir kertas (paper).",
                       "Choose how consent was given: signature, verbal_witnessed or paper.")
        out["method"] = method
        witness = _text(raw.get("witness"))
        out["witness"] = witness if isinstance(witness, str) and witness else None
        if method == "verbal_witnessed" and out["witness"] is None:
            self.error("consent.witness", "consent.witness",
                       "Persetujuan lisan perlu saksi: isi nama saksi yang mendengar "
                       "persetujuan.",
                       "Verbal consent needs a witness: enter the name of the person who "
                       "heard it.")
        reference = _number_text(raw.get("reference"))
        out["reference"] = (" ".join(reference.split()) or None) if reference else None
        if method == "paper" and out["reference"] is None:
            self.error("consent.reference", "consent.reference",
                       "Isi nomor formulir persetujuan kertas yang ditandatangani.",
                       "Enter the number of the signed paper consent form.")
        out["signature_png"] = self.signature(raw.get("signature_png"), method)
        out["at"] = self.consent_at(raw.get("at"))
        return out

    def signature(self, raw: object, method: str | None) -> str | None:
        data = None
        if isinstance(raw, bytes | bytearray | memoryview):
            data = bytes(raw)
        elif isinstance(raw, str) and raw.strip():
            text = raw.strip()
            if text.startswith("data:") and "," in text:
                text = text.split(",", 1)[1]
            try:
                data = base64.b64decode("".join(text.split()), validate=True)
            except (binascii.Error, ValueError):
                data = b""
        elif not _blank(raw):
            data = b""
        if data is not None and not data.startswith(PNG_MAGIC):
            self.error("consent.signature_png", "consent.signature_invalid",
                       "Gambar tanda tangan rusak atau bukan PNG. Minta peserta tanda tangan "
                       "ulang.",
                       "The signature image is damaged or not a PNG. Ask the participant to "
                       "sign again.")
            return None
        if data is None and method == "signature" and self.ctx.require_signature_image:
            self.error("consent.signature_png", "consent.signature",
                       "Tanda tangan belum ada: minta peserta tanda tangan di kotak yang "
                       "tersedia, atau pilih cara persetujuan lain.",
                       "The signature is missing: ask the participant to sign in the box, "
                       "or choose another consent method.")
        return base64.b64encode(data).decode("ascii") if data else None

    def consent_at(self, raw: object) -> str | None:
        if _blank(raw):
            self.error("consent.at", "consent.at",
                       "Isi waktu persetujuan (tanggal dan jam), mis. 2026-11-20T09:30+07:00.",
                       "Enter when consent was given (date and time), e.g. "
                       "2026-11-20T09:30+07:00.")
            return None
        when = _parse_datetime(raw)
        if when is None:
            self.error("consent.at", "consent.at_format",
                       "Waktu persetujuan tidak terbaca. Tulis tanggal dan jam, mis. "
                       "2026-11-20T09:30+07:00.",
                       "The consent time could not be read. Write date and time, e.g. "
                       "2026-11-20T09:30+07:00.")
            return raw.strip() if isinstance(raw, str) else None
        if when.date() > self.ctx.today:
            self.warning("consent.at", "consent.at_future",
                         "Waktu persetujuan ada di masa depan. Periksa tanggal dan jam laptop.",
                         "The consent time is in the future. Check the laptop's date and time.")
        return when.isoformat()


# ---------------------------------------------------------------- parsing helpers

class _Bad(Enum):
    """The type of ``_BAD``: an enum member, so that ``x is _BAD`` narrows ``x``'s type."""

    BAD = "bad"


_BAD: Final = _Bad.BAD  # a value of a type that cannot be read as text


def _blank(value: object) -> bool:
    if value is None:
        return True
    if type(value) is str:  # the common case first (this runs ~17 times per record)
        return not value.strip()
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)  # an empty spreadsheet cell
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def _text(value: object) -> str | Literal[_Bad.BAD]:
    """White space collapsed text, '' for blank, ``_BAD`` for a list, dict, bytes…"""
    if type(value) is str:  # the common case first (this runs ~15 times per record)
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return _BAD
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return ""
        value = _number_text(value)
        if value is None:
            return _BAD
    if not isinstance(value, str):
        return _BAD
    return " ".join(value.split())


def _number_text(value: object) -> str | None:
    """A string as is; a whole number (a spreadsheet cell) as its digits; else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        if abs(value) < 1e18:
            return str(int(value))
    return None


def _code(value: object) -> str | Literal[_Bad.BAD]:
    """A code from a list: lower case, spaces and hyphens as underscores."""
    text = _text(value)
    if text is _BAD:
        return _BAD
    return _CODE_SEPARATORS.sub("_", text.strip().lower())


def _rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".")


def _registration_date(consent: object, today: date) -> date:
    """The date a registration is measured on: its consent date, never after today
    (a wrong laptop clock); today while it has none."""
    consent = _maybe_json(consent, dict)
    when = _parse_datetime(consent.get("at")) if isinstance(consent, Mapping) else None
    return min(when.date(), today) if when is not None else today


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_char(ch: str) -> bool:
    return ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in ("L", "M")


def _maybe_json(value: object, kind: type) -> object:
    """A CSV cell may hold a JSON list/object; decode it, else return the value as is."""
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError):
            return value
        if isinstance(decoded, kind):
            return decoded
    return value


def _within(number: int) -> int | None:
    """A whole number of at most ``_MAX_DIGITS`` digits (SQLite's INTEGER holds it)."""
    return number if abs(number) < 10**_MAX_DIGITS else None


def _parse_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _within(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return _within(int(value))
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS:
            return int(text)
    return None


def _parse_rupiah(value: object) -> int | None:
    """1500000, "1.500.000", "Rp1.500.000", "Rp 1.500.000,00", "1,500,000" → 1500000."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _within(value)
    if isinstance(value, float):
        return _within(int(value)) if math.isfinite(value) and value.is_integer() else None
    if not isinstance(value, str):
        return None
    text = "".join(value.split())
    negative = text.startswith("-")
    text = text.lstrip("-")
    if text[:2].lower() == "rp":
        text = text[2:].lstrip(".")
    if text.startswith("-"):
        negative, text = True, text[1:]
    if not text.isascii() or len(text) > 2 * _MAX_DIGITS:
        return None
    if _INCOME_PLAIN.fullmatch(text):
        whole, fraction = text, ""
    elif _INCOME_DOTS.fullmatch(text):
        whole, _, fraction = text.partition(",")
        whole = whole.replace(".", "")
    elif _INCOME_COMMAS.fullmatch(text):
        whole, _, fraction = text.partition(".")
        whole = whole.replace(",", "")
    elif _INCOME_DECIMAL.fullmatch(text):
        whole, fraction = re.split(r"[.,]", text)
    else:
        return None
    if fraction.strip("0") or len(whole) > _MAX_DIGITS:
        return None
    amount = int(whole)
    return -amount if negative else amount


def _parse_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text.isascii() or len(text) > 40:
        return None
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)  # 02-03-1988 (d-m-y)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\S+", text):
            return datetime.fromisoformat(text).date()
    except ValueError:
        return None
    return None


def _parse_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text.isascii() or len(text) > 64 or not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _safe_get(regions: RegionLookup, code: str) -> Region | None:
    try:
        return regions.get(code)
    except (ValueError, LookupError):
        return None
