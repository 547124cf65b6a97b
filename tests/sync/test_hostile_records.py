"""A correctly signed bundle (the attacker owns a bound laptop) whose records carry wrong
types or oversized values: refused as damaged, or stored as ``invalid`` for review — never
a crash, and nothing stored breaks the hand-over, the list or the review queue later."""

from __future__ import annotations

import json
import uuid

import pytest

from desa_peduli.cli import main
from desa_peduli.errors import BundleRejected
from desa_peduli.services import branch as branch_module
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from tests.conftest import PASSPHRASE
from tests.sync.conftest import digest, forge_bundle, person

DEEP = [[[[[[[[[[[["x"]]]]]]]]]]]]
# (record kind, path into the record, value)
MUTATIONS = [
    ("registration", ("revision",), True),
    ("registration", ("revision",), -1),
    ("registration", ("revision",), 2**70),
    ("registration", ("revision",), "2"),
    ("registration", ("revision",), 1.5),
    ("registration", ("change_seq",), 2**70),
    ("registration", ("change_seq",), None),
    ("registration", ("id",), 5),
    ("registration", ("id",), ""),
    ("registration", ("id",), ["x"]),
    ("registration", ("volunteer_id",), ["RLW-001"]),
    ("registration", ("status",), ["ready"]),
    ("registration", ("status",), 7),
    ("registration", ("status",), "<b>hacked</b>"),
    ("registration", ("created_at",), 12345),
    ("registration", ("created_at",), "yesterday"),
    ("registration", ("updated_at",), {"a": 1}),
    ("registration", ("deleted_at",), ["x"]),
    ("registration", ("deleted_reason",), {"x": 1}),
    ("registration", ("data",), []),
    ("registration", ("data",), "data"),
    ("registration", ("data",), None),
    ("registration", ("data", "nik"), 1504054203880001),
    ("registration", ("data", "nik"), "12"),  # wrong but well-typed: stored as invalid
    ("registration", ("data", "full_name"), 123),
    ("registration", ("data", "full_name"), ["Siti"]),
    ("registration", ("data", "full_name"), {"first": "Siti"}),
    ("registration", ("data", "full_name"), "S" * 20_000),
    ("registration", ("data", "full_name"), ""),  # stored as invalid
    ("registration", ("data", "birth_date"), 19880302),
    ("registration", ("data", "village_code"), ["15"]),
    ("registration", ("data", "programs"), "JKK"),
    ("registration", ("data", "programs"), [1, 2]),
    ("registration", ("data", "programs"), DEEP),
    ("registration", ("data", "programs"), ["JKK", "XYZ"]),  # stored as invalid
    ("registration", ("data", "heirs"), {"name": "x"}),
    ("registration", ("data", "heirs"), [1]),
    ("registration", ("data", "heirs"), [{"name": ["x"]}]),
    ("registration", ("data", "heirs"), [{"name": DEEP}]),
    ("registration", ("data", "consent"), ["given"]),
    ("registration", ("data", "consent"), {"method": {"x": 1}}),
    ("registration", ("data", "declared_income"), 2**70),
    ("registration", ("data", "declared_income"), 1e308),
    ("registration", ("data", "declared_income"), True),
    ("registration", ("data", "declared_income"), "lots"),  # stored as invalid
    ("registration", ("data", "payment_months"), 10**30),
    ("registration", ("attachments",), []),
    ("registration", ("attachments",), {"ktp_photo": 5}),
    ("revision", ("revision",), 2**70),
    ("revision", ("revision",), "1"),
    ("revision", ("change_seq",), -3),
    ("revision", ("status",), ["ready"]),
    ("revision", ("data",), []),
    ("revision", ("data",), {"full_name": ["x"]}),
    ("revision", ("data",), {"deep": DEEP}),
    ("revision", ("saved_at",), ["x"]),
    ("revision", ("saved_by",), {"x": 1}),
    ("change", ("seq",), 2**70),
    ("change", ("seq",), "1"),
    ("change", ("seq",), 1e300),
    ("change", ("revision",), None),
    ("change", ("action",), ["edit"]),
    ("change", ("fields",), "nik"),
    ("change", ("fields",), [1]),
    ("change", ("reason",), ["x"]),
    ("change", ("actor",), 5),
    ("change", ("at",), 5),
    ("attachment", ("kind",), 5),
    ("attachment", ("mime",), ["image/jpeg"]),
    ("attachment", ("data",), 5),
    ("attachment", ("sha256",), None),
    ("attachment", ("registration_id",), ["x"]),
]


