"""A volunteer's first laptop is bound only by proving their enrolment file: a bundle from
a laptop the branch never confirmed lands nothing and earns no receipt; a clerk can
approve it after comparing its fingerprint; laptops bound before keep working."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from desa_peduli.errors import BundleRejected, InputRejected
from desa_peduli.services.branch import BranchService, bind_device
from desa_peduli.services.field import FieldSync
from desa_peduli.services.review import DEVICE, ReviewService
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync.keystore import get_secret, load_keys
from desa_peduli.sync.signing import AgeIdentity, SigningKey, b64, fingerprint, unb64
from tests.sync.conftest import digest, person
from tests.sync.test_adversarial import _parts, _resign

ENROLMENT_SECRET = "enrolment_secret"  # services.field.ENROLMENT_SECRET


def _secret(laptop) -> bytes:
    return unb64(get_secret(laptop.db, ENROLMENT_SECRET))


def _registrations(branch) -> int:
    return branch.db.execute("SELECT count(*) FROM registrations").fetchone()[0]


def _forge(laptop, out, *, volunteer_id: str, recipient: str, enrolment=None,
           signing: SigningKey | None = None):
    """A bundle written by ``laptop``'s own data under ``volunteer_id``, signed by
    ``signing`` (a new key by default): what a stranger who knows the volunteer id and
    the branch recipient (printed in every enrolment file) can make."""
    seq_to = laptop.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    target = out / f"forged-{uuid.uuid4().hex[:8]}.dpbundle"
    proof = {"enrolment": enrolment} if enrolment else {}
    return bundles.write_bundle(
        laptop.db, target, volunteer_id=volunteer_id, workspace_id="forged",
        device_key=signing or SigningKey.generate(), device_identity=AgeIdentity.generate(),
        branch_recipient=recipient, watermark=0, seq_to=seq_to, **proof).path


def _refused(branch, path) -> BundleRejected:
    before = digest(branch.db)
    with pytest.raises(BundleRejected) as info:
        BranchService(branch).import_bundle(path)
    assert digest(branch.db) == before
    return info.value


@pytest.fixture
def stick(tmp_path):
    out = tmp_path / "stick"
    out.mkdir()
    return out


def test_a_forged_first_bundle_lands_nothing_and_the_real_laptop_then_binds(
        branch, make_volunteer, session, stick, valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    recipient = rina.settings.get("branch")["recipient"]
    session.registrations.save(person(valid_registration, 7, full_name="Nama Palsu"))
    no_proof = _forge(session, stick, volunteer_id="RLW-001", recipient=recipient)
    for make in (lambda: no_proof, lambda: _forge(
            session, stick, volunteer_id="RLW-001", recipient=recipient,
            enrolment=("RLW-001:guess", os.urandom(32)))):
        refused = _refused(branch, make())
        assert refused.reason == "device_unconfirmed"
        assert "belum disetujui" in refused.message("id")
        assert "not confirmed" in refused.message("en")
    assert _registrations(branch) == 0
    assert BranchService(branch).volunteer("RLW-001")["device_key"] is None
    with pytest.raises(InputRejected):  # no receipt for a volunteer with no bound laptop
        BranchService(branch).receipt("RLW-001", tmp_path)

    rina.registrations.save(person(valid_registration, 1))
    report = BranchService(branch).import_bundle(FieldSync(rina).export(stick).path)
    assert report.status == "applied" and report.new == 1 and report.device_bound
    assert BranchService(branch).volunteer("RLW-001")["device_fingerprint"] == (
        FieldSync(rina).fingerprint())
    assert _refused(branch, no_proof).reason == "device_changed"  # bound now: the usual rule


def test_a_proof_made_for_another_volunteer_or_moved_to_another_key_is_refused(
        branch, make_volunteer, stick, valid_registration):
    rina = make_volunteer("RLW-001")
    budi = make_volunteer("RLW-002", "Budi Santoso")
    recipient = budi.settings.get("branch")["recipient"]
    budi.registrations.save(person(valid_registration, 3))
    # Budi's laptop, with Budi's own secret, claims to be Rina's
    budi_secret = (budi.settings.get("enrolment_id"), _secret(budi))
    signing, _identity = load_keys(budi.db)
    claimed = _forge(budi, stick, volunteer_id="RLW-001", recipient=recipient,
                     enrolment=budi_secret, signing=signing)
    assert _refused(branch, claimed).reason == "device_unconfirmed"
    # Rina's genuine proof, moved onto a stranger's key (and re-signed by it)
    rina.registrations.save(person(valid_registration, 4))
    genuine = FieldSync(rina).export(stick).path
    parts = _parts(genuine.read_bytes())
    manifest = json.loads(parts[2])
    assert manifest["enrolment_proof"] and manifest["enrolment_id"]
    stranger = SigningKey.generate()
    manifest["device_public_key"] = b64(stranger.public_bytes)
    moved = stick / "moved.dpbundle"
    moved.write_bytes(_resign(parts, manifest, stranger))
    assert _refused(branch, moved).reason == "device_unconfirmed"
    assert _registrations(branch) == 0
    # the genuine ones still bind
    assert BranchService(branch).import_bundle(genuine).device_bound
    assert BranchService(branch).import_bundle(
        FieldSync(budi).export(stick).path).device_bound


def _make_legacy(branch, laptop, volunteer_id: str) -> None:
    """As if enrolled before enrolment files carried a secret (schema before 0010)."""
    with branch.db.atomic():
        branch.db.execute("DELETE FROM enrolment_secrets WHERE volunteer_id = ?", [volunteer_id])
    with laptop.db.atomic():
        laptop.db.execute("DELETE FROM secrets WHERE name = ?", [ENROLMENT_SECRET])


def test_a_laptop_bound_before_secrets_keeps_working(branch, make_volunteer, stick,
                                                      valid_registration):
    rina = make_volunteer("RLW-001")
    _make_legacy(branch, rina, "RLW-001")
    signing, identity = load_keys(rina.db)
    with branch.db.atomic():  # bound by its first bundle, before this release
        bind_device(branch, "RLW-001", b64(signing.public_bytes), identity.recipient)
    rina.registrations.save(person(valid_registration, 1))
    bundle = FieldSync(rina).export(stick).path
    assert "enrolment_proof" not in json.loads(_parts(bundle.read_bytes())[2])
    report = BranchService(branch).import_bundle(bundle)
    assert report.status == "applied" and report.new == 1


def test_an_unconfirmed_laptop_waits_for_a_clerk_who_approves_it(
        branch, make_volunteer, stick, valid_registration, tmp_path):
    """A laptop enrolled with a file from before secrets, never bound: its first bundle
    has no proof; it is queued, and binds once a clerk approves its fingerprint."""
    rina = make_volunteer("RLW-001")
    _make_legacy(branch, rina, "RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    bundle = FieldSync(rina).export(stick).path
    refused = _refused(branch, bundle)
    assert refused.reason == "device_unconfirmed"
    assert refused.device_fingerprint == FieldSync(rina).fingerprint()
    review = ReviewService(branch)
    assert review.note_refused_device(bundle) == "RLW-001"
    waiting = review.items(DEVICE)
    assert [(w["volunteer_id"], w["fingerprint"], w["current_fingerprint"])
            for w in waiting] == [("RLW-001", FieldSync(rina).fingerprint(), None)]
    assert review.approve_pending_device(
        "RLW-001", shown=FieldSync(rina).fingerprint()) == FieldSync(rina).fingerprint()
    assert review.counts()[DEVICE] == 0
    report = BranchService(branch).import_bundle(bundle)
    assert report.status == "applied" and report.new == 1
    assert BranchService(branch).receipt("RLW-001", tmp_path).exists()


def test_approve_device_from_the_refused_bundle_binds_an_unconfirmed_laptop(
        branch, make_volunteer, stick, valid_registration):
    rina = make_volunteer("RLW-001")
    _make_legacy(branch, rina, "RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    bundle = FieldSync(rina).export(stick).path
    assert _refused(branch, bundle).reason == "device_unconfirmed"
    assert BranchService(branch).approve_device(bundle) == FieldSync(rina).fingerprint()
    assert BranchService(branch).import_bundle(bundle).new == 1


def test_a_branch_that_lost_the_binding_rebinds_only_the_enrolled_laptop(
        branch, make_volunteer, session, stick, valid_registration):
    """After a restored backup from before the binding: every bundle carries the proof,
    so the volunteer's own laptop binds again by itself, and nobody else's does."""
    rina = make_volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    BranchService(branch).import_bundle(FieldSync(rina).export(stick).path)
    with branch.db.atomic():
        branch.db.execute("UPDATE volunteers SET device_key = NULL, device_recipient = NULL, "
                          "device_bound_at = NULL WHERE id = 'RLW-001'")
    session.registrations.save(person(valid_registration, 9))
    forged = _forge(session, stick, volunteer_id="RLW-001",
                    recipient=rina.settings.get("branch")["recipient"])
    assert _refused(branch, forged).reason == "device_unconfirmed"
    rina.registrations.save(person(valid_registration, 2))
    report = BranchService(branch).import_bundle(FieldSync(rina).export(stick).path)
    assert report.status == "applied" and report.device_bound
    signing, _identity = load_keys(rina.db)
    assert BranchService(branch).volunteer("RLW-001")["device_fingerprint"] == fingerprint(
        signing.public_bytes)


def test_a_new_enrolment_file_replaces_the_secret_on_both_sides(branch, make_volunteer, stick,
                                                                valid_registration, tmp_path):
    """A laptop swap: the branch issues a new file, the new laptop binds with it; the
    secret of the old file no longer binds anything."""
    old_laptop = make_volunteer("RLW-001")
    new_laptop = make_volunteer("RLW-001")  # a second file: a new secret
    assert _secret(old_laptop) != _secret(new_laptop)
    old_laptop.registrations.save(person(valid_registration, 1))
    assert _refused(branch, FieldSync(old_laptop).export(stick).path).reason == (
        "device_unconfirmed")
    new_laptop.registrations.save(person(valid_registration, 2))
    assert BranchService(branch).import_bundle(
        FieldSync(new_laptop).export(stick).path).device_bound


@pytest.mark.parametrize("secret", ["c2hvcnQ=", "not base64!", 32, ["x"]])
def test_an_enrolment_file_with_a_malformed_secret_is_refused(branch, tmp_path, secret):
    """Signed by the real branch key, but its secret is not 32 bytes of base64."""
    from desa_peduli.sync.enrolment import read_enrolment, sign_enrolment, write_enrolment

    good = BranchService(branch).enrol(volunteer_id="RLW-001", name="Rina",
                                       villages=["15.04.05.2003"], target=tmp_path)
    enrolment = dict(json.loads(good.read_text())["enrolment"], binding_secret=secret)
    signing, _identity = BranchService(branch).keys()
    bad = tmp_path / "bad.dpenrol"
    write_enrolment(bad, sign_enrolment(enrolment, signing))
    with pytest.raises(BundleRejected) as info:
        read_enrolment(bad)
    assert info.value.reason == "structure"


@pytest.mark.parametrize("proof", [123, ["ab"], "f" * 3000])
def test_a_wrong_typed_or_oversized_proof_is_refused(branch, make_volunteer, stick,
                                                     valid_registration, proof):
    """Even when signed by the volunteer's own laptop."""
    rina = make_volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    parts = _parts(FieldSync(rina).export(stick).path.read_bytes())
    manifest = dict(json.loads(parts[2]), enrolment_proof=proof)
    signing, _identity = load_keys(rina.db)
    path = stick / "odd.dpbundle"
    path.write_bytes(_resign(parts, manifest, signing))
    assert _refused(branch, path).reason == "manifest"


