"""`import F1 F2 ...` at the CLI with the
prefetch on (every bundle decoded by a second process): verdicts, exit code (CLI.md: a
rejected file makes the exit code 1) and no decoding process left behind."""

from __future__ import annotations

import json

from tests.cli.test_hostile_files_cli import cli, stick  # noqa: F401
from tests.sync.test_import_queue import _children, every_bundle_large  # noqa: F401


def test_a_batch_with_replays_and_a_missing_file(stick, cli,  # noqa: F811
                                                               every_bundle_large):  # noqa: F811
    folder = stick["folder"]
    first = sorted(folder.glob("RLW-001_*.dpbundle"))[0]  # imported by the fixture
    missing = folder / "hilang.dpbundle"
    code, out, _err = cli(stick["branch"], "import", "--json", str(first), str(stick["second"]),
                          str(missing), str(stick["second"]), str(stick["third"]))
    assert code == 1
    verdicts = json.loads(out)
    assert [v["status"] for v in verdicts] == ["rejected", "applied", "rejected", "rejected",
                                               "applied"]
    assert verdicts[0]["reason"] == verdicts[3]["reason"] == "already_imported"
    assert _children() == []
