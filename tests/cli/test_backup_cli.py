"""``backup --list`` and ``restore BACKUP`` from the command line, at both roles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.sync.conftest import person


@pytest.fixture
def run(run_cli):
    return run_cli


def _names(run, workspace):
    code, out, _ = run(workspace, "backup", "--list", "--json")
    assert code == 0
    return [item["name"] for item in json.loads(out)]


def test_volunteer_lists_and_restores_backups_by_name_and_by_path(
        run, workspace_dir, tmp_path, valid_registration):
    code, out, _ = run(workspace_dir, "backup", "--list")
    assert code == 0 and out == "Belum ada cadangan.\n"
    empty = run(workspace_dir, "backup")[1].strip()
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(person(valid_registration, 1)) + "\n")
    assert run(workspace_dir, "add", str(rows))[0] == 0
    code, out, _ = run(workspace_dir, "backup", "--list", "--json")
    [listed] = json.loads(out)
    assert listed["path"] == empty and listed["reason"] == "manual"
    assert listed["registrations"] == 0 and listed["size"] > 0
    assert listed["created_at"][:4].isdigit()

    # by the name --list shows: the current state is kept first, and named
    code, out, _ = run(workspace_dir, "restore", listed["name"])
    assert code == 0
    before = out.strip().splitlines()[-1]
    assert before.endswith("-pre-restore.db") and Path(before).is_file()
    assert run(workspace_dir, "list")[1] == ""
    code, out, _ = run(workspace_dir, "backup", "--list")
    lines = [line.split("\t") for line in out.splitlines()]
    assert [line[2] for line in lines] == ["pre-restore", "manual"]
    assert [line[4] for line in lines] == ["1", "0"]
    # and back again, by the path it printed
    code, out, _ = run(workspace_dir, "restore", before, "--json")
    report = json.loads(out)
    assert code == 0 and report["restored"]["path"] == before
    assert report["before"]["reason"] == "pre-restore"
    assert len(run(workspace_dir, "list")[1].splitlines()) == 1


def test_an_unknown_or_damaged_backup_exits_1_and_changes_nothing(run, workspace_dir):
    assert run(workspace_dir, "backup")[0] == 0
    names = _names(run, workspace_dir)
    code, _, err = run(workspace_dir, "restore", "20200101T000000-manual.db")
    assert code == 1 and "Cadangan tidak ditemukan" in err
    damaged = workspace_dir / "backups" / "20200101T000000-manual.db"
    damaged.write_bytes(b"not a database at all" * 100)
    code, _, err = run(workspace_dir, "--lang", "en", "restore", str(damaged))
    assert code == 1 and "is damaged" in err and "Nothing was changed" in err
    assert _names(run, workspace_dir) == [*names, damaged.name]  # no pre-restore backup
    code, out, _ = run(workspace_dir, "backup", "--list")
    assert out.splitlines()[-1].endswith("\t?")  # listed, its count unknown


def test_branch_lists_and_restores_a_backup(run, branch_template, tmp_path):
    branch = tmp_path / "branch"
    shutil.copytree(branch_template[0], branch)
    path = run(branch, "backup")[1].strip()
    code, out, _ = run(branch, "restore", path, "--json")
    assert code == 0 and json.loads(out)["before"]["reason"] == "pre-restore"
    code, out, _ = run(branch, "backup", "--list")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["pre-restore", "manual"]
    assert run(branch, "check")[0] == 0
