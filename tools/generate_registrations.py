#!/usr/bin/env python3
"""Deterministic synthetic registrations for benchmarks and load tests (JSON Lines).

    python tools/generate_registrations.py -n 50000 --seed 1 -o out.jsonl

Every record is a complete, valid registration in CLI.md's JSON form: real Kemendagri
codes from ``desa_peduli.reference.regions()`` (home villages in Jambi, province 15; about
10% of NIKs issued in other provinces), NIKs consistent with the birth date and sex
(women: day + 40) with unique serials, Indonesian names (many single names, some with
apostrophes or hyphens, a few very long), phones 08…/+628…, weighted occupations, incomes
across the bands (most low), 20% with JHT, funding mostly mandiri, 1–2 heirs and a
witnessed verbal consent. The same ``seed`` (and ``as_of``) always gives the same records.

As a module: ``generate(n, seed) -> Iterator[dict]``.
No personal data is real: names are drawn at random from lists of common names.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import itertools
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

# Ages and consent times are computed from this fixed date (not today) so a seed always
# gives the same file; everyone is 18–60 on it, so records stay valid for years.
AS_OF = dt.date(2026, 11, 1)
JAMBI = "15"
OTHER_PROVINCE_SHARE = 0.10
OWN_DISTRICT_SHARE = 0.75  # of Jambi NIKs: issued in the district the person lives in
WIB = dt.timezone(dt.timedelta(hours=7))

# -- names --------------------------------------------------------------------------------
MALE_GIVEN = (
    "Muhammad Ahmad Abdul Agus Budi Bambang Joko Slamet Sutrisno Suparman Wagiman Rudi Hendra "
    "Andi Dedi Eko Fajar Hadi Irwan Iwan Rahmat Rizky Syahrul Taufik Wahyu Yusuf Zainal Arif "
    "Dodi Firman Hasan Ilham Jefri Kurniawan Lukman Mulyadi Nasrul Putra Ridwan Samsul Tono "
    "Udin Yanto Zulkifli Ismail Hamzah Ramadhan Darmawan Suryadi Junaidi Syamsuddin Anwar "
    "Effendi Hasbullah Marzuki Nurdin Saiful Usman Wawan Yudi Gilang Bayu Dimas Reza Aldi "
    "Fikri Hafiz Imam Rendi Sugeng Paijo Tukiman Darsono Mardi Ponimin Sukirman Ujang Asep "
    "Cecep Dadang Engkos Komar Ucok Togar Poltak Bonar Sahat Arjuna Datuk Buyung Malin Rajo "
    "Sutan Firdaus Azhar Baharuddin Chairul Erwin Gunawan Herman Indra Jamal Kasim Lutfi"
).split()
FEMALE_GIVEN = (
    "Siti Sri Nur Dewi Rina Ani Yuni Wati Sumarni Suryani Lestari Rahmawati Fitri Indah "
    "Ratna Wulan Yanti Eka Dwi Tri Ayu Putri Intan Lina Maya Nia Novi Rini Sari Tuti Umi "
    "Winda Yulia Zahra Aisyah Fatimah Khadijah Maryam Aminah Halimah Zubaidah Juariah "
    "Rohani Salmah Mariani Nurhayati Darmawati Kartini Suparti Tumini Painem Sukinah "
    "Marsinah Juminten Ngatiyem Neneng Euis Imas Cucu Butet Rosmawati Masniari Upik "
    "Rosnah Nurlela Asnah Yusnidar Hasnah Zuraida Farida Herlina Irma Jubaidah Kamsiah "
    "Mega Nadia Oktaviani Puspita Rosita Sinta Titin Utami Vina Yessi"
).split()
SECOND_NAMES = (
    "Santoso Wijaya Saputra Saputri Hidayat Setiawan Susanto Pratama Kusuma Lestari "
    "Rahman Hakim Nasution Siregar Harahap Lubis Simanjuntak Sitompul Hutapea Pane "
    "Tanjung Chaniago Piliang Koto Sikumbang Jambak Rangkuti Batubara Purba Sembiring "
    "Ginting Tarigan Hasibuan Ritonga Daulay Sinaga Manurung Panjaitan Wibowo Wahyudi "
    "Suharto Sudirman Gunawan Hartono Kurniasih Handayani Anggraini Yulianti Rahayu "
    "Ningsih Wulandari Fauzi Hamid Syahputra Syahputri Ramadhani Hasibuan Fitriani "
    "Maulana Firmansyah Hidayati Marlina Sulastri Mulyani Kartika Permata Sihombing "
    "Situmorang Tambunan Saragih Damanik Pohan Matondang Bakri Yusuf Ibrahim Umar Ali"
).split()
APOSTROPHE_NAMES = ("Nur'aini", "Ma'ruf", "Mu'min", "Syafi'i", "Sa'diyah", "Ni'mah", "Rabi'ah",
                    "Ja'far", "Ma'mun", "Na'im", "Mar'atun", "Qur'ani", "Tu'ah")
HYPHEN_NAMES = ("Abdul-Karim", "Abdul-Rahman", "Nur-Hasanah", "Siti-Aminah", "Al-Fatih",
                "Abdul-Gani", "Nur-Azizah", "Sri-Rejeki")
TITLES = ("Raden", "Raden Mas", "Raden Ayu", "Tengku", "Andi", "Daeng", "Haji", "Hajjah")
WITNESSES = ("Pak RT", "Bu RT", "Ketua RW", "Kepala Dusun", "Kader Posyandu", "Pak Kades",
             "Sekdes", "Bidan Desa", "Ketua Karang Taruna", "Imam Masjid")

# -- places -------------------------------------------------------------------------------
JAMBI_TOWNS = ("Jambi", "Muara Bulian", "Sengeti", "Kuala Tungkal", "Muara Sabak", "Bangko",
               "Sarolangun", "Muara Bungo", "Muara Tebo", "Sungai Penuh", "Sekernan",
               "Siulak", "Kerinci", "Rantau Panjang", "Merlung", "Nipah Panjang")
STREET_WORDS = ("Pasar Lama", "Sudirman", "Diponegoro", "Pattimura", "Lintas Timur",
                "Lintas Sumatera", "Kenanga", "Melati", "Mawar", "Masjid Raya", "Poros Desa",
                "Sungai Kapas", "Gajah Mada", "Kartini", "Pelabuhan", "Kebun Sawit",
                "Pematang Sulur", "Simpang Tiga", "Talang Banjar", "Sultan Thaha")
WORK_PLACES = {
    "pedagang_pasar": ("Pasar Angso Duo", "Pasar Muara Bulian", "Pasar Talang Banjar",
                       "Pasar Kuala Tungkal", "Pasar Bangko", "Pasar Desa"),
    "pedagang_keliling": ("keliling kampung", "sekitar sekolah", "Simpang Rimbo"),
    "ojek_daring": ("Kota Jambi", "Telanaipura", "Jambi Selatan", "Muara Bungo"),
    "ojek_pangkalan": ("pangkalan simpang desa", "depan pasar", "terminal Rawasari"),
    "sopir": ("Jambi–Muara Bulian", "angkutan desa", "truk sawit"),
    "kurir": ("Kota Jambi", "Kuala Tungkal"),
    "nelayan": ("Sungai Batanghari", "Pantai Timur", "Kuala Jambi", "Danau Kerinci"),
    "petani": ("sawah desa", "ladang sendiri", "sawah tadah hujan"),
    "pekebun": ("kebun sawit", "kebun karet", "kebun kopi Kerinci", "kebun pinang"),
    "peternak": ("kandang sapi", "peternakan ayam", "kandang kambing"),
    "buruh_bangunan": ("proyek perumahan", "Kota Jambi", "proyek jalan"),
    "petugas_kebersihan": ("kantor desa", "pasar", "puskesmas"),
    "asisten_rumah_tangga": ("Telanaipura", "Kota Baru"),
    "penjahit": ("rumah sendiri", "Pasar Angso Duo"),
    "lainnya": ("desa", "kecamatan"),
}

# -- weights ------------------------------------------------------------------------------
OCCUPATIONS = (
    ("petani", 22), ("pekebun", 18), ("pedagang_pasar", 14), ("buruh_bangunan", 8),
    ("ojek_daring", 8), ("nelayan", 6), ("pedagang_keliling", 6), ("ojek_pangkalan", 4),
    ("sopir", 3), ("peternak", 3), ("kurir", 2), ("petugas_kebersihan", 2),
    ("asisten_rumah_tangga", 2), ("penjahit", 1), ("lainnya", 1),
)
FUNDING = (("mandiri", 80), ("dumisake", 15), ("apbd_kabupaten", 2), ("dana_desa", 2), ("csr", 1))
PAYMENT_MONTHS = ((1, 70), (3, 15), (6, 8), (12, 7))
# (weight, lowest, highest) monthly income in rupiah: most are in the lowest bands
INCOME_RANGES = (
    (45, 500_000, 1_099_999), (20, 1_100_000, 1_499_999), (15, 1_500_000, 2_499_999),
    (10, 2_500_000, 3_999_999), (7, 4_000_000, 7_999_999), (2.5, 8_000_000, 19_999_999),
    (0.5, 20_000_000, 35_000_000),
)
# provinces Jambi's migrant workers mostly come from (the rest share a small weight)
OTHER_PROVINCE_WEIGHTS = {"13": 20, "16": 18, "12": 15, "33": 12, "35": 10, "32": 8, "14": 6,
                          "17": 4, "18": 3, "34": 2}
PHONE_PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851",
                  "0856", "0857", "0858", "0877", "0878", "0895", "0896", "0831", "0838")


class _Weighted:
    """A fast weighted choice over fixed items."""

    def __init__(self, pairs: Sequence[tuple[object, float]]):
        self.items = [item for item, _ in pairs]
        self.cum = list(itertools.accumulate(weight for _, weight in pairs))

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


def _short_region_name(name: str) -> str:
    for prefix in ("Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@functools.cache
def _region_data() -> dict:
    """Codes and names the generator draws from, read once from reference.regions()."""
    from desa_peduli.reference import regions

    index = regions()
    districts = index.all("district")
    jambi_districts = [d.code for d in districts if d.code.startswith(JAMBI + ".")]
    villages = sorted(v.code for code in jambi_districts for v in index.children(code)
                      if v.level == "village")
    if not villages:
        raise RuntimeError("no Jambi villages in the region index")
    return {
        "regency_names": {r.code: r.name for r in index.all("regency")},
        "district_names": {d.code: d.name for d in districts},
        "jambi_districts": jambi_districts,
        "other_districts": [d.code for d in districts if not d.code.startswith(JAMBI + ".")],
        "villages": villages,
    }


class _Regions:
    """Weighted draws of villages and NIK-issuing districts for one seed."""

    def __init__(self, rng: random.Random):
        data = _region_data()
        self.names = data["regency_names"]
        self.district_names = data["district_names"]
        villages = data["villages"]
        # some villages have many more workers registered than others (Zipf-like)
        ranks = list(range(len(villages)))
        rng.shuffle(ranks)
        self.village = _Weighted([(code, 1.0 / (rank + 20))
                                  for code, rank in zip(villages, ranks, strict=True)])
        self.jambi_districts = data["jambi_districts"]
        self.other_district = _Weighted(
            [(code, OTHER_PROVINCE_WEIGHTS.get(code[:2], 0.15))
             for code in data["other_districts"]]
        )


class _Generator:
    def __init__(self, seed: int, as_of: dt.date):
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.regions = _Regions(self.rng)
        self.serials: dict[str, int] = {}
        self.occupation = _Weighted(OCCUPATIONS)
        self.funding = _Weighted(FUNDING)
        self.months = _Weighted(PAYMENT_MONTHS)
        self.income_range = _Weighted([((lo, hi), w) for w, lo, hi in INCOME_RANGES])
        self.age = _Weighted([(age, 1.0 if 25 <= age <= 50 else 0.55) for age in range(18, 61)])

    # -- parts ---------------------------------------------------------------------------
    def given(self, sex: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.05:
            return rng.choice(APOSTROPHE_NAMES)
        if roll < 0.08:
            return rng.choice(HYPHEN_NAMES)
        return rng.choice(FEMALE_GIVEN if sex == "F" else MALE_GIVEN)

    def full_name(self, sex: str) -> str:
        rng = self.rng
        roll = rng.random()
        words = 1 if roll < 0.35 else 2 if roll < 0.80 else 3 if roll < 0.95 else 4 if roll < 0.99 else 0
        if words == 0:  # a very long name (still at most 100 characters)
            parts = [rng.choice(TITLES)] + [self.given(sex) for _ in range(3)]
            parts += rng.sample(SECOND_NAMES, 4)
            name = " ".join(parts)
            while len(name) > 100:
                parts.pop()
                name = " ".join(parts)
            return name
        parts = [self.given(sex)]
        for _ in range(words - 1):
            parts.append(rng.choice(SECOND_NAMES) if rng.random() < 0.7 else self.given(sex))
        return " ".join(parts)

    def phone(self) -> str:
        rng = self.rng
        digits = rng.choice(PHONE_PREFIXES) + "".join(
            rng.choice("0123456789") for _ in range(rng.choice((7, 8, 8, 9)))
        )
        return "+62" + digits[1:] if rng.random() < 0.1 else digits

    def nik_district(self, village: str) -> str:
        rng = self.rng
        if rng.random() < OTHER_PROVINCE_SHARE:
            return self.regions.other_district(rng)
        if rng.random() < OWN_DISTRICT_SHARE:
            return village.rsplit(".", 1)[0]
        return rng.choice(self.regions.jambi_districts)

    def nik(self, district: str, birth: dt.date, sex: str) -> str:
        day = birth.day + (40 if sex == "F" else 0)
        head = f"{district.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
        last = self.serials.get(head)
        serial = self.rng.randint(1, 40) if last is None else last + self.rng.randint(1, 3)
        if serial > 9999:
            raise RuntimeError(f"serials exhausted for {head[:6]}")
        self.serials[head] = serial
        return f"{head}{serial:04d}"

    def birth_date(self) -> dt.date:
        rng = self.rng
        age = self.age(rng)
        # a birthday between (age+1) years and age years before as_of, exclusive
        latest = _years_before(self.as_of, age)
        earliest = _years_before(self.as_of, age + 1) + dt.timedelta(days=1)
        return earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))

    def income(self) -> int:
        rng = self.rng
        low, high = self.income_range(rng)
        value = rng.randint(low, high)
        if rng.random() < 0.9:  # people mostly declare round amounts
            value = max(low, min(high, round(value, -5 if value >= 2_000_000 else -4)))
        return value

    def heirs(self, sex: str, age: int) -> list[dict]:
        rng = self.rng
        married = age >= 22 and rng.random() < 0.8
        choices: list[str] = []
        if married:
            choices.append("suami" if sex == "F" else "istri")
            if age >= 24:
                choices.append("anak")
        else:
            choices += ["orang_tua", "saudara_kandung"]
        choices += rng.choice((["orang_tua"], ["saudara_kandung"], ["mertua"] if married else [],
                               ["cucu"] if age >= 45 else ["kakek_nenek"], ["lainnya"]))
        count = 1 if rng.random() < 0.6 else 2
        heirs = []
        for relationship in choices[:count]:
            heir_sex = {"suami": "M", "istri": "F"}.get(relationship) or rng.choice("FM")
            heirs.append({
                "name": self.full_name(heir_sex),
                "relationship": relationship,
                "phone": self.phone() if rng.random() < 0.6 else None,
            })
        return heirs

    def consent_at(self) -> str:
        rng = self.rng
        day = self.as_of - dt.timedelta(days=rng.randint(0, 364))
        moment = dt.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59),
                             rng.randint(0, 59), tzinfo=WIB)
        return moment.isoformat()

    def email(self, name: str) -> str | None:
        if self.rng.random() >= 0.08:
            return None
        local = "".join(ch for ch in name.lower().replace(" ", ".") if ch.isalpha() or ch == ".")
        local = ".".join(p for p in local.split(".") if p)[:30] or "warga"
        domain = self.rng.choice(("gmail.com", "yahoo.co.id", "gmail.com", "ymail.com"))
        return f"{local}{self.rng.randint(1, 99)}@{domain}"

    def street(self) -> str | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return f"Jl. {rng.choice(STREET_WORDS)}" + (f" No. {rng.randint(1, 150)}"
                                                         if rng.random() < 0.5 else "")
        if roll < 0.85:
            return f"Dusun {rng.choice(('I', 'II', 'III', 'IV', 'Sungai', 'Talang', 'Baru'))}"
        return None

    # -- the record ----------------------------------------------------------------------
    def record(self) -> dict:
        rng = self.rng
        sex = "F" if rng.random() < 0.45 else "M"
        birth = self.birth_date()
        age = _age_on(birth, self.as_of)
        village = self.regions.village(rng)
        district = self.nik_district(village)
        occupation = self.occupation(rng)
        name = self.full_name(sex)
        birth_place = rng.choice((
            _short_region_name(self.regions.names[district.rsplit(".", 1)[0]]),
            _short_region_name(self.regions.names[district.rsplit(".", 1)[0]]),
            self.regions.district_names[district],
            rng.choice(JAMBI_TOWNS),
        ))
        programs = ["JKK", "JKM", "JHT"] if rng.random() < 0.2 else ["JKK", "JKM"]
        return {
            "nik": self.nik(district, birth, sex),
            "full_name": name,
            "birth_place": birth_place,
            "birth_date": birth.isoformat(),
            "sex": sex,
            "phone": self.phone(),
            "email": self.email(name),
            "village_code": village,
            "rt": f"{rng.randint(1, 25):03d}",
            "rw": f"{rng.randint(1, 12):03d}" if rng.random() < 0.9 else "",
            "street": self.street(),
            "occupation": occupation,
            "work_location": rng.choice(WORK_PLACES[occupation]) if rng.random() < 0.8 else None,
            "declared_income": self.income(),
            "programs": programs,
            "payment_months": self.months(rng),
            "funding_source": self.funding(rng),
            "heirs": self.heirs(sex, age),
            "consent": {
                "given": True,
                "at": self.consent_at(),
                "method": "verbal_witnessed",
                "witness": rng.choice(WITNESSES) if rng.random() < 0.3 else self.full_name(
                    rng.choice("FM")),
            },
        }


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def generate(n: int, seed: int = 1, *, as_of: dt.date = AS_OF) -> Iterator[dict]:
    """``n`` valid synthetic registrations; the same ``seed`` gives the same records."""
    generator = _Generator(seed, as_of)
    for _ in range(n):
        yield generator.record()


def write_jsonl(path: Path, n: int, seed: int = 1, *, as_of: dt.date = AS_OF) -> Path:
    """Write ``generate(n, seed)`` to ``path`` as JSON Lines (UTF-8); returns ``path``."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in generate(n, seed, as_of=as_of):
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="number of registrations (1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=AS_OF,
                        help=f"date ages and consent times are relative to ({AS_OF})")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("-n must be 0 or more")
    if args.output:
        write_jsonl(Path(args.output), args.n, args.seed, as_of=args.as_of)
    else:
        for record in generate(args.n, args.seed, as_of=args.as_of):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
