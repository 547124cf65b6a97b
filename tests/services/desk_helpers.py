"""Helpers for the branch desk tests (hand-over, KPJ import, breach report).

Imported by the test modules that use them (``from tests.services.desk_helpers import *``):
enrolled volunteers sending real bundles, and rows written straight into a branch
workspace for the bigger cases.
"""

from __future__ import annotations

import copy
import json
import uuid

from desa_peduli.domain.registration import FIELDS
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync


def person(base: dict, serial: int, **changes) -> dict:
    """A valid registration with its own NIK (women born 2 March 1988) and name."""
    record = copy.deepcopy(base)
    record["nik"] = nik_for(serial)
    record["full_name"] = "Siti " + "".join(chr(ord("a") + int(d)) for d in f"{serial:04d}")
    record["phone"] = f"0812{serial:08d}"
    record.update(changes)
    return record


def nik_for(serial: int) -> str:
    return f"150405420388{serial:04d}"


def send(volunteer, branch, folder):
    """Export the volunteer's pending changes and import the bundle at the branch."""
    folder.mkdir(parents=True, exist_ok=True)
    result = FieldSync(volunteer).export(folder)
    assert result.path is not None
    report = BranchService(branch).import_bundle(result.path)
    return result.path, report


_COLUMNS = ("pk", "id", *FIELDS, "status", "problems", "revision", "change_seq", "created_at",
            "updated_at", "volunteer_id", "branch_state", "kpj_number", "branch_updated_at")


def fill_branch(db, count: int, *, start: int = 1, volunteer_id: str = "RLW-BULK",
                state: str = "accepted", base: dict | None = None) -> list[str]:
    """``count`` registrations written straight into a branch workspace (fast); ids."""
    base = base or {}
    first_pk = db.execute("SELECT coalesce(max(pk), 0) + 1 FROM registrations").fetchone()[0]
    rows, ids = [], []
    for offset in range(count):
        serial = start + offset
        reg_id = str(uuid.UUID(int=serial + (1 << 100)))
        data = {
            "nik": f"15040542{serial:08d}", "full_name": f"Orang {serial}",
            "birth_place": "Muara Bulian", "birth_date": "1988-03-02", "sex": "F",
            "phone": f"0813{serial:08d}", "email": None, "village_code": "15.04.05.2003",
            "rt": "001", "rw": "002", "street": None, "occupation": "petani",
            "work_location": None, "declared_income": 1_000_000 + serial,
            "programs": json.dumps(["JKK", "JKM"]), "payment_months": 1,
            "funding_source": "mandiri",
            "heirs": json.dumps([{"name": f"Waris {serial}", "relationship": "anak",
                                  "phone": None}]),
            "consent": json.dumps({"given": True, "method": "paper", "reference": "P-1",
                                   "at": "2026-11-20T09:30:00+07:00"}),
            **base,
        }
        at = "2026-11-20T09:30:00+07:00"
        rows.append((first_pk + offset, reg_id, *[data.get(f) for f in FIELDS], "ready", "[]", 1,
                     serial, at, at, volunteer_id, state,
                     f"9{serial:010d}" if state == "registered" else None, at))
        ids.append(reg_id)
    marks = ", ".join("?" for _ in _COLUMNS)
    with db.atomic():
        db.conn.executemany(
            f"INSERT INTO registrations({', '.join(_COLUMNS)}) VALUES ({marks})", rows)
    return ids


__all__ = ["fill_branch", "nik_for", "person", "send"]
