"""Reading registrations from JSON Lines, CSV and XLSX files, one record at a time.

CSV and XLSX use the JSON field names as headers; the nested fields (``programs``,
``heirs``, ``consent``) hold JSON text, and ``programs`` may also be ``JKK,JKM,JHT``.
Rows are yielded lazily so a 50,000-row file never sits in memory whole.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desa_peduli.errors import InputRejected

NESTED = ("heirs", "consent")
SUPPORTED = (".jsonl", ".ndjson", ".json", ".csv", ".xlsx")


@dataclass
class SourceRow:
    number: int  # 1-based line (JSONL) or spreadsheet row (header is row 1)
    data: dict | None
    error: str | None = None  # a row that could not even be read
    error_en: str | None = None


def iter_rows(path: Path) -> Iterator[SourceRow]:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputRejected(f"Berkas tidak ditemukan: {path}", f"File not found: {path}")
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _iter_jsonl(path)
    elif suffix == ".csv":
        yield from _iter_csv(path)
    elif suffix == ".xlsx":
        yield from _iter_xlsx(path)
    else:
        raise InputRejected(
            f"{path.name}: jenis berkas tidak didukung; pakai .jsonl, .csv atau .xlsx.",
            f"{path.name}: unsupported file type; use .jsonl, .csv or .xlsx.",
        )


def _iter_jsonl(path: Path) -> Iterator[SourceRow]:
    with open(path, encoding="utf-8-sig", errors="strict") as handle:
        number = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                raise InputRejected(
                    f"{path.name}: bukan teks UTF-8 (sekitar baris {number + 1}).",
                    f"{path.name}: not UTF-8 text (near line {number + 1}).",
                ) from exc
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                yield SourceRow(number, None, "JSON tidak sah; periksa tanda kutip dan koma.",
                                "invalid JSON; check quotes and commas.")
                continue
            if not isinstance(data, dict):
                yield SourceRow(number, None, "baris harus berupa objek JSON {...}.",
                                "a line must be a JSON object {...}.")
                continue
            yield SourceRow(number, data)


def _cell_record(headers: list[str], values: list) -> dict:
    record: dict = {}
    for header, value in zip(headers, values, strict=False):
        if not header:
            continue
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                value = None
        if header in NESTED and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # validation reports the field
        if header == "programs" and isinstance(value, str) and value.startswith("["):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if header == "phone" and isinstance(value, int):
            # a spreadsheet number lost the leading 0 of "08..."
            value = ("0" + str(value)) if str(value).startswith("8") else str(value)
        if header == "nik" and isinstance(value, int):
            if value > 2**53:
                raise _NumericNik()
            value = str(value)
        record[header] = value
    return record


class _NumericNik(Exception):
    """A NIK stored as a spreadsheet number: beyond 2**53 its last digits are lost."""


NUMERIC_NIK_ID = (
    "NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom "
    "nik sebagai Teks lalu ketik ulang."
)
NUMERIC_NIK_EN = (
    "the NIK was stored as a number in Excel and lost its last digits; format the nik "
    "column as Text and type it again."
)


def _row(number: int, headers: list[str], values: list) -> SourceRow:
    try:
        return SourceRow(number, _cell_record(headers, values))
    except _NumericNik:
        return SourceRow(number, None, NUMERIC_NIK_ID, NUMERIC_NIK_EN)


def sniffed_reader(handle, delimiters: str = ",;\t"):
    """A ``csv.reader`` over an open text file, its delimiter guessed from its start."""
    sample = handle.read(8192)
    handle.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=delimiters)
    except csv.Error:
        dialect = csv.excel
    return csv.reader(handle, dialect)


def _iter_csv(path: Path) -> Iterator[SourceRow]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = sniffed_reader(handle)
            headers = [h.strip().lower() for h in next(reader, [])]
            for index, values in enumerate(reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                yield _row(index, headers, values)
    except UnicodeDecodeError as exc:
        raise InputRejected(
            f"{path.name}: bukan teks UTF-8; simpan ulang sebagai CSV UTF-8.",
            f"{path.name}: not UTF-8 text; save it again as CSV UTF-8.",
        ) from exc


def _iter_xlsx(path: Path) -> Iterator[SourceRow]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputRejected(
            f"{path.name}: bukan berkas Excel (.xlsx) yang sah.",
            f"{path.name}: not a valid Excel (.xlsx) file.",
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        headers = [str(h).strip().lower() if h is not None else "" for h in next(rows, ())]
        for index, values in enumerate(rows, start=2):
            values = [_xlsx_value(v) for v in values]
            if all(v in (None, "") for v in values):
                continue
            yield _row(index, headers, values)
    finally:
        workbook.close()


def _xlsx_value(value):
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
