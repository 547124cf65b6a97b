"""The branch on a PostgreSQL server: migrations, clerks as roles and row-level security,
proved by connecting to a real server as each clerk (tests/server/conftest.py).

The branch of these tests is KC Muara Bungo's: a supervisor (Siti) and two clerks, Budi
for Merangin (15.02) and Rina for Bungo (15.08); one registration in each of Merangin,
Bungo and Tebo (15.09).
"""

from __future__ import annotations

import psycopg
import pytest

from desa_peduli.errors import (
    EXIT_INPUT,
    EXIT_WORKSPACE,
    ClerkExists,
    ClerkLoginFailed,
    LastSupervisor,
    NotSupervisor,
    OutsideKabupaten,
    SchemaTooNew,
    ServerUnreachable,
    WrongPassphrase,
)
from desa_peduli.services.server_branch import ServerBranch, create_server_branch
from desa_peduli.storage import server
from desa_peduli.storage.server import ServerStore

SUPERVISOR, BUDI, RINA = "Siti Aminah", "Budi Santoso", "Rina Wati"
PASS = {SUPERVISOR: "siti-rahasia-1", BUDI: "budi-rahasia-2", RINA: "rina-rahasia-3"}
VILLAGES = {"r-merangin": "15.02.01.2001", "r-bungo": "15.08.01.2001", "r-tebo": "15.09.01.1001"}


def _registration(rid: str, village: str) -> dict:
    return {"id": rid, "nik": "1502014203880001", "full_name": f"Pekerja {rid}",
            "village_code": village, "status": "complete", "revision": 1, "change_seq": 1,
            "created_at": "2026-11-20T09:30:00+07:00", "updated_at": "2026-11-20T09:30:00+07:00",
            "branch_state": "received"}


@pytest.fixture
def branch_server(tmp_path, admin_url, server_url):
    """KC Muara Bungo on the test server, its three clerks and three registrations."""
    create_server_branch(tmp_path / "siti", url=admin_url, name="KC Muara Bungo",
                         province="15", clerk=SUPERVISOR, passphrase=PASS[SUPERVISOR])
    with ServerBranch.login(server_url, SUPERVISOR, PASS[SUPERVISOR]) as siti:
        siti.add_clerk(BUDI, role="clerk", kabupaten=["15.02"], passphrase=PASS[BUDI])
        siti.add_clerk(RINA, role="clerk", kabupaten=["15.08"], passphrase=PASS[RINA])
    with ServerStore.as_owner(admin_url) as owner:
        for rid, village in VILLAGES.items():
            owner.insert_registration(_registration(rid, village))
    return server_url


def login(url: str, clerk: str) -> ServerStore:
    return ServerStore.login(url, clerk, PASS[clerk])


def visible(store: ServerStore, table: str = "registrations", column: str = "id") -> set[str]:
    return {row[0] for row in store.conn.execute(f"SELECT {column} FROM {table}")}


def test_migrations_are_named_applied_once_and_a_newer_one_is_refused(admin_url):
    with ServerStore.as_owner(admin_url) as owner:
        assert server.migrate(owner.conn) == ["0001_branch", "0002_import", "0003_review"]
        assert server.migrate(owner.conn) == []
        owner.conn.execute("INSERT INTO server_migrations(name) VALUES ('0099_from_the_future')")
        with pytest.raises(SchemaTooNew):
            server.migrate(owner.conn)


def test_each_clerk_sees_only_the_registrations_of_their_kabupaten(branch_server):
    """Budi (Merangin 15.02) sees r-merangin, Rina (Bungo 15.08) r-bungo; the supervisor
    all three, Tebo's too (no clerk has it)."""
    with login(branch_server, BUDI) as budi, login(branch_server, RINA) as rina, \
            login(branch_server, SUPERVISOR) as siti:
        assert visible(budi) == {"r-merangin"}
        assert visible(rina) == {"r-bungo"}
        assert visible(siti) == set(VILLAGES)
        kabupaten = budi.conn.execute("SELECT kabupaten FROM registrations").fetchone()
        assert kabupaten == ("15.02",)  # derived from village_code's first five characters


