"""Temporary files a killed write left (a hand-over in clear text, a backup copy) do not
stay: the next write into the folder and the next opening of the workspace remove them."""

from __future__ import annotations

import os
import tempfile
import time

from desa_peduli.storage.files import atomic_write_bytes
from desa_peduli.storage.workspace import Workspace

NIK = b"1504054203880001"
LONG_AGO = time.time() - 3600


def _left(folder, prefix: str, *, old: bool = True):
    """A temporary file as the program's writers name them, holding a NIK."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    os.write(fd, b"nik," + NIK + b"\n")
    os.close(fd)
    if old:
        os.utime(name, (LONG_AGO, LONG_AGO))
    return name


def test_a_write_removes_what_killed_writes_left_in_its_folder(tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    csv = _left(stick, ".handover-20261201.csv.")  # atomic_writer's temporary file
    sheet = _left(stick, ".handover-20261201.xlsx.sheet")  # a hand-over sheet's rows
    running = _left(stick, ".breach-RLW-001.csv.", old=False)  # being written right now
    theirs = [stick / "notes.tmp", stick / ".~lock.data.csv#", stick / "data.csv"]
    for path in theirs:
        path.write_bytes(b"not ours")
        os.utime(path, (LONG_AGO, LONG_AGO))

    atomic_write_bytes(stick / "breach-RLW-002.csv", b"nik\n")

    assert not os.path.exists(csv) and not os.path.exists(sheet)
    assert os.path.exists(running)
    assert all(path.exists() for path in theirs)


def test_opening_a_workspace_removes_every_temp_a_killed_write_left(workspace_template,
                                                                     workspace_dir):
    _src, key = workspace_template
    with Workspace.open_with_key(workspace_dir, key) as ws:
        backup_dir, keys_dir = ws.backups_dir, workspace_dir / "keys"
    # fresh ones too: the workspace's lock says no other program writes here
    left = [_left(workspace_dir, ".workspace.json.", old=False),
            _left(keys_dir, ".passphrase.age.", old=False)]
    copy = backup_dir / "20261201T080000000000-scheduled.tmp"  # make_backup's copy
    copy.write_bytes(b"a whole database")
    (workspace_dir / "notes.tmp").write_bytes(b"someone else's, in a --data-dir they chose")
    kept = set(os.listdir(workspace_dir)) | {"keys/" + n for n in os.listdir(keys_dir)}
    kept -= {os.path.basename(p) for p in left} | {"keys/" + os.path.basename(left[1])}

    with Workspace.open_with_key(workspace_dir, key):
        pass

    assert not any(os.path.exists(p) for p in left) and not copy.exists()
    assert kept <= set(os.listdir(workspace_dir)) | {"keys/" + n for n in os.listdir(keys_dir)}


KILLED_RESTORE = """
import os, signal, sys
from desa_peduli.storage import backups
from desa_peduli.storage.workspace import Workspace

def killed(live, restored, role):  # the power cut, with the copy's journal on disk
    restored.execute("UPDATE settings SET value = value")
    os.kill(os.getpid(), signal.SIGKILL)

backups.carry_forward = killed
ws = Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2]))
backups.restore_backup(ws, backups.list_backups(ws)[0])
"""


def test_a_restore_killed_part_way_leaves_nothing_behind(workspace_template, workspace_dir):
    """SIGKILL in the middle of a restore leaves its working copy and that copy's
    write-ahead log and shared memory (or rollback journal): pages of the whole database,
    encrypted, beside it. The next opening removes them all, or a purge later would leave
    the purged people there."""
    import subprocess
    import sys

    from desa_peduli.storage.backups import make_backup

    key = workspace_template[1]
    with Workspace.open_with_key(workspace_dir, key) as ws:
        make_backup(ws, reason="manual")
    child = subprocess.run([sys.executable, "-c", KILLED_RESTORE, str(workspace_dir), key.hex()],
                           capture_output=True, text=True, check=False)
    assert child.returncode == -9, child.stderr
    left = sorted(p.name for p in workspace_dir.iterdir() if p.name.startswith(".restore."))
    # the copy, and whatever log SQLite kept beside it at that moment
    assert left and all(n.startswith(left[0]) for n in left), left
    with Workspace.open_with_key(workspace_dir, key) as ws:
        assert ws.db.execute("SELECT count(*) FROM settings").fetchone()[0]
    assert not [p.name for p in workspace_dir.iterdir() if p.name.startswith(".restore.")]


KILLED_SERVICE_RESTORE = """
import os, signal, sys
from desa_peduli.services import backups
from desa_peduli.services.session import Session
from desa_peduli.storage import backups as storage
from desa_peduli.storage.workspace import Workspace

session = Session(Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2])))
migrate = storage.migrations.apply

def apply_then_die(db):  # the copy is written (and its log) when the plug is pulled
    migrate(db)
    os.kill(os.getpid(), signal.SIGKILL)

storage.migrations.apply = apply_then_die
backups.restore(session, backups.find(session, sys.argv[3]))
"""


def test_a_restore_killed_part_way_leaves_nothing_once_the_workspace_opens(
        workspace_template, workspace_dir, valid_registration):
    """SIGKILL while a restore writes its private copy: the workspace is as before, and
    the copy and the log files SQLite kept beside it are gone at the next opening."""
    import signal
    import subprocess
    import sys

    from desa_peduli.services.session import Session
    from desa_peduli.storage.backups import make_backup
    from desa_peduli.storage.database import integrity_check

    _src, key = workspace_template
    with Session(Workspace.open_with_key(workspace_dir, key)) as session:
        backup = make_backup(session.workspace, reason="manual")
        session.registrations.save(valid_registration)
    child = subprocess.run([sys.executable, "-c", KILLED_SERVICE_RESTORE, str(workspace_dir),
                            key.hex(), backup.path.name], capture_output=True, check=False)
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    assert [n for n in os.listdir(workspace_dir) if n.startswith(".restore.")]
    with Workspace.open_with_key(workspace_dir, key) as ws:
        assert integrity_check(ws.db) == ["ok"]
        assert ws.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1
    assert not [n for n in os.listdir(workspace_dir) if n.startswith(".restore.")]
