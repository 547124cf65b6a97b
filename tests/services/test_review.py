"""The review queue and batch accept (services/review.py) over real imported bundles."""

from __future__ import annotations

import pytest

from desa_peduli.errors import InputRejected, NotFound, WrongRole
from desa_peduli.services.field import FieldSync
from desa_peduli.services.review import (
    DEVICE,
    DUPLICATE,
    INVALID,
    WARNING,
    ReviewService,
)
from tests.services.review_fixtures import *  # noqa: F403 - fixtures
from tests.services.review_fixtures import export, person


def state(branch, reg_id):
    return branch.registrations.store.get(reg_id)["branch_state"]


def test_only_a_branch_has_a_review_queue(session):
    with pytest.raises(WrongRole):
        ReviewService(session)


def test_the_queue_lists_what_needs_a_person(office):
    review, ids = office["review"], office["ids"]
    assert review.counts() == {DUPLICATE: 1, INVALID: 1, WARNING: 2, DEVICE: 0}
    [pair] = review.items(DUPLICATE)
    assert {pair["registration_id"], pair["other_id"]} == {ids["clean1"], ids["budi_dup"]}
    assert {pair["volunteer_id"], pair["other_volunteer_id"]} == {"RLW-001", "RLW-002"}
    [invalid] = review.items(INVALID)
    assert invalid["registration_id"] == ids["invalid"]
    assert [p["code"] for p in invalid["problems"]] == ["phone.mobile"]
    warnings = review.items(WARNING)
    assert {w["registration_id"]: [p["code"] for p in w["problems"]] for w in warnings} == {
        ids["birth"]: ["nik.birth_date_mismatch"], ids["sex"]: ["nik.sex_mismatch"]}
    queue = review.queue()
    assert queue["total"] == 4 and len(queue["items"][WARNING]) == 2


def test_items_page_by_keyset(office):
    review = office["review"]
    first = review.items(WARNING, limit=1)
    second = review.items(WARNING, after=first[-1]["cursor"], limit=1)
    assert len(first) == len(second) == 1
    assert first[0]["registration_id"] != second[0]["registration_id"]
    assert review.items(WARNING, after=second[-1]["cursor"]) == []


def test_resolving_a_duplicate_marks_the_other_and_closes_the_pair(office, branch):
    review, ids = office["review"], office["ids"]
    [pair] = review.items(DUPLICATE)
    full = review.pair(pair["pair_id"])
    assert full["left"]["nik"] == full["right"]["nik"]
    marked = review.resolve_duplicate(pair["pair_id"], keep=ids["clean1"])
    assert marked == ids["budi_dup"]
    assert state(branch, ids["budi_dup"]) == "duplicate"
    assert state(branch, ids["clean1"]) == "received"
    assert review.counts()[DUPLICATE] == 0
    log = branch.db.execute(
        "SELECT state, duplicate_of FROM state_log WHERE registration_id = ? ORDER BY id DESC",
        [ids["budi_dup"]]).fetchone()
    assert log == ("duplicate", ids["clean1"])
    with pytest.raises(InputRejected, match="sudah diputuskan"):
        review.resolve_duplicate(pair["pair_id"], keep=ids["clean1"])
    with pytest.raises(NotFound):
        review.resolve_duplicate(9999, keep=ids["clean1"])


def test_keep_must_be_one_of_the_pair_and_nothing_changes_otherwise(office, branch):
    review, ids = office["review"], office["ids"]
    [pair] = review.items(DUPLICATE)
    with pytest.raises(InputRejected):
        review.resolve_duplicate(pair["pair_id"], keep=ids["clean2"])
    assert state(branch, ids["budi_dup"]) == "received"
    assert review.counts()[DUPLICATE] == 1
    assert review.find_pair(ids["budi_dup"], ids["clean1"]) == pair["pair_id"]
    with pytest.raises(InputRejected):
        review.find_pair(ids["clean2"], ids["clean1"])


