"""``init branch --server``, ``connect`` and ``clerk add|list|remove`` through the CLI,
on a real PostgreSQL server (tests/server/conftest.py)."""

from __future__ import annotations

import json

import pytest

from desa_peduli.errors import EXIT_INPUT, EXIT_OK, EXIT_USAGE, EXIT_WORKSPACE

SITI, BUDI, RINA = "Siti Aminah", "Budi Santoso", "Rina Wati"
PASS = {SITI: "siti-rahasia-1", BUDI: "budi-rahasia-2", RINA: "rina-rahasia-3"}


@pytest.fixture
def cli(run_cli, monkeypatch):
    """``cli(folder, clerk, *argv)``: the CLI as ``clerk`` with their passphrase."""
    def run(folder, clerk, *argv):
        monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASS.get(clerk, "salah-sekali-9"))
        monkeypatch.setenv("DESA_PEDULI_CLERK", clerk)
        return run_cli(folder, *argv)
    return run


@pytest.fixture
def branch_folder(cli, tmp_path, admin_url):
    """KC Muara Bungo made on the test server by its administrator's URL; Siti supervises."""
    folder = tmp_path / "siti"
    code, out, err = cli(folder, SITI, "init", "branch", "--name", "KC Muara Bungo",
                         "--province", "15", "--server", admin_url, "--json")
    assert code == EXIT_OK, err
    return folder, json.loads(out)


def _passphrase_file(tmp_path, clerk):
    path = tmp_path / f"{clerk.split()[0].lower()}.txt"
    path.write_text(PASS[clerk] + "\n", encoding="utf-8")
    return str(path)


def test_init_branch_on_a_server_leaves_only_the_servers_address_in_the_folder(
        branch_folder, cli, pg_database):
    folder, info = branch_folder
    assert info["branch"] == "KC Muara Bungo" and info["clerk"] == SITI
    assert [p.name for p in folder.iterdir()] == ["server.json"]
    saved = json.loads((folder / "server.json").read_text("utf-8"))
    assert saved["branch"] == "KC Muara Bungo" and f"dbname={pg_database}" in saved["server"]
    assert "dp_admin" not in saved["server"]  # the administrator's user is not kept
    assert not any(p in (folder / "server.json").read_text("utf-8") for p in PASS.values())
    code, out, _err = cli(folder, SITI, "clerk", "list", "--json")
    assert code == EXIT_OK
    assert [(c["name"], c["role"], c["kabupaten"]) for c in json.loads(out)] == [
        (SITI, "supervisor", [])]


def test_a_second_init_on_the_same_database_changes_nothing(branch_folder, cli, tmp_path,
                                                            admin_url):
    code, _out, err = cli(tmp_path / "again", SITI, "init", "branch", "--name", "Lain",
                          "--province", "15", "--server", admin_url)
    assert code == EXIT_WORKSPACE and "Sudah ada kantor cabang" in err
    assert not (tmp_path / "again").exists()