def test_a_clerk_approves_only_the_laptop_whose_fingerprint_was_shown(
        branch, make_volunteer, session, stick, valid_registration):
    """Between showing the queue and the click, a forged bundle refused for the same
    volunteer replaces the laptop awaiting approval: approving (or dismissing) what was
    shown changes nothing, and the forger's laptop is not bound."""
    rina = make_volunteer("RLW-001")
    _make_legacy(branch, rina, "RLW-001")  # her bundles carry no proof: a clerk approves
    rina.registrations.save(person(valid_registration, 1))
    genuine = FieldSync(rina).export(stick).path
    _refused(branch, genuine)
    review = ReviewService(branch)
    review.note_refused_device(genuine)
    [item] = review.items(DEVICE)
    shown = item["fingerprint"]
    assert shown == FieldSync(rina).fingerprint()
    session.registrations.save(person(valid_registration, 9, full_name="Nama Palsu"))
    forged = _forge(session, stick, volunteer_id="RLW-001",
                    recipient=rina.settings.get("branch")["recipient"])
    _refused(branch, forged)
    review.note_refused_device(forged)  # the queue now names the forger's laptop
    before = digest(branch.db)
    for act in (review.approve_pending_device, review.dismiss_pending_device):
        with pytest.raises(InputRejected) as info:
            act("RLW-001", shown=shown)
        assert shown in info.value.message("id") and "berganti" in info.value.message("id")
        assert "Nothing was approved" in info.value.message("en")
        assert digest(branch.db) == before
    assert BranchService(branch).volunteer("RLW-001")["device_key"] is None


