"""The second decoding process gives exactly what decoding in this process gives, refuses
what it refuses, and is replaced after a refused or cancelled bundle."""

from __future__ import annotations

import shutil

import pytest

from desa_peduli.errors import BundleRejected, Cancelled
from desa_peduli.progress import Progress
from desa_peduli.services import branch as branch_module
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import Workspace
from tests.sync.conftest import CLOCK_COLUMNS, digest, forge_bundle, person


@pytest.fixture
def two_branches(branch_template, tmp_path):
    """Two copies of one branch (same keys): one decodes in-process, one in a child."""
    src, key = branch_template
    opened = []
    for name in ("in-process", "child"):
        shutil.copytree(src, tmp_path / name)
        opened.append(Session(Workspace.open_with_key(tmp_path / name, key)))
    yield opened
    for session in opened:
        session.close()


@pytest.fixture
def always_child(monkeypatch):
    monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)


def _rina(workspace_template, two_branches, tmp_path, valid_registration):
    src, key = workspace_template
    shutil.copytree(src, tmp_path / "rina")
    rina = Session(Workspace.open_with_key(tmp_path / "rina", key))
    for session in two_branches:
        enrolment = BranchService(session).enrol(volunteer_id="RLW-001", name="Rina",
                                                 villages=["15.04.05.2003"], target=tmp_path)
    FieldSync(rina).enrol(enrolment)
    # both branches hold the secret of the file Rina was given (as one branch would)
    row = two_branches[-1].db.execute("SELECT * FROM enrolment_secrets").fetchone()
    for session in two_branches[:-1]:
        with session.db.atomic():
            session.db.execute("INSERT OR REPLACE INTO enrolment_secrets VALUES (?, ?, ?, ?)",
                               row)
    for serial in range(1, 6):
        rina.registrations.save(person(valid_registration, serial))
    # a warning kept with the record: birth date disagreeing with the NIK
    rina.registrations.save(person(valid_registration, 6, birth_date="1988-03-03"))
    return rina


def test_child_and_in_process_imports_store_the_same(two_branches, workspace_template,
                                                     tmp_path, valid_registration, monkeypatch):
    rina = _rina(workspace_template, two_branches, tmp_path, valid_registration)
    first = FieldSync(rina).export(tmp_path).path
    rina.registrations.save(person(valid_registration, 7))
    second = FieldSync(rina).export(tmp_path, everything=True).path
    in_process, child = two_branches
    local = BranchService(in_process)
    reports_local = [local.import_bundle(p).to_dict() for p in (first, second)]
    monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)
    remote = BranchService(child)
    reports_child = [remote.import_bundle(p).to_dict() for p in (first, second)]
    assert remote._decoders  # really decoded by the child
    remote.close()
    assert reports_child == reports_local
    assert reports_child[0]["new"] == 6 and reports_child[1]["new"] == 1
    assert reports_child[1]["unchanged"] == 6
    warned = [r for r in child.db.execute("SELECT problems FROM registrations")
              if "nik." in r[0]]
    assert len(warned) == 1
    assert digest(child.db, ignore=CLOCK_COLUMNS) == digest(in_process.db, ignore=CLOCK_COLUMNS)


def _forged(rina, tmp_path, mutate) -> object:
    """Rina's real export, re-signed by her own laptop after ``mutate(records)``."""
    return forge_bundle(rina, tmp_path, mutate)


def test_a_bad_record_is_refused_and_the_next_bundle_gets_a_new_child(
        two_branches, workspace_template, tmp_path, valid_registration, always_child):
    rina = _rina(workspace_template, two_branches, tmp_path, valid_registration)
    _in_process, branch = two_branches
    service = BranchService(branch)

    def break_revision(records):
        records[1]["revision"] = "two"  # a registration whose revision is not a number
        return records

    def twice(records):  # refused by this process while the child is still sending
        return [records[0], records[1], records[1], *records[2:]]

    before = digest(branch.db)
    with pytest.raises(BundleRejected) as refused:
        service.import_bundle(_forged(rina, tmp_path, break_revision))
    assert refused.value.reason == "payload"
    assert digest(branch.db) == before
    (first_child,) = service._decoders
    assert first_child.alive  # it said why and waits
    with pytest.raises(BundleRejected) as refused:
        service.import_bundle(_forged(rina, tmp_path, twice))
    assert refused.value.reason == "payload"
    assert digest(branch.db) == before
    assert not service._decoders  # stopped half-way: closed
    report = service.import_bundle(FieldSync(rina).export(tmp_path).path)
    assert report.new == 6
    service.close()


def test_cancel_with_a_child_changes_nothing_and_import_works_after(
        two_branches, workspace_template, tmp_path, valid_registration, always_child):
    rina = _rina(workspace_template, two_branches, tmp_path, valid_registration)
    for serial in range(10, 420):
        rina.registrations.save(person(valid_registration, serial))
    _in_process, branch = two_branches
    service = BranchService(branch)
    path = FieldSync(rina).export(tmp_path).path
    before = digest(branch.db)
    with pytest.raises(Cancelled):
        service.import_bundle(path, progress=Progress(cancelled=lambda: True))
    assert digest(branch.db) == before
    assert not service._decoders  # stopped half-way: closed
    assert service.import_bundle(path).new == 416
    (child,) = service._decoders
    process = child._process
    service.close()
    assert not process.is_alive()
