"""Importing bundles on the branch server (issue 15): the same outcomes as the SQLite
import, one transaction per bundle, several clerks at once, row-level security, and
``list`` as each clerk sees it; real signed bundles on a real PostgreSQL server."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import psycopg
import pytest

from desa_peduli.errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    BundleRejected,
    ImportOutsideKabupaten,
    ServerUnreachable,
)
from desa_peduli.services.field import FieldSync
from desa_peduli.services.server_branch import create_server_branch
from desa_peduli.services.server_session import ServerSession
from desa_peduli.sync.server_bundle import VOLUNTEER_LOCK
from tests.sync.conftest import forge_bundle, person

SITI, BUDI, RINA = "Siti Aminah", "Budi Santoso", "Rina Wati"
PASS = {SITI: "siti-rahasia-1", BUDI: "budi-rahasia-2", RINA: "rina-rahasia-3"}
BATANGHARI, BUNGO = "15.04", "15.08"
IN_BUNGO = "15.08.01.2001"  # Pedukun


@pytest.fixture
def folder(tmp_path, admin_url):
    """KC Muara Bungo on the test server: Siti supervises, Budi works on Batanghari
    (where the test volunteers register), Rina on Bungo."""
    path = tmp_path / "cabang"
    create_server_branch(path, url=admin_url, name="KC Muara Bungo", province="15",
                         clerk=SITI, passphrase=PASS[SITI])
    with ServerSession.open(path, SITI, PASS[SITI]) as siti:
        siti.add_clerk(BUDI, role="clerk", kabupaten=[BATANGHARI], passphrase=PASS[BUDI])
        siti.add_clerk(RINA, role="clerk", kabupaten=[BUNGO], passphrase=PASS[RINA])
    return path


@pytest.fixture
def login(folder):
    opened = []

    def open_as(clerk=SITI):
        session = ServerSession.open(folder, clerk, PASS[clerk])
        opened.append(session)
        return session

    yield open_as
    for session in opened:
        session.close()


@pytest.fixture
def volunteer(workspace_template, login, tmp_path):
    """``volunteer("RLW-001")``: an open volunteer Session enrolled with the server branch."""
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    siti = login(SITI)
    opened = []

    def make(volunteer_id):
        src, key = workspace_template
        dst = tmp_path / f"vol-{volunteer_id}"
        shutil.copytree(src, dst)
        enrolment = siti.enrol(volunteer_id=volunteer_id, name="Relawan " + volunteer_id,
                               villages=["15.04.05.2003"], target=tmp_path)
        session = Session(Workspace.open_with_key(dst, key))
        FieldSync(session).enrol(enrolment)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()


@pytest.fixture
def stick(tmp_path):
    path = tmp_path / "stick"
    path.mkdir()
    return path


@pytest.fixture
def admin(admin_url):
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("SET search_path = desa_peduli")
        yield conn


def _export(session, stick):
    result = FieldSync(session).export(stick)
    assert result.path is not None
    return result.path


def _counts(admin):
    return {table: admin.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("registrations", "state_log", "bundles", "revisions")}


def _wait_for_lock_waiters(admin, count):
    """Until ``count`` sessions wait for an advisory lock (no sleeping: the server's own
    view, asked again until it shows them; pg_locks is exact)."""
    for _ in range(100_000):
        waiting = admin.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                "AND NOT granted").fetchone()[0]
        if waiting >= count:
            return
    raise AssertionError("nobody waited for the lock")


def _hold_volunteer_lock(admin, volunteer_id):
    admin.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", [VOLUNTEER_LOCK, volunteer_id])


def _release_volunteer_lock(admin, volunteer_id):
    admin.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [VOLUNTEER_LOCK, volunteer_id])


def test_import_new_then_older_then_replay_as_on_sqlite(login, volunteer, stick, admin,
                                                        valid_registration):
    """Worked example: bundle 1 holds Siti 0001 and 0002 at revision 1; bundle 2 (after an
    edit of 0001) holds 0001 at revision 2 and 0002. Bundle 2 first: 2 new; bundle 1 then:
    2 unchanged (older or equal); bundle 2 again: refused as already imported."""
    rina = volunteer("RLW-001")
    first = rina.registrations.save(person(valid_registration, 1)).id
    rina.registrations.save(person(valid_registration, 2))
    bundle_1 = _export(rina, stick)
    rina.registrations.save(person(valid_registration, 1, street="Jalan Baru"), reg_id=first)
    bundle_2 = _export(rina, stick)
    siti = login(SITI)
    # the Session facade the branch features are written against
    assert (siti.role, siti.actor, siti.settings.get("branch_name"),
            siti.settings.get("province")) == ("branch", SITI, "KC Muara Bungo", "15")
    newest = siti.import_bundle(bundle_2)
    assert (newest.status, newest.new, newest.updated, newest.unchanged) == ("applied", 2, 0, 0)
    assert newest.device_bound and newest.rejected == []
    report = siti.import_bundle(bundle_1)
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)
    before = _counts(admin)
    with pytest.raises(BundleRejected) as info:
        siti.import_bundle(bundle_2)
    assert info.value.reason == "already_imported"
    assert _counts(admin) == before
    street, revision, state, by = admin.execute(
        "SELECT street, revision, branch_state, branch_state_by FROM registrations "
        "WHERE id = %s", [first]).fetchone()
    assert (street, revision, state, by) == ("Jalan Baru", 2, "received", SITI)
    # the state log and the bundles name the clerk, set by the server
    assert {row[0] for row in admin.execute("SELECT actor FROM state_log")} == {SITI}
    assert {row[0] for row in admin.execute("SELECT imported_by FROM bundles")} == {SITI}
    # the revision the laptop sent first is kept
    assert [row[0] for row in admin.execute(
        "SELECT revision FROM revisions WHERE registration_id = %s ORDER BY revision",
        [first])] == [1]
    device_key, acked = admin.execute(
        "SELECT device_key, acked_seq FROM volunteers WHERE id = 'RLW-001'").fetchone()
    assert device_key and acked == newest.seq_to  # every change of the laptop, no gap


def test_a_newer_revision_updates_and_another_volunteers_id_is_refused(
        login, volunteer, stick, admin, valid_registration):
    rina, budi = volunteer("RLW-001"), volunteer("RLW-002")
    held = rina.registrations.save(person(valid_registration, 1)).id
    siti = login(SITI)
    siti.import_bundle(_export(rina, stick))
    rina.registrations.save(person(valid_registration, 1, street="Jalan Baru"), reg_id=held)
    report = siti.import_bundle(_export(rina, stick))
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    budi.registrations.save(person(valid_registration, 7))

    def steal(records):  # Budi's laptop claims Rina's registration
        for record in records:
            if record.get("t") == "registration":
                record["id"] = held
            if record.get("t") == "attachment":
                record["registration_id"] = held
        return records

    forged = forge_bundle(budi, stick, steal, volunteer_id="RLW-002")
    report = siti.import_bundle(forged)
    assert report.status == "applied" and report.new == 0
    assert report.rejected == [{"id": held, "reason": "other_volunteer"}]
    assert admin.execute("SELECT volunteer_id, street FROM registrations WHERE id = %s",
                         [held]).fetchone() == ("RLW-001", "Jalan Baru")


def test_photos_revisions_and_invalid_records_arrive_as_on_sqlite(
        login, volunteer, stick, admin, valid_registration, monkeypatch):
    """A KTP photo travels with its registration (its hash checked); a new revision keeps
    the one it replaces, photo hash included; a record the branch's validation refuses
    (NIK "123", forged by the laptop) is stored as ``invalid`` and reported. (One row per
    COPY: the staging tables filled in many batches.)"""
    import hashlib

    from desa_peduli.sync import server_bundle

    monkeypatch.setattr(server_bundle, "BATCH", 1)

    rina = volunteer("RLW-001")
    photo = b"\xff\xd8\xff" + b"k" * 300
    with_photo = rina.registrations.save(person(valid_registration, 1),
                                         ktp_photo=("image/jpeg", photo)).id
    siti = login(SITI)
    siti.import_bundle(_export(rina, stick))
    stored = admin.execute("SELECT kind, sha256, data FROM attachments WHERE registration_id "
                           "= %s", [with_photo]).fetchall()
    assert [(k, sha, bytes(d)) for k, sha, d in stored] == [
        ("ktp_photo", hashlib.sha256(photo).hexdigest(), photo)]
    rina.registrations.save(person(valid_registration, 1, rt="009"), reg_id=with_photo)
    assert siti.import_bundle(_export(rina, stick)).updated == 1
    (kept,) = admin.execute("SELECT data FROM revisions WHERE registration_id = %s AND "
                            "revision = 1", [with_photo]).fetchone()
    assert json.loads(kept)["rt"] == valid_registration["rt"]
    assert json.loads(kept)["attachments"] == {"ktp_photo": hashlib.sha256(photo).hexdigest()}
    rina.registrations.save(person(valid_registration, 5))

    def bad_nik(records):
        for record in records:
            if record.get("t") == "registration" and record["data"]["nik"].endswith("0005"):
                record["data"]["nik"] = "123"
        return records

    report = siti.import_bundle(forge_bundle(rina, stick, bad_nik, seq_from=1))
    assert report.new == 1 and [r["reason"] for r in report.rejected] == ["invalid"]
    assert report.rejected[0]["problems"][0]["field"] == "nik"
    assert admin.execute("SELECT branch_state FROM registrations WHERE nik = '123'"
                         ).fetchone() == ("invalid",)


def test_a_connection_ended_mid_import_leaves_nothing_and_the_import_repeats(
        login, volunteer, stick, admin, valid_registration):
    """The administrator ends the importing session (pg_terminate_backend) while it waits
    for its volunteer's lock, after its rows were copied to the staging tables."""
    rina = volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    rina.registrations.save(person(valid_registration, 2))
    bundle = _export(rina, stick)
    siti = login(SITI)
    before = _counts(admin)
    _hold_volunteer_lock(admin, "RLW-001")
    failures = []

    def run():
        try:
            siti.import_bundle(bundle)
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            failures.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    _wait_for_lock_waiters(admin, 1)
    staged = admin.execute("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT "
                           "granted").fetchone()[0]
    admin.execute("SELECT pg_terminate_backend(%s)", [staged])
    worker.join(timeout=60)
    assert len(failures) == 1 and isinstance(failures[0], ServerUnreachable)
    _release_volunteer_lock(admin, "RLW-001")
    assert _counts(admin) == before  # nothing of it stayed
    again = login(SITI)
    report = again.import_bundle(bundle)
    assert report.new == 2 and _counts(admin)["bundles"] == 1