def test_a_third_registration_with_the_same_nik(office, branch, make_volunteer, stick,
                                                valid_registration):
    """Three pairs; once one is marked duplicate its other pair is moot."""
    review, ids = office["review"], office["ids"]
    sari = make_volunteer("RLW-003", "Sari")
    third = sari.registrations.save(person(valid_registration, 1, rt="009")).id
    office["service"].import_bundle(export(sari, stick))
    assert review.counts()[DUPLICATE] == 3
    pair = review.find_pair(ids["budi_dup"], ids["clean1"])
    review.resolve_duplicate(pair, keep=ids["clean1"])
    [left] = review.items(DUPLICATE)
    assert {left["registration_id"], left["other_id"]} == {ids["clean1"], third}


def test_batch_accept_of_a_bundle_takes_only_the_clean_ones(office, branch):
    review, ids = office["review"], office["ids"]
    preview = review.preview_accept("bundle", office["rina_bundle"])
    assert preview.accept == 2  # clean2, clean3
    assert preview.held == {DUPLICATE: 1, WARNING: 2, INVALID: 1}
    assert preview.total == 6 and preview.done == 0
    result = review.accept_clean("bundle", office["rina_bundle"])
    assert result.count == 2 and result.batch_id
    assert {k: state(branch, v) for k, v in ids.items()} == {
        "clean1": "received", "clean2": "accepted", "clean3": "accepted",
        "invalid": "invalid", "birth": "received", "sex": "received",
        "budi_dup": "received", "budi": "received"}
    [batch] = review.batches()
    assert batch == {"id": result.batch_id, "action": "accept", "scope_kind": "bundle",
                     "scope_value": office["rina_bundle"], "count": 2, "actor": branch.actor,
                     "at": result.at}
    logged = branch.db.execute(
        "SELECT registration_id, state, actor, at FROM state_log WHERE batch_id = ?",
        [result.batch_id]).fetchall()
    assert sorted(r[0] for r in logged) == sorted([ids["clean2"], ids["clean3"]])
    assert {(r[1], r[2], r[3]) for r in logged} == {("accepted", branch.actor, result.at)}
    # again: nothing clean left, nothing recorded
    again = review.accept_clean("bundle", office["rina_bundle"])
    assert again.count == 0 and again.batch_id is None
    assert len(review.batches()) == 1
    assert review.preview_accept("bundle", office["rina_bundle"]).done == 2


def test_batch_accept_by_volunteer_and_by_village(office, branch):
    review, ids = office["review"], office["ids"]
    assert review.preview_accept("volunteer", "RLW-002").accept == 1  # budi, not budi_dup
    assert review.accept_clean("volunteer", "RLW-002").count == 1
    assert state(branch, ids["budi"]) == "accepted"
    # person() puts serials 1..6 in villages by serial: 2003 holds serials 1 and 4
    village = branch.registrations.store.get(ids["clean3"])["village_code"]
    preview = review.preview_accept("village", village)
    assert preview.accept >= 1 and preview.scope_label
    assert review.accept_clean("village", village).count == preview.accept
    assert state(branch, ids["clean3"]) == "accepted"


def test_a_resolved_duplicate_frees_the_kept_one_for_batch_accept(office, branch):
    review, ids = office["review"], office["ids"]
    [pair] = review.items(DUPLICATE)
    review.resolve_duplicate(pair["pair_id"], keep=ids["clean1"])
    result = review.accept_clean("bundle", office["rina_bundle"])
    assert result.count == 3 and state(branch, ids["clean1"]) == "accepted"


def test_bad_scopes_are_refused_and_change_nothing(office, branch):
    review = office["review"]
    for kind, value in (("bundle", "no-such-bundle"), ("volunteer", "RLW-999"),
                        ("village", "15.04"), ("village", "99.99.99.9999"), ("desa", "x")):
        with pytest.raises(InputRejected):
            review.accept_clean(kind, value)
    assert review.batches() == []
    # a bundle may be named by its file name too
    name = branch.db.execute("SELECT file_name FROM bundles WHERE bundle_id = ?",
                             [office["rina_bundle"]]).fetchone()[0]
    assert review.preview_accept("bundle", name).scope_value == office["rina_bundle"]