@pytest.fixture
def rina(make_volunteer, valid_registration):
    """One registration with a KTP photo, edited once: every kind of record."""
    volunteer = make_volunteer("RLW-001")
    saved = volunteer.registrations.save(person(valid_registration, 1),
                                         ktp_photo=("image/jpeg", b"\xff\xd8\xff" + b"k" * 100))
    volunteer.registrations.save(person(valid_registration, 1, rt="003"), reg_id=saved.id)
    return volunteer


def _mutated(kind, path, value):
    """Each bundle gets its own registration id (so each lands anew) and one bad value."""

    def mutate(records):
        old = next(r["id"] for r in records if r["t"] == "registration")
        new = str(uuid.uuid4())
        records = json.loads(json.dumps(records).replace(old, new))
        target = next(r for r in records if r["t"] == kind)
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return records

    return mutate


def test_hostile_values_in_a_signed_bundle_never_break_anything(branch, rina, tmp_path,
                                                                monkeypatch, capsys):
    service = BranchService(branch)
    outcomes = {}
    for kind, path, value in MUTATIONS:
        bundle = forge_bundle(rina, tmp_path, _mutated(kind, path, value))
        before = digest(branch.db)
        label = f"{kind}.{'.'.join(path)}={str(value)[:30]}"
        try:
            report = service.import_bundle(bundle)
        except BundleRejected as refused:
            assert digest(branch.db) == before, label
            assert refused.message("id") and refused.message("en")
            outcomes[label] = refused.reason
        else:
            outcomes[label] = "stored " + ("invalid" if report.rejected else "received")
    service.close()
    assert outcomes["registration.data.nik=12"] == "stored invalid"
    assert outcomes["registration.data.full_name="] == "stored invalid"
    assert outcomes["registration.status=7"] == "payload"
    assert outcomes["registration.revision=1180591620717411303424"] == "payload"
    assert outcomes["change.seq=1e+300"] == "payload"
    held = branch.db.execute("SELECT count(*) FROM registrations WHERE branch_state = "
                             "'invalid'").fetchone()[0]
    assert held >= 4

    # what was stored breaks no later command
    workspace = str(branch.workspace.path)
    branch.close()
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    for argv in (["handover", "--state", "all", "--format", "csv", "-o",
                  str(tmp_path / "all.csv")],
                 ["handover", "--state", "all", "-o", str(tmp_path / "all.xlsx")],
                 ["handover", "--state", "invalid", "--format", "csv", "-o",
                  str(tmp_path / "invalid.csv")],
                 ["list"], ["list", "--format", "csv"], ["review", "--json"], ["review"]):
        assert main(["--data-dir", workspace, *argv]) == 0, argv
        capsys.readouterr()


@pytest.mark.parametrize("kind,path,value", [
    ("registration", ("status",), ["ready"]),
    ("revision", ("revision",), 2**70),
    ("change", ("seq",), 1e300),
])
def test_hostile_values_are_refused_by_the_second_process_too(branch, rina, tmp_path,
                                                              monkeypatch, kind, path, value):
    monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)
    service = BranchService(branch)
    before = digest(branch.db)
    with pytest.raises(BundleRejected) as refused:
        service.import_bundle(forge_bundle(rina, tmp_path, _mutated(kind, path, value)))
    assert refused.value.reason == "payload"
    assert digest(branch.db) == before
    assert service.import_bundle(FieldSync(rina).export(tmp_path).path).new == 1
    service.close()
