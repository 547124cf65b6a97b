"""Review actions on the branch server (issue 15): ``status`` and the duplicate pairs
(``review``, ``resolve-duplicate``) through the CLI as each clerk, every change recorded by
the server under the clerk's name, a change outside the clerk's kabupaten refused (exit 1,
nothing changed); and two clerks changing different registrations at the same moment.

KC Muara Bungo: Siti supervises, Budi works on Batanghari (15.04), Rina on Bungo (15.08)
(the fixtures of test_server_import.py)."""

from __future__ import annotations

import json
import threading

import psycopg
import pytest

from desa_peduli.errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_WORKSPACE,
    InputRejected,
    OutsideKabupaten,
)
from tests.server import test_server_import as shared
from tests.server.test_server_import import BUDI, IN_BUNGO, RINA, SITI, _export
from tests.sync.conftest import person

# the fixtures of the import tests: KC Muara Bungo, its clerks' sessions and CLI, a stick
folder, login, volunteer, stick, admin, cli = (
    shared.folder, shared.login, shared.volunteer, shared.stick, shared.admin, shared.cli)


@pytest.fixture
def imported(login, volunteer, stick, valid_registration):
    """One registration in Batanghari (RLW-001, serial 1) and one in Bungo (RLW-002,
    serial ``bungo_serial``), imported by Siti; returns their ids."""
    def make(bungo_serial=2):
        first, second = volunteer("RLW-001"), volunteer("RLW-002")
        in_batanghari = first.registrations.save(person(valid_registration, 1)).id
        in_bungo = second.registrations.save(person(valid_registration, bungo_serial,
                                                    village_code=IN_BUNGO)).id
        siti = login(SITI)
        for session in (first, second):
            siti.import_bundle(_export(session, stick))
        return in_batanghari, in_bungo
    return make


def _state(admin, reg_id):
    return admin.execute("SELECT branch_state, branch_reason, kpj_number, branch_state_by "
                         "FROM registrations WHERE id = %s", [reg_id]).fetchone()


def _log(admin, reg_id):
    return admin.execute("SELECT state, reason, kpj_number, duplicate_of, actor FROM state_log "
                         "WHERE registration_id = %s AND state <> 'received' ORDER BY id",
                         [reg_id]).fetchall()


def test_status_through_the_cli_is_checked_as_on_sqlite_and_recorded_under_the_clerk(
        cli, imported, admin):
    """Budi accepts, then sends back, then registers (KPJ 12345678901) his Batanghari
    registration: each change in state_log as Budi, and ``list`` shows Budi as who set
    the state; the refusals of SQLite (no reason, a KPJ not of 8–16 digits, an unknown
    id, a duplicate of nothing) are exit 1 with nothing changed."""
    in_batanghari, in_bungo = imported()
    assert cli(BUDI, "status", in_batanghari, "accepted") == (EXIT_OK, "", "")
    code, out, err = cli(SITI, "list", "--format", "jsonl")
    assert code == EXIT_OK, err
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert (rows[in_batanghari]["branch_state"], rows[in_batanghari]["branch_state_by"]) == (
        "accepted", BUDI)
    assert rows[in_batanghari]["branch_state_at"]
    assert rows[in_bungo]["branch_state_by"] == SITI  # received: Siti imported it

    refusals = [
        ((BUDI, "status", in_batanghari, "correction", "--reason", "   "), "alasan perbaikan"),
        ((BUDI, "status", in_batanghari, "registered", "--kpj", "1234"), "8–16 angka"),
        ((BUDI, "status", in_batanghari, "duplicate"), "--of ID"),
        ((BUDI, "status", in_batanghari, "duplicate", "--of", "tidak-ada"), "--of ID"),
        ((SITI, "status", "tidak-ada", "accepted"), "Tidak ditemukan: pendaftaran tidak-ada"),
    ]
    for argv, message in refusals:
        code, _out, err = cli(*argv)
        assert code == EXIT_INPUT and message in err, (argv, err)
    assert _state(admin, in_batanghari) == ("accepted", None, None, BUDI)

    assert cli(BUDI, "status", in_batanghari, "correction", "--reason", " NIK  salah ")[0] == (
        EXIT_OK)
    assert cli(BUDI, "status", in_batanghari, "registered", "--kpj", "12345678901")[0] == (
        EXIT_OK)
    assert _state(admin, in_batanghari) == ("registered", None, "12345678901", BUDI)
    assert _log(admin, in_batanghari) == [
        ("accepted", None, None, None, BUDI), ("correction", "NIK salah", None, None, BUDI),
        ("registered", None, "12345678901", None, BUDI)]


