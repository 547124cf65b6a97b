"""The command-line contract (CLI.md): commands, output fields, exit codes, messages."""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess
import sys

import pytest

from desa_peduli.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(workspace_dir, monkeypatch, capsys):
    """Run the CLI in-process on a fresh workspace; returns (code, stdout, stderr)."""
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("DESA_PEDULI_HOME", raising=False)

    def run(*argv):
        code = main(["--data-dir", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _person(base: dict, serial: int, **changes) -> dict:
    person = copy.deepcopy(base)
    person["nik"] = f"150405420388{serial:04d}"
    person["full_name"] = "Pekerja " + "".join(chr(ord("a") + int(d)) for d in str(serial))
    person.update(changes)
    return person


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_init_volunteer_then_refuses_a_second(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "sandi-yang-panjang")
    target = tmp_path / "baru"
    assert main(["--data-dir", str(target), "init", "volunteer", "--name", "Rina"]) == 0
    assert (target / "workspace.json").exists()
    capsys.readouterr()
    assert main(["--data-dir", str(target), "init", "volunteer", "--name", "Rina"]) == 3
    assert "Sudah ada ruang kerja" in capsys.readouterr().err


@pytest.mark.parametrize("role", [["volunteer", "--name", "Rina"],
                                  ["branch", "--name", "Kantor Cabang Jambi", "--province", "15"]])
def test_init_in_a_damaged_workspace_changes_nothing(workspace_dir, monkeypatch, capsys, role):
    """keys/ and the database without workspace.json: a damaged workspace, not a new one."""
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "sandi-yang-panjang")
    (workspace_dir / "workspace.json").unlink()
    key_file = workspace_dir / "keys" / "passphrase.age"
    before = key_file.read_bytes()
    files = sorted(p.name for p in workspace_dir.rglob("*"))
    assert main(["--data-dir", str(workspace_dir), "init", *role]) == 3
    err = capsys.readouterr().err
    assert "workspace.json" in err and "Tidak ada yang diubah" in err and "keys/branch.age" in err
    assert key_file.read_bytes() == before
    assert sorted(p.name for p in workspace_dir.rglob("*")) == files


def test_a_data_dir_that_is_a_file_is_refused_as_such(tmp_path, monkeypatch, capsys):
    """--data-dir naming a file by mistake: said plainly (not a bug, not "restore from a
    backup"), for init and for every other command; the file is not touched."""
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "sandi-yang-panjang")
    target = tmp_path / "catatan.txt"
    target.write_text("punya saya", "utf-8")
    for argv in (["init", "volunteer", "--name", "Rina"], ["list"]):
        assert main(["--data-dir", str(target), *argv]) == 3
        err = capsys.readouterr().err
        assert "adalah berkas, bukan folder" in err and "tak terduga" not in err
        assert "cadangan" not in err
    assert target.read_text("utf-8") == "punya saya"


def test_init_where_workspace_json_is_a_folder_changes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "sandi-yang-panjang")
    (tmp_path / "ws" / "workspace.json").mkdir(parents=True)
    assert main(["--data-dir", str(tmp_path / "ws"), "init", "volunteer", "--name", "Rina"]) == 3
    err = capsys.readouterr().err
    assert "workspace.json/" in err and "Tidak ada yang diubah" in err
    assert "tak terduga" not in err
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == ["workspace.json"]


def test_init_short_passphrase_is_input_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "pendek")
    assert main(["--data-dir", str(tmp_path / "x"), "init", "volunteer", "--name", "Rina"]) == 1
    assert "minimal 8" in capsys.readouterr().err
    assert not (tmp_path / "x" / "workspace.json").exists()


