"""The domain fixes across the bundle: new fields travel, an older bundle without them
imports, and the branch measures age on the registration's own date, not the import day."""

from __future__ import annotations

import datetime as dt

from desa_peduli.services import registrations as registrations_module
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from tests.sync.conftest import forge_bundle, person


def _export(session, folder):
    result = FieldSync(session).export(folder)
    assert result.path is not None
    return result.path


def _problems(branch, reg_id) -> set[str]:
    row = branch.registrations.store.get(reg_id)
    return {p["code"] for p in row["problems"]}


def test_new_fields_travel_to_the_branch(branch, make_volunteer, tmp_path, valid_registration):
    """Worked example: a WNA with a KITAP, no phone ("tidak punya HP"), the daughter's
    0813 1111 2222: the branch holds the same three values, no problem."""
    rina = make_volunteer("RLW-001")
    reg = person(valid_registration, 1, phone=None, no_phone_reason="tidak punya HP",
                 family_phone="0813 1111 2222", nationality="WNA")
    reg_id = rina.registrations.save(reg).id
    BranchService(branch).import_bundle(_export(rina, tmp_path))
    row = branch.registrations.store.get(reg_id)
    assert (row["nationality"], row["no_phone_reason"], row["family_phone"], row["phone"]) == (
        "WNA", "tidak punya HP", "+6281311112222", None)
    assert row["branch_state"] == "received" and row["problems"] == []


def test_an_older_bundle_without_the_new_fields_imports(branch, make_volunteer, tmp_path,
                                                        valid_registration):
    """Worked example: a bundle written before nationality existed (its data has no
    ``nationality``, ``no_phone_reason``, ``family_phone`` keys): imported, read as WNI."""
    rina = make_volunteer("RLW-001")
    reg_id = rina.registrations.save(person(valid_registration, 1)).id
    new = ("nationality", "no_phone_reason", "family_phone")

    def drop(records):
        for record in records:
            if record.get("t") in ("registration", "revision"):
                record["data"] = {k: v for k, v in record["data"].items() if k not in new}
        return records

    bundle = forge_bundle(rina, tmp_path, drop)
    report = BranchService(branch).import_bundle(bundle)
    assert report.new == 1
    row = branch.registrations.store.get(reg_id)
    assert row["branch_state"] == "received" and row["problems"] == []
    assert row["nationality"] is None  # as sent; validation reads it as WNI
    assert branch.registrations.validate(
        {k: row[k] for k in (*valid_registration, "nationality")}).values["nationality"] == "WNI"


def test_the_branch_measures_age_on_the_consent_date(branch, make_volunteer, tmp_path,
                                                     valid_registration, monkeypatch):
    """Worked example: born 21 Nov 1960, consent on 20 Nov 2026 (65 that day); the bundle
    is imported on 10 Jan 2027, when he is 66: no "over 65" warning at the branch."""
    rina = make_volunteer("RLW-001")
    reg = person(valid_registration, 1, sex="M", birth_date="1960-11-21")
    reg["nik"] = "1504052111600001"
    reg_id = rina.registrations.save(reg).id

    class Later(dt.date):
        @classmethod
        def today(cls):
            return cls(2027, 1, 10)

    class LaterDt:
        date = Later
        datetime = dt.datetime

    monkeypatch.setattr(registrations_module, "dt", LaterDt)
    branch.registrations.reset()
    BranchService(branch).import_bundle(_export(rina, tmp_path))
    assert "birth_date.too_old" not in _problems(branch, reg_id)
    # the same person registered on 1 Dec 2026 (66 by then) is warned about
    later = {**reg, "consent": {**reg["consent"], "at": "2026-12-01T09:00:00+07:00"}}
    assert "birth_date.too_old" in {p.code for p in branch.registrations.validate(later).problems}