def test_a_clerk_outside_their_kabupaten_gets_exit_1_and_nothing_changes(cli, imported,
                                                                         admin):
    """Rina (Bungo) tries to accept Budi's Batanghari registration: the server does not
    show it to her, so the answer is the Indonesian "outside your kabupaten", exit 1; the
    supervisor Siti may change both kabupaten."""
    in_batanghari, in_bungo = imported()
    before = admin.execute("SELECT count(*) FROM state_log").fetchone()[0]
    for argv in (("accepted",), ("registered", "--kpj", "12345678"),
                 ("duplicate", "--of", in_bungo)):
        code, out, err = cli(RINA, "status", in_batanghari, *argv)
        assert code == EXIT_INPUT and out == ""
        assert f"Pendaftaran {in_batanghari} ada di luar kabupaten tugas Anda" in err
    assert admin.execute("SELECT count(*) FROM state_log").fetchone()[0] == before
    assert _state(admin, in_batanghari) == ("received", None, None, SITI)
    assert cli(RINA, "status", in_bungo, "accepted")[0] == EXIT_OK
    assert cli(SITI, "status", in_batanghari, "accepted")[0] == EXIT_OK
    assert _state(admin, in_bungo)[3] == RINA and _state(admin, in_batanghari)[3] == SITI


def test_duplicates_are_listed_and_resolved_by_each_clerk_on_their_side(cli, imported,
                                                                       admin):
    """Worked example: NIK 1504054203880001 in Serasah (Batanghari, RLW-001) and in
    Pedukun (Bungo, RLW-002): one open pair. Each clerk sees it (Rina without the name of
    the Batanghari person). Rina may not keep her own and mark Budi's registration
    duplicate (exit 1, the pair stays open); keeping Budi's, her Bungo registration becomes
    the duplicate, recorded as Rina; the pair is then closed for everyone."""
    in_batanghari, in_bungo = imported(bungo_serial=1)

    def queue(clerk):
        code, out, err = cli(clerk, "review", "--json")
        assert code == EXIT_OK, err
        return json.loads(out)

    full = queue(SITI)
    assert full["counts"] == {"duplicate": 1} and full["total"] == 1
    [pair] = full["items"]["duplicate"]
    assert {pair["registration_id"], pair["other_id"]} == {in_batanghari, in_bungo}
    assert pair["nik"] == "1504054203880001" and pair["full_name"] and pair["other_name"]
    [seen_by_rina] = queue(RINA)["items"]["duplicate"]
    names = {seen_by_rina["registration_id"]: seen_by_rina["full_name"],
             seen_by_rina["other_id"]: seen_by_rina["other_name"]}
    assert names[in_batanghari] is None and names[in_bungo] == "Siti aaab"
    code, out, _err = cli(BUDI, "review")
    assert code == EXIT_OK and f"#{pair['pair_id']} NIK 1504054203880001" in out

    pair_id = str(pair["pair_id"])
    code, _out, err = cli(RINA, "resolve-duplicate", pair_id, "--keep", in_bungo)
    assert code == EXIT_INPUT and "di luar kabupaten tugas Anda" in err
    assert admin.execute("SELECT resolved_at FROM duplicates").fetchall() == [(None,)]
    assert _state(admin, in_batanghari)[0] == "received"

    code, out, err = cli(RINA, "resolve-duplicate", pair_id, "--keep", in_batanghari, "--json")
    assert code == EXIT_OK, err
    assert json.loads(out) == {"pair_id": pair["pair_id"], "kept": in_batanghari,
                               "duplicate": in_bungo}
    assert admin.execute("SELECT resolution, resolved_by FROM duplicates").fetchall() == [
        (f"kept:{in_batanghari}", RINA)]
    assert _log(admin, in_bungo) == [("duplicate", None, None, in_batanghari, RINA)]
    assert _state(admin, in_bungo)[0::3] == ("duplicate", RINA)
    assert queue(SITI)["total"] == 0 and queue(BUDI)["total"] == 0
    code, _out, err = cli(SITI, "resolve-duplicate", pair_id, "--keep", in_batanghari)
    assert code == EXIT_INPUT and "sudah diputuskan" in err