def test_a_damaged_photo_refuses_the_whole_bundle(login, volunteer, stick, admin,
                                                  valid_registration):
    rina = volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    rina.registrations.save(person(valid_registration, 2),
                            ktp_photo=("image/jpeg", b"\xff\xd8\xff" + b"k" * 100))

    def damage(records):
        for record in records:
            if record.get("t") == "attachment":
                record["sha256"] = "0" * 64
        return records

    before = _counts(admin)
    with pytest.raises(BundleRejected) as info:
        login(SITI).import_bundle(forge_bundle(rina, stick, damage))
    assert info.value.reason == "payload" and _counts(admin) == before

    def nul(records):  # SQLite would store it; PostgreSQL's text cannot: refused whole
        for record in records:
            if record.get("t") == "registration":
                record["data"]["street"] = "Jalan\x00Pasar"
        return records

    with pytest.raises(BundleRejected) as info:
        login(SITI).import_bundle(forge_bundle(rina, stick, nul))
    assert info.value.reason == "payload" and _counts(admin) == before
    assert isinstance(info.value.__cause__, psycopg.DataError)


KILLED_IMPORT = """
import sys
from pathlib import Path
from desa_peduli.storage import server
server.LOGIN_LOG_N = server.KEYS_LOG_N = 10  # as the tests made the clerks
from desa_peduli.services.server_session import ServerSession
with ServerSession.open(Path(sys.argv[1]), sys.argv[2], sys.argv[3]) as session:
    session.import_bundle(Path(sys.argv[4]))
"""


