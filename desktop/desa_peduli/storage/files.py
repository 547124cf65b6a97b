"""Atomic, private file writes that hold on Windows too: a reader (or a power cut) never sees half a file."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import getpass
import ntpath
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from desa_peduli.errors import DiskFull, FileInUse, NetworkWorkspace

# Windows semantics are chosen by this flag, not by os.name (pathlib follows os.name), so a
# test can emulate them on Linux (tests/windows_emulation.py).
IS_WINDOWS = os.name == "nt"

# how long a replace waits for Excel or an antivirus scanner to let go of a file
REPLACE_WAIT = 2.0
REPLACE_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.5)

# file systems where SQLite's locks and WAL cannot be trusted (Linux /proc/mounts names)
NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs"})
DRIVE_REMOTE = 4  # GetDriveTypeW
PROC_MOUNTS = Path("/proc/mounts")


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (no-op on Windows, where a directory cannot be
    opened for fsync and NTFS journals the rename itself)."""
    if IS_WINDOWS:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
                       wait: float | None = None) -> None:
    """``os.replace`` that waits briefly while another program holds ``target`` (Windows
    refuses the rename while Excel has it open or an antivirus scanner reads it), then
    raises FileInUse. ``source`` is left for the caller to remove."""
    deadline = time.monotonic() + (REPLACE_WAIT if wait is None else wait)
    attempt = 0
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if time.monotonic() >= deadline:
                raise FileInUse(target) from exc
            time.sleep(REPLACE_DELAYS[min(attempt, len(REPLACE_DELAYS) - 1)])
            attempt += 1


