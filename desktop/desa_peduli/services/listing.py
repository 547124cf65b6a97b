"""Registrations as records for ``list`` (CLI.md fields plus id, status, contribution)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from desa_peduli.domain.registration import FIELDS
from desa_peduli.reference import contribution_after_relief, contribution_for
from desa_peduli.storage.registrations import decode_row

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

META = ("id", "revision", "status")
BRANCH = ("branch_reason", "kpj_number", "deleted_at", "deleted_reason", "created_at",
          "updated_at")


def export_records(session: Session, *, status: str | None = None, include_deleted: bool = False,
                   month: dt.date | None = None) -> Iterator[dict[str, Any]]:
    """Stream every registration (oldest first) as a plain dict; nothing held in memory."""
    month = month or dt.date.today()
    clauses, params = [], []
    if not include_deleted:
        clauses.append("deleted_at IS NULL")
    if status:
        clauses.append("status = ?")
        params.append(status)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    columns = ", ".join(listing_columns())
    cursor = session.db.execute(
        f"SELECT {columns} FROM registrations{where} ORDER BY created_at, pk", params
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield listing_record(dict(zip(names, row, strict=True)), month)


def listing_columns() -> tuple[str, ...]:
    """The columns of ``registrations`` a listed record is made of (either store)."""
    return (*META, *FIELDS, "problems", *BRANCH)


def listing_record(row: dict[str, Any], month: dt.date) -> dict[str, Any]:
    """One registration's row (:func:`listing_columns`, JSON as stored) as ``list``
    writes it: the problems split, the contribution of ``month`` added."""
    record = decode_row(row)
    problems = record.pop("problems")
    record["warnings"] = [p for p in problems if p.get("severity") == "warning"]
    record["errors"] = [p for p in problems if p.get("severity") != "warning"]
    contribution = contribution_for(record, month)
    record["contribution"] = contribution.to_dict() if contribution else None
    after = contribution_after_relief(record, month) if contribution else None
    if after is not None:  # the relief ends soon: what the month after it costs
        record["contribution"]["after_relief"] = {
            k: after.to_dict()[k] for k in ("month", "total", "paid_by_worker",
                                            "paid_by_funder", "rule")}
    return {k: record[k] for k in (*META, "warnings", "errors", *FIELDS, "contribution",
                                   *BRANCH)}