def test_connect_makes_the_folder_of_another_computer(branch_folder, cli, tmp_path,
                                                      server_url):
    _folder, info = branch_folder
    other = tmp_path / "komputer-2"
    code, out, err = cli(other, "Siti Aminah", "connect", "--server", server_url, "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["fingerprint"] == info["fingerprint"]  # the same branch keys
    assert [p.name for p in other.iterdir()] == ["server.json"]
    # a clerk the branch does not have (or a wrong passphrase): exit 3, no folder
    for clerk in ("Tamu", "siti aminah"):  # the second: Siti's name, a wrong passphrase
        code, _out, err = cli(tmp_path / "komputer-3", clerk, "connect", "--server", server_url)
        assert code == EXIT_WORKSPACE and "tidak bisa masuk" in err
        assert not (tmp_path / "komputer-3").exists()


def test_clerks_are_added_listed_and_removed_by_a_supervisor_only(branch_folder, cli,
                                                                  tmp_path, server_url):
    folder, _info = branch_folder
    for clerk, kabupaten in ((BUDI, "15.02"), (RINA, "15.08")):
        code, _out, err = cli(folder, SITI, "clerk", "add", clerk, "--role", "clerk",
                              "--kabupaten", kabupaten, "--new-passphrase-file",
                              _passphrase_file(tmp_path, clerk))
        assert code == EXIT_OK, err
    code, out, _err = cli(folder, SITI, "clerk", "list", "--json")
    assert {c["name"]: c["kabupaten"] for c in json.loads(out)} == {
        BUDI: ["15.02"], RINA: ["15.08"], SITI: []}
    assert {c["added_by"] for c in json.loads(out)} == {SITI, "dp_admin"}
    # Budi works from his own computer; a clerk may not remove or add anyone (exit 1)
    budi_folder = tmp_path / "budi"
    assert cli(budi_folder, BUDI, "connect", "--server", server_url)[0] == EXIT_OK
    code, _out, err = cli(budi_folder, BUDI, "clerk", "remove", RINA)
    assert code == EXIT_INPUT and "Hanya supervisor" in err
    code, _out, err = cli(budi_folder, BUDI, "--lang", "en", "clerk", "add", "Andi", "--role",
                          "clerk", "--kabupaten", "15.02", "--new-passphrase-file",
                          _passphrase_file(tmp_path, RINA))
    assert code == EXIT_INPUT and "Only a branch supervisor" in err
    code, out, _err = cli(budi_folder, BUDI, "clerk", "list")
    assert code == EXIT_OK and out.splitlines()[0].split("\t")[:3] == [BUDI, "clerk", "15.02"]
    # the supervisor removes Budi: he can no longer log in (exit 3), Rina still can
    code, out, _err = cli(folder, SITI, "clerk", "remove", BUDI)
    assert code == EXIT_OK and "dihapus" in out
    code, _out, err = cli(budi_folder, BUDI, "clerk", "list")
    assert code == EXIT_WORKSPACE and "tidak bisa masuk" in err
    assert cli(folder, RINA, "clerk", "list")[0] == EXIT_OK
    code, _out, err = cli(folder, SITI, "clerk", "remove", SITI)
    assert code == EXIT_INPUT and "supervisor terakhir" in err


@pytest.mark.parametrize(("role", "kabupaten", "says"), [
    ("clerk", "15.99", "Kode kabupaten tidak dikenal"),
    ("clerk", "16.01", "Kode kabupaten tidak dikenal"),  # Riau's, not this branch's province
    ("clerk", None, "minimal satu kabupaten"),
    ("supervisor", "15.02", "seluruh kantor cabang"),
])
def test_clerk_add_refuses_what_does_not_fit_the_branch(branch_folder, cli, tmp_path, role,
                                                        kabupaten, says):
    folder, _info = branch_folder
    argv = ["clerk", "add", BUDI, "--role", role, "--new-passphrase-file",
            _passphrase_file(tmp_path, BUDI)]
    code, _out, err = cli(folder, SITI, *argv, *(["--kabupaten", kabupaten] if kabupaten else []))
    assert code == EXIT_INPUT and says in err
    _code, out, _err = cli(folder, SITI, "clerk", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == [SITI]


def test_an_unreachable_server_is_exit_3_with_a_clear_message(cli, tmp_path, pg_cluster,
                                                             pg_database):
    url = pg_cluster.admin_url(pg_database).replace("/sock", "/kabel-dicabut")
    code, _out, err = cli(tmp_path / "br", SITI, "init", "branch", "--name", "KC Muara Bungo",
                          "--province", "15", "--server", url)
    assert code == EXIT_WORKSPACE
    assert "Server kantor cabang tidak bisa dihubungi" in err
    assert not (tmp_path / "br").exists()


def test_a_lost_connection_mid_way_is_the_same_workspace_error():
    import psycopg

    from desa_peduli.services.session import known_error

    error = known_error(psycopg.OperationalError("server closed the connection unexpectedly"))
    assert error is not None and error.exit_code == EXIT_WORKSPACE
    assert "tidak bisa dihubungi" in error.message("id")


def test_the_clerk_is_required(branch_folder, run_cli, monkeypatch):
    folder, _info = branch_folder
    monkeypatch.delenv("DESA_PEDULI_CLERK", raising=False)
    code, _out, err = run_cli(folder, "clerk", "list")
    assert code == EXIT_USAGE and "--clerk" in err


def test_commands_not_ported_yet_say_so_on_a_server_folder(branch_folder, cli):
    folder, _info = branch_folder
    code, _out, err = cli(folder, SITI, "receipt", "--volunteer-id", "RLW-001", "-o",
                          str(folder))
    assert code == EXIT_WORKSPACE and "folder kantor cabang di server" in err
    assert "import" in err and not (folder / "receipts").exists()
    code, _out, err = cli(folder, SITI, "init", "volunteer", "--name", "Relawan")
    assert code == EXIT_WORKSPACE and "Sudah ada ruang kerja" in err


def test_a_clerk_changes_their_own_passphrase(branch_folder, cli, tmp_path, monkeypatch):
    """Siti's new passphrase logs her in and opens the keys; the old one no longer does."""
    folder, info = branch_folder
    new_file = tmp_path / "baru.txt"
    new_file.write_text("siti-baru-sekali-7\n", encoding="utf-8")
    code, out, err = cli(folder, SITI, "passphrase", "--new-passphrase-file", str(new_file))
    assert code == EXIT_OK and "diganti" in out, err
    code, _out, err = cli(folder, SITI, "clerk", "list")
    assert code == EXIT_WORKSPACE and "tidak bisa masuk" in err
    monkeypatch.setitem(PASS, SITI, "siti-baru-sekali-7")
    code, out, _err = cli(tmp_path / "lagi", SITI, "connect", "--server",
                          json.loads((folder / "server.json").read_text("utf-8"))["server"],
                          "--json")
    assert code == EXIT_OK and json.loads(out)["fingerprint"] == info["fingerprint"]
