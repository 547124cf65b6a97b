"""``add FILE``: add or update registrations from a file, all or nothing.

One transaction for the whole file: if any row is invalid (and ``skip_invalid`` is off)
the transaction is rolled back and nothing is stored. A row without ``id`` whose NIK is
already registered here updates that registration, so adding the same file twice does
not create duplicates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli.errors import InputRejected
from desa_peduli.progress import Progress, check
from desa_peduli.progress import report as report_progress
from desa_peduli.services.tabular import iter_rows
from desa_peduli.storage.bulk import deferred_insert_upkeep

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

BATCH = 500


@dataclass
class RowProblem:
    row: int
    field: str
    code: str
    message: str
    message_en: str

    def text(self, file_name: str, lang: str = "id") -> str:
        label = "baris" if lang != "en" else "row"
        message = self.message_en if lang == "en" else self.message
        where = f"{self.field}: " if self.field else ""
        return f"{file_name}: {label} {self.row}: {where}{message}"


@dataclass
class AddReport:
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected_rows: int = 0
    stored: bool = False
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)  # of the rows stored
    warning_count: int = 0  # all of them (``warnings`` keeps the first ``max_problems``)
    ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected_rows": self.rejected_rows,
            "stored": self.stored,
            "problems": [p.__dict__ for p in self.problems],
            "warnings": [p.__dict__ for p in self.warnings],
            "warning_count": self.warning_count,
        }


class _Rollback(Exception):
    pass


def add_file(
    session: Session,
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    max_problems: int = 1000,
) -> AddReport:
    path = Path(path)
    report = AddReport(file=path.name)
    service = session.registrations
    store = service.store
    seen_nik: dict[str, int] = {}
    db = session.db
    pending: list[tuple[dict[str, Any], str, str]] = []  # new registrations waiting for insert_many

    def flush() -> None:
        for outcome in store.insert_many(pending):
            report.added += 1
            report.ids.append(outcome.id)
        pending.clear()

    def reject(row: int, field_name: str, code: str, message: str, message_en: str) -> None:
        if len(report.problems) < max_problems:
            report.problems.append(RowProblem(row, field_name, code, message, message_en))

    def warn(row: int, problems: list[Any]) -> None:
        report.warning_count += len(problems)
        for problem in problems[: max(0, max_problems - len(report.warnings))]:
            report.warnings.append(RowProblem(row, problem.field, problem.code, problem.message,
                                              problem.message_en or problem.message))

    try:
        with db.atomic():
            with deferred_insert_upkeep(db):  # indexed and counted once, at the end
                existing_niks = store.nik_index()
                for source in iter_rows(path):
                    report.rows += 1
                    check(progress)
                    if report.rows % 500 == 0:
                        report_progress(progress, report.rows)
                    if source.data is None:
                        report.rejected_rows += 1
                        reject(source.number, "", "row.unreadable", source.error or "",
                               source.error_en or "")
                        continue
                    data = source.data
                    reg_id = data.get("id") or None
                    if reg_id is not None and (not isinstance(reg_id, str) or store.get(reg_id) is None):
                        report.rejected_rows += 1
                        reject(source.number, "id", "id.unknown",
                               f"id {reg_id!s:.40} tidak dikenal di laptop ini; kosongkan kolom id "
                               "untuk pendaftaran baru.",
                               f"id {reg_id!s:.40} is not known on this laptop; leave id empty "
                               "for a new registration.")
                        continue
                    nik = str(data.get("nik") or "").strip()
                    if nik and nik in seen_nik:
                        report.rejected_rows += 1
                        reject(source.number, "nik", "nik.repeated_in_file",
                               f"NIK yang sama sudah ada di baris {seen_nik[nik]} berkas ini; "
                               "satu orang cukup satu baris.",
                               f"the same NIK is already on row {seen_nik[nik]} of this file; "
                               "one person needs one row.")
                        continue
                    if reg_id is None and nik:
                        matches = existing_niks.get(nik, [])
                        if len(matches) > 1:
                            report.rejected_rows += 1
                            reject(source.number, "nik", "nik.ambiguous",
                                   "NIK ini terdaftar lebih dari sekali di laptop ini; isi kolom id "
                                   "untuk memilih pendaftaran yang diubah.",
                                   "this NIK is registered more than once on this laptop; fill the "
                                   "id column to choose the registration to update.")
                            continue
                        if matches:
                            reg_id = matches[0]
                    data, attachments = service.split_attachments(data, reg_id, keep_stored_signature=True)
                    # NIK duplicates were resolved above (same NIK = update), no second lookup
                    result = service.validate(data, reg_id=reg_id, require_signature_image=False,
                                              check_duplicates=reg_id is not None)
                    if not result.ok:
                        report.rejected_rows += 1
                        for problem in result.errors:
                            reject(source.number, problem.field, problem.code, problem.message,
                                   problem.message_en or problem.message)
                        continue
                    if nik:
                        seen_nik[nik] = source.number
                    warn(source.number, result.warnings)
                    if report.rejected_rows and not skip_invalid:
                        continue  # keep checking every row, store nothing
                    if reg_id is None and not attachments:
                        values, status, problems = service.stored_form(result)
                        pending.append((values, status, json.dumps(problems, ensure_ascii=False,
                                                                   sort_keys=True)))
                        if len(pending) >= BATCH:
                            flush()
                        continue
                    saved = service.save_validated(result, reg_id=reg_id, attachments=attachments)
                    outcome = saved.outcome
                    if outcome.created:
                        report.added += 1
                    elif outcome.changed:
                        report.updated += 1
                    else:
                        report.unchanged += 1
                    report.ids.append(outcome.id)
                if report.rejected_rows and not skip_invalid:
                    raise _Rollback()
                flush()
        report.stored = True
    except _Rollback:
        report.added = report.updated = report.unchanged = 0
        report.ids = []
        report.warnings, report.warning_count = [], 0  # nothing stored: the errors matter
    report_progress(progress, report.rows)
    if report.rows == 0:
        raise InputRejected(f"{path.name}: berkas kosong, tidak ada baris pendaftaran.",
                            f"{path.name}: the file is empty, no registration rows.")
    return report
