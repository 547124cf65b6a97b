"""Reading registrations from JSON Lines, CSV and XLSX files, one record at a time.

CSV and XLSX use the JSON field names as headers; the nested fields (``programs``,
``heirs``, ``consent``) hold JSON text, and ``programs`` may also be ``JKK,JKM,JHT``.
Rows are yielded lazily so a 50,000-row file never sits in memory whole.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from desa_peduli.errors import InputRejected

NESTED = ("heirs", "consent")
SUPPORTED = (".jsonl", ".ndjson", ".json", ".csv", ".xlsx")

# Limits on every file read here (registrations, KPJ results, coverage figures): beyond
# them a file is refused with its name and row, before anything is stored.
MAX_TEXT_FILE = 2 * 1024**3  # JSONL/CSV: streamed, so this only stops the absurd
MAX_XLSX_FILE = 256 * 1024**2
MAX_ROWS = 250_000  # data rows; 50,000 registrations is the expected largest file
MAX_COLUMNS = 256
MAX_CELL = 131_072  # characters in one CSV/XLSX cell (csv's own field limit)
MAX_LINE = 1024**2  # characters in one CSV line
MAX_JSON_LINE = 8 * 1024**2  # one JSONL registration, a signature image included
MAX_DEPTH = 16  # JSON nesting (a registration needs 3)
MAX_XLSX_MEMBERS = 10_000
MAX_XLSX_UNPACKED = 1024**3  # all the parts of an XLSX, unpacked
MAX_XLSX_PART = 32 * 1024**2  # a part openpyxl loads whole (shared strings, styles)
MAX_XLSX_RATIO = 200  # unpacked/packed of such a part over 1 MB: beyond it, a zip bomb
MAX_XLSX_ROW = 8 * 1024**2  # bytes of XML in one sheet row (openpyxl parses a row whole)
MAX_XLSX_ROW_CELLS = 16_384  # cell tags in one row: Excel's last column (empty ones count)
# a sheet's row and cell tags (any namespace prefix) and the end of its rows
_SHEET_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,31}:)?(row|c)[\s>/]"
                        rb"|</(?:[A-Za-z_][\w.-]{0,31}:)?sheetData>")


@dataclass
class SourceRow:
    number: int  # 1-based line (JSONL) or spreadsheet row (header is row 1)
    data: dict[str, Any] | None
    error: str | None = None  # a row that could not even be read
    error_en: str | None = None


def iter_rows(path: Path) -> Iterator[SourceRow]:
    path = Path(path)
    suffix = _checked_suffix(path, SUPPORTED, ".jsonl, .csv atau .xlsx", ".jsonl, .csv or .xlsx")
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _iter_jsonl(path)
        return
    cells = iter_cells(path)
    first = next(cells, None)
    if first is None:
        return
    headers = [_header(h) for h in first[1]]
    for number, values in cells:
        if suffix == ".xlsx":
            values = [_xlsx_value(v) for v in values]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if any(v not in (None, "") for v in values[len(headers):]):
            yield SourceRow(number, None,
                            f"baris ini lebih panjang daripada judulnya ({len(headers)} "
                            "kolom); beri judul kolom tambahannya atau hapus isinya.",
                            f"the row is longer than its header ({len(headers)} columns); "
                            "name the extra column or clear it.")
            continue
        yield _row(number, headers, values)


def _header(value: object) -> str:
    return str(value).strip().lower() if value is not None else ""


def _checked_suffix(path: Path, supported: tuple[str, ...], names_id: str, names_en: str) -> str:
    """The file's suffix, once it is known to exist, be allowed and not be too large."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:
        size = None
    if size is None:
        raise InputRejected(f"Berkas tidak ditemukan: {path}", f"File not found: {path}")
    if suffix not in supported:
        raise InputRejected(
            f"{path.name}: jenis berkas tidak didukung; pakai {names_id}.",
            f"{path.name}: unsupported file type; use {names_en}.")
    limit = MAX_XLSX_FILE if suffix == ".xlsx" else MAX_TEXT_FILE
    if size > limit:
        raise refused(path, None, f"berkas terlalu besar ({_size(size)}; paling besar "
                      f"{_size(limit)}); bagi menjadi beberapa berkas",
                      f"the file is too large ({_size(size)}; at most {_size(limit)}); "
                      "split it into several files")
    return suffix


