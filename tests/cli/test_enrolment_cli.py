"""Enrolment and binding through the command line: an enrolled laptop refuses a file
signed by another branch key; a bundle from an unconfirmed laptop is refused and queued
for approval."""

from __future__ import annotations

import json

import pytest

from desa_peduli.services.branch import BranchService
from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import KEY_DIR, Workspace
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync.enrolment import sign_enrolment, write_enrolment
from desa_peduli.sync.keystore import get_secret
from desa_peduli.sync.signing import AgeIdentity, SigningKey, b64, fingerprint
from tests.sync.conftest import digest, person


@pytest.fixture
def run(run_cli):
    return run_cli


def _laptop_state(path, key) -> tuple:
    with Workspace.open_with_key(path, key) as ws:
        state = digest(ws.db)
    return state, (path / KEY_DIR / "branch.age").read_bytes()


def test_an_enrolled_laptop_refuses_a_file_from_another_branch_key(
        make_volunteer, branch, workspace_template, tmp_path, run):
    rina = make_volunteer("RLW-001")
    path = rina.workspace.path
    ours = rina.settings.get("branch")
    rina.close()
    _src, key = workspace_template
    before = _laptop_state(path, key)
    stranger = SigningKey.generate()
    forged = {**json.loads((tmp_path / "enrolments" / "enrolment_RLW-001.dpenrol").read_text())
              ["enrolment"]}
    forged["branch"] = {**forged["branch"], "signing_key": b64(stranger.public_bytes),
                        "recipient": AgeIdentity.generate().recipient}
    other = tmp_path / "other.dpenrol"
    write_enrolment(other, sign_enrolment(forged, stranger))

    code, out, err = run(path, "init", "volunteer", "--enrolment", str(other))
    assert code == 1 and out == ""
    assert ours["fingerprint"] in err and fingerprint(stranger.public_bytes) in err
    assert "tidak ada yang diubah" in err
    code, _out, err = run(path, "--lang", "en", "init", "volunteer", "--enrolment", str(other))
    assert code == 1
    assert ours["fingerprint"] in err and fingerprint(stranger.public_bytes) in err
    assert _laptop_state(path, key) == before

    # a new file from the same branch (a new secret) is still taken
    again = BranchService(branch).enrol(volunteer_id="RLW-001", name="Rina Marlina",
                                        villages=["15.04.05.2003"], target=tmp_path / "new")
    assert run(path, "init", "volunteer", "--enrolment", str(again))[0] == 0
    with Session(Workspace.open_with_key(path, key)) as reopened:
        stored = get_secret(reopened.db, "enrolment_secret")
    assert stored == json.loads(again.read_text())["enrolment"]["binding_secret"]


def test_cli_import_refuses_an_unconfirmed_laptop_and_queues_it(
        make_volunteer, branch, session, tmp_path, run, valid_registration):
    rina = make_volunteer("RLW-001")
    stick = tmp_path / "stick"
    stick.mkdir()
    session.registrations.save(person(valid_registration, 5))
    seq_to = session.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    stranger = SigningKey.generate()
    forged = bundles.write_bundle(
        session.db, stick / "forged.dpbundle", volunteer_id="RLW-001", workspace_id="x",
        device_key=stranger, device_identity=AgeIdentity.generate(),
        branch_recipient=rina.settings.get("branch")["recipient"], watermark=0,
        seq_to=seq_to).path
    branch_path = branch.workspace.path
    branch.close()

    code, out, err = run(branch_path, "import", "--json", str(forged))
    report = json.loads(out)
    assert code == 1 and report["status"] == "rejected"
    assert report["reason"] == "device_unconfirmed" and report["awaiting_approval"]
    assert fingerprint(stranger.public_bytes) in err and "approve-device" in err
    queue = json.loads(run(branch_path, "review", "--json")[1])
    assert [item["fingerprint"] for item in queue["items"]["device"]] == [
        fingerprint(stranger.public_bytes)]
    listed = run(branch_path, "list")[1]
    assert listed.strip() == ""  # nothing landed
    code, _out, err = run(branch_path, "receipt", "--volunteer-id", "RLW-001", "-o", str(stick))
    assert code == 1
