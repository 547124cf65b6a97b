"""A branch office with a small review queue, built from real bundles (for the service,
CLI and GUI tests of the review queue): ``office`` imports two volunteers' bundles."""

from __future__ import annotations

import pytest

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.review import ReviewService
from tests.sync.conftest import person


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def export(session, folder):
    result = FieldSync(session).export(folder)
    assert result.path is not None
    return result.path


def save_as_sent(session, data: dict) -> str:
    """Store a registration as 'ready' whatever its problems (as an older app version or
    another validation rule might have sent it): the branch finds them on import."""
    return session.registrations.store.save(data, status="ready").id


@pytest.fixture
def office(branch, make_volunteer, stick, valid_registration):
    """Two volunteers' bundles imported: Rina 6 (1 invalid, 2 NIK warnings), Budi 2 (one
    with Rina's first NIK: a duplicate pair)."""
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    ids = {}
    for serial in (1, 2, 3):
        ids[f"clean{serial}"] = rina.registrations.save(person(valid_registration, serial)).id
    ids["invalid"] = save_as_sent(rina, person(valid_registration, 4, phone="12"))
    ids["birth"] = rina.registrations.save(
        person(valid_registration, 5, birth_date="1988-03-09")).id
    ids["sex"] = rina.registrations.save(person(valid_registration, 6, sex="M")).id
    ids["budi_dup"] = budi.registrations.save(person(valid_registration, 1, rt="007")).id
    ids["budi"] = budi.registrations.save(person(valid_registration, 20)).id
    svc = BranchService(branch)
    rina_bundle = export(rina, stick)
    rina_report = svc.import_bundle(rina_bundle)
    budi_report = svc.import_bundle(export(budi, stick))
    assert rina_report.new == 6 and budi_report.duplicates == 1
    return {"ids": ids, "rina": rina, "budi": budi, "service": svc, "review": ReviewService(branch),
            "rina_bundle": rina_report.bundle_id, "budi_bundle": budi_report.bundle_id}


__all__ = ["export", "office", "person", "save_as_sent", "stick"]