def test_approve_device_refuses_a_file_that_now_names_another_laptop(
        branch, make_volunteer, session, stick, valid_registration):
    """The window's "Approve and import" and ``approve-device --fingerprint`` bind the
    laptop the clerk compared, not whatever signs the file at the moment of the click."""
    rina = make_volunteer("RLW-001")
    _make_legacy(branch, rina, "RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    bundle = FieldSync(rina).export(stick).path
    shown = _refused(branch, bundle).device_fingerprint
    session.registrations.save(person(valid_registration, 9, full_name="Nama Palsu"))
    forged = _forge(session, stick, volunteer_id="RLW-001",
                    recipient=rina.settings.get("branch")["recipient"])
    forged.replace(bundle)  # a shared import folder: the file is swapped
    before = digest(branch.db)
    with pytest.raises(InputRejected) as info:
        BranchService(branch).approve_device(bundle, shown=shown)
    assert shown in info.value.message("en") and "Nothing was approved" in (
        info.value.message("en"))
    assert digest(branch.db) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_a_folder_given_as_an_enrolment_file_is_refused_at_once(tmp_path):
    """Reading one would wait for a writer for ever (the window's file chooser too)."""
    import threading

    from desa_peduli.sync.enrolment import read_enrolment

    fifo = tmp_path / "enrolment.dpenrol"
    os.mkfifo(fifo)  # posix-only: ok
    folder = tmp_path / "folder.dpenrol"
    folder.mkdir()
    for path in (fifo, folder):
        outcome: list = []

        def read(path=path, outcome=outcome):
            try:
                read_enrolment(path)
            except BundleRejected as exc:
                outcome.append(exc.reason)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=20)
        if reader.is_alive():  # release the reader blocked on the FIFO before failing
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # posix-only: ok
            pytest.fail(f"reading {path.name} blocked")
        assert outcome == ["unreadable"], path