def _size(count: int) -> str:
    return f"{count / 1024**2:.0f} MB" if count >= 1024**2 else f"{count} B"


def refused(path: Path, row: int | None, what_id: str, what_en: str) -> InputRejected:
    """The one form of a refused input file: its name, the row, and nothing changed."""
    where_id = f" baris {row}" if row else ""
    where_en = f" row {row}" if row else ""
    return InputRejected(f"{path.name}{where_id}: {what_id}; tidak ada yang diubah.",
                         f"{path.name}{where_en}: {what_en}; nothing was changed.")


def _json_depth_ok(value: object, limit: int = MAX_DEPTH) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def _iter_jsonl(path: Path) -> Iterator[SourceRow]:
    with _text_file(path) as handle:
        number = 0
        while True:
            try:
                line = handle.readline(MAX_JSON_LINE + 1)
            except UnicodeDecodeError as exc:
                raise _not_text(path, number + 1) from exc
            if not line:
                return
            number += 1
            if number > MAX_ROWS:
                raise _too_many_rows(path, number)
            if len(line) > MAX_JSON_LINE:
                raise refused(path, number, f"baris terlalu panjang (lebih dari "
                              f"{_size(MAX_JSON_LINE)})", f"the line is too long (over "
                              f"{_size(MAX_JSON_LINE)})")
            if "\x00" in line:
                raise _nul(path, number)
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except RecursionError:
                data = None
            except ValueError:
                yield SourceRow(number, None, "JSON tidak sah; periksa tanda kutip dan koma.",
                                "invalid JSON; check quotes and commas.")
                continue
            if data is None or not _json_depth_ok(data):
                yield SourceRow(number, None, f"JSON bersarang terlalu dalam (paling dalam "
                                f"{MAX_DEPTH} tingkat).", f"the JSON is nested too deep "
                                f"(at most {MAX_DEPTH} levels).")
                continue
            if not isinstance(data, dict):
                yield SourceRow(number, None, "baris harus berupa objek JSON {...}.",
                                "a line must be a JSON object {...}.")
                continue
            yield SourceRow(number, data)


