"""A SIGKILL at fixed moments inside the
deferred block (triggers dropped, rows inserted, upkeep half done) of ``add`` and of a
branch import: after reopening, every trigger is back, the full-text index passes its
integrity check and the counts equal a GROUP BY. Deterministic (the child kills itself
at the chosen moment), so no timing and little CPU."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from desa_peduli.services.field import FieldSync
from desa_peduli.storage.bulk import INSERT_TRIGGERS, insert_triggers
from desa_peduli.storage.workspace import Workspace
from tests.storage.test_coverage_counts import counts, truth
from tests.sync.conftest import person

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from desa_peduli.storage import bulk
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    where, workspace, key, target = sys.argv[1:5]
    kill = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    real_execute = None
    if where == "after-upkeep-statement":  # between two of the upkeep statements
        import sqlite_utils
        real_execute = sqlite_utils.Database.execute
        seen = []
        def execute(self, sql, *args, **kw):
            out = real_execute(self, sql, *args, **kw)
            if sql in bulk.UPKEEP:
                seen.append(sql)
                if len(seen) == 3:
                    kill()
            return out
        sqlite_utils.Database.execute = execute
    elif where == "after-triggers-back":  # the triggers re-created, not committed
        original = bulk.deferred_insert_upkeep.__wrapped__
        from contextlib import contextmanager
        def wrapped(db):
            gen = original(db)
            next(gen)
            try:
                yield
            finally:
                try:
                    next(gen)
                except StopIteration:
                    pass
                kill()
        bulk.deferred_insert_upkeep = contextmanager(wrapped)
        import desa_peduli.sync.bundle as b, desa_peduli.services.adding as a
        b.deferred_insert_upkeep = a.deferred_insert_upkeep = bulk.deferred_insert_upkeep
    session = Session(Workspace.open_with_key(Path(workspace), bytes.fromhex(key)))
    if session.role == "branch":
        from desa_peduli.services.branch import BranchService
        BranchService(session).import_bundle(Path(target))
    else:
        from desa_peduli.services.adding import add_file
        add_file(session, Path(target))
    print("finished", flush=True)
""")


def _check(path, key, rows_before):
    with Workspace.open_with_key(path, key) as ws:
        db = ws.db
        assert sorted(insert_triggers(db)) == sorted(INSERT_TRIGGERS)
        db.execute("INSERT INTO registrations_fts(registrations_fts) VALUES ('integrity-check')")
        assert counts(db) == truth(db)
        assert db.execute("SELECT count(*) FROM registrations").fetchone()[0] == rows_before


def _run(where, path, key, target):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-c", CHILD, where, str(path), key.hex(),
                             str(target)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]


@pytest.mark.parametrize("where", ["after-upkeep-statement", "after-triggers-back"])
def test_add_killed_inside_the_deferred_block(
        session, workspace_template, workspace_dir, valid_registration, tmp_path, where):
    _src, key = workspace_template
    session.registrations.save(person(valid_registration, 1))
    session.close()
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(person(valid_registration, i)) for i in
                              range(2, 40)) + "\n")
    _run(where, workspace_dir, key, rows)
    _check(workspace_dir, key, 1)


@pytest.mark.parametrize("where", ["after-upkeep-statement", "after-triggers-back"])
def test_import_killed_inside_the_deferred_block(
        branch, branch_template, make_volunteer, valid_registration, tmp_path, where):
    _src, key = branch_template
    rina = make_volunteer("RLW-001")
    for i in range(1, 30):
        rina.registrations.save(person(valid_registration, i))
    bundle = FieldSync(rina).export(tmp_path).path
    path = branch.workspace.path
    branch.close()
    _run(where, path, key, bundle)
    _check(path, key, 0)