def test_add_jsonl_then_list_with_contribution(cli, tmp_path, valid_registration):
    rows = [_person(valid_registration, i) for i in range(1, 4)]
    code, out, err = cli("add", str(_write_jsonl(tmp_path / "a.jsonl", rows)))
    assert code == 0, err
    assert "3 baru" in out
    code, out, _ = cli("list")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["nik"] for r in records] == [r["nik"] for r in rows]
    first = records[0]
    assert first["status"] == "ready" and first["revision"] == 1 and first["id"]
    assert first["phone"] == "+6281234567890"
    contribution = first["contribution"]
    assert contribution["base"] == 1600000 and contribution["jkk"] in (16000, 8000)
    assert contribution["total"] == contribution["jkk"] + contribution["jkm"] + contribution["jht"]
    assert set(contribution) >= {"month", "band", "base", "jkk", "jkm", "jht", "total",
                                 "paid_by_worker", "paid_by_funder", "rule"}


def test_add_is_all_or_nothing_with_row_numbers(cli, tmp_path, valid_registration):
    rows = [_person(valid_registration, 1), _person(valid_registration, 2, phone="12345"),
            _person(valid_registration, 3, occupation="astronot")]
    path = _write_jsonl(tmp_path / "bad.jsonl", rows)
    code, out, err = cli("add", str(path))
    assert code == 1
    assert "bad.jsonl: baris 2: phone:" in err
    assert "bad.jsonl: baris 3: occupation:" in err
    assert "tidak ada yang disimpan" in err
    assert cli("list")[1] == ""
    code, out, err = cli("add", "--skip-invalid", str(path))
    assert code == 0
    assert len(cli("list")[1].splitlines()) == 1


def test_adding_the_same_file_twice_creates_no_duplicates(cli, tmp_path, valid_registration):
    path = _write_jsonl(tmp_path / "a.jsonl", [_person(valid_registration, i) for i in (1, 2)])
    assert cli("add", str(path))[0] == 0
    code, out, _ = cli("add", "--json", str(path))
    assert json.loads(out.splitlines()[-1])["unchanged"] == 2
    assert len(cli("list")[1].splitlines()) == 2


def test_update_by_id(cli, tmp_path, valid_registration):
    cli("add", str(_write_jsonl(tmp_path / "a.jsonl", [_person(valid_registration, 1)])))
    record = json.loads(cli("list")[1])
    changed = _person(valid_registration, 1, id=record["id"], street="Jalan Baru")
    code, out, err = cli("add", str(_write_jsonl(tmp_path / "b.jsonl", [changed])))
    assert code == 0 and "1 diubah" in out, err
    after = json.loads(cli("list")[1])
    assert after["street"] == "Jalan Baru" and after["revision"] == 2
    unknown = _person(valid_registration, 2, id="00000000-0000-7000-8000-000000000000")
    code, _, err = cli("add", str(_write_jsonl(tmp_path / "c.jsonl", [unknown])))
    assert code == 1 and "tidak dikenal" in err


