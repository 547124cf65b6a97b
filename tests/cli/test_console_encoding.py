"""Output redirected on Windows is cp1252: the CLI never crashes on the console's encoding (item 22)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PASSPHRASE
from tests.services.review_fixtures import *  # noqa: F403 - fixtures


def _run_redirected(tmp_path, *argv, encoding: str = "cp1252"):
    """``desa-peduli ARGV > out.txt 2> err.txt`` with Windows' console encoding."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONUTF8", "PYTHONIOENCODING", "PYTHONLEGACYWINDOWSSTDIO")}
    env.update(PYTHONIOENCODING=encoding, DESA_PEDULI_PASSPHRASE=PASSPHRASE)
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        code = subprocess.run([sys.executable, "-m", "desa_peduli", *argv], stdout=stdout,
                              stderr=stderr, env=env, timeout=120).returncode
    return code, out.read_bytes().decode("cp1252"), err.read_bytes().decode("cp1252")


def test_review_redirected_to_a_cp1252_file(office, branch, tmp_path):
    path = str(branch.workspace.path)
    branch.close()
    code, out, err = _run_redirected(tmp_path, "--data-dir", path, "review")
    assert code == 0, err
    assert "Traceback" not in err
    assert "Antrean tinjauan: 4 butir." in out and "NIK" in out
    assert "\\u2194" in out  # the arrow, written so it survives cp1252
    code, out, err = _run_redirected(tmp_path, "--data-dir", path, "--lang", "en", "review",
                                     encoding="cp1252:strict")
    assert code == 0, err
    assert "Review queue: 4 items." in out and "\\u2194" in out

