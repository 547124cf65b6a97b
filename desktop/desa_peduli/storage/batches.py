"""The funded batches' tables: batches, their members and months, the member log, bills.

Plain reads and writes; the caller holds the transaction (one user action = one
``db.atomic()``) and the rules are in ``domain.batches``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from desa_peduli.domain.batches import Batch, Candidate, Membership
from desa_peduli.domain.funders import parse_funder

_BATCH_COLUMNS = ("id, funder, name, reference, budget_year, first_month, last_month, quota, "
                  "funder_rules, created_at, created_by")
_CHUNK = 500  # ids per IN (...) query


def _batch(row: Sequence[Any]) -> Batch:
    rules = parse_funder(json.loads(row[8]))
    return Batch(int(row[0]), row[1], row[2], row[3], int(row[4]), row[5], row[6],
                 None if row[7] is None else int(row[7]), rules, row[9], row[10])


def insert_batch(db: Database, *, funder_row: dict[str, str], name: str, reference: str,
                 budget_year: int, first_month: str, last_month: str, quota: int | None,
                 at: str, actor: str | None) -> int:
    cursor = db.execute(
        "INSERT INTO funded_batches(funder, name, reference, budget_year, first_month, "
        "last_month, quota, funder_rules, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?)",
        [funder_row["code"], name, reference, budget_year, first_month, last_month, quota,
         json.dumps(funder_row, ensure_ascii=False), at, actor])
    batch_id = cursor.lastrowid
    assert batch_id is not None
    return int(batch_id)


def get_batch(db: Database, batch_id: int) -> Batch | None:
    row = db.execute(f"SELECT {_BATCH_COLUMNS} FROM funded_batches WHERE id = ?",
                     [batch_id]).fetchone()
    return None if row is None else _batch(row)


def all_batches(db: Database) -> list[tuple[Batch, int]]:
    """Every batch with its member count, newest first."""
    rows = db.execute(
        f"SELECT {', '.join('b.' + c.strip() for c in _BATCH_COLUMNS.split(','))}, "
        "(SELECT count(*) FROM batch_members m WHERE m.batch_id = b.id) "
        "FROM funded_batches b ORDER BY b.id DESC").fetchall()
    return [(_batch(row[:11]), int(row[11])) for row in rows]


def any_members(db: Database) -> bool:
    return db.execute("SELECT 1 FROM batch_members LIMIT 1").fetchone() is not None


# the members a funder pays for: not a registration deleted since (withdrawn by its
# volunteer) nor one found to be a duplicate of another (the same person twice)
_BILLABLE = "r.deleted_at IS NULL AND coalesce(r.branch_state, '') != 'duplicate'"


def member_count(db: Database, batch_id: int) -> int:
    """The members holding a place of the quota (the billable ones)."""
    found: int = db.execute(
        "SELECT count(*) FROM batch_members m JOIN registrations r ON r.id = "
        f"m.registration_id WHERE m.batch_id = ? AND {_BILLABLE}", [batch_id]).fetchone()[0]
    return found


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def memberships(db: Database, registration_ids: Sequence[str]) -> dict[str, list[Membership]]:
    """Every batch membership of these registrations."""
    out: dict[str, list[Membership]] = {}
    for chunk in _chunks(list(registration_ids)):
        marks = ", ".join("?" for _ in chunk)
        for batch_id, reg_id, first, last in db.execute(
                "SELECT batch_id, registration_id, first_month, last_month FROM batch_members "
                f"WHERE registration_id IN ({marks}) ORDER BY first_month", list(chunk)):
            out.setdefault(reg_id, []).append(Membership(int(batch_id), reg_id, first, last))
    return out


def _date(text: object) -> date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _consent_date(consent: object, created_at: object) -> date | None:
    """The registration's own date: its consent's, else the day it was made."""
    at = None
    if isinstance(consent, str):
        try:
            data = json.loads(consent)
        except (ValueError, RecursionError):
            data = None
        if isinstance(data, dict) and isinstance(data.get("at"), str):
            try:
                at = datetime.fromisoformat(data["at"]).date()
            except ValueError:
                at = None
    return at or _date(created_at)


_CANDIDATE_SQL = ("SELECT id, branch_state, kpj_number, funding_source, birth_date, consent, "
                  "created_at, deleted_at FROM registrations")


def _candidate(row: Sequence[Any]) -> Candidate:
    return Candidate(row[0], row[1], row[2], row[3], _date(row[4]), _consent_date(row[5], row[6]),
                     row[7] is not None)


def candidates_by_ids(db: Database, ids: Sequence[str]) -> tuple[list[Candidate], list[str]]:
    """The registrations with these ids (in the order given) and the ids not found."""
    found: dict[str, Candidate] = {}
    for chunk in _chunks(list(ids)):
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(f"{_CANDIDATE_SQL} WHERE id IN ({marks})", list(chunk)):
            found[row[0]] = _candidate(row)
    return [found[i] for i in ids if i in found], [i for i in ids if i not in found]


def candidates_where(db: Database, *, village_prefix: str | None = None,
                     volunteer_id: str | None = None) -> list[Candidate]:
    """The live registrations of a desa (or a kecamatan/kabupaten prefix) or a volunteer."""
    where, params = ["deleted_at IS NULL", "branch_state IS NOT NULL"], []
    if village_prefix:
        where.append("(village_code = ? OR (village_code > ? AND village_code < ?))")
        params += [village_prefix, f"{village_prefix}.", f"{village_prefix}/"]
    if volunteer_id:
        where.append("volunteer_id = ?")
        params.append(volunteer_id)
    return [_candidate(row) for row in db.execute(
        f"{_CANDIDATE_SQL} WHERE {' AND '.join(where)} ORDER BY pk", params)]


def add_member(db: Database, batch_id: int, registration_id: str, first: str, last: str,
               at: str, actor: str | None, *, moved_from: int | None = None) -> None:
    db.execute("INSERT INTO batch_members(batch_id, registration_id, first_month, last_month, "
               "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)",
               [batch_id, registration_id, first, last, at, actor])
    log(db, batch_id, registration_id, "moved_in" if moved_from else "added", first, last,
        moved_from, at, actor)


def cut_member(db: Database, membership: Membership, new_last: str | None, to_batch: int,
               at: str, actor: str | None) -> None:
    """End ``membership`` at ``new_last`` (None: it loses every month) and log the move."""
    if new_last is None:
        db.execute("DELETE FROM batch_members WHERE batch_id = ? AND registration_id = ?",
                   [membership.batch_id, membership.registration_id])
    else:
        db.execute("UPDATE batch_members SET last_month = ? WHERE batch_id = ? AND "
                   "registration_id = ?", [new_last, membership.batch_id,
                                           membership.registration_id])
    log(db, membership.batch_id, membership.registration_id, "moved_out",
        membership.first_month, new_last, to_batch, at, actor)


def log(db: Database, batch_id: int, registration_id: str, action: str, first: str | None,
        last: str | None, other: int | None, at: str, actor: str | None) -> None:
    db.execute("INSERT INTO batch_member_log(batch_id, registration_id, action, first_month, "
               "last_month, other_batch_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [batch_id, registration_id, action, first, last, other, actor, at])


def history(db: Database, registration_id: str) -> list[dict[str, Any]]:
    """A registration's batch history, oldest first."""
    cursor = db.execute("SELECT batch_id, action, first_month, last_month, other_batch_id, "
                        "actor, at FROM batch_member_log WHERE registration_id = ? ORDER BY id",
                        [registration_id])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


