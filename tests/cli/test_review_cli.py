"""The review commands (cli/review.py): ``review``, ``resolve-duplicate``, ``accept``."""

from __future__ import annotations

import json

import pytest

from desa_peduli.cli import main
from desa_peduli.services.session import branch_actor
from tests.conftest import PASSPHRASE
from tests.services.review_fixtures import *  # noqa: F403 - fixtures
from tests.sync.conftest import digest


@pytest.fixture
def cli(office, branch, monkeypatch, capsys):
    """The CLI on ``office``'s branch workspace (closed here, so the CLI can open it)."""
    path = branch.workspace.path
    branch.close()
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)

    def run(*argv):
        code = main(["--data-dir", str(path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_review_accept_and_resolve_by_command_line(cli, office):
    ids = office["ids"]
    code, out, _ = cli("review", "--json")
    queue = json.loads(out)
    assert code == 0 and queue["counts"] == {"duplicate": 1, "invalid": 1, "warning": 2,
                                             "device": 0}
    [pair] = queue["items"]["duplicate"]
    code, out, _ = cli("--lang", "en", "review")
    assert code == 0 and "Review queue: 4 items." in out and "NIK warnings: 2" in out
    assert f"#{pair['pair_id']}" in out

    # a dry run counts and changes nothing
    code, out, _ = cli("accept", "--bundle", office["rina_bundle"], "--dry-run", "--json")
    dry = json.loads(out)
    assert code == 0 and dry["clean"] == 2 and dry["dry_run"]
    assert dry["held"] == {"duplicate": 1, "warning": 2, "invalid": 1}

    # rejected input: exit 1, a message naming what to do, nothing changed
    code, _, err = cli("resolve-duplicate", str(pair["pair_id"]), "--keep", ids["clean2"])
    assert code == 1 and "salah satu dari pasangan" in err
    code, _, err = cli("accept", "--village", "99.99")
    assert code == 1 and "Kode desa tidak dikenal" in err
    with pytest.raises(SystemExit) as usage:  # no scope: argparse's usage error
        cli("accept")
    assert usage.value.code == 2

    code, out, _ = cli("resolve-duplicate", ids["budi_dup"], "--keep", ids["clean1"], "--json")
    assert code == 0 and json.loads(out) == {"pair_id": pair["pair_id"], "kept": ids["clean1"],
                                             "duplicate": ids["budi_dup"]}
    code, out, _ = cli("accept", "--bundle", office["rina_bundle"])
    assert code == 0 and "3 pendaftaran diterima" in out
    code, out, _ = cli("accept", "--volunteer-id", "RLW-002", "--json")
    result = json.loads(out)
    assert result["count"] == 1 and result["batch_id"] and result["actor"] == branch_actor()
    assert result["actor"].startswith("branch:")  # the clerk's login is recorded
    code, out, _ = cli("--lang", "en", "accept", "--volunteer-id", "RLW-002")
    assert code == 0 and "no clean registration to accept" in out
    code, out, _ = cli("review", "--json")
    assert json.loads(out)["counts"] == {"duplicate": 0, "invalid": 1, "warning": 2, "device": 0}


def test_a_refused_scope_changes_nothing(office, branch, cli):
    from desa_peduli.services.session import Session

    path = branch.workspace.path
    with Session.open(path, PASSPHRASE) as session:
        before = digest(session.db)
    for argv in (("accept", "--bundle", "nope"), ("accept", "--volunteer-id", "RLW-404"),
                 ("resolve-duplicate", "77", "--keep", "x")):
        assert cli(*argv)[0] == 1
    with Session.open(path, PASSPHRASE) as session:
        assert digest(session.db) == before


def test_resolve_duplicate_fix_nik_sends_the_wrong_one_back(office, cli, branch):
    """Two people share NIK …0001: --fix-nik Budi's with a reason → Budi's needs correction,
    Rina's is unchanged; without a reason nothing changes (exit 1)."""
    ids = office["ids"]
    code, out, err = cli("resolve-duplicate", ids["budi_dup"], "--fix-nik", ids["budi_dup"])
    assert code == 1 and "alasan" in err
    code, out, _ = cli("resolve-duplicate", ids["budi_dup"], "--fix-nik", ids["budi_dup"],
                       "--reason", "NIK beda dengan KTP", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["correction"], result["unchanged"]) == (ids["budi_dup"], ids["clean1"])
    code, out, _ = cli("--lang", "en", "resolve-duplicate", str(result["pair_id"]),
                       "--keep", ids["clean1"])
    assert code == 1