def test_two_people_with_one_nik_send_the_wrong_one_back_as_the_clerk(cli, imported, admin):
    """Budi sees two people: his Batanghari registration's NIK was typed wrong; it goes back
    as a correction with his reason, the pair closed as ``different:`` by Budi, the Bungo
    registration untouched. A clerk cannot write another name as the one who decided."""
    in_batanghari, in_bungo = imported(bungo_serial=1)
    code, out, err = cli(BUDI, "resolve-duplicate", in_batanghari, "--fix-nik", in_batanghari,
                         "--reason", "NIK beda dengan KTP")
    assert code == EXIT_OK and f"{in_bungo} tetap" in out, err
    assert _state(admin, in_batanghari) == ("correction", "NIK beda dengan KTP", None, BUDI)
    assert _state(admin, in_bungo)[0] == "received"
    assert admin.execute("SELECT resolution, resolved_by FROM duplicates").fetchall() == [
        (f"different:{in_batanghari}", BUDI)]


def test_the_server_sets_who_resolved_a_pair(login, imported, admin):
    _in_batanghari, _in_bungo = imported(bungo_serial=1)
    budi = login(BUDI)
    budi.conn.execute("UPDATE duplicates SET resolved_at = 'x', resolved_by = 'Siti Aminah'")
    assert admin.execute("SELECT resolved_by FROM duplicates").fetchall() == [(BUDI,)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # only the decision columns
        budi.conn.execute("UPDATE duplicates SET nik = '1'")


def test_two_clerks_change_different_registrations_at_the_same_time(login, imported, admin):
    """Budi's change is still open (his transaction holds his row) when Rina changes hers:
    she does not wait for him (a lock wait would fail at once: lock_timeout), both commit,
    each recorded under their own name."""
    in_batanghari, in_bungo = imported()
    budi, rina = login(BUDI), login(RINA)
    rina.conn.execute("SET lock_timeout = '2s'")
    with budi.atomic():
        budi.set_state(in_batanghari, "correction", reason="Foto KTP buram")
        rina.set_state(in_bungo, "accepted")  # committed while Budi's is open
        assert _state(admin, in_bungo)[0::3] == ("accepted", RINA)
        assert _state(admin, in_batanghari)[0] == "received"  # Budi's not committed yet
    assert _state(admin, in_batanghari) == ("correction", "Foto KTP buram", None, BUDI)
    with pytest.raises(OutsideKabupaten):  # and neither reaches the other's
        rina.set_state(in_batanghari, "accepted")


def test_commands_not_ported_say_so_and_accept_is_one_of_them(cli, imported):
    imported()
    code, _out, err = cli(SITI, "accept", "--volunteer-id", "RLW-001")
    assert code == EXIT_WORKSPACE and "resolve-duplicate" in err


def test_two_clerks_deciding_one_pair_at_once_the_second_is_told_it_was_decided(
        login, imported, admin):
    """Siti keeps the Batanghari registration while Budi, at the same moment, keeps the
    Bungo one: Budi waits for Siti's decision, then is told the pair was decided; only the
    Bungo registration ends up a duplicate."""
    in_batanghari, in_bungo = imported(bungo_serial=1)
    [(pair_id,)] = admin.execute("SELECT id FROM duplicates").fetchall()
    siti, budi = login(SITI), login(BUDI)
    outcome: list[str | InputRejected] = []

    def budi_decides():
        try:
            outcome.append(budi.resolve_duplicate(pair_id, in_bungo))
        except InputRejected as exc:
            outcome.append(exc)

    worker = threading.Thread(target=budi_decides)
    with siti.atomic():
        assert siti.resolve_duplicate(pair_id, in_batanghari) == in_bungo
        worker.start()
        for _ in range(100_000):  # until Budi waits for Siti's lock on the pair
            if admin.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
                break
        else:
            raise AssertionError("Budi never waited")
    worker.join(timeout=60)
    assert len(outcome) == 1 and isinstance(outcome[0], InputRejected)
    assert "sudah diputuskan" in outcome[0].message_id
    assert _state(admin, in_batanghari)[0] == "received"
    assert _state(admin, in_bungo)[0::3] == ("duplicate", SITI)