def test_a_change_outside_the_clerks_kabupaten_is_refused_by_the_server(branch_server,
                                                                        admin_url):
    with login(branch_server, BUDI) as budi:
        budi.set_branch_state("r-merangin", "accepted")
        with pytest.raises(OutsideKabupaten) as refused:
            budi.set_branch_state("r-bungo", "accepted")
        assert refused.value.exit_code == EXIT_INPUT
        # Budi cannot move his registration into Bungo either (the policy's WITH CHECK)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            budi.conn.execute("UPDATE registrations SET village_code = '15.08.01.2002' "
                              "WHERE id = 'r-merangin'")
        # ...nor add one there
        with pytest.raises(OutsideKabupaten):
            budi.insert_registration(_registration("r-new-bungo", "15.08.01.2002"))
        budi.insert_registration(_registration("r-new-merangin", "15.02.01.2002"))
        # and no clerk deletes anything
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            budi.conn.execute("DELETE FROM registrations WHERE id = 'r-merangin'")
    with ServerStore.as_owner(admin_url) as owner:
        states = dict(owner.conn.execute("SELECT id, branch_state FROM registrations"))
        assert states == {"r-merangin": "accepted", "r-bungo": "received",
                          "r-tebo": "received", "r-new-merangin": "received"}
        villages = dict(owner.conn.execute("SELECT id, village_code FROM registrations"))
        assert villages["r-merangin"] == "15.02.01.2001"


def test_the_supervisor_changes_any_registration_of_the_branch(branch_server):
    with login(branch_server, SUPERVISOR) as siti:
        siti.set_branch_state("r-tebo", "correction", reason="NIK tidak terbaca")
        siti.insert_registration(_registration("r-new-tebo", "15.09.01.1001"))
        assert "r-new-tebo" in visible(siti)


def test_the_state_log_records_the_clerk_and_follows_the_kabupaten(branch_server):
    with login(branch_server, BUDI) as budi:
        budi.set_branch_state("r-merangin", "accepted")
        # a clerk cannot write another name into the log: the server sets the actor
        budi.conn.execute("INSERT INTO state_log(registration_id, state, actor, actor_role) "
                          "VALUES ('r-merangin', 'accepted', 'Siti Aminah', 'postgres')")
        # nor log a state of a registration outside his kabupaten
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            budi.conn.execute("INSERT INTO state_log(registration_id, state) "
                              "VALUES ('r-bungo', 'accepted')")
        actors = budi.conn.execute("SELECT DISTINCT actor, actor_role = current_user "
                                   "FROM state_log").fetchall()
        assert actors == [(BUDI, True)]
        assert budi.conn.execute("SELECT branch_state_by FROM registrations WHERE id = "
                                 "'r-merangin'").fetchone() == (BUDI,)
    with login(branch_server, RINA) as rina:
        assert visible(rina, "state_log", "registration_id") == set()
    with login(branch_server, SUPERVISOR) as siti:
        assert visible(siti, "state_log", "registration_id") == {"r-merangin"}


def test_a_clerk_reads_only_their_own_wrapped_keys(branch_server):
    with login(branch_server, SUPERVISOR) as siti:
        branch_keys = siti.unwrap_keys(PASS[SUPERVISOR])
    with login(branch_server, BUDI) as budi:
        rows = budi.conn.execute("SELECT pg_role FROM clerk_keys").fetchall()
        assert rows == [(server.clerk_role(budi.conn.info.dbname, BUDI),)]
        assert budi.unwrap_keys(PASS[BUDI]) == branch_keys  # the same keys, his own wrap
        with pytest.raises(WrongPassphrase):
            budi.unwrap_keys(PASS[RINA])


def test_the_server_never_holds_a_passphrase_or_the_keys_in_clear(branch_server, admin_url):
    with ServerBranch.login(branch_server, SUPERVISOR, PASS[SUPERVISOR]) as siti:
        signing, identity = siti.keys()
    with ServerStore.as_owner(admin_url) as owner:
        stored = owner.conn.execute(
            "SELECT string_agg(rolname || coalesce(rolpassword, ''), ' ') FROM pg_authid "
            "WHERE rolname IN (SELECT pg_role FROM clerks)").fetchone()[0]
        wrapped = b"".join(bytes(row[0]) for row in owner.conn.execute(
            "SELECT wrapped FROM clerk_keys"))
    assert stored.count("SCRAM-SHA-256$") == 3
    for passphrase in PASS.values():
        assert passphrase not in stored and passphrase.encode() not in wrapped
    assert identity.secret.encode() not in wrapped
    assert signing.to_bytes() not in wrapped and wrapped.count(b"age-encryption.org/v1") == 3