def test_an_importing_program_killed_mid_way_leaves_nothing(folder, login, volunteer, stick,
                                                           admin, valid_registration):
    """The importing program is killed (SIGKILL, as a power cut of the clerk's computer)
    while its transaction holds the staged rows; the server rolls it all back."""
    import os
    import signal
    import subprocess
    import sys

    import desa_peduli

    rina = volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    bundle = _export(rina, stick)
    before = _counts(admin)
    _hold_volunteer_lock(admin, "RLW-001")
    env = {**os.environ, "PYTHONPATH": str(Path(desa_peduli.__file__).parent.parent)}
    program = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(folder), SITI,
                                PASS[SITI], str(bundle)], env=env)
    try:
        _wait_for_lock_waiters(admin, 1)
        (backend,) = admin.execute("SELECT pid FROM pg_locks WHERE locktype = 'advisory' "
                                   "AND NOT granted").fetchone()
        os.kill(program.pid, signal.SIGKILL)
        assert program.wait(timeout=60) == -signal.SIGKILL
    finally:
        _release_volunteer_lock(admin, "RLW-001")
        program.kill()
    for _ in range(100_000):  # the server notices its client is gone and ends the session
        if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s",
                             [backend]).fetchone():
            break
    else:
        raise AssertionError("the killed program's session is still open")
    assert _counts(admin) == before
    assert login(SITI).import_bundle(bundle).new == 1


