#!/usr/bin/env python3
"""Deterministic synthetic registrations for benchmarks and load tests (JSON Lines).

    python tools/generate_registrations.py -n 50000 --seed 1 -o out.jsonl
    python tools/generate_registrations.py -n 2000 --seed 2 --shape attachments \
        -o out.jsonl --photos out.photos.jsonl

Every record is a complete, valid registration in CLI.md's JSON form, shaped like what the
field produces: real Kemendagri codes from ``desa_peduli.reference.regions()`` (home
villages in Jambi, province 15; about 10% of NIKs issued in other provinces), NIKs
consistent with the birth date and sex (women: day + 40) with unique serials; names of
one to five words with Indonesian and Arabic-derived spellings (``Ma'ruf``, ``Nur’aini``,
``H. Abdul Rahman bin Ismail``, hyphens, titles, a few close to the 100-character limit);
optional fields (``email``, ``street``, ``work_location``, ``rw``, a heir's ``phone``)
present, ``null`` or absent at realistic rates; street descriptions up to the
200-character limit; zero to five heirs (zero is a warning, not an error); consent
verbal with a witness or on a numbered paper form; weighted occupations, incomes
across the bands (most low), 20% with JHT, funding mostly mandiri.

Shapes (``--shape``): ``plain`` (text only) and ``attachments``, where 10% of people sign
on the laptop (consent ``method: signature`` with a real grayscale PNG, 460×150 like the
signature pad, in ``consent.signature_png`` as base64, as ``add`` accepts it) and 5% have
a KTP photo (a valid 1600-px-wide baseline JPEG of 150–400 KB like the form's
``load_as_jpeg`` output; the CLI has no column for it, so it is written to a separate
``--photos`` file of ``{"nik", "mime", "data"}`` lines for code that saves it through the
service). Both shapes give the same text for a seed except the consent of the people who
sign: the attachment draws use their own random stream.

``volunteer_parts()`` splits N people over volunteers the way a branch sees them: a few
people registered again by another volunteer (same NIK) and, per volunteer, a later
round editing 5% of its own records (rows with the same NIK and no ``id``, which ``add``
applies as updates).

The same ``seed``, ``shape`` (and ``as_of``) always give the same bytes.
As a module: ``generate(n, seed, shape=...) -> Iterator[dict]``,
``generate_with_photos(...) -> Iterator[(dict, bytes | None)]``.
No personal data is real: names are drawn at random from lists of common names.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import datetime as dt
import functools
import itertools
import json
import math
import random
import struct
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
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
# Arabic-derived names in the spellings found on KTPs (one person's "Abdurrahman" is
# another's "Abdul Rahman" or "Abd. Rachman"; apostrophes straight or curly)
ARABIC_MALE = (
    "Abdurrahman", "Abdul Rahman", "Abd. Rachman", "Abdul Rachman", "Abdullah", "Abdul Gani",
    "Abdul Karim", "Abdul Kadir", "Abdul Qodir", "Abdul Wahab", "Abdul Muthalib", "Ma'ruf",
    "Makruf", "Ma’ruf", "Ma'mun", "Mu'min", "Mu'izzuddin", "Ja'far", "Syafi'i", "Syafii",
    "Na'im", "Tu'ah", "Muhammad", "Muhamad", "Mohammad", "Mochammad", "Moh.", "M.",
    "Zainuddin", "Zainal Abidin", "Nurul Huda", "Nurhadi", "Khairul", "Chairul", "Fakhrurrozi",
    "Fachrurrozi", "Syamsul Bahri", "Samsul Bahri", "Sayyid", "Habib", "Husein", "Husin",
    "Hussein", "Ridhwan", "Ridwan", "Syaiful", "Saiful", "Qomaruddin", "Komaruddin",
    "Ikhwan", "Ichwan", "Lukmanul Hakim", "Al-Fatih", "Abdul-Karim", "Abdul-Gani",
)
ARABIC_FEMALE = (
    "Nur'aini", "Nuraini", "Nur Aini", "Nur’aini", "Sa'diyah", "Sa’diyah", "Ni'mah",
    "Rabi'ah", "Rabiah", "Mar'atun", "Qur'ani", "Ummi Kalsum", "Umi Kalsum", "Ummu Kultsum",
    "Khairunnisa", "Khoirunnisa", "Choirunnisa", "Syarifah", "Sarifah", "Fatimah Az-Zahra",
    "Siti Khadijah", "Siti Aisyah", "Aisyah", "Aisah", "Zulaikha", "Zulaekha", "Nurul Hidayah",
    "Nur Hasanah", "Nur-Hasanah", "Nur-Azizah", "Rofi'ah", "Masruroh", "Mas'udah", "Syafa'ah",
    "Ruqayyah", "Rukayah", "Zubaidah", "Halimatussa'diyah", "Hamidah", "Sri-Rejeki",
)
TITLES = ("Raden", "Raden Mas", "Raden Ayu", "Tengku", "Andi", "Daeng", "Haji", "Hajjah",
          "H.", "Hj.", "Datuk", "Sayyid", "Syarifah", "Tgk.", "Ir.", "Drs.")
# long landmark-style descriptions, as volunteers type them where streets have no names
STREET_LANDMARKS = (
    "samping masjid Al-Ikhlas", "depan kios pupuk Pak Harun", "belakang SD Negeri 12",
    "rumah panggung cat hijau", "dekat jembatan gantung", "seberang pangkalan ojek",
    "lorong sebelah toko emas", "ujung gang buntu, rumah ketiga dari kanan",
    "sebelah posyandu Melati", "arah ke kebun sawit PT, lewat pos ronda",
    "dekat tower telkomsel", "belakang pasar kalangan hari Kamis", "samping musala Nurul Iman",
    "tepi Sungai Batanghari, dermaga kayu", "depan warung kopi Mak Inah",
)
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


# -- shapes ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Shape:
    """How many people carry image attachments."""

    signature_share: float  # consent signed on the laptop, PNG in consent.signature_png
    ktp_photo_share: float  # a KTP photo (JPEG), only through the --photos side file


SHAPES = {
    "plain": Shape(0.0, 0.0),
    "attachments": Shape(0.10, 0.05),
}
DEFAULT_SHAPE = "plain"
KTP_MIME = "image/jpeg"
SIGNATURE_SIZE = (460, 150)  # the signature pad's size (ui/volunteer/form/signature_pad.py)
KTP_WIDTH = 1600  # the form's load_as_jpeg fits photos in 1600 px (ktp_photo.MAX_SIDE)


def shape_of(name: str) -> Shape:
    try:
        return SHAPES[name]
    except KeyError:
        raise ValueError(f"unknown shape {name!r} (one of {', '.join(SHAPES)})") from None


# -- images ---------------------------------------------------------------------------------
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def signature_png(rng: random.Random, size: tuple[int, int] = SIGNATURE_SIZE) -> bytes:
    """A grayscale PNG of a few pen strokes on white (what the signature pad saves)."""
    width, height = size
    pixels = bytearray(b"\xff" * (width * height))
    for _ in range(rng.randint(2, 5)):  # strokes
        x, y = rng.uniform(20, width * 0.6), rng.uniform(30, height - 30)
        angle = rng.uniform(-0.5, 0.5)
        for _ in range(rng.randint(60, 260)):
            angle += rng.uniform(-0.6, 0.6)
            x = min(max(x + 3 * math.cos(angle) + 0.8, 2), width - 3)
            y = min(max(y + 3 * math.sin(angle), 2), height - 3)
            cx, cy = int(x), int(y)
            for dy in (-1, 0, 1):
                row = (cy + dy) * width
                for dx in (-1, 0, 1):
                    shade = rng.randint(10, 60) if dx == dy == 0 else rng.randint(120, 220)
                    i = row + cx + dx
                    if shade < pixels[i]:
                        pixels[i] = shade
    raw = b"".join(b"\x00" + bytes(pixels[r * width:(r + 1) * width]) for r in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(raw, 6)) + _png_chunk(b"IEND", b""))


# A baseline grayscale JPEG written straight from quantised coefficients (no DCT): every
# 8×8 block gets a DC difference and a few AC coefficients, coded with fixed-length
# Huffman tables (a valid canonical code: 4-bit DC, 8-bit AC). A restart marker after
# every half row of blocks lets a photo be assembled from a pool of pre-coded ones, so a
# 300 KB photo costs a join, not a Python encoder run. The bytes are as incompressible
# as a real photo's, decode in any JPEG reader, and differ from photo to photo.
_JPEG_DETAIL = ((3, 20), (5, 40), (7, 28), (10, 12))  # (AC coefficients per block, weight)
_JPEG_POOL_ROWS = 64  # half rows of blocks (restart intervals) per detail level
_AC_SYMBOLS = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]
_AC_CODE = {symbol: code for code, symbol in enumerate(_AC_SYMBOLS)}  # 8 bits each


def _jpeg_segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _jpeg_header(width: int, height: int) -> bytes:
    quant = bytes(max(1, min(255, 8 + (i // 4))) for i in range(64))  # a plausible q~80 table
    dc_table = bytes([0x00]) + bytes([0, 0, 0, 12] + [0] * 12) + bytes(range(12))
    ac_table = (bytes([0x10]) + bytes([0] * 7 + [len(_AC_SYMBOLS)] + [0] * 8)
                + bytes(_AC_SYMBOLS))
    return (b"\xff\xd8"
            + _jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00")
            + _jpeg_segment(0xDB, b"\x00" + quant)
            + _jpeg_segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
            + _jpeg_segment(0xC4, dc_table + ac_table)
            + _jpeg_segment(0xDD, struct.pack(">H", width // 16))  # half a row
            + _jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"))


def _magnitude(value: int) -> tuple[int, int]:
    """JPEG's (size, bits) of a coefficient value."""
    size = abs(value).bit_length()
    return size, value if value > 0 else value + (1 << size) - 1