def test_a_removed_clerk_can_no_longer_log_in_nor_unwrap_the_keys(branch_server, admin_url):
    with ServerStore.as_owner(admin_url) as owner:
        budi_wrap = bytes(owner.conn.execute("SELECT wrapped FROM clerk_keys k JOIN clerks c "
                                             "ON c.id = k.clerk_id WHERE c.name = %s",
                                             [BUDI]).fetchone()[0])
    with ServerBranch.login(branch_server, SUPERVISOR, PASS[SUPERVISOR]) as siti:
        siti.remove_clerk("budi  SANTOSO")  # any case, any spacing
        assert [c.name for c in siti.clerks()] == [RINA, SUPERVISOR]
    with pytest.raises(ClerkLoginFailed) as refused:
        login(branch_server, BUDI)
    assert refused.value.exit_code == EXIT_WORKSPACE
    with ServerStore.as_owner(admin_url) as owner:
        names = [row[0] for row in owner.conn.execute(
            "SELECT c.name FROM clerk_keys k JOIN clerks c ON c.id = k.clerk_id ORDER BY 1")]
        assert names == [RINA, SUPERVISOR]  # his copy of the keys is gone, the others kept
        assert budi_wrap not in {bytes(row[0]) for row in owner.conn.execute(
            "SELECT wrapped FROM clerk_keys")}
        removed = owner.conn.execute("SELECT removed_by, removed_at IS NOT NULL FROM clerks "
                                     "WHERE name = %s", [BUDI]).fetchone()
        assert removed == (SUPERVISOR, True)  # the record of him stays, with who removed him
    with login(branch_server, RINA) as rina:  # the others work as before
        assert visible(rina) == {"r-bungo"} and rina.unwrap_keys(PASS[RINA])


def test_only_a_supervisor_adds_or_removes_clerks_the_server_checks(branch_server):
    with login(branch_server, BUDI) as budi:  # the store: past the service's own check
        with pytest.raises(NotSupervisor):
            budi.add_clerk("Andi", "supervisor", (), "andi-rahasia-4",
                           budi.unwrap_keys(PASS[BUDI]))
        with pytest.raises(NotSupervisor):
            budi.remove_clerk(RINA)
    with login(branch_server, SUPERVISOR) as siti:
        assert [c.name for c in siti.clerks()] == [BUDI, RINA, SUPERVISOR]


def test_the_last_supervisor_cannot_be_removed(branch_server):
    with login(branch_server, SUPERVISOR) as siti:
        with pytest.raises(LastSupervisor):
            siti.remove_clerk(SUPERVISOR)
        assert SUPERVISOR in [c.name for c in siti.clerks()]


def test_an_unreachable_server_is_a_clear_workspace_error(pg_cluster, pg_database):
    url = pg_cluster.url(pg_database).replace("/sock", "/no-such-socket")
    with pytest.raises(ServerUnreachable) as failed:
        ServerStore.login(url, BUDI, PASS[BUDI])
    assert failed.value.exit_code == EXIT_WORKSPACE
    assert "tidak bisa dihubungi" in failed.value.message("id")


def test_scram_verifier_matches_postgresqls_own(admin_url):
    """A verifier made here logs in exactly as one the server made from the password."""
    password = server.login_password("dp_0123456789abcdef0123", "kata-sandi-uji")
    verifier = server.scram_verifier(password, salt=b"0123456789abcdef")
    assert verifier.startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE dp_uji LOGIN PASSWORD '{verifier}'")
        assert conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'dp_uji'"
                            ).fetchone() == (verifier,)
        dsn = conn.info.dsn
    params = psycopg.conninfo.conninfo_to_dict(dsn)
    params.update(user="dp_uji", password=password)
    with psycopg.connect(**params) as clerk:
        assert clerk.execute("SELECT current_user").fetchone() == ("dp_uji",)


def test_a_name_is_one_clerk_whatever_its_case(branch_server):
    with ServerBranch.login(branch_server, SUPERVISOR, PASS[SUPERVISOR]) as siti:
        with pytest.raises(ClerkExists):
            siti.add_clerk("BUDI  santoso", role="clerk", kabupaten=["15.09"],
                           passphrase="budi-lain-5")
    with login(branch_server, BUDI) as budi:  # Budi is unchanged: Merangin, his passphrase
        assert budi.me().kabupaten == ("15.02",)


@pytest.mark.parametrize("statement", [
    "UPDATE clerks SET role = 'supervisor'",  # promote himself
    "UPDATE clerks SET kabupaten = '{15.02,15.08}'",  # widen his kabupaten
    "UPDATE state_log SET actor = 'Rina Wati'",  # rewrite who did what
    "DELETE FROM state_log",
    "INSERT INTO clerk_keys(clerk_id, pg_role, wrapped) VALUES (99, 'x', 'x')",
])
def test_a_clerk_cannot_change_the_rules_or_the_record(branch_server, statement):
    with login(branch_server, BUDI) as budi:
        budi.set_branch_state("r-merangin", "accepted")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            budi.conn.execute(statement)
        assert budi.me().role == "clerk" and budi.me().kabupaten == ("15.02",)
        assert budi.conn.execute("SELECT actor FROM state_log").fetchall() == [(BUDI,)]