def test_two_volunteers_import_in_parallel_one_never_waits_for_the_other(
        login, volunteer, stick, admin, valid_registration):
    """Rina's import waits for her volunteer's lock (held here); Budi's import of another
    volunteer's bundle finishes meanwhile; then Rina's finishes too."""
    first, second = volunteer("RLW-001"), volunteer("RLW-002")
    first.registrations.save(person(valid_registration, 1))
    second.registrations.save(person(valid_registration, 2))
    bundle_1, bundle_2 = _export(first, stick), _export(second, stick)
    siti, budi = login(SITI), login(BUDI)
    _hold_volunteer_lock(admin, "RLW-001")
    results = []
    waiting = threading.Thread(target=lambda: results.append(siti.import_bundle(bundle_1)))
    waiting.start()
    try:
        _wait_for_lock_waiters(admin, 1)
        assert budi.import_bundle(bundle_2).new == 1  # while RLW-001's import waits
        assert results == []
    finally:
        _release_volunteer_lock(admin, "RLW-001")
        waiting.join(timeout=60)
    assert [r.new for r in results] == [1]
    assert {row[0]: row[1] for row in admin.execute(
        "SELECT volunteer_id, imported_by FROM bundles")} == {"RLW-001": SITI, "RLW-002": BUDI}