def _icacls(path: Path) -> bool:
    """Only the current user may open ``path`` (its inherited permissions removed)."""
    user = getpass.getuser()  # %USERNAME% on Windows
    domain = os.environ.get("USERDOMAIN")
    who = f"{domain}\\{user}" if domain else user
    try:
        done = subprocess.run(
            ["icacls", str(path), "/inheritance:r", "/grant:r", f"{who}:F"],
            capture_output=True, check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except OSError:
        return False
    return done.returncode == 0


def make_private(path: str | os.PathLike[str]) -> bool:
    """Let only the current user read ``path``: mode 0600 on POSIX, an access list with only
    the current user on Windows (where chmod changes nothing). True when that took effect;
    False on a file system without permissions (a FAT/exFAT USB stick), where nothing can."""
    path = Path(path)
    if IS_WINDOWS:
        return _icacls(path)
    try:
        os.chmod(path, 0o600)
    except PermissionError:
        return False
    return True


# the hidden temporary files this program writes beside a target: atomic_writer's
# ``.NAME.XXXXXXXX.tmp`` and the hand-over's sheet buffers ``.NAME.sheetXXXXXXXX.tmp``;
# a temporary SQLite copy (a restore's) also has its ``-journal`` or ``-wal`` and ``-shm``
TEMP_NAME = re.compile(r"^\..+\.(?:sheet)?[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?$")
# inside a workspace every ``*.tmp`` is this program's (a backup being copied, too)
ANY_TEMP = re.compile(r"^.+\.tmp(?:-journal|-wal|-shm)?$")
# a temporary file untouched this long belongs to a write that died (a writer touches its
# file as it goes): only then is one removed from a folder other programs may share
STALE_AFTER_SECONDS = 10 * 60


def remove_stale_temps(folder: str | os.PathLike[str], *, older_than: float = STALE_AFTER_SECONDS,
                       pattern: re.Pattern[str] = TEMP_NAME) -> list[Path]:
    """Remove the temporary files a killed write left in ``folder``; returns them.

    A write killed part-way (power cut, pulled plug, SIGKILL) leaves its hidden temporary
    file behind, and a hand-over or breach list holds personal data in clear text. Only
    names of ``pattern`` not modified for ``older_than`` seconds are removed (0: every one,
    for a folder this process holds the lock of); a file that cannot be removed (open
    elsewhere, read-only stick) is left alone.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime > cutoff:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, private: bool = False,
                  new: bool = False) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``path``; fsync and rename over it on success.

    On any error the temporary file is removed and ``path`` is left as it was; a write
    killed part-way leaves it, and a later write into the folder removes it. With
    ``private`` the temporary file is made private (:func:`make_private`) before its first
    byte is written: use it for keys and every file holding personal data. With
    ``new=True`` an existing ``path`` is never replaced (FileExistsError): for files that
    must not exist yet, such as a new workspace's key.
    """
    target = Path(path)
    remove_stale_temps(target.parent)  # what an earlier, killed write left here
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if private:
                make_private(tmp)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _link_new(tmp, target)
        else:
            replace_with_retry(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFull(target) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class EarlierVersions:
    """The earlier versions of files written together as one set (a split hand-over's),
    renamed aside before any of them is replaced: see :func:`earlier_versions_kept`."""

    def __init__(self) -> None:
        self._moved: list[tuple[Path, Path, tuple[int, int]]] = []

    def set_aside(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Rename each existing one of ``paths`` to a hidden name beside it. On Windows a
        file another program holds open (Excel) cannot be renamed: FileInUse is raised here,
        before any file of the set was replaced."""
        for path in map(Path, paths):
            if not path.is_file():
                continue
            # a name remove_stale_temps knows (TEMP_NAME): left by a killed process, this
            # copy of personal data goes once stale, like a killed write's temporary file
            aside = path.with_name(f".{path.name}.earlier_.tmp")
            times = path.stat()
            try:
                replace_with_retry(path, aside)
            except FileInUse as exc:
                raise FileInUse(path) from exc
            self._moved.append((path, aside, (times.st_atime_ns, times.st_mtime_ns)))
            with contextlib.suppress(OSError):
                os.utime(aside)  # fresh: a write into the folder now leaves it alone

    def put_back(self) -> None:
        for path, aside, times in reversed(self._moved):
            with contextlib.suppress(OSError):
                os.replace(aside, path)
                os.utime(path, ns=times)  # as it was, its date too
        self._moved.clear()

    def drop(self) -> None:
        for _path, aside, _times in self._moved:
            with contextlib.suppress(OSError):
                os.unlink(aside)
        self._moved.clear()


@contextlib.contextmanager
def earlier_versions_kept() -> Iterator[EarlierVersions]:
    """Several files replaced as one: when the block raises, every earlier version set aside
    (:meth:`EarlierVersions.set_aside`) is put back, so a failure part-way through leaves the
    set as it was (the caller removes the new files it already put in place); when it ends,
    they are removed."""
    kept = EarlierVersions()
    try:
        yield kept
    except BaseException:
        kept.put_back()
        raise
    kept.drop()


def _link_new(tmp: Path, target: Path) -> None:
    """Give the written ``tmp`` the name ``target`` unless ``target`` exists (atomically
    where the file system has hard links; else the name is reserved with O_EXCL first)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network file systems)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        replace_with_retry(tmp, target)
    else:
        tmp.unlink()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, private: bool = False,
                       new: bool = False) -> None:
    with atomic_writer(path, private=private, new=new) as handle:
        handle.write(data)


# -- network shares ---------------------------------------------------------------------
def _drive_type(root: str) -> int:
    drive_type: int = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    return drive_type


def _mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount, from /proc/mounts."""
    try:
        text = PROC_MOUNTS.read_text("utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1]
            for code in ("\\040", "\\011", "\\012", "\\134"):  # spaces, tabs, ... escaped
                point = point.replace(code, chr(int(code[1:], 8)))
            found.append((point, fields[2]))
    return found


def network_location(path: str | os.PathLike[str]) -> str | None:
    """What makes ``path`` a network folder (a UNC path, a mapped network drive, an NFS or
    SMB mount), or None for a local one."""
    if IS_WINDOWS:
        drive, _rest = ntpath.splitdrive(ntpath.abspath(os.fspath(path)))
        device = drive.startswith(("\\\\?\\", "\\\\.\\"))  # \\?\C:\..., \\.\C:\...
        if drive.upper().startswith("\\\\?\\UNC\\") or (drive.startswith(("\\\\", "//")) and not device):
            return drive  # \\server\share
        if drive and _drive_type(drive + "\\") == DRIVE_REMOTE:
            return drive
        return None
    resolved = str(Path(path).expanduser().absolute().resolve())
    best, fstype = "", ""
    for point, kind in _mounts():
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fstype = point, kind
    return f"{best} ({fstype})" if fstype in NETWORK_FS else None


def refuse_network_share(path: str | os.PathLike[str]) -> None:
    """Raise NetworkWorkspace when ``path`` is on a network share (WAL and locks fail there)."""
    where = network_location(path)
    if where:
        raise NetworkWorkspace(path, where)