def _jpeg_row(rng: random.Random, blocks: int, ac_count: int) -> bytes:
    """One restart interval: ``blocks`` blocks, the DC prediction starting from 0."""
    acc = 0
    nbits = 0
    previous_dc = 0
    for _ in range(blocks):
        dc = max(-1000, min(1000, previous_dc + rng.randint(-24, 24)))
        size, bits = _magnitude(dc - previous_dc)
        previous_dc = dc
        acc = (acc << (4 + size)) | (size << size) | bits
        nbits += 4 + size
        position = 0
        for _ in range(ac_count):
            run = min(int(rng.expovariate(0.6)), 62 - position)
            if position + run + 1 > 63:
                break
            position += run + 1
            while run > 15:
                acc = (acc << 8) | _AC_CODE[0xF0]
                nbits += 8
                run -= 16
            value = rng.choice((-1, 1)) * max(1, int(rng.expovariate(0.12)))
            size, bits = _magnitude(max(-1023, min(1023, value)))
            acc = (acc << (8 + size)) | (_AC_CODE[(run << 4) | size] << size) | bits
            nbits += 8 + size
        if position < 63:
            acc = (acc << 8) | _AC_CODE[0x00]  # end of block
            nbits += 8
    pad = -nbits % 8
    acc = (acc << pad) | ((1 << pad) - 1)
    data = acc.to_bytes((nbits + pad) // 8, "big")
    return data.replace(b"\xff", b"\xff\x00")


@functools.cache
def _jpeg_pool(seed: int, level: int, width: int) -> tuple[bytes, ...]:
    """Coded rows for one seed and detail level (own random stream: order-independent)."""
    rng = random.Random(f"jpeg-rows-{seed}-{level}-{width}")
    return tuple(_jpeg_row(rng, width // 16, level) for _ in range(_JPEG_POOL_ROWS))


class _PhotoMaker:
    """KTP photos for one seed, assembled from ``_jpeg_pool`` rows."""

    def __init__(self, seed: int, width: int = KTP_WIDTH):
        self.seed = seed
        self.rng = random.Random(f"photos-{seed}")
        self.width = width
        self.detail = _Weighted([(level, weight) for level, weight in _JPEG_DETAIL])

    def photo(self) -> bytes:
        rng = self.rng
        pool = _jpeg_pool(self.seed, self.detail(rng), self.width)
        rows = rng.randint(118, 127)  # a card photographed at 1600 × 944…1016
        parts = [_jpeg_header(self.width, rows * 8)]
        for r in range(rows * 2):
            if r:
                parts.append(bytes((0xFF, 0xD0 + (r - 1) % 8)))  # RSTn between intervals
            parts.append(pool[rng.randrange(len(pool))])
        parts.append(b"\xff\xd9")
        return b"".join(parts)


class _Generator:
    def __init__(self, seed: int, as_of: dt.date, shape: str = DEFAULT_SHAPE):
        self.rng = random.Random(seed)
        # attachment draws have their own stream: both shapes give the same text
        self.attach_rng = random.Random(f"attachments-{seed}")
        self.shape = shape_of(shape)
        self.photos = _PhotoMaker(seed)
        self.as_of = as_of
        self.regions = _Regions(self.rng)
        self.serials: dict[str, int] = {}
        self.occupation = _Weighted(OCCUPATIONS)
        self.funding = _Weighted(FUNDING)
        self.months = _Weighted(PAYMENT_MONTHS)
        self.income_range = _Weighted([((lo, hi), w) for w, lo, hi in INCOME_RANGES])
        self.age = _Weighted([(age, 1.0 if 25 <= age <= 50 else 0.55) for age in range(18, 61)])
        # words in a name: one to five (single names are common in Java and Sumatra)
        self.name_words = _Weighted([(1, 24), (2, 36), (3, 23), (4, 11), (5, 6)])
        self.heir_count = _Weighted([(0, 7), (1, 33), (2, 28), (3, 16), (4, 10), (5, 6)])

    # -- parts ---------------------------------------------------------------------------
    def given(self, sex: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04:
            return rng.choice(APOSTROPHE_NAMES)
        if roll < 0.06:
            return rng.choice(HYPHEN_NAMES)
        if roll < 0.22:
            return rng.choice(ARABIC_FEMALE if sex == "F" else ARABIC_MALE)
        return rng.choice(FEMALE_GIVEN if sex == "F" else MALE_GIVEN)

    def full_name(self, sex: str) -> str:
        rng = self.rng
        words = self.name_words(rng)
        parts = [self.given(sex)]
        while sum(len(part.split()) for part in parts) < words:
            roll = rng.random()
            if len(parts) >= 2 and roll < 0.12:  # patronymic: "Abdul Rahman bin Ismail"
                parts.append(("binti " if sex == "F" else "bin ") + self.given("M"))
            elif roll < 0.55:
                parts.append(rng.choice(SECOND_NAMES))
            else:
                parts.append(self.given(sex))
        while len(parts) > 1 and sum(len(part.split()) for part in parts) > max(words, 2):
            parts.pop()  # a two-word given name or patronymic overshot the count
        if 3 <= words < 5 and rng.random() < 0.1:
            parts.insert(0, rng.choice(TITLES))
        if rng.random() < 0.003:  # a very long name, close to the 100-character limit
            parts = [rng.choice(TITLES), *parts, *rng.sample(SECOND_NAMES, 8)]
        name = " ".join(parts)
        while len(name) > 100 or name.endswith((" bin", " binti")):
            name = name.rsplit(" ", 1)[0]
        return name

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
                choices += ["anak"] * rng.randint(1, 4)
        else:
            choices += ["orang_tua", "saudara_kandung"]
        choices += rng.choice((["orang_tua"], ["saudara_kandung"], ["mertua"] if married else [],
                               ["cucu"] if age >= 45 else ["kakek_nenek"], ["lainnya"]))
        choices += ["orang_tua", "saudara_kandung", "saudara_kandung", "lainnya"]
        heirs = []
        for relationship in choices[:self.heir_count(rng)]:
            heir_sex = {"suami": "M", "istri": "F"}.get(relationship) or rng.choice("FM")
            heir = {"name": self.full_name(heir_sex), "relationship": relationship}
            roll = rng.random()
            if roll < 0.55:
                heir["phone"] = self.phone()
            elif roll < 0.8:
                heir["phone"] = None  # else: the key is absent
            heirs.append(heir)
        return heirs

    def consent_at(self) -> str:
        rng = self.rng
        day = self.as_of - dt.timedelta(days=rng.randint(0, 364))
        moment = dt.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59),
                             rng.randint(0, 59), tzinfo=WIB)
        return moment.isoformat()

    def consent(self) -> dict:
        rng = self.rng
        at = self.consent_at()
        witness = rng.choice(WITNESSES) if rng.random() < 0.3 else self.full_name(rng.choice("FM"))
        paper = rng.random() < 0.2
        reference = f"F-{at[:4]}-{rng.randint(1, 99999):05d}"
        # the attachment stream decides who signs on the laptop (both shapes draw it)
        if self.attach_rng.random() < self.shape.signature_share:
            png = signature_png(self.attach_rng)
            return {"given": True, "at": at, "method": "signature",
                    "signature_png": base64.b64encode(png).decode("ascii")}
        if paper:
            return {"given": True, "at": at, "method": "paper", "reference": reference}
        return {"given": True, "at": at, "method": "verbal_witnessed", "witness": witness}

    def email(self, name: str) -> str | None:
        if self.rng.random() >= 0.15:
            return None
        local = "".join(ch for ch in name.lower().replace(" ", ".") if ch.isalpha() or ch == ".")
        local = ".".join(p for p in local.split(".") if p)[:30] or "warga"
        domain = self.rng.choice(("gmail.com", "yahoo.co.id", "gmail.com", "ymail.com",
                                  "gmail.com", "yahoo.com", "outlook.co.id"))
        return f"{local}{self.rng.randint(1, 99)}@{domain}"

    def street(self) -> str | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            text = f"Jl. {rng.choice(STREET_WORDS)}" + (f" No. {rng.randint(1, 150)}"
                                                        if rng.random() < 0.5 else "")
        elif roll < 0.70:
            text = f"Dusun {rng.choice(('I', 'II', 'III', 'IV', 'Sungai', 'Talang', 'Baru'))}"
        elif roll < 0.85:  # a long description: street, alley, landmarks
            parts = [f"Jl. {rng.choice(STREET_WORDS)} KM {rng.randint(1, 40)}",
                     f"Lorong {rng.choice(STREET_WORDS)}"]
            parts += rng.sample(STREET_LANDMARKS, rng.randint(1, 4))
            text = ", ".join(parts)
            while len(text) > 200:
                text = text.rsplit(", ", 1)[0]
        else:
            return None
        return text

    # -- the record ----------------------------------------------------------------------
    def record(self) -> tuple[dict, bytes | None]:
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
        record = {
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
            "consent": self.consent(),
        }
        # optional fields left empty: about half the time the key is not there at all
        for key in ("email", "street", "work_location"):
            if record[key] is None and rng.random() < 0.5:
                del record[key]
        photo = None
        if self.attach_rng.random() < self.shape.ktp_photo_share:
            photo = self.photos.photo()
        return record, photo

    def edit(self, record: dict) -> dict:
        """The same person's record as a volunteer corrects it later (1–3 fields)."""
        rng = self.rng
        edited = json.loads(json.dumps(record))
        consent = edited.get("consent") or {}
        consent.pop("signature_png", None)  # a file row has no image: the stored one stays
        for change in rng.sample(("phone", "income", "street", "months", "heir", "email",
                                  "work_location"), rng.randint(1, 3)):
            if change == "phone":
                edited["phone"] = self.phone()
            elif change == "income":
                edited["declared_income"] = self.income()
            elif change == "street":
                edited["street"] = self.street()
            elif change == "months":
                edited["payment_months"] = self.months(rng)
            elif change == "heir" and len(edited["heirs"]) < 5:
                edited["heirs"].append({"name": self.full_name(rng.choice("FM")),
                                        "relationship": rng.choice(("anak", "saudara_kandung",
                                                                    "orang_tua", "lainnya")),
                                        "phone": self.phone() if rng.random() < 0.5 else None})
            elif change == "email":
                edited["email"] = self.email(edited["full_name"]) or None
            elif change == "work_location":
                edited["work_location"] = rng.choice(WORK_PLACES[edited["occupation"]])
        unchanged = dict(record, consent=consent)
        while edited == unchanged:  # the draws happened to give the same values
            edited["phone"] = self.phone()
        return edited


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def generate_with_photos(n: int, seed: int = 1, *, shape: str = DEFAULT_SHAPE,
                         as_of: dt.date = AS_OF) -> Iterator[tuple[dict, bytes | None]]:
    """``n`` valid registrations, each with its KTP photo (JPEG bytes) or None."""
    generator = _Generator(seed, as_of, shape)
    for _ in range(n):
        yield generator.record()


def generate(n: int, seed: int = 1, *, shape: str = DEFAULT_SHAPE,
             as_of: dt.date = AS_OF) -> Iterator[dict]:
    """``n`` valid synthetic registrations; the same ``seed`` gives the same records."""
    for record, _photo in generate_with_photos(n, seed, shape=shape, as_of=as_of):
        yield record


def photo_line(nik: str, photo: bytes) -> str:
    """One line of a ``--photos`` file (JSON, no newline)."""
    return json.dumps({"nik": nik, "mime": KTP_MIME,
                       "data": base64.b64encode(photo).decode("ascii")})


def write_jsonl(path: Path, n: int, seed: int = 1, *, shape: str = DEFAULT_SHAPE,
                as_of: dt.date = AS_OF, photos: Path | None = None) -> Path:
    """Write ``generate(n, seed)`` to ``path`` as JSON Lines (UTF-8); returns ``path``.

    ``photos``: also write the KTP photos there (one ``photo_line`` a line)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="\n") as handle, \
            open(photos or "/dev/null", "w", encoding="ascii", newline="\n") as photo_handle:
        for record, photo in generate_with_photos(n, seed, shape=shape, as_of=as_of):
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
            if photo is not None and photos is not None:
                photo_handle.write(photo_line(record["nik"], photo) + "\n")
    return path


@dataclass
class VolunteerPart:
    """What one volunteer registers: new people (one bundle), then edits (a later one)."""

    index: int  # 0-based volunteer number
    records: list[dict]
    photos: dict[str, bytes]  # NIK -> KTP photo, for some of ``records``
    edits: list[dict]  # later rows for 5% of ``records``: same NIK, some fields changed
    repeated: int  # how many of ``records`` are people another volunteer registered before


def volunteer_parts(n: int, seed: int = 1, *, per_volunteer: int = 5000,
                    shape: str = DEFAULT_SHAPE, as_of: dt.date = AS_OF,
                    edit_share: float = 0.05,
                    repeat_share: float = 0.002) -> Iterator[VolunteerPart]:
    """``n`` people split over volunteers of ``per_volunteer`` each, like a branch sees them.

    About ``repeat_share`` of each volunteer's people (after the first volunteer) were
    registered before by an earlier volunteer: the same NIK and person, another phone.
    ``edit_share`` of each volunteer's records come back edited in a later round. Records
    within one volunteer have distinct NIKs (``add`` refuses a NIK twice in one file).
    """
    generator = _Generator(seed, as_of, shape)
    plan = random.Random(f"plan-{seed}")
    earlier: list[dict] = []  # a sample of earlier volunteers' people, to repeat
    done = 0
    index = 0
    while done < n:
        count = min(per_volunteer, n - done)
        records: list[dict] = []
        photos: dict[str, bytes] = {}
        seen: set[str] = set()
        repeated = 0
        for _ in range(count):
            record, photo = generator.record()
            if earlier and plan.random() < repeat_share:
                person = plan.choice(earlier)
                if person["nik"] not in seen:
                    record = json.loads(json.dumps(person))
                    record["phone"] = generator.phone()
                    record["consent"] = generator.consent()
                    photo = None
                    repeated += 1
            seen.add(record["nik"])
            records.append(record)
            if photo is not None:
                photos[record["nik"]] = photo
        edits = [generator.edit(record)
                 for record in records if plan.random() < edit_share]
        for record in records:
            if plan.random() < 0.02:
                if len(earlier) < 5000:
                    earlier.append(record)
                else:
                    earlier[plan.randrange(len(earlier))] = record
        yield VolunteerPart(index, records, photos, edits, repeated)
        done += count
        index += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="number of registrations (1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=AS_OF,
                        help=f"date ages and consent times are relative to ({AS_OF})")
    parser.add_argument("--shape", choices=sorted(SHAPES), default=DEFAULT_SHAPE,
                        help=f"plain (text only) or attachments ({DEFAULT_SHAPE})")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--photos", help="write the KTP photos (attachments shape) here")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("-n must be 0 or more")
    if args.output:
        write_jsonl(Path(args.output), args.n, args.seed, shape=args.shape, as_of=args.as_of,
                    photos=Path(args.photos) if args.photos else None)
    else:
        if args.photos:
            parser.error("--photos needs -o")
        for record in generate(args.n, args.seed, shape=args.shape, as_of=args.as_of):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
