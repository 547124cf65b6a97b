"""Results from the core system: a CSV/XLSX of NIK → KPJ number marks registrations
``registered`` with that number, in one transaction.

The file is read whole and checked before anything changes: an unreadable file, or one
without the chosen NIK and KPJ columns, is refused and changes nothing. Rows that cannot
be applied are reported with their row number (as a spreadsheet shows it) and a reason:

- ``nik_invalid``    the NIK is not 16 digits (or lost its last digits as an Excel number)
- ``kpj_invalid``    the KPJ number is not 8–16 digits (BranchService.set_state's rule)
- ``not_found``      no registration (not deleted, not a resolved duplicate) has this NIK
- ``ambiguous``      several such registrations have this NIK (resolve the duplicate first)
- ``other_kpj``      already registered with another KPJ number
- ``conflict``       the same NIK appears again in the file with another KPJ number

An optional **result** column (``hasil``/``result``/``status``, or ``result_column``)
says what the core system did with each row, and an optional **reason** column
(``alasan``/``reason``/``keterangan``) why:

- ``registered``           a new KPJ number: the registration becomes ``registered``
- ``already_participant``  already a participant, with an existing KPJ number: it becomes
                           ``registered`` with that number and the note "sudah terdaftar"
- ``dukcapil_mismatch``    NIK, name or birth date refused by Dukcapil: it goes back to its
                           volunteer as ``correction`` ("perlu diperbaiki") with the reason
- ``rejected``             refused for another reason: ``correction`` with that reason

(Indonesian words are read too: ``terdaftar``, ``sudah terdaftar``, ``tidak cocok
dukcapil``, ``ditolak``.) Without a result column every row is ``registered``, as before.
More reasons a row is not used: ``result_unknown`` (not one of the four),
``result_missing`` (no result and no KPJ number), ``is_registered`` (a refusal for a
registration already registered).

Every row applied is what ``BranchService.set_state`` does, done in bulk: the
registration's state (with the KPJ number or the reason), a ``state_log`` row each, and
one ``review_batches`` row per state naming the file (who and when), all in one
transaction. The KPJ numbers and the corrections with their reasons reach the
volunteers with their next receipt. The chosen columns are remembered (setting
``kpj_import_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli.errors import InputRejected
from desa_peduli.progress import Progress, check
from desa_peduli.progress import report as report_progress
from desa_peduli.services import tabular
from desa_peduli.storage.registrations import local_now
from desa_peduli.storage.settings import Settings

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

SETTING = "kpj_import_columns"
SUPPORTED = (".csv", ".xlsx")
SCAN_ROWS = 30  # rows looked at to find the header row
PREVIEW_ROWS = 8
CHUNK = 500  # NIKs per lookup query
REASONS = {
    "nik_invalid": ("NIK harus 16 angka", "the NIK must be 16 digits"),
    "nik_lost_digits": ("NIK tersimpan sebagai angka di Excel dan kehilangan digit terakhirnya; "
                        "format kolomnya sebagai Teks", "the NIK was stored as an Excel number "
                        "and lost its last digits; format the column as Text"),
    "kpj_invalid": ("nomor KPJ harus 8–16 angka", "the KPJ number must be 8–16 digits"),
    "not_found": ("tidak ada pendaftaran dengan NIK ini", "no registration has this NIK"),
    "ambiguous": ("ada beberapa pendaftaran dengan NIK ini; selesaikan duplikatnya dulu",
                  "several registrations have this NIK; resolve the duplicate first"),
    "other_kpj": ("sudah terdaftar dengan nomor KPJ lain", "already registered with another "
                  "KPJ number"),
    "conflict": ("NIK ini muncul lagi di berkas dengan nomor KPJ atau hasil lain", "this NIK "
                 "appears again in the file with another KPJ number or result"),
    "result_unknown": ("hasilnya tidak dikenal (pakai registered, already_participant, "
                       "dukcapil_mismatch atau rejected)", "unknown result (use registered, "
                       "already_participant, dukcapil_mismatch or rejected)"),
    "result_missing": ("hasil dan nomor KPJ kosong", "neither a result nor a KPJ number"),
    "is_registered": ("sudah terdaftar dengan nomor KPJ; penolakan tidak diterapkan",
                      "already registered with a KPJ number; the refusal is not applied"),
}
RESULTS = ("registered", "already_participant", "dukcapil_mismatch", "rejected")
RESULT_LABELS = {  # (Indonesian, English): what the reports call each result
    "registered": ("terdaftar (KPJ baru)", "registered (new KPJ)"),
    "already_participant": ("sudah terdaftar (KPJ lama)", "already a participant (existing KPJ)"),
    "dukcapil_mismatch": ("tidak cocok dengan Dukcapil: dikembalikan untuk diperbaiki",
                          "Dukcapil mismatch: sent back to be corrected"),
    "rejected": ("ditolak: dikembalikan dengan alasannya", "rejected: sent back with the "
                 "reason"),
}
# a result cell's words (letters and digits only, lower case) → the result
RESULT_WORDS = {
    "registered": "registered", "terdaftar": "registered", "baru": "registered",
    "pesertabaru": "registered", "new": "registered", "ok": "registered",
    "alreadyparticipant": "already_participant", "sudahterdaftar": "already_participant",
    "sudahpeserta": "already_participant", "pesertalama": "already_participant",
    "existing": "already_participant", "terdaftarsebelumnya": "already_participant",
    "dukcapilmismatch": "dukcapil_mismatch", "tidakcocokdukcapil": "dukcapil_mismatch",
    "dukcapil": "dukcapil_mismatch", "gagaldukcapil": "dukcapil_mismatch",
    "tidaksesuaidukcapil": "dukcapil_mismatch",
    "rejected": "rejected", "ditolak": "rejected", "tolak": "rejected", "gagal": "rejected",
}
# what the volunteer reads (the branch's reason, sent with the receipt); {reason}: the file's
NOTES = {
    "already_participant": "Sudah terdaftar: sudah menjadi peserta BPJS Ketenagakerjaan "
                           "sebelumnya dengan nomor KPJ ini.",
    "dukcapil_mismatch": "Data tidak cocok dengan Dukcapil (NIK, nama atau tanggal lahir){reason}"
                         ". Periksa KTP, perbaiki, lalu kirim lagi.",
    "rejected": "Ditolak sistem inti BPJS Ketenagakerjaan{reason}. Perbaiki, lalu kirim lagi.",
}
MAX_REASON = 300
RESULT_HEADER_WORDS = ("hasil", "result", "status", "hasilpendaftaran", "statuspendaftaran",
                       "statuspeserta")
REASON_HEADER_WORDS = ("alasan", "reason", "keterangan", "catatan", "alasanpenolakan",
                       "keteranganpenolakan")
NIK_WORDS = ("nik", "noktp", "nomorktp", "nomorindukkependudukan", "nomorinduk", "ktp")
KPJ_WORDS = ("kpj", "nokpj", "nomorkpj", "nopeserta", "nomorpeserta", "nokartu",
             "nomorkartupeserta")


# ----------------------------------------------------------------------------- reading
def iter_cells(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """``(row number, raw cell values)`` of the first sheet, empty rows included."""
    return tabular.iter_cells(path, ",;\t|")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _norm(value: object) -> str:
    return re.sub(r"[^0-9a-z]", "", _text(value).casefold())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _is_nik_header(cell: object) -> bool:
    norm = _norm(cell)
    return norm in NIK_WORDS or norm.startswith("nik") or "nomorinduk" in norm


def _is_kpj_header(cell: object) -> bool:
    norm = _norm(cell)
    return norm in KPJ_WORDS or "kpj" in norm


def _digits(value: object) -> tuple[str, str | None]:
    """The digits of a cell, and a problem code when a number lost digits."""
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, int):
        return str(value), ("lost" if value > 2**53 else None)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value)), ("lost" if value > 2**53 else None)
        return str(value), None
    text = _text(value).lstrip("'")
    return re.sub(r"[\s.\-]", "", text), None


def mask_kpj(kpj: str | None) -> str:
    """``12345678901`` → ``*******8901``: a KPJ number is personal data; its last four
    digits are enough to find the row in the file."""
    if not kpj:
        return ""
    return "*" * max(len(kpj) - 4, 0) + kpj[-4:]


# ----------------------------------------------------------------------------- preview
@dataclass
class Preview:
    """The first rows of a file and the guessed header row and columns."""

    file: str
    rows: list[list[str]]  # the first SCAN_ROWS rows as text (row 1 first)
    width: int
    header_row: int | None  # 1-based; None when the file has no header row
    nik_column: int | None  # 0-based guesses
    kpj_column: int | None
    result_column: int | None = None  # by its header only (none without a header row)
    reason_column: int | None = None

    def column_names(self, header_row: int | None = None) -> list[str]:
        """Header texts (or letters where a header cell is empty, or without header)."""
        header_row = self.header_row if header_row is None else header_row
        header = (self.rows[header_row - 1] if header_row and header_row <= len(self.rows)
                  else [])
        names = []
        for index in range(self.width):
            text = header[index] if index < len(header) else ""
            names.append(text or column_letter(index))
        return names


def inspect(path: Path, remembered: dict[str, Any] | None = None) -> Preview:
    """Read the first rows and guess the header row and the NIK and KPJ columns.

    The header row is the first row naming both columns (the remembered names first,
    then words like "NIK" and "KPJ"); without one, the columns are guessed from the
    first row holding a 16-digit number and another 8–16-digit number.
    """
    path = Path(path)
    raw: list[list[Any]] = []
    for number, values in iter_cells(path):
        raw.append(values)
        if number >= SCAN_ROWS:
            break
    width = max((len(r) for r in raw), default=0)
    rows = [[_text(v) for v in r] + [""] * (width - len(r)) for r in raw]
    remembered = remembered or {}
    nik_name, kpj_name = _norm(remembered.get("nik")), _norm(remembered.get("kpj"))
    for tests in (
        (lambda c: nik_name and _norm(c) == nik_name, lambda c: kpj_name and _norm(c) == kpj_name),
        (_is_nik_header, _is_kpj_header),
    ):
        for number, row in enumerate(raw, start=1):
            nik = next((i for i, c in enumerate(row) if tests[0](c)), None)
            kpj = next((i for i, c in enumerate(row) if tests[1](c) and i != nik), None)
            if nik is not None and kpj is not None:
                result, reason = _result_columns(row, remembered, (nik, kpj))
                return Preview(path.name, rows, width, number, nik, kpj, result, reason)
    for number, row in enumerate(raw, start=1):
        digits = [_digits(v)[0] if v not in (None, "") else "" for v in row]
        nik = next((i for i, d in enumerate(digits) if len(d) == 16 and d.isdigit()), None)
        if nik is None:
            continue
        kpj = next((i for i, d in enumerate(digits)
                    if i != nik and d.isdigit() and 8 <= len(d) <= 16), None)
        header = number - 1 if number > 1 and not any(
            _digits(v)[0].isdigit() for v in raw[number - 2] if v not in (None, "")) else None
        return Preview(path.name, rows, width, header, nik, kpj)
    return Preview(path.name, rows, width, 1 if rows else None, None, None)


def _result_columns(header: list[Any], remembered: dict[str, Any],
                    taken: tuple[int, ...]) -> tuple[int | None, int | None]:
    """The result and reason columns of a header row (remembered names first)."""
    found: list[int | None] = []
    for key, words in (("result", RESULT_HEADER_WORDS), ("reason", REASON_HEADER_WORDS)):
        name = _norm(remembered.get(key))
        index = next((i for i, c in enumerate(header) if name and _norm(c) == name
                      and i not in taken), None)
        if index is None:
            index = next((i for i, c in enumerate(header) if _norm(c) in words
                          and i not in taken), None)
        found.append(index)
        if index is not None:
            taken = (*taken, index)
    return found[0], found[1]


def result_of(cell: object) -> str | None:
    """The result a cell names (``registered``, ... or their Indonesian words), "" for
    an empty cell, None for anything else."""
    norm = _norm(cell)
    if not norm:
        return ""
    return RESULT_WORDS.get(norm)


def note_for(result: str, reason: str = "") -> str | None:
    """What the branch tells the volunteer for ``result`` (None for a new KPJ)."""
    template = NOTES.get(result)
    if template is None:
        return None
    reason = " ".join(reason.split())[:MAX_REASON]
    return template.format(reason=f": {reason}" if reason else "")


def find_column(names: list[str], wanted: str) -> int | None:
    """A column by header text (any case), letter (``C``) or number (``3``)."""
    wanted = (wanted or "").strip()
    if not wanted:
        return None
    for index, name in enumerate(names):
        if name.casefold() == wanted.casefold() or _norm(name) == _norm(wanted) != "":
            return index
    if re.fullmatch(r"[A-Za-z]{1,2}", wanted):
        for index in range(len(names)):
            if column_letter(index) == wanted.upper():
                return index
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return int(wanted) - 1
    return None


# ----------------------------------------------------------------------------- import
@dataclass
class Unmatched:
    row: int
    nik: str
    kpj: str
    reason: str

    def message(self, lang: str = "id") -> str:
        text_id, text_en = REASONS[self.reason]
        return text_en if lang == "en" else text_id

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "nik": self.nik, "kpj": self.kpj, "reason": self.reason,
                "message": self.message("id"), "message_en": self.message("en")}


@dataclass
class KpjReport:
    file: str
    header_row: int | None
    nik_column: str
    kpj_column: str
    result_column: str | None = None  # None: every row is "registered"
    reason_column: str | None = None
    rows: int = 0  # data rows with anything in them
    registered: int = 0  # marked registered now (or would be, in a dry run): new or existing KPJ
    unchanged: int = 0  # already registered with the same number
    repeated: int = 0  # the same NIK and result again further down the file
    applied: bool = False
    batch_id: int | None = None  # the batch of the registrations marked registered
    # per result: how many registrations it changes (or would, in a dry run)
    results: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESULTS, 0))
    unmatched: list[Unmatched] = field(default_factory=list)

    @property
    def corrections(self) -> int:
        """Sent back to their volunteers (Dukcapil mismatches and rejections)."""
        return self.results["dukcapil_mismatch"] + self.results["rejected"]

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["unmatched"] = [u.to_dict() for u in self.unmatched]
        out["results"] = dict(self.results)
        return out


def remembered_columns(settings: Settings) -> dict[str, Any]:
    stored = settings.get(SETTING)
    columns: dict[str, Any] = stored if isinstance(stored, dict) else {}
    return columns


NO_COLUMN = ("", "-", "none", "tidak ada")  # result/reason column asked to be none


@dataclass
class _Wanted:
    row: int
    result: str
    kpj: str
    reason: str

    def same(self, other: _Wanted) -> bool:
        return (self.result, self.kpj) == (other.result, other.kpj)


def import_kpj(session: Session, path: Path, *, nik_column: str | None = None,
               kpj_column: str | None = None, header_row: int | None = None,
               result_column: str | None = None, reason_column: str | None = None,
               apply: bool = True, remember: bool = True,
               progress: Progress | None = None) -> KpjReport:
    """Read ``path`` and apply each row's result to its registration (one transaction).

    Columns default to the remembered ones, else the guessed ones; ``header_row``
    (1-based, 0 for none) defaults to the detected one; ``result_column`` and
    ``reason_column`` ("none" for none) default to those the header names.
    ``apply=False`` only reports.
    """
    path = Path(path)
    remembered = remembered_columns(session.settings)
    preview = inspect(path, remembered)
    if header_row is None:
        header_row = preview.header_row
    header_row = header_row or None
    names = preview.column_names(header_row) if header_row else [
        column_letter(i) for i in range(preview.width)]
    nik_index = _choose(names, nik_column, remembered.get("nik"), preview.nik_column)
    kpj_index = _choose(names, kpj_column, remembered.get("kpj"), preview.kpj_column)
    for index, given, what in ((nik_index, nik_column, "NIK"), (kpj_index, kpj_column, "KPJ")):
        if index is None:
            raise _column_not_found(path, names, given, what)
    assert nik_index is not None and kpj_index is not None  # refused above
    if nik_index == kpj_index:
        raise InputRejected(f"{path.name}: kolom NIK dan KPJ harus berbeda.",
                            f"{path.name}: the NIK and KPJ columns must differ.")
    guessed = (preview.result_column, preview.reason_column) if (
        header_row == preview.header_row) else (None, None)
    optional: list[int | None] = []
    for given, guess, what in ((result_column, guessed[0], "hasil/result"),
                               (reason_column, guessed[1], "alasan/reason")):
        if given is not None and given.strip().casefold() in NO_COLUMN:
            optional.append(None)
            continue
        index = find_column(names, given) if given else guess
        if given and index is None:
            raise _column_not_found(path, names, given, what)
        if index in (nik_index, kpj_index) or (optional and index is not None
                                                and index == optional[0]):
            raise InputRejected(f"{path.name}: kolom {what} harus berbeda dari kolom lain.",
                                f"{path.name}: the {what} column must differ from the others.")
        optional.append(index)
    result_index, reason_index = optional
    report = KpjReport(path.name, header_row, names[nik_index], names[kpj_index],
                       names[result_index] if result_index is not None else None,
                       names[reason_index] if reason_index is not None else None)

    # 1. the whole file, checked row by row (nothing changes if it cannot be read)
    wanted: dict[str, _Wanted] = {}  # nik -> its first row
    conflicts: set[str] = set()

    def cell(values: list[Any], index: int | None) -> object:
        return values[index] if index is not None and index < len(values) else None

    for number, values in iter_cells(path):
        if header_row and number <= header_row:
            continue
        if number % 1000 == 0:
            check(progress)
        if number % 5000 == 0:
            report_progress(progress, number)
        raw_nik, raw_kpj = cell(values, nik_index), cell(values, kpj_index)
        raw_result = cell(values, result_index)
        if _text(raw_nik) == "" and _text(raw_kpj) == "" and _text(raw_result) == "":
            continue
        report.rows += 1
        nik, nik_problem = _digits(raw_nik)
        kpj, _problem = _digits(raw_kpj)
        result = "registered" if result_index is None else result_of(raw_result)
        if result == "":
            result = "registered" if kpj else None
            problem = "result_missing"
        else:
            problem = "result_unknown"
        needs_kpj = result in ("registered", "already_participant")
        if nik_problem == "lost":
            report.unmatched.append(Unmatched(number, nik, kpj, "nik_lost_digits"))
        elif not (len(nik) == 16 and nik.isdigit()):
            report.unmatched.append(Unmatched(number, _text(raw_nik)[:40], kpj, "nik_invalid"))
        elif result is None:
            report.unmatched.append(Unmatched(number, nik, kpj, problem))
        elif needs_kpj and not (kpj.isdigit() and 8 <= len(kpj) <= 16):
            report.unmatched.append(Unmatched(number, nik, _text(raw_kpj)[:40], "kpj_invalid"))
        else:
            row = _Wanted(number, result, kpj if needs_kpj else "",
                          _text(cell(values, reason_index))[:MAX_REASON])
            first = wanted.get(nik)
            if first is None:
                wanted[nik] = row
            elif first.same(row):
                report.repeated += 1
            else:
                if nik not in conflicts:
                    report.unmatched.append(Unmatched(first.row, nik, first.kpj, "conflict"))
                conflicts.add(nik)
                report.unmatched.append(Unmatched(number, nik, row.kpj, "conflict"))
    for nik in conflicts:
        del wanted[nik]

    # 2. the registrations these NIKs name (live, not a resolved duplicate)
    db = session.db
    changes: list[tuple[str, _Wanted]] = []  # (registration id, what the file says)
    niks = list(wanted)
    with db.atomic():
        for start in range(0, len(niks), CHUNK):
            chunk = niks[start:start + CHUNK]
            marks = ",".join("?" for _ in chunk)
            found: dict[str, list[tuple[str, str | None, str | None]]] = {}
            for nik, reg_id, state, kpj in db.execute(
                    f"SELECT nik, id, branch_state, kpj_number FROM registrations WHERE nik IN "
                    f"({marks}) AND deleted_at IS NULL AND coalesce(branch_state, '') "
                    "!= 'duplicate'", chunk):
                found.setdefault(nik, []).append((reg_id, state, kpj))
            for nik in chunk:
                row = wanted[nik]
                candidates = found.get(nik, [])
                if not candidates:
                    report.unmatched.append(Unmatched(row.row, nik, row.kpj, "not_found"))
                    continue
                if len(candidates) > 1:
                    report.unmatched.append(Unmatched(row.row, nik, row.kpj, "ambiguous"))
                    continue
                reg_id, state, held = candidates[0]
                if row.kpj and state == "registered" and held == row.kpj:
                    report.unchanged += 1
                elif state == "registered" and held:
                    report.unmatched.append(Unmatched(
                        row.row, nik, row.kpj, "other_kpj" if row.kpj else "is_registered"))
                else:
                    changes.append((reg_id, row))
                    report.results[row.result] += 1
        report.registered = report.results["registered"] + report.results["already_participant"]
        report.unmatched.sort(key=lambda u: u.row)
        check(progress)
        if not apply:
            return report

        # 3. one transaction: states, their log, a batch per state (who, when, which file)
        _apply(session, path.name, changes, report)
        if remember and (changes or report.unchanged):  # columns that matched something
            columns = {"nik": report.nik_column, "kpj": report.kpj_column}
            columns.update({k: v for k, v in (("result", report.result_column),
                                              ("reason", report.reason_column)) if v})
            session.settings.set(SETTING, columns)
        report.applied = True
    return report


def _apply(session: Session, file_name: str, changes: list[tuple[str, _Wanted]],
           report: KpjReport) -> None:
    """Write the changes (inside the caller's transaction): registered ones with their
    number, the others sent back as corrections with their reason."""
    db, now, actor = session.db, local_now(), session.actor
    for state in ("registered", "correction"):
        rows = [(reg_id, row) for reg_id, row in changes
                if (state == "registered") == (row.result in ("registered",
                                                              "already_participant"))]
        if not rows:
            continue
        batch_id = db.execute(
            "INSERT INTO review_batches(action, scope_kind, scope_value, count, actor, at) "
            "VALUES (?, 'kpj_file', ?, ?, ?, ?)",
            [state, file_name, len(rows), actor, now]).lastrowid
        if state == "registered":
            report.batch_id = batch_id
        values = [(reg_id, row.kpj or None, note_for(row.result, row.reason)) for reg_id, row
                  in rows]
        db.conn.executemany(
            "UPDATE registrations SET branch_state = ?, branch_reason = ?, kpj_number = ?, "
            "branch_updated_at = ? WHERE id = ?",
            [(state, note, kpj, now, reg_id) for reg_id, kpj, note in values])
        _log_states(db, [(reg_id, state, note, kpj, actor, now, batch_id)
                         for reg_id, kpj, note in values])


def _log_states(db: Any, rows: list[tuple[Any, ...]]) -> None:
    db.conn.executemany(
        "INSERT INTO state_log(registration_id, state, reason, kpj_number, duplicate_of, "
        "actor, at, batch_id) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)", rows)


def _column_not_found(path: Path, names: list[str], given: str | None,
                      what: str) -> InputRejected:
    shown = ", ".join(names[:20]) or "-"
    quoted = f'"{given}" ' if given else ""
    return InputRejected(
        f"{path.name}: kolom {what} {quoted}tidak ditemukan (kolom yang ada: {shown}); "
        "tidak ada yang diubah.",
        f"{path.name}: {what} column {quoted}not found (columns: {shown}); nothing "
        "was changed.")


def _choose(names: list[str], given: str | None, remembered: str | None,
            guessed: int | None) -> int | None:
    """The column asked for, else the remembered one if the file has it, else the guess."""
    if given:
        return find_column(names, given)
    if remembered:
        found = find_column(names, remembered)
        if found is not None:
            return found
    return guessed if guessed is not None and guessed < len(names) else None
