"""Passphrase files as Windows writes them: Notepad's UTF-8 BOM, PowerShell's UTF-16 (item 21)."""

from __future__ import annotations

import codecs

import pytest

from desa_peduli.cli import main
from tests.conftest import PASSPHRASE

# spaces and a tab inside and at both ends belong to the passphrase; only the line ending goes
NEW = " sandi déjà vu\tlagi  "
ENCODED = {
    "UTF-16 with BOM, CRLF (PowerShell 5: > or Out-File)": codecs.BOM_UTF16_LE
    + (NEW + "\r\n").encode("utf-16-le"),
    "UTF-16 big-endian with BOM": codecs.BOM_UTF16_BE + (NEW + "\n").encode("utf-16-be"),
    "UTF-16 without BOM": (NEW + "\r\n").encode("utf-16-le"),
    "UTF-8 with BOM, CRLF (Notepad)": codecs.BOM_UTF8 + (NEW + "\r\n").encode(),
    "UTF-8, LF, a second line": (NEW + "\nbaris kedua\n").encode(),
    "UTF-8, no line ending": NEW.encode(),
}


@pytest.fixture
def run(workspace_dir, monkeypatch, capsys):
    monkeypatch.delenv("DESA_PEDULI_HOME", raising=False)

    def run(*argv):
        code = main(["--data-dir", str(workspace_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_passphrase_files_from_notepad_and_powershell(run, tmp_path, monkeypatch):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    new_file = tmp_path / "baru.txt"
    new_file.write_bytes(next(iter(ENCODED.values())))  # as PowerShell writes it
    code, _, err = run("passphrase", "--new-passphrase-file", str(new_file))
    assert code == 0, err
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", NEW)  # exactly: spaces and tab kept
    assert run("check")[0] == 0
    monkeypatch.delenv("DESA_PEDULI_PASSPHRASE")
    for name, data in ENCODED.items():
        path = tmp_path / "sandi.txt"
        path.write_bytes(data)
        code, _, err = run("--passphrase-file", str(path), "check")
        assert code == 0, f"{name}: {err}"


def test_a_passphrase_file_that_is_not_text_changes_nothing(run, tmp_path, monkeypatch):
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    cp1252 = tmp_path / "ansi.txt"
    cp1252.write_bytes("sandi-café-desa\r\n".encode("cp1252"))
    code, _, err = run("passphrase", "--new-passphrase-file", str(cp1252))
    assert code == 2
    assert "bukan teks UTF-8 atau UTF-16" in err and "simpan ulang sebagai UTF-8" in err
    assert "Traceback" not in err
    assert run("check")[0] == 0  # the old passphrase still opens it
    code, _, err = run("--passphrase-file", str(cp1252), "check")
    assert code == 2 and "ansi.txt" in err