def _cell_record(headers: list[str], values: list[Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
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


def _row(number: int, headers: list[str], values: list[Any]) -> SourceRow:
    try:
        return SourceRow(number, _cell_record(headers, values))
    except _NumericNik:
        return SourceRow(number, None, NUMERIC_NIK_ID, NUMERIC_NIK_EN)


def iter_cells(path: Path, delimiters: str = ",;\t") -> Iterator[tuple[int, list[Any]]]:
    """``(row number, cell values)`` of a CSV or of an XLSX's first sheet, empty rows
    included, within the limits (size, rows, columns, cell length); a file beyond them,
    or one that cannot be read, raises InputRejected naming the file and the row."""
    path = Path(path)
    suffix = _checked_suffix(path, (".csv", ".xlsx"), ".csv atau .xlsx", ".csv or .xlsx")
    if suffix == ".csv":
        yield from _iter_csv(path, delimiters)
    else:
        yield from _iter_xlsx(path)


@contextlib.contextmanager
def _text_file(path: Path) -> Iterator[TextIO]:
    """The file as text: UTF-8 (with or without BOM) or UTF-16 with its BOM."""
    with open(path, "rb") as raw:
        start = raw.read(4)
    encoding = "utf-16" if start[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    try:
        handle = open(path, encoding=encoding, newline="")  # closed below
    except OSError as exc:
        raise refused(path, None, "berkas tidak terbaca", "the file cannot be read") from exc
    with handle:
        yield handle


def _not_text(path: Path, row: int) -> InputRejected:
    return refused(path, row, "bukan teks UTF-8 (simpan ulang sebagai CSV UTF-8)",
                   "not UTF-8 text (save it again as CSV UTF-8)")


def _nul(path: Path, row: int) -> InputRejected:
    return refused(path, row, "berisi byte NUL: ini bukan berkas teks", "holds NUL bytes: "
                   "this is not a text file")


def _too_many_rows(path: Path, row: int) -> InputRejected:
    return refused(path, row, f"terlalu banyak baris (paling banyak {MAX_ROWS:,}); bagi "
                   "menjadi beberapa berkas".replace(",", "."),
                   f"too many rows (at most {MAX_ROWS:,}); split it into several files")


def _too_wide(path: Path, row: int) -> InputRejected:
    return refused(path, row, f"terlalu banyak kolom (paling banyak {MAX_COLUMNS})",
                   f"too many columns (at most {MAX_COLUMNS})")


def _too_long_cell(path: Path, row: int) -> InputRejected:
    return refused(path, row, f"isi sel terlalu panjang (paling panjang {MAX_CELL:,} "
                   "karakter)".replace(",", "."),
                   f"a cell is too long (at most {MAX_CELL:,} characters)")


def _limited_lines(path: Path, handle: TextIO, first_row: Callable[[], int]) -> Iterator[str]:
    """The lines of ``handle``, each checked for length and NUL bytes."""
    while True:
        try:
            line = handle.readline(MAX_LINE + 1)
        except UnicodeDecodeError as exc:
            raise _not_text(path, first_row()) from exc
        if not line:
            return
        if len(line) > MAX_LINE:
            raise refused(path, first_row(), f"baris terlalu panjang (lebih dari "
                          f"{_size(MAX_LINE)})", f"the line is too long (over "
                          f"{_size(MAX_LINE)})")
        if "\x00" in line:
            raise _nul(path, first_row())
        yield line


def _iter_csv(path: Path, delimiters: str) -> Iterator[tuple[int, list[Any]]]:
    number = 0
    with _text_file(path) as handle:
        try:
            sample = handle.read(8192)
            handle.seek(0)
        except UnicodeDecodeError as exc:
            raise _not_text(path, 1) from exc
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=delimiters)
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(_limited_lines(path, handle, lambda: number + 1), dialect)
        while True:
            try:
                values = next(reader, None)
            except csv.Error as exc:
                if "field larger" in str(exc):
                    raise _too_long_cell(path, number + 1) from exc
                raise refused(path, number + 1, "CSV tidak sah (periksa tanda kutip)",
                              "invalid CSV (check the quotes)") from exc
            if values is None:
                return
            number += 1
            if number > MAX_ROWS + 1:
                raise _too_many_rows(path, number)
            if len(values) > MAX_COLUMNS:
                raise _too_wide(path, number)
            yield number, values


def _xlsx_checked(path: Path) -> None:
    """Refuse a zip that is no workbook or would unpack into too much (a zip bomb, a
    shared-strings table openpyxl would load whole), before openpyxl opens it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise refused(path, None, "bukan berkas Excel (.xlsx) yang sah",
                      "not a valid Excel (.xlsx) file") from exc
    names = {m.filename for m in members}
    if len(members) > MAX_XLSX_MEMBERS or "xl/workbook.xml" not in names:
        raise refused(path, None, "bukan berkas Excel (.xlsx) yang sah",
                      "not a valid Excel (.xlsx) file")
    total = 0
    for member in members:
        total += member.file_size
        loaded_whole = not member.filename.startswith("xl/worksheets/")
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_XLSX_UNPACKED or (loaded_whole and (
                member.file_size > MAX_XLSX_PART
                or (member.file_size > 1024**2 and ratio > MAX_XLSX_RATIO))):
            raise refused(path, None, "isi berkas Excel terlalu besar setelah dibuka "
                          f"({member.filename}: {_size(member.file_size)}); simpan ulang "
                          "dari Excel atau bagi menjadi beberapa berkas",
                          "the Excel content is too large once unpacked "
                          f"({member.filename}: {_size(member.file_size)}); save it again "
                          "from Excel or split it into several files")
    with zipfile.ZipFile(path) as archive:
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                _sheet_rows_checked(path, archive, member)


def _sheet_rows_checked(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Scan a sheet's XML as a stream: openpyxl builds each row whole (every cell of it)
    before the limits in :func:`_iter_xlsx` can look, so a row of millions of cells (a
    few KB packed) would take gigabytes. Refuse a row with more cells than Excel has
    columns (empty, styled cells count here; the trimmed row meets MAX_COLUMNS later) or
    more than MAX_XLSX_ROW bytes, and more than MAX_ROWS rows."""
    row = cells = 0
    row_start: int | None = None  # offset of the open row's tag
    offset, tail = 0, b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(1024**2):
                data, base = tail + chunk, offset - len(tail)
                offset += len(chunk)
                last = 0
                for match in _SHEET_TAG.finditer(data):
                    last = match.end()
                    if match.group(1) == b"c":
                        cells += 1
                        if cells > MAX_XLSX_ROW_CELLS:
                            raise _too_wide(path, row)
                        continue
                    _row_size_checked(path, row, row_start, base + match.start())
                    if match.group(1) == b"row":
                        row, cells, row_start = row + 1, 0, base + match.start()
                        if row > MAX_ROWS + 1:
                            raise _too_many_rows(path, row)
                    else:  # </sheetData>: no more rows
                        row_start = None
                _row_size_checked(path, row, row_start, offset)
                tail = data[max(last, len(data) - 64):]  # a tag cut by the chunk's end
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        raise refused(path, row or None, "isi berkas Excel rusak",
                      "the Excel content is damaged") from exc


def _row_size_checked(path: Path, row: int, start: int | None, end: int) -> None:
    if start is not None and end - start > MAX_XLSX_ROW:
        raise refused(path, row, f"baris terlalu besar (lebih dari {_size(MAX_XLSX_ROW)})",
                      f"the row is too large (over {_size(MAX_XLSX_ROW)})")


def _iter_xlsx(path: Path) -> Iterator[tuple[int, list[Any]]]:
    # start-up time: openpyxl (~0.1 s) loads with the first spreadsheet, not the program
    from openpyxl import load_workbook  # noqa: PLC0415

    _xlsx_checked(path)
    number = 0
    damaged = ("isi berkas Excel rusak", "the Excel content is damaged")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl parsing a hostile file fails many ways
        raise refused(path, None, "bukan berkas Excel (.xlsx) yang sah",
                      "not a valid Excel (.xlsx) file") from exc
    try:
        try:
            sheet = workbook.worksheets[0]
            rows_declared = (sheet.max_row or 0) - (sheet.min_row or 1)
            if rows_declared > MAX_ROWS + 1 or (sheet.max_column or 0) > MAX_COLUMNS:
                raise refused(path, None, f"lembar kerja menyatakan ukuran "
                              f"{sheet.max_row} baris × {sheet.max_column} kolom, di luar batas "
                              f"({MAX_ROWS} baris, {MAX_COLUMNS} kolom)",
                              f"the sheet declares {sheet.max_row} rows × {sheet.max_column} "
                              f"columns, beyond the limits ({MAX_ROWS} rows, {MAX_COLUMNS} "
                              "columns)")
            sheet.reset_dimensions()  # no padding to whatever size the file declares
            rows = sheet.iter_rows(values_only=True)
        except InputRejected:
            raise
        except Exception as exc:  # see above
            raise refused(path, None, *damaged) from exc
        while True:
            try:
                values = next(rows, None)
            except Exception as exc:  # see above
                raise refused(path, number + 1, *damaged) from exc
            if values is None:
                return
            number += 1
            if number > MAX_ROWS + 1:
                raise _too_many_rows(path, number)
            values = list(values)
            while values and values[-1] is None:
                values.pop()
            if len(values) > MAX_COLUMNS:
                raise _too_wide(path, number)
            if any(isinstance(v, str) and len(v) > MAX_CELL for v in values):
                raise _too_long_cell(path, number)
            yield number, values
    finally:
        workbook.close()


def _xlsx_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