def _other_branch_file(genuine, target):
    """``genuine``'s enrolment re-signed by a stranger's key (their own 'branch')."""
    from desa_peduli.sync.enrolment import read_enrolment, sign_enrolment, write_enrolment

    enrolment = read_enrolment(genuine)
    stranger = SigningKey.generate()
    enrolment["branch"] = dict(enrolment["branch"], signing_key=b64(stranger.public_bytes),
                               recipient=AgeIdentity.generate().recipient)
    write_enrolment(target, sign_enrolment(enrolment, stranger))
    return target


def test_an_enrolment_file_swapped_after_it_was_shown_enrols_nothing(
        branch, session, tmp_path):
    """The window shows the file's branch fingerprint, the person confirms, and by then
    the file on the stick is another one: nothing is enrolled."""
    from desa_peduli.sync.enrolment import read_enrolment

    genuine = BranchService(branch).enrol(volunteer_id="RLW-001", name="Rina Marlina",
                                          villages=["15.04.05.2003"], target=tmp_path)
    shown = read_enrolment(genuine)
    _other_branch_file(genuine, tmp_path / "other.dpenrol").replace(genuine)
    before = digest(session.db)
    with pytest.raises(InputRejected) as info:
        FieldSync(session).enrol(genuine, shown=shown)
    assert "berubah sejak ditampilkan" in info.value.message("id")
    assert "Nothing was changed" in info.value.message("en")
    assert digest(session.db) == before and not FieldSync(session).enrolled
    assert not (session.workspace.path / "keys" / "branch.age").exists()


