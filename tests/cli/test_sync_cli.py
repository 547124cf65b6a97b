"""The round trip through the command line only (CLI.md): enrol, export, import, status,
receipt, import receipt, fingerprints, recovery."""

from __future__ import annotations

import json

from desa_peduli.cli import main
from tests.conftest import PASSPHRASE
from tests.sync.conftest import person


def test_round_trip_by_cli(tmp_path, monkeypatch, capsys, valid_registration):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    branch, vol, stick = tmp_path / "branch", tmp_path / "vol", tmp_path / "stick"
    stick.mkdir()

    def run(workspace, *argv):
        code = main(["--data-dir", str(workspace), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run(branch, "init", "branch", "--name", "Kantor Cabang Jambi", "--province", "15")[0] == 0
    code, out, _ = run(branch, "enrol", "--volunteer-id", "RLW-001", "--name", "Rina Marlina",
                       "--village", "15.04.05.2003", "-o", str(stick))
    enrolment = out.strip()
    assert code == 0 and enrolment.endswith(".dpenrol")
    code, out, _ = run(vol, "init", "volunteer", "--enrolment", enrolment, "--json")
    info = json.loads(out)
    assert code == 0 and info["enrolled"]
    assert info["branch_fingerprint"] == run(branch, "fingerprint")[1].strip()
    assert info["fingerprint"] == run(vol, "fingerprint")[1].strip()

    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(person(valid_registration, i)) + "\n" for i in (1, 2)))
    assert run(vol, "add", str(rows))[0] == 0
    code, out, _ = run(vol, "export", "-o", str(stick))
    bundle = out.strip()
    assert code == 0 and bundle.endswith("_000001-000002.dpbundle")
    code, out, _ = run(branch, "import", "--json", bundle)
    report = json.loads(out)
    assert code == 0 and report["new"] == 2 and report["status"] == "applied"
    backups = sorted((branch / "backups").glob("*-pre-import.db"))
    assert len(backups) == 1  # taken before the bundle was merged
    code, _, err = run(branch, "import", bundle)
    assert code == 1 and "sudah pernah diimpor" in err
    assert sorted((branch / "backups").glob("*-pre-import.db")) == backups  # a replay: none

    records = [json.loads(line) for line in run(branch, "list")[1].splitlines()]
    first, second = sorted(records, key=lambda r: r["nik"])
    assert run(branch, "status", first["id"], "registered", "--kpj", "11223344556")[0] == 0
    assert run(branch, "status", second["id"], "correction", "--reason", "RT salah")[0] == 0
    code, _, err = run(branch, "status", second["id"], "registered", "--kpj", "12")
    assert code == 1 and "KPJ" in err
    code, out, _ = run(branch, "receipt", "--volunteer-id", "RLW-001", "-o", str(stick))
    receipt = out.strip()
    assert code == 0 and receipt.endswith(".dpreceipt")
    assert run(vol, "import", receipt)[0] == 0
    mine = {json.loads(line)["id"]: json.loads(line) for line in run(vol, "list")[1].splitlines()}
    assert mine[first["id"]]["status"] == "registered"
    assert mine[first["id"]]["kpj_number"] == "11223344556"
    assert mine[second["id"]]["status"] == "correction"
    assert mine[second["id"]]["branch_reason"] == "RT salah"
    code, _, err = run(vol, "import", receipt)  # the same receipt again
    assert code == 1 and "sudah diterapkan" in err
    code, _, err = run(vol, "export", "-o", str(stick))  # acknowledged: nothing new
    assert code == 0 and "Tidak ada perubahan" in err

    # a forgotten passphrase: the branch sets a new one
    (tmp_path / "new.txt").write_text("sandi-baru-cabang\n")
    assert run(branch, "recover", str(vol), "--new-passphrase-file",
               str(tmp_path / "new.txt"))[0] == 0
    assert run(vol, "check")[0] == 3
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "sandi-baru-cabang")
    assert run(vol, "check")[0] == 0
