"""A branch import killed with SIGKILL at random moments: all of the bundle or none of it."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desa_peduli.errors import BundleRejected
from desa_peduli.services.adding import add_file
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.database import integrity_check
from desa_peduli.storage.workspace import Workspace
from tests.sync.conftest import CLOCK_COLUMNS, digest

KILLS = 20
ROWS = 1500
GENERATOR = Path(__file__).resolve().parents[2] / "tools" / "generate_registrations.py"

CHILD = textwrap.dedent("""
    import sys
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace
    session = Session(Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2])))
    print("importing", flush=True)
    BranchService(session).import_bundle(sys.argv[3])
    print("done", flush=True)
""")


def _digest_of(path: Path, key: bytes) -> tuple[str, list[str]]:
    """The content's digest, and the integrity check with the schema's triggers (the
    import sets the insert triggers aside inside its transaction: a kill must bring them
    back) and the full-text index's own check."""
    with Workspace.open_with_key(path, key) as ws:
        ws.db.execute("INSERT INTO registrations_fts(registrations_fts) VALUES ('integrity-check')")
        triggers = [f"trigger {name}" for name, in ws.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")]
        return digest(ws.db, ignore=CLOCK_COLUMNS), integrity_check(ws.db) + triggers


def test_sigkill_during_import_leaves_all_or_nothing(branch_template, branch, make_volunteer,
                                                    tmp_path):
    _src, key = branch_template
    rina = make_volunteer("RLW-001")
    rows = tmp_path / "rows.jsonl"
    subprocess.run([sys.executable, str(GENERATOR), "-n", str(ROWS), "--seed", "7", "-o",
                    str(rows)], check=True, timeout=120)
    assert add_file(rina, rows).added == ROWS
    bundle = FieldSync(rina).export(tmp_path).path
    branch.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(branch.workspace.path, pristine)
    before, pristine_checks = _digest_of(pristine, key)
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference)
    started = time.monotonic()
    with Session(Workspace.open_with_key(reference, key)) as session:
        assert BranchService(session).import_bundle(bundle).new == ROWS
    full_time = time.monotonic() - started
    after, _ = _digest_of(reference, key)

    rng = random.Random(4)
    outcomes = []
    for kill in range(KILLS):
        work = tmp_path / f"kill-{kill}"
        shutil.copytree(pristine, work)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(work), key.hex(), str(bundle)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "importing"
        time.sleep(rng.uniform(0, full_time * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        state, integrity = _digest_of(work, key)
        assert integrity == pristine_checks and integrity[0] == "ok"
        assert state in (before, after), f"partial import after kill {kill}"
        outcomes.append(state == after)
        # the import can be repeated: it applies, or it is recognised as done
        with Session(Workspace.open_with_key(work, key)) as session:
            try:
                BranchService(session).import_bundle(bundle)
            except BundleRejected as exc:
                assert exc.reason == "already_imported" and state == after
        assert _digest_of(work, key)[0] != before
        shutil.rmtree(work)
    assert not all(outcomes), "no kill landed before the commit"
    print(json.dumps({"kills": KILLS, "fully_applied": sum(outcomes),
                      "import_seconds": round(full_time, 2)}))