def test_an_enrolled_laptop_refuses_an_older_file_of_its_branch(
        branch, session, stick, tmp_path, valid_registration, monkeypatch):
    """The branch replaced a file (a new secret); the laptop enrolled with the new one
    does not go back to the old one, whose secret binds nothing any more (its first
    bundle would wait for a clerk instead of binding)."""
    from desa_peduli.services import branch as branch_module

    svc = BranchService(branch)
    monkeypatch.setattr(branch_module, "local_now", lambda: "2026-11-24T09:07:00+07:00")
    old = svc.enrol(volunteer_id="RLW-001", name="Rina Marlina", villages=["15.04.05.2003"],
                    target=tmp_path / "old.dpenrol")
    monkeypatch.setattr(branch_module, "local_now", lambda: "2026-11-30T10:00:00+07:00")
    new = svc.enrol(volunteer_id="RLW-001", name="Rina Marlina", villages=["15.04.05.2003"],
                    target=tmp_path / "new.dpenrol")
    FieldSync(session).enrol(new)
    before = digest(session.db)
    with pytest.raises(InputRejected) as info:
        FieldSync(session).enrol(old)
    assert "lebih lama" in info.value.message("id") and "older" in info.value.message("en")
    assert digest(session.db) == before
    FieldSync(session).enrol(new)  # the same file again is fine
    session.registrations.save(person(valid_registration, 1))
    assert svc.import_bundle(FieldSync(session).export(stick).path).device_bound


def test_a_laptop_bound_to_one_volunteer_is_never_approved_for_another(
        branch, make_volunteer, stick, valid_registration):
    """Budi's bound laptop sends a bundle in Rina's name (he reads his own fingerprint at
    the counter as hers): neither approval path binds it to Rina."""
    rina = make_volunteer("RLW-001")
    budi = make_volunteer("RLW-002", "Budi Santoso")
    budi.registrations.save(person(valid_registration, 2))
    svc = BranchService(branch)
    svc.import_bundle(FieldSync(budi).export(stick).path)
    signing, _identity = load_keys(budi.db)
    forged = _forge(budi, stick, volunteer_id="RLW-001",
                    recipient=rina.settings.get("branch")["recipient"], signing=signing)
    assert _refused(branch, forged).reason == "device_unconfirmed"
    review = ReviewService(branch)
    assert review.note_refused_device(forged) == "RLW-001"
    shown = FieldSync(budi).fingerprint()
    before = digest(branch.db)
    for approve in (lambda: svc.approve_device(forged, shown=shown),
                    lambda: review.approve_pending_device("RLW-001", shown=shown)):
        with pytest.raises(InputRejected) as info:
            approve()
        assert "RLW-002" in info.value.message("id") and shown in info.value.message("en")
        assert digest(branch.db) == before
    assert svc.volunteer("RLW-001")["device_key"] is None
