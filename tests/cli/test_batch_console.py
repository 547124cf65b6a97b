"""``batch … --json`` on a Windows console redirected to a file (cp1252), with names no
cp1252 can hold (outside review, issue 12)."""

from __future__ import annotations

import json

from desa_peduli.services import batches
from tests.cli.test_console_encoding import _run_redirected
from tests.services.desk_helpers import fill_branch


def test_json_output_stays_json_on_a_cp1252_console(branch, tmp_path):
    """A batch named ``Tahap 1 🙂 Ƙ`` and a member ``Ñoño Ğül``: cp1252 holds neither 🙂
    nor Ğ. ``\\U0001f642`` (what Python's backslashreplace writes for 🙂) is not JSON, so
    a script reading ``batch show 1 --json > out.json`` failed; every character cp1252
    cannot hold is written as a JSON escape (🙂 as ``\\ud83d\\ude42``) and reads back."""
    fill_branch(branch.db, 1, start=1, base={"funding_source": "dumisake",
                                             "full_name": "Ñoño Ğül"})
    batch = batches.create(branch, funder="dumisake", name="Tahap 1 🙂 Ƙ",
                           reference_text="SK — “resmi”", first_month="2027-01",
                           last_month="2027-12")
    batches.add(branch, batch.id, village="15.04")
    path = str(branch.workspace.path)
    branch.close()
    code, out, err = _run_redirected(tmp_path, "--data-dir", path, "batch", "show", "1",
                                     "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["name"] == "Tahap 1 🙂 Ƙ" and data["reference"] == "SK — “resmi”"
    assert data["members_list"][0]["name"] == "Ñoño Ğül"
    code, out, err = _run_redirected(tmp_path, "--data-dir", path, "batch", "list")
    assert code == 0 and "Tahap 1 \\ud83d\\ude42 \\u0198" in out  # text: shown, not a crash
