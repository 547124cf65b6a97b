"""NIK (Nomor Induk Kependudukan) parsing: issuing region, birth date, sex and serial.

Layout ``PPKKCC DDMMYY SSSS``: province, regency and district (kecamatan) where the NIK
was first issued (Kemendagri codes), day of birth (+40 for women), month, two-digit
year, serial from 0001. There is no check digit. Never log a NIK; use ``mask_nik``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from desa_peduli.domain.problems import ERROR, WARNING, Problem
from desa_peduli.domain.regions import DISTRICT, PROVINCE, REGENCY, Region, RegionLookup

NIK_LENGTH = 16
_NIK_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]+")  # white space, dots, hyphens and dashes
FIELD = "nik"
# Ages a NIK holder is assumed to have when choosing the century of a two-digit year.
WORKING_AGE = (15, 100)


@dataclass
class NikInfo:
    nik: str  # the input with white space removed (digits when valid)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    birth_date: date | None = None
    sex: str | None = None  # "F" | "M"
    province: Region | None = None  # issuing region, as far as it is known
    regency: Region | None = None
    district: Region | None = None
    issuing_code: str | None = None  # dotted district code from the NIK, e.g. "15.04.05"
    serial: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def problems(self) -> list[Problem]:
        return [*self.errors, *self.warnings]


def clean_nik(value: str) -> str:
    """Remove white space, dots and dashes (a NIK is often typed in groups:
    ``1504 0542 0388 0001``, ``15.04.05.420388.0001``); nothing else is changed."""
    return _NIK_SEPARATORS.sub("", value) if isinstance(value, str) else ""


def parse_nik(
    nik: str,
    regions: RegionLookup,
    today: date,
    *,
    working_age: tuple[int, int] = WORKING_AGE,
) -> NikInfo:
    """Decode a NIK; errors make it unusable, warnings are for the volunteer to check."""
    digits = clean_nik(nik)
    info = NikInfo(nik=digits)
    if digits and not (digits.isascii() and digits.isdigit()):
        info.errors.append(
            _error(
                "nik.digits",
                "NIK hanya boleh berisi angka 0–9. Hapus huruf dan tanda baca, "
                "lalu salin ulang dari KTP.",
                "A NIK has only the digits 0–9. Remove letters and punctuation, "
                "then copy it again from the KTP.",
            )
        )
    if len(digits) != NIK_LENGTH and not info.errors:  # one message: the digits first
        info.errors.append(
            _error(
                "nik.length",
                f"NIK harus 16 angka, yang diisi {len(digits)}. Salin ulang dari KTP.",
                f"A NIK has 16 digits, {len(digits)} were given. Copy it again from the KTP.",
            )
        )
    if info.errors:
        return info

    pp, kk, cc = digits[0:2], digits[2:4], digits[4:6]
    dd, mm, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    info.serial = digits[12:16]
    info.issuing_code = f"{pp}.{kk}.{cc}"

    _decode_region(info, regions, pp, kk, cc)

    if info.serial == "0000":
        info.errors.append(
            _error(
                "nik.serial",
                "Empat angka terakhir NIK (nomor urut) tidak boleh 0000. Periksa NIK pada KTP.",
                "The last four digits of a NIK (serial) cannot be 0000. Check the NIK on the KTP.",
            )
        )

    if 1 <= dd <= 31:
        sex, day = "M", dd
    elif 41 <= dd <= 71:
        sex, day = "F", dd - 40
    else:
        sex, day = None, None
        info.errors.append(
            _error(
                "nik.day",
                f"Angka ke-7 dan ke-8 NIK ({digits[6:8]}) bukan tanggal lahir: harus 01–31 "
                "untuk laki-laki atau 41–71 untuk perempuan. Periksa NIK pada KTP.",
                f"Digits 7–8 of the NIK ({digits[6:8]}) are not a day of birth: 01–31 for "
                "men or 41–71 for women. Check the NIK on the KTP.",
            )
        )
    if not 1 <= mm <= 12:
        info.errors.append(
            _error(
                "nik.month",
                f"Angka ke-9 dan ke-10 NIK ({digits[8:10]}) bukan bulan lahir: harus 01–12. "
                "Periksa NIK pada KTP.",
                f"Digits 9–10 of the NIK ({digits[8:10]}) are not a month: 01–12. "
                "Check the NIK on the KTP.",
            )
        )
    elif day is not None:
        info.sex = sex
        birth = infer_birth_date(day, mm, yy, today, working_age)
        if birth is None:
            info.errors.append(
                _error(
                    "nik.date",
                    f"Tanggal lahir dalam NIK ({day:02d}-{mm:02d}-{yy:02d}) tidak ada di "
                    "kalender. Periksa angka ke-7 sampai ke-12 NIK pada KTP.",
                    f"The birth date in the NIK ({day:02d}-{mm:02d}-{yy:02d}) does not exist. "
                    "Check digits 7 to 12 of the NIK on the KTP.",
                )
            )
            info.sex = None
        else:
            info.birth_date = birth
    return info


def _decode_region(info: NikInfo, regions: RegionLookup, pp: str, kk: str, cc: str) -> None:
    province = regions.get(pp)
    if province is None or province.level != PROVINCE:
        info.errors.append(
            _error(
                "nik.province",
                f"Kode provinsi {pp} (dua angka pertama NIK) tidak dikenal. "
                "Periksa NIK pada KTP.",
                f"Province code {pp} (the first two digits of the NIK) is unknown. "
                "Check the NIK on the KTP.",
            )
        )
        return
    info.province = province
    regency = regions.get(f"{pp}.{kk}")
    if regency is None or regency.level != REGENCY:
        info.warnings.append(
            _warning(
                "nik.regency_unknown",
                f"Kode kabupaten/kota {pp}.{kk} dari NIK tidak ada di daftar wilayah. "
                "Cocokkan angka ke-3 dan ke-4 dengan KTP; jika sudah sama, lanjutkan "
                "(kode bisa berubah karena pemekaran).",
                f"Regency code {pp}.{kk} from the NIK is not in the region list. Compare "
                "digits 3–4 with the KTP; if they match, go on (codes change when regions split).",
            )
        )
        return
    info.regency = regency
    district = regions.get(f"{pp}.{kk}.{cc}")
    if district is None or district.level != DISTRICT:
        info.warnings.append(
            _warning(
                "nik.district_unknown",
                f"Kode kecamatan {pp}.{kk}.{cc} dari NIK tidak ada di daftar wilayah. "
                "Cocokkan angka ke-5 dan ke-6 dengan KTP; jika sudah sama, lanjutkan "
                "(kode bisa berubah karena pemekaran).",
                f"District code {pp}.{kk}.{cc} from the NIK is not in the region list. "
                "Compare digits 5–6 with the KTP; if they match, go on "
                "(codes change when districts split).",
            )
        )
        return
    info.district = district


def infer_birth_date(
    day: int, month: int, yy: int, today: date, working_age: tuple[int, int] = WORKING_AGE
) -> date | None:
    """Choose the century: the one giving a working age if exactly one does, else the
    latest date not in the future. None if no such date exists (31 Feb, …)."""
    candidates = []
    for century in (1900, 2000):
        try:
            candidates.append(date(century + yy, month, day))
        except ValueError:
            continue
    past = [d for d in candidates if d <= today]
    low, high = working_age
    working = [d for d in past if low <= age_on(d, today) <= high]
    if len(working) == 1:
        return working[0]
    return max(past) if past else None


def age_on(birth: date, today: date) -> int:
    """Age in whole years on ``today``."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def compare_nik(info: NikInfo, birth_date: date | None, sex: str | None) -> list[Problem]:
    """Warnings when the typed birth date or sex disagrees with the NIK.

    The NIK holds only a two-digit year, so a typed date in another century with the same
    day, month and last two digits of the year is not a disagreement.
    """
    problems: list[Problem] = []
    nik_date = info.birth_date
    if nik_date is not None and isinstance(birth_date, date):
        same = (birth_date.day, birth_date.month, birth_date.year % 100) == (
            nik_date.day,
            nik_date.month,
            nik_date.year % 100,
        )
        if not same:
            problems.append(
                _warning(
                    "nik.birth_date_mismatch",
                    f"Tanggal lahir yang diisi ({birth_date.isoformat()}) tidak sama dengan "
                    f"tanggal lahir dalam NIK ({nik_date.isoformat()}). Periksa KTP, lalu "
                    "perbaiki tanggal lahir atau NIK.",
                    f"The birth date entered ({birth_date.isoformat()}) differs from the one "
                    f"in the NIK ({nik_date.isoformat()}). Check the KTP, then correct the "
                    "birth date or the NIK.",
                )
            )
    if info.sex is not None and sex in ("F", "M") and sex != info.sex:
        nik_sex_id = "perempuan" if info.sex == "F" else "laki-laki"
        nik_sex_en = "a woman" if info.sex == "F" else "a man"
        problems.append(
            _warning(
                "nik.sex_mismatch",
                f"Jenis kelamin yang diisi tidak sama dengan NIK (NIK ini milik {nik_sex_id}: "
                "tanggal 41–71 berarti perempuan). Periksa KTP, lalu perbaiki jenis kelamin "
                "atau NIK.",
                f"The sex entered differs from the NIK (this NIK belongs to {nik_sex_en}: "
                "days 41–71 mean a woman). Check the KTP, then correct the sex or the NIK.",
            )
        )
    return problems


def format_nik(nik: str) -> str:
    """``"1504054203880001"`` → ``"150405 420388 0001"`` for display; other input as cleaned."""
    digits = clean_nik(nik)
    if len(digits) == NIK_LENGTH and digits.isascii() and digits.isdigit():
        return f"{digits[:6]} {digits[6:12]} {digits[12:]}"
    return digits


def mask_nik(nik: str) -> str:
    """``"1504054203880001"`` → ``"1504********0001"``: region and serial only."""
    digits = clean_nik(nik)
    if len(digits) < 12:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def _error(code: str, message: str, message_en: str) -> Problem:
    return Problem(FIELD, code, message, ERROR, message_en)


def _warning(code: str, message: str, message_en: str) -> Problem:
    return Problem(FIELD, code, message, WARNING, message_en)