def test_the_same_bundle_by_two_clerks_at_once_lands_once(login, volunteer, stick, admin,
                                                          valid_registration):
    rina = volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    bundle = _export(rina, stick)
    sessions = [login(SITI), login(BUDI)]
    _hold_volunteer_lock(admin, "RLW-001")
    outcomes = []

    def run(session):
        try:
            outcomes.append(session.import_bundle(bundle).status)
        except BundleRejected as exc:
            outcomes.append(exc.reason)

    threads = [threading.Thread(target=run, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    try:
        _wait_for_lock_waiters(admin, 2)  # both verified, decrypted and staged
    finally:
        _release_volunteer_lock(admin, "RLW-001")
        for thread in threads:
            thread.join(timeout=60)
    assert sorted(outcomes) == ["already_imported", "applied"]
    assert _counts(admin)["bundles"] == 1 and _counts(admin)["registrations"] == 1
    assert _counts(admin)["state_log"] == 1


def test_a_clerk_limited_to_other_kabupaten_cannot_import_and_nothing_changes(
        login, volunteer, stick, admin, valid_registration):
    """Worked example: Rina works on Bungo (15.08); a bundle with a registration in
    Serasah, Batanghari (15.04) is refused whole for her; Budi (Batanghari) imports it."""
    vol = volunteer("RLW-001")
    vol.registrations.save(person(valid_registration, 1))
    vol.registrations.save(person(valid_registration, 2, village_code=IN_BUNGO))
    bundle = _export(vol, stick)
    before = _counts(admin)
    with pytest.raises(ImportOutsideKabupaten) as info:
        login(RINA).import_bundle(bundle)
    assert "15.04" in str(info.value.message("id")) and "tidak ada yang diubah" in \
        info.value.message("id")
    assert _counts(admin) == before
    # Budi works on Batanghari only: the Bungo registration keeps him out as well
    with pytest.raises(ImportOutsideKabupaten):
        login(BUDI).import_bundle(bundle)
    assert login(SITI).import_bundle(bundle).new == 2


def test_the_server_refuses_a_limited_clerk_even_past_the_first_check(
        login, volunteer, stick, admin, valid_registration, monkeypatch):
    """Row-level security is the server's: with the program's own check skipped, the
    server still refuses Rina's import of a Batanghari registration."""
    from desa_peduli.sync import server_bundle

    vol = volunteer("RLW-001")
    vol.registrations.save(person(valid_registration, 1))
    bundle = _export(vol, stick)
    monkeypatch.setattr(server_bundle.ServerMerge, "_check_kabupaten", lambda self: None)
    before = _counts(admin)
    with pytest.raises(ImportOutsideKabupaten):
        login(RINA).import_bundle(bundle)
    assert _counts(admin) == before


def test_duplicates_are_found_across_kabupaten_even_by_a_limited_clerk(
        login, volunteer, stick, admin, valid_registration):
    """Worked example: NIK 1504054203880001 registered by RLW-001 in Serasah (Batanghari)
    and by RLW-002 in Pedukun (Bungo). Rina (Bungo only) imports the second bundle: one
    duplicate pair is found, though she cannot see the Batanghari registration; she sees
    the pair, through her own registration."""
    first, second = volunteer("RLW-001"), volunteer("RLW-002")
    kept = first.registrations.save(person(valid_registration, 1)).id
    other = second.registrations.save(person(valid_registration, 1, village_code=IN_BUNGO)).id
    assert login(BUDI).import_bundle(_export(first, stick)).duplicates == 0
    rina = login(RINA)
    assert rina.import_bundle(_export(second, stick)).duplicates == 1
    pair = admin.execute("SELECT nik, registration_id, other_id FROM duplicates").fetchall()
    assert pair == [("1504054203880001", *sorted([kept, other]))]
    assert rina.conn.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 1
    assert rina.conn.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1


def test_workers_import_files_in_parallel(login, volunteer, stick, admin, valid_registration,
                                          monkeypatch):
    """Two workers: the second file (RLW-002) is imported and committed while the first
    (RLW-001) waits for its volunteer; the verdicts come in the order of the files. Each
    worker decodes in a process of its own (every bundle counts as large here)."""
    from desa_peduli.services import branch
    from desa_peduli.sync import decoder

    monkeypatch.setattr(branch, "DECODER_MIN_RECORDS", 0)
    started = []
    real_init = decoder.DecoderProcess.__init__

    def counted(self):
        started.append(self)
        real_init(self)

    monkeypatch.setattr(decoder.DecoderProcess, "__init__", counted)
    first, second = volunteer("RLW-001"), volunteer("RLW-002")
    first.registrations.save(person(valid_registration, 1))
    second.registrations.save(person(valid_registration, 2))
    files = [_export(first, stick), _export(second, stick)]
    siti = login(SITI)
    _hold_volunteer_lock(admin, "RLW-001")
    results = []
    worker = threading.Thread(target=lambda: results.extend(siti.import_bundles(files,
                                                                                 workers=2)))
    worker.start()
    try:
        _wait_for_lock_waiters(admin, 1)
        for _ in range(100_000):  # RLW-002's bundle commits meanwhile
            if admin.execute("SELECT count(*) FROM bundles").fetchone()[0]:
                break
        assert [row[0] for row in admin.execute("SELECT volunteer_id FROM bundles")] == [
            "RLW-002"]
    finally:
        _release_volunteer_lock(admin, "RLW-001")
        worker.join(timeout=60)
    assert [(path, report.new) for path, report in results] == [(files[0], 1), (files[1], 1)]
    assert len(started) == 2


def test_workers_are_for_a_server_folder_only(run_cli, workspace_dir):
    code, _out, err = run_cli(workspace_dir, "import", "--workers", "2", "x.dpbundle")
    assert code == EXIT_USAGE and "--workers" in err


# -- through the command line -------------------------------------------------------------
@pytest.fixture
def cli(run_cli, monkeypatch, folder):
    def run(clerk, *argv):
        monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASS[clerk])
        monkeypatch.setenv("DESA_PEDULI_CLERK", clerk)
        return run_cli(folder, *argv)
    return run


def test_cli_import_with_workers_then_a_replay_then_list_as_each_clerk(
        cli, folder, volunteer, stick, valid_registration):
    first, second = volunteer("RLW-001"), volunteer("RLW-002")
    in_batanghari = first.registrations.save(person(valid_registration, 1)).id
    in_bungo = second.registrations.save(person(valid_registration, 2,
                                                village_code=IN_BUNGO)).id
    bundles = [str(_export(first, stick)), str(_export(second, stick))]
    code, out, err = cli(SITI, "import", "--workers", "2", *bundles)
    assert code == EXIT_OK, err
    lines = out.splitlines()
    assert len(lines) == 2 and all(" 1 baru, 0 diperbarui" in line for line in lines)
    # the same files again: refused as a replay, exit 1, as on SQLite
    code, out, err = cli(SITI, "import", "--workers", "2", "--json", *bundles)
    assert code == EXIT_INPUT and "sudah pernah diimpor" in err
    assert [r["reason"] for r in json.loads(out)] == ["already_imported"] * 2
    # Budi marks his Batanghari registration accepted: the server records him
    with ServerSession.open(folder, BUDI, PASS[BUDI]) as budi:
        budi.store.set_branch_state(in_batanghari, "accepted")

    def listed(clerk):
        code, out, err = cli(clerk, "list", "--format", "jsonl")
        assert code == EXIT_OK, err
        return {r["id"]: r for r in map(json.loads, out.splitlines())}

    everything = listed(SITI)
    assert set(everything) == {in_batanghari, in_bungo}
    accepted = everything[in_batanghari]
    assert (accepted["branch_state"], accepted["branch_state_by"]) == ("accepted", BUDI)
    assert accepted["branch_state_at"] and accepted["nik"] == "1504054203880001"
    assert (everything[in_bungo]["branch_state"], everything[in_bungo]["branch_state_by"]) == (
        "received", SITI)
    assert set(listed(BUDI)) == {in_batanghari}
    assert set(listed(RINA)) == {in_bungo}


def test_cli_import_by_a_clerk_of_another_kabupaten_is_exit_1(cli, volunteer, stick,
                                                              valid_registration):
    vol = volunteer("RLW-001")
    vol.registrations.save(person(valid_registration, 1))
    bundle = str(_export(vol, stick))
    code, out, err = cli(RINA, "import", bundle)
    assert code == EXIT_INPUT and "di luar kabupaten tugas Anda" in err and out == ""
    code, out, _err = cli(RINA, "list")
    assert code == EXIT_OK and out == ""
    code, out, err = cli(BUDI, "import", bundle)
    assert code == EXIT_OK and "1 baru" in out, err


def test_cli_enrol_in_a_server_folder(cli, stick, admin):
    code, out, err = cli(BUDI, "enrol", "--volunteer-id", "RLW-009", "--name", "Dewi  Lestari",
                         "--village", "15.04.05.2003", "-o", str(stick))
    assert code == EXIT_OK, err
    assert out.strip().endswith("enrolment_RLW-009.dpenrol") and (
        stick / "enrolment_RLW-009.dpenrol").is_file()
    assert admin.execute("SELECT name, villages FROM volunteers").fetchall() == [
        ("Dewi Lestari", '["15.04.05.2003"]')]
    assert admin.execute("SELECT volunteer_id FROM enrolment_secrets").fetchall() == [
        ("RLW-009",)]
