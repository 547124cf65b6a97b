"""The one writer of every CSV and XLSX file the app produces: no cell ever runs as a formula.

Names, streets, occupation labels and codes come from volunteers' laptops and from
installed reference lists, so any of them may start with ``=``, ``+``, ``-`` or ``@``,
which a spreadsheet program would run as a formula (a link, a command). The rule, for
every cell of every file (hand-over, breach list, coverage report and its sheets,
``list --format csv``, the KPJ rows not used):

- **Numbers stay numbers** (int, float, dates): they cannot be formulas.
- **CSV**: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading apostrophe (``'=1+1``), which spreadsheets show as text. A signed number written
  as text (``+6281234567890``, ``-5``) is left alone: a spreadsheet reads it as a number,
  never as a formula, and a phone number keeps its ``+``. Where Excel splits on ``;``
  (the list separator of Indonesian Windows) each ``;``-separated part of a text is
  treated the same way, since it becomes a cell of its own.
- **XLSX**: text is written as an explicit string cell (type ``s``), whatever it starts
  with: it can never be a formula or an error value, and its text is kept exactly (no
  apostrophe, so the core system reads the value it was given). Characters XML cannot
  hold are dropped.

Nothing else in the program may create a ``csv.writer`` or an openpyxl ``Workbook``
(``tests/services/test_spreadsheet.py`` checks the source).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli.errors import InputRejected
from desa_peduli.storage.files import atomic_writer, make_private

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_ACTIVE = ("=", "+", "-", "@", "\t", "\r")
_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


# -- CSV --------------------------------------------------------------------------------
def output_target(output: str | Path, standard_name: str) -> Path:
    """``-o``: an existing folder gets ``standard_name`` in it; anything else is the file,
    whose folder must exist."""
    target = Path(output)
    if target.is_dir():
        return target / standard_name
    if not target.parent.is_dir():
        raise InputRejected(f"Folder tujuan tidak ada: {target.parent}",
                            f"The target folder does not exist: {target.parent}")
    return target


def csv_cell(value: object) -> object:
    """A value a spreadsheet opening the CSV shows as text, never runs as a formula."""
    if type(value) is not str:
        return value
    if ";" in value:
        # Excel on a Windows whose list separator is ';' (Indonesian among them) splits a
        # CSV there, quotes or not: each part is a cell of its own and is made inert too
        return ";".join(map(_inert, value.split(";")))
    return _inert(value)


def _inert(text: str) -> str:
    if not text.startswith(_ACTIVE):
        return text
    if text[0] in "+-" and text[1:].replace(" ", "").isdigit():
        return text  # +6281234567890: a number, not a formula
    return "'" + text


class CsvWriter:
    """``csv.writer`` (or, given ``fieldnames``, ``csv.DictWriter``) whose every cell
    passes :func:`csv_cell`."""

    def __init__(self, stream: SupportsWrite[str], fieldnames: list[str] | None = None,
                 **options: Any):
        self._dict = (csv.DictWriter(stream, fieldnames=fieldnames, **options)
                      if fieldnames is not None else None)
        self._writer = self._dict.writer if self._dict is not None else csv.writer(stream, **options)

    def writeheader(self) -> None:
        if self._dict is None:
            raise TypeError("writeheader needs fieldnames")
        self._dict.writerow({k: csv_cell(k) for k in self._dict.fieldnames})

    def writerow(self, row: Any) -> None:
        """``row``: a mapping when there are ``fieldnames``, else a sequence."""
        if self._dict is not None:
            self._dict.writerow({k: csv_cell(v) for k, v in row.items()})
        else:
            self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Any]) -> None:
        for row in rows:
            self.writerow(row)


@contextlib.contextmanager
def csv_file(path: Path, *, bom: bool = False) -> Iterator[CsvWriter]:
    """A :class:`CsvWriter` over a UTF-8 CSV (with a BOM for Excel when ``bom``) written
    atomically and privately (it may hold personal data): the file appears, whole, when
    the block ends, and not at all when it raises."""
    with atomic_writer(path, private=True) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig" if bom else "utf-8", newline="")
        try:
            yield CsvWriter(text)
            text.flush()
        finally:
            text.detach()  # atomic_writer closes the file itself


def write_csv(path: Path, headers: list[str], rows: Iterable[list[Any]], *,
              bom: bool = False) -> Path:
    """A CSV of ``headers`` and ``rows`` (see :func:`csv_file`), rows streamed."""
    with csv_file(path, bom=bom) as writer:
        writer.writerow(headers)
        writer.writerows(rows)
    return Path(path)


# -- XLSX -------------------------------------------------------------------------------
def xlsx_cell(sheet: Any, value: object, *, font: Any = None,
              number_format: str | None = None) -> object:
    """``value`` for ``sheet.append``: text as a string cell (never a formula or an error
    value), characters XML cannot hold dropped; styled when ``font``/``number_format``."""
    plain = type(value) is not str or (value.isprintable() and value[:1] != "="
                                       and value not in _ERROR_CODES)
    if plain and font is None and number_format is None:
        return value  # the fast path: nearly every value
    # start-up time: openpyxl (~0.1 s) loads with the first spreadsheet, not the program
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415

    cell = WriteOnlyCell(sheet)
    if isinstance(value, str):
        cell._value = ILLEGAL_CHARACTERS_RE.sub("", value)  # not the setter, which
        cell.data_type = "s"  # would make "=..." a formula and "#N/A" an error
    else:
        cell.value = value
    if font is not None:
        cell.font = font
    if number_format is not None:
        cell.number_format = number_format
    return cell


def append(sheet: Any, values: Iterable[Any]) -> None:
    """One row of safe cells (see :func:`xlsx_cell`)."""
    sheet.append([xlsx_cell(sheet, v) for v in values])


@contextlib.contextmanager
def write_only_workbook(path: Path) -> Iterator[tuple[Any, Callable[..., Any]]]:
    """``(workbook, new_sheet(title, widths=, freeze=))`` of an openpyxl write-only workbook saved
    atomically to ``path``; each sheet's rows are buffered in a hidden temporary file
    beside ``path`` (removed in every case), never in the system's temporary folder.
    Fill the sheets with :func:`append` / :func:`xlsx_cell`."""
    # start-up time: openpyxl (~0.1 s) loads with the first spreadsheet, not the program
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet import _writer as sheet_writer  # noqa: PLC0415

    path = Path(path)
    workbook = Workbook(write_only=True)
    buffers: list[str] = []
    sheets: list[Any] = []

    def new_sheet(title: str, *, widths: Iterable[float] = (), freeze: str | None = None) -> Any:
        sheet = workbook.create_sheet(title)
        for index, width in enumerate(widths):  # written with the sheet's top, so now
            sheet.column_dimensions[get_column_letter(index + 1)].width = width
        if freeze:
            sheet.freeze_panes = freeze
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.sheet", suffix=".tmp", dir=path.parent)
        os.close(fd)
        buffers.append(name)
        make_private(name)  # it holds the rows in clear text until the workbook is saved
        sheet_writer.ALL_TEMP_FILES.append(name)  # openpyxl's cleanup() expects it there
        sheet._writer = sheet_writer.WorksheetWriter(sheet, out=name)
        sheet._writer.write_top()  # what _get_writer() does, with our file
        sheets.append(sheet)
        return sheet

    try:
        yield workbook, new_sheet
        with atomic_writer(path, private=True) as handle:
            workbook.save(handle)
    except BaseException:
        for sheet in sheets:  # close the row streams and buffers (Windows removes no
            for stream in (sheet._rows, sheet._writer.xf):  # open file)
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
        raise
    finally:
        for name in buffers:
            with contextlib.suppress(OSError):
                os.remove(name)
            with contextlib.suppress(ValueError):
                sheet_writer.ALL_TEMP_FILES.remove(name)


def write_xlsx(path: Path, headers: list[str], rows: Iterable[list[Any]],
               sheet_title: str = "Sheet") -> Path:
    """A one-sheet XLSX of ``headers`` and ``rows``, streamed, written atomically."""
    with write_only_workbook(path) as (_workbook, new_sheet):
        sheet = new_sheet(sheet_title)
        append(sheet, headers)
        for row in rows:
            append(sheet, row)
    return Path(path)
