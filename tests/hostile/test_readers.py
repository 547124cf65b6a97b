"""Every reader of a file from outside, run through its public entry point (the CLI, in
process) over the whole hostile corpus: no traceback, a message naming the file, exit 1
(2 for a usage error, 3 for a passphrase), and the workspace exactly as it was."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pytest

from desa_peduli.cli import main
from tests.hostile import corpus
from tests.hostile.conftest import digest

CONTAINER = "fixed on branch container-integrity"


@dataclass(frozen=True)
class Reader:
    workspace: str  # "branch", "volunteer", "unenrolled", "new" (a folder not there yet)
    argv: tuple[str, ...]  # FILE is put after these
    suffix: str
    own_kinds: frozenset[str] = frozenset()  # corpus entries valid for it: left out
    names_file: bool = True  # its message names the file


READERS = {
    "add-jsonl": Reader("volunteer", ("add",), ".jsonl", frozenset({"kind-registrations"})),
    "add-csv": Reader("volunteer", ("add",), ".csv"),
    "add-xlsx": Reader("volunteer", ("add",), ".xlsx"),
    "import-kpj-csv": Reader("branch", ("import-kpj",), ".csv", frozenset({"kind-kpj-results"})),
    "import-kpj-xlsx": Reader("branch", ("import-kpj",), ".xlsx"),
    "coverage-targets-csv": Reader("branch", ("coverage-targets", "--import"), ".csv"),
    "coverage-targets-xlsx": Reader("branch", ("coverage-targets", "--import"), ".xlsx"),
    "reference-rules": Reader("branch", ("reference", "install"), ".json",
                              frozenset({"kind-rules"})),
    "reference-occupations": Reader("branch", ("reference", "install"), ".csv",
                                    frozenset({"kind-occupations"})),
    "bundle": Reader("branch", ("import",), ".dpbundle"),
    "receipt": Reader("volunteer", ("import",), ".dpreceipt", frozenset({"kind-receipt"})),
    "enrolment": Reader("unenrolled", ("init", "volunteer", "--enrolment"), ".dpenrol",
                        frozenset({"kind-enrolment"})),
    "enrolment-new": Reader("new", ("init", "volunteer", "--enrolment"), ".dpenrol",
                            frozenset({"kind-enrolment"})),
    "passphrase-file": Reader("volunteer", ("--passphrase-file",), ".txt", names_file=False),
}


@functools.cache
def _names() -> dict[str, list[str]]:
    """Corpus entry names per reader (the content is built by the ``entry`` fixture)."""
    generic = list(corpus.generic())
    kinds = ["kind-bundle", "kind-receipt", "kind-enrolment", "kind-registrations",
             "kind-kpj-results", "kind-rules", "kind-occupations", "kind-bundle-truncated",
             "kind-receipt-truncated", "kind-enrolment-truncated"]
    xlsx = ["xlsx-zip-bomb", "xlsx-absurd-dimensions", "xlsx-damaged-sheet", "xlsx-truncated"]
    out = {}
    for name, reader in READERS.items():
        names = generic + [k for k in kinds if k not in reader.own_kinds]
        if reader.suffix == ".xlsx":
            names += xlsx
        out[name] = names
    return out


def _cases():
    for name in READERS:
        for entry in _names()[name]:
            yield pytest.param(name, entry, id=f"{name}-{entry}")


@pytest.fixture(scope="session")
def contents(world) -> dict[str, bytes]:
    return {**corpus.generic(), **corpus.of_other_kinds(world), **corpus.xlsx_only()}


@pytest.mark.parametrize(("reader_name", "entry"), list(_cases()))
def test_every_reader_refuses_every_hostile_file(world, contents, reader_name, entry, capsys,
                                                 tmp_path):
    reader = READERS[reader_name]
    source = tmp_path / f"hostile-{entry}{reader.suffix}"
    source.write_bytes(contents[entry])
    workspace = {"branch": world.branch, "volunteer": world.volunteer,
                 "unenrolled": world.unenrolled, "new": tmp_path / "new-workspace"}[
        reader.workspace]
    before = world.digests.get(workspace) or digest(world, workspace)
    if reader_name == "passphrase-file":
        argv = ["--data-dir", str(workspace), "--passphrase-file", str(source), "check"]
    else:
        argv = ["--data-dir", str(workspace), *reader.argv, str(source)]

    code = main(argv)  # anything but a DesaPeduliError would escape here: a traceback

    out, err = capsys.readouterr()
    after = digest(world, workspace)
    world.digests[workspace] = after
    assert code in (1, 2, 3), (code, out, err)
    assert "Traceback" not in err
    assert err.strip(), "no message"
    if reader.names_file:
        assert source.name in out + err, err
    assert after == before, "the workspace changed"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_passphrase_file_from_notepad_or_powershell_opens(world, tmp_path, capsys, encoding):
    """The right passphrase, saved with a BOM (Notepad) or as UTF-16 (PowerShell)."""
    from tests.conftest import PASSPHRASE

    source = tmp_path / "sandi.txt"
    source.write_bytes((PASSPHRASE + "\r\n").encode(encoding))
    assert main(["--data-dir", str(world.volunteer), "--passphrase-file", str(source),
                 "check"]) == 0