def test_a_refused_new_laptop_waits_in_the_queue_until_approved(
        office, branch, workspace_template, stick, tmp_path, valid_registration):
    import shutil

    from desa_peduli.errors import BundleRejected
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    review, svc = office["review"], office["service"]
    src, key = workspace_template
    shutil.copytree(src, tmp_path / "new-laptop")
    with Session(Workspace.open_with_key(tmp_path / "new-laptop", key)) as laptop:
        enrolment = svc.enrol(volunteer_id="RLW-001", name="Rina Marlina",
                              villages=["15.04.05.2003"], target=tmp_path)
        FieldSync(laptop).enrol(enrolment)
        laptop.registrations.save(person(valid_registration, 40))
        bundle = export(laptop, stick)
        new_fingerprint = FieldSync(laptop).fingerprint()
    with pytest.raises(BundleRejected):
        svc.import_bundle(bundle)
    assert review.counts()[DEVICE] == 0  # the refused import itself changed nothing
    assert review.note_refused_device(bundle) == "RLW-001"
    assert review.note_refused_device(bundle) == "RLW-001"  # twice: still one item
    [item] = review.items(DEVICE)
    assert item["volunteer_id"] == "RLW-001" and item["fingerprint"] == new_fingerprint
    assert item["current_fingerprint"] and item["current_fingerprint"] != new_fingerprint
    assert review.approve_pending_device("RLW-001", shown=new_fingerprint) == new_fingerprint
    assert review.counts()[DEVICE] == 0
    assert svc.import_bundle(bundle).new == 1
    with pytest.raises(InputRejected):
        review.approve_pending_device("RLW-001", shown=new_fingerprint)
    # a bundle from the bound laptop is no new laptop
    assert review.note_refused_device(bundle) is None
    assert review.note_refused_device(tmp_path / "missing.dpbundle") is None


def test_a_pending_laptop_can_be_dismissed(office, branch):
    review = office["review"]
    branch.db.execute("UPDATE volunteers SET pending_device_key = ?, pending_since = 'x' "
                      "WHERE id = 'RLW-002'",
                      [branch.db.execute("SELECT device_key FROM volunteers WHERE id = 'RLW-001'")
                       .fetchone()[0]])
    assert review.counts()[DEVICE] == 1
    [item] = review.items(DEVICE)
    shown = item["fingerprint"]
    review.dismiss_pending_device("RLW-002", shown=shown)
    assert review.counts()[DEVICE] == 0
    with pytest.raises(NotFound):
        review.dismiss_pending_device("RLW-404", shown=shown)


def test_different_people_send_the_wrong_nik_back_and_record_who_decided(office, branch):
    """Siti (RLW-001) and Budi (RLW-002) share NIK …0001 but are two people: Budi's NIK
    was typed wrong → Budi's registration "needs correction" with the reason, Siti's stays
    received, the pair is closed as different:<budi> by the clerk, who is in the log."""
    from desa_peduli.services.session import branch_actor

    review, ids = office["review"], office["ids"]
    [pair] = review.items(DUPLICATE)
    other = review.send_back_different(pair["pair_id"], ids["budi_dup"],
                                       "NIK beda dengan KTP")
    assert other == ids["clean1"]
    assert state(branch, ids["budi_dup"]) == "correction"
    assert state(branch, ids["clean1"]) == "received"
    assert review.counts()[DUPLICATE] == 0
    resolution = branch.db.execute(
        "SELECT resolution, resolved_by FROM duplicates WHERE id = ?",
        [pair["pair_id"]]).fetchone()
    assert resolution == (f"different:{ids['budi_dup']}", branch_actor())
    [decision] = review.decisions()
    assert (decision["registration_id"], decision["state"], decision["reason"],
            decision["actor"]) == (ids["budi_dup"], "correction", "NIK beda dengan KTP",
                                   branch_actor())
    assert decision["actor"].startswith("branch:")
    with pytest.raises(InputRejected, match="sudah diputuskan"):
        review.send_back_different(pair["pair_id"], ids["budi_dup"], "lagi")


def test_different_people_refuses_a_stranger_or_no_reason_and_changes_nothing(office, branch):
    review, ids = office["review"], office["ids"]
    [pair] = review.items(DUPLICATE)
    with pytest.raises(InputRejected):
        review.send_back_different(pair["pair_id"], ids["clean2"], "alasan")
    with pytest.raises(InputRejected, match="alasan"):
        review.send_back_different(pair["pair_id"], ids["budi_dup"], "  ")
    assert state(branch, ids["budi_dup"]) == "received"
    assert review.counts()[DUPLICATE] == 1
    assert review.decisions() == []