@dataclass(frozen=True)
class MemberRow:
    registration_id: str
    nik: str
    full_name: str
    village_code: str
    occupation: str
    first_month: str
    last_month: str
    added_at: str
    added_by: str | None


def members(db: Database, batch_id: int, month: str | None = None, *,
            billable: bool = False) -> list[MemberRow]:
    """A batch's members (those covered in ``month`` when given), by village and name.

    ``billable``: only those a funder pays for (see ``_BILLABLE``)."""
    where = ["m.batch_id = ?"]
    if billable:
        where.append(_BILLABLE)
    params: list[object] = [batch_id]
    if month is not None:
        where.append("m.first_month <= ? AND ? <= m.last_month")
        params += [month, month]
    rows = db.execute(
        "SELECT m.registration_id, coalesce(r.nik, ''), coalesce(r.full_name, ''), "
        "coalesce(r.village_code, ''), coalesce(r.occupation, ''), m.first_month, "
        "m.last_month, m.added_at, m.added_by FROM batch_members m JOIN registrations r ON "
        f"r.id = m.registration_id WHERE {' AND '.join(where)} "
        "ORDER BY r.village_code, r.full_name COLLATE NOCASE, m.registration_id", params)
    return [MemberRow(*row) for row in rows]


def current_membership(db: Database, registration_id: str, month: str,
                       cache: dict[int, Batch | None] | None = None,
                       ) -> tuple[Batch, Membership] | None:
    """The batch covering a registration in ``month``, else its latest membership
    (``cache``: batches already read, by id)."""
    row = db.execute(
        "SELECT batch_id, first_month, last_month FROM batch_members WHERE registration_id = ? "
        "ORDER BY (first_month <= ? AND ? <= last_month) DESC, last_month DESC LIMIT 1",
        [registration_id, month, month]).fetchone()
    if row is None:
        return None
    cache = {} if cache is None else cache
    if int(row[0]) not in cache:
        cache[int(row[0])] = get_batch(db, int(row[0]))
    batch = cache[int(row[0])]
    if batch is None:
        return None
    return batch, Membership(int(row[0]), registration_id, row[1], row[2])


def stored_bill(db: Database, batch_id: int, month: str) -> dict[str, Any] | None:
    row = db.execute("SELECT content, issued_at, issued_by FROM batch_bills WHERE batch_id = ? "
                     "AND month = ?", [batch_id, month]).fetchone()
    if row is None:
        return None
    content: dict[str, Any] = json.loads(row[0])
    return content


def store_bill(db: Database, batch_id: int, month: str, content: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO batch_bills(batch_id, month, content, rates_version, issued_at, issued_by) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(batch_id, month) DO UPDATE SET content = "
        "excluded.content, rates_version = excluded.rates_version, issued_at = "
        "excluded.issued_at, issued_by = excluded.issued_by",
        [batch_id, month, json.dumps(content, ensure_ascii=False), content["rates_version"],
         content["issued_at"], content.get("issued_by")])