def test_add_csv_and_xlsx(cli, tmp_path, valid_registration):
    from openpyxl import Workbook

    headers = list(valid_registration)
    rows = [_person(valid_registration, 1), _person(valid_registration, 2, programs="JKK,JKM,JHT")]

    def cell(value):
        return json.dumps(value) if isinstance(value, dict | list) else value

    with open(tmp_path / "a.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([cell(row[h]) if row[h] is not None else "" for h in headers])
    code, out, err = cli("add", str(tmp_path / "a.csv"))
    assert code == 0, err

    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    sheet.append([cell(v) for v in _person(valid_registration, 3).values()])
    sheet.append([cell(v) for v in _person(valid_registration, 4, rt="x").values()])
    book.save(tmp_path / "a.xlsx")
    code, out, err = cli("add", str(tmp_path / "a.xlsx"))
    assert code == 1 and "a.xlsx: baris 3: rt:" in err
    records = [json.loads(line) for line in cli("list")[1].splitlines()]
    assert len(records) == 2
    assert records[1]["programs"] == ["JKK", "JKM", "JHT"]


def test_list_csv_and_status_filter(cli, tmp_path, valid_registration):
    cli("add", str(_write_jsonl(tmp_path / "a.jsonl", [_person(valid_registration, 1)])))
    code, out, _ = cli("list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["nik"] == "1504054203880001"
    assert json.loads(rows[0]["heirs"])[0]["relationship"] == "suami"
    assert cli("list", "--status", "draft")[1] == ""


def test_unreadable_and_unsupported_files(cli, tmp_path):
    (tmp_path / "x.txt").write_text("hello")
    code, _, err = cli("add", str(tmp_path / "x.txt"))
    assert code == 1 and "tidak didukung" in err
    (tmp_path / "broken.jsonl").write_text('{"nik": \n')
    code, _, err = cli("add", str(tmp_path / "broken.jsonl"))
    assert code == 1 and "baris 1" in err and "JSON" in err
    code, _, err = cli("add", str(tmp_path / "missing.jsonl"))
    assert code == 1 and "tidak ditemukan" in err.lower()


def test_wrong_passphrase_exit_3_and_english(cli, monkeypatch, capsys, workspace_dir):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", "salah-sekali")
    assert main(["--data-dir", str(workspace_dir), "check"]) == 3
    assert "Kata sandi salah" in capsys.readouterr().err
    assert main(["--lang", "en", "--data-dir", str(workspace_dir), "list"]) == 3
    assert "Wrong passphrase" in capsys.readouterr().err


def test_check_reports_ok(cli):
    code, out, _ = cli("check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["integrity"] == "ok"
    assert report["migrations"][0] == "0001_initial"


def test_missing_workspace_and_no_passphrase(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(tmp_path / "none"), "list"]) == 3
    assert "Belum ada ruang kerja" in capsys.readouterr().err


def test_usage_errors_exit_2(workspace_dir):
    env_less = {k: v for k, v in __import__("os").environ.items()
                if k != "DESA_PEDULI_PASSPHRASE"}
    result = subprocess.run([sys.executable, "-m", "desa_peduli", "--data-dir", str(workspace_dir),
                             "list"], capture_output=True, text=True, env=env_less,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "DESA_PEDULI_PASSPHRASE" in result.stderr
    result = subprocess.run([sys.executable, "-m", "desa_peduli", "frobnicate"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2


@pytest.mark.parametrize("trouble", ["locked", "read-only", "full"])
def test_sqlite_trouble_gets_its_own_message(cli, workspace_dir, workspace_template, tmp_path,
                                             valid_registration, monkeypatch, trouble):
    """Not "Something went wrong (OperationalError)": what happened and what to do, exit 3."""
    from desa_peduli.storage import database, workspace

    _src, key = workspace_template
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    pragma = {"read-only": "PRAGMA query_only = ON", "full": "PRAGMA max_page_count = {pages}"}
    opened = database.connect

    def connect(*args, **kwargs):
        db = opened(*args, **kwargs)
        if trouble in pragma:
            if trouble == "full":
                db.execute("VACUUM")  # no free pages left to reuse
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(pragma[trouble].format(pages=pages))
        return db

    monkeypatch.setattr(workspace, "connect", connect)
    other = opened(workspace_dir / "desa-peduli.db", key)
    if trouble == "locked":
        other.execute("BEGIN IMMEDIATE")  # another program holds a write transaction
        other.execute("UPDATE settings SET value = value")
    try:
        people = [_person(valid_registration, serial) for serial in range(1, 41)]
        code, _out, err = cli("add", str(_write_jsonl(tmp_path / "a.jsonl", people)))
    finally:
        if trouble == "locked":
            other.execute("ROLLBACK")
        other.conn.close()
    expected = {"locked": "sedang dipakai program lain", "read-only": "folder hanya-baca",
                "full": "Penyimpanan penuh"}[trouble]
    assert code == 3 and expected in err, err
    assert "Traceback" not in err and "OperationalError" not in err
    monkeypatch.setattr(workspace, "connect", opened)
    assert cli("list")[1] == ""  # nothing was stored
